"""Eligibility on a dossier's nominations: results evaluated and stored per nomination, what blocks a submission,
staff's own conclusion (override), and the initiatives a submitted nomination takes (and a withdrawn one gives
back), claimed once even when two submissions race.

The dossier workflow calls in here (``submission_blocks`` as a guard, ``claim_for_dossier`` on submission,
``release_for_dossier`` on withdrawal); nothing here moves a dossier. Errors carry the message for the user
(``EligibilityError``, ``InitiativeTaken``): the dossier layer shows it or turns it into its own refusal.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Q
from django.utils import timezone

from awards.core.permissions import is_body_officer, is_staff
from awards.enums import RecipientKind
from awards.models import Dossier, Initiative, Nomination, NominationEligibility
from awards.record.eligibility.engine import RuleBook, evaluate_record
from awards.record.eligibility.facts import load_records
from awards.record.eligibility.results import ELIGIBLE, NEEDS_JUDGEMENT, NOT_ELIGIBLE, Result
from awards.record.eligibility.texts import _

if TYPE_CHECKING:
    from units.models import User


class EligibilityError(Exception):
    """A refused eligibility operation; ``message`` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InitiativeTaken(EligibilityError):
    """An initiative a nomination relied on was taken by another nomination meanwhile."""


# --- results of a dossier's nominations ---------------------------------------------------------------------

def _nomination_subject(nomination: Nomination) -> tuple[str, int] | None:
    if nomination.recipient_kind == RecipientKind.INDIVIDUAL and nomination.person_id:
        return (RecipientKind.INDIVIDUAL.value, nomination.person_id)
    if nomination.recipient_kind == RecipientKind.COLLECTIVE and nomination.unit_id and not nomination.collective_name:
        return (RecipientKind.COLLECTIVE.value, nomination.unit_id)
    return None


def evaluate_dossier(dossier: Dossier, on: datetime.date | None = None, save: bool = True) -> dict[int, Result]:
    """Evaluate every nomination of a dossier (a constant number of queries) and store the results;
    returns ``{nomination_id: Result}``. Recipients outside the records (a named collective, a household)
    get no result."""
    return evaluate_nominations(dossier, list(dossier.nominations.select_related("award_type")), on, save)


def evaluate_nominations(dossier: Dossier, nominations: list[Nomination], on: datetime.date | None = None,
                         save: bool = False) -> dict[int, Result]:
    """``evaluate_dossier`` for some nominations of ``dossier`` only (those a page shows)."""
    on = on or timezone.localdate()
    subjects = {n.pk: _nomination_subject(n) for n in nominations}
    persons = [pk for kind, pk in filter(None, subjects.values()) if kind == RecipientKind.INDIVIDUAL]
    units = [pk for kind, pk in filter(None, subjects.values()) if kind == RecipientKind.COLLECTIVE]
    records = load_records(persons=persons, units=units)
    book = RuleBook()
    results = {}
    for n in nominations:
        key = subjects[n.pk]
        if key is None or key not in records:
            continue
        results[n.pk] = evaluate_record(records[key], n.award_type.code, dossier.year, book, on,
                                        nomination_id=n.pk, occasion=dossier.occasion)
    if save and results:
        now = timezone.now()
        existing = {e.nomination_id: e for e in NominationEligibility.objects.filter(nomination__in=results)}
        for pk, result in results.items():
            row = existing.get(pk) or NominationEligibility(nomination_id=pk)
            row.verdict, row.result, row.evaluated_at = result.verdict, result.to_json(), now
            row.hard_unmet = bool(result.hard_unmet)
            row.save()
    return results


def nomination_panel(dossier: Dossier, nominations: list[Nomination] | None = None,
                     results: dict[int, Result] | None = None) -> dict[int, dict]:
    """For the dossier page: nomination id -> {"result", "stored"} (live result, stored override), for
    ``nominations`` (the rows a page shows; default all) or the ``results`` already evaluated for them."""
    if results is None:
        results = (evaluate_dossier(dossier, save=False) if nominations is None
                   else evaluate_nominations(dossier, nominations))
    stored = stored_for(results)
    return {pk: {"result": result, "stored": stored.get(pk)} for pk, result in results.items()}


def stored_for(results: dict[int, Result]) -> dict[int, NominationEligibility]:
    """The stored rows (staff's overrides) of the nominations of ``results``: one query."""
    return {e.nomination_id: e for e in NominationEligibility.objects.filter(nomination__in=list(results))
            .select_related("override_by")}


@dataclass(frozen=True)
class PageCheck:
    """What a dossier page already evaluated and read: the results of the rows it shows, their stored rows and
    recipients' names, and whether those are all the dossier's rows. Set by ``page_check`` while the page asks
    which moves are open."""

    dossier_id: int
    results: dict[int, Result]
    stored: dict[int, NominationEligibility]
    names: dict[int, str]
    complete: bool


_page_check: ContextVar[PageCheck | None] = ContextVar("eligibility_page_check", default=None)


