"""Rendering one decision document in a worker: claimed by a conditional update, finished once.

A task message is acknowledged only after the task (late acknowledgement), so a worker killed mid-render has
its message delivered again; ``render`` lets only such a redelivery take the dead claim over."""

from __future__ import annotations

import datetime
import hashlib
import logging
import time

from django.conf import settings
from django.core.files.base import ContentFile
from django.db.models import F
from django.utils import timezone

from awards.documents import decision_pdf
from awards.models import DecisionDocument, DocumentStatus

logger = logging.getLogger(__name__)
STUCK_AFTER = datetime.timedelta(minutes=10)
REQUEUE_PENDING_AFTER = datetime.timedelta(minutes=2)


def render(document_id: int, redelivered: bool = False) -> str:
    """Render one document if nobody has (returns "done", "skipped" or raises after marking it failed).

    A task message is acknowledged only after the task (late acknowledgement): a worker killed mid-render has
    its message delivered again, flagged ``redelivered``, and finds the row still "rendering" under its dead
    claim. Only such a redelivery takes the claim over (compare-and-set on ``attempts``). Every attempt writes
    its own file and finishes only if its claim is still the current one, so however many deliveries run, the
    document ends done once, with one file; a redelivery of a finished render does nothing."""
    claimed = DecisionDocument.objects.filter(
        pk=document_id, status__in=[DocumentStatus.PENDING, DocumentStatus.FAILED]
    ).update(status=DocumentStatus.RENDERING, started_at=timezone.now(), attempts=F("attempts") + 1)
    if claimed == 0 and redelivered:
        seen = DecisionDocument.objects.filter(pk=document_id, status=DocumentStatus.RENDERING).values_list(
            "attempts", flat=True).first()
        if seen is not None:
            claimed = DecisionDocument.objects.filter(pk=document_id, status=DocumentStatus.RENDERING,
                                                      attempts=seen).update(started_at=timezone.now(),
                                                                            attempts=seen + 1)
            if claimed:
                logger.warning("Document %s: render taken over from a lost attempt %s", document_id, seen)
    if claimed == 0:
        return "skipped"
    document = DecisionDocument.objects.select_related("decision").get(pk=document_id)
    attempt = document.attempts
    if settings.RENDER_HOLD_SECONDS:  # test hook (0 in production): keep the claim open so a test can kill the worker
        time.sleep(settings.RENDER_HOLD_SECONDS)
    try:
        data, pages = decision_pdf.render(document.decision, document.kind)
    except Exception as exc:
        DecisionDocument.objects.filter(pk=document_id, status=DocumentStatus.RENDERING, attempts=attempt).update(
            status=DocumentStatus.FAILED, error=f"{exc.__class__.__name__}: {exc}"[:2000], finished_at=timezone.now())
        raise
    document.file.save(file_name(document, attempt), ContentFile(data), save=False)
    finished = DecisionDocument.objects.filter(pk=document_id, status=DocumentStatus.RENDERING,
                                               attempts=attempt).update(
        status=DocumentStatus.DONE, file=document.file.name, sha256=hashlib.sha256(data).hexdigest(),
        size=len(data), pages=pages, error="", finished_at=timezone.now())
    storage = document.file.storage
    if not finished:  # another attempt took the claim over: its file is the one kept
        storage.delete(document.file.name)
        return "skipped"
    for earlier in range(1, attempt):  # files a killed attempt may have left behind
        stale = document.file.field.generate_filename(document, file_name(document, earlier))
        if storage.exists(stale):
            storage.delete(stale)
    return "done"


def file_name(document: DecisionDocument, attempt: int) -> str:
    """One name per attempt, so two attempts never write the same file."""
    suffix = "" if attempt <= 1 else f"-{attempt}"
    return f"decisions/{document.decision_id}/{document.kind}-v{document.version}{suffix}.pdf"


def release_stuck(now: datetime.datetime | None = None) -> list[int]:
    """Put renders stuck in "rendering" back to pending; the ids of those and of pending ones left behind,
    for the periodic job to queue again."""
    now = now or timezone.now()
    stuck = list(DecisionDocument.objects.filter(status=DocumentStatus.RENDERING, started_at__lt=now - STUCK_AFTER)
                 .values_list("pk", flat=True))
    DecisionDocument.objects.filter(pk__in=stuck, status=DocumentStatus.RENDERING).update(
        status=DocumentStatus.PENDING)
    waiting = list(DecisionDocument.objects.filter(status=DocumentStatus.PENDING,
                                                   created_at__lt=now - REQUEUE_PENDING_AFTER)
                   .values_list("pk", flat=True))
    return sorted(set(stuck) | set(waiting))
