"""Excel exports of the dashboard (openpyxl)."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from awards.reports import selectors

BOLD = Font(bold=True)


def dashboard_workbook(year: int, unit_id: int | None = None, scope_name: str = "") -> bytes:
    lines = selectors.award_lines(year, unit_id)
    previous = {line.key: line.total for line in selectors.award_lines(year - 1, unit_id)}
    book = Workbook()
    sheet = book.active
    sheet.title = "Tổng hợp"
    sheet.append([f"BẢNG TỔNG HỢP KHEN THƯỞNG NĂM {year}" + (f" - {scope_name}" if scope_name else "")])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([selectors.summary_paragraph(lines)])
    sheet["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells("A2:G2")
    sheet.row_dimensions[2].height = 60
    sheet.append([])
    sheet.append(["Cấp khen thưởng", "Danh hiệu, hình thức", "Tập thể", "Cá nhân", "Hộ gia đình", "Tổng",
                  f"Năm {year - 1}"])
    for cell in sheet[4]:
        cell.font = BOLD
    for level_label, items, _subtotal in selectors.by_level(lines):
        for line in items:
            sheet.append([level_label, line.label, line.counts.get("tap_the", 0), line.counts.get("ca_nhan", 0),
                          line.counts.get("ho_gia_dinh", 0), line.total, previous.get(line.key, 0)])
    sheet.append(["", "Tổng cộng", None, None, None, sum(line.total for line in lines), sum(previous.values())])
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    for column, width in zip("ABCDEFG", (34, 48, 10, 10, 12, 10, 12), strict=True):
        sheet.column_dimensions[column].width = width
    kinds = book.create_sheet("Theo đối tượng")
    kinds.append(["Đối tượng", "Số lượng"])
    for label, n in selectors.by_kind(year, unit_id):
        kinds.append([label, n])
    occasions = book.create_sheet("Theo loại hình")
    occasions.append(["Loại hình khen thưởng", "Số lượng"])
    for _code, label, n in selectors.by_occasion(year, unit_id):
        occasions.append([label, n])
    trend = book.create_sheet("Mười năm")
    trend.append(["Năm", "Tập thể", "Cá nhân", "Hộ gia đình", "Tổng"])
    for y, c, i, h in selectors.trend(year, unit_id):
        trend.append([y, c, i, h, c + i + h])
    for extra in (kinds, occasions, trend):
        for cell in extra[1]:
            cell.font = BOLD
        extra.column_dimensions["A"].width = 30
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
