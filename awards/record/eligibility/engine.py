"""Rules by date and the verdict: the rule of an award in force on a day (``RuleBook``, every rule loaded once),
what its criteria read (``Windows``), and the evaluation of one or many subjects (``evaluate_record``,
``evaluate``, ``evaluate_many``) into a ``Result`` with its evidence."""

from __future__ import annotations

import datetime
import gc
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils import timezone

from awards.enums import RecipientKind
from awards.models import AwardType, EligibilityRule
from awards.models.record import HoldKind
from awards.record.eligibility.criteria import (
    NON_LADDER,
    Compiled,
    Context,
    compile_criterion,
    consecutive_first,
    evaluate_criterion,
)
from awards.record.eligibility.facts import NOT_NEEDED, Record, load_records
from awards.record.eligibility.results import (
    ELIGIBLE,
    NEEDS_JUDGEMENT,
    NOT_ELIGIBLE,
    UNKNOWN,
    UNMET,
    CriterionResult,
    Result,
)
from awards.record.eligibility.texts import cached_translations
from units.models import Person, Unit

GENERIC_RULE = "*"


@dataclass
class Windows:
    """What the rules being evaluated can read: award codes with the earliest achievement year each needs
    (``None``: any year), and the earliest year of ratings and initiatives. ``load_records`` loads only that."""

    awards: dict[str, int | None] = field(default_factory=dict)
    ratings: int | None = NOT_NEEDED
    initiatives: int | None = NOT_NEEDED

    def need_award(self, codes: Iterable[str], since: int | None) -> None:
        for code in codes:
            if since is None or (code in self.awards and self.awards[code] is None):
                self.awards[code] = None
            else:
                self.awards[code] = min(self.awards.get(code, since), since)

    def need_ratings(self, since: int) -> None:
        self.ratings = min(self.ratings, since)

    def need_initiatives(self, since: int) -> None:
        self.initiatives = min(self.initiatives, since)

    def read(self, compiled: Iterable[Compiled], year: int) -> None:
        """Widen the windows for the criteria ``compiled`` evaluated for ``year``."""
        for c in compiled:
            p = c.params
            if c.kind == "consecutive_awards":
                self.need_award(p["award_codes"], consecutive_first(year, p))
            elif c.kind == "has_award":
                within = p.get("within_years")
                self.need_award(p["award_codes"], year - int(within) + 1 if within else None)
            elif c.kind == "award_then_years":
                self.need_award(p["award_codes"], None)
                self.need_ratings(year - int(p["years"]) + 1)
            elif c.kind == "rating_at_least":
                self.need_ratings(year - int(p.get("year_offset", 0)))
            elif c.kind == "consecutive_ratings":
                self.need_ratings(year - max(p.get("end_offsets", [0])) - int(p["n"]) + 1)
            elif c.kind == "initiatives":
                self.need_initiatives(year - int(p.get("within_years", 1)) + 1)
            elif c.kind in ("any_of", "all_of"):
                self.read(p["options"], year)

    def award_filter(self) -> Q:
        q = Q(pk__in=[])
        unbounded = [code for code, since in self.awards.items() if since is None]
        if unbounded:
            q |= Q(award_code__in=unbounded)
        for code, since in self.awards.items():
            if since is not None:
                q |= Q(award_code=code, achievement_year__gte=since)
        return q


@dataclass(slots=True)
class RuleData:
    code: str
    award_code: str
    recipient_kind: str
    valid_from: datetime.date
    valid_to: datetime.date | None
    citation: str
    criteria: list
    ladder: bool
    compiled: tuple = ()


class RuleBook:
    """Every rule, loaded once (one query), looked up by award code, recipient kind and date."""

    def __init__(self, rules: Iterable[RuleData] | None = None) -> None:
        if rules is None:
            rules = [RuleData(r.code, r.award_code, r.recipient_kind, r.valid_from, r.valid_to, r.citation,
                              r.criteria, r.ladder) for r in EligibilityRule.objects.all()]
        self.rules: dict[tuple[str, str], list[RuleData]] = defaultdict(list)
        self._found: dict[tuple, RuleData | None] = {}
        for rule in rules:
            rule.compiled = tuple(compile_criterion(spec) for spec in rule.criteria)
            self.rules[(rule.award_code, rule.recipient_kind)].append(rule)
        self.names = dict(AwardType.objects.order_by("valid_from").values_list("code", "short_name"))
        for code, name in AwardType.objects.order_by("valid_from").values_list("code", "name"):
            if not self.names.get(code):
                self.names[code] = name

    def find(self, award_code: str, recipient_kind: str, on: datetime.date) -> RuleData | None:
        key = (award_code, recipient_kind, on)
        try:
            return self._found[key]
        except KeyError:
            pass
        found = None
        for rule in self.rules.get((award_code, str(recipient_kind)), ()):
            if rule.valid_from <= on and (rule.valid_to is None or on <= rule.valid_to):
                found = rule
                break
        self._found[key] = found
        return found

    def windows(self, award_codes: Iterable[str], on: datetime.date, year: int) -> Windows:
        """What evaluating ``award_codes`` (and the generic rule) on ``on`` for ``year`` reads."""
        windows = Windows()
        for (code, kind) in list(self.rules):
            if code in award_codes or code == GENERIC_RULE:
                rule = self.find(code, kind, on)
                if rule is not None:
                    windows.read(rule.compiled, year)
        return windows

    def ladder_awards(self, recipient_kind: str, on: datetime.date) -> list[str]:
        codes = {code for (code, kind) in self.rules if kind == str(recipient_kind) and code != GENERIC_RULE}
        return sorted(c for c in codes if (r := self.find(c, recipient_kind, on)) is not None and r.ladder)


