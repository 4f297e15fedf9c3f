"""The round's table (``workflow.ROUND_MOVES``) on the one state machine: who moves a unit's round, from where to where,
with what words; the body's own list needs no submit or receive; the Board reads and may only return."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from awards.dossiers import workflow
from awards.enums import DossierState
from awards.models import Dossier, DossierTransition
from tests.dossiers.round_support import CSTDCS, round_of

pytestmark = pytest.mark.django_db
S = DossierState


def buttons(user, dossier) -> list[tuple[str, bool, str]]:
    return [(move.action, allowed, reason) for move, allowed, reason in workflow.available_moves(user, dossier)]


def test_a_school_sends_its_list_to_the_sở_which_receives_reviews_and_readies_it(school, school_officer, officer_a,
                                                                                   education):
    dossier = round_of(school, school_officer, education)
    assert buttons(school_officer, dossier) == [("submit", True, ""), ("withdraw", True, "")]
    dossier = workflow.transition(dossier, "submit", school_officer)
    assert buttons(officer_a, dossier) == [("receive", True, ""), ("return", True, "")]
    dossier = workflow.transition(dossier, "receive", officer_a)
    assert (dossier.state, dossier.due_date, dossier.received_at is not None) == (S.RECEIVED, None, True)
    assert buttons(officer_a, dossier) == [
        ("return", True, ""), ("complete_review", False, "Còn 1 đề nghị chưa có kết quả thẩm định.")]
    dossier.nominations.update(verdict="eligible")
    dossier = workflow.transition(dossier, "complete_review", officer_a)
    dossier = workflow.transition(dossier, "mark_ready", officer_a)
    assert list(DossierTransition.objects.filter(dossier=dossier).values_list("action", "actor__username")) == [
        ("submit", "school_officer"), ("receive", "officer_a"), ("complete_review", "officer_a"),
        ("mark_ready", "officer_a")]
    assert (dossier.state, dossier.officer_state_label) == (
        S.AWAITING_DECISION, "Đã xét xong, chờ quyết định của thủ trưởng đơn vị")


def test_the_sở_s_own_list_is_put_up_for_review_without_submit_or_receive(unit_a, officer_a, education):
    dossier = round_of(unit_a, officer_a, education)
    assert buttons(officer_a, dossier) == [("open_review", True, ""), ("withdraw", True, "")]
    assert workflow.can(officer_a, "submit", dossier) == (
        False, 'Danh sách của chính Sở Giáo dục và Đào tạo không cần gửi: dùng "Đưa danh sách ra xét".')
    dossier = workflow.transition(dossier, "open_review", officer_a)
    assert (dossier.state, dossier.revisions.count()) == (S.RECEIVED, 1)


def test_a_school_cannot_put_its_list_up_for_review_itself(school, school_officer, education):
    dossier = round_of(school, school_officer, education)
    assert workflow.can(school_officer, "open_review", dossier) == (
        False, "Chỉ danh sách của chính đơn vị quyết định mới đưa ra xét không qua gửi, tiếp nhận.")


def test_only_the_body_s_officers_receive_and_review(school, school_officer, officer_b, staff, education, health):
    dossier = round_of(school, school_officer, education, state="submitted")
    refusal = (False, "Chỉ cán bộ thi đua - khen thưởng của Sở Giáo dục và Đào tạo (giúp việc Giám đốc Sở Giáo dục "
                      "và Đào tạo) mới thực hiện được.")
    assert workflow.can(school_officer, "receive", dossier) == refusal
    assert workflow.can(officer_b, "receive", dossier) == refusal  # the Sở Y tế has a body of its own: not this one
    assert workflow.can(staff, "receive", dossier) == (
        False, 'Vai trò của bạn không được thực hiện thao tác "Tiếp nhận".')
    assert buttons(staff, dossier) == [("oversee_return", True, "")]


def test_the_verdict_page_is_the_body_s_officers_not_the_board_s(client_for, school, school_officer, officer_a, staff,
                                                                 education):
    dossier = round_of(school, school_officer, education, state="received")
    nomination = dossier.nominations.get()
    url = reverse("awards:verdict", args=[dossier.reference, nomination.pk])
    refused = client_for("staff").post(url, {"verdict": "eligible"})
    assert refused.status_code == 403
    assert client_for("officer_a").post(url, {"verdict": "eligible"}).status_code == 302
    nomination.refresh_from_db()
    assert (nomination.verdict, nomination.verdict_by) == ("eligible", officer_a)


def test_a_cstdcs_waits_for_the_unit_council_and_cannot_be_readied_without_it(unit_a, officer_a, education):
    dossier = round_of(unit_a, officer_a, education, code=CSTDCS, state="reviewed", verdict="eligible")
    assert workflow.can(officer_a, "mark_ready", dossier) == (
        False, "Hồ sơ có đề nghị phải được Hội đồng Thi đua - Khen thưởng bỏ phiếu trước.")
    assert [(m.action, m.form) for m, _a, _r in workflow.available_moves(officer_a, dossier)] == [
        ("return", ""), ("record_vote", "awards:round_vote"), ("mark_ready", "")]


def test_the_body_returns_a_round_with_a_reason_and_the_school_sends_it_again(school, school_officer, officer_a,
                                                                               education):
    dossier = round_of(school, school_officer, education, state="received")
    with pytest.raises(workflow.NotAllowed) as refused:
        workflow.transition(dossier, "return", officer_a)
    assert refused.value.message == 'Cần ghi rõ lý do khi "Trả lại đơn vị".'
    with pytest.raises(workflow.NotAllowed):
        workflow.transition(dossier, "return", officer_a, note=" ")
    dossier = workflow.transition(dossier, "return", officer_a, note="Thiếu báo cáo thành tích của cô Trang")
    assert (dossier.state, dossier.officer_state_label) == (S.RETURNED, "Bị trả lại: cần sửa và gửi lại")
    dossier = workflow.transition(dossier, "submit", school_officer)
    assert (dossier.state, dossier.revisions.count()) == (S.SUBMITTED, 1)


def test_the_returned_mail_names_who_returned_it(school, school_officer, officer_a, education,
                                                 django_capture_on_commit_callbacks):
    school.email = "thptvietbac@langson.edu.vn"
    school.save()
    dossier = round_of(school, school_officer, education, state="received")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(dossier, "return", officer_a, note="Thiếu báo cáo thành tích")
    assert [(m.subject, m.to) for m in mail.outbox] == [
        (f"Hồ sơ {dossier.reference} bị trả lại: cần bổ sung, chỉnh sửa", ["thptvietbac@langson.edu.vn"])]
    body = mail.outbox[0].body
    assert "đã bị Sở Giáo dục và Đào tạo trả lại để bổ sung, chỉnh sửa." in body
    assert "Lý do: Thiếu báo cáo thành tích" in body and body.rstrip().splitlines()[-2] == "Sở Giáo dục và Đào tạo"


def test_repeated_submits_do_nothing_twice(school, school_officer, education):
    dossier = round_of(school, school_officer, education)
    stale = Dossier.objects.get(pk=dossier.pk)
    workflow.transition(dossier, "submit", school_officer)
    with pytest.raises(workflow.Conflict):
        workflow.transition(stale, "submit", school_officer, expected_state=S.DRAFT)
    dossier.refresh_from_db()
    with pytest.raises(workflow.NotAllowed) as again:
        workflow.transition(dossier, "submit", school_officer)
    assert again.value.message == 'Không thực hiện được "Gửi hồ sơ" khi hồ sơ đang "Đã nộp, chờ tiếp nhận".'
    assert (DossierTransition.objects.filter(dossier=dossier).count(), dossier.revisions.count()) == (1, 1)


def test_a_move_with_its_own_page_cannot_be_posted_to_the_plain_door(client_for, unit_a, officer_a, staff, education):
    dossier = round_of(unit_a, officer_a, education, code=CSTDCS, state="reviewed", verdict="eligible")
    assert client_for("officer_a").post(reverse("awards:move", args=[dossier.reference, "record_vote"])
                                        ).status_code == 404
    assert client_for("staff").post(reverse("awards:move", args=[dossier.reference, "oversee_return"]),
                                    {"note": "x"}).status_code == 404
    dossier.refresh_from_db()
    assert dossier.state == S.REVIEWED


def test_the_sở_officer_sees_the_rounds_addressed_to_it_and_not_another_sở_s(client_for, school, school_officer,
                                                                            unit_b, officer_b, education, health):
    mine = round_of(school, school_officer, education, state="submitted")
    theirs = round_of(unit_b, officer_b, health)
    page = client_for("officer_a").get(reverse("awards:dossiers"))
    assert [d.reference for d in page.context["page"]] == [mine.reference]
    assert client_for("officer_a").get(reverse("awards:dossier", args=[theirs.reference])).status_code == 404
    assert client_for("officer_b").get(reverse("awards:dossier", args=[mine.reference])).status_code == 404
    filtered = client_for("staff").get(reverse("awards:dossiers"), {"body": education.pk})
    assert [d.reference for d in filtered.context["page"]] == [mine.reference]
    province = client_for("staff").get(reverse("awards:dossiers"), {"body": "province"})
    assert list(province.context["page"]) == []
