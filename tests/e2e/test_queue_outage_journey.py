"""In a real browser, with the broker unreachable: staff publish a decision and launch a campaign; the pages say the
work waits for the queue instead of pretending it ran."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.campaigns.support import make_campaign
from tests.core.test_outbox import WAITING, Broker
from tests.e2e.test_login_journey import sign_in
from tests.factories import make_draft_decision, sign_latest_decision

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def drafts(staff, unit_a, unit_b, officer_a, officer_b, settings, tmp_path):
    """Made before the browser starts (the ORM refuses to run inside Playwright's event loop). The Sở Y tế has a
    mailbox: its launch e-mail is the one that waits (its officer, with an address, hears through his notice)."""
    settings.MEDIA_ROOT = tmp_path
    officer_b.email = "binh@example.vn"
    officer_b.save()
    unit_b.email = "soyte@example.vn"
    unit_b.save()
    return make_draft_decision(unit_a, officer_a, staff), make_campaign(unit_a)


def test_staff_see_that_the_pdf_and_the_emails_wait_for_the_queue(drafts, page, live_server, shoot, monkeypatch):
    decision, campaign = drafts
    broker = Broker(monkeypatch)
    broker.down()
    try:
        sign_in(page, live_server.url, "staff")
        page.goto(f"{live_server.url}/awards/decisions/{decision.pk}/")
        page.locator("#confirm-publish").check()
        sign_latest_decision("staff")  # the signing step (issue 18): signer and văn thư
        page.get_by_role("button", name="Ban hành quyết định").click()
        expect(page.get_by_test_id("queue-waiting").first).to_have_text(WAITING)
        shoot("queue-waiting-decision-1366")
        page.set_viewport_size({"width": 390, "height": 844})
        shoot("queue-waiting-decision-390")

        page.set_viewport_size({"width": 1366, "height": 900})
        page.goto(f"{live_server.url}/campaigns/{campaign.code}/launch/")
        page.get_by_label("Lọc đơn vị theo tên").fill("so y te")
        page.get_by_label("Sở Y tế", exact=True).check()
        page.get_by_role("button", name="Phát động", exact=True).click()
        page.get_by_role("dialog").get_by_role("button", name="Đồng ý").click()
        expect(page.get_by_role("alert").first).to_contain_text(
            "Đã phát động đến 1 đơn vị. Cán bộ thi đua của 1 đơn vị được báo trên hệ thống. Cán bộ thi đua có địa "
            "chỉ thư của 1 đơn vị nhận thư điện tử theo cách mỗi người chọn (từng thông báo hoặc thư tóm tắt hằng "
            "ngày). Thư điện tử đến 1 đơn vị có địa chỉ đang chờ hàng đợi: chưa gửi, sẽ gửi khi hàng đợi hoạt động "
            "trở lại.")
        shoot("queue-waiting-launch-1366")
        page.set_viewport_size({"width": 390, "height": 844})
        shoot("queue-waiting-launch-390")
    finally:
        broker.back()
