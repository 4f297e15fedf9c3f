"""The yearly facts of a unit and its people (``awards.models.facts``), as the Board and units record them day to
day: the page "Dữ liệu xét thi đua" of a unit, and the Excel import of yearly ratings and collective figures.

* ``can_import`` / ``can_record``: board staff import for any unit, a unit officer for his unit and its sub-units;
  only the Board records initiatives and hold periods (visibility itself is ``history.visible_units``: 404).
* ``unit_facts`` reads everything the page shows in a constant number of queries.
* ``import_ratings`` / ``import_figures`` read one table each, all or nothing, with per-row errors (row, column,
  message). The file checks, header detection and accent-insensitive headers are those of ``awards.record.history``
  (``read_upload``, ``read_table``). Re-importing a file changes nothing: a row equal to what is stored is
  "unchanged", a row with another value for the same person (or unit) and year is an update, reported with
  the old and new values.
"""

from __future__ import annotations

import datetime
import io
import re
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation

from awards.core import permissions
from awards.core.sheets import (
    MSG_NOT_XLSX,
    ErrorsReport,
    ImportError,
)
from awards.core.sheets import Refused as _Refused
from awards.core.sheets import cell_text as _cell_text
from awards.core.sheets import is_blank as _is_blank
from awards.core.sheets import shown as _shown
from awards.core.sheets import vi_label as _vi
from awards.models import CollectiveFigures, HoldPeriod, Initiative, YearlyRating
from awards.models.facts import Rating
from awards.record import history
from awards.record.history import EXAMPLE_MARK, TableLayout, parse_year, read_table, read_upload, template_sheet
from units.models import Person, Role, Unit, User
from units.text import fold, nfc, vietnamese_sort_key

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_COUNT = 1_000_000
RATINGS = "ratings"
FIGURES = "figures"
LAYOUTS = (RATINGS, FIGURES)

# ---------------------------------------------------------------------------------------------
# Who may write
# ---------------------------------------------------------------------------------------------


def can_import(user: User, unit: Unit) -> tuple[bool, str]:
    """Ratings and collective figures: the Board for any unit, a unit officer for his unit and its sub-units."""
    if permissions.is_staff(user):
        return True, ""
    if user.has_role(Role.UNIT_OFFICER) and user.unit_id and (
            user.unit_id == unit.pk or unit.pk in history.unit_scope_ids(user.unit_id)):
        return True, ""
    return False, _("Chỉ cán bộ Ban Thi đua - Khen thưởng hoặc cán bộ thi đua của đơn vị (hoặc đơn vị cấp trên) mới "
                    "nhập được xếp loại và số liệu của đơn vị này.")


def can_record(user: User) -> tuple[bool, str]:
    """Initiatives (recognised by a decision) and hold periods (discipline, investigations...): the Board only."""
    if permissions.is_staff(user):
        return True, ""
    return False, _("Chỉ cán bộ Ban Thi đua - Khen thưởng mới ghi sáng kiến và thời gian chưa xét khen thưởng.")


# ---------------------------------------------------------------------------------------------
# The page: everything of one unit, in a constant number of queries
# ---------------------------------------------------------------------------------------------

RATING_SHORT = {Rating.EXCELLENT: "HTXSNV", Rating.GOOD: "HTTNV", Rating.COMPLETED: "HTNV", Rating.FAILED: "KHTNV"}
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


# ---------------------------------------------------------------------------------------------
# Excel: the two tables
# ---------------------------------------------------------------------------------------------

COL_NAME = "Họ và tên"
COL_YEAR = "Năm"
COL_RATING = "Xếp loại"
RATING_COLUMNS = [COL_NAME, COL_YEAR, COL_RATING]

COL_MEMBERS = "Tổng số thành viên"
COL_COMPLETED = "Hoàn thành nhiệm vụ"
COL_LDTT = "Đạt LĐTT"
COL_CSTDCS = "Đạt CSTĐCS"
COL_WOMEN = "Nữ"
COL_DISCIPLINED = "Bị kỷ luật từ cảnh cáo trở lên"
FIGURE_COLUMNS = [COL_YEAR, COL_MEMBERS, COL_COMPLETED, COL_LDTT, COL_CSTDCS, COL_WOMEN, COL_DISCIPLINED]
# CollectiveFigures field of each count column, in template order.
FIGURE_FIELDS = {COL_MEMBERS: "members", COL_COMPLETED: "completed_tasks", COL_LDTT: "with_ldtt",
                 COL_CSTDCS: "with_cstdcs", COL_WOMEN: "women", COL_DISCIPLINED: "disciplined_canh_cao_or_above"}

