"""One door for every status change of a campaign.

The allowed moves are one plain table (``MOVES``): action, from-statuses, to-status, who may, guard.
``transition()`` checks permission and guard, updates with a compare-and-set on the status the user saw
(0 rows = someone else moved it: the user is told, nothing is overwritten) and appends a history row.
Launching (which also resolves the audience) and closing (which also writes the summary and opens the
nomination round) are services in ``campaigns.services`` that pass through here. Views never assign ``status``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from awards.dossiers.workflow import Conflict, NotAllowed, WorkflowError  # noqa: F401 (the errors every workflow raises)
from campaigns.models import Campaign, CampaignStatus, CampaignTransition
from units.models import Role, User

S = CampaignStatus
STAFF = frozenset({Role.BOARD_STAFF, Role.ADMINISTRATOR})


Guard = Callable[[Campaign], list[str]]


def _guard_has_content(campaign: Campaign) -> list[str]:
    problems = []
    if not campaign.theme and not campaign.criteria and not campaign.content_groups.exists():
        problems.append(_("Cần có chủ đề, tiêu chí hoặc nhóm nội dung thi đua trước khi phát động."))
    return problems


def _guard_has_audience(campaign: Campaign) -> list[str]:
    if not campaign.audience.exists():
        return [_("Phong trào chưa được phát động đến đơn vị nào.")]
    return []


@dataclass(frozen=True)
class Move:
    action: str
    label: object
    sources: frozenset[str]
    target: str
    roles: frozenset[str] = STAFF
    guard: Guard | None = None
    needs_note: bool = False
    style: str = "primary"
    confirm: object = ""
    form: str = ""  # a move done through its own page (launch, close) rather than a plain button


MOVES: dict[str, Move] = {
    move.action: move
    for move in [
        Move("launch", gettext_lazy("Phát động"), frozenset({S.DRAFT}), S.LAUNCHED, guard=_guard_has_content,
             form="campaigns:launch"),
        Move("start", gettext_lazy("Bắt đầu thực hiện"), frozenset({S.LAUNCHED}), S.IN_PROGRESS,
             guard=_guard_has_audience,
             confirm=gettext_lazy("Chuyển phong trào sang giai đoạn thực hiện?")),
        Move("preliminary_review", gettext_lazy("Sơ kết"), frozenset({S.IN_PROGRESS}), S.PRELIMINARY_REVIEW,
             confirm=gettext_lazy("Chuyển phong trào sang sơ kết?")),
        Move("resume", gettext_lazy("Tiếp tục thực hiện sau sơ kết"), frozenset({S.PRELIMINARY_REVIEW}),
             S.IN_PROGRESS, style="outline-secondary",
             confirm=gettext_lazy("Đưa phong trào trở lại giai đoạn thực hiện?")),
        Move("close", gettext_lazy("Tổng kết"), frozenset({S.IN_PROGRESS, S.PRELIMINARY_REVIEW}), S.CLOSED,
             form="campaigns:close", style="success"),
    ]
}


def can(user: User, action: str, campaign: Campaign) -> tuple[bool, str]:
    """May ``user`` do ``action`` on ``campaign`` now? The reason says why not."""
    move = MOVES.get(action)
    if move is None:
        return False, _("Thao tác không hợp lệ.")
    if not user.has_role(*move.roles):
        return False, _("Chỉ cán bộ Ban Thi đua - Khen thưởng mới thực hiện được \"%(action)s\".") % {
            "action": move.label}
    if campaign.status not in move.sources:
        return False, _("Không thực hiện được \"%(action)s\" khi phong trào đang ở trạng thái \"%(status)s\".") % {
            "action": move.label, "status": campaign.get_status_display()}
    if move.guard is not None:
        problems = move.guard(campaign)
        if problems:
            return False, " ".join(problems)
    return True, ""


def available_moves(user: User, campaign: Campaign) -> list[tuple[Move, bool, str]]:
    """The buttons a user sees on a campaign, each with whether it works now and why not."""
    out = []
    for move in MOVES.values():
        if not user.has_role(*move.roles) or campaign.status not in move.sources:
            continue
        allowed, reason = can(user, move.action, campaign)
        out.append((move, allowed, reason))
    return out


@transaction.atomic
def transition(campaign: Campaign, action: str, actor: User, note: str = "", expected_status: str | None = None,
               fields: dict | None = None) -> Campaign:
    """Move ``campaign`` by ``action``. ``expected_status`` is the status the user saw; when someone else moved
    the campaign in the meantime, ``Conflict`` is raised and nothing changes. ``fields`` are written in the same
    conditional update (the closing summary, the nomination round)."""
    move = MOVES.get(action)
    if move is None:
        raise NotAllowed(_("Thao tác không hợp lệ."))
    seen = expected_status or campaign.status
    if seen != campaign.status:
        raise _conflict(campaign)
    allowed, reason = can(actor, action, campaign)
    if not allowed:
        raise NotAllowed(reason)
    note = (note or "").strip()
    if move.needs_note and not note:
        raise NotAllowed(_("Cần ghi rõ lý do khi \"%(action)s\".") % {"action": move.label})
    now = timezone.now()
    updated = Campaign.objects.filter(pk=campaign.pk, status=seen).update(
        status=move.target, status_changed_at=now, updated_at=now, **(fields or {})
    )
    if updated == 0:
        raise _conflict(campaign)
    CampaignTransition.objects.create(
        campaign=campaign, action=action, from_status=seen, to_status=move.target, actor=actor, at=now, note=note,
    )
    campaign.refresh_from_db()
    return campaign


def _conflict(campaign: Campaign) -> Conflict:
    fresh = Campaign.objects.get(pk=campaign.pk)
    return Conflict(
        _("Phong trào vừa được người khác chuyển sang \"%(status)s\"; thao tác của bạn chưa được thực hiện. "
          "Hãy xem lại phong trào.") % {"status": fresh.get_status_display()}
    )
