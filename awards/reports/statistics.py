"""The yearly statistical forms of Thông tư 02/2023/TT-BNV as Excel, with their row codes and column
numbers: Biểu 0601 (campaigns), 0602 (State-level awards), 0603 (provincial awards) from the record; 0604 and
0605 (the TĐKT apparatus and its staff) from the figures staff enter (``awards.reports.staffing``). The form in
force for the year is chosen by ``awards.reports.form_regimes``; the common layout is ``form_sheets``.

Each form is one grouped query over the record; the counting rules are written out as data (rows and
columns with their filters) so they can be read against the form.

Awards decided below the province (cấp cơ sở: Lao động tiên tiến, Chiến sĩ thi đua cơ sở, Tập thể lao động tiên
tiến, Giấy khen, by a sở, xã, huyện, school or enterprise) are in none of the three: 0602 counts the awards of the
Chủ tịch nước and the Thủ tướng, 0603 those of the Chủ tịch UBND tỉnh, 0601 campaigns, and no row or column of
them asks for a base-level title. They are reported on the dashboard's own level (``awards.reports.base_level``)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import BooleanField, Count, ExpressionWrapper, Q

from awards.enums import Authority, AwardFamily, OccasionType, RecipientKind
from awards.models import Award
from awards.reports import staffing
from awards.reports.form_regimes import form_for
from awards.reports.form_sheets import FormLayout, Head, workbook
from campaigns.models import Campaign, CampaignMethod, CampaignScope, LaunchLevel
from units.models import PersonCategory, UnitKind

# One aggregated row: award_code, family, recipient_kind, occasion, category, unit_kind, proposer_kind, forwarded, n.
Group = dict


@dataclass(frozen=True)
class Line:
    code: str
    label: str
    unit: str
    test: Callable[[Group], bool]
    heading: bool = False


def everything(_g: Group) -> bool:
    return True


def kind_is(kind: str) -> Callable[[Group], bool]:
    return lambda g: g["recipient_kind"] == kind


def category_is(category: str) -> Callable[[Group], bool]:
    return lambda g: g["recipient_kind"] == RecipientKind.INDIVIDUAL and g["category"] == category


def occasion_is(occasion: str) -> Callable[[Group], bool]:
    return lambda g: g["occasion"] == occasion


def enterprise(g: Group) -> bool:
    return g["recipient_kind"] == RecipientKind.COLLECTIVE and g["unit_kind"] == UnitKind.ENTERPRISE


def through_ministry(g: Group) -> bool:
    """Row 02 of Biểu 0602: proposed by a central agency on the province's territory and not forwarded by the
    province (no dossier of the province behind it): its ministry sent the tờ trình to the Thủ tướng. Every other
    award went through the province's tờ trình (row 03)."""
    return g["proposer_kind"] == UnitKind.CENTRAL_AGENCY and not g["forwarded"]


BY_RECIPIENT_0603 = [
    Line("", "1. Chia theo đối tượng khen thưởng", "", everything, heading=True),
    Line("02", "- Tập thể", "Tập thể", kind_is(RecipientKind.COLLECTIVE)),
    Line("03", "Trong đó: Doanh nghiệp", "Doanh nghiệp", enterprise),
    Line("04", "- Hộ gia đình", "Hộ", kind_is(RecipientKind.HOUSEHOLD)),
    Line("05", "- Cá nhân", "Người", kind_is(RecipientKind.INDIVIDUAL)),
    Line("06", "+ Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên", "Người",
         category_is(PersonCategory.PROVINCIAL_LEADER)),
    Line("07", "+ Lãnh đạo cấp vụ, sở, ngành và tương đương", "Người", category_is(PersonCategory.DEPARTMENT_LEADER)),
    Line("08", "+ Doanh nhân", "Người", category_is(PersonCategory.ENTREPRENEUR)),
    Line("09", "+ Các cấp lãnh đạo khác từ phó phòng trở lên", "Người", category_is(PersonCategory.OTHER_LEADER)),
    Line("10", "+ Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu (công nhân, nông "
         "dân,...)", "Người", category_is(PersonCategory.DIRECT_WORKER)),
]
OCCASIONS = [("Thường xuyên", OccasionType.MERIT), ("Chuyên đề", OccasionType.CAMPAIGN),
             ("Đột xuất", OccasionType.AD_HOC), ("Đối ngoại", OccasionType.FOREIGN),
             ("Cống hiến", OccasionType.SERVICE), ("Niên hạn", OccasionType.SENIORITY),
             ("Kháng chiến", OccasionType.RESISTANCE)]


