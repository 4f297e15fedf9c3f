"""Importing the bank's (or the treasury's) statement of paid bonuses: an .xlsx or .csv table with one row per paid
line (số chứng từ, ngày, người nhận, số tiền; optionally the decision's number and a note). Each row is matched to
a line of the fund by recipient (exact name first, then without accents) and, when given, the decision; the rows of
one voucher are recorded as one payment through ``payments.record_payment`` with its rules (no more than what is
due, never a line of a revoked decision, never a voucher already recorded). All or nothing: any problem, by row and
column in Vietnamese, and nothing is written. A cell written as a formula (=, +, -, @) is refused, never evaluated."""

from __future__ import annotations

import copy
import csv
import datetime
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from awards.core import sheets
from awards.core.sheets import ImportError, Refused
from awards.fund.ledger import FundError
from awards.fund.payments import PAYABLE, record_payment, why_not_payable
from awards.models import Fund, FundLine, PaymentVoucher
from units.models import User
from units.text import fold, nfc

HEADERS = {
    "voucher": ("so chung tu", "chung tu", "so ct", "so phieu chi", "so uy nhiem chi", "so giao dich"),
    "day": ("ngay", "ngay chung tu", "ngay chi", "ngay giao dich", "ngay hach toan"),
    "name": ("nguoi nhan", "ho ten", "ho ten/tap the", "ho va ten", "ten nguoi nhan", "nguoi thu huong"),
    "amount": ("so tien", "so tien (dong)", "so tien chi", "so tien (vnd)", "so tien chi (dong)"),
    "decision": ("quyet dinh", "so quyet dinh", "so, ky hieu quyet dinh"),
    "note": ("noi dung", "ghi chu", "dien giai"),
}
LABELS = {"voucher": "Số chứng từ", "day": "Ngày", "name": "Người nhận", "amount": "Số tiền",
          "decision": "Quyết định", "note": "Ghi chú"}
REQUIRED = ("voucher", "day", "name", "amount")
KEYS = {key: column for column, keys in HEADERS.items() for key in keys}
MONEY = re.compile(r"^\d{1,3}(?:[.,\s]\d{3})+$|^\d+$")
VOUCHER_MAX = PaymentVoucher._meta.get_field("number").max_length
MSG_CSV = "Tệp CSV phải được lưu với mã UTF-8."
MSG_NOT_TABLE = "Tệp không phải bảng tính Excel (.xlsx) hoặc tệp CSV."


@dataclass
class StatementRow:
    row: int
    voucher: str
    day: datetime.date | None
    name: str
    amount: Decimal | None
    decision: str
    note: str


@dataclass
class BankReport(sheets.ErrorsReport):
    errors: list[ImportError] = field(default_factory=list)
    vouchers: list[tuple[str, int, Decimal]] = field(default_factory=list)  # (number, lines, total)

    @property
    def total(self) -> Decimal:
        return sum((total for _n, _c, total in self.vouchers), Decimal(0))


# ------------------------------------------------------------------------------------------------ reading


def _csv_rows(data: bytes) -> list[sheets.Row]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Refused(MSG_CSV) from None
    if "\x00" in text:
        raise Refused(MSG_NOT_TABLE)
    first = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first.count) if any(c in first for c in ";,\t") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = []
    for number, values in enumerate(reader, start=1):
        if number > sheets.MAX_DATA_ROWS + sheets.HEADER_SEARCH_ROWS:
            raise Refused(sheets.MSG_TOO_MANY_ROWS)
        rows.append((number, tuple(values[:sheets.MAX_COLUMNS])))
    return rows


def _xlsx_rows(data: bytes) -> list[sheets.Row]:
    sheets.check_zip(data)
    rows = []
    with sheets.first_sheet_rows(data, data_only=False, not_xlsx=MSG_NOT_TABLE) as numbered:
        for number, values in numbered:
            if number > sheets.MAX_DATA_ROWS + sheets.HEADER_SEARCH_ROWS:
                raise Refused(sheets.MSG_TOO_MANY_ROWS)
            rows.append((number, values))
    return rows


