"""The yearly statistical forms of Thông tư 02/2023/TT-BNV as Excel, with their row codes and column
numbers: Biểu 0601 (campaigns), 0602 (State-level awards), 0603 (provincial awards).

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

from django.db.models import Count, Q
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

from awards.core.sheets import workbook_bytes
from awards.enums import Authority, AwardFamily, OccasionType, RecipientKind
from awards.models import Award
from campaigns.models import Campaign, CampaignMethod, CampaignScope, LaunchLevel
from units.models import PersonCategory, UnitKind

Group = dict  # one aggregated row: award_code, family, recipient_kind, occasion, category, unit_kind, n


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


BY_RECIPIENT = [
    Line("02", "Tập thể", "Tập thể", kind_is(RecipientKind.COLLECTIVE)),
    Line("03", "Trong đó: Doanh nghiệp", "Tập thể", enterprise),
    Line("04", "Hộ gia đình", "Hộ", kind_is(RecipientKind.HOUSEHOLD)),
    Line("05", "Cá nhân", "Người", kind_is(RecipientKind.INDIVIDUAL)),
    Line("06", "Trong đó: Lãnh đạo cấp bộ, cấp tỉnh trở lên", "Người", category_is(PersonCategory.PROVINCIAL_LEADER)),
    Line("07", "Lãnh đạo cấp vụ, sở, ngành", "Người", category_is(PersonCategory.DEPARTMENT_LEADER)),
    Line("08", "Doanh nhân", "Người", category_is(PersonCategory.ENTREPRENEUR)),
    Line("09", "Các cấp lãnh đạo khác từ phó phòng trở lên", "Người", category_is(PersonCategory.OTHER_LEADER)),
    Line("10", "Người trực tiếp công tác, lao động, học tập, chiến đấu", "Người",
         category_is(PersonCategory.DIRECT_WORKER)),
]
BY_OCCASION = [
    Line("11", "Thường xuyên", "Lượt", occasion_is(OccasionType.MERIT)),
    Line("12", "Chuyên đề", "Lượt", occasion_is(OccasionType.CAMPAIGN)),
    Line("13", "Đột xuất", "Lượt", occasion_is(OccasionType.AD_HOC)),
    Line("14", "Đối ngoại", "Lượt", occasion_is(OccasionType.FOREIGN)),
    Line("15", "Cống hiến", "Lượt", occasion_is(OccasionType.SERVICE)),
    Line("16", "Niên hạn", "Lượt", occasion_is(OccasionType.SENIORITY)),
    Line("17", "Kháng chiến", "Lượt", occasion_is(OccasionType.RESISTANCE)),
]
AWARD_ROWS = [
    Line("01", "Tổng số", "Lượt", everything),
    Line("", "1. Chia theo đối tượng", "", everything, heading=True),
    *BY_RECIPIENT,
    Line("", "2. Chia theo phương thức khen thưởng", "", everything, heading=True),
    *BY_OCCASION,
]


def code_in(*codes: str) -> Callable[[Group], bool]:
    return lambda g: g["award_code"] in codes


def family_is(family: str) -> Callable[[Group], bool]:
    return lambda g: g["family"] == family


FORM_0603_COLUMNS = [
    ("2", "Bằng khen", code_in("bang-khen-chu-tich-ubnd-tinh")),
    ("3", "Chiến sĩ thi đua cấp bộ, cấp tỉnh", code_in("chien-si-thi-dua-cap-tinh")),
    ("4", "Cờ thi đua của bộ, ban, ngành, tỉnh", code_in("co-thi-dua-ubnd-tinh")),
    ("5", "Huy hiệu, kỷ niệm chương", family_is(AwardFamily.COMMEMORATIVE)),
]
FORM_0602_COLUMNS = [
    ("2", "Huân chương, huy chương", lambda g: g["family"] in (AwardFamily.ORDER, AwardFamily.MEDAL)),
    ("3", "Giải thưởng Hồ Chí Minh", code_in("giai-thuong-ho-chi-minh")),
    ("4", "Giải thưởng Nhà nước", code_in("giai-thuong-nha-nuoc")),
    ("5", "Danh hiệu vinh dự nhà nước", family_is(AwardFamily.HONORARY_TITLE)),
    ("6", "Cờ thi đua của Chính phủ", code_in("co-thi-dua-chinh-phu")),
    ("7", "Bằng khen của Thủ tướng Chính phủ", code_in("bang-khen-thu-tuong")),
    ("8", "Chiến sĩ thi đua toàn quốc", code_in("chien-si-thi-dua-toan-quoc")),
]


def award_groups(year: int, authorities: list[str]) -> list[Group]:
    """One grouped query: counts by award, family, recipient kind, occasion, person category, unit kind."""
    rows = (
        Award.objects.filter(year=year, revoked=False, authority__in=authorities)
        .values("award_code", "award_type__family", "recipient_kind", "occasion", "person__category", "unit__kind")
        .annotate(n=Count("id"))
        .order_by()
    )
    return [{"award_code": r["award_code"], "family": r["award_type__family"], "recipient_kind": r["recipient_kind"],
             "occasion": r["occasion"], "category": r["person__category"], "unit_kind": r["unit__kind"], "n": r["n"]}
            for r in rows]


def award_table(groups: list[Group], columns: list) -> list[list]:
    """Rows of (label, code, unit, total, column 2, column 3, ...); total = sum of the form's columns."""
    table = []
    for line in AWARD_ROWS:
        if line.heading:
            table.append([line.label, "", "", *([None] * (len(columns) + 1))])
            continue
        cells = [sum(g["n"] for g in groups if line.test(g) and test(g)) for _num, _label, test in columns]
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
        ("02", "Toàn quốc", lambda c: c.scope == CampaignScope.NATIONAL),
        ("03", "Bộ, ban, ngành, đoàn thể, địa phương", lambda c: c.scope == CampaignScope.PROVINCE),
        ("04", "Cụm, khối thi đua do Hội đồng TĐKT các cấp tổ chức", lambda c: c.scope == CampaignScope.CLUSTER),
        ("05", "Cơ quan, tổ chức, đơn vị", lambda c: c.scope == CampaignScope.UNIT),
        ("", "2. Chia theo thời hạn thi đua", None),
        ("06", "Dưới 1 năm", lambda c: duration_code(c) == "06"),
        ("07", "1 năm", lambda c: duration_code(c) == "07"),
        ("08", "Từ 1 đến dưới 3 năm", lambda c: duration_code(c) == "08"),
        ("09", "Từ 3 đến dưới 5 năm", lambda c: duration_code(c) == "09"),
        ("10", "Từ 5 năm trở lên", lambda c: duration_code(c) == "10"),
        ("", "3. Chia theo phương thức tổ chức", None),
        ("11", "Thi đua theo chuyên đề", lambda c: c.method == CampaignMethod.THEMATIC),
        ("12", "Thi đua thường xuyên hàng năm", lambda c: c.method == CampaignMethod.YEARLY),
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

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def _sheet(title: str, form: str, year: int, header: list[str], numbers: list[str], rows: list[list]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = form
    sheet.append([f"Biểu số {form}.N/BNV-TĐKT"])
    sheet.append([title])
    sheet.append([f"Năm {year}"])
    sheet.append(["Ban hành kèm theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023 của Bộ Nội vụ"])
    sheet.append([])
    sheet.append(header)
    sheet.append(numbers)
    for row in rows:
        sheet.append(row)
    sheet["B2"].font = Font(bold=True)
    sheet["A2"].font = Font(bold=True, size=13)
    for row in sheet.iter_rows(min_row=6, max_row=sheet.max_row, max_col=len(header)):
        for cell in row:
            cell.border = BOX
            if cell.row in (6, 7):
                cell.font = Font(bold=True)
                cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.column_dimensions["A"].width = 52
    for letter in "BCDEFGHIJK":
        sheet.column_dimensions[letter].width = 14
    return workbook_bytes(book)


def form_0601(year: int) -> bytes:
    header = ["Chỉ tiêu", "Mã số", "Tổng số", "Cấp Trung ương (HĐTĐKT Trung ương)",
              "Cấp bộ, ban, ngành, đoàn thể Trung ương, tỉnh", "Cơ quan, tổ chức, đơn vị"]
    return _sheet("SỐ PHONG TRÀO THI ĐUA", "0601", year, header, ["A", "B", "1", "2", "3", "4"],
                  campaign_table(year))


def form_0602(year: int) -> bytes:
    groups = award_groups(year, [Authority.PRESIDENT, Authority.PRIME_MINISTER])
    header = ["Chỉ tiêu", "Mã số", "Đơn vị tính", "Tổng số", *[label for _n, label, _t in FORM_0602_COLUMNS]]
    numbers = ["A", "B", "C", "1", *[num for num, _l, _t in FORM_0602_COLUMNS]]
    return _sheet("SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC", "0602", year, header, numbers,
                  award_table(groups, FORM_0602_COLUMNS))


def form_0603(year: int) -> bytes:
    groups = award_groups(year, [Authority.PROVINCE_CHAIR])
    header = ["Chỉ tiêu", "Mã số", "Đơn vị tính", "Tổng số", *[label for _n, label, _t in FORM_0603_COLUMNS]]
    numbers = ["A", "B", "C", "1", *[num for num, _l, _t in FORM_0603_COLUMNS]]
    return _sheet("SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH", "0603", year, header,
                  numbers, award_table(groups, FORM_0603_COLUMNS))


FORMS = {"0601": form_0601, "0602": form_0602, "0603": form_0603}
