"""Campaign statuses and who may move them: every move x persona, illegal moves refused with a message,
a campaign moved by someone else in the meantime reported and never overwritten, history append-only."""

from __future__ import annotations

import pytest
from django.urls import reverse

from campaigns import services, workflow
from campaigns.models import Campaign, CampaignStatus, CampaignTransition
from tests.campaigns.support import make_campaign

pytestmark = pytest.mark.django_db

S = CampaignStatus
PERSONAS = ["officer_a", "officer_b", "staff", "council_member", "leader", "administrator"]
ALLOWED = {"staff", "administrator"}
# action -> (status it starts from, status it ends in)
MOVES = {
    "launch": (S.DRAFT, S.LAUNCHED),
    "start": (S.LAUNCHED, S.IN_PROGRESS),
    "preliminary_review": (S.IN_PROGRESS, S.PRELIMINARY_REVIEW),
    "resume": (S.PRELIMINARY_REVIEW, S.IN_PROGRESS),
    "close": (S.IN_PROGRESS, S.CLOSED),
}


def test_the_table_of_moves():
    assert {a: (set(m.sources), m.target) for a, m in workflow.MOVES.items()} == {
        "launch": ({S.DRAFT}, S.LAUNCHED),
        "start": ({S.LAUNCHED}, S.IN_PROGRESS),
        "preliminary_review": ({S.IN_PROGRESS}, S.PRELIMINARY_REVIEW),
        "resume": ({S.PRELIMINARY_REVIEW}, S.IN_PROGRESS),
        "close": ({S.IN_PROGRESS, S.PRELIMINARY_REVIEW}, S.CLOSED),
    }


def _do(action: str, campaign: Campaign, user, unit):
    if action == "launch":
        return services.launch(campaign, user, [unit], [])
    if action == "close":
        return services.close_campaign(campaign, user)
    return workflow.transition(campaign, action, user)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("action", list(MOVES))
def test_every_move_by_every_persona(action, persona, request, unit_a, unit_b):
    source, target = MOVES[action]
    campaign = make_campaign(unit_a, status=source, audience=[unit_b] if source != S.DRAFT else [])
    user = request.getfixturevalue(persona)
    if persona in ALLOWED:
        moved = _do(action, campaign, user, unit_b)
        assert moved.status == target
        row = CampaignTransition.objects.get(campaign=campaign)
        assert (row.action, row.from_status, row.to_status, row.actor) == (action, source, target, user)
        assert Campaign.objects.get(pk=campaign.pk).status_changed_at == row.at
    else:
        with pytest.raises(workflow.NotAllowed) as refused:
            _do(action, campaign, user, unit_b)
        assert refused.value.message == (
            f"Chỉ cán bộ Ban Thi đua - Khen thưởng mới thực hiện được \"{workflow.MOVES[action].label}\".")
        assert Campaign.objects.get(pk=campaign.pk).status == source
        assert not CampaignTransition.objects.exists()


ILLEGAL = [(action, status) for action, move in workflow.MOVES.items() for status in S.values
           if status not in move.sources]


@pytest.mark.parametrize(("action", "status"), ILLEGAL)
def test_illegal_moves_are_refused_with_a_message(action, status, staff, unit_a, unit_b):
    campaign = make_campaign(unit_a, status=status, audience=[unit_b])
    with pytest.raises(workflow.NotAllowed) as refused:
        _do(action, campaign, staff, unit_b)
    assert refused.value.message == (
        f"Không thực hiện được \"{workflow.MOVES[action].label}\" khi phong trào đang ở trạng thái "
        f"\"{S(status).label}\".")
    assert Campaign.objects.get(pk=campaign.pk).status == status
    assert not CampaignTransition.objects.exists()


def test_launched_cannot_be_closed_without_being_carried_out(staff, unit_a):
    campaign = make_campaign(unit_a, status=S.LAUNCHED, audience=[unit_a])
    allowed, reason = workflow.can(staff, "close", campaign)
    assert (allowed, reason) == (False, "Không thực hiện được \"Tổng kết\" khi phong trào đang ở trạng thái "
                                        "\"Đã phát động\".")


def test_launch_needs_content_and_an_audience(staff, unit_a):
    empty = make_campaign(unit_a, theme="", criteria="")
    with pytest.raises(workflow.NotAllowed) as refused:
        services.launch(empty, staff, [unit_a], [])
    assert refused.value.message == "Cần có chủ đề, tiêu chí hoặc nhóm nội dung thi đua trước khi phát động."
    campaign = make_campaign(unit_a, code="khac")
    with pytest.raises(workflow.NotAllowed) as refused:
        services.launch(campaign, staff, [], [])
    assert refused.value.message == ("Hãy chọn ít nhất một đơn vị hoặc một cụm, khối có thành viên trong năm 2019.")
    assert Campaign.objects.get(pk=campaign.pk).status == S.DRAFT


