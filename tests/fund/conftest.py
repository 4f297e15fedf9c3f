"""Personas of the fund: the Sở Nội vụ's accountant; a published province decision with bonus lines."""

from __future__ import annotations

import pytest

from awards.decisions import services as decisions
from tests.factories import UserFactory, make_draft_decision
from units.models import Role


@pytest.fixture
def accountant(db):
    return UserFactory(username="accountant", full_name="Vi Thị Lan", roles=[Role.ACCOUNTANT])


@pytest.fixture
def published(unit_a, officer_a, staff):
    """A province Bằng khen decision of 06/02/2021 for one person of unit A, published (its bonus committed)."""
    decision = make_draft_decision(unit_a, officer_a, staff)
    decisions.publish(decision, staff)
    decision.refresh_from_db()
    return decision