@contextmanager
def page_check(dossier: Dossier, nominations: list[Nomination], results: dict[int, Result],
               stored: dict[int, NominationEligibility], complete: bool) -> Iterator[None]:
    """While a dossier page lists its open moves: the submission guard reuses what the page evaluated and read for
    its rows instead of evaluating the dossier again. When the page shows only some rows (``complete`` false), the
    eligibility part of the guard is left to the submission itself, which always evaluates every nomination (the
    page says so); completeness is still checked."""
    names = {n.pk: n.recipient_name for n in nominations}
    token = _page_check.set(PageCheck(dossier.pk, results, stored, names, complete))
    try:
        yield
    finally:
        _page_check.reset(token)


def submission_blocks(dossier: Dossier) -> list[str]:
    """Why the dossier cannot be submitted: hard criteria unmet and not overridden by staff, naming the
    nominee and the criterion, or staff's own conclusion "not eligible". Soft criteria only warn (they show on
    the dossier page)."""
    check = _page_check.get()
    if check is not None and check.dossier_id == dossier.pk:
        if not check.complete:
            return []
        results, names = check.results, check.names
        rows = [row for pk, row in check.stored.items() if pk in results]
    else:
        results = evaluate_dossier(dossier, save=False)
        rows = list(NominationEligibility.objects.filter(nomination__in=list(results)).exclude(override_verdict=""))
        names = {n.pk: n.recipient_name for n in dossier.nominations.filter(pk__in=list(results))
                 .select_related("person", "unit", "household")}
    overrides = {row.nomination_id: row.override_reason for row in rows if row.override_verdict}
    verdicts = {row.nomination_id for row in rows if row.override_verdict == NOT_ELIGIBLE}
    problems = []
    for pk, result in results.items():
        if pk in verdicts:
            problems.append(_("Ban Thi đua - Khen thưởng đã kết luận %(name)s chưa đủ điều kiện: %(reason)s") % {
                "name": names[pk], "reason": overrides[pk]})
            continue
        if pk in overrides:
            continue
        for criterion in result.hard_unmet:
            problems.append(_("%(name)s chưa đạt tiêu chuẩn bắt buộc \"%(criterion)s\" (%(citation)s).") % {
                "name": names[pk], "criterion": criterion.label, "citation": result.citation})
    return problems


def override(nomination: Nomination, verdict: str, reason: str, actor: User) -> None:
    """Staff's own conclusion on a nomination's eligibility (the body's officers', in a unit's own round), with a
    required reason (recorded, shown); raise ``EligibilityError`` when it is refused."""
    dossier = nomination.dossier
    if dossier.is_round and not is_body_officer(actor, dossier.body):
        raise EligibilityError(_("Chỉ cán bộ thi đua - khen thưởng của %(unit)s được kết luận thay kết quả tự động.")
                               % {"unit": dossier.body.unit.name})
    if not dossier.is_round and not is_staff(actor):
        raise EligibilityError(_("Chỉ cán bộ Ban Thi đua - Khen thưởng được kết luận thay kết quả tự động."))
    if verdict not in (ELIGIBLE, NOT_ELIGIBLE, ""):
        raise EligibilityError(_("Kết luận không hợp lệ."))
    reason = (reason or "").strip()
    if verdict and not reason:
        raise EligibilityError(_("Cần ghi lý do khi kết luận thay kết quả tự động."))
    evaluate_dossier(nomination.dossier)
    row, _created = NominationEligibility.objects.get_or_create(
        nomination=nomination, defaults={"verdict": NEEDS_JUDGEMENT, "evaluated_at": timezone.now()})
    row.override_verdict, row.override_reason = verdict, reason if verdict else ""
    row.override_by, row.override_at = (actor, timezone.now()) if verdict else (None, None)
    row.save()


# --- initiatives taken and given back ----------------------------------------------------------------------

def claim_initiatives(nomination_id: int, initiative_ids: list[int]) -> None:
    """Mark initiatives as used by a nomination with a compare-and-set per row: two nominations claiming
    the same initiative at the same time cannot both succeed (the loser gets ``InitiativeTaken``)."""
    for pk in initiative_ids:
        claimed = Initiative.objects.filter(pk=pk, used_note="").filter(
            Q(used_by__isnull=True) | Q(used_by_id=nomination_id)).update(used_by_id=nomination_id,
                                                                          used_at=timezone.now())
        if claimed == 0:
            title = Initiative.objects.filter(pk=pk).values_list("title", flat=True).first() or pk
            raise InitiativeTaken(_("Sáng kiến \"%(title)s\" vừa được dùng cho một đề nghị khác.") % {"title": title})


def claim_for_dossier(dossier: Dossier) -> None:
    """On submission: each nomination takes the initiatives its criteria relied on. The submission's guard checked
    the record a moment before; when another submission took an initiative in between (and committed before this
    evaluation, so there is nothing left to claim), the criterion is now unmet: refused like a lost claim."""
    for pk, result in evaluate_dossier(dossier).items():
        if result.initiative_ids:
            claim_initiatives(pk, result.initiative_ids)
    blocks = submission_blocks(dossier)
    if blocks:
        raise InitiativeTaken(" ".join(blocks))


def release_for_dossier(dossier: Dossier) -> None:
    """A withdrawn dossier gives its initiatives back."""
    Initiative.objects.filter(used_by__dossier=dossier).update(used_by=None, used_at=None)
