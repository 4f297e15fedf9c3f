"""Excel import of a unit's yearly facts: the ratings of the persons of its directory (``import_ratings``) and the
figures of the unit itself (``import_figures``), each all or nothing, with per-row errors (row, column, message).

Re-importing a file changes nothing: a row equal to what is stored is "unchanged", a row with another value for
the same person (or unit) and year is an update, reported with the old and new values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from awards.core.sheets import MSG_FORMULA, ErrorsReport, ImportError, Refused, cell_text, is_blank, shown, vi_label
from awards.models import CollectiveFigures, YearlyRating
from awards.models.record import Rating
from awards.record.facts.columns import (
    COL_COMPLETED,
    COL_CSTDCS,
    COL_DISCIPLINED,
    COL_LDTT,
    COL_MEMBERS,
    COL_NAME,
    COL_RATING,
    COL_YEAR,
    FIGURE_COLUMNS,
    FIGURE_FIELDS,
    FIGURES,
    FIGURES_TABLE,
    MSG_NOT_XLSX_UPLOAD,
    RATINGS,
    RATINGS_TABLE,
    parse_count,
    parse_rating,
)
from awards.record.history.entry import lock_recipient
from awards.record.tables import TableLayout, is_formula, parse_year, read_table, read_upload
from units.models import Person, Unit
from units.text import fold, nfc

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MSG_NAME_EMPTY = "chưa ghi họ và tên."
MSG_PERSON_UNKNOWN = ('không có cá nhân "{value}" trong danh bạ của {unit} (kiểm tra chính tả, hoặc thêm người này '
                      "vào danh bạ trước).")
MSG_PERSON_AMBIGUOUS = ('danh bạ của {unit} có {count} người tên "{value}", không xác định được là ai; hãy nhập xếp '
                        "loại của những người này trên trang quản trị.")
MSG_REPEATED_RATING = "trùng với dòng {row} (cùng cá nhân, cùng năm)."
MSG_REPEATED_YEAR = "trùng với dòng {row} (cùng năm)."
MSG_MEMBERS_ZERO = "tổng số thành viên phải từ 1 trở lên."
MSG_ABOVE_MEMBERS = "{value} lớn hơn tổng số thành viên ({members})."
MSG_ABOVE_OTHER = "{value} lớn hơn số {other} ({limit}): {reason}"
MSG_BELOW_KEPT = ('{value} nhỏ hơn số "{column}" đã lưu ({kept}); thêm cột "{column}" vào tệp để sửa cả hai.')


@dataclass
class FactRow:
    """A checked row: its subject, year and values; after the import, what it did."""

    row: int
    subject: str
    year: int
    values: dict[str, Any]
    person: Person | None = None
    before: dict[str, Any] = field(default_factory=dict)  # changed field -> stored value (updates only)
    changes: list[str] = field(default_factory=list)  # "Xếp loại: old → new", for the report
    shown: str = ""  # the values, as the report shows them


@dataclass
class FactsImportReport(ErrorsReport):
    layout: str
    created: list[FactRow] = field(default_factory=list)
    updated: list[FactRow] = field(default_factory=list)
    unchanged: list[FactRow] = field(default_factory=list)
    errors: list[ImportError] = field(default_factory=list)

    @property
    def rows(self) -> list[tuple[FactRow, str]]:
        """Every row with its result ("created", "updated", "unchanged"), in file order."""
        tagged = [(r, "created") for r in self.created] + [(r, "updated") for r in self.updated]
        tagged += [(r, "unchanged") for r in self.unchanged]
        return sorted(tagged, key=lambda item: item[0].row)


Rows = list[tuple[int, tuple[Any, ...]]]


def _cells(columns: dict[str, int], values: tuple[Any, ...]) -> Callable[[str], Any]:
    def cell(column: str) -> Any:
        index = columns.get(column)
        return values[index] if index is not None and index < len(values) else None
    return cell


def _formula_errors(number: int, cell: Callable[[str], Any], layout: TableLayout) -> list[ImportError]:
    return [ImportError(number, column, MSG_FORMULA) for column in layout.columns
            if is_formula(cell(column))]


def _sorted(errors: list[ImportError], layout: TableLayout) -> list[ImportError]:
    order = {column: index for index, column in enumerate(layout.columns)}
    return sorted(errors, key=lambda e: (e.row, order.get(e.column, len(order))))


def _rating_label(code: str) -> str:
    return vi_label(Rating(code).label)


def _check_ratings(unit: Unit, columns: dict[str, int], rows: Rows) -> tuple[list[FactRow], list[ImportError]]:
    directory: dict[str, list[Person]] = {}
    for person in Person.objects.filter(unit=unit).only("pk", "full_name", "unit_id").order_by("pk"):
        directory.setdefault(fold(nfc(person.full_name)), []).append(person)
    unit_name = nfc(unit.name)
    errors: list[ImportError] = []
    plans: list[FactRow] = []
    seen: dict[tuple[int, int], int] = {}
    for number, values in rows:
        cell = _cells(columns, values)
        row_errors = _formula_errors(number, cell, RATINGS_TABLE)
        if row_errors:
            errors += row_errors
            continue
        person: Person | None = None
        name = cell_text(cell(COL_NAME))
        if not name:
            row_errors.append(ImportError(number, COL_NAME, MSG_NAME_EMPTY))
        else:
            found = directory.get(fold(name), [])
            if len(found) > 1:
                row_errors.append(ImportError(number, COL_NAME, MSG_PERSON_AMBIGUOUS.format(
                    unit=unit_name, count=len(found), value=shown(name))))
            elif not found:
                row_errors.append(ImportError(number, COL_NAME, MSG_PERSON_UNKNOWN.format(
                    unit=unit_name, value=shown(name))))
            else:
                person = found[0]
        year, error = parse_year(cell(COL_YEAR))
        if error:
            row_errors.append(ImportError(number, COL_YEAR, error))
        rating, error = parse_rating(cell(COL_RATING))
        if error:
            row_errors.append(ImportError(number, COL_RATING, error))
        if not row_errors:
            key = (person.pk, year)
            if key in seen:
                row_errors.append(ImportError(number, COL_NAME, MSG_REPEATED_RATING.format(row=seen[key])))
            else:
                seen[key] = number
        if row_errors:
            errors += row_errors
        else:
            plans.append(FactRow(row=number, subject=person.full_name, year=year, values={"rating": rating},
                                 person=person, shown=_rating_label(rating)))
    return plans, errors


def _count_label(column: str) -> str:
    return column[0].lower() + column[1:] if column not in (COL_LDTT, COL_CSTDCS) else column


# (column, must not exceed column, reason): LĐTT is given to those who complete their tasks, CSTĐCS to LĐTT.
_CHAINS = [
    (COL_LDTT, COL_COMPLETED, "danh hiệu Lao động tiên tiến chỉ xét cho người hoàn thành nhiệm vụ trở lên."),
    (COL_CSTDCS, COL_LDTT, "danh hiệu Chiến sĩ thi đua cơ sở chỉ xét cho người đạt Lao động tiên tiến."),
]


def _check_figures(unit: Unit, columns: dict[str, int], rows: Rows) -> tuple[list[FactRow], list[ImportError]]:
    errors: list[ImportError] = []
    plans: list[FactRow] = []
    seen: dict[int, int] = {}
    for number, values in rows:
        cell = _cells(columns, values)
        row_errors = _formula_errors(number, cell, FIGURES_TABLE)
        if row_errors:
            errors += row_errors
            continue
        year, error = parse_year(cell(COL_YEAR))
        if error:
            row_errors.append(ImportError(number, COL_YEAR, error))
        counts: dict[str, int] = {}
        for column in FIGURE_COLUMNS[1:]:
            if column not in columns:
                continue  # the optional column is absent: the stored value stays
            value = cell(column)
            if column == COL_DISCIPLINED and is_blank(value):
                counts[column] = 0
                continue
            count, error = parse_count(value)
            if error:
                row_errors.append(ImportError(number, column, error))
            else:
                counts[column] = count
        members = counts.get(COL_MEMBERS)
        if members == 0:
            row_errors.append(ImportError(number, COL_MEMBERS, MSG_MEMBERS_ZERO))
        elif members is not None:
            above = {c for c, v in counts.items() if c != COL_MEMBERS and v > members}
            for column in FIGURE_COLUMNS[2:]:
                if column in above:
                    row_errors.append(ImportError(number, column, MSG_ABOVE_MEMBERS.format(
                        value=counts[column], members=members)))
            for column, limit, reason in _CHAINS:
                if column in counts and limit in counts and not {column, limit} & above \
                        and counts[column] > counts[limit]:
                    row_errors.append(ImportError(number, column, MSG_ABOVE_OTHER.format(
                        value=counts[column], other=_count_label(limit), limit=counts[limit], reason=reason)))
        if not row_errors:
            if year in seen:
                row_errors.append(ImportError(number, COL_YEAR, MSG_REPEATED_YEAR.format(row=seen[year])))
            else:
                seen[year] = number
        if row_errors:
            errors += _sorted(row_errors, FIGURES_TABLE)
        else:
            plans.append(FactRow(row=number, subject=nfc(unit.name), year=year,
                                 values={FIGURE_FIELDS[c]: v for c, v in counts.items()},
                                 shown="; ".join(f"{c}: {v}" for c, v in counts.items())))
    return plans, errors


def _read(uploaded_file: Any, layout: TableLayout) -> tuple[dict[str, int], Rows]:
    return read_table(read_upload(uploaded_file, MAX_UPLOAD_BYTES, MSG_NOT_XLSX_UPLOAD), layout)


def import_ratings(unit: Unit, uploaded_file: Any) -> FactsImportReport:
    """Yearly ratings of the persons of ``unit`` (Họ và tên | Năm | Xếp loại), all or nothing."""
    report = FactsImportReport(layout=RATINGS)
    try:
        columns, rows = _read(uploaded_file, RATINGS_TABLE)
    except Refused as refused:
        report.errors = [ImportError(0, "", refused.message)]
        return report
    with transaction.atomic():
        lock_recipient(unit)  # one import at a time per unit
        plans, errors = _check_ratings(unit, columns, rows)
        if errors:
            report.errors = _sorted(errors, RATINGS_TABLE)
            return report
        stored = {(r.person_id, r.year): r for r in YearlyRating.objects.filter(
            person_id__in={p.person.pk for p in plans}, year__in={p.year for p in plans})}
        for plan in plans:
            rating = plan.values["rating"]
            existing = stored.get((plan.person.pk, plan.year))
            if existing is None:
                YearlyRating.objects.create(person=plan.person, year=plan.year, rating=rating)
                report.created.append(plan)
            elif existing.rating == rating:
                report.unchanged.append(plan)
            else:
                plan.before = {"rating": existing.rating}
                plan.changes = [f"{COL_RATING}: {_rating_label(existing.rating)} → {_rating_label(rating)}"]
                existing.rating = rating
                existing.save(update_fields=["rating"])
                report.updated.append(plan)
    return report


def import_figures(unit: Unit, uploaded_file: Any) -> FactsImportReport:
    """Yearly figures of ``unit`` itself (Năm | Tổng số thành viên | ... ), all or nothing."""
    report = FactsImportReport(layout=FIGURES)
    try:
        columns, rows = _read(uploaded_file, FIGURES_TABLE)
    except Refused as refused:
        report.errors = [ImportError(0, "", refused.message)]
        return report
    columns_of = {name: column for column, name in FIGURE_FIELDS.items()}
    with transaction.atomic():
        lock_recipient(unit)
        plans, errors = _check_figures(unit, columns, rows)
        if errors:
            report.errors = _sorted(errors, FIGURES_TABLE)
            return report
        stored = {f.year: f for f in CollectiveFigures.objects.filter(unit=unit, year__in={p.year for p in plans})}
        for plan in plans:  # without the optional column, the stored number of disciplined members stays
            kept = stored[plan.year].disciplined_canh_cao_or_above if plan.year in stored else 0
            if "disciplined_canh_cao_or_above" not in plan.values and kept > plan.values["members"]:
                errors.append(ImportError(plan.row, COL_MEMBERS, MSG_BELOW_KEPT.format(
                    value=plan.values["members"], kept=kept, column=COL_DISCIPLINED)))
        if errors:
            report.errors = errors
            return report
        for plan in plans:
            existing = stored.get(plan.year)
            if existing is None:
                CollectiveFigures.objects.create(unit=unit, year=plan.year, **plan.values)
                report.created.append(plan)
                continue
            plan.before = {name: getattr(existing, name) for name, value in plan.values.items()
                           if getattr(existing, name) != value}
            if not plan.before:
                report.unchanged.append(plan)
                continue
            plan.changes = [f"{columns_of[name]}: {old} → {plan.values[name]}" for name, old in plan.before.items()]
            for name in plan.before:
                setattr(existing, name, plan.values[name])
            existing.save(update_fields=list(plan.before))
            report.updated.append(plan)
    return report


def import_facts(layout: str, unit: Unit, uploaded_file: Any) -> FactsImportReport:
    return (import_ratings if layout == RATINGS else import_figures)(unit, uploaded_file)
