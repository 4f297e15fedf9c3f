"""The one state-machine mechanism (awards.core.state_machine), driven through the real tables of the dossier,
campaign and cluster-year workflows: every way a move is refused (with the workflow's own words and nothing
written), the compare-and-set on the state and on the version the user saw, the history row, the extra fields
written in the same UPDATE, the version claim, and the on-commit hook that runs only after the commit."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from awards.core import state_machine
from awards.core.state_machine import Conflict, NotAllowed
from awards.dossiers import workflow as dossier_workflow
from awards.enums import DossierState
from awards.models import Dossier, DossierTransition
from campaigns import workflow as campaign_workflow
from campaigns.models import Campaign, CampaignStatus, CampaignTransition
from tests.campaigns.support import make_campaign
from tests.factories import ClusterFactory, make_dossier
from units.clusters import scoring
from units.clusters import workflow as cluster_workflow
from units.models import ClusterMembership, ClusterYear, ClusterYearState, ClusterYearTransition

pytestmark = pytest.mark.django_db

S = DossierState
DOSSIERS = dossier_workflow.MACHINE
CAMPAIGNS = campaign_workflow.MACHINE
CLUSTER_YEARS = cluster_workflow.MACHINE


def unchanged(dossier: Dossier, state: str, version: int) -> bool:
    fresh = Dossier.objects.get(pk=dossier.pk)
    return (fresh.state, fresh.version, fresh.history.count()) == (state, version, 0)


# --- refusals: each with the workflow's own words, nothing written -------------------------------------


def test_unknown_action(unit_a, officer_a, staff):
    dossier = make_dossier(unit_a, officer_a, state=S.SUBMITTED)
    assert DOSSIERS.can(staff, "approve", dossier) == (False, "Thao tác không hợp lệ.")
    with pytest.raises(NotAllowed) as refused:
        DOSSIERS.transition(dossier, "approve", staff)
    assert refused.value.message == "Thao tác không hợp lệ."
    assert unchanged(dossier, S.SUBMITTED, 1)


def test_wrong_role(unit_a, officer_a):
    dossier = make_dossier(unit_a, officer_a, state=S.SUBMITTED)
    with pytest.raises(NotAllowed) as refused:
        DOSSIERS.transition(dossier, "receive", officer_a)
    assert refused.value.message == 'Vai trò của bạn không được thực hiện thao tác "Tiếp nhận".'
    assert unchanged(dossier, S.SUBMITTED, 1)


def test_wrong_role_in_the_campaign_words(unit_a, officer_a):
    campaign = make_campaign(unit_a, status=CampaignStatus.IN_PROGRESS, audience=[unit_a])
    assert CAMPAIGNS.can(officer_a, "preliminary_review", campaign) == (
        False, 'Chỉ cán bộ Ban Thi đua - Khen thưởng mới thực hiện được "Sơ kết".')


def test_extra_permission_refused(unit_a, officer_a, officer_b):
    """officer_b holds the role of "submit" but is not an officer of the dossier's unit."""
    dossier = make_dossier(unit_a, officer_a)
    with pytest.raises(NotAllowed) as refused:
        DOSSIERS.transition(dossier, "submit", officer_b)
    assert refused.value.message == "Chỉ cán bộ thi đua của Sở Giáo dục và Đào tạo mới thực hiện được."
    assert unchanged(dossier, S.DRAFT, 1)


def test_wrong_state(unit_a, officer_a, staff):
    dossier = make_dossier(unit_a, officer_a)
    with pytest.raises(NotAllowed) as refused:
        DOSSIERS.transition(dossier, "receive", staff)
    assert refused.value.message == 'Không thực hiện được "Tiếp nhận" khi hồ sơ đang "Dự thảo".'
    assert unchanged(dossier, S.DRAFT, 1)


def test_guard_problems_are_joined(unit_a, officer_a, staff):
    dossier = make_dossier(unit_a, officer_a, state=S.AWAITING_DECISION, verdict="eligible")
    assert DOSSIERS.can(staff, "forward", dossier) == (
        False, "Hồ sơ này do Chủ tịch UBND tỉnh quyết định, không trình lên cấp trên. "
               "Cần ghi số và ngày tờ trình của tỉnh trước khi trình cấp trên.")
    with pytest.raises(NotAllowed):
        DOSSIERS.transition(dossier, "forward", staff)
    assert unchanged(dossier, S.AWAITING_DECISION, 1)


