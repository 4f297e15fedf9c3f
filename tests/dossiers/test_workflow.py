"""The one door for dossier state changes: state x action x persona, guards, compare-and-set, history,
revisions and e-mail."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail

from awards.dossiers import workflow
from awards.enums import DossierState
from awards.models import Dossier, DossierTransition
from tests.factories import make_dossier

pytestmark = pytest.mark.django_db

S = DossierState
PERSONAS = ["officer_a", "officer_b", "staff", "administrator", "council_member", "leader"]
BUTTON_ACTIONS = ["submit", "withdraw", "receive", "return", "complete_review", "mark_ready"]

# (who may, from which states, to which state): written out here, independently of workflow.MOVES.
EXPECTED = {
    "submit": ({"officer_a"}, {S.DRAFT, S.RETURNED}, S.SUBMITTED),
    "withdraw": ({"officer_a"}, {S.DRAFT, S.SUBMITTED, S.RETURNED}, S.WITHDRAWN),
    "receive": ({"staff", "administrator"}, {S.SUBMITTED}, S.RECEIVED),
    "return": ({"staff", "administrator"}, {S.SUBMITTED, S.RECEIVED, S.REVIEWED}, S.RETURNED),
    "complete_review": ({"staff", "administrator"}, {S.RECEIVED}, S.REVIEWED),
    "mark_ready": ({"staff", "administrator"}, {S.REVIEWED}, S.AWAITING_DECISION),
}


@pytest.mark.parametrize("action", BUTTON_ACTIONS)
@pytest.mark.parametrize("persona", PERSONAS)
def test_matrix_state_action_persona(request, unit_a, officer_a, persona, action):
    actor = request.getfixturevalue(persona)
    who, sources, target = EXPECTED[action]
    for state in S:
        dossier = make_dossier(unit_a, officer_a, state=state, verdict="eligible")
        should = persona in who and state in sources
        if should:
            moved = workflow.transition(dossier, action, actor, note="Lý do thử")
            assert moved.state == target, (persona, action, state)
            last = DossierTransition.objects.filter(dossier=dossier).last()
            assert (last.action, last.from_state, last.to_state, last.actor) == (action, state, target, actor)
        else:
            with pytest.raises(workflow.NotAllowed):
                workflow.transition(dossier, action, actor, note="Lý do thử")
            dossier.refresh_from_db()
            assert dossier.state == state
            assert not DossierTransition.objects.filter(dossier=dossier).exists()


def test_refusals_say_why(unit_a, officer_a, officer_b, staff, leader):
    dossier = make_dossier(unit_a, officer_a)
    assert workflow.can(officer_b, "submit", dossier) == (
        False, "Chỉ cán bộ thi đua của Sở Giáo dục và Đào tạo mới thực hiện được.")
    assert workflow.can(leader, "receive", dossier) == (
        False, 'Vai trò của bạn không được thực hiện thao tác "Tiếp nhận".')
    assert workflow.can(staff, "receive", dossier) == (
        False, 'Không thực hiện được "Tiếp nhận" khi hồ sơ đang "Dự thảo".')


def test_submit_of_an_incomplete_dossier_lists_every_problem(unit_a, officer_a):
    dossier = make_dossier(unit_a, officer_a, complete=False)
    with pytest.raises(workflow.NotAllowed) as excinfo:
        workflow.transition(dossier, "submit", officer_a)
    assert excinfo.value.message == (
        "Chưa ghi số và ngày tờ trình của đơn vị. Thiếu tài liệu: Tờ trình, Báo cáo thành tích.")


def test_submit_of_an_empty_dossier(unit_a, officer_a):
    dossier = make_dossier(unit_a, officer_a)
    dossier.nominations.all().delete()
    allowed, reason = workflow.can(officer_a, "submit", dossier)
    assert (allowed, reason) == (False, "Hồ sơ chưa có đề nghị nào.")


def test_flag_needs_the_council_minutes(unit_a, officer_a):
    dossier = make_dossier(unit_a, officer_a, code="co-thi-dua-ubnd-tinh", complete=False)
    dossier.submission_number, dossier.submission_date = "9/TTr-X", datetime.date(2021, 1, 5)
    dossier.save()
    assert workflow.can(officer_a, "submit", dossier) == (
        False, "Thiếu tài liệu: Tờ trình, Báo cáo thành tích, Biên bản bình xét (kèm kết quả bỏ phiếu).")


def test_return_needs_a_reason(unit_a, officer_a, staff):
    dossier = make_dossier(unit_a, officer_a, state=S.SUBMITTED)
    with pytest.raises(workflow.NotAllowed) as excinfo:
        workflow.transition(dossier, "return", staff, note="   ")
    assert excinfo.value.message == 'Cần ghi rõ lý do khi "Trả lại đơn vị".'


def test_complete_review_needs_every_verdict(unit_a, officer_a, staff):
    dossier = make_dossier(unit_a, officer_a, state=S.RECEIVED)
    assert workflow.can(staff, "complete_review", dossier) == (False, "Còn 1 đề nghị chưa có kết quả thẩm định.")


def test_mark_ready_refuses_when_the_council_must_vote(unit_a, officer_a, staff):
    dossier = make_dossier(unit_a, officer_a, code="co-thi-dua-ubnd-tinh", state=S.REVIEWED, verdict="eligible")
    assert workflow.can(staff, "mark_ready", dossier) == (
        False, "Hồ sơ có đề nghị phải được Hội đồng Thi đua - Khen thưởng bỏ phiếu trước.")


def test_mark_ready_refuses_when_nothing_is_eligible(unit_a, officer_a, staff):
    dossier = make_dossier(unit_a, officer_a, state=S.REVIEWED, verdict="ineligible")
    assert workflow.can(staff, "mark_ready", dossier) == (
        False, "Không có đề nghị nào đủ điều kiện; hãy trả lại hồ sơ cho đơn vị.")


def test_two_people_moving_the_same_dossier_one_wins_one_is_told(unit_a, officer_a, staff, administrator):
    dossier = make_dossier(unit_a, officer_a, state=S.SUBMITTED)
    seen_by_staff = Dossier.objects.get(pk=dossier.pk)
    seen_by_admin = Dossier.objects.get(pk=dossier.pk)
    workflow.transition(seen_by_staff, "receive", staff, expected_state=S.SUBMITTED)
    with pytest.raises(workflow.Conflict) as excinfo:
        workflow.transition(seen_by_admin, "return", administrator, note="Thiếu báo cáo",
                            expected_state=S.SUBMITTED)
    assert excinfo.value.message == (
        f'Hồ sơ {dossier.reference} vừa được người khác chuyển sang "Đã tiếp nhận, đang thẩm định"; thao tác '
        "của bạn chưa được thực hiện. Hãy xem lại hồ sơ.")
    dossier.refresh_from_db()
    assert dossier.state == S.RECEIVED
    assert list(dossier.history.values_list("action", flat=True)) == ["receive"]


def test_stale_object_is_refused_by_compare_and_set(unit_a, officer_a, staff, administrator):
    """Both callers pass the guard with the state they loaded; only one update can match."""
    dossier = make_dossier(unit_a, officer_a, state=S.SUBMITTED)
    stale = Dossier.objects.get(pk=dossier.pk)
    workflow.transition(dossier, "receive", staff)
    with pytest.raises(workflow.Conflict):
        workflow.transition(stale, "receive", administrator)
    assert Dossier.objects.get(pk=dossier.pk).history.count() == 1


def test_receive_stamps_time_and_working_day_due_date(unit_a, officer_a, staff):
    dossier = make_dossier(unit_a, officer_a, state=S.SUBMITTED)
    moved = workflow.transition(dossier, "receive", staff)
    from awards.catalogue.calendar import due_date

    assert moved.received_at is not None
    assert moved.due_date == due_date(moved.received_at.astimezone(datetime.timezone(datetime.timedelta(hours=7))).date(),
                                      "cong_trang")
    assert (moved.due_date - moved.received_at.date()).days >= 15


def test_submit_records_a_revision_and_resubmission_a_second_one(unit_a, officer_a, staff):
    dossier = make_dossier(unit_a, officer_a)
    workflow.transition(dossier, "submit", officer_a)
    workflow.transition(dossier, "return", staff, note="Bổ sung thành tích")
    nomination = dossier.nominations.get()
    nomination.achievement = "Hoàn thành xuất sắc nhiệm vụ; dẫn đầu khối thi đua"
    nomination.save()
    workflow.transition(dossier, "submit", officer_a)
    revisions = list(dossier.revisions.order_by("number"))
    assert [r.number for r in revisions] == [1, 2]
    from awards.dossiers.services import diff_snapshots

    diff = diff_snapshots(revisions[0].snapshot, revisions[1].snapshot)
    assert diff["changed"] == [("Sở Giáo dục và Đào tạo", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "achievement",
                                "Hoàn thành xuất sắc nhiệm vụ",
                                "Hoàn thành xuất sắc nhiệm vụ; dẫn đầu khối thi đua")]
    assert diff["added"] == diff["removed"] == diff["fields"] == []


def test_return_mails_the_unit_with_the_reason(unit_a, officer_a, staff, django_capture_on_commit_callbacks):
    """The unit's mailbox; its officer hears through his notice (daily digest by default: nothing yet)."""
    unit_a.email = "sogddt@langson.gov.vn"
    unit_a.save()
    officer_a.email = "hoa@langson.gov.vn"
    officer_a.save()
    dossier = make_dossier(unit_a, officer_a, state=S.RECEIVED)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(dossier, "return", staff, note="Thiếu biên bản bình xét")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["sogddt@langson.gov.vn"]
    assert message.subject == f"Hồ sơ {dossier.reference} bị trả lại: cần bổ sung, chỉnh sửa"
    assert "Lý do: Thiếu biên bản bình xét" in message.body


def test_history_is_append_only(unit_a, officer_a, staff):
    dossier = make_dossier(unit_a, officer_a, state=S.SUBMITTED)
    workflow.transition(dossier, "receive", staff)
    row = dossier.history.get()
    with pytest.raises(ValueError):
        row.save()
    with pytest.raises(ValueError):
        row.delete()
