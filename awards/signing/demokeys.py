"""The demo's key files: one for each signer and one for each agency, issued by the demo CA in
``SIGNING_DIR`` and registered in the signers table, so the demo (and the tests) sign with nothing but Python."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from awards.models import IssuingBody, Signer, SigningCertificate, SigningRole
from awards.signing import democa, registry
from awards.signing.backends import KeyFile


def _password() -> bytes:
    return settings.SIGNING_DEMO_PASSWORD.encode()


def _key_file(slug: str, common_name: str, organization: str, body: IssuingBody, role: str,
              signer: Signer | None) -> KeyFile:
    directory = Path(settings.SIGNING_DIR)
    path = directory / f"{slug}.p12"
    row = SigningCertificate.objects.filter(key_path=str(path), body=body, role=role, signer=signer,
                                            active=True).first()
    key = KeyFile(path, _password())
    if row is not None and path.exists():
        return key
    if path.exists() and registry.holder(key.certificate()[0]) == common_name:  # a file kept from before: register it
        der, chain = key.certificate()
    else:
        issued = democa.issue(directory, slug, common_name, organization, _password())
        key = KeyFile(path, _password())
        der, chain = issued.der, [democa.ensure_ca(directory)[1].public_bytes(democa.serialization.Encoding.DER)]
    registry.register(der, chain, body, role, signer, backend="key_file", key_path=str(path))
    return key


def signer_key(signer: Signer) -> KeyFile:
    """The demo key file of ``signer`` (made and registered on first use)."""
    return _key_file(f"signer-{signer.pk}", signer.full_name, signer.body.head_title, signer.body,
                     SigningRole.SIGNER, signer)


def agency_key(body: IssuingBody) -> KeyFile:
    """The demo key file of the agency that issues ``body``'s decisions (its văn thư signs with it)."""
    return _key_file(f"agency-{body.pk}", agency_name(body), agency_name(body), body, SigningRole.AGENCY, None)


def agency_name(body: IssuingBody) -> str:
    """"ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN": the issuer's name as its seal and certificate carry it."""
    return " ".join(body.issuer_lines) or body.head_title
