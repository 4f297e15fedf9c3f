"""Reading an award history: every award of a person or a unit (one query), grouped by year in the two tables of a
báo cáo thành tích, and the awards of a unit's people counted per award type and per person."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from awards.enums import AwardFamily, RecipientKind
from awards.models import Award
from units.models import Person, Unit

FAMILY_TITLES = "danh_hieu"
FAMILY_FORMS = "hinh_thuc"


@dataclass
class YearGroup:
    year: int
    awards: list[Award]


@dataclass
class HistoryTable:
    """One table of a báo cáo thành tích: rows grouped by year, newest first."""

    key: str
    title: str
    column: str
    groups: list[YearGroup]

    @property
    def count(self) -> int:
        return sum(len(group.awards) for group in self.groups)


@dataclass
class History:
    tables: list[HistoryTable]
    total: int
    revoked: int


def _history_queryset() -> QuerySet[Award]:
    return Award.objects.select_related("award_type").order_by("-achievement_year", "-decided_on", "-pk")


def _group(awards: Iterable[Award]) -> History:
    titles: dict[int, list[Award]] = defaultdict(list)
    forms: dict[int, list[Award]] = defaultdict(list)
    total = revoked = 0
    for award in awards:
        target = titles if award.award_type.family == AwardFamily.EMULATION_TITLE else forms
        target[award.achievement_year].append(award)
        total += 1
        revoked += award.revoked
    tables = [
        HistoryTable(FAMILY_TITLES, _("Danh hiệu thi đua"), _("Danh hiệu thi đua"),
                     [YearGroup(year, rows) for year, rows in titles.items()]),
        HistoryTable(FAMILY_FORMS, _("Hình thức khen thưởng"), _("Hình thức khen thưởng"),
                     [YearGroup(year, rows) for year, rows in forms.items()]),
    ]
    return History(tables=tables, total=total, revoked=revoked)


def person_history(person: Person) -> History:
    """Every award of ``person`` (one query)."""
    return _group(_history_queryset().filter(person=person))


def unit_history(unit: Unit) -> History:
    """Every award of ``unit`` as a collective (one query)."""
    return _group(_history_queryset().filter(unit=unit, recipient_kind=RecipientKind.COLLECTIVE))


@dataclass
class PeopleSummary:
    by_award: list[dict[str, Any]]  # {"name", "family", "count"} per award type, in catalogue order
    by_person: list[dict[str, Any]]  # {"pk", "full_name", "count"} per person with at least one award
    total: int


def people_summary(unit: Unit) -> PeopleSummary:
    """Awards (not revoked) to the persons of ``unit``, counted per award type and per person (two queries)."""
    awards = Award.objects.filter(person__unit=unit, revoked=False)
    by_award = list(
        awards.values("award_code", "award_type__name", "award_type__family")
        .annotate(count=Count("pk")).order_by("award_type__sort_order", "award_code", "award_type__name")
    )
    merged: dict[str, dict[str, Any]] = {}
    for row in by_award:  # several versions of one award count together, under the first name seen
        entry = merged.setdefault(row["award_code"], {"name": row["award_type__name"],
                                                      "family": row["award_type__family"], "count": 0})
        entry["count"] += row["count"]
    by_person = list(
        awards.values("person_id", "person__full_name").annotate(count=Count("pk"))
        .order_by("-count", "person__full_name", "person_id")
    )
    return PeopleSummary(
        by_award=list(merged.values()),
        by_person=[{"pk": row["person_id"], "full_name": row["person__full_name"], "count": row["count"]}
                   for row in by_person],
        total=sum(entry["count"] for entry in merged.values()),
    )
