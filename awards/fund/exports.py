"""The fund's files: a decision's payment list (bảng kê chi tiền thưởng) and a fund's yearly report, each as a
PDF/A (``core.pdf.render_pdf``) and an Excel workbook. In the workbooks names and texts are text cells a
spreadsheet will not run (a name typed "=HYPERLINK(…)" stays text); amounts are numbers."""

from __future__ import annotations

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from awards.core.pdf import Metadata, render_pdf
from awards.fund.ledger import Figures
from awards.fund.selectors import PaymentList, YearReport
from awards.fund.words import amount_words
from awards.record.history.report import safe_cell
from units.sheets import workbook_bytes

PAYMENT_HEADER = ("STT", "Họ tên / tập thể", "Đơn vị", "Số tiền (đồng)", "Bằng chữ", "Ký nhận")
MONEY = "#,##0"
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def unit_column(line) -> str:
    return line.detail or line.receiving_unit.name


def payment_rows(plist: PaymentList) -> list[dict]:
    """The list's rows in order: a unit's heading, its lines numbered on, its subtotal (when it has more than one
    line); the grand total last."""
    rows: list[dict] = []
    number = 0
    for group in plist.groups:
        rows.append({"kind": "unit", "text": group.unit.name})
        for line in group.lines:
            number += 1
            rows.append({"kind": "line", "stt": number, "name": line.recipient_name, "unit": unit_column(line),
                         "amount": int(line.amount), "words": amount_words(line.amount)})
        if len(group.lines) > 1:
            rows.append({"kind": "subtotal", "text": f"Cộng {group.unit.name}", "amount": int(group.total),
                         "words": amount_words(group.total)})
    rows.append({"kind": "total", "text": "Tổng cộng", "amount": int(plist.total), "words": amount_words(plist.total)})
    return rows


def payment_title(plist: PaymentList) -> tuple[str, str]:
    """The title and the line under it: "Kèm theo Quyết định số 01/QĐ-UBND ngày 06/02/2021 của Chủ tịch UBND
    tỉnh Lạng Sơn về việc tặng Bằng khen …"."""
    decision = plist.decision
    about = decision.subject.strip()
    if about:
        about = about[0].lower() + about[1:]
        about = " " + (about if about.startswith("về việc") else f"về việc {about}")
    return ("BẢNG KÊ CHI TIỀN THƯỞNG", f"Kèm theo Quyết định số {decision.code} ngày "
            f"{decision.decided_on:%d/%m/%Y} của {decision.body.head_title}{about}")


def _metadata(plist: PaymentList) -> Metadata:
    decision = plist.decision
    return Metadata(title=f"Bảng kê chi tiền thưởng - Quyết định số {decision.code}", author=decision.body.head_title,
                    subject=f"Chi tiền thưởng theo Quyết định số {decision.code} ngày "
                            f"{decision.decided_on:%d/%m/%Y}", keywords=(decision.code,),
                    created=decision.decided_on)


def payment_list_pdf(plist: PaymentList) -> bytes:
    title, subtitle = payment_title(plist)
    decision = plist.decision
    return render_pdf("pdf/fund_payment_list.html", {
        "plist": plist, "decision": decision, "title": title, "subtitle": subtitle, "rows": payment_rows(plist),
        "header": PAYMENT_HEADER, "fund_name": decision.fund_name,
        "place_date": f"{decision.place}, ngày ...... tháng ...... năm ......",
        "total_words": amount_words(plist.total)}, _metadata(plist))


def _style_header(sheet, row: int, columns: int) -> None:
    for column in range(1, columns + 1):
        cell = sheet.cell(row=row, column=column)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = BOX


