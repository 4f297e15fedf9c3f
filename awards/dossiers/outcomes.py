"""What became of each nominee of a dossier, and how far a dossier is decided: what the unit officer reads.

A nominee is decided when a published decision names it (an active ``DecisionLine``), or when the central level
awarded it (``Nomination.central_outcome``); not approved when the Board found it ineligible, the council vote
failed, or the central level refused; forwarded while the province's tờ trình awaits the central decision.

``progress`` answers, per dossier not yet fully decided, "3/4 đã có quyết định 01/QĐ-UBND"; the officer reads it
instead of "Đã xét xong, chờ quyết định"."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from awards.enums import CentralOutcome, CouncilResult, DossierState, Verdict
from awards.models import DecisionLine, DecisionState, Dossier, Nomination

DECIDED, REFUSED, FORWARDED, PENDING = "decided", "refused", "forwarded", "pending"
LIVE_DECISION = [DecisionState.PUBLISHED, DecisionState.REVOKED]


@dataclass(frozen=True)
class Outcome:
    kind: str  # DECIDED, REFUSED, FORWARDED or PENDING
    text: str
    decision_id: int | None = None  # the published decision's page, when the province or a unit decided
    decision_code: str = ""


@dataclass
class Progress:
    decided: int = 0
    total: int = 0
    codes: list[str] = field(default_factory=list)

    @property
    def partly_decided(self) -> bool:
        return 0 < self.decided < self.total

    @property
    def text(self) -> str:
        return _("%(decided)s/%(total)s đã có quyết định %(codes)s") % {
            "decided": self.decided, "total": self.total, "codes": ", ".join(self.codes)}


def _published_lines(nomination_ids: Iterable[int]) -> dict[int, DecisionLine]:
    lines = DecisionLine.objects.filter(
        nomination_id__in=list(nomination_ids), active=True, decision__state__in=LIVE_DECISION,
    ).select_related("decision")
    return {line.nomination_id: line for line in lines}


def _day(value) -> str:
    return date_format(value, "d/m/Y") if value else ""


def outcome_of(nomination: Nomination, dossier: Dossier, line: DecisionLine | None) -> Outcome:
    if line is not None:
        decision = line.decision
        text = _("Đã có quyết định %(code)s ngày %(day)s") % {"code": decision.code, "day": _day(decision.decided_on)}
        if decision.state == DecisionState.REVOKED:
            text = _("Quyết định %(code)s đã bị thu hồi") % {"code": decision.code}
        return Outcome(DECIDED, text, decision.pk, decision.code)
    if nomination.central_outcome == CentralOutcome.AWARDED:
        text = _("Cấp trên đã quyết định khen thưởng: %(number)s ngày %(day)s") % {
            "number": nomination.central_decision_number, "day": _day(nomination.central_decision_date)}
        return Outcome(DECIDED, text, None, nomination.central_decision_number)
    if nomination.central_outcome == CentralOutcome.REFUSED:
        return Outcome(REFUSED, _("Cấp trên không khen thưởng") + (
            f" ({nomination.central_decision_number})" if nomination.central_decision_number else ""))
    if nomination.verdict == Verdict.INELIGIBLE:
        return Outcome(REFUSED, _("Không được đề nghị: %(reason)s") % {
            "reason": nomination.verdict_reason or _("không đủ điều kiện")})
    if nomination.council_result == CouncilResult.FAILED:
        return Outcome(REFUSED, _("Không được đề nghị: không đạt tỷ lệ phiếu của Hội đồng"))
    if dossier.state == DossierState.FORWARDED:
        return Outcome(FORWARDED, _("Tỉnh đã trình cấp trên, chờ quyết định của cấp trên"))
    return Outcome(PENDING, "")


def nomination_outcomes(dossier: Dossier, nominations: list[Nomination]) -> dict[int, Outcome]:
    """One outcome per nomination of ``dossier`` (one query)."""
    lines = _published_lines(n.pk for n in nominations)
    return {n.pk: outcome_of(n, dossier, lines.get(n.pk)) for n in nominations}


def progress(dossiers: Iterable[Dossier]) -> dict[int, Progress]:
    """Per dossier that is not fully decided and has at least one published decision naming its nominees:
    how many nominees are decided, of how many, by which decisions (two queries for a whole page)."""
    open_ids = [d.pk for d in dossiers if d.state not in (DossierState.DECIDED, DossierState.WITHDRAWN,
                                                          DossierState.DRAFT)]
    if not open_ids:
        return {}
    decided = DecisionLine.objects.filter(
        nomination__dossier_id__in=open_ids, active=True, decision__state=DecisionState.PUBLISHED,
    ).order_by("decision__decided_on", "decision__number")
    result: dict[int, Progress] = defaultdict(Progress)
    seen: set[int] = set()
    rows = decided.values_list("nomination__dossier_id", "nomination_id", "decision__number", "decision__symbol")
    for dossier_id, nomination_id, number, symbol in rows:
        entry = result[dossier_id]
        if nomination_id not in seen:
            seen.add(nomination_id)
            entry.decided += 1
        code = f"{number:02d}/{symbol}"
        if code not in entry.codes:
            entry.codes.append(code)
    if not result:
        return {}
    totals = Nomination.objects.filter(dossier_id__in=list(result)).values_list("dossier_id", flat=True)
    for dossier_id in totals:
        result[dossier_id].total += 1
    return {pk: p for pk, p in result.items() if p.partly_decided}