def test_start_needs_an_audience(staff, unit_a):
    campaign = make_campaign(unit_a, status=S.LAUNCHED)
    with pytest.raises(workflow.NotAllowed) as refused:
        workflow.transition(campaign, "start", staff)
    assert refused.value.message == "Phong trào chưa được phát động đến đơn vị nào."


def test_a_campaign_moved_by_someone_else_is_reported_not_overwritten(staff, administrator, unit_a):
    campaign = make_campaign(unit_a, status=S.IN_PROGRESS, audience=[unit_a])
    stale = Campaign.objects.get(pk=campaign.pk)
    workflow.transition(campaign, "preliminary_review", administrator)
    with pytest.raises(workflow.Conflict) as conflict:
        workflow.transition(stale, "preliminary_review", staff, expected_status=S.IN_PROGRESS)
    assert conflict.value.message == ("Phong trào vừa được người khác chuyển sang \"Sơ kết\"; thao tác của bạn "
                                      "chưa được thực hiện. Hãy xem lại phong trào.")
    assert Campaign.objects.get(pk=campaign.pk).status == S.PRELIMINARY_REVIEW
    assert list(CampaignTransition.objects.values_list("actor__username", flat=True)) == ["root"]


def test_compare_and_set_when_the_row_changes_under_a_loaded_object(staff, unit_a):
    """The object in memory still says in_progress, the row does not: 0 rows updated = conflict."""
    campaign = make_campaign(unit_a, status=S.IN_PROGRESS, audience=[unit_a])
    Campaign.objects.filter(pk=campaign.pk).update(status=S.PRELIMINARY_REVIEW)
    with pytest.raises(workflow.Conflict):
        services.close_campaign(campaign, staff)
    fresh = Campaign.objects.get(pk=campaign.pk)
    assert (fresh.status, fresh.summary, fresh.nomination_open_from) == (S.PRELIMINARY_REVIEW, "", None)


def test_move_page_reports_the_conflict(client, staff, unit_a):
    campaign = make_campaign(unit_a, status=S.IN_PROGRESS, audience=[unit_a])
    Campaign.objects.filter(pk=campaign.pk).update(status=S.PRELIMINARY_REVIEW)
    client.force_login(staff)
    response = client.post(reverse("campaigns:move", args=[campaign.code, "preliminary_review"]),
                           {"expected_status": S.IN_PROGRESS}, follow=True)
    assert "vừa được người khác chuyển sang" in response.content.decode()
    assert not CampaignTransition.objects.exists()


@pytest.mark.parametrize(("persona", "status"), [("officer_a", 403), ("council_member", 403), ("leader", 403),
                                                 ("staff", 302), ("administrator", 302)])
def test_move_page_by_persona(client_for, persona, status, unit_a):
    campaign = make_campaign(unit_a, status=S.LAUNCHED, audience=[unit_a])
    response = client_for(persona).post(reverse("campaigns:move", args=[campaign.code, "start"]),
                                        {"expected_status": S.LAUNCHED})
    assert response.status_code == status
    assert Campaign.objects.get(pk=campaign.pk).status == (S.IN_PROGRESS if status == 302 else S.LAUNCHED)


def test_launch_and_close_are_not_plain_buttons(client, staff, unit_a):
    campaign = make_campaign(unit_a, status=S.IN_PROGRESS, audience=[unit_a])
    client.force_login(staff)
    assert client.post(reverse("campaigns:move", args=[campaign.code, "close"])).status_code == 404
    assert client.post(reverse("campaigns:move", args=[campaign.code, "nonsense"])).status_code == 404


def test_status_bar_and_buttons_follow_the_user(client_for, unit_a):
    campaign = make_campaign(unit_a, status=S.IN_PROGRESS, audience=[unit_a])
    html = client_for("staff").get(reverse("campaigns:detail", args=[campaign.code])).content.decode()
    assert 'aria-current="step">3. Đang thực hiện' in html
    assert ">Sơ kết</button>" in html and "Tổng kết…</a>" in html
    officer = client_for("officer_a").get(reverse("campaigns:detail", args=[campaign.code])).content.decode()
    assert "Sơ kết</button>" not in officer and 'data-testid="actions"' not in officer


def test_history_is_append_only_and_shown(client, staff, unit_a):
    campaign = make_campaign(unit_a, status=S.LAUNCHED, audience=[unit_a])
    workflow.transition(campaign, "start", staff, note="Bắt đầu")
    workflow.transition(campaign, "preliminary_review", staff)
    workflow.transition(campaign, "resume", staff)
    assert list(CampaignTransition.objects.order_by("pk").values_list("from_status", "to_status")) == [
        (S.LAUNCHED, S.IN_PROGRESS), (S.IN_PROGRESS, S.PRELIMINARY_REVIEW), (S.PRELIMINARY_REVIEW, S.IN_PROGRESS)]
    client.force_login(staff)
    html = client.get(reverse("campaigns:detail", args=[campaign.code])).content.decode()
    assert "Đã phát động → Đang thực hiện · Trần Văn Ba · Bắt đầu" in html
