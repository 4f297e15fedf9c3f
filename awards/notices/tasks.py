"""Beat tasks of the notification centre (config/settings.py ``CELERY_BEAT_SCHEDULE``): thin, safe to run twice."""

from __future__ import annotations

from celery import shared_task

from awards.notices import delivery, reminders


@shared_task(acks_late=True)
def send_digests() -> int:
    """The day's digest e-mails (and any per-event e-mail still pending)."""
    return delivery.deliver(digest=True).sent


@shared_task(acks_late=True)
def send_reminders() -> int:
    """Every reminder due today, each once per threshold."""
    return sum(reminders.run().values())