def payment_list_xlsx(plist: PaymentList) -> bytes:
    title, subtitle = payment_title(plist)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Bảng kê"
    sheet.append([safe_cell(title)])
    sheet.append([safe_cell(subtitle)])
    sheet.append([safe_cell(f"Nguồn chi: {plist.decision.fund_name}")])
    for row in (1, 2, 3):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
        sheet.cell(row=row, column=1).alignment = Alignment(horizontal="center", wrap_text=True)
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    sheet.append(list(PAYMENT_HEADER))
    _style_header(sheet, 5, 6)
    for item in payment_rows(plist):
        if item["kind"] == "line":
            sheet.append([item["stt"], safe_cell(item["name"]), safe_cell(item["unit"]), item["amount"],
                          safe_cell(item["words"]), None])
        elif item["kind"] == "unit":
            sheet.append([None, safe_cell(item["text"])])
        else:
            sheet.append([None, safe_cell(item["text"]), None, item["amount"], safe_cell(item["words"]), None])
        row = sheet.max_row
        for column in range(1, 7):
            cell = sheet.cell(row=row, column=column)
            cell.border = BOX
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            if item["kind"] != "line":
                cell.font = Font(bold=True)
        sheet.cell(row=row, column=4).number_format = MONEY
        if item["kind"] == "unit":
            sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=6)
    for column, width in zip("ABCDEF", (6, 30, 34, 16, 48, 14), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.print_options.gridLines = False
    sheet.page_setup.orientation = "landscape"
    sheet.print_title_rows = "5:5"
    return _save(workbook)


def _save(workbook: Workbook) -> bytes:
    return workbook_bytes(workbook)  # text read as a formula (= + - @ first) is written as text


# --- the year's report ------------------------------------------------------------------------------

def figure_rows(figures: Figures) -> list[tuple[str, int]]:
    return [
        ("Số dư đầu năm", int(figures.opening)),
        ("Dự toán được giao", int(figures.estimate)),
        ("Bổ sung", int(figures.supplement)),
        ("Thu hồi tiền thưởng về quỹ", int(figures.recovered)),
        ("Cam kết chi theo quyết định", int(figures.committed)),
        ("Đã chi tiền thưởng", int(figures.paid)),
        ("Chi tổ chức, chỉ đạo phong trào thi đua", int(figures.campaign)),
        ("Còn phải chi theo quyết định", int(figures.due)),
        ("Số dư quỹ", int(figures.balance)),
        ("Số dư sau khi chi hết các quyết định", int(figures.available)),
    ]


BREAKDOWN_HEADER = ("STT", "", "Số lượt", "Cam kết (đồng)", "Đã chi (đồng)", "Còn phải chi (đồng)",
                    "Đã chi phải thu hồi (đồng)")
YEARS_HEADER = ("Năm", "Số dư đầu năm", "Kinh phí được giao", "Đã chi tiền thưởng", "Chi tổ chức phong trào",
                "Thu hồi về quỹ", "Số dư cuối kỳ", "Còn phải chi")


def report_title(report: YearReport) -> str:
    return f"BÁO CÁO QUỸ THI ĐUA, KHEN THƯỞNG NĂM {report.fund.year}"


def report_metadata(report: YearReport) -> Metadata:
    fund = report.fund
    return Metadata(title=f"Báo cáo quỹ thi đua, khen thưởng năm {fund.year} - {fund.body.fund_name}",
                    author=fund.body.head_title, subject=f"{fund.body.fund_name} năm {fund.year}",
                    keywords=(f"Năm {fund.year}",), created=report.on or timezone.localdate())


def report_pdf(report: YearReport) -> bytes:
    return render_pdf("pdf/fund_report.html", {
        "report": report, "title": report_title(report),
        "figures": [(label, amount, amount_words(amount) if amount >= 0 else "")
                    for label, amount in figure_rows(report.figures)],
        "breakdown_header": BREAKDOWN_HEADER, "years_header": YEARS_HEADER,
        "on": report.on or timezone.localdate()}, report_metadata(report))


def _breakdown_sheet(workbook: Workbook, title: str, label: str, rows) -> None:
    sheet = workbook.create_sheet(title)
    header = list(BREAKDOWN_HEADER)
    header[1] = label
    sheet.append(header)
    _style_header(sheet, 1, len(header))
    for number, row in enumerate(rows, start=1):
        sheet.append([number, safe_cell(row.label), row.count, int(row.committed), int(row.paid), int(row.due),
                      int(row.revoked_paid)])
    _money_columns(sheet, "DEFG")
    sheet.column_dimensions["B"].width = 48


def _money_columns(sheet, letters: str) -> None:
    for letter in letters:
        sheet.column_dimensions[letter].width = 18
        for cell in sheet[letter][1:]:
            cell.number_format = MONEY


def report_xlsx(report: YearReport) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tổng hợp"
    fund = report.fund
    sheet.append([safe_cell(report_title(report))])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([safe_cell(fund.body.fund_name)])
    sheet.append([safe_cell(f"Số liệu đến ngày {(report.on or timezone.localdate()):%d/%m/%Y}")])
    sheet.append([])
    sheet.append(["Chỉ tiêu", "Số tiền (đồng)", "Bằng chữ"])
    _style_header(sheet, 5, 3)
    for label, amount in figure_rows(report.figures):
        sheet.append([safe_cell(label), amount, safe_cell(amount_words(amount) if amount >= 0 else "")])
        sheet.cell(row=sheet.max_row, column=2).number_format = MONEY
    sheet.column_dimensions["A"].width = 44
    sheet.column_dimensions["B"].width = 20
    sheet.column_dimensions["C"].width = 70
    _breakdown_sheet(workbook, "Theo danh hiệu", "Danh hiệu thi đua, hình thức khen thưởng", report.by_award_type)
    _breakdown_sheet(workbook, "Theo đơn vị nhận", "Đơn vị nhận", report.by_unit)
    years = workbook.create_sheet("Qua các năm")
    years.append(list(YEARS_HEADER))
    _style_header(years, 1, len(YEARS_HEADER))
    for row in report.years:
        f = row.figures
        years.append([row.year, int(f.opening), int(f.allocated), int(f.paid), int(f.campaign), int(f.recovered),
                      int(f.balance), int(f.due)])
    _money_columns(years, "BCDEFGH")
    for column in range(1, len(YEARS_HEADER) + 1):
        years.column_dimensions[get_column_letter(column)].width = max(
            years.column_dimensions[get_column_letter(column)].width or 0, 14)
    return _save(workbook)
