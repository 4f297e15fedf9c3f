"""The demo's fund (issue 20): the 2019 and 2020 province decisions committed their bonuses, some are paid, the
2020 fund opens with 2019's closing balance, the accountant ``ketoan`` keeps it."""

from __future__ import annotations

import pytest
from django.test import Client

from awards.fund import ledger
from awards.models import Decision, DecisionLine, DecisionState, Fund, FundLine, LineStatus, province_body

pytestmark = pytest.mark.django_db


def test_the_demo_decisions_committed_their_bonuses(demo_data):
    for year in (2019, 2020):
        fund = Fund.objects.get(body=province_body(), year=year)
        published = Decision.objects.filter(body=province_body(), year=year, state=DecisionState.PUBLISHED,
                                            bonus_enabled=True)
        total = sum(line.bonus_amount or 0 for line in DecisionLine.objects.filter(decision__in=published,
                                                                                   active=True))
        assert total > 0
        assert ledger.figures(fund).committed == total
        assert FundLine.objects.filter(fund=fund).count() == DecisionLine.objects.filter(
            decision__in=published, active=True, bonus_amount__gt=0).count()


def test_the_demo_records_payments_and_carries_the_balance(demo_data):
    f2019 = Fund.objects.get(body=province_body(), year=2019)
    f2020 = Fund.objects.get(body=province_body(), year=2020)
    figures_2019 = ledger.figures(f2019)
    assert figures_2019.due == 0 and figures_2019.paid == figures_2019.committed
    assert f2020.opening_balance == figures_2019.balance
    figures_2020 = ledger.figures(f2020)
    assert 0 < figures_2020.paid < figures_2020.committed
    assert FundLine.objects.filter(fund=f2020, status=LineStatus.PAID).exists()
    assert FundLine.objects.filter(fund=f2020, status=LineStatus.OPEN).exists()


def test_the_accountant_reads_the_2020_fund(demo_data):
    client = Client()
    assert client.login(username="ketoan", password="thidua2021")
    page = client.get("/fund/?year=2020").content.decode()
    assert "Quỹ thi đua, khen thưởng năm 2020" in page
    assert "2487/QĐ-UBND" in page