MSG_NOT_XLSX_UPLOAD = MSG_NOT_XLSX.replace("trang hồ sơ", "trang dữ liệu xét thi đua của đơn vị")
MSG_NAME_EMPTY = "chưa ghi họ và tên."
MSG_PERSON_UNKNOWN = ('không có cá nhân "{value}" trong danh bạ của {unit} (kiểm tra chính tả, hoặc thêm người này '
                      "vào danh bạ trước).")
MSG_PERSON_AMBIGUOUS = ('danh bạ của {unit} có {count} người tên "{value}", không xác định được là ai; hãy nhập xếp '
                        "loại của những người này trên trang quản trị.")
MSG_RATING_EMPTY = "chưa ghi xếp loại."
MSG_RATING_BAD = ('xếp loại "{value}" không hợp lệ (ghi một trong: Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt '
                  "nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ; hoặc HTXSNV, HTTNV, HTNV, KHTNV).")
MSG_REPEATED_RATING = "trùng với dòng {row} (cùng cá nhân, cùng năm)."
MSG_REPEATED_YEAR = "trùng với dòng {row} (cùng năm)."
MSG_COUNT_EMPTY = "chưa ghi số."
MSG_COUNT_BAD = '"{value}" không phải số nguyên không âm.'
MSG_COUNT_TOO_BIG = "số {value} quá lớn."
MSG_MEMBERS_ZERO = "tổng số thành viên phải từ 1 trở lên."
MSG_ABOVE_MEMBERS = "{value} lớn hơn tổng số thành viên ({members})."
MSG_ABOVE_OTHER = "{value} lớn hơn số {other} ({limit}): {reason}"
MSG_BELOW_KEPT = ('{value} nhỏ hơn số "{column}" đã lưu ({kept}); thêm cột "{column}" vào tệp để sửa cả hai.')
MSG_FORMULA = history.MSG_FORMULA

RATINGS_TABLE = TableLayout(
    columns=tuple(RATING_COLUMNS), required=tuple(RATING_COLUMNS),
    aliases={COL_NAME: ("Họ tên", "Tên cá nhân", "Họ và tên cá nhân"), COL_YEAR: ("Năm đánh giá", "Năm xếp loại"),
             COL_RATING: ("Kết quả xếp loại", "Xếp loại chất lượng", "Kết quả đánh giá, xếp loại", "Mức xếp loại")},
    example_column=COL_NAME, not_xlsx=MSG_NOT_XLSX_UPLOAD)
FIGURES_TABLE = TableLayout(
    columns=tuple(FIGURE_COLUMNS), required=tuple(FIGURE_COLUMNS[:-1]),
    aliases={COL_MEMBERS: ("Tổng số", "Số thành viên", "Tổng số cán bộ"),
             COL_COMPLETED: ("Số hoàn thành nhiệm vụ trở lên", "Hoàn thành nhiệm vụ trở lên", "Số hoàn thành nhiệm vụ"),
             COL_LDTT: ("Số đạt Lao động tiên tiến", "Đạt Lao động tiên tiến", "Lao động tiên tiến", "LĐTT"),
             COL_CSTDCS: ("Số đạt Chiến sĩ thi đua cơ sở", "Đạt Chiến sĩ thi đua cơ sở", "Chiến sĩ thi đua cơ sở",
                          "CSTĐCS"),
             COL_WOMEN: ("Số nữ", "Nữ giới"),
             COL_DISCIPLINED: ("Số bị kỷ luật từ cảnh cáo trở lên", "Kỷ luật từ cảnh cáo trở lên", "Bị kỷ luật")},
    example_column=COL_YEAR, not_xlsx=MSG_NOT_XLSX_UPLOAD)


