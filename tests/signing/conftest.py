"""The SoftHSM2 token and the stand-in signer of tests/signing/standin.py; a decision issued electronically."""

import pytest

from awards.models import Decision
from tests.factories import issue_decision, make_draft_decision
from tests.signing.standin import stand_in_signer, stand_in_tsa, token  # noqa: F401


@pytest.fixture
def issued(unit_a, officer_a, staff):
    """A province decision naming unit A only, issued electronically."""
    decision = make_draft_decision(unit_a, officer_a, staff)
    issue_decision(decision, staff)
    return Decision.objects.get(pk=decision.pk)
