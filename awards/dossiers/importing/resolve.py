"""Checking the rows of a nominee list against the database, all of them, every problem with its row and column:
the recipient kind from "Phân loại đối tượng", the award type in force for the dossier's year and authority, the
unit as people write it (``units.names``: name, short name or alias, "UBND ..." or not, as it stood in the
dossier's year), the person's gender and birth date, lengths, and rows repeated in the file. A clean row becomes a
``Plan``; ``attach_existing`` then points plans at the persons and households already recorded.

Every unit, person and household a row names must be in the dossier's ``RecipientScope`` (``units.scope``): for a
unit's officer, his unit and the units below it. A row naming anything else is refused, and persons and households
outside the scope are never looked at, so a refusal says nothing about them."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from awards.catalogue import powers
from awards.catalogue.in_force import FORMER_SHORT_NAMES, award_types_on
from awards.core.sheets import ImportError, cell_text, formula_errors, shown, vi_label
from awards.dossiers.importing.columns import (
    COL_ACHIEVEMENT,
    COL_AWARD,
    COL_BIRTH_DATE,
    COL_CATEGORY,
    COL_GENDER,
    COL_NAME,
    COL_POSITION,
    COL_STT,
    COL_UNIT,
    MAX_COLLECTIVE_NAME,
    MAX_HEAD_NAME,
    MAX_HOUSEHOLD_NAME,
    MAX_PERSON_NAME,
    MAX_POSITION,
    MIN_BIRTH_YEAR,
    MSG_AWARD_AMBIGUOUS,
    MSG_AWARD_EMPTY,
    MSG_AWARD_NOT_FOR_KIND,
    MSG_AWARD_OTHER_AUTHORITY,
    MSG_AWARD_UNKNOWN,
    MSG_CATEGORY_EMPTY,
    MSG_CATEGORY_UNKNOWN,
    MSG_DATE_BAD,
    MSG_DATE_RANGE,
    MSG_DUPLICATE,
    MSG_GENDER_BAD,
    MSG_GENDER_EMPTY,
    MSG_NAME_EMPTY,
    MSG_TOO_LONG,
    TEMPLATE_COLUMNS,
    award_day,
    category_table,
    decider_text,
    household_head,
    kinds_text,
)
from awards.dossiers.importing.reading import Sheet
from awards.dossiers.services import nameable_households, offered_award_types
from awards.enums import Authority, RecipientKind
from awards.models import AwardType, Dossier
from units.models import Gender, Unit
from units.names import Miss, UnitNames
from units.scope import RecipientScope
from units.text import fold, nfc

_DATE_TEXT = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")


def parse_birth_date(value: Any) -> tuple[datetime.date | None, str | None]:
    """(date, None) or (None, error message); an empty cell is (None, None)."""
    if value is None or (isinstance(value, str) and not nfc(value)):
        return None, None
    if isinstance(value, datetime.datetime):
        day = value.date()
    elif isinstance(value, datetime.date):
        day = value
    elif isinstance(value, str):
        match = _DATE_TEXT.match(nfc(value))
        if match is None:
            return None, MSG_DATE_BAD.format(value=shown(value))
        try:
            day = datetime.date(int(match[3]), int(match[2]), int(match[1]))
        except ValueError:
            return None, MSG_DATE_BAD.format(value=shown(value))
    else:
        return None, MSG_DATE_BAD.format(value=shown(value))
    if day.year < MIN_BIRTH_YEAR or day > datetime.date.today():
        return None, MSG_DATE_RANGE.format(value=f"{day:%d/%m/%Y}")
    return day, None


@dataclass
class Plan:
    """A checked row, ready to write."""

    row: int
    kind: str
    award: AwardType
    name: str
    identity: tuple[Any, ...]
    achievement: str
    unit: Unit | None = None  # the collective's unit, the individual's unit, or the household's commune
    unit_named: bool = False  # the row named the household's commune (else the dossier's unit)
    person_id: int | None = None
    household_id: int | None = None
    gender: str = ""
    birth_date: datetime.date | None = None
    position: str = ""
    category: str | None = None

    def existing_key(self, dossier: Dossier) -> str | None:
        """``Nomination.recipient_key`` of this row's recipient, when the recipient already exists."""
        if self.kind == RecipientKind.INDIVIDUAL:
            return f"person:{self.person_id}" if self.person_id else None
        if self.kind == RecipientKind.HOUSEHOLD:
            return f"household:{self.household_id}" if self.household_id else None
        if self.unit is not None:
            return f"unit:{self.unit.pk}"
        return f"name:{fold(self.name)}@{dossier.unit_id}"


