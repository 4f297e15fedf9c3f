"""The eligibility engine: award criteria as data (``EligibilityRule`` rows), evaluated against a person's or a
unit's record.

The record (awards by code and year, yearly ratings, initiatives, hold periods, collective figures) is loaded
in bulk with a constant number of queries for any number of subjects (``load_records``); evaluation itself is
pure Python on that record (``evaluate_record``), so the same code serves one nomination, the candidates page
and the 10,000-person benchmark.

Every rule cites its legal source and is effective-dated; every criterion answers met / unmet / unknown with its
evidence. What a machine cannot judge ("thành tích xuất sắc tiêu biểu") is ``unknown``: the verdict is then
"needs a person's judgement", never silently eligible. Exclusions applied everywhere:

* revoked awards never count;
* đột xuất and chuyên đề awards never count toward công trạng ladders (NĐ 152/2025/NĐ-CP Điều 4);
* an active hold period (kỷ luật, điều tra, thanh tra, khiếu nại, báo chí phản ánh) blocks, and after a
  discipline penalty achievements count only from the year after it ended (same article);
* an initiative already used for another award does not count again.
"""

from __future__ import annotations

import datetime
import gc
import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from django.db import connection, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import get_language, gettext, gettext_lazy

from awards.enums import NON_LADDER_OCCASIONS, RecipientKind
from awards.models import (
    Award,
    CollectiveFigures,
    EligibilityRule,
    HoldPeriod,
    Initiative,
    YearlyRating,
)
from awards.models.facts import (
    RATING_RANK,
    SCOPE_RANK,
    DisciplineLevel,
    HoldKind,
    InitiativeKind,
    Rating,
    Scope,
    Severity,
)

if TYPE_CHECKING:
    from units.models import Unit

MET, UNMET, UNKNOWN = "met", "unmet", "unknown"
ELIGIBLE, NOT_ELIGIBLE, NEEDS_JUDGEMENT = "eligible", "not_eligible", "needs_judgement"
VERDICT_LABELS = {
    ELIGIBLE: gettext_lazy("Đủ điều kiện"),
    NOT_ELIGIBLE: gettext_lazy("Chưa đủ điều kiện"),
    NEEDS_JUDGEMENT: gettext_lazy("Cần cán bộ xem xét"),
}
STATUS_LABELS = {MET: gettext_lazy("Đạt"), UNMET: gettext_lazy("Chưa đạt"), UNKNOWN: gettext_lazy("Cần xem xét")}
GENERIC_RULE = "*"
_NO_GROUNDS = {"no_hold", "judgement"}
NON_LADDER = {str(o) for o in NON_LADDER_OCCASIONS}


# --- translations, cached while evaluating -------------------------------------------------------------------
# Evaluating 50,000 rules would spend most of its time in gettext; while ``evaluate_record``/``evaluate_many`` run,
# ``_`` reads a per-language cache (per thread), outside them it is plain gettext.

_CACHES: dict[str, dict] = {}
_local = threading.local()


def _(message: str) -> str:
    cache = getattr(_local, "cache", None)
    if cache is None:
        return gettext(message)
    text = cache.get(message)
    if text is None:
        text = cache[message] = gettext(message)
    return text


def _label(choices, value) -> str:
    cache = getattr(_local, "cache", None)
    if cache is None:
        return str(choices(value).label)
    key = (choices, value)
    text = cache.get(key)
    if text is None:
        text = cache[key] = str(choices(value).label)
    return text


class _translations:
    """Context manager: use the cache of the active language inside (re-entrant)."""

    def __enter__(self):
        self.outer = getattr(_local, "cache", None)
        if self.outer is None:
            _local.cache = _CACHES.setdefault(get_language() or "", {})
        return self

    def __exit__(self, *exc):
        if self.outer is None:
            _local.cache = None
        return False


# --- the record --------------------------------------------------------------------------------------------

@dataclass(slots=True)
class AwardFact:
    code: str
    year: int
    occasion: str
    decision_number: str


@dataclass(slots=True)
class InitiativeFact:
    pk: int
    kind: str
    title: str
    year: int
    scope: str
    used_by_id: int | None
    used_note: str


@dataclass(slots=True)
class HoldFact:
    kind: str
    level: str
    start: datetime.date
    end: datetime.date | None


@dataclass(slots=True)
class FiguresFact:
    members: int
    completed_tasks: int
    with_ldtt: int
    with_cstdcs: int
    women: int
    disciplined: int


@dataclass(slots=True)
class Record:
    """Everything the criteria read about one subject; filled by ``load_records``."""

    kind: str  # RecipientKind value
    pk: int
    awards: dict[str, list[AwardFact]] = field(default_factory=dict)  # code -> facts (not revoked)
    ratings: dict[int, str] = field(default_factory=dict)
    initiatives: list[InitiativeFact] = field(default_factory=list)
    holds: list[HoldFact] = field(default_factory=list)
    figures: dict[int, FiguresFact] = field(default_factory=dict)
    is_woman: bool = False
    women_share: float | None = None  # collectives: latest known share of women


def subject_key(kind: str, pk: int) -> tuple[str, int]:
    return (str(kind), pk)


def _ids_filter(field_name: str, subjects) -> Q:
    """``field__in`` with a subquery (a QuerySet: one query whatever its size) or a list of ids."""
    return Q(**{f"{field_name}__in": subjects})


