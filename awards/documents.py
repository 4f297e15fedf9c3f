"""Rendered documents of a decision: safe to render twice.

A document row is claimed by a conditional update (pending/failed -> rendering); a finished one is never
overwritten: new content (a new ``content_version`` of the decision) makes a new version. A periodic
job puts back renders stuck in "rendering" (a worker killed mid-render) and re-queues pending ones."""

from __future__ import annotations

import datetime
import hashlib
import logging
import time

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from awards.models import Decision, DecisionDocument, DocumentStatus

logger = logging.getLogger(__name__)
STUCK_AFTER = datetime.timedelta(minutes=10)
REQUEUE_PENDING_AFTER = datetime.timedelta(minutes=2)


def content_key(decision: Decision, kind: str) -> str:
    return hashlib.sha256(f"{decision.pk}:{kind}:{decision.content_version}:{decision.state}".encode()).hexdigest()


def latest(decision: Decision, kind: str) -> DecisionDocument | None:
    return decision.documents.filter(kind=kind).order_by("-version").first()


def queue(document_id: int) -> None:
    """Hand the render to the queue after commit (a broker outage leaves it pending, re-queued later)."""
    from awards import tasks

    tasks.enqueue_on_commit(tasks.render_decision_document, document_id)


@transaction.atomic
def request_document(decision: Decision, kind: str) -> DecisionDocument:
    """The document for the decision's current content: the existing one, or a new pending version."""
    key = content_key(decision, kind)
    current = latest(decision, kind)
    if current is not None and current.content_key == key:
        if current.status == DocumentStatus.FAILED:
            DecisionDocument.objects.filter(pk=current.pk, status=DocumentStatus.FAILED).update(
                status=DocumentStatus.PENDING, error="")
            current.refresh_from_db()
            queue(current.pk)
        return current
    document = DecisionDocument.objects.create(
        decision=decision, kind=kind, version=(current.version + 1) if current else 1, content_key=key)
    queue(document.pk)
    return document


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
    from awards import decision_pdf

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


def reset_stuck(now: datetime.datetime | None = None) -> list[int]:
    """Put renders stuck in "rendering" back to pending and queue pending ones left behind."""
    now = now or timezone.now()
    stuck = list(DecisionDocument.objects.filter(status=DocumentStatus.RENDERING, started_at__lt=now - STUCK_AFTER)
                 .values_list("pk", flat=True))
    DecisionDocument.objects.filter(pk__in=stuck, status=DocumentStatus.RENDERING).update(
        status=DocumentStatus.PENDING)
    waiting = list(DecisionDocument.objects.filter(status=DocumentStatus.PENDING,
                                                   created_at__lt=now - REQUEUE_PENDING_AFTER)
                   .values_list("pk", flat=True))
    for pk in sorted(set(stuck) | set(waiting)):
        with transaction.atomic():
            queue(pk)
    return sorted(set(stuck) | set(waiting))