class AwardIndex:
    """The award types a row may name, by name and short name: the dossier's own (of its authority, or those its body
    may decide on its day) and the others in force, to say why they are refused."""

    def __init__(self, dossier: Dossier) -> None:
        self.authority = dossier.authority
        self.dossier = dossier
        self.codes = {award.code for award in offered_award_types(dossier)} if dossier.body_id else None
        self.by_name: dict[str, list[AwardType]] = {}
        self.by_short: dict[str, list[AwardType]] = {}
        for award in award_types_on(award_day(dossier)):
            self.by_name.setdefault(fold(award.name), []).append(award)
            for short in (award.short_name, *FORMER_SHORT_NAMES.get(award.code, ())):
                if short:
                    self.by_short.setdefault(fold(short), []).append(award)

    def find(self, text: str) -> tuple[AwardType | None, list[AwardType], bool]:
        """(award of the dossier's authority, same-named awards of other authorities, ambiguous)."""
        key = fold(text)
        others: list[AwardType] = []
        for table in (self.by_name, self.by_short):
            candidates = table.get(key, [])
            mine = {award.code: award for award in candidates if self.is_mine(award)}
            if len(mine) > 1:
                return None, [], True
            if mine:
                return next(iter(mine.values())), [], False
            others += [award for award in candidates if award not in others]
        return None, others, False

    def is_mine(self, award: AwardType) -> bool:
        return award.code in self.codes if self.codes is not None else award.authority == self.authority

    def refusal(self, other: AwardType, authority: str) -> str:
        """Why a row's award is not the dossier's: for a round, the body's powers with their citation."""
        if self.dossier.body_id:
            return powers.may_decide(self.dossier.body, other, award_day(self.dossier))[1]
        return MSG_AWARD_OTHER_AUTHORITY.format(
            award=other.name, other=vi_label(Authority(other.authority).label), authority=authority)


PROGRESS_EVERY = 500
"""Rows between two progress reports of a long import."""


def check_rows(dossier: Dossier, sheet: Sheet, scope: RecipientScope,
               progress: Callable[[int], None] | None = None) -> tuple[list[Plan], list[ImportError]]:
    """Check every row of ``sheet``: the plans of the clean rows and every problem; ``progress`` is told how many
    rows have been checked every ``PROGRESS_EVERY`` rows."""
    day = award_day(dossier)
    units = UnitNames(day, scope.unit_ids)
    awards = AwardIndex(dossier)
    categories = category_table()
    genders = {fold(vi_label(gender.label)): gender.value for gender in Gender}
    authority = decider_text(dossier)
    errors: list[ImportError] = []
    plans: list[Plan] = []
    seen: dict[tuple[Any, ...], int] = {}
    formula_columns = {column: index for column, index in sheet.columns.items() if column != COL_STT}

    for checked, (number, values) in enumerate(sheet.rows):
        if progress is not None and checked and checked % PROGRESS_EVERY == 0:
            progress(checked)
        formulas = formula_errors(number, values, formula_columns)  # the rule of every import: refused
        if formulas:
            errors += formulas
            continue

        def cell(column: str, values: tuple[Any, ...] = values) -> Any:
            index = sheet.columns.get(column)
            return values[index] if index is not None and index < len(values) else None

        row_errors: list[ImportError] = []

        def problem(column: str, message: str, number: int = number, row_errors: list = row_errors) -> None:
            row_errors.append(ImportError(number, column, message))

        name = cell_text(cell(COL_NAME))
        if not name:
            problem(COL_NAME, MSG_NAME_EMPTY)

        kind: str | None = None
        person_category: str | None = None
        category_text = cell_text(cell(COL_CATEGORY))
        if not category_text:
            problem(COL_CATEGORY, MSG_CATEGORY_EMPTY)
        elif fold(category_text) in categories:
            kind, person_category = categories[fold(category_text)]
        else:
            problem(COL_CATEGORY, MSG_CATEGORY_UNKNOWN.format(value=shown(cell(COL_CATEGORY))))

        award: AwardType | None = None
        award_text = cell_text(cell(COL_AWARD))
        if not award_text:
            problem(COL_AWARD, MSG_AWARD_EMPTY)
        else:
            award, others, ambiguous = awards.find(award_text)
            if ambiguous:
                problem(COL_AWARD, MSG_AWARD_AMBIGUOUS.format(value=shown(award_text)))
            elif award is None and others:
                problem(COL_AWARD, awards.refusal(others[0], authority))
            elif award is None:
                problem(COL_AWARD, MSG_AWARD_UNKNOWN.format(
                    value=shown(award_text), authority=authority, year=dossier.year,
                ))
            elif kind is not None and not award.allows(kind):
                problem(COL_AWARD, MSG_AWARD_NOT_FOR_KIND.format(
                    award=award.name, kind=vi_label(RecipientKind(kind).label).lower(), allowed=kinds_text(award),
                ))

        achievement = cell_text(cell(COL_ACHIEVEMENT))
        plan_fields: dict[str, Any] = {}
        identity: tuple[Any, ...] | None = None

        if kind == RecipientKind.INDIVIDUAL:
            if len(name) > MAX_PERSON_NAME:
                problem(COL_NAME, MSG_TOO_LONG.format(length=len(name), limit=MAX_PERSON_NAME))
            gender_text = cell_text(cell(COL_GENDER))
            gender = genders.get(fold(gender_text))
            if not gender_text:
                problem(COL_GENDER, MSG_GENDER_EMPTY)
            elif gender is None:
                problem(COL_GENDER, MSG_GENDER_BAD.format(value=shown(cell(COL_GENDER))))
            birth_date, date_error = parse_birth_date(cell(COL_BIRTH_DATE))
            if date_error:
                problem(COL_BIRTH_DATE, date_error)
            position = cell_text(cell(COL_POSITION))
            if len(position) > MAX_POSITION:
                problem(COL_POSITION, MSG_TOO_LONG.format(length=len(position), limit=MAX_POSITION))
            unit_text = cell_text(cell(COL_UNIT))
            unit: Unit | None = dossier.unit
            if unit_text:
                found = units.resolve(unit_text)
                unit = found if isinstance(found, Unit) else None
                if isinstance(found, Miss):
                    problem(COL_UNIT, found.message)
            if name and unit is not None and not date_error:
                identity = ("person", fold(name), unit.pk, birth_date)
            plan_fields = {"unit": unit, "gender": gender or "", "birth_date": birth_date, "position": position,
                           "category": person_category}
        elif kind == RecipientKind.COLLECTIVE:
            # A unit in scope is linked; a name no unit has is kept as written; a unit outside the scope (or a
            # name several units share) is refused.
            found = units.resolve_collective(name) if name else None
            unit = found if isinstance(found, Unit) else None
            refused = isinstance(found, Miss)
            if isinstance(found, Miss):
                problem(COL_NAME, found.message)
            elif unit is None and len(name) > MAX_COLLECTIVE_NAME:
                problem(COL_NAME, MSG_TOO_LONG.format(length=len(name), limit=MAX_COLLECTIVE_NAME))
            if name and not refused:
                identity = ("unit", unit.pk) if unit is not None else ("name", fold(name))
            plan_fields = {"unit": unit}
        elif kind == RecipientKind.HOUSEHOLD:
            if len(name) > MAX_HOUSEHOLD_NAME:
                problem(COL_NAME, MSG_TOO_LONG.format(length=len(name), limit=MAX_HOUSEHOLD_NAME))
            elif len(household_head(name)) > MAX_HEAD_NAME:
                problem(COL_NAME, MSG_TOO_LONG.format(length=len(household_head(name)), limit=MAX_HEAD_NAME))
            # "Đơn vị công tác" of a household: the xã, phường it is recorded under (else the dossier's unit).
            unit_text = cell_text(cell(COL_UNIT))
            commune: Unit | None = dossier.unit
            if unit_text:
                found = units.resolve(unit_text)
                commune = found if isinstance(found, Unit) else None
                if isinstance(found, Miss):
                    problem(COL_UNIT, found.message)
            if name and commune is not None:
                identity = ("household", fold(name), commune.pk)
            plan_fields = {"unit": commune, "unit_named": bool(unit_text)}

        if identity is not None and award is not None:
            key = (*identity, award.code)
            if key in seen:
                problem(COL_NAME, MSG_DUPLICATE.format(row=seen[key]))
            else:
                seen[key] = number

        if row_errors:
            errors += row_errors
        elif kind is not None and award is not None and identity is not None:
            plans.append(Plan(row=number, kind=kind, award=award, name=name, identity=identity,
                               achievement=achievement, **plan_fields))

    order = {column: index for index, column in enumerate(TEMPLATE_COLUMNS)}
    errors.sort(key=lambda error: (error.row, order.get(error.column, len(order))))
    return plans, errors


