"""Pure rules on a campaign: they read its fields and nothing else (no query), so selectors, services and views
may all use them."""

from __future__ import annotations

import datetime

from campaigns.models import Campaign, ReportPeriod


def deadline_for(campaign: Campaign, period: str) -> datetime.date | None:
    """The last day to report for ``period`` (interim or final), or None when the campaign sets none."""
    if period == ReportPeriod.INTERIM:
        return campaign.interim_report_deadline
    return campaign.final_report_deadline


def is_late(campaign: Campaign, period: str, day: datetime.date) -> bool:
    """A report for ``period`` sent on ``day`` is late when the period has a deadline and ``day`` is after it."""
    deadline = deadline_for(campaign, period)
    return deadline is not None and day > deadline