NOT_NEEDED = 10**6  # a year no rule reads: the query is skipped


@dataclass
class Windows:
    """What the rules being evaluated can read: award codes with the earliest achievement year each needs
    (``None``: any year), and the earliest year of ratings and initiatives. ``load_records`` loads only that."""

    awards: dict[str, int | None] = field(default_factory=dict)
    ratings: int | None = NOT_NEEDED
    initiatives: int | None = NOT_NEEDED

    def need_award(self, codes, since: int | None) -> None:
        for code in codes:
            if since is None or (code in self.awards and self.awards[code] is None):
                self.awards[code] = None
            else:
                self.awards[code] = min(self.awards.get(code, since), since)

    def need_ratings(self, since: int) -> None:
        self.ratings = min(self.ratings, since)

    def need_initiatives(self, since: int) -> None:
        self.initiatives = min(self.initiatives, since)

    def read(self, compiled, year: int) -> None:
        """Widen the windows for the criteria ``compiled`` evaluated for ``year``."""
        for c in compiled:
            p = c.params
            if c.kind == "consecutive_awards":
                self.need_award(p["award_codes"], _consecutive_first(year, p))
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


def _rows(queryset: QuerySet | None) -> list[tuple]:
    """The rows of a ``values_list`` of plain columns (integers, text) straight from the cursor, unordered:
    Django's per-row conversion costs more than the database for the 400,000 rows of a big evaluation."""
    if queryset is None:
        return []
    sql, params = queryset.order_by().query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def load_records(persons: QuerySet | Iterable[int] | None = None,
                 units: QuerySet | Iterable[int] | None = None,
                 windows: Windows | None = None) -> dict[tuple[str, int], Record]:
    """The records of many subjects with a constant number of queries: pass QuerySets of ids (evaluated as
    subqueries) or lists of ids. ``windows`` (from ``RuleBook.windows``) limits the rows to what the rules
    being evaluated read; without it everything is loaded. Returns ``{(recipient_kind, pk): Record}``."""
    from units.models import Gender, Person

    records: dict[tuple[str, int], Record] = {}
    for kind, subjects, fk in ((RecipientKind.INDIVIDUAL, persons, "person_id"),
                               (RecipientKind.COLLECTIVE, units, "unit_id")):
        if subjects is None:
            continue
        if not isinstance(subjects, QuerySet):
            subjects = list(subjects)
            if not subjects:
                continue
        kind = str(kind)
        if kind == RecipientKind.INDIVIDUAL:
            for pk, gender in Person.objects.filter(_ids_filter("pk", subjects)).values_list("pk", "gender"):
                records[(kind, pk)] = Record(kind=kind, pk=pk, is_woman=gender == Gender.FEMALE)
        else:
            from units.models import Unit

            for pk in Unit.objects.filter(_ids_filter("pk", subjects)).values_list("pk", flat=True):
                records[(kind, pk)] = Record(kind=kind, pk=pk)
        awards = Award.objects.filter(_ids_filter(fk, subjects), revoked=False, recipient_kind=kind)
        ratings = YearlyRating.objects.filter(_ids_filter(fk, subjects))
        initiatives = Initiative.objects.filter(_ids_filter(fk, subjects))
        if windows is not None:
            awards = awards.filter(windows.award_filter())
            if windows.ratings == NOT_NEEDED:
                ratings = None
            elif windows.ratings is not None:
                ratings = ratings.filter(year__gte=windows.ratings)
            if windows.initiatives == NOT_NEEDED:
                initiatives = None
            elif windows.initiatives is not None:
                initiatives = initiatives.filter(year__gte=windows.initiatives)
        award_rows = None if windows is not None and not windows.awards else awards.values_list(
            fk, "award_code", "achievement_year", "occasion", "decision_number")  # None: the rules read no awards
        for owner, code, year, occasion, number in _rows(award_rows):
            record = records.get((kind, owner))
            if record is not None:
                record.awards.setdefault(code, []).append(AwardFact(code, year, occasion, number))
        rating_rows = None if ratings is None else ratings.values_list(fk, "year", "rating")
        for owner, year, rating in _rows(rating_rows):
            record = records.get((kind, owner))
            if record is not None:
                record.ratings[year] = rating
        initiative_rows = None if initiatives is None else initiatives.values_list(
            fk, "pk", "kind", "title", "year", "scope", "used_by_id", "used_note")
        for row in _rows(initiative_rows):
            record = records.get((kind, row[0]))
            if record is not None:
                record.initiatives.append(InitiativeFact(*row[1:]))
        for owner, hold_kind, level, start, end in HoldPeriod.objects.filter(_ids_filter(fk, subjects)).values_list(
                fk, "kind", "discipline_level", "start", "end"):
            record = records.get((kind, owner))
            if record is not None:
                record.holds.append(HoldFact(hold_kind, level, start, end))
        if kind == RecipientKind.COLLECTIVE:
            for row in CollectiveFigures.objects.filter(_ids_filter("unit_id", subjects)).values_list(
                    "unit_id", "year", "members", "completed_tasks", "with_ldtt", "with_cstdcs", "women",
                    "disciplined_canh_cao_or_above").order_by("year"):
                record = records.get((kind, row[0]))
                if record is not None:
                    record.figures[row[1]] = FiguresFact(*row[2:])
                    record.women_share = row[6] / row[2] if row[2] else None
    for record in records.values():
        if len(record.initiatives) > 1:
            record.initiatives.sort(key=lambda i: (i.year, i.pk))
    return records


