"""The Excel template of a dossier's nominee list: a "Danh sách" sheet (title, header row, two example rows, drop-down
lists and date formats) and a "Hướng dẫn" sheet (how to fill it in, the award types and categories accepted)."""

from __future__ import annotations

import datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from awards.core.sheets import vi_label, workbook_bytes
from awards.dossiers.importing.columns import (
    COL_AWARD,
    COL_BIRTH_DATE,
    COL_CATEGORY,
    COL_GENDER,
    COLLECTIVE_LABEL,
    DATA_SHEET_TITLE,
    EXAMPLE_MARK,
    GUIDE_SHEET_TITLE,
    TEMPLATE_COLUMNS,
    TEMPLATE_TITLE,
    accepted_award_types,
    category_labels,
    decider_text,
    kinds_text,
)
from awards.enums import RecipientKind
from awards.models import Dossier
from units.models import Gender, PersonCategory
from units.text import nfc

_COLUMN_WIDTHS = [6, 38, 10, 13, 24, 34, 44, 34, 60]
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_TEMPLATE_ROWS = 500  # rows below the header that get drop-down lists and the date format


def build_template(dossier: Dossier) -> bytes:
    """The .xlsx to fill in for ``dossier``: title, header row, two example rows and a "Hướng dẫn" sheet."""
    awards = accepted_award_types(dossier)
    unit_name = nfc(dossier.unit.name)
    authority = decider_text(dossier)
    last_col = get_column_letter(len(TEMPLATE_COLUMNS))

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = DATA_SHEET_TITLE

    sheet["A1"] = TEMPLATE_TITLE
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.merge_cells(f"A1:{last_col}1")
    sheet["A2"] = f"Kèm theo hồ sơ: {nfc(dossier.title)} (mã {dossier.reference}, năm {dossier.year})"
    sheet["A2"].font = Font(italic=True)
    sheet["A2"].alignment = Alignment(horizontal="center", wrap_text=True)
    sheet.merge_cells(f"A2:{last_col}2")

    header_row = 3
    for index, column in enumerate(TEMPLATE_COLUMNS, start=1):
        cell = sheet.cell(row=header_row, column=index, value=column)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(index)].width = _COLUMN_WIDTHS[index - 1]
    sheet.row_dimensions[header_row].height = 32

    collective_award = next((a for a in awards if a.allows(RecipientKind.COLLECTIVE)), None)
    individual_award = next((a for a in awards if a.allows(RecipientKind.INDIVIDUAL)), None)
    examples = [
        [
            EXAMPLE_MARK, f"Phòng Kế hoạch - Tài chính, {unit_name}", None, None, None, None,
            collective_award.name if collective_award else "", COLLECTIVE_LABEL,
            f"Hoàn thành xuất sắc nhiệm vụ năm {dossier.year}.",
        ],
        [
            EXAMPLE_MARK, "Nguyễn Văn An", vi_label(Gender.MALE.label), datetime.date(1980, 3, 5), "Trưởng phòng",
            unit_name, individual_award.name if individual_award else "", vi_label(PersonCategory.OTHER_LEADER.label),
            f"Hoàn thành xuất sắc nhiệm vụ năm {dossier.year}.",
        ],
    ]
    for offset, values in enumerate(examples, start=1):
        for index, value in enumerate(values, start=1):
            cell = sheet.cell(row=header_row + offset, column=index, value=value)
            cell.font = Font(italic=True, color="7F7F7F")
            cell.border = _BORDER
            if isinstance(value, datetime.date):
                cell.number_format = "DD/MM/YYYY"
    first_data_row = header_row + 1
    last_data_row = header_row + _TEMPLATE_ROWS
    for row in range(header_row + len(examples) + 1, last_data_row + 1):
        sheet.cell(row=row, column=TEMPLATE_COLUMNS.index(COL_BIRTH_DATE) + 1).number_format = "DD/MM/YYYY"
    sheet.freeze_panes = sheet.cell(row=first_data_row, column=1)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True

    guide = workbook.create_sheet(GUIDE_SHEET_TITLE)
    guide.column_dimensions["A"].width = 60
    guide.column_dimensions["B"].width = 40
    guide.column_dimensions["C"].width = 30
    lines = [
        "HƯỚNG DẪN ĐIỀN DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
        f"Hồ sơ: {nfc(dossier.title)} (năm {dossier.year}; thẩm quyền {authority}).",
        "1. Mỗi đối tượng ghi một dòng, ngay dưới dòng tiêu đề của trang \"Danh sách\"; không đổi tên các cột.",
        f"2. Các dòng có STT \"{EXAMPLE_MARK}\" chỉ để tham khảo, không được nhập; có thể xóa.",
        "3. Cá nhân: bắt buộc ghi Giới tính (Nam hoặc Nữ); Ngày sinh ghi dạng ngày/tháng/năm, ví dụ 05/03/1980; "
        f"để trống Đơn vị công tác thì lấy đơn vị đề nghị ({unit_name}).",
        f"4. Chỉ ghi được {unit_name}, các đơn vị trực thuộc và cá nhân, hộ gia đình của các đơn vị đó. Tên đơn vị "
        "ghi như thường dùng (\"UBND xã ...\", \"Ủy ban nhân dân xã ...\", \"xã ...\", tên viết tắt); nếu gõ có dấu "
        "thì phải đúng dấu.",
        "5. Tập thể: ghi tên đơn vị trong danh mục để liên kết với đơn vị; tên không có trong danh mục được ghi "
        "nguyên văn.",
        "6. Hộ gia đình: ghi dạng \"Gia đình ông Nguyễn Văn A\"; cột Đơn vị công tác ghi xã, phường nơi hộ sinh sống "
        "(để trống thì lấy đơn vị đề nghị).",
        "7. Danh hiệu/Hình thức khen thưởng và Phân loại đối tượng: chọn một giá trị trong các bảng dưới đây "
        "(ghi tên đầy đủ hoặc tên ngắn, không phân biệt chữ hoa, chữ thường, dấu).",
        "8. Chỉ cần một dòng sai là không dòng nào được nhập; hệ thống liệt kê mọi lỗi để sửa một lần.",
        "9. Nhập lại cùng một tệp không tạo đề nghị trùng: đối tượng đã có cùng danh hiệu, hình thức trong hồ sơ "
        "được bỏ qua.",
    ]
    for row, line in enumerate(lines, start=1):
        guide.cell(row=row, column=1, value=line).alignment = Alignment(wrap_text=False)
    guide["A1"].font = Font(bold=True, size=13)

    row = len(lines) + 2
    guide.cell(row=row, column=1, value=f"Danh hiệu, hình thức được chọn (năm {dossier.year})").font = Font(bold=True)
    row += 1
    for index, text in enumerate(["Tên đầy đủ", "Tên ngắn", "Tặng cho"], start=1):
        cell = guide.cell(row=row, column=index, value=text)
        cell.font, cell.fill, cell.border = Font(bold=True), _HEADER_FILL, _BORDER
    award_first = row + 1
    for award in awards:
        row += 1
        for index, text in enumerate([award.name, award.short_name, kinds_text(award)], start=1):
            guide.cell(row=row, column=index, value=text or None).border = _BORDER
    if not awards:
        row += 1
        guide.cell(row=row, column=1, value="(không có danh hiệu, hình thức nào)")
    award_last = row

    row += 2
    guide.cell(row=row, column=1, value="Phân loại đối tượng được chọn").font = Font(bold=True)
    row += 1
    for index, text in enumerate(["Phân loại đối tượng", "Loại đối tượng"], start=1):
        cell = guide.cell(row=row, column=index, value=text)
        cell.font, cell.fill, cell.border = Font(bold=True), _HEADER_FILL, _BORDER
    category_first = row + 1
    for label, kind in category_labels():
        row += 1
        guide.cell(row=row, column=1, value=label).border = _BORDER
        guide.cell(row=row, column=2, value=kind).border = _BORDER
    category_last = row

    def add_list(column: str, formula: str) -> None:
        letter = get_column_letter(TEMPLATE_COLUMNS.index(column) + 1)
        validation = DataValidation(
            type="list", formula1=formula, allow_blank=True, showErrorMessage=True, errorStyle="warning",
            errorTitle="Giá trị không có trong danh sách",
            error=f'Xem trang "{GUIDE_SHEET_TITLE}" để chọn giá trị đúng.',
        )
        validation.add(f"{letter}{first_data_row}:{letter}{last_data_row}")
        sheet.add_data_validation(validation)

    quoted = "'" + GUIDE_SHEET_TITLE.replace("'", "''") + "'"
    add_list(COL_GENDER, '"' + ",".join(vi_label(gender.label) for gender in Gender) + '"')
    add_list(COL_CATEGORY, f"{quoted}!$A${category_first}:$A${category_last}")
    if awards:
        add_list(COL_AWARD, f"{quoted}!$A${award_first}:$A${award_last}")

    return workbook_bytes(workbook)
