"""Paying the bonuses of a decision: a voucher (phiếu chi, ủy nhiệm chi) pays some of its lines, wholly or in part.

Refused with the reason: a voucher number already recorded in the fund (two people recording the same voucher at
once: the unique number lets one through), an amount above what is still due on a line, a line of a revoked
decision, a date outside the fund's year or before the decision. Each line is paid by a conditional UPDATE
(``paid + amount <= amount`` and the line still payable), so two payments of one line at the same moment cannot
both pass: the second finds the line paid and is refused, and its voucher is rolled back with it.

A payment is corrected by ``correct_payment``: an opposite PAYMENT entry referring to it, the line's paid amount
lowered in the same transaction. Money recovered from a revoked decision's paid line is ``record_recovery``."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.fund.ledger import FundError, _whole
from awards.models import EntryKind, Fund, FundEntry, FundLine, LineStatus, PaymentVoucher
from units.models import User
from units.text import nfc

PAYABLE = (LineStatus.OPEN,)


def _vnd(amount: Decimal) -> str:
    return f"{int(amount):,}".replace(",", ".") + " đồng"


def why_not_payable(line: FundLine, amount: Decimal) -> str:
    if line.status in (LineStatus.REVERSED, LineStatus.RECOVERY, LineStatus.RECOVERED):
        return _("%(name)s: quyết định %(code)s đã bị thu hồi, không chi tiền thưởng.") % {
            "name": line.recipient_name, "code": line.decision.code}
    due = line.amount - line.paid
    if due <= 0:
        return _("%(name)s: tiền thưởng đã chi đủ.") % {"name": line.recipient_name}
    if amount > due:
        return _("%(name)s: số chi %(amount)s lớn hơn số còn phải chi %(due)s.") % {
            "name": line.recipient_name, "amount": _vnd(amount), "due": _vnd(due)}
    return ""


def _document_number(number: str | None, limit: int) -> str:
    """A voucher's number as the ledger keeps it: the text normaliser's form (invisible and bidi characters dropped,
    spaces collapsed: "PC-01\u200b" is PC-01, already recorded), at most ``limit`` characters, no NUL."""
    number = nfc(number)
    if "\x00" in number:
        raise FundError(_("Số chứng từ có ký tự không hợp lệ."))
    if len(number) > limit:
        raise FundError(_("Số chứng từ dài quá %(n)s ký tự.") % {"n": limit})
    return number


@transaction.atomic
def record_payment(fund: Fund, number: str, day: datetime.date, payments: Iterable[tuple[FundLine, Decimal | None]],
                   actor: User, note: str = "") -> PaymentVoucher:
    """Record voucher ``number`` of ``day`` paying each (line, amount); amount None pays what is still due."""
    number = _document_number(number, PaymentVoucher._meta.get_field("number").max_length)
    if not number:
        raise FundError(_("Cần ghi số chứng từ chi."))
    note = nfc(note).replace("\x00", "")[:PaymentVoucher._meta.get_field("note").max_length]
    if day.year != fund.year:
        raise FundError(_("Ngày chứng từ phải thuộc năm %(year)s của quỹ.") % {"year": fund.year})
    if day > timezone.localdate():
        raise FundError(_("Ngày chứng từ %(day)s chưa đến: chỉ ghi khoản đã chi.") % {"day": f"{day:%d/%m/%Y}"})
    wanted = list(payments)
    if not wanted:
        raise FundError(_("Chọn ít nhất một người, tập thể để chi."))
    try:
        with transaction.atomic():
            voucher = PaymentVoucher.objects.create(fund=fund, number=number, day=day, note=note,
                                                    created_by=actor)
    except IntegrityError:
        earlier = PaymentVoucher.objects.filter(fund=fund, number=number).first()
        raise FundError(_("Chứng từ số %(number)s đã được ghi ngày %(day)s; không ghi lại.") % {
            "number": number, "day": f"{earlier.day:%d/%m/%Y}" if earlier else "?"}) from None
    for line, amount in wanted:
        if line.fund_id != fund.pk:
            raise FundError(_("%(name)s không thuộc quỹ này.") % {"name": line.recipient_name})
        current = FundLine.objects.select_related("decision").get(pk=line.pk)
        value = current.amount - current.paid if amount is None else _whole(amount)
        problem = why_not_payable(current, value) if value > 0 else why_not_payable(current, Decimal(1))
        if problem:
            raise FundError(problem)
        if day < current.decision.decided_on:
            raise FundError(_("Ngày chứng từ trước ngày quyết định %(code)s.") % {"code": current.decision.code})
        updated = FundLine.objects.filter(
            Q(pk=current.pk, status__in=PAYABLE) & Q(paid__lte=F("amount") - value)).update(paid=F("paid") + value)
        if updated == 0:  # paid by someone else since we read it
            current.refresh_from_db()
            raise FundError(why_not_payable(current, value) or _("%(name)s: vừa được người khác ghi chi; tải lại "
                                                                  "trang.") % {"name": current.recipient_name})
        FundLine.objects.filter(pk=current.pk, paid=F("amount")).update(status=LineStatus.PAID)
        FundEntry.objects.create(fund=fund, kind=EntryKind.PAYMENT, amount=value, day=day, line=current,
                                 voucher=voucher, document_number=number, document_date=day, created_by=actor,
                                 note=_("Chi tiền thưởng theo Quyết định số %(code)s") % {
                                     "code": current.decision.code})
    return voucher


@transaction.atomic
def correct_payment(entry: FundEntry, reason: str, actor: User) -> FundEntry:
    """Undo a payment recorded by mistake: an opposite entry referring to it; the line is payable again. Refused
    on a line flagged for recovery (the decision was revoked: the money is recovered, not un-recorded)."""
    if entry.kind != EntryKind.PAYMENT or entry.corrects_id or entry.amount <= 0:
        raise FundError(_("Bút toán này không phải một khoản chi tiền thưởng."))
    if not (reason or "").strip():
        raise FundError(_("Cần ghi lý do điều chỉnh."))
    line = FundLine.objects.select_for_update().get(pk=entry.line_id)
    if line.status not in (LineStatus.OPEN, LineStatus.PAID):
        raise FundError(_("Quyết định đã bị thu hồi: khoản đã chi được thu hồi, không điều chỉnh."))
    try:
        with transaction.atomic():
            correction = FundEntry.objects.create(
                fund_id=entry.fund_id, kind=EntryKind.PAYMENT, amount=-entry.amount, day=entry.day, line=line,
                voucher=entry.voucher, corrects=entry, document_number=entry.document_number, created_by=actor,
                note=_("Điều chỉnh: %(reason)s") % {"reason": reason.strip()})
    except IntegrityError:
        raise FundError(_("Khoản chi này đã được điều chỉnh.")) from None
    FundLine.objects.filter(pk=line.pk).update(paid=F("paid") - entry.amount, status=LineStatus.OPEN)
    return correction


@transaction.atomic
def record_recovery(line: FundLine, amount: Decimal | int | str, day: datetime.date, number: str,
                    actor: User) -> FundEntry:
    """Money of a revoked decision's paid line returned to the fund (thu hồi tiền thưởng)."""
    value = _whole(amount)
    number = _document_number(number, FundEntry._meta.get_field("document_number").max_length)
    locked = FundLine.objects.select_for_update().get(pk=line.pk)
    if locked.status != LineStatus.RECOVERY:
        raise FundError(_("%(name)s: không có tiền thưởng phải thu hồi.") % {"name": locked.recipient_name})
    left = locked.paid - locked.recovered
    if value > left:
        raise FundError(_("%(name)s: số thu hồi %(amount)s lớn hơn số phải thu hồi %(left)s.") % {
            "name": locked.recipient_name, "amount": _vnd(value), "left": _vnd(left)})
    if not (number or "").strip():
        raise FundError(_("Cần ghi số chứng từ thu."))
    locked.recovered += value
    if locked.recovered == locked.paid:
        locked.status = LineStatus.RECOVERED
    locked.save(update_fields=["recovered", "status"])
    return FundEntry.objects.create(fund_id=locked.fund_id, kind=EntryKind.RECOVERY, amount=value, day=day,
                                    line=locked, document_number=number.strip(), document_date=day,
                                    created_by=actor, note=_("Thu hồi tiền thưởng của %(name)s") % {
                                        "name": locked.recipient_name})
