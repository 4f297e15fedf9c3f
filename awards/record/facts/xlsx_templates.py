"""The empty Excel templates of a unit's yearly facts: "Xếp loại hằng năm" (with the persons of its directory
suggested in a drop-down list) and "Số liệu tập thể", each with a guide sheet."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation

from awards.core.sheets import vi_label, workbook_bytes
from awards.models.record import Rating
from awards.record.facts.columns import FIGURE_COLUMNS, RATING_COLUMNS, RATINGS
from awards.record.tables import EXAMPLE_MARK, GUIDE_SHEET_TITLE, template_sheet
from units.models import Person, Unit
from units.text import nfc, vietnamese_sort_key

_TEMPLATE_ROWS = 1000


def _guide(workbook: Workbook, lines: list[str]) -> Any:
    guide = workbook.create_sheet(GUIDE_SHEET_TITLE)
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
    return workbook_bytes(workbook)


def build_ratings_template(unit: Unit) -> bytes:
    """Họ và tên | Năm | Xếp loại for ``unit``; the guide sheet lists the persons of its directory."""
    year = timezone.localdate().year - 1
    workbook = Workbook()
    sheet = template_sheet(workbook, "Xếp loại hằng năm", f"XẾP LOẠI HẰNG NĂM - {nfc(unit.name).upper()}",
                           RATING_COLUMNS, [36, 12, 36], [
                               (f"{EXAMPLE_MARK} Nguyễn Văn An", year, vi_label(Rating.EXCELLENT.label)),
                               (f"{EXAMPLE_MARK} Nguyễn Văn An", year - 1, "HTTNV")])
    last = 2 + _TEMPLATE_ROWS
    _suggest(sheet, '"' + ",".join(vi_label(r.label) for r in Rating) + '"', f"C3:C{last}")
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
        _suggest(sheet, f"'{GUIDE_SHEET_TITLE}'!$A${first}:$A${end}", f"A3:A{last}")
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
