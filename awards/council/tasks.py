"""The council's minutes in the worker: a thin task that takes an id; does nothing if already rendered."""

from __future__ import annotations

import logging

from celery import shared_task
from django.core.files.base import ContentFile

from awards.council import minutes as council_minutes
from awards.models import CouncilSession

logger = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=3, default_retry_delay=10, acks_late=True)
def render_council_minutes(self, session_id: int) -> str:
    """The minutes (biên bản) of a closed council session as a PDF; does nothing if already rendered."""
    session = CouncilSession.objects.get(pk=session_id)
    if session.minutes_pdf:
        return session.minutes_pdf.name
    try:
        data = council_minutes.render(session)
    except Exception as exc:  # retried with backoff, then left for staff to see
        logger.exception("Rendering minutes of session %s failed", session_id)
        raise self.retry(exc=exc, countdown=10 * (2 ** self.request.retries)) from exc
    updated = CouncilSession.objects.filter(pk=session_id, minutes_pdf="")
    name = f"bien-ban-{session_id}.pdf"  # upload_to adds "council/"
    if updated.exists():
        session.minutes_pdf.save(name, ContentFile(data), save=False)
        updated.update(minutes_pdf=session.minutes_pdf.name)
    return session.minutes_pdf.name
