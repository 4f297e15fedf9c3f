"""Excel import of the table "Các hình thức đã được khen thưởng" of a báo cáo thành tích for one person or unit,
all or nothing, with per-row errors (row, column, message), and its empty template.

Rows already recorded (same award, year and decision number, any source) are reported as existing and not written
again, so importing the same file twice adds nothing. The file checks and the reading of the table are those of
``awards.record.tables``; the error type and report are those of ``awards.core.sheets``, shared with the
nominee-list import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from awards.core.sheets import (
    MSG_FORMULA,
    MSG_NOT_XLSX,
    ErrorsReport,
    ImportError,
    Refused,
    cell_text,
    vi_label,
    workbook_bytes,
)
from awards.enums import AwardFamily, OccasionType, RecipientKind
from awards.models import Award, AwardType
from awards.record.history.cells import AwardMatcher, ParsedDecision, parse_decision_text, parse_occasion
from awards.record.history.entry import award_types_for_year, existing_keys, lock_recipient, new_award, number_key
from awards.record.tables import (
    BORDER,
    EXAMPLE_MARK,
    GUIDE_SHEET_TITLE,
    HEADER_FILL,
    TableLayout,
    is_formula,
    parse_year,
    read_table,
    read_upload,
    template_sheet,
)
from units.models import Person, Unit

COL_YEAR = "Năm"
COL_AWARD = "Danh hiệu thi đua / Hình thức khen thưởng"
COL_DECISION = "Số, ngày, tháng, năm của quyết định; cơ quan ban hành"
COL_OCCASION = "Loại hình khen thưởng"
TEMPLATE_COLUMNS = [COL_YEAR, COL_AWARD, COL_DECISION, COL_OCCASION]
REQUIRED_COLUMNS = [COL_YEAR, COL_AWARD, COL_DECISION]
# The two tables of a báo cáo thành tích name the second column each its own way; both are accepted.
_HEADER_ALIASES = {
    COL_YEAR: [COL_YEAR],
    COL_AWARD: [COL_AWARD, "Danh hiệu thi đua", "Hình thức khen thưởng", "Danh hiệu thi đua/Hình thức khen thưởng",
                "Danh hiệu", "Hình thức"],
    COL_DECISION: [COL_DECISION, "Số, ngày, tháng, năm của quyết định công nhận; cơ quan ban hành quyết định",
                   "Số, ngày, tháng, năm của quyết định khen thưởng; cơ quan ban hành quyết định",
                   "Số, ngày, tháng, năm của quyết định; cơ quan ban hành quyết định",
                   "Số, ngày tháng năm của quyết định; cơ quan ban hành", "Số, ngày quyết định; cơ quan ban hành",
                   "Quyết định", "Số, ngày, tháng, năm của quyết định"],
    COL_OCCASION: [COL_OCCASION, "Loại hình"],
}
DATA_SHEET_TITLE = "Quá trình khen thưởng"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024

MSG_AWARD_EMPTY = "chưa ghi danh hiệu thi đua hoặc hình thức khen thưởng."
MSG_DECISION_BEFORE_YEAR = "ngày quyết định {day} ở trước năm {year}."
MSG_REPEATED_ROW = "trùng với dòng {row} (cùng danh hiệu, hình thức, năm và số quyết định)."
MSG_NOT_XLSX_UPLOAD = MSG_NOT_XLSX.replace("trang hồ sơ", "trang quá trình khen thưởng")

_SECTION_ROW = re.compile(r"^(?:[0-9ivx]+\s*[.)]\s*)?(danh hieu thi dua|hinh thuc khen thuong)\s*:?$")
HISTORY_TABLE = TableLayout(columns=tuple(TEMPLATE_COLUMNS), required=tuple(REQUIRED_COLUMNS),
                            aliases={column: tuple(aliases) for column, aliases in _HEADER_ALIASES.items()},
                            example_column=COL_YEAR, not_xlsx=MSG_NOT_XLSX_UPLOAD, section_row=_SECTION_ROW)


def build_history_template() -> bytes:
    """The empty table of a báo cáo thành tích, with two example rows and a guide sheet listing the catalogue."""
    workbook = Workbook()
    examples = [
        (f"{EXAMPLE_MARK} 2019", "Chiến sĩ thi đua cơ sở",
         "Quyết định số 1234/QĐ-SGDĐT ngày 15/12/2019 của Giám đốc Sở Giáo dục và Đào tạo", ""),
        (f"{EXAMPLE_MARK} 2018", "Bằng khen của Chủ tịch UBND tỉnh",
         "Quyết định số 56/QĐ-UBND ngày 10 tháng 01 năm 2019 của Chủ tịch UBND tỉnh Lạng Sơn", "Chuyên đề, theo đợt"),
    ]
    template_sheet(workbook, DATA_SHEET_TITLE, "CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", TEMPLATE_COLUMNS,
                   [10, 42, 70, 28], examples)

    guide = workbook.create_sheet(GUIDE_SHEET_TITLE)
    guide.column_dimensions["A"].width = 70
    guide.column_dimensions["B"].width = 40
    guide.column_dimensions["C"].width = 24
    lines = [
        "HƯỚNG DẪN NHẬP QUÁ TRÌNH KHEN THƯỞNG",
        "1. Mỗi tệp là bảng \"Các hình thức đã được khen thưởng\" của một cá nhân hoặc một tập thể; tải lên tại trang "
        "quá trình khen thưởng của người, đơn vị đó.",
        "2. Mỗi danh hiệu, hình thức ghi một dòng. Có thể dán cả hai bảng (Danh hiệu thi đua; Hình thức khen thưởng) "
        "của báo cáo thành tích: dòng tiêu đề lặp lại và dòng tên mục (\"1. Danh hiệu thi đua\") được bỏ qua.",
        "3. Cột Năm: năm của danh hiệu, hình thức (ví dụ 2019; năm học ghi 2018-2019).",
        "4. Cột Số, ngày...: ví dụ \"Quyết định số 1234/QĐ-UBND ngày 15/12/2019 của Chủ tịch UBND tỉnh Lạng Sơn\"; "
        "ngày có thể ghi 15/12/2019, 15-12-2019 hoặc \"ngày 15 tháng 12 năm 2019\"; có thể bỏ phần \"của ...\".",
        "5. Danh hiệu, hình thức: tên đầy đủ, tên ngắn hoặc viết tắt thông dụng (CSTĐCS, LĐTT, "
        "Bằng khen UBND tỉnh...), không phân biệt chữ hoa, chữ thường, dấu.",
        "6. Loại hình khen thưởng: để trống là \"Công trạng, thường xuyên\"; khen thưởng chuyên đề, đột xuất không "
        "được tính khi xét các danh hiệu theo thành tích nhiều năm.",
        f"7. Dòng bắt đầu bằng \"{EXAMPLE_MARK}\" chỉ để tham khảo, không được nhập.",
        "8. Chỉ cần một dòng sai là không dòng nào được nhập; hệ thống liệt kê mọi lỗi. Nhập lại cùng một tệp không "
        "tạo bản ghi trùng: dòng đã có được báo \"đã có\".",
    ]
    for row, line in enumerate(lines, start=1):
        guide.cell(row=row, column=1, value=line)
    guide["A1"].font = Font(bold=True, size=13)
    row = len(lines) + 2
    for index, text in enumerate(["Tên đầy đủ", "Tên ngắn", "Nhóm"], start=1):
        cell = guide.cell(row=row, column=index, value=text)
        cell.font, cell.fill, cell.border = Font(bold=True), HEADER_FILL, BORDER
    for award in award_types_for_year(timezone.localdate().year):
        row += 1
        values = [award.name, award.short_name or None, vi_label(AwardFamily(award.family).label)]
        for index, value in enumerate(values, start=1):
            guide.cell(row=row, column=index, value=value).border = BORDER
    row += 2
    guide.cell(row=row, column=1, value="Loại hình khen thưởng").font = Font(bold=True)
    for occasion in OccasionType:
        row += 1
        guide.cell(row=row, column=1, value=vi_label(occasion.label))
    return workbook_bytes(workbook)


@dataclass
class HistoryRow:
    """A checked row: what it says and, after the import, whether it was written or already there."""

    row: int
    year: int
    award: AwardType
    decision: ParsedDecision
    occasion: str
    existing: Award | None = None
    created: Award | None = None


@dataclass
class HistoryImportReport(ErrorsReport):
    created: list[HistoryRow] = field(default_factory=list)
    existing: list[HistoryRow] = field(default_factory=list)
    errors: list[ImportError] = field(default_factory=list)


def _check_rows(recipient: Person | Unit, columns: dict[str, int], rows: list[tuple[int, tuple[Any, ...]]],
                ) -> tuple[list[HistoryRow], list[ImportError]]:
    kind = RecipientKind.INDIVIDUAL if isinstance(recipient, Person) else RecipientKind.COLLECTIVE
    matchers: dict[int, AwardMatcher] = {}
    errors: list[ImportError] = []
    plans: list[HistoryRow] = []
    seen: dict[tuple[str, int, str], int] = {}
    for number, values in rows:
        def cell(column: str, values: tuple[Any, ...] = values) -> Any:
            index = columns.get(column)
            return values[index] if index is not None and index < len(values) else None

        row_errors: list[ImportError] = []
        for column in TEMPLATE_COLUMNS:
            if is_formula(cell(column)):
                row_errors.append(ImportError(number, column, MSG_FORMULA))
        if row_errors:
            errors += row_errors
            continue
        year, error = parse_year(cell(COL_YEAR))
        if error:
            row_errors.append(ImportError(number, COL_YEAR, error))
        award: AwardType | None = None
        award_text = cell_text(cell(COL_AWARD))
        if not award_text:
            row_errors.append(ImportError(number, COL_AWARD, MSG_AWARD_EMPTY))
        else:  # with no usable year, the name is still checked, against this year's catalogue
            match_year = year if year is not None else timezone.localdate().year
            matcher = matchers.get(match_year) or matchers.setdefault(match_year, AwardMatcher(match_year, kind))
            award, error = matcher.find(award_text)
            if error:
                row_errors.append(ImportError(number, COL_AWARD, error))
        decision, error = parse_decision_text(cell(COL_DECISION))
        if error:
            row_errors.append(ImportError(number, COL_DECISION, error))
        elif year is not None and decision.decided_on.year < year:
            row_errors.append(ImportError(number, COL_DECISION, MSG_DECISION_BEFORE_YEAR.format(
                day=f"{decision.decided_on:%d/%m/%Y}", year=year)))
        occasion, error = parse_occasion(cell(COL_OCCASION))
        if error:
            row_errors.append(ImportError(number, COL_OCCASION, error))
        if not row_errors and award is not None and decision is not None:
            key = (award.code, year, number_key(decision.number))
            if key in seen:
                row_errors.append(ImportError(number, COL_AWARD, MSG_REPEATED_ROW.format(row=seen[key])))
            else:
                seen[key] = number
        if row_errors:
            errors += row_errors
        else:
            plans.append(HistoryRow(row=number, year=year, award=award, decision=decision, occasion=occasion))
    return plans, errors


def import_history(recipient: Person | Unit, uploaded_file: Any) -> HistoryImportReport:
    """Read a báo cáo thành tích table for ``recipient`` and record every row, all or nothing.

    Rows already recorded (same award, year and decision number, any source) are reported as existing and not
    written again, so importing the same file twice adds nothing."""
    try:
        columns, rows = read_table(read_upload(uploaded_file, MAX_UPLOAD_BYTES, MSG_NOT_XLSX_UPLOAD), HISTORY_TABLE)
    except Refused as refused:
        return HistoryImportReport(errors=[ImportError(0, "", refused.message)])

    report = HistoryImportReport()
    with transaction.atomic():
        lock_recipient(recipient)
        plans, errors = _check_rows(recipient, columns, rows)
        if errors:
            order = {column: index for index, column in enumerate(TEMPLATE_COLUMNS)}
            errors.sort(key=lambda e: (e.row, order.get(e.column, len(order))))
            return HistoryImportReport(errors=errors)
        known = existing_keys(recipient)
        new: list[Award] = []
        for plan in plans:
            plan.existing = known.get((plan.award.code, plan.year, number_key(plan.decision.number)))
            if plan.existing is not None:
                report.existing.append(plan)
                continue
            plan.created = new_award(recipient, plan.award, plan.year, plan.decision.number,
                                     plan.decision.decided_on, plan.decision.issuer, plan.occasion)
            new.append(plan.created)
            report.created.append(plan)
        for award in new:
            award.save()
    return report
