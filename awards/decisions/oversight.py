"""The Board's oversight of the units' own rounds: it reads every round and decision (``decisions.access``) and may
return one to its unit with a reason. Returning a round first cancels, with that reason, every draft decision
holding its nominations (their numbers stay recorded as cancelled), then moves the round to "returned" through the
round's table (``oversee_return``). Returning a unit's draft decision cancels it and returns every round it named.
The Board never edits a unit's round or decision; a published decision is revoked by its own body, not returned."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from awards.core.permissions import is_staff
from awards.decisions import access
from awards.decisions.services import DecisionError, close_draft
from awards.dossiers import workflow
from awards.enums import DossierState
from awards.models import Decision, DecisionState, Dossier
from units.models import User


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise DecisionError(_("Cần ghi rõ lý do trả lại."))
    return reason


def _cancel_drafts_of(dossier: Dossier, note: str, actor: User) -> list[str]:
    drafts = list(Decision.objects.filter(state=DecisionState.DRAFT, lines__active=True,
                                          lines__nomination__dossier=dossier).distinct().order_by("number"))
    for draft in drafts:
        close_draft(draft, note, actor)
    return [draft.code for draft in drafts]


@transaction.atomic
def return_round(dossier: Dossier, reason: str, actor: User) -> list[str]:
    """Return a unit's round to it; returns the codes of the drafts cancelled on the way."""
    if not is_staff(actor):
        raise DecisionError(_("Chỉ cán bộ Ban Thi đua - Khen thưởng mới trả lại theo chế độ giám sát."))
    if not dossier.is_round:
        raise DecisionError(_("Hồ sơ trình Chủ tịch UBND tỉnh được trả lại theo quy trình thẩm định của Ban."))
    reason = _reason(reason)
    dossier = Dossier.objects.select_for_update().get(pk=dossier.pk)
    if dossier.state not in workflow.ROUND_SOURCES_RETURN:  # the workflow's own words for a wrong state
        raise DecisionError(workflow.can(actor, "oversee_return", dossier)[1])
    cancelled = _cancel_drafts_of(dossier, _("Ban Thi đua - Khen thưởng trả lại hồ sơ %(ref)s: %(reason)s") % {
        "ref": dossier.reference, "reason": reason}, actor)
    workflow.transition(dossier, "oversee_return", actor, note=reason)
    return cancelled


@transaction.atomic
def return_decision(decision: Decision, reason: str, actor: User) -> list[str]:
    """Return a unit's draft decision: cancel it with the reason and return each round it named (cancelling any other
    draft that holds their nominations). Returns the references of the rounds returned."""
    allowed, why = access.can_oversee(actor, decision)
    if not allowed:
        raise DecisionError(why)
    reason = _reason(reason)
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if decision.state != DecisionState.DRAFT:
        raise DecisionError(_("Chỉ trả lại được quyết định còn là dự thảo; quyết định đã ban hành do %(body)s thu "
                              "hồi.") % {"body": decision.body.head_title})
    dossiers = list(Dossier.objects.filter(nominations__decision_lines__decision=decision,
                                           nominations__decision_lines__active=True).distinct().order_by("pk"))
    close_draft(decision, _("Ban Thi đua - Khen thưởng trả lại: %(reason)s") % {"reason": reason}, actor)
    returned = []
    for dossier in dossiers:
        if dossier.state == DossierState.AWAITING_DECISION:
            return_round(dossier, reason, actor)
            returned.append(dossier.reference)
    return returned
