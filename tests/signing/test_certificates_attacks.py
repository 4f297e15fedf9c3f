"""Attacks on the certificates file of an issued decision (issue 18): who downloads the signed file (an officer of
a unit the decision does not name gets 404, a council member 403) and who signs it (only the Board's staff for a
province decision: every other role's POST, server key or browser plugin, leaves no signature)."""

from __future__ import annotations

import pytest

from awards.decisions import issuing
from awards.models import DecisionSignature, SigningRole, SigningSession
from awards.signing import demokeys

pytestmark = pytest.mark.django_db



@pytest.mark.parametrize(("persona", "status"), [
    ("officer_b", 404), ("council_member", 403), ("anonymous", 302), ("officer_a", 200), ("leader", 200),
    ("staff", 200)])
def test_who_downloads_the_signed_certificates(persona, status, issued, staff, client_for):
    issuing.sign_certificates(issued, staff, demokeys.agency_key(issued.body))
    response = client_for(persona).get(f"/awards/decisions/{issued.pk}/certificates-signed.pdf")
    assert response.status_code == status


@pytest.mark.parametrize("persona", ["officer_a", "officer_b", "leader", "council_member", "sở_leader"])
def test_no_other_role_signs_the_certificates(persona, issued, client_for):
    demokeys.agency_key(issued.body)
    row = issued.body.signing_certificates.get(role=SigningRole.AGENCY)
    client = client_for(persona)
    response = client.post(f"/awards/decisions/{issued.pk}/sign/", {"certificate": row.pk, "pin": "demo"})
    assert response.status_code in (302, 403, 404)
    started = client.post(f"/awards/decisions/{issued.pk}/sign/start/", {"certificate": ""},
                          content_type="application/json")
    assert started.status_code in (400, 403, 404)
    assert not DecisionSignature.objects.filter(decision=issued).exclude(step__in=["signer", "agency"]).exists()
    assert not SigningSession.objects.exists()
    assert issuing.certificates_file(issued) is None


def test_a_unit_bs_officer_cannot_finish_unit_as_session(issued, staff, client_for, token):
    """A signing session started by the staff is no one else's to finish, even with a valid signature value."""
    import base64

    from awards.signing import registry
    from tests.signing.standin import AGENCY_LABEL, token_sign_hash

    registry.register(token["keys"][AGENCY_LABEL], token["chain"], issued.body, SigningRole.AGENCY, None,
                      backend="browser")
    board = client_for("staff")
    started = board.post(f"/awards/decisions/{issued.pk}/sign/start/", {
        "certificate": base64.b64encode(token["keys"][AGENCY_LABEL]).decode()}, content_type="application/json").json()
    value = base64.b64encode(token_sign_hash(token, base64.b64decode(started["hash"]), AGENCY_LABEL)).decode()
    for persona in ("officer_a", "officer_b", "leader"):
        response = client_for(persona).post(f"/awards/decisions/{issued.pk}/sign/finish/", {
            "session": started["session"], "signature": value}, content_type="application/json")
        assert response.status_code in (400, 403, 404), persona
    assert issuing.certificates_file(issued) is None