def test_guard_problem(unit_a, officer_a, staff):
    dossier = make_dossier(unit_a, officer_a, state=S.RECEIVED)
    with pytest.raises(NotAllowed) as refused:
        DOSSIERS.transition(dossier, "complete_review", staff)
    assert refused.value.message == "Còn 1 đề nghị chưa có kết quả thẩm định."
    assert unchanged(dossier, S.RECEIVED, 1)


def test_missing_note(unit_a, officer_a, staff):
    dossier = make_dossier(unit_a, officer_a, state=S.RECEIVED)
    with pytest.raises(NotAllowed) as refused:
        DOSSIERS.transition(dossier, "return", staff, note="   ")
    assert refused.value.message == 'Cần ghi rõ lý do khi "Trả lại đơn vị".'
    assert unchanged(dossier, S.RECEIVED, 1)


# --- compare-and-set ----------------------------------------------------------------------------------


def test_conflict_when_the_state_the_user_saw_is_stale(unit_a, officer_a, staff, administrator):
    """The page said "submitted"; someone else has received the dossier since."""
    dossier = make_dossier(unit_a, officer_a, state=S.SUBMITTED)
    DOSSIERS.transition(Dossier.objects.get(pk=dossier.pk), "receive", administrator)
    fresh = Dossier.objects.get(pk=dossier.pk)
    with pytest.raises(Conflict) as conflict:
        DOSSIERS.transition(fresh, "return", staff, note="Thiếu biên bản", expected_state=S.SUBMITTED)
    assert conflict.value.message == (
        f'Hồ sơ {dossier.reference} vừa được người khác chuyển sang "Đã tiếp nhận, đang thẩm định"; thao tác của '
        "bạn chưa được thực hiện. Hãy xem lại hồ sơ.")
    assert list(fresh.history.values_list("action", flat=True)) == ["receive"]


def test_conflict_when_the_loaded_object_is_stale(unit_a, officer_a, staff, administrator):
    """The object in memory still says "submitted": the conditional UPDATE matches no row."""
    dossier = make_dossier(unit_a, officer_a, state=S.SUBMITTED)
    stale = Dossier.objects.get(pk=dossier.pk)
    DOSSIERS.transition(dossier, "receive", administrator)
    with pytest.raises(Conflict):
        DOSSIERS.transition(stale, "receive", staff)
    fresh = Dossier.objects.get(pk=dossier.pk)
    assert (fresh.state, fresh.version, fresh.history.count()) == (S.RECEIVED, 2, 1)


@pytest.fixture
def open_year(unit_a, staff):
    cluster = ClusterFactory(name="Cụm thi đua các huyện nội địa")
    ClusterMembership.objects.create(cluster=cluster, unit=unit_a, year=2020)
    cluster_year = ClusterYear.objects.create(cluster=cluster, year=2020, leader=unit_a)
    scoring.set_criteria(cluster_year, [scoring.CriterionSpec("1", "Nhiệm vụ chính trị", Decimal(100))], staff,
                         cluster_year.version)
    return cluster_year


def test_conflict_on_a_stale_version(open_year, staff, officer_a):
    """The state is still the one the user saw, but the year was edited since the version on the page."""
    seen = open_year.version
    scoring.set_criteria(ClusterYear.objects.get(pk=open_year.pk),
                         [scoring.CriterionSpec("1", "Nhiệm vụ chính trị, kinh tế - xã hội", Decimal(100))],
                         officer_a, seen)
    with pytest.raises(Conflict) as conflict:
        CLUSTER_YEARS.transition(open_year, "start_self_scoring", staff, expected_version=seen)
    assert conflict.value.message == (
        'Năm 2020 của Cụm thi đua các huyện nội địa vừa được người khác thay đổi (hiện ở trạng thái "Đang chuẩn bị '
        'bảng tiêu chí"); thao tác của bạn chưa được lưu. Hãy tải lại trang rồi làm lại.')
    fresh = ClusterYear.objects.get(pk=open_year.pk)
    assert (fresh.state, fresh.version, fresh.history.count()) == (ClusterYearState.OPEN, seen + 1, 0)


