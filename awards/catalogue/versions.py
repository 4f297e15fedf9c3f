"""New effective-dated versions of an award type: the old terms stay in history."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Q, QuerySet

from awards.catalogue.in_force import CatalogueError
from awards.models import AwardType


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