# --- results -----------------------------------------------------------------------------------------------

@dataclass(slots=True)
class CriterionResult:
    code: str
    label: str
    kind: str
    severity: str
    status: str
    evidence: list[str] = field(default_factory=list)
    detail: str = ""
    initiative_ids: list[int] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def blocks(self) -> bool:
        return self.status == UNMET and self.severity == Severity.HARD


@dataclass
class Result:
    subject_kind: str
    subject_id: int
    award_code: str
    year: int
    on: datetime.date
    rule_code: str
    citation: str
    verdict: str
    criteria: list[CriterionResult]

    @property
    def hard_unmet(self) -> list[CriterionResult]:
        return [c for c in self.criteria if c.blocks]

    @property
    def soft_unmet(self) -> list[CriterionResult]:
        return [c for c in self.criteria if c.status == UNMET and c.severity != Severity.HARD]

    @property
    def failing_codes(self) -> list[str]:
        return [c.code for c in self.criteria if c.status == UNMET]

    @property
    def verdict_label(self) -> str:
        return str(VERDICT_LABELS[self.verdict])

    @property
    def is_candidate(self) -> bool:
        """Nothing unmet, and the record itself shows grounds (a criterion other than "no hold" and the
        judgement ones is met): a subject with no data at all is not proposed."""
        return self.verdict != NOT_ELIGIBLE and any(
            c.status == MET and c.kind not in _NO_GROUNDS for c in self.criteria)

    @property
    def initiative_ids(self) -> list[int]:
        return sorted({pk for c in self.criteria if c.status == MET for pk in c.initiative_ids})

    def to_json(self) -> dict:
        data = asdict(self)
        data["on"] = self.on.isoformat()
        return data

    @classmethod
    def from_json(cls, data: dict) -> Result:
        data = dict(data)
        data["on"] = datetime.date.fromisoformat(data["on"])
        data["criteria"] = [CriterionResult(**c) for c in data["criteria"]]
        return cls(**data)


# --- criteria ----------------------------------------------------------------------------------------------

@dataclass(slots=True)
class Context:
    record: Record
    year: int
    on: datetime.date
    nomination_id: int | None
    cutoff: int  # achievements of this year and earlier do not count (discipline ended then)
    names: dict[str, str]


def _award_name(ctx: Context, code: str) -> str:
    return ctx.names.get(code, code)


def _ladder_years(ctx: Context, codes: list[str], ladder_only: bool = True) -> dict[int, AwardFact]:
    """Achievement year -> one award among ``codes`` that counts (not revoked: the loader skips those)."""
    out: dict[int, AwardFact] = {}
    awards = ctx.record.awards
    for code in codes:
        for fact in awards.get(code, ()):
            if ladder_only and fact.occasion in NON_LADDER:
                continue
            if fact.year <= ctx.cutoff or fact.year > ctx.year:
                continue
            out.setdefault(fact.year, fact)
    return out


def _fmt_award(ctx: Context, fact: AwardFact) -> str:
    number = f" ({_('QĐ')} {fact.decision_number})" if fact.decision_number else ""
    return f"{_award_name(ctx, fact.code)} {fact.year}{number}"


def _excluded_evidence(ctx: Context, codes: list[str], first: int = 0) -> list[str]:
    """Awards of the years ``first``..year that exist but do not count, so the page can say why."""
    notes = []
    for code in codes:
        for fact in ctx.record.awards.get(code, ()):
            if fact.year > ctx.year or fact.year < first:
                continue
            if fact.occasion in NON_LADDER:
                notes.append(_("%(award)s không tính (khen thưởng đột xuất, chuyên đề; NĐ 152/2025/NĐ-CP Điều 4)")
                             % {"award": _fmt_award(ctx, fact)})
            elif fact.year <= ctx.cutoff:
                notes.append(_("%(award)s không tính (trước khi hết thời hạn kỷ luật)")
                             % {"award": _fmt_award(ctx, fact)})
    return notes


def _consecutive_first(year: int, p: dict) -> int:
    """The earliest year a ``consecutive_awards`` chain can reach back to."""
    return year - max(p.get("end_offsets", [0])) - int(p.get("n", 1)) * int(p.get("max_gap", 1))


def c_consecutive_awards(ctx: Context, p: dict) -> tuple[str, list[str], str, list[int]]:
    """``n`` awards among ``award_codes``, each at most ``max_gap`` years after the previous one (1 = yearly
    titles in consecutive years), the last in one of the years ``year - end_offsets``."""
    codes, n = p["award_codes"], int(p.get("n", 1))
    max_gap = int(p.get("max_gap", 1))
    offsets = p.get("end_offsets", [0])
    by_year = _ladder_years(ctx, codes, p.get("ladder_only", True))
    best: list[AwardFact] = []
    for offset in offsets:
        end = ctx.year - offset
        if end not in by_year:
            continue
        chain = [by_year[end]]
        current = end
        while len(chain) < n:
            previous = next((y for y in range(current - 1, current - max_gap - 1, -1) if y in by_year), None)
            if previous is None:
                break
            chain.append(by_year[previous])
            current = previous
        if len(chain) > len(best):
            best = chain
        if len(best) >= n:
            break
    evidence = [_fmt_award(ctx, f) for f in sorted(best, key=lambda f: f.year)]
    evidence += _excluded_evidence(ctx, codes, _consecutive_first(ctx.year, p))
    if len(best) >= n:
        return MET, evidence, "", []
    return UNMET, evidence, _("Có %(have)s/%(n)s lần liên tục.") % {"have": len(best), "n": n}, []


