"""The Sở Nội vụ's tờ trình to the Chủ tịch UBND tỉnh that a decision of the province answers ("Tờ trình số
245/TTr-SNV"): its number and date are kept on the decision, its signer is the Giám đốc Sở Nội vụ (or a deputy
signing for him) in office that day, from the Sở Nội vụ's issuing body. Without the number and date a decision
of the province is not published (``missing``, called by ``awards.decisions.services.publish``)."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _

from awards.catalogue.bodies import board_department_body, signer_on
from awards.core import pdf
from awards.models import Decision, SignerCapacity

MISSING = "Chưa có số, ngày Tờ trình của Sở Nội vụ."


def missing(decision: Decision) -> str:
    """Why ``decision`` may not be sent for signature and published for want of the Sở Nội vụ's tờ trình ("" when
    it may). Only the province's decisions answer a tờ trình of the Sở Nội vụ."""
    if not decision.body.is_province:
        return ""
    if decision.submission_number.strip() and decision.submission_date:
        return ""
    return _(MISSING)


def context(decision: Decision) -> dict:
    """What the tờ trình prints about itself: header, number, place and date, the signature and its metadata."""
    day = decision.submission_date or decision.decided_on
    body = board_department_body(day)
    head = signer_on(body, day) if body is not None else None
    province = settings.PROVINCE_NAME
    place = body.place if body is not None else province
    if head is not None and head.capacity == SignerCapacity.ON_BEHALF:
        signature = [f"KT. {body.signature_title}", body.deputy_title]
    else:
        signature = [body.signature_title if body is not None else "GIÁM ĐỐC"]
    number = decision.submission_number.strip()
    date = decision.submission_date
    award = decision.award_type.name
    return {
        "parent": body.parent_name if body is not None else f"UBND TỈNH {province.upper()}",
        "issuer_lines": body.issuer_lines if body is not None else ["SỞ NỘI VỤ"],
        "code": number or "       /TTr-SNV",
        "place_date": pdf.place_date(date, place) if date else f"{place}, ngày      tháng      năm {decision.year}",
        "signature": signature,
        "signer_name": head.full_name if head is not None else "",
        "metadata": pdf.Metadata(
            title=(f"Tờ trình số {number} ngày {date:%d/%m/%Y}" if number and date
                   else f"Tờ trình đề nghị tặng {award}"),
            author=f"{body.unit.name if body is not None else 'Sở Nội vụ'} tỉnh {province}",
            subject=f"Về việc đề nghị tặng {award}", keywords=(number,) if number else (), created=day),
    }
