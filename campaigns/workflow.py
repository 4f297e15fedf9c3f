"""One door for every status change of a campaign.

The allowed moves are one plain table (``MOVES``): action, from-statuses, to-status, who may, guard. The
mechanism is ``awards.core.state_machine``: ``transition()`` checks permission and guard, updates with a
compare-and-set on the status the user saw (0 rows = someone else moved it: the user is told, nothing is
overwritten) and appends a history row; this module keeps the campaign's table, guards and messages.
Launching (which also resolves the audience) and closing (which also writes the summary and opens the
nomination round) are services in ``campaigns.services`` that pass through here. Views never assign ``status``.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from awards.core.state_machine import Conflict, History, Machine, Move, NotAllowed, Texts, WorkflowError, table
from campaigns.models import Campaign, CampaignStatus, CampaignTransition
from units.models import Role, User

S = CampaignStatus
STAFF = frozenset({Role.BOARD_STAFF, Role.ADMINISTRATOR})
# The engine's errors belong to this module's API: callers catch workflow.NotAllowed, Conflict, WorkflowError.
__all__ = ["MACHINE", "MOVES", "STAFF", "Conflict", "NotAllowed", "WorkflowError", "available_moves", "can",
           "transition"]


def _guard_has_content(campaign: Campaign) -> list[str]:
    problems = []
    if not campaign.theme and not campaign.criteria and not campaign.content_groups.exists():
        problems.append(_("Cần có chủ đề, tiêu chí hoặc nhóm nội dung thi đua trước khi phát động."))
    return problems


def _guard_has_audience(campaign: Campaign) -> list[str]:
    if not campaign.audience.exists():
        return [_("Phong trào chưa được phát động đến đơn vị nào.")]
    return []


MOVES: dict[str, Move[Campaign]] = table(
    Move("launch", gettext_lazy("Phát động"), frozenset({S.DRAFT}), S.LAUNCHED, STAFF, guard=_guard_has_content,
         form="campaigns:launch"),
    Move("start", gettext_lazy("Bắt đầu thực hiện"), frozenset({S.LAUNCHED}), S.IN_PROGRESS, STAFF,
         guard=_guard_has_audience, confirm=gettext_lazy("Chuyển phong trào sang giai đoạn thực hiện?")),
    Move("preliminary_review", gettext_lazy("Sơ kết"), frozenset({S.IN_PROGRESS}), S.PRELIMINARY_REVIEW, STAFF,
         confirm=gettext_lazy("Chuyển phong trào sang sơ kết?")),
    Move("resume", gettext_lazy("Tiếp tục thực hiện sau sơ kết"), frozenset({S.PRELIMINARY_REVIEW}),
         S.IN_PROGRESS, STAFF, style="outline-secondary",
         confirm=gettext_lazy("Đưa phong trào trở lại giai đoạn thực hiện?")),
    Move("close", gettext_lazy("Tổng kết"), frozenset({S.IN_PROGRESS, S.PRELIMINARY_REVIEW}), S.CLOSED, STAFF,
         form="campaigns:close", style="success"),
)


def _wrong_state(move: Move[Campaign], campaign: Campaign) -> str:
    return _("Không thực hiện được \"%(action)s\" khi phong trào đang ở trạng thái \"%(status)s\".") % {
        "action": move.label, "status": campaign.get_status_display()}


def _conflict(fresh: Campaign) -> str:
    return _("Phong trào vừa được người khác chuyển sang \"%(status)s\"; thao tác của bạn chưa được thực hiện. "
             "Hãy xem lại phong trào.") % {"status": fresh.get_status_display()}


def _stamp(move: Move[Campaign], campaign: Campaign, now: datetime.datetime) -> dict[str, Any]:
    return {"status_changed_at": now, "updated_at": now}


MACHINE: Machine[Campaign] = Machine(
    model=Campaign,
    moves=MOVES,
    texts=Texts(
        wrong_role=lambda move, campaign: _(
            "Chỉ cán bộ Ban Thi đua - Khen thưởng mới thực hiện được \"%(action)s\".") % {"action": move.label},
        wrong_state=_wrong_state,
        conflict=_conflict,
    ),
    history=History(CampaignTransition, "campaign", from_field="from_status", to_field="to_status"),
    state_field="status",
    stamp=_stamp,
)


def can(user: User, action: str, campaign: Campaign) -> tuple[bool, str]:
    """May ``user`` do ``action`` on ``campaign`` now? The reason says why not."""
    return MACHINE.can(user, action, campaign)


def available_moves(user: User, campaign: Campaign) -> list[tuple[Move[Campaign], bool, str]]:
    """The buttons a user sees on a campaign, each with whether it works now and why not."""
    return MACHINE.available(user, campaign)


def transition(campaign: Campaign, action: str, actor: User, note: str = "", expected_status: str | None = None,
               fields: dict | None = None) -> Campaign:
    """Move ``campaign`` by ``action``. ``expected_status`` is the status the user saw; when someone else moved
    the campaign in the meantime, ``Conflict`` is raised and nothing changes. ``fields`` are written in the same
    conditional update (the closing summary, the nomination round)."""
    return MACHINE.transition(campaign, action, actor, note=note, expected_state=expected_status, fields=fields)