def by_occasion(first_code: int, number: str) -> list[Line]:
    return [Line("", f"{number}. Chia theo phương thức khen thưởng", "", everything, heading=True),
            *[Line(f"{first_code + index:02d}", f"- {label}", "", occasion_is(occasion))
              for index, (label, occasion) in enumerate(OCCASIONS)]]


ROWS_0603 = [Line("01", "Tổng số", "", everything), *BY_RECIPIENT_0603, *by_occasion(11, "2")]
# Biểu 0602 numbers its rows on its own: 01-03 (who sent the tờ trình), 06-14 (recipients), 15-21 (occasions);
# 04 and 05 are used by no row (both readings of the form found, docs/legal-sources.md).
ROWS_0602 = [
    Line("01", "Tổng số", "", everything),
    Line("", "1. Chia theo đơn vị ban hành tờ trình Thủ tướng Chính phủ về khen thưởng", "", everything,
         heading=True),
    Line("02", "- Bộ, ban, ngành, đoàn thể Trung ương", "Bộ, ngành", through_ministry),
    Line("03", "- Tỉnh, thành phố trực thuộc Trung ương", "Tỉnh, thành phố", lambda g: not through_ministry(g)),
    *[Line(f"{int(line.code) + 4:02d}" if line.code else "", line.label.replace("1. ", "2. "), line.unit, line.test,
           line.heading) for line in BY_RECIPIENT_0603],
    *by_occasion(15, "3"),
]


def code_in(*codes: str) -> Callable[[Group], bool]:
    return lambda g: g["award_code"] in codes


def family_is(family: str) -> Callable[[Group], bool]:
    return lambda g: g["family"] in (family,)


@dataclass(frozen=True)
class Column:
    """A column of a form: its number, header, the awards it counts; ``split`` gives it the sub-columns
    Tập thể (households counted there: the forms have no column of their own for them) and Cá nhân."""

    number: str
    label: str
    test: Callable[[Group], bool]
    split: bool = False


COLLECTIVE_SIDE = (RecipientKind.COLLECTIVE, RecipientKind.HOUSEHOLD)
STATE_CODES = ("giai-thuong-ho-chi-minh", "giai-thuong-nha-nuoc", "co-thi-dua-chinh-phu", "bang-khen-thu-tuong",
               "chien-si-thi-dua-toan-quoc")
COLUMNS_0602 = [
    Column("2", "Các loại huân chương, huy chương",
           lambda g: g["family"] in (AwardFamily.ORDER, AwardFamily.MEDAL), split=True),
    Column("3", "Giải thưởng Hồ Chí Minh", code_in("giai-thuong-ho-chi-minh")),
    Column("4", "Giải thưởng Nhà nước", code_in("giai-thuong-nha-nuoc")),
    Column("5", "Danh hiệu vinh dự nhà nước", family_is(AwardFamily.HONORARY_TITLE), split=True),
    Column("6", "Cờ thi đua của Chính phủ", code_in("co-thi-dua-chinh-phu")),
    Column("7", "Bằng khen của Thủ tướng Chính phủ", code_in("bang-khen-thu-tuong"), split=True),
    Column("8", "Chiến sĩ thi đua toàn quốc", code_in("chien-si-thi-dua-toan-quoc")),
    Column("9", "Các hình thức khen thưởng khác", lambda g: g["family"] not in (
        AwardFamily.ORDER, AwardFamily.MEDAL, AwardFamily.HONORARY_TITLE) and g["award_code"] not in STATE_CODES,
        split=True),
]
COLUMNS_0603 = [
    Column("2", "Bằng khen", code_in("bang-khen-chu-tich-ubnd-tinh")),
    Column("3", "Chiến sĩ thi đua cấp bộ, cấp tỉnh", code_in("chien-si-thi-dua-cap-tinh")),
    Column("4", "Cờ thi đua của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương",
           code_in("co-thi-dua-ubnd-tinh")),
    Column("5", "Huy hiệu (kỷ niệm chương) của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc "
           "Trung ương", family_is(AwardFamily.COMMEMORATIVE)),
]