def c_has_award(ctx: Context, p: dict) -> tuple[str, list[str], str, list[int]]:
    """At least ``n`` awards among ``award_codes`` with achievement years in the last ``within_years`` years
    (including the year; no limit when absent)."""
    codes, n = p["award_codes"], int(p.get("n", 1))
    within = p.get("within_years")
    first = ctx.year - int(within) + 1 if within else 0
    facts = []
    for code in codes:
        for fact in ctx.record.awards.get(code, ()):
            if p.get("ladder_only", True) and fact.occasion in NON_LADDER:
                continue
            if first <= fact.year <= ctx.year and fact.year > ctx.cutoff:
                facts.append(fact)
    facts.sort(key=lambda f: f.year)
    evidence = [_fmt_award(ctx, f) for f in facts] + _excluded_evidence(ctx, codes, first)
    if len(facts) >= n:
        return MET, evidence, "", []
    return UNMET, evidence, _("Có %(have)s/%(n)s.") % {"have": len(facts), "n": n}, []


def _rating_ok(rating: str | None, minimum: str) -> bool:
    return rating is not None and RATING_RANK[rating] >= RATING_RANK[minimum]


def c_rating_at_least(ctx: Context, p: dict) -> tuple[str, list[str], str, list[int]]:
    """The rating of ``year - year_offset`` is ``min_rating`` or better; no rating recorded: unknown."""
    year = ctx.year - int(p.get("year_offset", 0))
    rating = ctx.record.ratings.get(year)
    if rating is None:
        return UNKNOWN, [], _("Chưa có xếp loại năm %(y)s.") % {"y": year}, []
    evidence = [f"{year}: {_label(Rating, rating)}"]
    return (MET if _rating_ok(rating, p["min_rating"]) else UNMET), evidence, "", []


def c_consecutive_ratings(ctx: Context, p: dict) -> tuple[str, list[str], str, list[int]]:
    """``n`` consecutive years rated ``min_rating`` or better, ending in one of ``year - end_offsets``. A year
    without a rating makes it unknown (unless another ending already meets it); a lower rating breaks it."""
    n, minimum = int(p["n"]), p["min_rating"]
    status, evidence, detail = UNMET, [], ""
    for offset in p.get("end_offsets", [0]):
        end = ctx.year - offset
        years = list(range(end - n + 1, end + 1))
        ratings = {y: ctx.record.ratings.get(y) for y in years}
        shown = [f"{y}: {_label(Rating, r)}" for y, r in ratings.items() if r]
        if any(y <= ctx.cutoff for y in years):
            evidence, detail = shown, _("Năm %(y)s trở về trước không tính (kỷ luật).") % {"y": ctx.cutoff}
            continue
        if all(_rating_ok(r, minimum) for r in ratings.values()):
            return MET, shown, "", []
        broken = [y for y, r in ratings.items() if r is not None and not _rating_ok(r, minimum)]
        missing = [y for y, r in ratings.items() if r is None]
        if not broken and missing and status == UNMET:
            status, evidence = UNKNOWN, shown
            detail = _("Chưa có xếp loại năm %(years)s.") % {"years": ", ".join(map(str, missing))}
        elif status == UNMET:
            evidence = shown
            detail = _("Năm %(years)s không đạt %(min)s.") % {
                "years": ", ".join(map(str, broken)), "min": _label(Rating, minimum).lower()}
    return status, evidence, detail, []


_ALL_INITIATIVE_KINDS = frozenset({InitiativeKind.INITIATIVE.value, InitiativeKind.RESEARCH.value})


def c_initiatives(ctx: Context, p: dict) -> tuple[str, list[str], str, list[int]]:
    """At least ``count`` initiatives (of ``kinds``) recognised at ``min_scope`` or wider within the last
    ``within_years`` years, not already used for another award."""
    count = int(p.get("count", 1))
    if not ctx.record.initiatives:
        return UNMET, [], _("Có %(have)s/%(n)s sáng kiến, đề tài phạm vi từ %(scope)s trở lên chưa sử dụng.") % {
            "have": 0, "n": count, "scope": _label(Scope, p.get("min_scope", Scope.BASE)).lower()}, []
    min_rank = SCOPE_RANK[p.get("min_scope", Scope.BASE)]
    kinds = p.get("kinds") or _ALL_INITIATIVE_KINDS
    first = ctx.year - int(p.get("within_years", 1)) + 1
    usable, used = [], []
    for item in ctx.record.initiatives:  # oldest first (``load_records`` sorts them)
        if item.kind not in kinds or not (first <= item.year <= ctx.year) or SCOPE_RANK[item.scope] < min_rank:
            continue
        if (item.used_by_id is not None and item.used_by_id != ctx.nomination_id) or item.used_note:
            used.append(item)
        else:
            usable.append(item)
    chosen = usable[:count]
    evidence = [f"{i.title} ({_label(Scope, i.scope).lower()}, {i.year})" for i in chosen]
    evidence += [_("%(title)s đã dùng cho khen thưởng khác, không tính lại") % {"title": i.title} for i in used]
    if len(chosen) >= count:
        return MET, evidence, "", [i.pk for i in chosen]
    return UNMET, evidence, _("Có %(have)s/%(n)s sáng kiến, đề tài phạm vi từ %(scope)s trở lên chưa sử dụng.") % {
        "have": len(chosen), "n": count, "scope": _label(Scope, p.get("min_scope", Scope.BASE)).lower()}, []


