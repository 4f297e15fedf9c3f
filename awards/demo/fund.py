"""The province's quỹ thi đua, khen thưởng of 2019 and 2020 in the demo (issue 20).

The published decisions of the story committed their bonuses when ``seed_decisions`` published them (and the unit
rounds' to their units' own funds). This step adds what the articles do not tell, all ILLUSTRATIVE: the opening
balance of 2019, the dự toán of each year and a bổ sung in 2020 (document numbers invented), and the payments
recorded by the Sở Nội vụ's accountant (``ketoan``): the 2019 decision paid in full on one voucher; in 2020 the
first decision paid in full, the second paid for the first half of its list, the others still due. The 2020
opening balance is 2019's closing balance. Rows are made once (vouchers and documents are natural keys)."""

from __future__ import annotations

import datetime

from awards.demo.base import label
from awards.demo.clock import clock
from awards.fund import ledger, payments
from awards.models import (
    Decision,
    DecisionState,
    EntryKind,
    Fund,
    FundEntry,
    FundLine,
    LineStatus,
    PaymentVoucher,
    province_body,
)
from units.models import User

D = datetime.date
OPENING_2019 = 250_000_000
ALLOCATIONS = [
    (2019, EntryKind.ESTIMATE, 1_800_000_000, D(2019, 1, 8), "3215/QĐ-UBND", D(2018, 12, 14),
     "Dự toán chi quỹ thi đua, khen thưởng tỉnh năm 2019"),
    (2020, EntryKind.ESTIMATE, 2_000_000_000, D(2020, 1, 9), "2487/QĐ-UBND", D(2019, 12, 13),
     "Dự toán chi quỹ thi đua, khen thưởng tỉnh năm 2020"),
    (2020, EntryKind.SUPPLEMENT, 300_000_000, D(2020, 11, 20), "1985/QĐ-UBND", D(2020, 11, 16),
     "Bổ sung kinh phí khen thưởng tổng kết năm 2020"),
    (2020, EntryKind.CAMPAIGN, 120_000_000, D(2020, 6, 30), "PC-2020/041", D(2020, 6, 30),
     "Hội nghị điển hình tiên tiến, phát động phong trào thi đua năm 2020"),
]


def _pay_day(decision: Decision) -> D:
    return min(decision.decided_on + datetime.timedelta(days=14), D(decision.year, 12, 31))


def seed_fund() -> dict[str, int]:
    accountant = User.objects.get(username="ketoan")
    province = province_body()
    funds = {year: ledger.fund_for(province, year) for year in (2019, 2020)}
    cash = [EntryKind.ESTIMATE, EntryKind.SUPPLEMENT, EntryKind.PAYMENT, EntryKind.CAMPAIGN]
    if not funds[2019].entries.filter(kind__in=cash).exists():
        funds[2019] = ledger.set_opening(funds[2019], OPENING_2019, "Số dư quỹ năm 2018 chuyển sang (minh họa)")
    _allocate(funds, 2019, accountant)
    _pay(funds[2019], accountant, whole=1)
    if not funds[2020].entries.filter(kind__in=cash).exists():
        funds[2020] = ledger.set_opening(funds[2020], ledger.figures(funds[2019]).balance,
                                         "Số dư quỹ năm 2019 chuyển sang")
    _allocate(funds, 2020, accountant)
    _pay(funds[2020], accountant, whole=1, half=1)
    return {label(model): model.objects.count() for model in (Fund, FundLine, FundEntry, PaymentVoucher)}


def _allocate(funds: dict[int, Fund], year: int, accountant: User) -> None:
    for entry_year, kind, amount, day, number, dated, note in ALLOCATIONS:
        if entry_year != year or FundEntry.objects.filter(fund=funds[year], kind=kind, document_number=number).exists():
            continue
        with clock(day):
            ledger.add_entry(funds[year], kind, amount, day, accountant, document_number=number,
                             document_date=dated, note=note, confirm=True)


def _pay(fund: Fund, accountant: User, whole: int = 0, half: int = 0) -> None:
    decisions = list(Decision.objects.filter(fund_lines__fund=fund, state=DecisionState.PUBLISHED).distinct()
                     .order_by("decided_on", "number"))
    for index, decision in enumerate(decisions[:whole + half], start=1):
        number = f"UNC-{fund.year}/{index:03d}"
        if PaymentVoucher.objects.filter(fund=fund, number=number).exists():
            continue
        lines = list(FundLine.objects.filter(decision=decision, status=LineStatus.OPEN).order_by("position", "pk"))
        if index > whole:
            lines = lines[: len(lines) // 2]
        if lines:
            day = _pay_day(decision)
            with clock(day, 14):
                payments.record_payment(fund, number, day, [(line, None) for line in lines], accountant,
                                        f"Chi tiền thưởng theo Quyết định số {decision.code}")
