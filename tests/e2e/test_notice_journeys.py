"""In a real browser, the notification centre (issue 17): the Board's staff take a dossier from receipt to the
published decision, starting from the bell, and the unit's officer then reads "Hồ sơ … đã có quyết định …"; a
council member goes from the "vote needed" notice to the vote; leadership reads the dashboard and a reminder."""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import expect

from awards.council import services as council
from awards.decisions import services as decisions
from awards.dossiers import services as dossier_services
from awards.dossiers import workflow
from awards.enums import DossierState
from awards.models import Decision, Signer
from awards.notices import reminders
from tests.e2e.test_dossier_journey import shoot_page, sign_in
from tests.factories import PersonFactory, UserFactory, make_dossier, sign_latest_decision, with_board_submission
from units.models import Role

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def bell(page):
    return page.get_by_test_id("notice-bell")


def test_staff_from_the_bell_to_the_published_decision_and_the_officer_reads_its_number(
        browser, browser_context_args, live_server, staff, unit_a, officer_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    dossier = make_dossier(unit_a, officer_a)
    workflow.transition(dossier, "submit", officer_a)  # the officer's own journey sends it through the page

    board = sign_in(browser.new_context(**browser_context_args), live_server.url, "staff")
    expect(board.get_by_test_id("notice-count")).to_have_text("1")
    bell(board).click()
    expect(board.get_by_role("heading", level=1)).to_have_text("Thông báo")
    expect(board.get_by_test_id("notice").first).to_contain_text(
        f"Hồ sơ {dossier.reference} của Sở Giáo dục và Đào tạo đã gửi đến, chờ tiếp nhận")
    shoot_page(board, "notices-staff")
    board.get_by_test_id("notice").first.get_by_role("button", name="Xem").click()
    expect(board.get_by_test_id("dossier-state")).to_have_text("Đã nộp, chờ tiếp nhận")
    expect(board.get_by_test_id("notice-count")).to_have_count(0)  # read
    board.get_by_role("button", name="Tiếp nhận").click()
    expect(board.get_by_test_id("dossier-state")).to_have_text("Đã tiếp nhận, đang thẩm định")

    dossier.refresh_from_db()
    nomination = dossier.nominations.get()
    dossier_services.set_verdict(nomination, "eligible", "", staff)
    board.reload()
    board.get_by_role("button", name="Hoàn thành thẩm định").click()
    expect(board.get_by_test_id("dossier-state")).to_have_text("Đã thẩm định")
    board.get_by_role("button", name="Chuyển chờ quyết định").click()
    expect(board.get_by_test_id("dossier-state")).to_have_text("Chờ quyết định")

    signer = Signer.objects.create(full_name="Hồ Tiến Thiệu", position="Chủ tịch UBND tỉnh", capacity="chu_tich",
                                   valid_from=datetime.date(2020, 1, 1))
    decision = with_board_submission(decisions.draft_decision(
        [nomination], staff, datetime.date(2021, 2, 6), signer, "đã có thành tích xuất sắc năm 2020"))
    board.goto(f"{live_server.url}/awards/decisions/{decision.pk}/")
    board.get_by_label("Quyết định đã được ký; ghi khen thưởng vào sổ và thông báo cho các đơn vị").check()
    sign_latest_decision("staff")  # the signing step (issue 18): signer and văn thư
    board.get_by_role("button", name="Ban hành quyết định").click()
    expect(board.get_by_test_id("decision-state")).to_have_text("Đã ban hành")

    officer = sign_in(browser.new_context(**browser_context_args), live_server.url, "officer_a")
    expect(officer.get_by_test_id("notice-count")).to_have_text("2")  # received, decided
    bell(officer).click()
    notices = officer.get_by_test_id("notice")
    expect(notices.first).to_contain_text(f"Hồ sơ {dossier.reference} đã có quyết định 01/QĐ-UBND")
    expect(notices.nth(1)).to_contain_text(f"Hồ sơ {dossier.reference} đã được tiếp nhận; hạn giải quyết")
    shoot_page(officer, "notices-officer")
    officer.set_viewport_size({"width": 390, "height": 844})
    shoot_page(officer, "notices-officer-390")
    assert officer.evaluate("document.documentElement.scrollWidth") <= 390
    officer.set_viewport_size({"width": 1366, "height": 900})
    officer.get_by_role("button", name="Đánh dấu tất cả là đã đọc").click()
    expect(officer.get_by_role("alert").first).to_contain_text("Đã đánh dấu 2 thông báo là đã đọc.")
    expect(officer.get_by_test_id("notice-count")).to_have_count(0)
    notices.first.get_by_role("button", name="Xem").click()
    expect(officer.get_by_test_id("dossier-state")).to_contain_text("quyết định")


def test_a_council_member_goes_from_the_notice_to_the_vote(browser, browser_context_args, live_server, staff,
                                                           council_member, unit_a, officer_a):
    others = [UserFactory(full_name=f"Thành viên {i}", roles=[Role.COUNCIL_MEMBER]) for i in range(2)]
    person = PersonFactory(full_name="Nguyễn Khắc Phương", unit=unit_a)
    dossier = make_dossier(unit_a, officer_a, code="chien-si-thi-dua-cap-tinh", state=DossierState.REVIEWED,
                           verdict="eligible", recipient=person)
    session = council.create_session("Phiên họp tháng 01/2021", datetime.date(2021, 1, 20), "UBND tỉnh",
                                     [council_member, *others], staff)
    council.add_to_agenda(session, list(dossier.nominations.all()), staff)

    page = sign_in(browser.new_context(**browser_context_args), live_server.url, "council")
    expect(page.get_by_test_id("notice-count")).to_have_text("2")
    bell(page).click()
    vote_needed = page.get_by_test_id("notice").filter(has_text="Cần bỏ phiếu")
    expect(vote_needed).to_contain_text("Cần bỏ phiếu: 1 đề nghị mới trong phiên họp \"Phiên họp tháng 01/2021\"")
    vote_needed.get_by_role("button", name="Xem").click()
    expect(page.locator("h1")).to_contain_text("Phiên họp tháng 01/2021")
    expect(page.get_by_test_id("notice-count")).to_have_text("1")
    row = page.locator(f"#item-{session.items.get().pk}")
    row.get_by_role("button", name="Đồng ý", exact=True).click()
    row = page.locator(f"#item-{session.items.get().pk}")
    expect(row.locator("td.num").nth(0)).to_have_text("1/3")
    shoot_page(page, "notices-council-voted")


def test_leadership_reads_the_dashboard_and_a_reminder(browser, browser_context_args, live_server, staff, leader,
                                                       unit_a, officer_a):
    from tests.factories import make_draft_decision

    decision = make_draft_decision(unit_a, officer_a, staff)
    Decision.objects.filter(pk=decision.pk).update(
        created_at=datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=3))
    assert reminders.run()["signature_awaited"] == 1

    page = sign_in(browser.new_context(**browser_context_args), live_server.url, "leader")
    page.get_by_role("link", name="Tổng hợp", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bảng tổng hợp khen thưởng")
    expect(page.get_by_test_id("notice-count")).to_have_text("1")
    bell(page).click()
    notice = page.get_by_test_id("notice").first
    expect(notice).to_contain_text(f"Dự thảo quyết định 01/QĐ-UBND ({decision.award_type.name}) chờ ký, ban hành "
                                   "đã 3 ngày")
    expect(notice).to_contain_text("Quyết định chờ ký, ban hành")
    shoot_page(page, "notices-leader")
    notice.get_by_role("button", name="Xem").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Quyết định số 01/QĐ-UBND")
    expect(page.get_by_test_id("notice-count")).to_have_count(0)


def test_the_bar_with_the_bell_fits_every_width(browser, browser_context_args, live_server, staff, officer_a):
    """The staff's full menu with the search link, the bell (two-digit count) and the user menu: no horizontal
    scroll from a phone to a wide screen (the menu folds behind its button below 1200 px, the bell stays out)."""
    from awards.models import Notice, NoticeKind

    for user in (staff, officer_a):
        Notice.objects.bulk_create([Notice(recipient=user, kind=NoticeKind.DOSSIER_RECEIVED, title=f"Thông báo {i}",
                                           created_at=datetime.datetime.now(datetime.UTC)) for i in range(12)])
    widths = {}
    for username in ("staff", "officer_a"):
        page = sign_in(browser.new_context(**browser_context_args), live_server.url, username)
        for width in (390, 768, 992, 1024, 1280, 1366, 1440, 1600, 1920):
            page.set_viewport_size({"width": width, "height": 800})
            page.goto(f"{live_server.url}/units/")
            widths[(username, width)] = page.evaluate("document.documentElement.scrollWidth")
            visible = page.get_by_test_id("notice-count" if width >= 1200 else "notice-count-phone")
            expect(visible).to_have_text("12")
    assert {key: value for key, value in widths.items() if value > key[1]} == {}
