"""The layout every statistics form shares, as an openpyxl sheet: the form's number and circular on the left,
the box "Đơn vị báo cáo / Đơn vị nhận báo cáo / Thời điểm báo cáo" on the right, the title and year, a note when
the 2023 form carries an earlier year's figures, the table with its multi-level header and column numbers, and
the place-date line over "Người lập biểu / Thủ trưởng đơn vị".

Fixed rows, so that a reader (and the tests) finds each part in the same cell: 1-3 header, 5 title, 6 year,
7 note, 8 unit of measure, 9 the table's header; the signature block two rows under the table."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from awards.reports.form_regimes import FormChoice
from units.sheets import workbook_bytes

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FONT = "Times New Roman"
TITLE_ROW, YEAR_ROW, NOTE_ROW, UNIT_ROW, TABLE_ROW = 5, 6, 7, 8, 9
RECEIVER = "Bộ Nội vụ"


@dataclass(frozen=True)
class Head:
    """One cell of the table's header: its row within the header (0-based), first column (0-based), spans."""

    row: int
    col: int
    text: str
    rows: int = 1
    cols: int = 1


@dataclass
class FormLayout:
    choice: FormChoice
    title: str
    heads: list[Head]
    numbers: list[Head]  # the row of column numbers (A, B, C, 1, 2...), row index ignored
    rows: list[list]  # data rows, ``width`` cells each; a row whose code (column B) is "" is a heading
    widths: list[float]
    unit_note: str = ""
    received: str = "Ngày nhận báo cáo: ngày 15 tháng 12 năm báo cáo"
    landscape: bool = False

    @property
    def width(self) -> int:
        return len(self.widths)

    @property
    def head_rows(self) -> int:
        return max(head.row + head.rows for head in self.heads)


def reporting_unit() -> str:
    return f"UBND tỉnh {settings.PROVINCE_NAME}"


def right_box_column(widths: list[float]) -> int:
    """The first column (1-based) of the right-hand box: the box takes the last columns, up to 45 % of the width
    of the table, and leaves column A to the form's number."""
    total, taken = sum(widths), 0.0
    for index in range(len(widths) - 1, 0, -1):
        if taken + widths[index] > 0.45 * total:
            return index + 2
        taken += widths[index]
    return 2


def _put(sheet: Worksheet, row: int, col: int, text, *, rows: int = 1, cols: int = 1, bold: bool = False,
         italic: bool = False, size: int = 12, align: str = "center", border: bool = False) -> None:
    cell = sheet.cell(row=row, column=col, value=text)
    cell.font = Font(name=FONT, bold=bold, italic=italic, size=size)
    cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=True)
    if rows > 1 or cols > 1:
        sheet.merge_cells(start_row=row, start_column=col, end_row=row + rows - 1, end_column=col + cols - 1)
    if border:
        for r in range(row, row + rows):
            for c in range(col, col + cols):
                sheet.cell(row=r, column=c).border = BOX


def _lines(text, width: float) -> int:
    """How many lines a wrapped text takes in a column ``width`` wide (Times New Roman 11: about 1.2 characters a
    unit of width); LibreOffice and Excel do not grow a row for wrapped text in merged cells, so heights are set."""
    return max(1, -(-len(str(text or "")) // max(1, int(width * 1.2))))


def workbook(layout: FormLayout) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = layout.choice.form
    width, right = layout.width, right_box_column(layout.widths)
    left_cols, right_cols = right - 1, width - right + 1
    form_line, circular_line = layout.choice.header_lines()
    for row, (left, box) in enumerate([
        (form_line, f"Đơn vị báo cáo: {reporting_unit()}"),
        (circular_line, f"Đơn vị nhận báo cáo: {RECEIVER}"),
        (layout.received, f"Thời điểm báo cáo: năm {layout.choice.year}"),
    ], start=1):
        _put(sheet, row, 1, left, cols=left_cols, bold=row == 1, align="left", size=11)
        _put(sheet, row, right, box, cols=right_cols, bold=row < 3, align="left", size=11)
    _put(sheet, TITLE_ROW, 1, layout.title, cols=width, bold=True, size=13)
    _put(sheet, YEAR_ROW, 1, f"Năm {layout.choice.year}", cols=width, italic=True)
    _put(sheet, NOTE_ROW, 1, layout.choice.note() or None, cols=width, italic=True, size=11)
    _put(sheet, UNIT_ROW, 1, layout.unit_note or None, cols=width, italic=True, align="right", size=11)
    sheet.row_dimensions[TITLE_ROW].height = 36 if len(layout.title) > 60 else 20
    sheet.row_dimensions[NOTE_ROW].height = 30 if layout.choice.note() else 8

    for head in layout.heads:
        _put(sheet, TABLE_ROW + head.row, head.col + 1, head.text, rows=head.rows, cols=head.cols, bold=True,
             size=11, border=True)
    for index in range(layout.head_rows):
        lines = [_lines(head.text, sum(layout.widths[head.col:head.col + head.cols])) for head in layout.heads
                 if head.row == index and head.rows == 1]
        sheet.row_dimensions[TABLE_ROW + index].height = 15 * max(lines, default=1) + 2
    numbers_row = TABLE_ROW + layout.head_rows
    for head in layout.numbers:
        _put(sheet, numbers_row, head.col + 1, head.text, cols=head.cols, bold=True, size=11, border=True)
    for offset, values in enumerate(layout.rows, start=1):
        heading = values[1] == ""
        sheet.row_dimensions[numbers_row + offset].height = 15 * _lines(values[0], layout.widths[0]) + 2
        for col, value in enumerate(values, start=1):
            _put(sheet, numbers_row + offset, col, value, bold=heading or offset == 1, size=11, border=True,
                 align="left" if col == 1 else "center")
    last = numbers_row + len(layout.rows)

    sign = last + 2
    _put(sheet, sign, right, f"{settings.PROVINCE_NAME}, ngày ..... tháng ..... năm ......", cols=right_cols,
         italic=True, size=11)
    _put(sheet, sign + 1, 1, "NGƯỜI LẬP BIỂU", cols=left_cols, bold=True)
    _put(sheet, sign + 1, right, "THỦ TRƯỞNG ĐƠN VỊ", cols=right_cols, bold=True)
    _put(sheet, sign + 2, 1, "(Ký, họ tên)", cols=left_cols, italic=True, size=11)
    _put(sheet, sign + 2, right, "(Ký, họ tên, đóng dấu)", cols=right_cols, italic=True, size=11)

    for index, value in enumerate(layout.widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = value
    sheet.page_setup.orientation = "landscape" if layout.landscape else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    return workbook_bytes(book)


def simple_heads(labels: list[str]) -> tuple[list[Head], list[Head]]:
    """A one-row header and its numbers for a form whose columns are not grouped: the first three columns are
    lettered (A, B, C), the rest numbered from 1."""
    heads = [Head(0, index, label) for index, label in enumerate(labels)]
    marks = ["A", "B", "C"]
    numbers = [Head(0, index, marks[index] if index < len(marks) else str(index - len(marks) + 1))
               for index in range(len(labels))]
    return heads, numbers
