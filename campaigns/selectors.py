"""Read-side queries for campaigns."""

from __future__ import annotations

import datetime

from django.db.models import Prefetch, Q, QuerySet

from campaigns.models import Campaign, Target


def campaigns_in(year: int) -> QuerySet[Campaign]:
    """Campaigns running at some point of ``year``."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return Campaign.objects.filter(start_date__lte=end).filter(Q(end_date__isnull=True) | Q(end_date__gte=start))


def targets_in(year: int, unit_id: int | None = None) -> list[Campaign]:
    """Campaigns of the year with their targets and recorded results (two queries)."""
    targets = Target.objects.select_related("unit").order_by("pk")
    if unit_id is not None:
        targets = targets.filter(Q(unit_id=unit_id) | Q(unit__isnull=True))
    campaigns = campaigns_in(year).prefetch_related(Prefetch("targets", queryset=targets)).order_by("start_date")
    return [c for c in campaigns if c.targets.all()]
