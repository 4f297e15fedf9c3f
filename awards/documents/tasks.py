"""Decision documents in the worker: thin tasks that take ids and delegate to ``rendering``; safe to run twice."""

from __future__ import annotations

import datetime

from celery import shared_task
from django.db import transaction

from awards.core.outbox import defer
from awards.documents import rendering


@shared_task(bind=True, max_retries=3, acks_late=True, reject_on_worker_lost=True)
def render_decision_document(self, document_id: int) -> str:
    """Render a decision document; bounded retries with exponential backoff (10 s, 20 s, 40 s). Acknowledged
    late: a worker killed mid-render leaves the message to be delivered again (see ``rendering.render``)."""
    redelivered = bool((self.request.delivery_info or {}).get("redelivered"))
    try:
        return rendering.render(document_id, redelivered=redelivered)
    except Exception as exc:
        if self.request.called_directly or self.request.is_eager:
            raise
        raise self.retry(exc=exc, countdown=10 * (2 ** self.request.retries)) from exc


def render_deferred(document_id: int, redelivered: bool = False) -> str:
    """The outbox's handler of "decision_document" (``awards.core.outbox``); ``redelivered`` when the entry is
    taken over from a worker that died."""
    return rendering.render(document_id, redelivered=redelivered)


def defer_render(document_id: int) -> None:
    """The outbox entry of a render (one live entry per document), in the caller's transaction."""
    defer("decision_document", {"document_id": document_id}, key=f"decision_document:{document_id}")


def requeue_stuck(now: datetime.datetime | None = None) -> list[int]:
    """Put renders stuck in "rendering" back to pending and queue them, with pending ones left behind."""
    ids = rendering.release_stuck(now)
    for pk in ids:
        with transaction.atomic():
            defer_render(pk)
    return ids


@shared_task
def reset_stuck_renders() -> list[int]:
    return requeue_stuck()