def cell_tests(columns: list[Column]) -> list[Callable[[Group], bool]]:
    """One test per Excel column of the figures (a split column gives two)."""
    tests: list[Callable[[Group], bool]] = []
    for column in columns:
        if column.split:
            tests.append(lambda g, t=column.test: t(g) and g["recipient_kind"] in COLLECTIVE_SIDE)
            tests.append(lambda g, t=column.test: t(g) and g["recipient_kind"] == RecipientKind.INDIVIDUAL)
        else:
            tests.append(column.test)
    return tests


def award_groups(year: int, authorities: list[str]) -> list[Group]:
    """One grouped query: counts by award, family, recipient kind, occasion, person category, unit kind."""
    rows = (
        Award.objects.filter(year=year, revoked=False, authority__in=authorities)
        .annotate(forwarded=ExpressionWrapper(Q(nomination__isnull=False), output_field=BooleanField()))
        .values("award_code", "award_type__family", "recipient_kind", "occasion", "person__category", "unit__kind",
                "proposing_unit__kind", "forwarded")
        .annotate(n=Count("id"))
        .order_by()
    )
    return [{"award_code": r["award_code"], "family": r["award_type__family"], "recipient_kind": r["recipient_kind"],
             "occasion": r["occasion"], "category": r["person__category"], "unit_kind": r["unit__kind"],
             "proposer_kind": r["proposing_unit__kind"], "forwarded": r["forwarded"], "n": r["n"]}
            for r in rows]


def award_table(groups: list[Group], rows: list[Line], columns: list[Column]) -> list[list]:
    """Rows of (label, code, unit, total, figures...); the total is the sum of the row's figures. The first
    heading row of a block repeats nothing: its cells stay empty."""
    tests = cell_tests(columns)
    table = []
    for line in rows:
        if line.heading:
            table.append([line.label, "", "", *([None] * (len(tests) + 1))])
            continue
        cells = [sum(g["n"] for g in groups if line.test(g) and test(g)) for test in tests]
        table.append([line.label, line.code, line.unit, sum(cells), *cells])
    return table


# --- Biểu 0601: campaigns ---------------------------------------------------------------------------

def campaign_table(year: int) -> list[list]:
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    campaigns = list(Campaign.objects.filter(start_date__lte=end).filter(Q(end_date__isnull=True) |
                                                                          Q(end_date__gte=start)))

    def duration_code(c: Campaign) -> str:
        if c.end_date is None:
            return "07" if c.method == CampaignMethod.YEARLY else "10"
        days = (c.end_date - c.start_date).days + 1
        if days < 360:
            return "06"
        if days <= 370:
            return "07"
        return "08" if days < 3 * 365 else "09" if days < 5 * 365 else "10"

    rows = [
        ("01", "Tổng số", lambda c: True),
        ("", "1. Chia theo phạm vi tổ chức thi đua", None),
        ("02", "- Toàn quốc", lambda c: c.scope == CampaignScope.NATIONAL),
        ("03", "- Bộ, ban, ngành, đoàn thể, địa phương", lambda c: c.scope == CampaignScope.PROVINCE),
        ("04", "- Cụm, khối thi đua do Hội đồng Thi đua - Khen thưởng các cấp tổ chức",
         lambda c: c.scope == CampaignScope.CLUSTER),
        ("05", "- Cơ quan, tổ chức, đơn vị", lambda c: c.scope == CampaignScope.UNIT),
        ("", "2. Chia theo thời hạn thi đua", None),
        ("06", "- Dưới 1 năm", lambda c: duration_code(c) == "06"),
        ("07", "- 1 năm", lambda c: duration_code(c) == "07"),
        ("08", "- Từ 1 năm đến dưới 3 năm", lambda c: duration_code(c) == "08"),
        ("09", "- Từ 3 năm đến dưới 5 năm", lambda c: duration_code(c) == "09"),
        ("10", "- Từ 5 năm trở lên", lambda c: duration_code(c) == "10"),
        ("", "3. Chia theo phương thức tổ chức phong trào thi đua", None),
        ("11", "- Thi đua theo chuyên đề", lambda c: c.method == CampaignMethod.THEMATIC),
        ("12", "- Thi đua thường xuyên hàng năm", lambda c: c.method == CampaignMethod.YEARLY),
    ]
    levels = [LaunchLevel.CENTRAL, LaunchLevel.PROVINCE, LaunchLevel.UNIT]
    table = []
    for code, label, test in rows:
        if test is None:
            table.append([label, "", None, None, None, None])
            continue
        cells = [sum(1 for c in campaigns if test(c) and c.launch_level == level) for level in levels]
        table.append([label, code, sum(cells), *cells])
    return table


