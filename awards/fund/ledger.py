"""A fund's ledger: the fund of a body and a year, its allocations and spending, corrections, the limits of the law
in force, and its figures on any day.

The figures are sums of the entries up to the day (the ledger is append-only, so a day's figures never change
afterwards, except by a later-dated correction):

* balance = opening + allocations (dự toán, bổ sung) + money recovered − bonuses paid − campaign spending;
* committed = commitments − reversals (a revoked decision leaves committed only what had been paid);
* due = committed − paid; available = balance − due (what is left once every published bonus is paid)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from awards.fund.words import amount_words
from awards.models import ALLOCATIONS, CASH_IN, CASH_OUT, EntryKind, Fund, FundEntry, FundRule, IssuingBody
from units.models import User

ZERO = Decimal(0)


class FundError(Exception):
    """A fund action that cannot be done; the message says why."""


class NeedsConfirmation(FundError):
    """Allowed only once the user confirms: the message gives the limit and the figures."""


def fund_for(body: IssuingBody, year: int) -> Fund:
    """The body's fund of the year, made on first use (opening balance 0); safe under concurrent first uses."""
    fund = Fund.objects.filter(body=body, year=year).first()
    if fund is not None:
        return fund
    try:
        with transaction.atomic():
            return Fund.objects.create(body=body, year=year)
    except IntegrityError:
        return Fund.objects.get(body=body, year=year)


def rule_on(day: datetime.date) -> FundRule | None:
    """The rule in force on ``day`` (the latest that started on or before it)."""
    return FundRule.objects.active_on(day).order_by("-valid_from").first()


@dataclass(frozen=True)
class Figures:
    opening: Decimal
    estimate: Decimal
    supplement: Decimal
    committed: Decimal
    paid: Decimal
    recovered: Decimal
    campaign: Decimal

    @property
    def allocated(self) -> Decimal:
        return self.estimate + self.supplement

    @property
    def balance(self) -> Decimal:
        return self.opening + self.allocated + self.recovered - self.paid - self.campaign

    @property
    def due(self) -> Decimal:
        return self.committed - self.paid

    @property
    def available(self) -> Decimal:
        return self.balance - self.due


def sums_by_kind(fund: Fund, on: datetime.date | None = None) -> dict[str, Decimal]:
    entries = FundEntry.objects.filter(fund=fund)
    if on is not None:
        entries = entries.filter(day__lte=on)
    rows = entries.values("kind").annotate(total=Sum("amount")).order_by()
    return {row["kind"]: row["total"] or ZERO for row in rows}


def figures(fund: Fund, on: datetime.date | None = None) -> Figures:
    """The fund's figures counting the entries dated up to ``on`` (all of them when None)."""
    return _figures(fund, sums_by_kind(fund, on))


def figures_of(funds: list[Fund]) -> dict[int, Figures]:
    """The figures of several funds (all their entries) in one query, whatever the number of funds: fund id ->
    figures."""
    sums: dict[int, dict[str, Decimal]] = {fund.pk: {} for fund in funds}
    rows = (FundEntry.objects.filter(fund__in=[fund.pk for fund in funds]).values("fund_id", "kind")
            .annotate(total=Sum("amount")).order_by())
    for row in rows:
        sums[row["fund_id"]][row["kind"]] = row["total"] or ZERO
    return {fund.pk: _figures(fund, sums[fund.pk]) for fund in funds}


def _figures(fund: Fund, sums: dict[str, Decimal]) -> Figures:
    return Figures(
        opening=fund.opening_balance, estimate=sums.get(EntryKind.ESTIMATE, ZERO),
        supplement=sums.get(EntryKind.SUPPLEMENT, ZERO),
        committed=sums.get(EntryKind.COMMITMENT, ZERO) - sums.get(EntryKind.REVERSAL, ZERO),
        paid=sums.get(EntryKind.PAYMENT, ZERO), recovered=sums.get(EntryKind.RECOVERY, ZERO),
        campaign=sums.get(EntryKind.CAMPAIGN, ZERO),
    )


def percent_of(base: Decimal, percent: Decimal) -> Decimal:
    return (base * percent / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)


def _vnd(amount: Decimal) -> str:
    return f"{int(amount):,}".replace(",", ".") + " đồng"


def allocation_limit_problem(fund: Fund, amount: Decimal, day: datetime.date) -> str:
    """Why allocating ``amount`` more would exceed the formation limit of the rule in force, or ""."""
    rule = rule_on(day)
    if rule is None or rule.formation_max_percent is None or fund.formation_base is None:
        return ""
    cap = percent_of(fund.formation_base, rule.formation_max_percent)
    after = figures(fund).allocated + amount
    if after <= cap:
        return ""
    return _("Tổng kinh phí trích lập năm %(year)s sẽ là %(after)s, vượt mức tối đa %(cap)s (%(percent)s%% của "
             "%(base_label)s %(base)s theo %(citation)s) là %(over)s.") % {
        "year": fund.year, "after": _vnd(after), "cap": _vnd(cap), "percent": _percent(rule.formation_max_percent),
        "base_label": rule.formation_base_label or _("cơ sở tính"), "base": _vnd(fund.formation_base),
        "citation": rule.citation, "over": _vnd(after - cap)}