def _compact(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", fold(text))


_RATING_KEYS: dict[str, str] = {}


def parse_rating(value: Any) -> tuple[str | None, str | None]:
    """A rating by its full name, without "nhiệm vụ", or its short form (HTXSNV, HTTNV, HTNV, KHTNV, also without
    NV); case, accents, spaces and dots ignored."""
    text = _cell_text(value)
    if not text:
        return None, MSG_RATING_EMPTY
    if not _RATING_KEYS:
        for rating in Rating:
            full = _compact(_vi(rating.label))
            short = RATING_SHORT[rating].lower()
            for key in (full, full.removesuffix("nhiemvu"), short, short.removesuffix("nv")):
                _RATING_KEYS[key] = rating.value
    rating = _RATING_KEYS.get(_compact(text))
    if rating is None:
        return None, MSG_RATING_BAD.format(value=_shown(text))
    return rating, None


_GROUPED = re.compile(r"\d{1,3}(?:[.,\s]\d{3})+")


def parse_count(value: Any) -> tuple[int | None, str | None]:
    """A whole number ≥ 0: 62, 62.0, "62", "1.250" (thousands grouped with dots, commas or spaces)."""
    if _is_blank(value):
        return None, MSG_COUNT_EMPTY
    number: int | None = None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str):
        text = nfc(value)
        if text.isdigit() or _GROUPED.fullmatch(text):
            number = int(re.sub(r"\D", "", text))
    if number is None or number < 0:
        return None, MSG_COUNT_BAD.format(value=_shown(value))
    if number > MAX_COUNT:
        return None, MSG_COUNT_TOO_BIG.format(value=number)
    return number, None


# ---------------------------------------------------------------------------------------------
# Excel: the import
# ---------------------------------------------------------------------------------------------


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


def _cells(columns: dict[str, int], values: tuple[Any, ...]):
    def cell(column: str) -> Any:
        index = columns.get(column)
        return values[index] if index is not None and index < len(values) else None
    return cell


def _formula_errors(number: int, cell, layout: TableLayout) -> list[ImportError]:
    return [ImportError(number, column, MSG_FORMULA) for column in layout.columns
            if history._is_formula(cell(column))]


def _sorted(errors: list[ImportError], layout: TableLayout) -> list[ImportError]:
    order = {column: index for index, column in enumerate(layout.columns)}
    return sorted(errors, key=lambda e: (e.row, order.get(e.column, len(order))))


def _rating_label(code: str) -> str:
    return _vi(Rating(code).label)


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
        name = _cell_text(cell(COL_NAME))
        if not name:
            row_errors.append(ImportError(number, COL_NAME, MSG_NAME_EMPTY))
        else:
            found = directory.get(fold(name), [])
            if len(found) > 1:
                row_errors.append(ImportError(number, COL_NAME, MSG_PERSON_AMBIGUOUS.format(
                    unit=unit_name, count=len(found), value=_shown(name))))
            elif not found:
                row_errors.append(ImportError(number, COL_NAME, MSG_PERSON_UNKNOWN.format(
                    unit=unit_name, value=_shown(name))))
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
            if column == COL_DISCIPLINED and _is_blank(value):
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
    except _Refused as refused:
        report.errors = [ImportError(0, "", refused.message)]
        return report
    with transaction.atomic():
        history._lock(unit)  # one import at a time per unit
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
    except _Refused as refused:
        report.errors = [ImportError(0, "", refused.message)]
        return report
    columns_of = {name: column for column, name in FIGURE_FIELDS.items()}
    with transaction.atomic():
        history._lock(unit)
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


# ---------------------------------------------------------------------------------------------
# Excel: the templates
# ---------------------------------------------------------------------------------------------

_TEMPLATE_ROWS = 1000


def _guide(workbook: Workbook, lines: list[str]) -> Any:
    guide = workbook.create_sheet(history.GUIDE_SHEET_TITLE)
    guide.column_dimensions["A"].width = 100
    for row, line in enumerate(lines, start=1):
        guide.cell(row=row, column=1, value=line)
    guide["A1"].font = Font(bold=True, size=13)
    return guide


def _suggest(sheet: Any, formula: str, cells: str) -> None:
    """A drop-down list that suggests without refusing other text (short forms and pasted values stay possible)."""
    validation = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=False)
    validation.add(cells)
    sheet.add_data_validation(validation)


