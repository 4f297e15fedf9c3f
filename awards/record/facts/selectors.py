"""The page "Dữ liệu xét thi đua" of a unit: the rating grid (the unit and every person of its directory, a column
per rated year), initiatives, hold periods and collective figures, in a constant number of queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import CollectiveFigures, HoldPeriod, Initiative, YearlyRating
from awards.models.record import Rating
from awards.record.facts.columns import RATING_SHORT
from units.models import Person, Unit
from units.text import vietnamese_sort_key

RATING_CSS = {Rating.EXCELLENT: "text-bg-success", Rating.GOOD: "text-bg-primary",
              Rating.COMPLETED: "text-bg-light border", Rating.FAILED: "text-bg-danger"}


@dataclass(frozen=True)
class RatingCell:
    code: str
    short: str
    label: str
    css: str


def rating_cell(code: str | None) -> RatingCell | None:
    if not code:
        return None
    rating = Rating(code)
    return RatingCell(code=code, short=RATING_SHORT[rating], label=str(rating.label), css=RATING_CSS[rating])


@dataclass
class GridRow:
    label: str
    person: Person | None
    cells: list[RatingCell | None]
    is_unit: bool = False


@dataclass
class FiguresRow:
    figures: CollectiveFigures
    ldtt_percent: int
    women_percent: int


@dataclass
class HoldRow:
    hold: HoldPeriod
    subject: str
    active: bool


@dataclass
class UnitFacts:
    years: list[int]
    grid: list[GridRow]
    rated: int  # ratings recorded (unit and persons)
    initiatives: list[Initiative]
    holds: list[HoldRow]
    figures: list[FiguresRow]
    persons: list[Person]


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def unit_facts(unit: Unit, today: datetime.date | None = None) -> UnitFacts:
    """The yearly facts of ``unit`` and of the persons of its directory (five queries whatever their number).

    The rating grid has a row for the unit itself and one per person of the unit (rated or not, so that a missing
    rating shows), and a column per year with at least one rating, oldest first."""
    today = today or timezone.localdate()
    persons = sorted(Person.objects.filter(unit=unit).only("pk", "full_name", "position", "unit_id"),
                     key=lambda p: (vietnamese_sort_key(p.full_name), p.pk))
    ratings = list(YearlyRating.objects.filter(Q(unit=unit) | Q(person__unit=unit))
                   .values_list("person_id", "unit_id", "year", "rating"))
    years = sorted({year for _p, _u, year, _r in ratings})
    by_subject: dict[tuple[str, int], dict[int, str]] = {}
    for person_id, unit_id, year, rating in ratings:
        key = ("person", person_id) if person_id else ("unit", unit_id)
        by_subject.setdefault(key, {})[year] = rating
    collective = _("Tập thể %(unit)s") % {"unit": unit.display_short}
    grid = [GridRow(label=collective, person=None, is_unit=True,
                    cells=[rating_cell(by_subject.get(("unit", unit.pk), {}).get(y)) for y in years])]
    grid += [GridRow(label=p.full_name, person=p,
                     cells=[rating_cell(by_subject.get(("person", p.pk), {}).get(y)) for y in years])
             for p in persons]
    subject = Q(unit=unit) | Q(person__unit=unit)
    initiatives = list(Initiative.objects.filter(subject).select_related("person", "unit", "used_by__dossier")
                       .order_by("-year", "title", "pk"))
    holds = [
        HoldRow(hold=h, subject=h.person.full_name if h.person else collective,
                active=h.start <= today and (h.end is None or h.end >= today))
        for h in HoldPeriod.objects.filter(subject).select_related("person").order_by("-start", "pk")
    ]
    figures = [FiguresRow(figures=f, ldtt_percent=_percent(f.with_ldtt, f.members),
                          women_percent=_percent(f.women, f.members))
               for f in CollectiveFigures.objects.filter(unit=unit).order_by("-year")]
    return UnitFacts(years=years, grid=grid, rated=len(ratings), initiatives=initiatives, holds=holds,
                     figures=figures, persons=persons)
