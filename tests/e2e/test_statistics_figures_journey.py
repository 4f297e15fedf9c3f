"""In a real browser: Board staff open the figures page from the dashboard's forms menu, enter Biểu 0604 for
2024, see a breakdown of 0605 refused with its reason, then download Biểu 0604. Screenshots at 1366 and 390 px
go to test-artifacts/screenshots/."""

from __future__ import annotations

import io

import openpyxl
import pytest
from playwright.sync_api import expect

from tests.e2e.test_dossier_journey import shoot_page, sign_in
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_staff_enter_the_apparatus_figures_and_download_0604(browser, browser_context_args, live_server, staff):
    UnitFactory(kind="tinh", name="Ủy ban nhân dân tỉnh Lạng Sơn", code="ubnd-tinh")
    page = sign_in(browser.new_context(**browser_context_args, accept_downloads=True), live_server.url, "staff")
    page.goto(f"{live_server.url}/dashboard/forms/figures/?year=2024")
    apparatus = page.get_by_test_id("figures-0604")
    apparatus.get_by_label("- Cấp ban thuộc Sở Nội vụ").fill("1")
    apparatus.get_by_label("- Cấp phòng thuộc Sở Nội vụ").fill("2")
    apparatus.get_by_role("button", name="Lưu Biểu 0604").click()
    expect(page.get_by_text("Đã lưu số liệu Biểu 0604 năm 2024.")).to_be_visible()
    staff_form = page.get_by_test_id("figures-0605")
    staff_form.get_by_label("Tổng số", exact=True).fill("3")
    staff_form.get_by_label("- Từ 31 đến 40", exact=True).fill("2")
    staff_form.get_by_role("button", name="Lưu Biểu 0605").click()
    expect(page.get_by_test_id("figures-0605")).to_contain_text(
        "Chia theo độ tuổi: cộng tổng số các dòng 02-07 được 2, phải bằng dòng 01 (3).")
    shoot_page(page, "statistics-figures-1366")
    page.set_viewport_size({"width": 390, "height": 844})
    shoot_page(page, "statistics-figures-390")
    with page.expect_download() as download:
        page.get_by_test_id("figures-0604").get_by_role("link", name="Xuất Excel").click()
    sheet = openpyxl.load_workbook(io.BytesIO(open(download.value.path(), "rb").read())).active
    assert (sheet["A1"].value, sheet["D11"].value, sheet["D15"].value, sheet["D16"].value) == (
        "Biểu số: 0604.N/BNV-TĐKT", 3, 1, 2)
