"""Who is eligible this year ("Ai đủ điều kiện năm nay"): the candidates for each ladder award among the persons
and units of a unit and the units under it, with the law's tie-break hint, and whether each already has a live
nomination. Read side only: turning candidates into draft nominations is ``awards.dossiers.from_candidates``."""

from __future__ import annotations

import datetime

from django.utils import timezone

from awards.enums import DossierState, RecipientKind
from awards.models import Nomination
from awards.record.eligibility.engine import RuleBook, evaluate_record
from awards.record.eligibility.facts import Record, load_records
from awards.record.eligibility.results import ELIGIBLE
from awards.record.eligibility.texts import _
from units.models import Person, Unit
from units.selectors import subtree_ids


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
    rows = Nomination.objects.filter(dossier__year=year, award_type__code__in=codes).exclude(
        dossier__state=DossierState.WITHDRAWN).values_list("recipient_key", "award_type__code")
    return set(rows)