def _save(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def build_ratings_template(unit: Unit) -> bytes:
    """Họ và tên | Năm | Xếp loại for ``unit``; the guide sheet lists the persons of its directory."""
    year = timezone.localdate().year - 1
    workbook = Workbook()
    sheet = template_sheet(workbook, "Xếp loại hằng năm", f"XẾP LOẠI HẰNG NĂM - {nfc(unit.name).upper()}",
                           RATING_COLUMNS, [36, 12, 36], [
                               (f"{EXAMPLE_MARK} Nguyễn Văn An", year, _vi(Rating.EXCELLENT.label)),
                               (f"{EXAMPLE_MARK} Nguyễn Văn An", year - 1, "HTTNV")])
    last = 2 + _TEMPLATE_ROWS
    _suggest(sheet, '"' + ",".join(_vi(r.label) for r in Rating) + '"', f"C3:C{last}")
    lines = [
        "HƯỚNG DẪN NHẬP XẾP LOẠI HẰNG NĂM",
        f"Đơn vị: {nfc(unit.name)}. Tải lên tại trang \"Dữ liệu xét thi đua\" của đơn vị này.",
        "1. Mỗi cá nhân, mỗi năm ghi một dòng: Họ và tên | Năm | Xếp loại.",
        "2. Họ và tên phải trùng với một người trong danh bạ của đơn vị (danh sách bên dưới); không phân biệt chữ hoa, "
        "chữ thường, dấu. Hai người cùng tên trong danh bạ: nhập trên trang quản trị.",
        "3. Xếp loại: Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành "
        "nhiệm vụ; hoặc viết tắt HTXSNV, HTTNV, HTNV, KHTNV.",
        f"4. Dòng bắt đầu bằng \"{EXAMPLE_MARK}\" chỉ để tham khảo, không được nhập.",
        "5. Chỉ cần một dòng sai là không dòng nào được nhập; hệ thống liệt kê mọi lỗi. Nhập lại cùng một tệp không "
        "thay đổi gì; xếp loại khác với đã lưu (cùng người, cùng năm) được cập nhật và báo lại.",
        "",
        "Danh bạ cá nhân của đơn vị",
    ]
    guide = _guide(workbook, lines)
    guide.cell(row=len(lines), column=1).font = Font(bold=True)
    names = sorted((p.full_name for p in Person.objects.filter(unit=unit).only("full_name")), key=vietnamese_sort_key)
    for offset, name in enumerate(names, start=len(lines) + 1):
        guide.cell(row=offset, column=1, value=name)
    if names:
        first, end = len(lines) + 1, len(lines) + len(names)
        _suggest(sheet, f"'{history.GUIDE_SHEET_TITLE}'!$A${first}:$A${end}", f"A3:A{last}")
    else:
        guide.cell(row=len(lines) + 1, column=1, value="(danh bạ chưa có ai)")
    return _save(workbook)


def build_figures_template(unit: Unit) -> bytes:
    """Năm | Tổng số thành viên | Hoàn thành nhiệm vụ | Đạt LĐTT | Đạt CSTĐCS | Nữ | Bị kỷ luật... for ``unit``."""
    year = timezone.localdate().year - 1
    workbook = Workbook()
    template_sheet(workbook, "Số liệu tập thể", f"SỐ LIỆU TẬP THỂ HẰNG NĂM - {nfc(unit.name).upper()}",
                   FIGURE_COLUMNS, [12, 14, 14, 12, 12, 10, 16], [(f"{EXAMPLE_MARK} {year}", 62, 62, 51, 9, 44, 0)])
    _guide(workbook, [
        "HƯỚNG DẪN NHẬP SỐ LIỆU TẬP THỂ HẰNG NĂM",
        f"Đơn vị: {nfc(unit.name)}. Tải lên tại trang \"Dữ liệu xét thi đua\" của đơn vị này.",
        "1. Mỗi năm ghi một dòng; các số là số người của tập thể trong năm đó (số nguyên, không âm).",
        "2. Không số nào được lớn hơn Tổng số thành viên; số Đạt LĐTT không lớn hơn số Hoàn thành nhiệm vụ, số Đạt "
        "CSTĐCS không lớn hơn số Đạt LĐTT.",
        "3. Cột \"Bị kỷ luật từ cảnh cáo trở lên\" để trống là 0.",
        f"4. Dòng bắt đầu bằng \"{EXAMPLE_MARK}\" chỉ để tham khảo, không được nhập.",
        "5. Chỉ cần một dòng sai là không dòng nào được nhập; hệ thống liệt kê mọi lỗi. Nhập lại cùng một tệp không "
        "thay đổi gì; số liệu khác với đã lưu (cùng năm) được cập nhật và báo lại.",
    ])
    return _save(workbook)


def build_template(layout: str, unit: Unit) -> bytes:
    return (build_ratings_template if layout == RATINGS else build_figures_template)(unit)
