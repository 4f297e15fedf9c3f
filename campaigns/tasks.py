"""Background work of campaigns: the launch e-mails go out from a worker, not from the staff's request (a
province-wide launch writes to hundreds of units)."""

from __future__ import annotations

from celery import shared_task


@shared_task(acks_late=True)
def send_launch_emails(campaign_id: int, unit_ids: list[int]) -> int:
    from campaigns import notifications

    return notifications.campaign_launched(campaign_id, unit_ids)
