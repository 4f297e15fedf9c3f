"""The head's decision on a unit's round: the body's officers draft it from the round's ready nominations in the body's
own series, its leaders publish it (its officers when the unit has no leader account), publishing writes Award rows
and decides the round as the province's decisions do; cancelling and revoking are the body's; the Board reads every
unit's decisions and may only return a draft (oversight); the province's decisions stay the Board's alone."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.urls import reverse

from awards.decisions import oversight
from awards.decisions import services as decisions
from awards.decisions.rounds import Meeting, Nominee, People, run_round
from awards.dossiers import workflow
from awards.enums import DossierState
from awards.models import Attachment, Award, Decision, DecisionState, Dossier, Signer
from tests.dossiers.round_support import CSTDCS, LDTT, D, round_of, teacher
from tests.factories import UserFactory, make_commune_body, make_dossier
from units.models import Role

pytestmark = pytest.mark.django_db
REASON = "đã hoàn thành tốt nhiệm vụ năm học 2023 - 2024"
DAY = D(2025, 1, 20)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def ready(school, school_officer, education):
    """The school's LĐTT round, reviewed and waiting for the Giám đốc Sở's decision."""
    return round_of(school, school_officer, education, person=teacher(school), state="awaiting_decision",
                    verdict="eligible")


@pytest.fixture
def draft(ready, officer_a, director, education):
    return decisions.draft_decision(list(ready.nominations.all()), officer_a, DAY, director, REASON, body=education)


# --- drafting ------------------------------------------------------------------------------------------------------

def test_the_sở_s_officer_drafts_from_the_round_in_the_sở_s_series(draft, ready, education):
    assert (draft.code, draft.body, draft.state, draft.created_by.username) == (
        "01/QĐ-SGDĐT", education, DecisionState.DRAFT, "officer_a")
    # The Sở's council proposes; the school's head is named by his title in Điều 3 (never "Thủ trưởng Trường …").
    assert draft.proposals == "Theo đề nghị của Hội đồng Thi đua - Khen thưởng Sở Giáo dục và Đào tạo."
    assert draft.executors == "Hiệu trưởng Trường THPT Việt Bắc và các tập thể, cá nhân có tên tại Điều 1"


def test_the_board_and_other_units_cannot_draft_a_unit_s_decision(ready, staff, officer_b, school_officer, director,
                                                                  education, health):
    for outsider in (staff, officer_b, school_officer):
        with pytest.raises(decisions.DecisionError) as refused:
            decisions.draft_decision(list(ready.nominations.all()), outsider, DAY, director, REASON, body=education)
        assert refused.value.message == ("Chỉ cán bộ thi đua - khen thưởng của Sở Giáo dục và Đào tạo mới dự thảo "
                                         "quyết định của Giám đốc Sở Giáo dục và Đào tạo.")
    assert not Decision.objects.exists()


def test_the_province_s_decisions_stay_the_board_s(unit_b, officer_a, officer_b, sở_leader, staff, education):
    chair = Signer.objects.create(full_name="Hồ Tiến Thiệu", position="Chủ tịch UBND tỉnh", capacity="chu_tich",
                                  valid_from=D(2020, 1, 1))
    province = make_dossier(unit_b, officer_b, state="awaiting_decision", verdict="eligible", year=2024)
    with pytest.raises(decisions.DecisionError) as refused:
        decisions.draft_decision(list(province.nominations.all()), officer_a, DAY, chair, REASON)
    assert refused.value.message == "Chỉ cán bộ Ban Thi đua - Khen thưởng mới dự thảo quyết định."
    draft = decisions.draft_decision(list(province.nominations.all()), staff, DAY, chair, REASON)
    with pytest.raises(decisions.DecisionError) as not_theirs:
        decisions.publish(draft, sở_leader)
    assert not_theirs.value.message == "Chỉ cán bộ Ban Thi đua - Khen thưởng mới thay đổi được quyết định."


def test_a_province_dossier_is_never_ready_for_a_unit_body(unit_a, officer_a, education):
    make_dossier(unit_a, officer_a, state="awaiting_decision", verdict="eligible", year=2024)
    assert list(decisions.ready_nominations(education)) == []


# --- publishing ----------------------------------------------------------------------------------------------------

def test_the_sở_s_leader_publishes_and_the_round_is_decided(draft, ready, sở_leader, school,
                                                           django_capture_on_commit_callbacks):
    school.email = "thptvietbac@langson.edu.vn"
    school.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert decisions.publish(draft, sở_leader) == 1
    award = Award.objects.get()
    ready.refresh_from_db()
    assert (award.body, award.decision_number, award.issuer, award.award_code, award.proposing_unit,
            award.achievement_year, award.bonus_amount) == (
        draft.body, "01/QĐ-SGDĐT", "Giám đốc Sở Giáo dục và Đào tạo", LDTT, school, 2024, 702_000)
    assert (ready.state, ready.history.last().action, ready.history.last().actor) == (
        DossierState.DECIDED, "decide", sở_leader)
    assert [m.subject for m in mail.outbox] == [f"Hồ sơ {ready.reference} đã có quyết định khen thưởng"]


def test_an_officer_publishes_only_when_the_unit_has_no_leader_account(draft, officer_a, sở_leader):
    with pytest.raises(decisions.DecisionError) as refused:
        decisions.publish(draft, officer_a)
    assert refused.value.message == ("Sở Giáo dục và Đào tạo có tài khoản lãnh đạo: lãnh đạo đơn vị ban hành, thu hồi "
                                     "quyết định của Giám đốc Sở Giáo dục và Đào tạo.")
    sở_leader.is_active = False
    sở_leader.save()
    assert decisions.publish(Decision.objects.get(pk=draft.pk), officer_a) == 1


def test_the_board_never_publishes_cancels_or_revokes_a_unit_s_decision(draft, staff, officer_a):
    with pytest.raises(decisions.DecisionError) as publish:
        decisions.publish(draft, staff)
    assert publish.value.message == (
        "Chỉ lãnh đạo Sở Giáo dục và Đào tạo (hoặc cán bộ thi đua - khen thưởng khi đơn vị chưa có tài khoản lãnh "
        "đạo) mới ban hành, thu hồi quyết định của Giám đốc Sở Giáo dục và Đào tạo.")
    with pytest.raises(decisions.DecisionError) as cancel:
        decisions.cancel_draft(draft, "x", staff)
    assert cancel.value.message == ("Chỉ lãnh đạo, cán bộ thi đua - khen thưởng của Sở Giáo dục và Đào tạo mới hủy "
                                    "dự thảo của Giám đốc Sở Giáo dục và Đào tạo.")
    decisions.publish(draft, officer_a)  # no leader account here
    with pytest.raises(decisions.DecisionError):
        decisions.revoke(draft, "Sai đối tượng", staff)
    assert Award.objects.filter(revoked=False).count() == 1


def test_the_body_cancels_its_draft_and_revokes_its_decision(ready, officer_a, director, education, sở_leader):
    first = decisions.draft_decision(list(ready.nominations.all()), officer_a, DAY, director, REASON, body=education)
    decisions.cancel_draft(first, "Ghép vào quyết định khác", officer_a)
    second = decisions.draft_decision(list(ready.nominations.all()), officer_a, DAY, director, REASON, body=education)
    decisions.publish(second, sở_leader)
    assert decisions.revoke(second, "Kê khai thành tích không trung thực", sở_leader) == 1
    assert [(d.code, d.state) for d in Decision.objects.order_by("number")] == [
        ("01/QĐ-SGDĐT", DecisionState.CANCELLED), ("02/QĐ-SGDĐT", DecisionState.REVOKED)]


# --- the Board's oversight -----------------------------------------------------------------------------------------

def test_the_board_returns_a_unit_s_draft_and_its_round_goes_back_to_the_unit(draft, ready, staff):
    assert oversight.return_decision(draft, "Danh sách có người chưa đủ 10 tháng công tác", staff) == [
        ready.reference]
    draft.refresh_from_db()
    ready.refresh_from_db()
    assert (draft.state, draft.closed_reason, draft.closed_by) == (
        DecisionState.CANCELLED, "Ban Thi đua - Khen thưởng trả lại: Danh sách có người chưa đủ 10 tháng công tác",
        staff)
    assert (ready.state, ready.history.last().action, ready.history.last().note) == (
        DossierState.RETURNED, "oversee_return", "Danh sách có người chưa đủ 10 tháng công tác")
    assert not draft.lines.filter(active=True).exists()


def test_returning_a_round_cancels_the_draft_holding_it(draft, ready, staff):
    assert oversight.return_round(ready, "Thiếu biên bản bình xét", staff) == ["01/QĐ-SGDĐT"]
    draft.refresh_from_db()
    assert (draft.state, draft.closed_reason) == (
        DecisionState.CANCELLED, f"Ban Thi đua - Khen thưởng trả lại hồ sơ {ready.reference}: Thiếu biên bản bình xét")


def test_the_body_cannot_return_a_round_held_by_a_draft(draft, ready, officer_a):
    assert workflow.can(officer_a, "return", ready) == (
        False, "Đề nghị của hồ sơ đang nằm trong dự thảo quyết định 01/QĐ-SGDĐT: hủy dự thảo trước khi trả lại.")


def test_oversight_needs_a_reason(draft, ready, staff):
    for attempt in (lambda: oversight.return_decision(draft, " ", staff),
                    lambda: oversight.return_round(ready, "", staff)):
        with pytest.raises(decisions.DecisionError) as refused:
            attempt()
        assert refused.value.message == "Cần ghi rõ lý do trả lại."
    draft.refresh_from_db()
    assert draft.state == DecisionState.DRAFT


def test_oversight_is_the_board_s_and_stops_at_publishing(draft, officer_a, officer_b, staff):
    with pytest.raises(decisions.DecisionError) as not_board:
        oversight.return_decision(draft, "x", officer_b)
    assert not_board.value.message == "Chỉ cán bộ Ban Thi đua - Khen thưởng mới trả lại quyết định của đơn vị."
    decisions.publish(draft, officer_a)
    with pytest.raises(decisions.DecisionError) as published:
        oversight.return_decision(draft, "x", staff)
    assert published.value.message == ("Chỉ trả lại được quyết định còn là dự thảo; quyết định đã ban hành do Giám "
                                       "đốc Sở Giáo dục và Đào tạo thu hồi.")


def test_a_province_decision_is_not_returned_by_oversight(unit_b, officer_b, staff):
    chair = Signer.objects.create(full_name="Hồ Tiến Thiệu", position="Chủ tịch UBND tỉnh", capacity="chu_tich",
                                  valid_from=D(2020, 1, 1))
    dossier = make_dossier(unit_b, officer_b, state="awaiting_decision", verdict="eligible", year=2024)
    draft = decisions.draft_decision(list(dossier.nominations.all()), staff, DAY, chair, REASON)
    with pytest.raises(decisions.DecisionError) as refused:
        oversight.return_decision(draft, "x", staff)
    assert refused.value.message == "Quyết định của Chủ tịch UBND tỉnh không trả lại theo chế độ giám sát."
    with pytest.raises(decisions.DecisionError):
        oversight.return_round(dossier, "x", staff)


# --- the pages ------------------------------------------------------------------------------------------------------

def test_the_officer_prepares_the_sở_s_decision_on_its_page(client_for, ready, education, director):
    client = client_for("officer_a")
    url = reverse("awards:decision_prepare") + f"?body={education.pk}"
    page = client.get(url)
    assert [str(s) for s in page.context["form"].fields["signer"].queryset] == [
        "Trần Văn Hải (Giám đốc Sở Giáo dục và Đào tạo)"]
    assert [(award.code, [n.pk for n in items]) for award, items in page.context["groups"]] == [
        (LDTT, [ready.nominations.get().pk])]
    response = client.post(url, {"decided_on": "2025-01-20", "signer": director.pk, "reason": REASON,
                                 "bonus_enabled": "on", "rounding": "up_10000",
                                 "nominations": [ready.nominations.get().pk]})
    decision = Decision.objects.get()
    assert response.url == reverse("awards:decision", args=[decision.pk])
    assert decision.code == "01/QĐ-SGDĐT"


def test_the_decision_list_shows_every_body_to_the_board_and_filters_by_body(client_for, draft, education, staff):
    page = client_for("staff").get(reverse("awards:decisions"), {"body": education.pk})
    assert [d.code for d in page.context["page"]] == ["01/QĐ-SGDĐT"]
    assert [b.head_title for b in page.context["bodies"]] == ["Giám đốc Sở Giáo dục và Đào tạo"]
    assert client_for("officer_b").get(reverse("awards:decision", args=[draft.pk])).status_code == 404
    assert client_for("school_officer").get(reverse("awards:decision", args=[draft.pk])).status_code == 404


def test_the_board_returns_a_draft_from_its_page(client_for, draft, ready):
    response = client_for("staff").post(reverse("awards:decision_close", args=[draft.pk, "return"]),
                                        {"reason": "Sai mẫu quyết định"})
    assert response.status_code == 302
    ready.refresh_from_db()
    assert (Decision.objects.get().state, ready.state) == (DecisionState.CANCELLED, DossierState.RETURNED)


def test_the_board_returns_a_round_from_its_page(client_for, ready, draft):
    response = client_for("staff").post(reverse("awards:round_return", args=[ready.reference]),
                                        {"note": "Thiếu biên bản"})
    assert response.status_code == 302
    ready.refresh_from_db()
    assert ready.state == DossierState.RETURNED


# --- a whole round in one call (what the demo will use) -------------------------------------------------------------

def test_run_round_plays_a_whole_sở_round_to_its_published_decisions(unit_a, officer_a, education, director,
                                                                     sở_leader):
    attach = _attachments(officer_a)
    trang, nam = teacher(unit_a, "Lương Thị Trang"), teacher(unit_a, "Hoàng Văn Nam")
    made = run_round(education, unit_a, 2019, [Nominee(LDTT, person=trang), Nominee(LDTT, person=nam),
                                                Nominee(CSTDCS, person=trang)],
                     People(officer_a, officer_a, sở_leader), signer=director, decided_on=D(2020, 1, 15),
                     reason="đã hoàn thành tốt nhiệm vụ năm học 2018 - 2019", submission_number="05/TTr-HĐTĐKT",
                     submission_date=D(2020, 1, 10), prepare=attach,
                     meeting=Meeting(D(2020, 1, 9), 15, 14, "Trần Văn Hải", "Lường Thị Hoa", yes=14),
                     judgement="Sáng kiến cấp cơ sở được công nhận (Quyết định 12/QĐ-SGDĐT ngày 20/5/2019)")
    assert [(d.code, d.award_type.code, d.lines.count(), d.state) for d in made] == [
        ("01/QĐ-SGDĐT", CSTDCS, 1, DecisionState.PUBLISHED), ("02/QĐ-SGDĐT", LDTT, 2, DecisionState.PUBLISHED)]
    assert sorted(Award.objects.values_list("recipient_name", "award_code", "achievement_year")) == [
        ("Hoàng Văn Nam", LDTT, 2019), ("Lương Thị Trang", CSTDCS, 2019), ("Lương Thị Trang", LDTT, 2019)]
    assert Dossier.objects.get().state == DossierState.DECIDED


def _attachments(actor):
    """Attach the documents the award types require (tờ trình, báo cáo thành tích, biên bản)."""

    def attach(dossier):
        for kind in ("to_trinh", "bao_cao", "bien_ban"):
            Attachment.objects.create(dossier=dossier, kind=kind, file=ContentFile(b"%PDF-1.4 x", name="x.pdf"),
                                      original_name=f"{kind}.pdf", content_type="application/pdf", size=10,
                                      sha256="0" * 64, uploaded_by=actor)
    return attach


def test_run_round_refuses_an_award_the_body_did_not_decide_that_year():
    commune = make_commune_body()
    officer = UserFactory(unit=commune.unit, roles=[Role.UNIT_OFFICER])
    chair = Signer.objects.create(body=commune, full_name="Nông Văn Hùng", position="Chủ tịch UBND xã",
                                  capacity="chu_tich", valid_from=D(2016, 1, 1))
    with pytest.raises(decisions.DecisionError) as refused:
        run_round(commune, commune.unit, 2020, [Nominee(CSTDCS, person=teacher(commune.unit))],
                  People(officer, officer, officer), signer=chair, decided_on=D(2021, 1, 15), reason="x")
    assert refused.value.message == (
        "Chiến sĩ thi đua cơ sở không thuộc thẩm quyền của Chủ tịch UBND xã Đề Thám ngày 31/12/2020: thuộc thẩm "
        "quyền Thủ trưởng cơ quan, đơn vị, doanh nghiệp, Chủ tịch Ủy ban nhân dân cấp huyện (Luật Thi đua, khen "
        "thưởng 2003 Điều 80 khoản 1).")
    assert not Dossier.objects.exists()