def campaign_limit_problem(fund: Fund, amount: Decimal, day: datetime.date) -> str:
    """Why spending ``amount`` more on organising the campaigns would exceed the share of the rule in force."""
    rule = rule_on(day)
    if rule is None or rule.campaign_max_percent is None:
        return ""
    now = figures(fund)
    total = now.opening + now.allocated
    cap = percent_of(total, rule.campaign_max_percent)
    after = now.campaign + amount
    if after <= cap:
        return ""
    return _("Chi tổ chức, chỉ đạo phong trào thi đua năm %(year)s sẽ là %(after)s, vượt %(percent)s%% tổng quỹ "
             "(%(total)s) theo %(citation)s: tối đa %(cap)s, vượt %(over)s.") % {
        "year": fund.year, "after": _vnd(after), "percent": _percent(rule.campaign_max_percent),
        "total": _vnd(total), "citation": rule.citation, "cap": _vnd(cap), "over": _vnd(after - cap)}


def _percent(value: Decimal) -> str:
    return f"{value.normalize():f}".replace(".", ",")


def _whole(amount: Decimal | int | str) -> Decimal:
    try:
        value = Decimal(str(amount))
    except ArithmeticError:
        raise FundError(_("Số tiền không hợp lệ.")) from None
    if not value.is_finite() or value != value.to_integral_value():
        raise FundError(_("Số tiền phải là số đồng nguyên."))
    if value <= 0:
        raise FundError(_("Số tiền phải lớn hơn 0."))
    return value


@transaction.atomic
def add_entry(fund: Fund, kind: str, amount: Decimal | int | str, day: datetime.date, actor: User, *,
              document_number: str = "", document_date: datetime.date | None = None, note: str = "",
              confirm: bool = False) -> FundEntry:
    """An allocation (dự toán, bổ sung) or campaign spending. Above the limit of the rule in force it needs
    ``confirm`` (``NeedsConfirmation`` says the figures); an allocation names its document."""
    if kind not in (*ALLOCATIONS, EntryKind.CAMPAIGN):
        raise FundError(_("Loại bút toán này không ghi trực tiếp."))
    value = _whole(amount)
    if day.year != fund.year:
        raise FundError(_("Ngày ghi sổ phải thuộc năm %(year)s của quỹ.") % {"year": fund.year})
    if kind in ALLOCATIONS and not document_number.strip():
        raise FundError(_("Cần ghi số văn bản giao dự toán hoặc bổ sung kinh phí."))
    Fund.objects.select_for_update().get(pk=fund.pk)  # one limit check at a time per fund
    problem = (allocation_limit_problem if kind in ALLOCATIONS else campaign_limit_problem)(fund, value, day)
    if problem and not confirm:
        raise NeedsConfirmation(problem)
    return FundEntry.objects.create(
        fund=fund, kind=kind, amount=value, day=day, document_number=document_number.strip(),
        document_date=document_date, note=note.strip(), created_by=actor, confirmed_over_limit=bool(problem))


@transaction.atomic
def correct_entry(entry: FundEntry, reason: str, actor: User, day: datetime.date | None = None) -> FundEntry:
    """Cancel an allocation or campaign spending by an opposite entry referring to it (the ledger stays as it was
    written). Commitments follow their decisions; payments are corrected by ``payments.correct_payment``."""
    if entry.kind not in (*ALLOCATIONS, EntryKind.CAMPAIGN) or entry.corrects_id:
        raise FundError(_("Bút toán này không điều chỉnh ở đây."))
    if not (reason or "").strip():
        raise FundError(_("Cần ghi lý do điều chỉnh."))
    try:
        with transaction.atomic():
            return FundEntry.objects.create(
                fund=entry.fund, kind=entry.kind, amount=-entry.amount, day=day or entry.day, corrects=entry,
                document_number=entry.document_number, note=_("Điều chỉnh: %(reason)s") % {"reason": reason.strip()},
                created_by=actor)
    except IntegrityError:
        raise FundError(_("Bút toán này đã được điều chỉnh.")) from None


def set_opening(fund: Fund, amount: Decimal | int | str, note: str, formation_base=None) -> Fund:
    """The opening balance (số dư chuyển sang) and the base of the formation limit, before the year's first
    movement of money only (commitments do not count): afterwards the balances already printed would change."""
    value = Decimal(str(amount or 0))
    if value != value.to_integral_value() or value < 0:
        raise FundError(_("Số dư đầu năm phải là số đồng nguyên, không âm."))
    with transaction.atomic():
        locked = Fund.objects.select_for_update().get(pk=fund.pk)
        if locked.entries.filter(kind__in=[*CASH_IN, *CASH_OUT]).exists() and value != locked.opening_balance:
            raise FundError(_("Quỹ đã có bút toán: không sửa số dư đầu năm; ghi một khoản bổ sung hoặc điều chỉnh."))
        locked.opening_balance = value
        locked.opening_note = (note or "").strip()
        locked.formation_base = Decimal(str(formation_base)) if formation_base not in (None, "") else None
        locked.save(update_fields=["opening_balance", "opening_note", "formation_base"])
    return locked


def words(amount: Decimal) -> str:
    return amount_words(amount) if amount >= 0 else _("Âm ") + amount_words(-amount).lower()
