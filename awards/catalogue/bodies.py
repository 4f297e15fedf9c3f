"""The bodies that issue decisions, as other packages ask for them: the bodies of a unit on a date, the one a
unit decides through, and a body's signers in force."""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet

from awards.enums import BodyKind
from awards.models import IssuingBody, Signer, province_body
from units.models import Unit
from units.text import fold

__all__ = ["board_department_body", "bodies_of", "body_of", "province_body", "signer_on", "signers_of"]
BOARD_DEPARTMENT = "so noi vu"  # the Sở Nội vụ, folded: the department of the Ban Thi đua - Khen thưởng


def bodies_of(unit: Unit, day: datetime.date) -> QuerySet[IssuingBody]:
    """The bodies of ``unit`` in force on ``day`` (usually one; none for a unit that decides nothing)."""
    return IssuingBody.objects.filter(unit=unit).active_on(day).order_by("-valid_from", "pk")


def body_of(unit: Unit, day: datetime.date) -> IssuingBody | None:
    """The body through which ``unit`` decides on ``day``, or None when it decides nothing itself."""
    return bodies_of(unit, day).first()


def board_department_body(day: datetime.date) -> IssuingBody | None:
    """The Sở Nội vụ's issuing body in force on ``day``, or None when the Sở Nội vụ has none: it submits the
    province's award decisions to the Chủ tịch UBND tỉnh (its Giám đốc, or a deputy, signs that tờ trình)."""
    bodies = (IssuingBody.objects.filter(kind=BodyKind.DEPARTMENT, unit__isnull=False).active_on(day)
              .select_related("unit").order_by("-valid_from", "pk"))
    return next((body for body in bodies if fold(body.unit.name) == BOARD_DEPARTMENT), None)


def signers_of(body: IssuingBody, day: datetime.date) -> QuerySet[Signer]:
    """Who may sign ``body``'s decisions on ``day``: the head first, then the deputies signing for him (KT.)."""
    return (Signer.objects.filter(body=body, valid_from__lte=day)
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
            .order_by("capacity", "-valid_from", "full_name"))


def signer_on(body: IssuingBody, day: datetime.date, capacity: str | None = None) -> Signer | None:
    signers = signers_of(body, day)
    if capacity:
        signers = signers.filter(capacity=capacity)
    return signers.first()
