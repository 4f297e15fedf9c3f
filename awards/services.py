"""Catalogue rules: what is in force on a date, the base salary, and new effective-dated versions."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Q, QuerySet

from awards.models import AwardType, BaseSalary, LegalDocument


class CatalogueError(Exception):
    """A catalogue fact needed for a date is missing or ambiguous."""


def base_salary_on(day: datetime.date) -> int:
    """The lương cơ sở in force on ``day``: the row with the latest ``valid_from`` not after it."""
    row = BaseSalary.objects.filter(valid_from__lte=day).order_by("-valid_from").first()
    if row is None:
        raise CatalogueError(f"Chưa có mức lương cơ sở áp dụng cho ngày {day:%d/%m/%Y}.")
    return row.amount


def award_type_on(code: str, day: datetime.date) -> AwardType:
    """The version of award ``code`` in force on ``day``."""
    versions = list(AwardType.objects.filter(code=code).active_on(day)[:2])
    if not versions:
        raise CatalogueError(f"Không có danh hiệu, hình thức mã {code} có hiệu lực ngày {day:%d/%m/%Y}.")
    if len(versions) > 1:
        raise CatalogueError(f"Mã {code} có nhiều phiên bản cùng hiệu lực ngày {day:%d/%m/%Y}.")
    return versions[0]


def award_types_on(day: datetime.date) -> QuerySet[AwardType]:
    return AwardType.objects.active_on(day).order_by("sort_order", "name")


def legal_bases_on(day: datetime.date) -> QuerySet[LegalDocument]:
    """Legal documents in force on ``day`` that serve as căn cứ of decisions, in citation order."""
    return (
        LegalDocument.objects.active_on(day).exclude(basis_text="").order_by("basis_order", "issued_on")
    )


@transaction.atomic
def add_award_type_version(current: AwardType, valid_from: datetime.date, **changes) -> AwardType:
    """Close ``current`` the day before ``valid_from`` and create the new version with ``changes``.

    Used when the law changes a multiplier, a threshold or a name: history keeps the old terms."""
    current = AwardType.objects.select_for_update().get(pk=current.pk)
    if valid_from <= current.valid_from:
        raise CatalogueError("Phiên bản mới phải có hiệu lực sau ngày bắt đầu của phiên bản hiện hành.")
    later = AwardType.objects.filter(code=current.code, valid_from__gte=valid_from)
    if later.exists():
        raise CatalogueError("Đã có phiên bản bắt đầu từ ngày này hoặc sau đó.")
    new = AwardType.objects.get(pk=current.pk)
    new.pk = None
    new.valid_from = valid_from
    inherited_end = current.valid_to if current.valid_to and current.valid_to >= valid_from else None
    new.valid_to = changes.pop("valid_to", inherited_end)
    for name, value in changes.items():
        setattr(new, name, value)
    current.valid_to = valid_from - datetime.timedelta(days=1)
    current.save(update_fields=["valid_to"])
    new.full_clean()
    new.save()
    return new


def close_previous_version(new: AwardType) -> AwardType | None:
    """After ``new`` is saved, end the open version of the same code that started before it."""
    previous = (
        AwardType.objects.filter(code=new.code, valid_from__lt=new.valid_from)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=new.valid_from))
        .exclude(pk=new.pk)
        .order_by("-valid_from")
        .first()
    )
    if previous is None:
        return None
    previous.valid_to = new.valid_from - datetime.timedelta(days=1)
    previous.save(update_fields=["valid_to"])
    return previous


def versions_of(code: str) -> QuerySet[AwardType]:
    return AwardType.objects.filter(code=code).order_by("-valid_from")


def in_force_filter(day: datetime.date) -> Q:
    return Q(valid_from__lte=day) & (Q(valid_to__isnull=True) | Q(valid_to__gte=day))