# --- workbooks --------------------------------------------------------------------------------------

def _award_heads(columns: list[Column]) -> tuple[list[Head], list[Head]]:
    """A, Mã số, Đơn vị tính, Tổng số over three header rows; "Chia ra" over the columns; a split column has
    "Tập thể" and "Cá nhân" under it."""
    width = sum(2 if c.split else 1 for c in columns)
    depth = 3 if any(c.split for c in columns) else 2
    heads = [Head(0, 0, "", rows=depth), Head(0, 1, "Mã số", rows=depth), Head(0, 2, "Đơn vị tính", rows=depth),
             Head(0, 3, "Tổng số", rows=depth), Head(0, 4, "Chia ra", cols=width)]
    numbers = [Head(0, 0, "A"), Head(0, 1, "B"), Head(0, 2, "C"), Head(0, 3, "1")]
    col = 4
    for column in columns:
        span = 2 if column.split else 1
        heads.append(Head(1, col, column.label, rows=1 if column.split else depth - 1, cols=span))
        if column.split:
            heads += [Head(2, col, "Tập thể"), Head(2, col + 1, "Cá nhân")]
        numbers.append(Head(0, col, column.number, cols=span))
        col += span
    return heads, numbers


def _award_layout(form: str, year: int, title: str, columns: list[Column], rows: list[list],
                  widths: list[float], landscape: bool) -> FormLayout:
    heads, numbers = _award_heads(columns)
    return FormLayout(choice=form_for(form, year), title=title, heads=heads, numbers=numbers, rows=rows,
                      widths=widths, landscape=landscape)


def form_0601(year: int) -> bytes:
    choice = form_for("0601", year)
    heads = [Head(0, 0, "", rows=2), Head(0, 1, "Mã số", rows=2), Head(0, 2, "Tổng số", rows=2),
             Head(0, 3, "Số phong trào thi đua chia theo cấp chủ trì phát động thi đua", cols=3),
             Head(1, 3, "Cấp Trung ương (Hội đồng Thi đua - Khen thưởng Trung ương)"),
             Head(1, 4, "Cấp bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương"),
             Head(1, 5, "Cơ quan, tổ chức, đơn vị")]
    numbers = [Head(0, i, text) for i, text in enumerate(["A", "B", "1=(2+3+4)", "2", "3", "4"])]
    return workbook(FormLayout(choice=choice, title="SỐ PHONG TRÀO THI ĐUA", heads=heads, numbers=numbers,
                               rows=campaign_table(year), widths=[50, 8, 12, 18, 22, 16],
                               unit_note="Đơn vị tính: Phong trào"))


def form_0602(year: int) -> bytes:
    form_for("0602", year)
    groups = award_groups(year, [Authority.PRESIDENT, Authority.PRIME_MINISTER])
    return workbook(_award_layout("0602", year, "SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC", COLUMNS_0602,
                                  award_table(groups, ROWS_0602, COLUMNS_0602),
                                  [46, 6, 11, 8, *([8] * 12)], landscape=True))


def form_0603(year: int) -> bytes:
    form_for("0603", year)
    groups = award_groups(year, [Authority.PROVINCE_CHAIR])
    return workbook(_award_layout(
        "0603", year, "SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH, THÀNH PHỐ TRỰC THUỘC "
        "TRUNG ƯƠNG", COLUMNS_0603, award_table(groups, ROWS_0603, COLUMNS_0603), [46, 7, 11, 9, 11, 13, 20, 20],
        landscape=False))


FORMS = {"0601": form_0601, "0602": form_0602, "0603": form_0603, "0604": staffing.form_0604,
         "0605": staffing.form_0605}
