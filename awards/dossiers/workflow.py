"""One door for every state change of a dossier.

The allowed moves are plain tables: ``MOVES`` for dossiers addressed to the Chủ tịch UBND tỉnh or above (the Board
receives, appraises, the provincial council votes), ``ROUND_MOVES`` for a unit's own round (addressed to the head of
a unit, ``Dossier.body``: the body's officers receive, appraise and record their council's vote; the Board may only
return it, with a reason). Each row: action, from-states, to-state, who may, guard. The
mechanism is ``awards.core.state_machine``: ``transition()`` checks permission and guard, updates with a
compare-and-set on the state the user saw (0 rows = someone else moved it: the user is told, nothing is
overwritten), appends a history row, writes the in-app notices in the same transaction (``dossiers.notices``) and
queues e-mail after the commit. This module keeps the dossier's own
table, guards, messages and the submit/withdraw side effects. Views never assign ``state`` directly."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from awards.catalogue import calendar
from awards.core.outbox import defer
from awards.core.permissions import STAFF_ROLES, is_body_leader, is_body_officer, is_own_unit_officer
from awards.core.state_machine import Conflict, History, Machine, Move, NotAllowed, Texts, WorkflowError, table
from awards.dossiers import notices
from awards.dossiers.services import completeness_problems, is_own_list, nominations_needing_vote, record_revision
from awards.enums import DECIDED_ABOVE_PROVINCE, CentralOutcome, DossierState, Verdict
from awards.models import Decision, DecisionState, Dossier, DossierTransition
from awards.record.eligibility.claims import InitiativeTaken, claim_for_dossier, release_for_dossier, submission_blocks
from units.models import Role, User

S = DossierState
# The engine's errors belong to this module's API: callers catch workflow.NotAllowed, Conflict, WorkflowError.
__all__ = ["MACHINE", "MOVES", "OFFICER", "ROUND_MACHINE", "ROUND_MOVES", "STAFF", "Conflict", "NotAllowed",
           "WorkflowError", "available_moves", "can", "machine_for", "moves_for", "transition"]


def _own_unit(user: User, dossier: Dossier) -> tuple[bool, str]:
    if is_own_unit_officer(user, dossier):
        return True, ""
    return False, _("Chỉ cán bộ thi đua của %(unit)s mới thực hiện được.") % {"unit": dossier.unit.name}


def _proposer_below(user: User, dossier: Dossier) -> tuple[bool, str]:
    """A round sent up by a unit under the body (a school to the Giám đốc Sở): its own officer submits it."""
    allowed, reason = _own_unit(user, dossier)
    if allowed and is_own_list(dossier):
        return False, _("Danh sách của chính %(unit)s không cần gửi: dùng \"Đưa danh sách ra xét\".") % {
            "unit": dossier.unit.name}
    return allowed, reason


def _own_list(user: User, dossier: Dossier) -> tuple[bool, str]:
    """The body's own list: its officers put it up for review without submitting it to themselves."""
    if is_own_list(dossier) and is_body_officer(user, dossier.body):
        return True, ""
    return False, _("Chỉ danh sách của chính đơn vị quyết định mới đưa ra xét không qua gửi, tiếp nhận.")


def _body_officer(user: User, dossier: Dossier) -> tuple[bool, str]:
    if is_body_officer(user, dossier.body):
        return True, ""
    return False, _("Chỉ cán bộ thi đua - khen thưởng của %(unit)s (giúp việc %(body)s) mới thực hiện được.") % {
        "unit": dossier.body.unit.name, "body": dossier.body.head_title}


def _body_people(user: User, dossier: Dossier) -> tuple[bool, str]:
    """Whoever publishes the body's decision: its leaders, or its officers (see ``decisions.access``)."""
    if is_body_officer(user, dossier.body) or is_body_leader(user, dossier.body):
        return True, ""
    return False, _("Chỉ lãnh đạo, cán bộ thi đua - khen thưởng của %(unit)s mới thực hiện được.") % {
        "unit": dossier.body.unit.name}