def test_a_move_bumps_the_version_when_the_model_has_one(unit_a, officer_a, staff):
    dossier = make_dossier(unit_a, officer_a, state=S.SUBMITTED)
    moved = DOSSIERS.transition(dossier, "receive", staff, expected_version=1)
    assert (moved.state, moved.version) == (S.RECEIVED, 2)


# --- what a move writes -------------------------------------------------------------------------------


def test_history_row_with_from_to_actor_and_note(unit_a, officer_a, staff):
    dossier = make_dossier(unit_a, officer_a, state=S.RECEIVED)
    moved = DOSSIERS.transition(dossier, "return", staff, note="  Thiếu biên bản bình xét  ")
    assert list(DossierTransition.objects.filter(dossier=dossier).values_list(
        "action", "from_state", "to_state", "actor", "note")) == [
        ("return", S.RECEIVED, S.RETURNED, staff.pk, "Thiếu biên bản bình xét")]
    assert (moved.state, moved.version) == (S.RETURNED, 2)


def test_history_row_with_the_campaign_field_names_and_time(unit_a, staff):
    campaign = make_campaign(unit_a, status=CampaignStatus.LAUNCHED, audience=[unit_a])
    moved = CAMPAIGNS.transition(campaign, "start", staff, note="Bắt đầu")
    row = CampaignTransition.objects.get(campaign=campaign)
    assert (row.action, row.from_status, row.to_status, row.actor, row.note) == (
        "start", CampaignStatus.LAUNCHED, CampaignStatus.IN_PROGRESS, staff, "Bắt đầu")
    assert row.at == moved.status_changed_at == moved.updated_at


def test_extra_fields_are_written_in_the_same_update(unit_a, staff):
    campaign = make_campaign(unit_a, status=CampaignStatus.IN_PROGRESS, audience=[unit_a])
    opens = datetime.date(2019, 10, 20)
    with CaptureQueriesContext(connection) as queries:
        moved = CAMPAIGNS.transition(campaign, "close", staff, fields={"summary": "Tổng kết đợt thi đua.",
                                                                       "nomination_open_from": opens})
    updates = [q["sql"] for q in queries.captured_queries
               if q["sql"].startswith('UPDATE "campaigns_campaign"')]
    assert len(updates) == 1
    assert all(f'"{name}"' in updates[0] for name in ("status", "summary", "nomination_open_from"))
    assert (moved.status, moved.summary, moved.nomination_open_from) == (
        CampaignStatus.CLOSED, "Tổng kết đợt thi đua.", opens)


def test_extra_fields_are_not_written_on_conflict(unit_a, staff):
    campaign = make_campaign(unit_a, status=CampaignStatus.IN_PROGRESS, audience=[unit_a])
    Campaign.objects.filter(pk=campaign.pk).update(status=CampaignStatus.PRELIMINARY_REVIEW)
    with pytest.raises(Conflict):
        CAMPAIGNS.transition(campaign, "close", staff, fields={"summary": "Tổng kết đợt thi đua."})
    fresh = Campaign.objects.get(pk=campaign.pk)
    assert (fresh.status, fresh.summary, fresh.history.count()) == (CampaignStatus.PRELIMINARY_REVIEW, "", 0)


def test_a_move_stamps_its_own_fields(open_year, staff):
    """The cluster year's "close" stamps closed_at with the time of the history row."""
    ClusterYear.objects.filter(pk=open_year.pk).update(state=ClusterYearState.RANKED, flag_quota=0, merit_quota=0)
    open_year.refresh_from_db()
    closed = CLUSTER_YEARS.transition(open_year, "close", staff)
    assert closed.closed_at == closed.history.get().at


# --- the version claim (edits that keep the state) ------------------------------------------------------


def test_claim_bumps_the_version_and_writes_the_fields(open_year, staff):
    seen = open_year.version
    CLUSTER_YEARS.claim(open_year, seen, fields={"flag_quota": 3})
    fresh = ClusterYear.objects.get(pk=open_year.pk)
    assert (fresh.version, fresh.flag_quota, open_year.version, open_year.flag_quota) == (seen + 1, 3, seen + 1, 3)
    assert not fresh.history.exists()