def _amount(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(int(value)) if value.is_integer() else None
    text = re.sub(r"\s*(đồng|đ|vnd|vnđ)\s*$", "", nfc(str(value)).strip(), flags=re.IGNORECASE)
    if not MONEY.match(text):
        return None
    return Decimal(re.sub(r"[.,\s]", "", text))


def _date(value: Any) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = sheets.cell_text(value)
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def read_statement(data: bytes) -> tuple[list[StatementRow], list[ImportError]]:
    """The statement's rows and the problems of their cells (by Excel or CSV row and column)."""
    rows = _xlsx_rows(data) if data.startswith(b"PK") else _csv_rows(data)
    found = sheets.find_header(rows[:sheets.HEADER_SEARCH_ROWS], KEYS)
    if found is None or any(column not in found[1] for column in REQUIRED):
        missing = [LABELS[c] for c in REQUIRED if found is None or c not in found[1]]
        raise Refused(_("Không tìm thấy dòng tiêu đề có các cột: %(cols)s.") % {"cols": ", ".join(missing)})
    header_row, columns = found
    index = {column: indexes[0] for column, indexes in columns.items()}
    out: list[StatementRow] = []
    errors: list[ImportError] = []
    for number, values in rows:
        if number <= header_row or all(sheets.is_blank(v) for v in values):
            continue
        cells = {column: (values[i] if i < len(values) else None) for column, i in index.items()}
        problems = sheets.formula_errors(number, values, {LABELS[c]: i for c, i in index.items()})
        if problems:
            errors += problems
            continue
        row = StatementRow(number, " ".join(sheets.cell_text(cells["voucher"]).split()), _date(cells["day"]),
                           " ".join(sheets.cell_text(cells["name"]).split()), _amount(cells["amount"]),
                           sheets.cell_text(cells.get("decision")), sheets.cell_text(cells.get("note")))
        for column, bad in (("voucher", not row.voucher), ("name", not row.name)):
            if bad:
                errors.append(ImportError(number, LABELS[column], _("Ô trống.")))
        if len(row.voucher) > VOUCHER_MAX:
            errors.append(ImportError(number, LABELS["voucher"], _("Số chứng từ dài quá %(n)s ký tự.") % {
                "n": VOUCHER_MAX}))
            row.voucher = ""  # never matched nor written
        if row.day is None:
            errors.append(ImportError(number, LABELS["day"], _("Ngày không đọc được: \"%(v)s\" (ghi dd/mm/yyyy).") % {
                "v": sheets.shown(cells["day"])}))
        if row.amount is None or row.amount <= 0:
            errors.append(ImportError(number, LABELS["amount"], _(
                "Số tiền không hợp lệ: \"%(v)s\" (số đồng, không lẻ, lớn hơn 0).") % {
                "v": sheets.shown(cells["amount"])}))
        out.append(row)
    if not out and not errors:
        raise Refused(sheets.MSG_EMPTY)
    return out, errors


# ------------------------------------------------------------------------------------------------ matching


def _candidates(lines: list[FundLine], row: StatementRow) -> list[FundLine]:
    exact = [line for line in lines if nfc(line.recipient_name).casefold() == nfc(row.name).casefold()]
    found = exact or [line for line in lines if fold(line.recipient_name) == fold(row.name)]
    if row.decision:
        found = [line for line in found if fold(line.decision.code) == fold(row.decision)
                 or fold(line.decision.code).split("/")[0] == fold(row.decision)]
    return found


def _match(lines: list[FundLine], row: StatementRow, planned: dict[int, Decimal]) -> tuple[FundLine | None, str]:
    candidates = _candidates(lines, row)
    if not candidates:
        return None, _("Không có \"%(name)s\"%(dec)s trong các khoản thưởng của quỹ.") % {
            "name": row.name, "dec": _(" theo quyết định %(d)s") % {"d": row.decision} if row.decision else ""}
    payable = [line for line in candidates if line.status in PAYABLE
               and line.amount - line.paid - planned[line.pk] >= row.amount]
    if len(payable) > 1:
        exact = [line for line in payable if line.amount - line.paid - planned[line.pk] == row.amount]
        payable = exact if len(exact) == 1 else payable
    if len(payable) == 1:
        return payable[0], ""
    if len(payable) > 1:
        return None, _("\"%(name)s\" có %(n)s khoản thưởng còn phải chi; ghi số quyết định ở cột \"Quyết định\".") % {
            "name": row.name, "n": len(payable)}
    line = copy.copy(candidates[0])
    line.paid += planned[line.pk]  # what this file already pays on it, for the message
    return None, why_not_payable(line, row.amount) or _("%(name)s: không chi được.") % {"name": row.name}


def import_statement(fund: Fund, data: bytes, actor: User, source_name: str = "") -> BankReport:
    """Record the statement's payments in ``fund``, all or nothing."""
    report = BankReport()
    try:
        rows, report.errors = read_statement(data)
    except Refused as refused:
        report.errors = [ImportError(0, "", refused.message)]
        return report
    lines = list(FundLine.objects.filter(fund=fund).select_related("decision"))
    planned: dict[int, Decimal] = defaultdict(Decimal)
    vouchers: dict[str, list[tuple[StatementRow, FundLine]]] = defaultdict(list)
    known = dict(PaymentVoucher.objects.filter(fund=fund).values_list("number", "day"))
    for row in rows:
        if row.day is None or row.amount is None or row.amount <= 0 or not row.name or not row.voucher:
            continue
        if row.day.year != fund.year:
            report.errors.append(ImportError(row.row, LABELS["day"], _(
                "Ngày chứng từ phải thuộc năm %(year)s của quỹ.") % {"year": fund.year}))
            continue
        if row.voucher in known:
            report.errors.append(ImportError(row.row, LABELS["voucher"], _(
                "Chứng từ số %(number)s đã được ghi ngày %(day)s; không ghi lại.") % {
                "number": row.voucher, "day": f"{known[row.voucher]:%d/%m/%Y}"}))
            continue
        first = vouchers[row.voucher][0][0] if vouchers[row.voucher] else None
        if first is not None and first.day != row.day:
            report.errors.append(ImportError(row.row, LABELS["day"], _(
                "Chứng từ số %(number)s đã ghi ngày %(day)s ở dòng %(row)s.") % {
                "number": row.voucher, "day": f"{first.day:%d/%m/%Y}", "row": first.row}))
            continue
        line, problem = _match(lines, row, planned)
        if line is None:
            report.errors.append(ImportError(row.row, LABELS["name"], problem))
            continue
        if row.day < line.decision.decided_on:
            report.errors.append(ImportError(row.row, LABELS["day"], _(
                "Ngày chứng từ trước ngày quyết định %(code)s.") % {"code": line.decision.code}))
            continue
        planned[line.pk] += row.amount
        vouchers[row.voucher].append((row, line))
    if report.errors:
        return report
    note = _("Nhập từ sao kê ngân hàng %(name)s") % {"name": source_name} if source_name else _(
        "Nhập từ sao kê ngân hàng")
    try:
        with transaction.atomic():
            for number, paid in vouchers.items():
                record_payment(fund, number, paid[0][0].day, [(line, row.amount) for row, line in paid], actor,
                               note=note[:300])
                report.vouchers.append((number, len(paid), sum((row.amount for row, _l in paid), Decimal(0))))
    except FundError as error:  # someone recorded a voucher or a payment meanwhile: nothing of the file is kept
        report.vouchers = []
        report.errors = [ImportError(0, "", str(error))]
    return report
