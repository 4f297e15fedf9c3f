"""Who reads and keeps which fund (issue 20), GET and POST, with real objects of another unit: the province's fund
(board staff and the Sở Nội vụ's accountant keep it, the province's leader reads it), a unit's own fund (its officers
and leaders keep it, board staff read it, another unit's officer gets 403)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from awards.decisions import services as decisions
from awards.models import FundEntry, FundLine
from tests.decisions.test_body_decisions import REASON, ldtt
from tests.factories import UserFactory, issue_decision
from tests.fund.conftest import publish_for
from units.models import Role

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def unit_decision(unit_a, officer_a, education, director):
    """The Giám đốc Sở GD&ĐT's decision of 20/01/2025 (Lao động tiên tiến, 702.000 đồng: 0,3 x 2.340.000, no rounding by default), published."""
    decision = decisions.draft_decision(ldtt(unit_a, officer_a, education), officer_a, D(2025, 1, 20), director,
                                        REASON, body=education)
    issue_decision(decision, officer_a)
    return decision


@pytest.fixture
def province_decision(unit_a, officer_a, staff):
    return publish_for(staff, [(unit_a, officer_a, None)])


def _pay(client, decision, number):
    line = FundLine.objects.get(decision=decision)
    return client.post(f"/fund/decisions/{decision.pk}/pay/", {"line": [line.pk], "number": number,
                                                                "day": f"{decision.decided_on.year}-12-01"})


READ_PROVINCE = {"staff": 200, "accountant": 200, "leader": 200, "administrator": 200, "officer_a": 403,
                 "officer_b": 403, "council_member": 403, "sở_leader": 403}
KEEP_PROVINCE = {"staff": 302, "accountant": 302, "administrator": 302, "leader": 403, "officer_a": 403,
                 "officer_b": 403, "council_member": 403, "sở_leader": 403}
READ_UNIT = {"officer_a": 200, "sở_leader": 200, "staff": 200, "administrator": 200, "officer_b": 403,
             "accountant": 403, "leader": 403, "council_member": 403}
KEEP_UNIT = {"officer_a": 302, "sở_leader": 302, "staff": 403, "administrator": 403, "officer_b": 403,
             "accountant": 403, "leader": 403, "council_member": 403}


@pytest.mark.parametrize("persona", sorted(READ_PROVINCE))
def test_the_province_fund(persona, province_decision, request, client):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    body = province_decision.body_id
    assert client.get(f"/fund/?body={body}&year=2021").status_code == READ_PROVINCE[persona]
    assert client.get(f"/fund/decisions/{province_decision.pk}/").status_code == READ_PROVINCE[persona]
    assert client.get(f"/fund/decisions/{province_decision.pk}/payment-list.pdf").status_code == \
        READ_PROVINCE[persona]
    assert client.get(f"/fund/report.xlsx?body={body}&year=2021").status_code == READ_PROVINCE[persona]
    assert _pay(client, province_decision, f"PC-{persona}").status_code == KEEP_PROVINCE[persona]
    paid = FundEntry.objects.filter(kind="payment").count()
    assert paid == (1 if KEEP_PROVINCE[persona] == 302 else 0)


@pytest.mark.parametrize("persona", sorted(READ_UNIT))
def test_a_units_own_fund(persona, unit_decision, request, client, accountant):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    fund = FundLine.objects.get(decision=unit_decision).fund
    assert client.get(f"/fund/?body={fund.body_id}&year=2025").status_code == READ_UNIT[persona]
    assert client.get(f"/fund/decisions/{unit_decision.pk}/").status_code == READ_UNIT[persona]
    assert client.get(f"/fund/decisions/{unit_decision.pk}/payment-list.xlsx").status_code == READ_UNIT[persona]
    assert _pay(client, unit_decision, "PC-01").status_code == KEEP_UNIT[persona]
    answer = client.post(f"/fund/{fund.pk}/entries/", {"kind": "estimate", "amount": "5000000", "day": "2025-01-05",
                                                       "document_number": "12/QĐ-SGDĐT"})
    assert answer.status_code == KEEP_UNIT[persona]
    kept = KEEP_UNIT[persona] == 302
    assert (FundEntry.objects.filter(kind="payment").count(), FundEntry.objects.filter(kind="estimate").count()) == (
        (1, 1) if kept else (0, 0))


def test_an_officer_opens_his_own_units_fund_by_default(unit_decision, officer_a, client):
    client.force_login(officer_a)
    page = client.get("/fund/").content.decode()
    assert "Quỹ Thi đua, khen thưởng của Sở Giáo dục và Đào tạo" in page
    assert "702.000" in page


def test_another_units_officer_cannot_name_its_fund(unit_decision, officer_b, client):
    client.force_login(officer_b)
    fund = FundLine.objects.get(decision=unit_decision).fund
    answer = client.get(f"/fund/?body={fund.body_id}&year=2025")
    assert answer.status_code == 403
    assert "Bạn chỉ xem được quỹ thi đua, khen thưởng của đơn vị mình." in answer.content.decode()
    answer = client.post(f"/fund/{fund.pk}/opening/", {"opening_balance": "1000"})
    assert answer.status_code == 403
    fund.refresh_from_db()
    assert fund.opening_balance == Decimal(0)


def test_a_new_role_keeps_the_group_name(accountant):
    assert list(accountant.groups.values_list("name", flat=True)) == ["accountant"]
    assert UserFactory(roles=[Role.ACCOUNTANT]).primary_role == Role.ACCOUNTANT
