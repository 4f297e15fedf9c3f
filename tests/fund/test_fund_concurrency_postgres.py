"""The fund under concurrency, on real PostgreSQL connections (issue 20): two clerks paying the same line at the
same moment (one wins, the other is refused with the reason); two clerks recording the same voucher number at once
(one wins); a payment racing the decision's revocation (either paid then flagged, or refused)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from awards.decisions import services as decisions
from awards.fund import payments
from awards.fund.ledger import FundError
from awards.models import Decision, EntryKind, FundEntry, FundLine, LineStatus, PaymentVoucher
from tests.dossiers.test_concurrency_postgres import race
from tests.fund.conftest import publish_for

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
D = datetime.date


def _lines(unit_a, officer_a, unit_b, officer_b, staff):
    decision = publish_for(staff, [(unit_a, officer_a, None), (unit_b, officer_b, None)])
    return decision, list(FundLine.objects.filter(decision=decision).order_by("position"))


def test_two_payments_of_the_same_line_at_once(unit_a, officer_a, unit_b, officer_b, staff, administrator):
    _decision, (line, _other) = _lines(unit_a, officer_a, unit_b, officer_b, staff)
    results = race(*[
        (lambda number=number, who=who: payments.record_payment(
            FundLine.objects.get(pk=line.pk).fund, number, D(2021, 3, 1),
            [(FundLine.objects.get(pk=line.pk), None)], who).number)
        for number, who in (("PC-01", staff), ("PC-02", administrator))
    ])
    winners = [r for r in results if isinstance(r, str)]
    losers = [r for r in results if isinstance(r, FundError)]
    assert (len(winners), len(losers)) == (1, 1), results
    assert str(losers[0]) == "Sở Giáo dục và Đào tạo: tiền thưởng đã chi đủ."
    line.refresh_from_db()
    assert (line.paid, line.status) == (Decimal(2_980_000), LineStatus.PAID)
    assert list(PaymentVoucher.objects.values_list("number", flat=True)) == winners
    assert FundEntry.objects.filter(kind=EntryKind.PAYMENT).count() == 1


def test_the_same_voucher_recorded_twice_at_once(unit_a, officer_a, unit_b, officer_b, staff, administrator):
    _decision, (first, second) = _lines(unit_a, officer_a, unit_b, officer_b, staff)
    results = race(*[
        (lambda line=line, who=who: payments.record_payment(
            FundLine.objects.get(pk=line.pk).fund, "PC-07", D(2021, 3, 1), [(FundLine.objects.get(pk=line.pk),
                                                                             None)], who).number)
        for line, who in ((first, staff), (second, administrator))
    ])
    losers = [r for r in results if isinstance(r, FundError)]
    assert results.count("PC-07") == 1 and len(losers) == 1, results
    assert str(losers[0]) == "Chứng từ số PC-07 đã được ghi ngày 01/03/2021; không ghi lại."
    assert PaymentVoucher.objects.count() == 1
    assert FundEntry.objects.filter(kind=EntryKind.PAYMENT).count() == 1


def test_a_payment_racing_the_revocation(unit_a, officer_a, unit_b, officer_b, staff, administrator):
    decision, (line, _other) = _lines(unit_a, officer_a, unit_b, officer_b, staff)
    results = race(
        lambda: payments.record_payment(FundLine.objects.get(pk=line.pk).fund, "PC-01", D(2021, 3, 1),
                                        [(FundLine.objects.get(pk=line.pk), None)], administrator).number,
        lambda: decisions.revoke(Decision.objects.get(pk=decision.pk), "Kê khai không đúng", staff),
    )
    line.refresh_from_db()
    if isinstance(results[0], FundError):  # the revocation came first
        assert str(results[0]) == ("Sở Giáo dục và Đào tạo: quyết định 01/QĐ-UBND đã bị thu hồi, không chi tiền "
                                   "thưởng.")
        assert (line.status, line.paid) == (LineStatus.REVERSED, 0)
    else:  # the payment came first: the line is flagged for recovery, its payment untouched
        assert (line.status, line.paid, line.to_recover) == (LineStatus.RECOVERY, Decimal(2_980_000),
                                                             Decimal(2_980_000))
