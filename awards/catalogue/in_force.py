"""What the catalogue says on a date: the award types, legal bases and lương cơ sở in force."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet

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