def attach_existing(plans: list[Plan], dossier: Dossier, scope: RecipientScope) -> None:
    """Point plans at the persons and households in ``scope`` that already exist: a person by name, unit and birth
    date; a household by name under the commune the row named, else under the dossier's unit, else among those
    the dossier may name (``nameable_households``). Nothing outside the scope is read."""
    individuals = [plan for plan in plans if plan.kind == RecipientKind.INDIVIDUAL]
    if individuals:
        unit_ids = {plan.unit.pk for plan in individuals if plan.unit is not None}
        persons: dict[tuple[str, int | None, datetime.date | None], int] = {}
        for pk, full_name, unit_id, birth_date in (
            scope.persons().filter(unit_id__in=unit_ids).order_by("pk")
            .values_list("pk", "full_name", "unit_id", "birth_date")
        ):
            persons.setdefault((fold(full_name), unit_id, birth_date), pk)
        for plan in individuals:
            plan.person_id = persons.get((fold(plan.name), plan.unit.pk if plan.unit else None, plan.birth_date))
    households_wanted = [plan for plan in plans if plan.kind == RecipientKind.HOUSEHOLD]
    if households_wanted:
        by_commune: dict[tuple[str, int | None], int] = {}
        by_name: dict[str, int] = {}
        households = nameable_households(dossier, scope).order_by("pk").values_list("pk", "name", "commune_id")
        for pk, name, commune_id in households:
            by_commune.setdefault((fold(name), commune_id), pk)
            by_name.setdefault(fold(name), pk)
        for plan in households_wanted:
            key = fold(plan.name)
            plan.household_id = by_commune.get((key, plan.unit.pk if plan.unit else None))
            if plan.household_id is None and not plan.unit_named:
                plan.household_id = by_name.get(key)
