"""The record of a subject (a person or a unit) as the criteria read it: awards by code and year (revoked ones
left out), yearly ratings, initiatives, hold periods and, for a collective, its yearly figures.

``load_records`` loads the records of any number of subjects with a constant number of queries; given the
``Windows`` of the rules being evaluated (``engine.RuleBook.windows``) it loads only the rows they read.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db import connection
from django.db.models import Q, QuerySet

from awards.enums import RecipientKind
from awards.models import Award, CollectiveFigures, HoldPeriod, Initiative, YearlyRating

if TYPE_CHECKING:
    from awards.record.eligibility.engine import Windows

NOT_NEEDED = 10**6  # a year no rule reads: the query is skipped


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


def _ids_filter(field_name: str, subjects: QuerySet | list[int]) -> Q:
    """``field__in`` with a subquery (a QuerySet: one query whatever its size) or a list of ids."""
    return Q(**{f"{field_name}__in": subjects})


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
            # Unordered (the models' default orderings sorted 10,000 persons by name for nothing).
            for pk, gender in Person.objects.filter(_ids_filter("pk", subjects)).order_by().values_list("pk", "gender"):
                records[(kind, pk)] = Record(kind=kind, pk=pk, is_woman=gender == Gender.FEMALE)
        else:
            from units.models import Unit

            for pk in Unit.objects.filter(_ids_filter("pk", subjects)).order_by().values_list("pk", flat=True):
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