def _hold_active(hold: HoldFact, on: datetime.date) -> bool:
    return hold.start <= on and (hold.end is None or hold.end >= on)


def c_no_hold(ctx: Context, p: dict) -> tuple[str, list[str], str, list[int]]:
    """No hold period in force on the evaluation date (NĐ 152/2025/NĐ-CP Điều 4)."""
    active = [h for h in ctx.record.holds if _hold_active(h, ctx.on)]
    if not active:
        return MET, [], "", []
    evidence = []
    for hold in active:
        label = _label(HoldKind, hold.kind)
        if hold.level:
            label = f"{label}: {_label(DisciplineLevel, hold.level).lower()}"
        end = hold.end.strftime("%d/%m/%Y") if hold.end else _("chưa kết thúc")
        evidence.append(f"{label} ({hold.start:%d/%m/%Y} - {end})")
    return UNMET, evidence, _("Đang trong thời gian chưa xét khen thưởng."), []


def c_collective_figures(ctx: Context, p: dict) -> tuple[str, list[str], str, list[int]]:
    """Figures of the collective for the year: share completing their tasks, share with Lao động tiên tiến,
    members with Chiến sĩ thi đua cơ sở, none disciplined at cảnh cáo or above."""
    figures = ctx.record.figures.get(ctx.year)
    if figures is None:
        return UNKNOWN, [], _("Chưa có số liệu tập thể năm %(y)s.") % {"y": ctx.year}, []
    m = figures.members
    evidence = [
        _("%(a)s/%(m)s hoàn thành nhiệm vụ") % {"a": figures.completed_tasks, "m": m},
        _("%(a)s/%(m)s Lao động tiên tiến") % {"a": figures.with_ldtt, "m": m},
        _("%(a)s Chiến sĩ thi đua cơ sở") % {"a": figures.with_cstdcs},
        _("%(a)s bị kỷ luật từ cảnh cáo trở lên") % {"a": figures.disciplined},
    ]
    problems = []
    if figures.completed_tasks * 100 < int(p.get("completed_pct", 100)) * m:
        problems.append(_("chưa đủ %(p)s %% hoàn thành nhiệm vụ") % {"p": p.get("completed_pct", 100)})
    if figures.with_ldtt * 100 < int(p.get("ldtt_pct", 70)) * m:
        problems.append(_("dưới %(p)s %% Lao động tiên tiến") % {"p": p.get("ldtt_pct", 70)})
    if figures.with_cstdcs < int(p.get("min_cstdcs", 1)):
        problems.append(_("chưa có Chiến sĩ thi đua cơ sở"))
    if figures.disciplined > int(p.get("max_disciplined", 0)):
        problems.append(_("có người bị kỷ luật từ cảnh cáo trở lên"))
    if problems:
        return UNMET, evidence, "; ".join(problems).capitalize() + ".", []
    return MET, evidence, "", []


def c_award_then_years(ctx: Context, p: dict) -> tuple[str, list[str], str, list[int]]:
    """Holds one of ``award_codes`` and, in the ``years`` years after it up to the year, every year rated
    ``min_rating`` or better (the "đã được tặng ..., 05 năm tiếp theo liên tục hoàn thành xuất sắc" pattern)."""
    years, minimum = int(p["years"]), p.get("min_rating", Rating.EXCELLENT)
    prior = sorted(_ladder_years(ctx, p["award_codes"]).values(), key=lambda f: f.year)
    prior = [f for f in prior if f.year <= ctx.year - years]
    if not prior:
        return UNMET, _excluded_evidence(ctx, p["award_codes"]), _("Chưa có %(award)s trước đó %(n)s năm.") % {
            "award": " / ".join(_award_name(ctx, c) for c in p["award_codes"]), "n": years}, []
    fact = prior[-1]
    window = list(range(ctx.year - years + 1, ctx.year + 1))
    ratings = {y: ctx.record.ratings.get(y) for y in window}
    evidence = [_fmt_award(ctx, fact)] + [f"{y}: {_label(Rating, r)}" for y, r in ratings.items() if r]
    broken = [y for y, r in ratings.items() if r is not None and not _rating_ok(r, minimum)]
    missing = [y for y, r in ratings.items() if r is None]
    if broken:
        return UNMET, evidence, _("Năm %(years)s không đạt %(min)s.") % {
            "years": ", ".join(map(str, broken)), "min": _label(Rating, minimum).lower()}, []
    if missing:
        return UNKNOWN, evidence, _("Chưa có xếp loại năm %(years)s.") % {"years": ", ".join(map(str, missing))}, []
    return MET, evidence, "", []


def c_judgement(ctx: Context, p: dict) -> tuple[str, list[str], str, list[int]]:
    """A criterion only a person can judge: always unknown."""
    return UNKNOWN, [], _("Cán bộ thẩm định đánh giá theo hồ sơ."), []


_MARKS = {MET: "✓", UNMET: "✗", UNKNOWN: "?"}


