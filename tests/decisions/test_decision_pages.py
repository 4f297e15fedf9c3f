"""Decision pages: staff prepare and publish; drafts are invisible to units; the public list."""

from __future__ import annotations

import datetime

import pytest

from awards.decisions import services as decisions
from awards.enums import DossierState
from awards.models import Award, Decision, DecisionState, Signer, SigningCertificate
from awards.signing import demokeys
from tests.factories import issue_decision, make_dossier, with_board_submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def signer(db):
    return Signer.objects.create(full_name="Hồ Tiến Thiệu", position="Chủ tịch UBND tỉnh", capacity="chu_tich",
                                 valid_from=datetime.date(2020, 1, 1))


@pytest.fixture
def ready(unit_a, officer_a):
    return make_dossier(unit_a, officer_a, state=DossierState.AWAITING_DECISION, verdict="eligible")


def test_staff_prepare_a_decision_from_ready_nominations(client, staff, signer, ready):
    client.force_login(staff)
    page = client.get("/awards/decisions/prepare/")
    groups = page.context["groups"]
    assert [(t.code, [n.recipient_name for n in items]) for t, items in groups] == [
        ("bang-khen-chu-tich-ubnd-tinh", ["Sở Giáo dục và Đào tạo"])]
    response = client.post("/awards/decisions/prepare/", {
        "decided_on": "2021-02-06", "signer": signer.pk, "reason": "đã có thành tích xuất sắc năm 2020",
        "bonus_enabled": "on", "rounding": "up_10000", "nominations": [ready.nominations.get().pk]})
    decision = Decision.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/awards/decisions/{decision.pk}/"
    assert decision.code == "01/QĐ-UBND"


def test_prepare_without_a_choice_keeps_the_form(client, staff, signer, ready):
    client.force_login(staff)
    response = client.post("/awards/decisions/prepare/", {
        "decided_on": "2021-02-06", "signer": signer.pk, "reason": "lý do đang gõ", "rounding": "up_10000"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Chọn ít nhất một đề nghị đã được duyệt." in html
    assert 'value="lý do đang gõ"' in html


def test_drafts_are_invisible_to_units_published_ones_are_not(client, staff, officer_a, officer_b, signer, ready):
    decision = decisions.draft_decision(list(ready.nominations.all()), staff, datetime.date(2021, 2, 6), signer, "x")
    client.force_login(officer_a)
    assert client.get(f"/awards/decisions/{decision.pk}/").status_code == 404
    assert list(client.get("/awards/decisions/").context["page"]) == []
    issue_decision(with_board_submission(decision), staff)
    assert client.get(f"/awards/decisions/{decision.pk}/").status_code == 200
    client.force_login(officer_b)
    assert client.get(f"/awards/decisions/{decision.pk}/").status_code == 404


def test_publish_needs_confirmation_then_writes_the_record(client, staff, signer, ready):
    decision = decisions.draft_decision(list(ready.nominations.all()), staff, datetime.date(2021, 2, 6), signer, "x")
    client.force_login(staff)
    client.post(f"/awards/decisions/{decision.pk}/publish/", {})
    assert Decision.objects.get(pk=decision.pk).state == DecisionState.DRAFT
    # Without the Sở Nội vụ's tờ trình number and date the decision is not published; the page says why.
    page = client.get(f"/awards/decisions/{decision.pk}/").content.decode()
    assert "Chưa có số, ngày Tờ trình của Sở Nội vụ." in page
    response = client.post(f"/awards/decisions/{decision.pk}/publish/", {"confirm": "1"}, follow=True)
    assert "Chưa có số, ngày Tờ trình của Sở Nội vụ." in response.content.decode()
    assert Decision.objects.get(pk=decision.pk).state == DecisionState.DRAFT
    assert not Award.objects.filter(decision=decision).exists()
    client.post(f"/awards/decisions/{decision.pk}/texts/", {
        "subject": decision.subject, "legal_bases": decision.legal_bases, "proposals": decision.proposals,
        "reason": decision.reason, "executors": decision.executors, "recipients": decision.recipients,
        "submission_number": "245/TTr-SNV", "submission_date": "2021-02-03"})
    decision.refresh_from_db()
    assert (decision.submission_number, decision.submission_date, decision.content_version) == (
        "245/TTr-SNV", datetime.date(2021, 2, 3), 2)
    assert "Chưa có số, ngày Tờ trình" not in client.get(f"/awards/decisions/{decision.pk}/").content.decode()
    response = client.post(f"/awards/decisions/{decision.pk}/publish/", {"confirm": "1"}, follow=True)
    assert "Quyết định chưa đủ chữ ký số của người ký và của văn thư." in response.content.decode()
    # Issuing is publishing: the signer signs, then the văn thư signs for the agency (demo key files, PIN "demo").
    demokeys.signer_key(signer), demokeys.agency_key(decision.body)
    for role in ("signer", "agency"):
        row = SigningCertificate.objects.get(body=decision.body, role=role)
        client.post(f"/awards/decisions/{decision.pk}/sign/", {"certificate": row.pk, "pin": "demo"})
    assert Decision.objects.get(pk=decision.pk).state == DecisionState.PUBLISHED
    assert Award.objects.filter(decision=decision).count() == 1


def test_editing_draft_texts_bumps_the_content_version(client, staff, signer, ready):
    decision = decisions.draft_decision(list(ready.nominations.all()), staff, datetime.date(2021, 2, 6), signer, "x")
    client.force_login(staff)
    client.post(f"/awards/decisions/{decision.pk}/texts/", {
        "subject": "Về việc tặng Bằng khen của Chủ tịch UBND tỉnh", "legal_bases": decision.legal_bases,
        "proposals": decision.proposals, "reason": "đã có thành tích xuất sắc trong năm học 2019 - 2020",
        "executors": decision.executors, "recipients": decision.recipients})
    decision.refresh_from_db()
    assert (decision.content_version, decision.reason) == (2, "đã có thành tích xuất sắc trong năm học 2019 - 2020")


def test_public_list_uses_the_portal_phrasing_and_needs_no_login(client, staff, signer, ready):
    decision = decisions.draft_decision(list(ready.nominations.all()), staff, datetime.date(2021, 2, 6), signer,
                                        "đã có thành tích xuất sắc năm 2020")
    assert client.get("/public/decisions/").context["page"].object_list == []
    issue_decision(with_board_submission(decision), staff)
    page = client.get("/public/decisions/")
    assert [d.sentence for d in page.context["page"]] == [
        "Quyết định số 01/QĐ-UBND của Chủ tịch UBND tỉnh tặng Bằng khen cho 01 tập thể, vì: Đã có thành tích "
        "xuất sắc năm 2020."]
    detail = client.get(f"/public/decisions/{decision.pk}/").content.decode()
    assert "Sở Giáo dục và Đào tạo" in detail
