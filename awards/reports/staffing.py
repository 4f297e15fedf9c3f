"""Biểu 0604 (the organisations doing TĐKT work) and 0605 (the civil servants doing it) of Thông tư
02/2023/TT-BNV: the award record cannot give these figures, so Board staff enter them per reporting unit and year
(``StatisticsFigure``); this module holds the forms' rows, checks what is entered, saves it and builds the
workbooks. Rows and codes as read in docs/legal-sources.md ("Biểu mẫu thống kê")."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from awards.models import StatisticsFigure, StatisticsForm
from awards.reports.form_regimes import form_for
from awards.reports.form_sheets import FormLayout, Head, workbook
from units.models import Unit, UnitKind, User


@dataclass(frozen=True)
class Row:
    code: str  # "" for a heading
    label: str
    unit: str = ""
    group: str = ""  # rows of one group add up to the total (0605)


APPARATUS_ROWS = [
    Row("01", "Tổng số", "Tổ chức"),
    Row("", "Chia theo cơ cấu tổ chức bộ máy"),
    Row("02", "- Cấp Vụ thuộc bộ, ban, ngành, đoàn thể Trung ương", "Vụ"),
    Row("03", "- Cấp phòng, ban hoặc bộ phận thuộc Vụ", "Phòng"),
    Row("04", "- Cấp ban thuộc Sở Nội vụ", "Ban"),
    Row("05", "- Cấp phòng thuộc Sở Nội vụ", "Phòng"),
]
AGE, TRAINING, SENIORITY = "age", "training", "seniority"
STAFF_ROWS = [
    Row("01", "Tổng số"),
    Row("", "1. Chia theo độ tuổi"),
    Row("02", "- Từ 30 trở xuống", group=AGE),
    Row("03", "- Từ 31 đến 40", group=AGE),
    Row("04", "- Từ 41 đến 50", group=AGE),
    Row("05", "- Từ 51 đến 55", group=AGE),
    Row("06", "- Từ 56 đến 60", group=AGE),
    Row("07", "- Trên 60 tuổi", group=AGE),
    Row("", "2. Chia theo trình độ đào tạo"),
    Row("08", "- Sơ cấp", group=TRAINING),
    Row("09", "- Trung cấp", group=TRAINING),
    Row("10", "- Cao đẳng", group=TRAINING),
    Row("11", "- Đại học", group=TRAINING),
    Row("12", "- Trên đại học", group=TRAINING),
    Row("", "3. Chia theo thâm niên công tác trong lĩnh vực thi đua, khen thưởng"),
    Row("13", "- Dưới 5 năm", group=SENIORITY),
    Row("14", "- Từ 5 đến dưới 10 năm", group=SENIORITY),
    Row("15", "- Từ 10 năm trở lên", group=SENIORITY),
]
ROWS = {StatisticsForm.APPARATUS: APPARATUS_ROWS, StatisticsForm.STAFF: STAFF_ROWS}
GROUP_WORDS = {AGE: "độ tuổi", TRAINING: "trình độ đào tạo", SENIORITY: "thâm niên công tác"}
# Every civil servant has an age and a seniority; one without any of the listed training levels may exist.
EXACT_GROUPS = (AGE, SENIORITY)

Figures = dict[str, tuple[int, int | None]]  # code -> (value, women); women is None on 0604


def entered_rows(form: str) -> list[Row]:
    """The rows staff fill: on 0604 the total is the sum of the four kinds and is not entered."""
    rows = [row for row in ROWS[form] if row.code]
    return rows[1:] if form == StatisticsForm.APPARATUS else rows


def reporting_unit() -> Unit | None:
    """The province, the unit whose forms the Board sends (the root of the unit tree)."""
    return Unit.objects.filter(kind=UnitKind.PROVINCE, parent__isnull=True).order_by("pk").first()


def check(form: str, figures: Figures) -> list[str]:
    """What is wrong with the figures of a form, as messages for the page; none when they may be saved."""
    problems = []
    if form != StatisticsForm.STAFF:
        return problems
    labels = {row.code: row.label.lstrip("- ") for row in STAFF_ROWS if row.code}
    for code, (value, women) in figures.items():
        if women is not None and women > value:
            problems.append(_("Dòng {code} ({label}): số nữ ({women}) lớn hơn tổng số ({value}).").format(
                code=code, label=labels[code], women=women, value=value))
    total, total_women = figures.get("01", (0, 0))
    for group, word in GROUP_WORDS.items():
        codes = [row.code for row in STAFF_ROWS if row.group == group]
        people = sum(figures.get(code, (0, 0))[0] for code in codes)
        women = sum(figures.get(code, (0, 0))[1] or 0 for code in codes)
        for column, counted, expected in ((_("tổng số"), people, total), (_("số nữ"), women, total_women or 0)):
            if group in EXACT_GROUPS and counted != expected:
                problems.append(_("Chia theo {word}: cộng {column} các dòng {first}-{last} được {counted}, phải bằng "
                                  "dòng 01 ({expected}).").format(word=word, column=column, first=codes[0],
                                                                  last=codes[-1], counted=counted, expected=expected))
            elif counted > expected:
                problems.append(_("Chia theo {word}: cộng {column} các dòng {first}-{last} được {counted}, vượt "
                                  "dòng 01 ({expected}).").format(word=word, column=column, first=codes[0],
                                                                 last=codes[-1], counted=counted, expected=expected))
    return problems


def figures_of(form: str, unit: Unit | None, year: int) -> Figures:
    if unit is None:
        return {}
    return {code: (value, women) for code, value, women in StatisticsFigure.objects.filter(
        form=form, unit=unit, year=year).values_list("code", "value", "women")}


@transaction.atomic
def save(form: str, unit: Unit, year: int, figures: Figures, user: User) -> list[str]:
    """Check then store a form's figures for the unit and year (replacing what was there); the problems found,
    nothing saved when there are any. A year without the form in force is refused (``NoFormInForce``)."""
    form_for(form, year)
    problems = check(form, figures)
    if problems:
        return problems
    StatisticsFigure.objects.filter(form=form, unit=unit, year=year).delete()
    StatisticsFigure.objects.bulk_create(
        StatisticsFigure(form=form, unit=unit, year=year, code=code, value=value, women=women, entered_by=user)
        for code, (value, women) in sorted(figures.items()))
    return []


def table(form: str, figures: Figures) -> list[list]:
    """The form's rows as the sheet prints them; 0604's total is the sum of its four kinds."""
    if form == StatisticsForm.APPARATUS:
        total = sum(value for code, (value, _w) in figures.items() if code != "01")
        return [[row.label, row.code, row.unit, (total if row.code == "01" else figures.get(row.code, (0, None))[0])
                 if row.code else None] for row in APPARATUS_ROWS]
    return [[row.label, row.code, *(figures.get(row.code, (0, 0)) if row.code else (None, None))]
            for row in STAFF_ROWS]


class NotEntered(Exception):
    """No figures were entered for the form and year: the export has nothing to print."""


def _figures_for_export(form: str, year: int) -> Figures:
    form_for(form, year)
    figures = figures_of(form, reporting_unit(), year)
    if not figures:
        raise NotEntered(_("Chưa nhập số liệu Biểu {form}.N/BNV-TĐKT năm {year}: cán bộ Ban nhập tại trang “Số liệu "
                           "bộ máy và công chức làm công tác thi đua, khen thưởng”.").format(form=form, year=year))
    return figures


def form_0604(year: int) -> bytes:
    figures = _figures_for_export(StatisticsForm.APPARATUS, year)
    heads = [Head(0, 0, ""), Head(0, 1, "Mã số"), Head(0, 2, "Đơn vị tính"), Head(0, 3, "Số lượng")]
    numbers = [Head(0, i, text) for i, text in enumerate(["A", "B", "C", "1"])]
    return workbook(FormLayout(
        choice=form_for(StatisticsForm.APPARATUS, year), heads=heads, numbers=numbers,
        title="SỐ LƯỢNG TỔ CHỨC LÀM CÔNG TÁC THI ĐUA, KHEN THƯỞNG CỦA BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG, TỈNH, "
              "THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG",
        rows=table(StatisticsForm.APPARATUS, figures), widths=[52, 9, 12, 12], received=""))


def form_0605(year: int) -> bytes:
    figures = _figures_for_export(StatisticsForm.STAFF, year)
    heads = [Head(0, 0, "", rows=2), Head(0, 1, "Mã số", rows=2), Head(0, 2, "Số lượng (Người)", cols=2),
             Head(1, 2, "Tổng số"), Head(1, 3, "Trong đó: Nữ")]
    numbers = [Head(0, i, text) for i, text in enumerate(["A", "B", "1", "2"])]
    return workbook(FormLayout(
        choice=form_for(StatisticsForm.STAFF, year), heads=heads, numbers=numbers,
        title="SỐ LƯỢNG CÔNG CHỨC LÀM CÔNG TÁC THI ĐUA, KHEN THƯỞNG CỦA BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG, TỈNH, "
              "THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG",
        rows=table(StatisticsForm.STAFF, figures), widths=[52, 9, 12, 12], received=""))
