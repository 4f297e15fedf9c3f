"""Rendered documents of a decision, asked for by the pages: safe to ask twice.

A document row is claimed by a conditional update (pending/failed -> rendering, in ``rendering``); a finished
one is never overwritten: new content (a new ``content_version`` of the decision) makes a new version. The
periodic job in ``tasks`` puts back renders stuck in "rendering" (a worker killed mid-render) and re-queues
pending ones."""

from __future__ import annotations

import hashlib

from django.db import transaction

from awards.core import pdf
from awards.documents import tasks
from awards.models import Decision, DecisionDocument, DocumentStatus


def content_key(decision: Decision, kind: str) -> str:
    """Changes with the decision's content, its state and the file format (a render from before PDF/A, asked
    for again, becomes a new version; the finished one is kept)."""
    key = f"{decision.pk}:{kind}:{decision.content_version}:{decision.state}:{pdf.PDF_VARIANT}"
    return hashlib.sha256(key.encode()).hexdigest()


def latest(decision: Decision, kind: str) -> DecisionDocument | None:
    return decision.documents.filter(kind=kind).order_by("-version").first()


def queue(document_id: int) -> None:
    """The render's outbox entry, in the caller's transaction; handed to the queue after commit (a broker outage
    leaves it pending for the outbox's reaper)."""
    tasks.defer_render(document_id)


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