def _cutoff(record: Record, on: datetime.date) -> int:
    """Achievements count only from the year after a finished discipline penalty ended."""
    if not record.holds:
        return 0
    ended = [h.end.year for h in record.holds
             if h.kind == HoldKind.DISCIPLINE and h.end is not None and h.end < on]
    return max(ended, default=0)


def evaluate_record(record: Record, award_code: str, year: int, book: RuleBook, on: datetime.date | None = None,
                    nomination_id: int | None = None, occasion: str | None = None) -> Result:
    """Evaluate one subject's record against the rule of ``award_code`` in force on ``on`` (default today).

    A nomination of another occasion than công trạng (or an award without a rule) gets only the generic
    rule: no hold period."""
    on = on or timezone.localdate()
    rule = None
    if occasion is None or occasion not in NON_LADDER:
        rule = book.find(award_code, record.kind, on)
    if rule is None:
        rule = book.find(GENERIC_RULE, record.kind, on)
    if rule is None:
        return Result(record.kind, record.pk, award_code, year, on, "", "", NEEDS_JUDGEMENT, [])
    ctx = Context(record, year, on, nomination_id, _cutoff(record, on), book.names)
    with cached_translations():
        criteria = [evaluate_criterion(ctx, spec) for spec in rule.compiled]
    statuses = {c.status for c in criteria}
    verdict = NOT_ELIGIBLE if UNMET in statuses else NEEDS_JUDGEMENT if UNKNOWN in statuses else ELIGIBLE
    return Result(record.kind, record.pk, award_code, year, on, rule.code, rule.citation, verdict, criteria)


def evaluate(subject: Person | Unit, award_code: str, year: int, on: datetime.date | None = None,
             book: RuleBook | None = None) -> Result:
    """Evaluate one Person or Unit."""
    if isinstance(subject, Person):
        records = load_records(persons=[subject.pk])
        record = records[(RecipientKind.INDIVIDUAL.value, subject.pk)]
    else:
        records = load_records(units=[subject.pk])
        record = records[(RecipientKind.COLLECTIVE.value, subject.pk)]
    return evaluate_record(record, award_code, year, book or RuleBook(), on)


def evaluate_many(persons: QuerySet | Iterable[int] | None = None, units: QuerySet | Iterable[int] | None = None,
                  award_codes: list[str] | None = None, year: int | None = None,
                  on: datetime.date | None = None, book: RuleBook | None = None) -> list[Result]:
    """Every ladder rule (or ``award_codes``) for many subjects, with a constant number of queries."""
    on = on or timezone.localdate()
    year = year or on.year
    book = book or RuleBook()
    results = []
    codes_for = {kind: [c for c in (award_codes or book.ladder_awards(kind, on)) if book.find(c, kind, on)]
                 for kind in (RecipientKind.INDIVIDUAL.value, RecipientKind.COLLECTIVE.value)}
    # Hundreds of thousands of small objects that live until the end: the cyclic garbage collector's full
    # passes over them would cost more than the evaluation itself, so it is paused meanwhile.
    collecting = gc.isenabled()
    gc.disable()
    try:
        wanted = {code for codes in codes_for.values() for code in codes}
        records = load_records(persons=persons, units=units, windows=book.windows(wanted, on, year))
        # The rules are found once (the date is the same for everyone), one context per subject serves all its
        # rules: the same answers as ``evaluate_record`` for each (subject, award), without its per-call set-up.
        # Each criterion's function is called directly (what ``evaluate_criterion`` does, without its per-call
        # dispatch), the verdict read while the criteria are built.
        rules_for = {kind: [(code, rule, [(c.fn, c.params, c.code, c.label, c.kind, c.severity)
                                          for c in rule.compiled])
                            for code in codes for rule in (book.find(code, kind, on),)]
                     for kind, codes in codes_for.items()}
        append = results.append
        names = book.names
        with cached_translations():
            for record in records.values():
                ctx = Context(record, year, on, None, _cutoff(record, on), names)
                kind, pk = record.kind, record.pk
                for code, rule, plan in rules_for[kind]:
                    criteria = []
                    unmet = unknown = False
                    for fn, params, c_code, label, c_kind, severity in plan:
                        status, evidence, detail, initiative_ids = fn(ctx, params)
                        if status == UNMET:
                            unmet = True
                        elif status == UNKNOWN:
                            unknown = True
                        criteria.append(CriterionResult(c_code, label, c_kind, severity, status, evidence, detail,
                                                        initiative_ids))
                    verdict = NOT_ELIGIBLE if unmet else NEEDS_JUDGEMENT if unknown else ELIGIBLE
                    append(Result(kind, pk, code, year, on, rule.code, rule.citation, verdict, criteria))
    finally:
        if collecting:
            gc.enable()
    return results
