"""Browser-side signing in a real browser (issue 18): the decision page's adapter (static/js/signing.js) asks the
local signing plugin for the token's certificate, the server prepares the PDF and answers the hash, the plugin
signs it, the server embeds the CMS. The plugin is the stand-in of tests/signing/standin.py: a small HTTP service
on a loopback port, as the VGCA plugin listens on localhost, signing with the SoftHSM2 token's keys. The signer
signs, then the văn thư issues (the seal); the page then shows the signer and the time, and the issued file
validates with pyHanko; last the văn thư signs the certificates file. The CSP stays strict: no inline script,
connect-src grows by the plugin's origin on this page only."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from awards.models import Award, Decision, DecisionState, Issuance, SigningRole
from awards.signing import registry, validation
from tests.e2e.test_dossier_journey import shoot_page, sign_in
from tests.factories import make_draft_decision, outside_event_loop
from tests.signing.standin import AGENCY_LABEL, stand_in_signer, token  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_signer_and_the_vanthu_sign_through_the_local_plugin(browser, browser_context_args, live_server,
                                                                  settings, staff, unit_a, officer_a, request):
    keys, plugin_service = request.getfixturevalue("token"), request.getfixturevalue("stand_in_signer")
    draft = make_draft_decision(unit_a, officer_a, staff)
    registry.register(keys["der"], keys["chain"], draft.body, SigningRole.SIGNER, draft.signer, backend="browser")
    registry.register(keys["keys"][AGENCY_LABEL], keys["chain"], draft.body, SigningRole.AGENCY, None,
                      backend="browser")
    plugin = f"http://127.0.0.1:{plugin_service.server_port}/"
    settings.SIGNING_PLUGIN_URL = plugin

    page = sign_in(browser.new_context(**browser_context_args), live_server.url, "staff")
    answer = page.goto(f"{live_server.url}/awards/decisions/{draft.pk}/")
    assert f"connect-src 'self' http://127.0.0.1:{plugin_service.server_port}" in answer.headers[
        "content-security-policy"]
    panel = page.get_by_test_id("signing")
    expect(panel.get_by_test_id("next-step")).to_have_text("Bước tiếp theo: Người có thẩm quyền ký.")
    shoot_page(page, "signing-plugin-before")

    # the signer: one signature through the plugin, then the page reloads on the văn thư's step
    panel.get_by_role("button", name="Ký bằng thiết bị ký số trên máy này").click()
    expect(panel.get_by_test_id("next-step")).to_have_text("Bước tiếp theo: Văn thư ký phát hành (con dấu).",
                                                              timeout=60_000)
    first = Decision.objects.get(pk=draft.pk).signatures.get()
    at = timezone.localtime(first.signed_at).strftime("%H:%M %d/%m/%Y")
    expect(panel.get_by_test_id("signatures")).to_have_text(f"Người có thẩm quyền ký: Hồ Tiến Thiệu · {at}")
    assert Award.objects.filter(decision=draft).count() == 0  # signed, not issued

    # the văn thư picks the agency's certificate on the token; the seal issues the decision (its annex is in the
    # same file, so it is not signed apart: NĐ 30/2020 Phụ lục I Phần I mục III khoản 1 điểm d)
    plugin_service.key = AGENCY_LABEL
    panel.get_by_role("button", name="Ký bằng thiết bị ký số trên máy này").click()
    expect(panel.get_by_test_id("issued")).to_have_text(f"Đã ký số: Hồ Tiến Thiệu, lúc {at}.", timeout=60_000)
    expect(panel.get_by_role("link", name="Tải quyết định đã ký số (PDF)")).to_be_visible()
    shoot_page(page, "signing-plugin-issued")
    assert plugin_service.calls == ["certificate", "sign_hash", "certificate", "sign_hash"]

    # issued: the văn thư signs the certificates file (Bằng khen with their codes) the same way
    expect(panel.get_by_test_id("next-step")).to_have_text("Bước tiếp theo: Văn thư ký số tệp bằng khen, giấy khen.")
    panel.get_by_role("button", name="Ký bằng thiết bị ký số trên máy này").click()
    expect(panel.get_by_test_id("certificates-signed")).to_have_text("Tải tệp bằng khen, giấy khen đã ký số (PDF)",
                                                                     timeout=60_000)
    expect(panel.get_by_test_id("sign-plugin")).to_have_count(0)
    assert plugin_service.calls == ["certificate", "sign_hash"] * 3
    page.set_viewport_size({"width": 390, "height": 844})
    shoot_page(page, "signing-plugin-certificates-390")

    decision = Decision.objects.get(pk=draft.pk)
    assert decision.state == DecisionState.PUBLISHED
    assert Award.objects.filter(decision=decision).count() == 1
    with Issuance.objects.get(decision=decision).file.open("rb") as handle:
        data = handle.read()
    report = outside_event_loop(lambda: validation.check(data))  # pyHanko runs its own event loop
    assert report.problem == ""
    assert [(s.field, s.signer, s.intact, s.trusted) for s in report.signatures] == [
        ("ChuKyNguoiKy", "Hồ Tiến Thiệu", True, True),
        ("ChuKyCoQuan", "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", True, True)]
    with decision.signatures.get(step="certs").file.open("rb") as handle:
        data = handle.read()
    report = outside_event_loop(lambda: validation.check(data))
    assert [(s.field, s.signer, s.problem) for s in report.signatures] == [
        ("ChuKyBang", "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", "")]
