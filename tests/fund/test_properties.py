"""Ledger invariants over random decisions and payments (hypothesis; issue 20): the lines of a decision sum to its
total; committed = commitments − reversals = the sum of the live lines plus what revoked lines had paid;
balance = opening + allocations + recoveries − payments − campaign spending; no line is paid above its amount; the
figures are Decimal, never float."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awards.decisions import services as decisions
from awards.fund import ledger, payments
from awards.models import EntryKind, FundEntry, FundLine, LineStatus
from tests.fund.conftest import publish_for

pytestmark = pytest.mark.django_db
D = datetime.date
PROPERTY = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                            HealthCheck.too_slow])

nominee = st.tuples(st.booleans(), st.booleans())  # (unit B?, a person?)
plan = st.lists(st.tuples(st.integers(0, 9), st.sampled_from([None, "part"])), max_size=6)


@PROPERTY
@given(nominees=st.lists(nominee, min_size=1, max_size=5), pays=plan, opening=st.integers(0, 50_000_000),
       allocation=st.integers(1, 500_000_000), revoke=st.booleans())
def test_ledger_invariants(unit_a, officer_a, unit_b, officer_b, staff, nominees, pays, opening, allocation,
                           revoke):
    with transaction.atomic():
        decision = publish_for(staff, [
            (unit_b if other else unit_a, officer_b if other else officer_a, f"Người thứ {i}" if person else None)
            for i, (other, person) in enumerate(nominees)])
        lines = list(FundLine.objects.filter(decision=decision).order_by("position"))
        fund = lines[0].fund
        total = sum(line.bonus_amount for line in decision.lines.all())
        assert sum(line.amount for line in lines) == total
        assert ledger.figures(fund).committed == total
        ledger.set_opening(fund, opening, "")
        fund.refresh_from_db()
        ledger.add_entry(fund, EntryKind.ESTIMATE, allocation, D(2021, 1, 5), staff, document_number="01")
        for number, (index, how) in enumerate(pays):
            line = FundLine.objects.get(pk=lines[index % len(lines)].pk)
            amount = None if how is None else (line.amount - line.paid) // 2
            try:
                payments.record_payment(fund, f"PC-{number}", D(2021, 3, 1), [(line, amount)], staff)
            except ledger.FundError:
                pass  # a line already paid: refused, nothing written
        if revoke:
            decisions.revoke(decision, "Thu hồi thử", staff)
        figures = ledger.figures(fund)
        entries = FundEntry.objects.filter(fund=fund)

        def summed(kind):
            return sum((e.amount for e in entries if e.kind == kind), Decimal(0))

        assert figures.balance == (Decimal(opening) + summed(EntryKind.ESTIMATE) + summed(EntryKind.SUPPLEMENT)
                                   + summed(EntryKind.RECOVERY) - summed(EntryKind.PAYMENT)
                                   - summed(EntryKind.CAMPAIGN))
        assert figures.committed == summed(EntryKind.COMMITMENT) - summed(EntryKind.REVERSAL)
        fresh = list(FundLine.objects.filter(fund=fund))
        live = sum((line.amount for line in fresh if line.status in (LineStatus.OPEN, LineStatus.PAID)), Decimal(0))
        revoked_paid = sum((line.paid for line in fresh if line.status not in (LineStatus.OPEN, LineStatus.PAID)),
                           Decimal(0))
        assert figures.committed == live + revoked_paid
        assert figures.paid == sum((line.paid for line in fresh), Decimal(0))
        assert all(Decimal(0) <= line.paid <= line.amount for line in fresh)
        assert figures.due >= 0
        if revoke:
            assert figures.due == 0
        assert all(isinstance(value, Decimal) for value in (figures.balance, figures.committed, figures.paid))
        transaction.set_rollback(True)