class DossierMove(Move[Dossier]):
    """A row of the dossier table."""

    @property
    def own_unit_only(self) -> bool:
        """Only the dossier's own unit officer may make it (the staff's batch page leaves these out)."""
        return self.permission is _own_unit


def _guard_complete(dossier: Dossier) -> list[str]:
    return completeness_problems(dossier) + submission_blocks(dossier)


def _guard_all_verdicts(dossier: Dossier) -> list[str]:
    pending = dossier.nominations.filter(verdict=Verdict.PENDING).count()
    if pending:
        return [_("Còn %(n)s đề nghị chưa có kết quả thẩm định.") % {"n": pending}]
    return []


def _guard_needs_council(dossier: Dossier) -> list[str]:
    if not nominations_needing_vote(dossier).exists():
        return [_("Không có đề nghị nào đủ điều kiện cần Hội đồng bỏ phiếu.")]
    return []


def _guard_no_council(dossier: Dossier) -> list[str]:
    if nominations_needing_vote(dossier).exists():
        return [_("Hồ sơ có đề nghị phải được Hội đồng Thi đua - Khen thưởng bỏ phiếu trước.")]
    if not dossier.nominations.filter(verdict=Verdict.ELIGIBLE).exists():
        return [_("Không có đề nghị nào đủ điều kiện; hãy trả lại hồ sơ cho đơn vị.")]
    return []


def _guard_no_live_draft(dossier: Dossier) -> list[str]:
    drafts = (Decision.objects.filter(state=DecisionState.DRAFT, lines__active=True, lines__nomination__dossier=dossier)
              .distinct().order_by("number"))
    codes = [decision.code for decision in drafts]
    if codes:
        return [_("Đề nghị của hồ sơ đang nằm trong dự thảo quyết định %(codes)s: hủy dự thảo trước khi trả lại.") % {
            "codes": ", ".join(codes)}]
    return []


def _guard_forward(dossier: Dossier) -> list[str]:
    problems = []
    if dossier.authority not in DECIDED_ABOVE_PROVINCE:
        problems.append(_("Hồ sơ này do Chủ tịch UBND tỉnh quyết định, không trình lên cấp trên."))
    if not dossier.forward_number or not dossier.forward_date:
        problems.append(_("Cần ghi số và ngày tờ trình của tỉnh trước khi trình cấp trên."))
    return problems


def _guard_central_recorded(dossier: Dossier) -> list[str]:
    missing = dossier.nominations.filter(verdict=Verdict.ELIGIBLE, central_outcome=CentralOutcome.PENDING).count()
    if missing:
        return [_("Còn %(n)s đề nghị chưa ghi kết quả quyết định của cấp trên.") % {"n": missing}]
    return []


OFFICER = frozenset({Role.UNIT_OFFICER})
STAFF = frozenset(STAFF_ROLES)

MOVES: dict[str, Move[Dossier]] = table(
    DossierMove("submit", gettext_lazy("Gửi hồ sơ"), frozenset({S.DRAFT, S.RETURNED}), S.SUBMITTED, OFFICER,
                permission=_own_unit, guard=_guard_complete),
    DossierMove("withdraw", gettext_lazy("Rút hồ sơ"), frozenset({S.DRAFT, S.SUBMITTED, S.RETURNED}), S.WITHDRAWN,
                OFFICER, permission=_own_unit, needs_note=True, style="outline-danger"),
    DossierMove("receive", gettext_lazy("Tiếp nhận"), frozenset({S.SUBMITTED}), S.RECEIVED, STAFF),
    DossierMove("return", gettext_lazy("Trả lại đơn vị"), frozenset({S.SUBMITTED, S.RECEIVED, S.REVIEWED}),
                S.RETURNED, STAFF, needs_note=True, style="outline-danger"),
    DossierMove("complete_review", gettext_lazy("Hoàn thành thẩm định"), frozenset({S.RECEIVED}), S.REVIEWED, STAFF,
                guard=_guard_all_verdicts),
    DossierMove("send_to_council", gettext_lazy("Trình Hội đồng"), frozenset({S.REVIEWED}), S.IN_COUNCIL, STAFF,
                guard=_guard_needs_council, system=True),
    DossierMove("close_council", gettext_lazy("Kết thúc xét tại Hội đồng"), frozenset({S.IN_COUNCIL}),
                S.AWAITING_DECISION, STAFF, system=True),
    DossierMove("mark_ready", gettext_lazy("Chuyển chờ quyết định"), frozenset({S.REVIEWED}), S.AWAITING_DECISION,
                STAFF, guard=_guard_no_council),
    DossierMove("forward", gettext_lazy("Trình cấp trên"), frozenset({S.AWAITING_DECISION}), S.FORWARDED, STAFF,
                guard=_guard_forward, system=True),
    DossierMove("record_central", gettext_lazy("Ghi nhận quyết định của cấp trên"), frozenset({S.FORWARDED}),
                S.DECIDED, STAFF, guard=_guard_central_recorded, system=True),
    DossierMove("decide", gettext_lazy("Đã có quyết định"), frozenset({S.AWAITING_DECISION}), S.DECIDED, STAFF,
                system=True),
)


