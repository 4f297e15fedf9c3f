"""One door for every state change of a dossier.

The allowed moves are one plain table (``MOVES``): action, from-states, to-state, who may, guard.
``transition()`` checks permission and guard, updates with a compare-and-set on the state the user saw
(0 rows = someone else moved it: the user is told, nothing is overwritten), appends a history row and
queues e-mail with ``transaction.on_commit``. Views never assign ``state`` directly."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from awards.catalogue import calendar
from awards.core.permissions import STAFF_ROLES, is_own_unit_officer
from awards.dossiers import notifications
from awards.enums import DossierState, Verdict
from awards.models import Dossier, DossierTransition
from units.models import Role, User

S = DossierState


class WorkflowError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotAllowed(WorkflowError):
    """The user may not do this (or the dossier is not ready): the message says why."""


class Conflict(WorkflowError):
    """Someone else changed the dossier since the user loaded it."""


Guard = Callable[[Dossier], list[str]]


@dataclass(frozen=True)
class Move:
    action: str
    label: object
    sources: frozenset[str]
    target: str
    roles: frozenset[str]
    own_unit_only: bool = False
    needs_note: bool = False
    guard: Guard | None = None
    style: str = "primary"
    system: bool = False  # performed by another service (council, decisions), not a button


def _guard_complete(dossier: Dossier) -> list[str]:
    from awards.dossiers.services import completeness_problems
    from awards.record.eligibility.claims import submission_blocks

    return completeness_problems(dossier) + submission_blocks(dossier)


def _guard_all_verdicts(dossier: Dossier) -> list[str]:
    pending = dossier.nominations.filter(verdict=Verdict.PENDING).count()
    if pending:
        return [_("Còn %(n)s đề nghị chưa có kết quả thẩm định.") % {"n": pending}]
    return []


def _guard_needs_council(dossier: Dossier) -> list[str]:
    from awards.dossiers.services import nominations_needing_vote

    if not nominations_needing_vote(dossier).exists():
        return [_("Không có đề nghị nào đủ điều kiện cần Hội đồng bỏ phiếu.")]
    return []


def _guard_no_council(dossier: Dossier) -> list[str]:
    from awards.dossiers.services import nominations_needing_vote

    if nominations_needing_vote(dossier).exists():
        return [_("Hồ sơ có đề nghị phải được Hội đồng Thi đua - Khen thưởng bỏ phiếu trước.")]
    if not dossier.nominations.filter(verdict=Verdict.ELIGIBLE).exists():
        return [_("Không có đề nghị nào đủ điều kiện; hãy trả lại hồ sơ cho đơn vị.")]
    return []


def _guard_forward(dossier: Dossier) -> list[str]:
    from awards.enums import DECIDED_ABOVE_PROVINCE

    problems = []
    if dossier.authority not in DECIDED_ABOVE_PROVINCE:
        problems.append(_("Hồ sơ này do Chủ tịch UBND tỉnh quyết định, không trình lên cấp trên."))
    if not dossier.forward_number or not dossier.forward_date:
        problems.append(_("Cần ghi số và ngày tờ trình của tỉnh trước khi trình cấp trên."))
    return problems


def _guard_central_recorded(dossier: Dossier) -> list[str]:
    from awards.enums import CentralOutcome

    missing = dossier.nominations.filter(verdict=Verdict.ELIGIBLE, central_outcome=CentralOutcome.PENDING).count()
    if missing:
        return [_("Còn %(n)s đề nghị chưa ghi kết quả quyết định của cấp trên.") % {"n": missing}]
    return []


OFFICER = frozenset({Role.UNIT_OFFICER})
STAFF = frozenset(STAFF_ROLES)

MOVES: dict[str, Move] = {
    move.action: move
    for move in [
        Move("submit", gettext_lazy("Gửi hồ sơ"), frozenset({S.DRAFT, S.RETURNED}), S.SUBMITTED, OFFICER,
             own_unit_only=True, guard=_guard_complete),
        Move("withdraw", gettext_lazy("Rút hồ sơ"), frozenset({S.DRAFT, S.SUBMITTED, S.RETURNED}), S.WITHDRAWN,
             OFFICER, own_unit_only=True, needs_note=True, style="outline-danger"),
        Move("receive", gettext_lazy("Tiếp nhận"), frozenset({S.SUBMITTED}), S.RECEIVED, STAFF),
        Move("return", gettext_lazy("Trả lại đơn vị"), frozenset({S.SUBMITTED, S.RECEIVED, S.REVIEWED}), S.RETURNED,
             STAFF, needs_note=True, style="outline-danger"),
        Move("complete_review", gettext_lazy("Hoàn thành thẩm định"), frozenset({S.RECEIVED}), S.REVIEWED, STAFF,
             guard=_guard_all_verdicts),
        Move("send_to_council", gettext_lazy("Trình Hội đồng"), frozenset({S.REVIEWED}), S.IN_COUNCIL, STAFF,
             guard=_guard_needs_council, system=True),
        Move("close_council", gettext_lazy("Kết thúc xét tại Hội đồng"), frozenset({S.IN_COUNCIL}),
             S.AWAITING_DECISION, STAFF, system=True),
        Move("mark_ready", gettext_lazy("Chuyển chờ quyết định"), frozenset({S.REVIEWED}), S.AWAITING_DECISION,
             STAFF, guard=_guard_no_council),
        Move("forward", gettext_lazy("Trình cấp trên"), frozenset({S.AWAITING_DECISION}), S.FORWARDED, STAFF,
             guard=_guard_forward, system=True),
        Move("record_central", gettext_lazy("Ghi nhận quyết định của cấp trên"), frozenset({S.FORWARDED}),
             S.DECIDED, STAFF, guard=_guard_central_recorded, system=True),
        Move("decide", gettext_lazy("Đã có quyết định"), frozenset({S.AWAITING_DECISION}), S.DECIDED, STAFF,
             system=True),
    ]
}


def can(user: User, action: str, dossier: Dossier) -> tuple[bool, str]:
    """May ``user`` do ``action`` on ``dossier`` now? The reason says why not."""
    move = MOVES.get(action)
    if move is None:
        return False, _("Thao tác không hợp lệ.")
    if not user.has_role(*move.roles):
        return False, _("Vai trò của bạn không được thực hiện thao tác \"%(action)s\".") % {"action": move.label}
    if move.own_unit_only and not is_own_unit_officer(user, dossier):
        return False, _("Chỉ cán bộ thi đua của %(unit)s mới thực hiện được.") % {"unit": dossier.unit.name}
    if dossier.state not in move.sources:
        return False, _("Không thực hiện được \"%(action)s\" khi hồ sơ đang \"%(state)s\".") % {
            "action": move.label, "state": dossier.get_state_display()}
    if move.guard is not None:
        problems = move.guard(dossier)
        if problems:
            return False, " ".join(problems)
    return True, ""


def available_moves(user: User, dossier: Dossier) -> list[tuple[Move, bool, str]]:
    """The buttons a user sees on a dossier, each with whether it works now and why not."""
    out = []
    for move in MOVES.values():
        if move.system or not user.has_role(*move.roles) or dossier.state not in move.sources:
            continue
        if move.own_unit_only and not is_own_unit_officer(user, dossier):
            continue
        allowed, reason = can(user, move.action, dossier)
        out.append((move, allowed, reason))
    return out


def _fields_for(action: str, dossier: Dossier, now) -> dict:
    if action == "submit":
        return {"submitted_at": now}
    if action == "receive":
        today = timezone.localdate(now)
        return {"received_at": now, "due_date": calendar.due_date(today, dossier.occasion)}
    return {}


@transaction.atomic
def transition(dossier: Dossier, action: str, actor: User, note: str = "",
               expected_state: str | None = None) -> Dossier:
    """Move ``dossier`` by ``action``. ``expected_state`` is the state the user saw; when someone else
    moved the dossier in the meantime, ``Conflict`` is raised and nothing changes."""
    move = MOVES.get(action)
    if move is None:
        raise NotAllowed(_("Thao tác không hợp lệ."))
    seen = expected_state or dossier.state
    if seen != dossier.state:
        raise _conflict(dossier)
    allowed, reason = can(actor, action, dossier)
    if not allowed:
        raise NotAllowed(reason)
    note = (note or "").strip()
    if move.needs_note and not note:
        raise NotAllowed(_("Cần ghi rõ lý do khi \"%(action)s\".") % {"action": move.label})
    now = timezone.now()
    fields = _fields_for(action, dossier, now)
    updated = Dossier.objects.filter(pk=dossier.pk, state=seen).update(
        state=move.target, state_changed_at=now, version=F("version") + 1, **fields
    )
    if updated == 0:
        dossier.refresh_from_db()
        raise _conflict(dossier)
    DossierTransition.objects.create(
        dossier=dossier, action=action, from_state=seen, to_state=move.target, actor=actor, note=note
    )
    dossier.refresh_from_db()
    if action == "submit":
        from awards.dossiers.services import record_revision
        from awards.record.eligibility.claims import InitiativeTaken, claim_for_dossier

        try:
            claim_for_dossier(dossier)  # stores each nomination's result and takes the initiatives it relied on
        except InitiativeTaken as exc:
            raise NotAllowed(exc.message) from exc
        record_revision(dossier, actor)
    if move.target == S.WITHDRAWN:
        from awards.record.eligibility.claims import release_for_dossier

        release_for_dossier(dossier)
    if move.target in (S.RETURNED, S.DECIDED):
        dossier_id = dossier.pk
        transaction.on_commit(lambda: notifications.dossier_moved(dossier_id, action))
    return dossier


def _conflict(dossier: Dossier) -> Conflict:
    fresh = Dossier.objects.get(pk=dossier.pk)
    return Conflict(
        _("Hồ sơ %(ref)s vừa được người khác chuyển sang \"%(state)s\"; thao tác của bạn chưa được thực hiện. "
          "Hãy xem lại hồ sơ.") % {"ref": fresh.reference, "state": fresh.get_state_display()}
    )
