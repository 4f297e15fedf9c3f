"""The signers table: which certificates a body accepts, and why one is refused.

A signature is made only with a certificate registered for the body (``SigningCertificate``), in force at the
moment of signing, held by the decision's own signer (for the signer's signature) or by the agency (for the
văn thư's). Each refusal says why, in the words shown to the user."""

from __future__ import annotations

import datetime
import hashlib

from asn1crypto import x509 as asn1_x509
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.models import IssuingBody, Signer, SigningCertificate, SigningRole
from awards.signing.pdfsign import SigningFailed


def fingerprint(der: bytes) -> str:
    return hashlib.sha256(der).hexdigest()


def holder(der: bytes) -> str:
    return str(asn1_x509.Certificate.load(der).subject.native.get("common_name", ""))


def register(der: bytes, chain: list[bytes], body: IssuingBody, role: str, signer: Signer | None = None,
             backend: str = "key_file", key_path: str = "", token_label: str = "",
             key_label: str = "") -> SigningCertificate:
    """Add (or refresh) a certificate in the body's table."""
    cert = asn1_x509.Certificate.load(der)
    row, _created = SigningCertificate.objects.update_or_create(
        fingerprint=fingerprint(der),
        defaults=dict(role=role, body=body, signer=signer, holder=holder(der), der=der, chain=b"".join(chain),
                      not_before=cert.not_valid_before, not_after=cert.not_valid_after, backend=backend,
                      key_path=key_path, token_label=token_label, key_label=key_label, active=True))
    return row


def chain_of(row: SigningCertificate) -> list[bytes]:
    """The DER certificates stored one after another in ``row.chain``."""
    data, out = bytes(row.chain or b""), []
    while data:
        cert = asn1_x509.Certificate.load(data)
        size = len(cert.dump())
        out.append(data[:size])
        data = data[size:]
    return out


def accept(der: bytes, body: IssuingBody, role: str, signer: Signer | None,
           at: datetime.datetime | None = None) -> SigningCertificate:
    """The registered certificate ``der`` may sign for ``body`` as ``role`` at ``at`` (now), else why not."""
    at = at or timezone.now()
    name = holder(der)
    row = SigningCertificate.objects.filter(fingerprint=fingerprint(der), body=body, role=role, active=True).first()
    if row is None:
        if role == SigningRole.SIGNER:
            return _refuse(_("Chứng thư số của “%(name)s” không có trong danh sách chứng thư số của người ký "
                             "quyết định của %(body)s.") % {"name": name, "body": body.head_title})
        return _refuse(_("Chứng thư số của “%(name)s” không có trong danh sách chứng thư số của cơ quan dùng để "
                         "phát hành quyết định của %(body)s.") % {"name": name, "body": body.head_title})
    local = timezone.localtime(at)
    if not row.not_before <= at <= row.not_after:
        return _refuse(_("Chứng thư số của “%(name)s” có hiệu lực từ %(start)s đến %(end)s, không còn hiệu lực "
                         "vào ngày ký %(day)s.") % {
            "name": name, "start": timezone.localtime(row.not_before).strftime("%d/%m/%Y"),
            "end": timezone.localtime(row.not_after).strftime("%d/%m/%Y"), "day": local.strftime("%d/%m/%Y")})
    if role == SigningRole.SIGNER and signer is not None and row.signer_id != signer.pk:
        return _refuse(_("Chứng thư số của “%(name)s” không phải của người ký quyết định (%(signer)s).") % {
            "name": name, "signer": signer.full_name})
    return row


def _refuse(message: str):
    raise SigningFailed(message)