# A unit's own round (``Dossier.body``): the body's officers act where the Board acts for the province; the Board
# oversees (reads everything, may return a round with a reason through its own page, which first cancels a draft
# decision holding the round's nominations: ``awards.decisions.oversight``).
ROUND_SOURCES_RETURN = frozenset({S.SUBMITTED, S.RECEIVED, S.REVIEWED, S.AWAITING_DECISION})
ROUND_MOVES: dict[str, Move[Dossier]] = table(
    DossierMove("submit", gettext_lazy("Gửi hồ sơ"), frozenset({S.DRAFT, S.RETURNED}), S.SUBMITTED, OFFICER,
                permission=_proposer_below, guard=_guard_complete),
    DossierMove("open_review", gettext_lazy("Đưa danh sách ra xét"), frozenset({S.DRAFT, S.RETURNED}), S.RECEIVED,
                OFFICER, permission=_own_list, guard=_guard_complete),
    DossierMove("withdraw", gettext_lazy("Rút hồ sơ"), frozenset({S.DRAFT, S.SUBMITTED, S.RETURNED}), S.WITHDRAWN,
                OFFICER, permission=_own_unit, needs_note=True, style="outline-danger"),
    DossierMove("receive", gettext_lazy("Tiếp nhận"), frozenset({S.SUBMITTED}), S.RECEIVED, OFFICER,
                permission=_body_officer),
    DossierMove("return", gettext_lazy("Trả lại đơn vị"), ROUND_SOURCES_RETURN, S.RETURNED, OFFICER,
                permission=_body_officer, guard=_guard_no_live_draft, needs_note=True, style="outline-danger"),
    DossierMove("oversee_return", gettext_lazy("Trả lại (giám sát của Ban Thi đua - Khen thưởng)"),
                ROUND_SOURCES_RETURN, S.RETURNED, STAFF, guard=_guard_no_live_draft, needs_note=True,
                style="outline-danger", form="awards:round_return"),
    DossierMove("complete_review", gettext_lazy("Hoàn thành xét"), frozenset({S.RECEIVED}), S.REVIEWED, OFFICER,
                permission=_body_officer, guard=_guard_all_verdicts),
    DossierMove("record_vote", gettext_lazy("Ghi kết quả họp Hội đồng Thi đua - Khen thưởng"), frozenset({S.REVIEWED}),
                S.AWAITING_DECISION, OFFICER, permission=_body_officer, guard=_guard_needs_council,
                form="awards:round_vote"),
    DossierMove("mark_ready", gettext_lazy("Chuyển chờ quyết định"), frozenset({S.REVIEWED}), S.AWAITING_DECISION,
                OFFICER, permission=_body_officer, guard=_guard_no_council),
    DossierMove("decide", gettext_lazy("Đã có quyết định"), frozenset({S.AWAITING_DECISION}), S.DECIDED,
                permission=_body_people, system=True),
)


