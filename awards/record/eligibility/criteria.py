"""The criterion kinds (the vocabulary of ``EligibilityRule.criteria``) and their evaluation on a record.

Each kind is a function ``(Context, params) -> (status, evidence, detail, initiative ids)``; every criterion answers
met / unmet / unknown with its evidence. ``compile_criterion`` reads a criterion's JSON once; ``validate_criteria``
checks a rule's criteria before they are saved (the admin).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from awards.enums import NON_LADDER_OCCASIONS
from awards.models.record import (
    RATING_RANK,
    SCOPE_RANK,
    DisciplineLevel,
    HoldKind,
    InitiativeKind,
    Rating,
    Scope,
    Severity,
)
from awards.record.eligibility.facts import AwardFact, HoldFact, Record
from awards.record.eligibility.results import MET, UNKNOWN, UNMET, CriterionResult
from awards.record.eligibility.texts import _, cached_text, choice_label

NON_LADDER = {str(o) for o in NON_LADDER_OCCASIONS}


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


def consecutive_first(year: int, p: dict) -> int:
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
    evidence += _excluded_evidence(ctx, codes, consecutive_first(ctx.year, p))
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
    evidence = [f"{year}: {choice_label(Rating, rating)}"]
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
        shown = [f"{y}: {choice_label(Rating, r)}" for y, r in ratings.items() if r]
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
                "years": ", ".join(map(str, broken)), "min": choice_label(Rating, minimum).lower()}
    return status, evidence, detail, []


_ALL_INITIATIVE_KINDS = frozenset({InitiativeKind.INITIATIVE.value, InitiativeKind.RESEARCH.value})


def c_initiatives(ctx: Context, p: dict) -> tuple[str, list[str], str, list[int]]:
    """At least ``count`` initiatives (of ``kinds``) recognised at ``min_scope`` or wider within the last
    ``within_years`` years, not already used for another award."""
    count = int(p.get("count", 1))
    if not ctx.record.initiatives:
        return UNMET, [], cached_text(("initiatives-none", count, p.get("min_scope", Scope.BASE)), lambda: _(
            "Có %(have)s/%(n)s sáng kiến, đề tài phạm vi từ %(scope)s trở lên chưa sử dụng.") % {
            "have": 0, "n": count, "scope": choice_label(Scope, p.get("min_scope", Scope.BASE)).lower()}), []
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
    evidence = [f"{i.title} ({choice_label(Scope, i.scope).lower()}, {i.year})" for i in chosen]
    evidence += [_("%(title)s đã dùng cho khen thưởng khác, không tính lại") % {"title": i.title} for i in used]
    if len(chosen) >= count:
        return MET, evidence, "", [i.pk for i in chosen]
    return UNMET, evidence, _("Có %(have)s/%(n)s sáng kiến, đề tài phạm vi từ %(scope)s trở lên chưa sử dụng.") % {
        "have": len(chosen), "n": count, "scope": choice_label(Scope, p.get("min_scope", Scope.BASE)).lower()}, []


def _hold_active(hold: HoldFact, on: datetime.date) -> bool:
    return hold.start <= on and (hold.end is None or hold.end >= on)


def c_no_hold(ctx: Context, p: dict) -> tuple[str, list[str], str, list[int]]:
    """No hold period in force on the evaluation date (NĐ 152/2025/NĐ-CP Điều 4)."""
    active = [h for h in ctx.record.holds if _hold_active(h, ctx.on)]
    if not active:
        return MET, [], "", []
    evidence = []
    for hold in active:
        label = choice_label(HoldKind, hold.kind)
        if hold.level:
            label = f"{label}: {choice_label(DisciplineLevel, hold.level).lower()}"
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
    evidence = [_fmt_award(ctx, fact)] + [f"{y}: {choice_label(Rating, r)}" for y, r in ratings.items() if r]
    broken = [y for y, r in ratings.items() if r is not None and not _rating_ok(r, minimum)]
    missing = [y for y, r in ratings.items() if r is None]
    if broken:
        return UNMET, evidence, _("Năm %(years)s không đạt %(min)s.") % {
            "years": ", ".join(map(str, broken)), "min": choice_label(Rating, minimum).lower()}, []
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


def c_any_of(ctx: Context, p: dict) -> tuple[str, list[str], str, list[int]]:
    """Met when one option is met; unknown when none is met but one is unknown."""
    return _combine(ctx, p, any_mode=True)


def c_all_of(ctx: Context, p: dict) -> tuple[str, list[str], str, list[int]]:
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

    def walk(spec: object, path: str) -> None:
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

