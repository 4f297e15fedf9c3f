"""A decision of the province answers the Sở Nội vụ's tờ trình: without its number and date it is not published
("Chưa có số, ngày Tờ trình của Sở Nội vụ."); the number and date are recorded on the draft, never after it is
published, never dated after the decision."""

from __future__ import annotations

import datetime

import pytest

from awards.decisions import services as decisions
from awards.decisions import submissions
from awards.models import Award, Decision, DecisionState
from tests.factories import issue_decision, make_draft_decision

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def draft(unit_a, officer_a, staff):
    decision = make_draft_decision(unit_a, officer_a, staff)
    Decision.objects.filter(pk=decision.pk).update(submission_number="", submission_date=None)
    decision.refresh_from_db()
    return decision


def test_publishing_without_the_board_submission_is_refused(draft, staff):
    with pytest.raises(decisions.DecisionError) as excinfo:
        issue_decision(draft, staff)
    assert excinfo.value.message == "Chưa có số, ngày Tờ trình của Sở Nội vụ."
    draft.refresh_from_db()
    assert draft.state == DecisionState.DRAFT and not Award.objects.exists()
    Decision.objects.filter(pk=draft.pk).update(submission_number="245/TTr-SNV")  # a number without its date
    draft.refresh_from_db()
    with pytest.raises(decisions.DecisionError):
        issue_decision(draft, staff)


def test_recording_it_lets_the_decision_be_published(draft, staff):
    decision = submissions.record_board_submission(draft, " 245/TTr-SNV ", D(2021, 2, 3), staff)
    assert (decision.submission_number, decision.submission_date, decision.content_version) == (
        "245/TTr-SNV", D(2021, 2, 3), 2)
    assert issue_decision(decision, staff) == 1


def test_recording_is_checked(draft, staff, officer_a):
    with pytest.raises(decisions.DecisionError) as excinfo:
        submissions.record_board_submission(draft, "245/TTr-SNV", D(2021, 2, 7), staff)
    assert excinfo.value.message == "Ngày Tờ trình của Sở Nội vụ không được sau ngày ký quyết định (06/02/2021)."
    with pytest.raises(decisions.DecisionError) as excinfo:
        submissions.record_board_submission(draft, "  ", D(2021, 2, 3), staff)
    assert excinfo.value.message == "Ghi đủ số và ngày Tờ trình của Sở Nội vụ."
    with pytest.raises(decisions.DecisionError):
        submissions.record_board_submission(draft, "245/TTr-SNV", D(2021, 2, 3), officer_a)
    decision = submissions.record_board_submission(draft, "245/TTr-SNV", D(2021, 2, 3), staff)
    issue_decision(decision, staff)
    with pytest.raises(decisions.DecisionError) as excinfo:
        submissions.record_board_submission(decision, "246/TTr-SNV", D(2021, 2, 4), staff)
    assert excinfo.value.message == "Chỉ sửa được quyết định còn là dự thảo."


def test_the_texts_form_refuses_a_date_after_the_decision(client, draft, staff):
    client.force_login(staff)
    response = client.post(f"/awards/decisions/{draft.pk}/texts/", {
        "subject": draft.subject, "legal_bases": draft.legal_bases, "proposals": draft.proposals,
        "reason": draft.reason, "executors": draft.executors, "recipients": draft.recipients,
        "submission_number": "245/TTr-SNV", "submission_date": "2021-02-09"}, follow=True)
    assert "Nội dung chưa hợp lệ" in response.content.decode()
    draft.refresh_from_db()
    assert (draft.submission_number, draft.submission_date) == ("", None)