def test_claim_on_a_stale_version_writes_nothing(open_year):
    seen = open_year.version
    ClusterYear.objects.filter(pk=open_year.pk).update(version=F("version") + 1)
    with pytest.raises(Conflict):
        CLUSTER_YEARS.claim(open_year, seen, fields={"flag_quota": 3})
    fresh = ClusterYear.objects.get(pk=open_year.pk)
    assert (fresh.version, fresh.flag_quota) == (seen + 1, 1)


def test_claim_in_a_state_with_its_own_words(open_year):
    with pytest.raises(Conflict) as conflict:
        cluster_workflow.claim_in_state(open_year, ClusterYearState.SELF_SCORING)
    assert conflict.value.message == ('Năm 2020 của Cụm thi đua các huyện nội địa vừa chuyển sang "Đang chuẩn bị '
                                      'bảng tiêu chí"; điểm tự chấm chưa được lưu.')


# --- on commit ----------------------------------------------------------------------------------------


def test_the_on_commit_hook_runs_only_after_the_commit(unit_a, officer_a, staff, django_capture_on_commit_callbacks):
    unit_a.email = "sogddt@langson.gov.vn"
    unit_a.save()
    dossier = make_dossier(unit_a, officer_a, state=S.RECEIVED)
    with django_capture_on_commit_callbacks() as callbacks:
        DOSSIERS.transition(dossier, "return", staff, note="Thiếu biên bản bình xét")
    # the machine's hook, and the delivery of the notices written in the transaction (awards.notices.record)
    assert len(callbacks) == 2 and mail.outbox == []
    hook = next(c for c in callbacks if not getattr(c, "notices_delivery", False))
    hook()
    assert [m.subject for m in mail.outbox] == [f"Hồ sơ {dossier.reference} bị trả lại: cần bổ sung, chỉnh sửa"]


def test_a_refused_move_queues_nothing(unit_a, officer_a, staff, django_capture_on_commit_callbacks):
    dossier = make_dossier(unit_a, officer_a, state=S.RECEIVED)
    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(NotAllowed):
        DOSSIERS.transition(dossier, "return", staff)
    assert callbacks == [] and mail.outbox == []


# --- what the user is offered ---------------------------------------------------------------------------


def test_available_moves_with_their_answers(unit_a, officer_a, officer_b, staff):
    dossier = make_dossier(unit_a, officer_a, state=S.RECEIVED)
    assert [(m.action, allowed, reason) for m, allowed, reason in DOSSIERS.available(staff, dossier)] == [
        ("return", True, ""), ("complete_review", False, "Còn 1 đề nghị chưa có kết quả thẩm định.")]
    assert DOSSIERS.available(officer_a, dossier) == []
    draft = make_dossier(unit_a, officer_a)
    assert [m.action for m, _allowed, _reason in DOSSIERS.available(officer_a, draft)] == ["submit", "withdraw"]
    assert DOSSIERS.available(officer_b, draft) == []  # the extra permission hides the move


def test_every_workflow_raises_the_same_errors():
    assert dossier_workflow.NotAllowed is campaign_workflow.NotAllowed is state_machine.NotAllowed
    assert dossier_workflow.Conflict is campaign_workflow.Conflict is state_machine.Conflict
    assert issubclass(NotAllowed, state_machine.WorkflowError) and issubclass(Conflict, state_machine.WorkflowError)


def test_a_move_label_for_officers_defaults_to_the_staff_label():
    move = DOSSIERS.moves["submit"]
    assert (str(move.label_for(officer=True)), str(move.label_for(officer=False))) == ("Gửi hồ sơ", "Gửi hồ sơ")
    renamed = state_machine.Move("return", "Trả lại đơn vị", frozenset({S.RECEIVED}), S.RETURNED,
                                 officer_label="Ban trả lại hồ sơ")
    assert (renamed.label_for(officer=True), renamed.label_for(officer=False)) == (
        "Ban trả lại hồ sơ", "Trả lại đơn vị")


def test_cluster_history_is_append_only(open_year, staff):
    moved = CLUSTER_YEARS.transition(open_year, "start_self_scoring", staff)
    row = ClusterYearTransition.objects.get(cluster_year=moved)
    with pytest.raises(ValueError):
        row.save()
    with pytest.raises(ValueError):
        row.delete()