def _combine(ctx: Context, p: dict, any_mode: bool) -> tuple[str, list[str], str, list[int]]:
    severity = p.get("severity", Severity.HARD)
    outcomes = [evaluate_criterion(ctx, option, severity) for option in p["options"]]
    evidence = []
    for o in outcomes:
        line = f"{_MARKS[o.status]} {o.label}"
        if o.evidence:
            line += ": " + "; ".join(o.evidence)
        if o.detail and o.status != MET:
            line += f" ({o.detail})"
        evidence.append(line)
    statuses = [o.status for o in outcomes]
    if any_mode:
        if MET in statuses:
            chosen = outcomes[statuses.index(MET)]
            return MET, evidence, "", chosen.initiative_ids
        return (UNKNOWN if UNKNOWN in statuses else UNMET), evidence, "", []
    if UNMET in statuses:
        return UNMET, evidence, "", []
    if UNKNOWN in statuses:
        return UNKNOWN, evidence, "", []
    return MET, evidence, "", [pk for o in outcomes for pk in o.initiative_ids]


def c_any_of(ctx: Context, p: dict):
    """Met when one option is met; unknown when none is met but one is unknown."""
    return _combine(ctx, p, any_mode=True)


def c_all_of(ctx: Context, p: dict):
    """Met when every option is met; unmet when one is unmet."""
    return _combine(ctx, p, any_mode=False)


CRITERION_KINDS = {
    "consecutive_awards": c_consecutive_awards,
    "has_award": c_has_award,
    "rating_at_least": c_rating_at_least,
    "consecutive_ratings": c_consecutive_ratings,
    "initiatives": c_initiatives,
    "no_hold": c_no_hold,
    "collective_figures": c_collective_figures,
    "award_then_years": c_award_then_years,
    "judgement": c_judgement,
    "any_of": c_any_of,
    "all_of": c_all_of,
}


@dataclass(slots=True, frozen=True)
class Compiled:
    """A criterion of a rule, read once from its JSON (``RuleBook`` compiles every rule when loaded)."""

    code: str
    label: str
    kind: str
    severity: str
    params: dict
    fn: object = None


def compile_criterion(spec: dict | Compiled, default_severity: str = Severity.HARD) -> Compiled:
    if isinstance(spec, Compiled):
        return spec
    kind = spec["kind"]
    severity = spec.get("severity", default_severity)
    params = dict(spec.get("params", {}))
    if kind in ("any_of", "all_of"):
        options = spec.get("options", params.get("options", []))
        params["options"] = tuple(compile_criterion(o, severity) for o in options)
        params["severity"] = severity
    return Compiled(spec.get("code", kind), spec.get("label", kind), kind, severity, params, CRITERION_KINDS[kind])


def evaluate_criterion(ctx: Context, spec: dict | Compiled, default_severity: str = Severity.HARD) -> CriterionResult:
    c = spec if spec.__class__ is Compiled else compile_criterion(spec, default_severity)
    status, evidence, detail, initiative_ids = c.fn(ctx, c.params)
    return CriterionResult(c.code, c.label, c.kind, c.severity, status, evidence, detail, initiative_ids)


def validate_criteria(criteria: list) -> list[str]:
    """Problems in a rule's criteria (unknown kinds, missing parameters); empty when it can be evaluated."""
    problems = []

    def walk(spec, path):
        if not isinstance(spec, dict) or spec.get("kind") not in CRITERION_KINDS:
            problems.append(f"{path}: {spec!r}")
            return
        for i, option in enumerate(spec.get("options", [])):
            walk(option, f"{path}.{i}")

    if not isinstance(criteria, list):
        return ["criteria"]
    for i, spec in enumerate(criteria):
        walk(spec, str(i))
    return problems


# --- rules -------------------------------------------------------------------------------------------------

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

    def __init__(self, rules: Iterable[RuleData] | None = None):
        if rules is None:
            rules = [RuleData(r.code, r.award_code, r.recipient_kind, r.valid_from, r.valid_to, r.citation,
                              r.criteria, r.ladder) for r in EligibilityRule.objects.all()]
        self.rules: dict[tuple[str, str], list[RuleData]] = defaultdict(list)
        self._found: dict[tuple, RuleData | None] = {}
        for rule in rules:
            rule.compiled = tuple(compile_criterion(spec) for spec in rule.criteria)
            self.rules[(rule.award_code, rule.recipient_kind)].append(rule)
        from awards.models import AwardType

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
    with _translations():
        criteria = [evaluate_criterion(ctx, spec) for spec in rule.compiled]
    statuses = {c.status for c in criteria}
    verdict = NOT_ELIGIBLE if UNMET in statuses else NEEDS_JUDGEMENT if UNKNOWN in statuses else ELIGIBLE
    return Result(record.kind, record.pk, award_code, year, on, rule.code, rule.citation, verdict, criteria)


def evaluate(subject, award_code: str, year: int, on: datetime.date | None = None,
             book: RuleBook | None = None) -> Result:
    """Evaluate one Person or Unit."""
    from units.models import Person

    if isinstance(subject, Person):
        records = load_records(persons=[subject.pk])
        record = records[(RecipientKind.INDIVIDUAL.value, subject.pk)]
    else:
        records = load_records(units=[subject.pk])
        record = records[(RecipientKind.COLLECTIVE.value, subject.pk)]
    return evaluate_record(record, award_code, year, book or RuleBook(), on)


