"""Excel exports of the dashboard (openpyxl)."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from awards.core.sheets import workbook_bytes
from awards.enums import BodyKind
from awards.reports import base_level, selectors

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
    _base_level_sheet(book.create_sheet("Cấp cơ sở"), year, unit_id, scope_name)
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
    return workbook_bytes(book)


def _base_level_sheet(sheet, year: int, unit_id: int | None, scope_name: str) -> None:
    """Khen thưởng cấp cơ sở: per kind of issuing body, then one row per body (its decisions and awards)."""
    sheet.append([f"KHEN THƯỞNG CẤP CƠ SỞ NĂM {year}" + (f" - {scope_name}" if scope_name else "")])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    sheet.append(["Cơ quan ban hành", "Số cơ quan", "Tập thể", "Cá nhân", "Hộ gia đình", "Tổng"])
    header = sheet.max_row
    rows = base_level.by_issuing_body_kind(year, unit_id)
    for row in rows:
        sheet.append([row.label, None if row.kind == base_level.NO_BODY else row.bodies,
                      row.counts.get("tap_the", 0), row.counts.get("ca_nhan", 0), row.counts.get("ho_gia_dinh", 0),
                      row.total])
    sheet.append(["Cộng cấp cơ sở", sum(r.bodies for r in rows), None, None, None, sum(r.total for r in rows)])
    bold = [header, sheet.max_row]
    sheet.append([])
    sheet.append(["Cơ quan ban hành", "Loại cơ quan", "Số quyết định", "Tập thể", "Cá nhân", "Hộ gia đình", "Tổng"])
    bold.append(sheet.max_row)
    for body in base_level.bodies_in(year, None, unit_id):
        sheet.append([body["body__head_title"], str(BodyKind(body["body__kind"]).label), body["decisions"],
                      body["collectives"], body["individuals"], body["households"], body["n"]])
    for number in bold:
        for cell in sheet[number]:
            cell.font = BOLD
    for column, width in zip("ABCDEFG", (52, 30, 14, 10, 10, 12, 10), strict=True):
        sheet.column_dimensions[column].width = width
