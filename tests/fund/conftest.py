"""Personas of the fund: the Sở Nội vụ's accountant; a published province decision with bonus lines and its fund."""

from __future__ import annotations

import pytest

from awards.decisions import services as decisions
from tests.factories import UserFactory, issue_decision, make_draft_decision
from units.models import Role


@pytest.fixture
def accountant(db):
    return UserFactory(username="accountant", full_name="Vi Thị Lan", roles=[Role.ACCOUNTANT])


@pytest.fixture
def published(unit_a, officer_a, staff):
    """A province Bằng khen decision of 06/02/2021 for one person of unit A, published (its bonus committed)."""
    decision = make_draft_decision(unit_a, officer_a, staff)
    issue_decision(decision, staff)
    decision.refresh_from_db()
    return decision


@pytest.fixture
def two_units_decision(unit_a, officer_a, unit_b, officer_b, staff):
    """A province Bằng khen of 06/02/2021 for unit A (collective), a teacher of unit A and unit B (collective):
    2.980.000 + 1.490.000 + 2.980.000 đồng; published."""
    return publish_for(staff, [(unit_a, officer_a, None), (unit_a, officer_a, "Lương Thị Trang"),
                               (unit_b, officer_b, None)])


@pytest.fixture
def fund(two_units_decision):
    """The province's fund of that decision (where its bonus lines are owed)."""
    from awards.models import FundLine

    return FundLine.objects.filter(decision=two_units_decision).first().fund


def publish_for(staff, nominees, day=None, signer=None):
    """Publish a province Bằng khen for ``nominees`` [(unit, officer, person name or None for the unit)]."""
    import datetime

    from awards.models import Signer
    from tests.factories import PersonFactory, make_dossier, with_board_submission

    day = day or datetime.date(2021, 2, 6)
    signer = signer or Signer.objects.filter(full_name="Hồ Tiến Thiệu").first() or Signer.objects.create(
        full_name="Hồ Tiến Thiệu", position="Chủ tịch UBND tỉnh", capacity="chu_tich",
        valid_from=datetime.date(2020, 1, 1))
    nominations = []
    for unit, officer, name in nominees:
        person = PersonFactory(full_name=name, unit=unit, position="Giáo viên") if name else None
        dossier = make_dossier(unit, officer, state="awaiting_decision", verdict="eligible", recipient=person,
                               year=day.year - 1)
        nominations += list(dossier.nominations.all())
    decision = with_board_submission(decisions.draft_decision(nominations, staff, day, signer,
                                                              "đã có thành tích xuất sắc"))
    issue_decision(decision, staff)
    decision.refresh_from_db()
    return decision
