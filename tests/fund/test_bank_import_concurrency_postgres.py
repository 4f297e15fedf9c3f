"""Two keepers post statements paying the same line at the same moment (different voucher numbers, or the same
statement twice): the line is paid once, the other import keeps nothing (PostgreSQL, real transactions)."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from django.db import connection

from awards.fund import bank_import
from awards.models import FundLine, PaymentVoucher
from tests.fund.test_bank_import import xlsx

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize("numbers", [("UNC-1", "UNC-2"), ("UNC-1", "UNC-1")])
def test_two_imports_at_once_pay_once(numbers, two_units_decision, staff):
    line = FundLine.objects.get(decision=two_units_decision, recipient_name="Sở Y tế")
    barrier = threading.Barrier(2)
    reports = []

    def run(number):
        try:
            data = xlsx([["", number, "02/03/2021", "Sở Y tế", 2_980_000, ""]])
            barrier.wait()
            reports.append(bank_import.import_statement(line.fund, data, staff))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(number,)) for number in numbers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(report.ok for report in reports) == [False, True]
    line.refresh_from_db()
    assert line.paid == Decimal(2_980_000)
    assert PaymentVoucher.objects.count() == 1
