"""Checking the signatures of a PDF with pyHanko against the configured trust roots.

``check(pdf)`` answers for every signature: who signed (the certificate's name), when (the time the signature
claims, or its time stamp), whether the bytes it covers are intact, whether the certificate chains to a trusted
root, whether it was in force on the signing day, and whether the file was changed after the last signature
(anything but the signatures and their appearances added by later incremental updates). The first problem
found is said in words a citizen reads on ``/verify/``."""

from __future__ import annotations

import datetime
import functools
import io
from dataclasses import dataclass, field
from pathlib import Path

from asn1crypto import pem
from asn1crypto import x509 as asn1_x509
from django.conf import settings
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

ALTERED = "altered"
UNSIGNED = "unsigned"
UNTRUSTED = "untrusted"
EXPIRED = "expired"
UNREADABLE = "unreadable"


@dataclass
class SignatureCheck:
    field: str
    signer: str
    organization: str
    signed_at: datetime.datetime | None
    intact: bool
    trusted: bool
    in_force: bool
    certificate: bytes
    fingerprint: str
    problem: str = ""
    problem_text: str = ""


@dataclass
class Report:
    signatures: list[SignatureCheck] = field(default_factory=list)
    problem: str = ""
    problem_text: str = ""

    @property
    def valid(self) -> bool:
        return not self.problem and bool(self.signatures)

    @property
    def last(self) -> SignatureCheck | None:
        return self.signatures[-1] if self.signatures else None


def _load_roots(paths: tuple[str, ...]) -> list[asn1_x509.Certificate]:
    roots = []
    for path in paths:
        raw = Path(path).read_bytes() if Path(path).exists() else b""
        if not raw:
            continue
        blocks = [der for _type, _headers, der in pem.unarmor(raw, multiple=True)] if pem.detect(raw) else [raw]
        roots.extend(asn1_x509.Certificate.load(der) for der in blocks)
    return roots


@functools.lru_cache(maxsize=8)
def _roots_cached(paths: tuple[str, ...], stamp: tuple[float, ...]) -> tuple[asn1_x509.Certificate, ...]:
    return tuple(_load_roots(paths))


def trust_roots() -> list[asn1_x509.Certificate]:
    """The roots of ``SIGNING_TRUST_ROOTS`` (PEM or DER files): the demo CA in the demo, the Ban Cơ yếu's in
    production."""
    paths = tuple(str(p) for p in settings.SIGNING_TRUST_ROOTS)
    stamp = tuple(Path(p).stat().st_mtime if Path(p).exists() else 0.0 for p in paths)
    return list(_roots_cached(paths, stamp))


def _name(certificate: asn1_x509.Certificate, key: str) -> str:
    return str(certificate.subject.native.get(key, "") or "")


def _words(problem: str, check: SignatureCheck | None = None) -> str:
    if problem == ALTERED:
        return "Tệp đã bị sửa sau khi ký: nội dung không còn đúng như lúc ký."
    if problem == UNTRUSTED:
        return (f"Không xác định được người ký: chứng thư số của {check.signer} không do tổ chức cung cấp dịch vụ "
                "chứng thực được tin cậy cấp.")
    if problem == EXPIRED:
        return f"Chứng thư số của {check.signer} đã hết hạn hoặc chưa có hiệu lực vào thời điểm ký."
    if problem == UNSIGNED:
        return "Tệp không có chữ ký số."
    return "Không đọc được tệp PDF (tệp hỏng hoặc không phải PDF)."


def check(data: bytes) -> Report:
    """Every signature of ``data``, and the first problem."""
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception:
        return Report(problem=UNREADABLE, problem_text=_words(UNREADABLE))
    if not embedded:
        return Report(problem=UNSIGNED, problem_text=_words(UNSIGNED))
    context = ValidationContext(trust_roots=trust_roots(), allow_fetching=False, revocation_mode="soft-fail")
    usage = KeyUsageConstraints(key_usage={"non_repudiation", "digital_signature"}, match_all_key_usages=False)
    report = Report()
    for signature in embedded:
        try:
            status = validate_pdf_signature(signature, context, key_usage_settings=usage)
        except Exception:
            report.signatures.append(SignatureCheck(str(signature.field_name), "", "", None, False, False, False,
                                                    b"", "", ALTERED, _words(ALTERED)))
            continue
        cert = status.signing_cert
        ts = status.timestamp_validity
        signed_at = ts.timestamp if ts is not None else status.signer_reported_dt
        in_force = True
        if signed_at is not None:
            in_force = cert.not_valid_before <= signed_at <= cert.not_valid_after
        item = SignatureCheck(
            field=str(signature.field_name), signer=_name(cert, "common_name"),
            organization=_name(cert, "organization_name"), signed_at=signed_at,
            intact=bool(status.intact and status.valid), trusted=bool(status.trusted), in_force=in_force,
            certificate=cert.dump(), fingerprint=cert.sha256.hex())
        altered = not item.intact or status.coverage is None or status.coverage < SignatureCoverageLevel.ENTIRE_REVISION
        if status.modification_level is not None and status.modification_level > ModificationLevel.FORM_FILLING:
            altered = True
        if altered:
            item.problem = ALTERED
        elif not in_force:
            item.problem = EXPIRED
        elif not item.trusted:
            item.problem = EXPIRED if status.error_time_horizon and _expired(cert) else UNTRUSTED
        item.problem_text = _words(item.problem, item) if item.problem else ""
        report.signatures.append(item)
    first = next((s for s in report.signatures if s.problem), None)
    if first is not None:
        report.problem, report.problem_text = first.problem, first.problem_text
    return report


def _expired(cert: asn1_x509.Certificate) -> bool:
    return cert.not_valid_after < datetime.datetime.now(datetime.UTC)
