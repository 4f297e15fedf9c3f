"""What a certificate prints to be checked: "Mã xác thực: 7K3F-9QX2" and a QR code of
``<SITE_BASE_URL>/verify/<code>/`` (segno). The codes are made when the decision is issued
(``awards.decisions.issuing``); a certificate printed before has none."""

from __future__ import annotations

import segno
from django.conf import settings

from awards.models import DecisionLine, VerificationCode


def verify_url(code: str) -> str:
    return f"{settings.SITE_BASE_URL}/verify/{code}/"


def qr_svg_uri(code: str) -> str:
    """A data URI of the QR code (SVG, error correction M)."""
    return segno.make(verify_url(code), error="m", micro=False).svg_data_uri(scale=4, border=1)


def attach(lines: list[DecisionLine]) -> None:
    """Set ``line.verification_code`` (the code) and ``line.qr`` (its QR code) on the lines that have a code."""
    codes = dict(VerificationCode.objects.filter(line__in=[line.pk for line in lines]).values_list("line_id", "code"))
    for line in lines:
        line.verification_code = codes.get(line.pk, "")
        line.qr = qr_svg_uri(line.verification_code) if line.verification_code else ""
