"""What the catalogue says on a date: the award types, legal bases and lương cơ sở in force."""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet

from awards.enums import BodyKind, LegalDocumentKind
from awards.models import AwardType, BaseSalary, IssuingBody, LegalDocument

# The national texts a unit's decision cites besides its own Quy chế: laws, decrees and circulars.
NATIONAL_KINDS = [LegalDocumentKind.LAW, LegalDocumentKind.DECREE, LegalDocumentKind.CIRCULAR]
# Names units still write for an award after the catalogue's short name was corrected (the Bằng khen is the
# Chủ tịch UBND tỉnh's, Luật TĐKT 2022 Điều 74): read on import, never printed.
FORMER_SHORT_NAMES: dict[str, tuple[str, ...]] = {"bang-khen-chu-tich-ubnd-tinh": ("Bằng khen của UBND tỉnh",)}


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


def legal_bases_on(day: datetime.date, body: IssuingBody | None = None) -> QuerySet[LegalDocument]:
    """Legal documents in force on ``day`` that serve as căn cứ of decisions of ``body``, in citation order.

    The province (``body`` None or the province's body) cites every text that belongs to no body, as before
    bodies existed, and its own (its Quy chế thi đua, khen thưởng, a legal document of the province's body, edited
    like a unit's). A unit cites the national texts in force (laws, decrees, circulars) and its own documents,
    its Quy chế thi đua, khen thưởng first among them by ``basis_order``."""
    documents = LegalDocument.objects.active_on(day).exclude(basis_text="")
    if body is None or body.is_province:
        province = body if body is not None else IssuingBody.objects.filter(kind=BodyKind.PROVINCE).first()
        documents = documents.filter(Q(body__isnull=True) | Q(body=province))
    else:
        documents = documents.filter(Q(body__isnull=True, kind__in=NATIONAL_KINDS) | Q(body=body))
    return documents.order_by("basis_order", "issued_on")