def _wrong_state(move: Move[Dossier], dossier: Dossier) -> str:
    return _("Không thực hiện được \"%(action)s\" khi hồ sơ đang \"%(state)s\".") % {
        "action": move.label, "state": dossier.get_state_display()}


def _conflict(fresh: Dossier) -> str:
    return _("Hồ sơ %(ref)s vừa được người khác chuyển sang \"%(state)s\"; thao tác của bạn chưa được thực hiện. "
             "Hãy xem lại hồ sơ.") % {"ref": fresh.reference, "state": fresh.get_state_display()}


def _stamp(move: Move[Dossier], dossier: Dossier, now: datetime.datetime) -> dict[str, Any]:
    fields: dict[str, Any] = {"state_changed_at": now}
    if move.action == "submit":
        fields["submitted_at"] = now
    if move.action == "receive" and not dossier.is_round:  # the Board's time limit, not a unit's
        fields.update(received_at=now, due_date=calendar.due_date(timezone.localdate(now), dossier.occasion))
    elif move.action in ("receive", "open_review"):
        fields["received_at"] = now
    return fields


def _defer_email(dossier_id: int, move: Move[Dossier]) -> None:
    """The unit hears by e-mail when its dossier is returned or decided: an outbox entry written with the move
    (``awards.core.outbox``; the handler is ``notifications.dossier_moved``)."""
    if move.target in (S.RETURNED, S.DECIDED):
        defer("dossier_email", {"dossier_id": dossier_id, "action": move.action})


TEXTS: Texts[Dossier] = Texts(wrong_state=_wrong_state, conflict=_conflict)
MACHINE: Machine[Dossier] = Machine(
    model=Dossier,
    moves=MOVES,
    texts=TEXTS,
    history=History(DossierTransition, "dossier"),
    version_field="version",
    stamp=_stamp,
    in_transaction=_defer_email,
    on_transition=notices.dossier_moved,
)
# The same mechanism, history and hooks over the same rows, with the round's table.
ROUND_MACHINE: Machine[Dossier] = Machine(
    model=Dossier,
    moves=ROUND_MOVES,
    texts=TEXTS,
    history=History(DossierTransition, "dossier"),
    version_field="version",
    stamp=_stamp,
    in_transaction=_defer_email,
    on_transition=notices.dossier_moved,
)


def machine_for(dossier: Dossier) -> Machine[Dossier]:
    """The round's machine for a dossier addressed to the head of a unit, the province's otherwise."""
    return ROUND_MACHINE if dossier.is_round else MACHINE


def moves_for(dossier: Dossier) -> dict[str, Move[Dossier]]:
    return dict(machine_for(dossier).moves)


def can(user: User, action: str, dossier: Dossier) -> tuple[bool, str]:
    """May ``user`` do ``action`` on ``dossier`` now? The reason says why not."""
    return machine_for(dossier).can(user, action, dossier)


def available_moves(user: User, dossier: Dossier) -> list[tuple[Move[Dossier], bool, str]]:
    """The buttons a user sees on a dossier, each with whether it works now and why not."""
    return machine_for(dossier).available(user, dossier)


@transaction.atomic
def transition(dossier: Dossier, action: str, actor: User, note: str = "",
               expected_state: str | None = None) -> Dossier:
    """Move ``dossier`` by ``action``. ``expected_state`` is the state the user saw; when someone else
    moved the dossier in the meantime, ``Conflict`` is raised and nothing changes. Submitting (or putting a
    body's own list up for review) stores each nomination's eligibility and a revision; withdrawing gives back the
    initiatives it had taken."""
    dossier = machine_for(dossier).transition(dossier, action, actor, note=note, expected_state=expected_state)
    if action in ("submit", "open_review"):
        try:
            claim_for_dossier(dossier)  # stores each nomination's result and takes the initiatives it relied on
        except InitiativeTaken as exc:
            raise NotAllowed(exc.message) from exc
        record_revision(dossier, actor)
    if dossier.state == S.WITHDRAWN:
        release_for_dossier(dossier)
    return dossier
