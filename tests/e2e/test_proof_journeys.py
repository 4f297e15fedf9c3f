"""In a real browser: staff open a council session and put a reviewed dossier on its agenda, a council member
votes and sees the tally change; staff publish a decision and download its
PDF; leadership open the dashboard, change the year and export it to Excel. Screenshots go to
test-artifacts/screenshots/."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import expect

from awards.enums import DossierState
from awards.models import Award, CouncilSession, Vote
from awards.reports import selectors
from tests.e2e.test_dossier_journey import shoot_page, sign_in
from tests.factories import (
    PersonFactory,
    UserFactory,
    make_dossier,
    make_draft_decision,
    outside_event_loop,
    sign_latest_decision,
)
from units.models import Role

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_council_member_votes_and_the_tally_updates(browser, browser_context_args, live_server, council_member,
                                                    staff, unit_a, officer_a):
    others = [UserFactory(full_name=f"Thành viên {i}", roles=[Role.COUNCIL_MEMBER]) for i in range(4)]
    person = PersonFactory(full_name="Nguyễn Khắc Phương", unit=unit_a)
    dossier = make_dossier(unit_a, officer_a, code="chien-si-thi-dua-cap-tinh", state=DossierState.REVIEWED,
                           verdict="eligible", recipient=person)
    # staff open a session with the five members and put the reviewed nomination on its agenda
    board = sign_in(browser.new_context(**browser_context_args), live_server.url, "staff")
    board.get_by_role("link", name="Hội đồng", exact=True).click()
    board.get_by_role("link", name="Tạo phiên họp").click()
    board.get_by_label("Tên phiên họp").fill("Phiên họp tháng 01/2021")
    board.get_by_label("Ngày họp").fill("2021-01-20")
    board.get_by_label("Địa điểm").fill("UBND tỉnh")
    for member in [council_member, *others]:
        board.get_by_label(member.full_name, exact=True).check()
    board.get_by_role("button", name="Tạo phiên họp").click()
    expect(board.locator("h1")).to_contain_text("Phiên họp tháng 01/2021")
    board.get_by_label(f"Nguyễn Khắc Phương - {dossier.nominations.get().award_type.name}", exact=False).check()
    board.get_by_role("button", name="Đưa vào chương trình").click()
    expect(board.get_by_role("alert").first).to_contain_text("Đã đưa 1 đề nghị vào chương trình phiên họp.")
    shoot_page(board, "council-staff-agenda")
    session = CouncilSession.objects.get(title="Phiên họp tháng 01/2021")
    assert sorted(session.members.values_list("pk", flat=True)) == sorted(u.pk for u in [council_member, *others])
    item = session.items.get()
    dossier.refresh_from_db()
    assert dossier.state == DossierState.IN_COUNCIL
    board.goto(f"{live_server.url}/awards/dossiers/{dossier.reference}/")
    expect(board.get_by_test_id("dossier-state")).to_have_text("Đang trình Hội đồng")

    page = sign_in(browser.new_context(**browser_context_args), live_server.url, "council")
    page.get_by_role("link", name="Hội đồng", exact=True).click()
    page.get_by_role("link", name="Phiên họp tháng 01/2021").click()
    row = page.locator(f"#item-{item.pk}")
    expect(row).to_contain_text("Nguyễn Khắc Phương")
    expect(row.locator("td.num").nth(0)).to_have_text("0/5")
    expect(row).to_contain_text("Đang bỏ phiếu")

    row.get_by_role("button", name="Đồng ý", exact=True).click()
    row = page.locator(f"#item-{item.pk}")
    expect(row.locator("td.num").nth(0)).to_have_text("1/5")
    expect(row.locator("td.num").nth(1)).to_have_text("0")
    expect(row.get_by_role("button", name="Đồng ý", exact=True)).to_have_attribute("aria-pressed", "true")
    shoot_page(page, "council-member-voted")

    # changing the vote: the earlier one is voided, the tally moves
    row.get_by_role("button", name="Không đồng ý").click()
    row = page.locator(f"#item-{item.pk}")
    expect(row.locator("td.num").nth(0)).to_have_text("0/5")
    expect(row.locator("td.num").nth(1)).to_have_text("1")
    expect(row.get_by_role("button", name="Không đồng ý")).to_have_attribute("aria-pressed", "true")
    assert list(Vote.objects.filter(item=item).order_by("pk").values_list("choice", "voided")) == [
        ("yes", True), ("no", False)]


def test_staff_publish_a_decision_and_download_its_pdf(browser, browser_context_args, live_server, staff, unit_a,
                                                       officer_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    decision = make_draft_decision(unit_a, officer_a, staff)

    page = sign_in(browser.new_context(**browser_context_args, accept_downloads=True), live_server.url, "staff")
    page.get_by_role("link", name="Quyết định", exact=True).click()
    page.get_by_role("link", name="01/QĐ-UBND").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Quyết định số 01/QĐ-UBND")
    expect(page.get_by_test_id("decision-state")).to_have_text("Dự thảo")

    sign_latest_decision("staff")  # the signing step (issue 18): signer and văn thư
    page.get_by_role("button", name="Ban hành quyết định").click()  # without the confirmation box
    expect(page.get_by_role("alert").first).to_contain_text("Hãy đánh dấu xác nhận trước khi ban hành.")
    expect(page.get_by_test_id("decision-state")).to_have_text("Dự thảo")
    assert Award.objects.count() == 0

    page.get_by_label("Quyết định đã được ký; ghi khen thưởng vào sổ và thông báo cho các đơn vị").check()
    page.get_by_role("button", name="Ban hành quyết định").click()
    expect(page.get_by_role("alert").first).to_contain_text(
        "Đã ban hành quyết định 01/QĐ-UBND; đã ghi 1 khen thưởng vào sổ.")
    expect(page.get_by_test_id("decision-state")).to_have_text("Đã ban hành")
    expect(page.get_by_role("heading", level=1)).to_have_text("Quyết định số 01/QĐ-UBND")
    link = page.get_by_test_id("download-decision")
    expect(link).to_be_visible(timeout=30_000)
    shoot_page(page, "decision-published")

    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename == "01-QĐ-UBND-decision-v1.pdf"
    saved = tmp_path / "downloaded.pdf"
    download.save_as(saved)
    data = saved.read_bytes()
    assert data.startswith(b"%PDF")
    assert Award.objects.filter(decision=decision).count() == 1
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(saved), "-"], capture_output=True, text=True).stdout
        assert "Số: 01/QĐ-UBND" in text


PARAGRAPH_2020_START = "04 tập thể được tặng Huân chương Lao động hạng Nhất, Nhì, Ba; "
PARAGRAPH_2019 = "27 tập thể, 24 cá nhân và 02 hộ gia đình được tặng Bằng khen của Chủ tịch UBND tỉnh."


def test_leadership_opens_the_dashboard_changes_the_year_and_exports(browser, browser_context_args, live_server,
                                                                     settings, tmp_path):
    from awards.demo import seed_demo

    settings.MEDIA_ROOT = tmp_path / "media"
    outside_event_loop(seed_demo)  # the demo signs its decisions (pyHanko: asyncio.run)

    page = sign_in(browser.new_context(**browser_context_args, accept_downloads=True), live_server.url, "lanhdao")
    page.get_by_role("link", name="Tổng hợp", exact=True).click()
    latest = selectors.latest_province_year()  # the dashboard opens on the latest year the province decided
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Bảng tổng hợp khen thưởng năm {latest}")
    page.get_by_label("Năm", exact=True).select_option("2020")
    page.get_by_role("button", name="Xem").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bảng tổng hợp khen thưởng năm 2020")
    expect(page.get_by_test_id("summary-paragraph")).to_contain_text(PARAGRAPH_2020_START)
    expect(page.get_by_test_id("summary-paragraph")).to_contain_text("36 tập thể được tặng Cờ thi đua của UBND tỉnh")
    expect(page.get_by_test_id("by-kind")).to_contain_text("84")  # 78 of the province and 6 of the units' own rounds
    shoot_page(page, "dashboard-2020")

    page.get_by_label("Năm", exact=True).select_option("2019")
    page.get_by_role("button", name="Xem").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bảng tổng hợp khen thưởng năm 2019")
    expect(page.get_by_test_id("summary-paragraph")).to_have_text(PARAGRAPH_2019)
    shoot_page(page, "dashboard-2019")

    with page.expect_download() as download_info:
        page.get_by_test_id("export-xlsx").click()
    download = download_info.value
    assert download.suggested_filename == "tong-hop-khen-thuong-2019.xlsx"
    saved = Path(tmp_path / "tong-hop.xlsx")
    download.save_as(saved)
    book = openpyxl.load_workbook(saved)
    assert book.sheetnames == ["Tổng hợp", "Cấp cơ sở", "Theo đối tượng", "Theo loại hình", "Mười năm"]
    assert [c.value for c in book["Cấp cơ sở"]["A"][:4]] == ["KHEN THƯỞNG CẤP CƠ SỞ NĂM 2019", None,
                                                            "Cơ quan ban hành", "Sở, ban, ngành"]
    summary = book["Tổng hợp"]
    assert summary["A1"].value == "BẢNG TỔNG HỢP KHEN THƯỞNG NĂM 2019"
    assert summary["A2"].value == PARAGRAPH_2019
    assert [[c.value for c in r] for r in book["Theo đối tượng"].iter_rows()] == [
        ["Đối tượng", "Số lượng"], ["Tập thể", 27], ["Cá nhân", 24], ["Hộ gia đình", 2]]
    assert [c.value for c in list(book["Mười năm"].iter_rows())[-1]] == [2019, 27, 24, 2, 53]