def evaluate_many(persons=None, units=None, award_codes: list[str] | None = None, year: int | None = None,
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
        with _translations():
            for record in records.values():
                for code in codes_for[record.kind]:
                    results.append(evaluate_record(record, code, year, book, on))
    finally:
        if collecting:
            gc.enable()
    return results


# --- nominations -------------------------------------------------------------------------------------------

def _nomination_subject(nomination) -> tuple[str, int] | None:
    if nomination.recipient_kind == RecipientKind.INDIVIDUAL and nomination.person_id:
        return (RecipientKind.INDIVIDUAL.value, nomination.person_id)
    if nomination.recipient_kind == RecipientKind.COLLECTIVE and nomination.unit_id and not nomination.collective_name:
        return (RecipientKind.COLLECTIVE.value, nomination.unit_id)
    return None


def evaluate_dossier(dossier, on: datetime.date | None = None, save: bool = True) -> dict[int, Result]:
    """Evaluate every nomination of a dossier (a constant number of queries) and store the results;
    returns ``{nomination_id: Result}``. Recipients outside the records (a named collective, a household)
    get no result."""
    from awards.models import NominationEligibility

    on = on or timezone.localdate()
    nominations = list(dossier.nominations.select_related("award_type"))
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


def submission_blocks(dossier) -> list[str]:
    """Why the dossier cannot be submitted: hard criteria unmet and not overridden by staff, naming the
    nominee and the criterion, or staff's own conclusion "not eligible". Soft criteria only warn (they show on
    the dossier page)."""
    from awards.models import NominationEligibility

    results = evaluate_dossier(dossier, save=False)
    overrides = dict(NominationEligibility.objects.filter(nomination__in=results).exclude(
        override_verdict="").values_list("nomination_id", "override_reason"))
    verdicts = dict(NominationEligibility.objects.filter(nomination__in=results, override_verdict=NOT_ELIGIBLE)
                    .values_list("nomination_id", "override_verdict"))
    names = {n.pk: n.recipient_name for n in dossier.nominations.select_related("person", "unit", "household")}
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


def override(nomination, verdict: str, reason: str, actor) -> None:
    """Staff's own conclusion on a nomination's eligibility, with a required reason (recorded, shown)."""
    from awards.core.permissions import is_staff
    from awards.core.state_machine import NotAllowed
    from awards.models import NominationEligibility

    if not is_staff(actor):
        raise NotAllowed(_("Chỉ cán bộ Ban Thi đua - Khen thưởng được kết luận thay kết quả tự động."))
    if verdict not in (ELIGIBLE, NOT_ELIGIBLE, ""):
        raise NotAllowed(_("Kết luận không hợp lệ."))
    reason = (reason or "").strip()
    if verdict and not reason:
        raise NotAllowed(_("Cần ghi lý do khi kết luận thay kết quả tự động."))
    evaluate_dossier(nomination.dossier)
    row, _created = NominationEligibility.objects.get_or_create(
        nomination=nomination, defaults={"verdict": NEEDS_JUDGEMENT, "evaluated_at": timezone.now()})
    row.override_verdict, row.override_reason = verdict, reason if verdict else ""
    row.override_by, row.override_at = (actor, timezone.now()) if verdict else (None, None)
    row.save()


class InitiativeTaken(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


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


def claim_for_dossier(dossier) -> None:
    """On submission: each nomination takes the initiatives its criteria relied on."""
    for pk, result in evaluate_dossier(dossier).items():
        if result.initiative_ids:
            claim_initiatives(pk, result.initiative_ids)


def release_for_dossier(dossier) -> None:
    """A withdrawn dossier gives its initiatives back."""
    Initiative.objects.filter(used_by__dossier=dossier).update(used_by=None, used_at=None)


def tie_break_hint(record: Record) -> str:
    """NĐ 152/2025 Điều 4: at equal merit, a woman or a collective with at least 70 % women is preferred."""
    if record.kind == RecipientKind.INDIVIDUAL and record.is_woman:
        return _("Nữ: được ưu tiên khi thành tích ngang nhau")
    if record.kind == RecipientKind.COLLECTIVE and record.women_share is not None and record.women_share >= 0.7:
        return _("Tập thể có %(p)s %% nữ: được ưu tiên khi thành tích ngang nhau") % {
            "p": round(record.women_share * 100)}
    return ""


def candidates_for(unit: Unit | None, year: int, award_code: str = "", on: datetime.date | None = None) -> dict:
    """Candidates (eligible or needing a person's judgement, nothing unmet, some grounds in the record) for
    each ladder award, among the persons and units of ``unit`` and the units under it (``None``: everyone)."""
    from units.models import Person, Unit
    from units.selectors import subtree_ids

    book = RuleBook()
    on = on or timezone.localdate()
    if unit is None:
        persons, units = Person.objects.all(), Unit.objects.active_on(on)
    else:
        scope = subtree_ids(unit.pk)
        persons, units = Person.objects.filter(unit_id__in=scope), Unit.objects.filter(pk__in=scope)
    ladder = {kind: book.ladder_awards(kind, on) for kind in (RecipientKind.INDIVIDUAL, RecipientKind.COLLECTIVE)}
    all_codes = sorted({c for codes in ladder.values() for c in codes})
    codes = [award_code] if award_code in all_codes else all_codes
    records = load_records(persons=persons.values("pk"), units=units.values("pk"),
                                       windows=book.windows(codes, on, year))
    rows = []
    for record in records.values():
        for code in ladder[record.kind]:
            if code not in codes:
                continue
            result = evaluate_record(record, code, year, book, on)
            if result.is_candidate:
                rows.append((record, result))
    names = {p.pk: p for p in Person.objects.filter(pk__in=[r.pk for r, _ in rows if r.kind == "ca_nhan"])
             .select_related("unit")}
    unit_names = {u.pk: u for u in Unit.objects.filter(pk__in=[r.pk for r, _ in rows if r.kind == "tap_the"])}
    existing = _existing_keys(year, codes)
    groups: dict[str, list] = {code: [] for code in codes}
    for record, result in rows:
        subject = names.get(record.pk) if record.kind == "ca_nhan" else unit_names.get(record.pk)
        if subject is None:
            continue
        key = f"{'person' if record.kind == 'ca_nhan' else 'unit'}:{record.pk}"
        groups[result.award_code].append({
            "key": key, "subject": subject, "record": record, "result": result,
            "hint": tie_break_hint(record), "nominated": (key, result.award_code) in existing,
        })
    for items in groups.values():
        # At equal merit the law prefers a woman / a collective with >= 70 % women: they come first.
        items.sort(key=lambda i: (i["result"].verdict != ELIGIBLE, not i["hint"], str(i["subject"])))
    return {"groups": [(code, book.names.get(code, code), groups[code]) for code in codes if groups[code]],
            "codes": [(c, book.names.get(c, c)) for c in all_codes]}


def _existing_keys(year: int, codes: list[str]) -> set[tuple[str, str]]:
    from awards.enums import DossierState
    from awards.models import Nomination

    rows = Nomination.objects.filter(dossier__year=year, award_type__code__in=codes).exclude(
        dossier__state=DossierState.WITHDRAWN).values_list("recipient_key", "award_type__code")
    return set(rows)


@transaction.atomic
def create_draft_nominations(chosen: list[dict], award_code: str, year: int, actor,
                             proposer: Unit | None) -> tuple[dict, list[str]]:
    """Candidates chosen on "Ai đủ điều kiện năm nay" become draft nominations, one draft dossier per proposing
    unit. The nominees' rows are locked first (in primary-key order, persons then units), so two people pressing
    the button for the same nominee at the same moment create one nomination, not two: the second waits and then
    finds the first one's nomination as a duplicate.

    ``proposer``: the officer's unit proposes for everyone under it; for staff (``None``) each nominee's own
    unit (a person's, or the collective itself) is the proposing unit."""
    from awards.catalogue import in_force
    from awards.dossiers import services
    from awards.enums import OccasionType
    from awards.models import Dossier, Nomination
    from units.models import Person, Unit

    person_ids = sorted(item["subject"].pk for item in chosen if isinstance(item["subject"], Person))
    unit_ids = sorted(item["subject"].pk for item in chosen if not isinstance(item["subject"], Person))
    list(Person.objects.select_for_update().filter(pk__in=person_ids).order_by("pk").values_list("pk", flat=True))
    list(Unit.objects.select_for_update().filter(pk__in=unit_ids).order_by("pk").values_list("pk", flat=True))
    award_type = in_force.award_type_on(award_code, datetime.date(year, 12, 31))
    created: dict[Dossier, list[Nomination]] = {}
    skipped = []
    by_unit: dict[int, Dossier] = {}
    for item in chosen:
        subject = item["subject"]
        is_person = isinstance(subject, Person)
        proposing = proposer or (subject.unit if is_person else subject)
        if proposing is None:
            skipped.append(str(subject))
            continue
        probe_dossier = Dossier(unit=proposing, year=year)
        nomination = Nomination(
            dossier=probe_dossier, award_type=award_type,
            recipient_kind=RecipientKind.INDIVIDUAL if is_person else RecipientKind.COLLECTIVE,
            person=subject if is_person else None, unit=None if is_person else subject,
        )
        nomination.recipient_key = nomination.compute_recipient_key()
        if services.duplicates_of(nomination).exists():
            skipped.append(str(subject))
            continue
        dossier = by_unit.get(proposing.pk)
        if dossier is None:
            dossier = Dossier.objects.create(
                unit=proposing, year=year, occasion=OccasionType.MERIT, authority=award_type.authority,
                title=gettext("Đề nghị tặng %(award)s năm %(year)s") % {"award": award_type.name, "year": year},
                created_by=actor,
            )
            by_unit[proposing.pk] = dossier
        nomination.dossier = dossier
        nomination.position = len(created.get(dossier, [])) + 1
        nomination.achievement = "; ".join(
            f"{c.label}: {'; '.join(c.evidence)}" for c in item["result"].criteria if c.status == "met" and c.evidence)
        nomination.save()
        created.setdefault(dossier, []).append(nomination)
    return created, skipped


__all__ = [
    "CRITERION_KINDS",
    "ELIGIBLE",
    "MET",
    "NEEDS_JUDGEMENT",
    "NOT_ELIGIBLE",
    "UNKNOWN",
    "UNMET",
    "CriterionResult",
    "Record",
    "Result",
    "RuleBook",
    "candidates_for",
    "claim_for_dossier",
    "claim_initiatives",
    "create_draft_nominations",
    "evaluate",
    "evaluate_dossier",
    "evaluate_many",
    "evaluate_record",
    "load_records",
    "override",
    "release_for_dossier",
    "submission_blocks",
    "tie_break_hint",
    "validate_criteria",
]
