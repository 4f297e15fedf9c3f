"""In a real browser: the officer creates a dossier, imports its list, attaches the papers and submits it; the Board
receives, appraises (one nominee not approved), marks it ready and publishes a decision for the others (services,
as in the Board's own journeys); the officer then reads each nominee's outcome with the decision number, follows
the link to the decision, and finds the person through the header search."""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import expect

from awards.decisions import services as decisions
from awards.dossiers import services as dossier_services
from awards.dossiers import workflow
from awards.models import Dossier, Signer
from tests.e2e.test_dossier_journey import nominee_list, shoot_page, sign_in, upload
from tests.factories import UnitFactory, issue_decision, with_board_submission

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_officer_from_creation_to_the_decision_number(browser, browser_context_args, live_server, officer_a, staff,
                                                      unit_a, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    UnitFactory(name="Trường THPT Việt Bắc", parent=unit_a, kind="su_nghiep")
    officer = sign_in(browser.new_context(**browser_context_args), live_server.url, "officer_a")
    officer.get_by_role("link", name="Hồ sơ", exact=True).click()
    officer.get_by_role("link", name="Lập hồ sơ mới").click()
    officer.get_by_label("Trích yếu").fill("Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh năm học 2019 - 2020")
    officer.get_by_label("Loại hình khen thưởng").select_option(label="Công trạng, thường xuyên")
    officer.get_by_label("Năm thành tích").fill("2020")
    officer.get_by_label("Số tờ trình của đơn vị").fill("125/TTr-SGDĐT")
    officer.get_by_label("Ngày tờ trình").fill("2020-08-20")
    officer.get_by_role("button", name="Lưu").click()
    reference = officer.url.rstrip("/").split("/")[-1]
    assert reference.startswith(f"HS-{datetime.date.today().year}-")
    officer.get_by_role("link", name="Nhập danh sách từ Excel").click()
    xlsx = tmp_path / "danh-sach.xlsx"
    xlsx.write_bytes(nominee_list())
    officer.get_by_label("Tệp danh sách (.xlsx)").set_input_files(str(xlsx))
    officer.get_by_role("button", name="Nhập danh sách").click()
    expect(officer.get_by_test_id("import-done")).to_contain_text("Đã nhập")  # the import job's page (issue 15)
    officer.locator("nav[aria-label=breadcrumb] a").nth(1).click()
    upload(officer, "Tờ trình", "to-trinh-125.pdf", tmp_path)
    upload(officer, "Báo cáo thành tích", "bao-cao-thanh-tich.pdf", tmp_path)
    officer.get_by_role("button", name="Gửi hồ sơ").click()
    officer.get_by_role("dialog").get_by_role("button", name="Đồng ý").click()
    expect(officer.get_by_test_id("dossier-state")).to_have_text("Đã gửi Ban Thi đua - Khen thưởng, chờ tiếp nhận")

    # the Board's side, through the same services its pages call
    dossier = Dossier.objects.get(reference=reference)
    workflow.transition(dossier, "receive", staff)
    school, person = sorted(dossier.nominations.all(), key=lambda n: n.recipient_kind != "tap_the")
    dossier_services.set_verdict(school, "ineligible", "Chưa có biên bản bình xét của trường", staff)
    dossier_services.set_verdict(person, "eligible", "", staff)
    workflow.transition(dossier, "complete_review", staff)
    workflow.transition(dossier, "mark_ready", staff)
    signer = Signer.objects.create(full_name="Hồ Tiến Thiệu", position="Chủ tịch UBND tỉnh", capacity="chu_tich",
                                   valid_from=datetime.date(2020, 1, 1))
    decision = with_board_submission(decisions.draft_decision(
        [person], staff, datetime.date(2021, 2, 6), signer, "đã có thành tích xuất sắc năm học 2019 - 2020"))
    issue_decision(decision, staff)

    # the officer reads the outcome of each nominee
    officer.reload()
    expect(officer.get_by_test_id("dossier-state")).to_have_text("Đã có quyết định khen thưởng")
    outcomes = officer.get_by_test_id("outcome")
    expect(outcomes).to_have_count(2)
    expect(officer.get_by_test_id("nominations")).to_contain_text(
        "Không được đề nghị: Chưa có biên bản bình xét của trường")
    link = officer.get_by_role("link", name="Đã có quyết định 01/QĐ-UBND ngày 06/02/2021")
    expect(link).to_be_visible()
    shoot_page(officer, "outcome-officer-dossier-1366")
    officer.set_viewport_size({"width": 390, "height": 844})
    shoot_page(officer, "outcome-officer-dossier-390")
    officer.set_viewport_size({"width": 1366, "height": 900})
    link.click()
    expect(officer.locator("h1")).to_contain_text("01/QĐ-UBND")

    # and finds the person through the header search, without accents
    officer.get_by_test_id("header-search-link").click()  # from 1200 px the header shows a link; the box in the phone menu
    officer.get_by_label("Tìm cá nhân, đơn vị, hồ sơ, quyết định").fill("ha thi lu")
    officer.get_by_label("Tìm cá nhân, đơn vị, hồ sơ, quyết định").press("Enter")
    expect(officer.get_by_test_id("search-persons")).to_contain_text("Hà Thị Lư")
    shoot_page(officer, "search-officer-1366")
    officer.get_by_test_id("search-persons").get_by_role("link", name="Hà Thị Lư").click()
    expect(officer.get_by_test_id("history-total")).to_contain_text("1 khen thưởng")
