"""Deferred work through an outbox: nothing is lost when the queue (Redis) is down.

    defer("council_minutes", {"session_id": 12}, key="council_minutes:12")

writes a ``DeferredTask`` row in the caller's transaction (the change and its work commit together or not at all)
and, once the transaction commits, hands the row's id to the Celery queue (``run_deferred``),
or runs it at once in-process when no broker is configured (the embedded default). When the broker cannot be
reached the row stays pending, the page says so ("đang chờ hàng đợi", ``waiting``), and the reaper
(``reap``: every minute from Celery beat, or ``manage.py requeue_outbox``) hands it over again later.

The handler of each kind is named in ``settings.OUTBOX_HANDLERS`` (kind -> dotted path of a callable taking the
payload as keyword arguments). A handler must be safe to run twice (a message may be delivered twice): the
existing ones claim their row by a conditional update. To add a kind ("notify", ...): write the handler, add a line
to ``OUTBOX_HANDLERS``, call ``defer`` where the change is made.
"""

from __future__ import annotations

import datetime
import inspect
import logging
from collections.abc import Callable
from typing import Any

from celery import shared_task
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.module_loading import import_string

from awards.models import DeferredStatus, DeferredTask

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
BACKOFF_SECONDS = 30  # 30 s, 60 s, 120 s, 240 s between attempts of a failing handler


def handler_of(kind: str) -> Callable[..., Any]:
    try:
        path = settings.OUTBOX_HANDLERS[kind]
    except KeyError:
        raise LookupError(f"No outbox handler for kind {kind!r}; add it to settings.OUTBOX_HANDLERS") from None
    return import_string(path)


def defer(kind: str, payload: dict[str, Any] | None = None, *, key: str = "",
          run_after: datetime.datetime | None = None) -> DeferredTask:
    """Record work of ``kind`` in the current transaction and queue it after commit. With a ``key``, a live
    (pending or running) entry with the same key is reused instead of making a second one."""
    handler_of(kind)  # an unknown kind fails here, in the request that made it, not later in a worker
    with transaction.atomic():
        if key:
            live = DeferredTask.objects.filter(key=key, status__in=[DeferredStatus.PENDING, DeferredStatus.RUNNING])
            existing = live.first()
            if existing is not None:
                return existing
        try:
            with transaction.atomic():
                entry = DeferredTask.objects.create(kind=kind, payload=payload or {}, key=key,
                                                    run_after=run_after or timezone.now())
        except IntegrityError:  # another transaction made the same key's entry a moment ago
            return DeferredTask.objects.get(key=key, status__in=[DeferredStatus.PENDING, DeferredStatus.RUNNING])
    transaction.on_commit(lambda: dispatch(entry.pk))
    return entry


def dispatch(entry_id: int, countdown: int | None = None) -> bool:
    """Hand an entry to the queue; False (entry left pending for the reaper) when the broker is unreachable."""
    try:
        if countdown:
            run_deferred.apply_async((entry_id,), countdown=countdown)
        else:
            run_deferred.delay(entry_id)
    except Exception:  # kombu raises several unrelated types when Redis is down
        logger.warning("Queue unavailable; outbox entry %s stays pending", entry_id)
        return False
    DeferredTask.objects.filter(pk=entry_id, dispatched_at__isnull=True).update(dispatched_at=timezone.now())
    return True


def run(entry_id: int, redelivered: bool = False) -> str:
    """Run one entry: claim it (pending -> running, by a conditional update), call its handler, mark it done.
    A failing handler is tried again with a growing delay, up to ``MAX_ATTEMPTS``, then marked failed. A
    ``redelivered`` message (its worker died) takes over an entry left running, and a handler that declares a
    ``redelivered`` keyword is told so."""
    now = timezone.now()
    claimable = [DeferredStatus.PENDING, *([DeferredStatus.RUNNING] if redelivered else [])]
    claimed = DeferredTask.objects.filter(pk=entry_id, status__in=claimable).update(
        status=DeferredStatus.RUNNING, attempts=F("attempts") + 1, started_at=now)
    if not claimed:
        return "skipped"
    entry = DeferredTask.objects.get(pk=entry_id)
    handler = handler_of(entry.kind)
    extra = {"redelivered": True} if redelivered and "redelivered" in inspect.signature(handler).parameters else {}
    try:
        handler(**entry.payload, **extra)
    except Exception as exc:
        logger.exception("Outbox entry %s (%s) failed on attempt %s", entry.pk, entry.kind, entry.attempts)
        error = f"{type(exc).__name__}: {exc}"[:2000]
        if entry.attempts >= MAX_ATTEMPTS:
            DeferredTask.objects.filter(pk=entry.pk).update(status=DeferredStatus.FAILED, last_error=error,
                                                            finished_at=timezone.now())
            return "failed"
        delay = BACKOFF_SECONDS * 2 ** (entry.attempts - 1)
        DeferredTask.objects.filter(pk=entry.pk).update(
            status=DeferredStatus.PENDING, last_error=error, dispatched_at=None,
            run_after=timezone.now() + datetime.timedelta(seconds=delay))
        if not run_deferred.app.conf.task_always_eager:
            dispatch(entry.pk, countdown=delay)
        return "retry"
    DeferredTask.objects.filter(pk=entry.pk).update(status=DeferredStatus.DONE, finished_at=timezone.now(),
                                                    last_error="")
    return "done"


def reap(now: datetime.datetime | None = None) -> list[int]:
    """After an outage: hand over again every pending entry that is due and was never handed over or has waited
    ``OUTBOX_REQUEUE_SECONDS`` since, and put back entries left running longer than ``OUTBOX_STUCK_SECONDS`` (a
    worker killed mid-run). Returns the ids handed over."""
    now = now or timezone.now()
    stuck_before = now - datetime.timedelta(seconds=settings.OUTBOX_STUCK_SECONDS)
    DeferredTask.objects.filter(status=DeferredStatus.RUNNING, started_at__lt=stuck_before).update(
        status=DeferredStatus.PENDING, dispatched_at=None)
    waited = now - datetime.timedelta(seconds=settings.OUTBOX_REQUEUE_SECONDS)
    due = DeferredTask.objects.filter(status=DeferredStatus.PENDING, run_after__lte=now).filter(
        Q(dispatched_at__isnull=True) | Q(dispatched_at__lt=waited))
    handed = []
    for pk in due.order_by("pk").values_list("pk", flat=True):
        if not dispatch(pk):
            break  # the broker is still down: the next round tries again
        DeferredTask.objects.filter(pk=pk).update(dispatched_at=timezone.now())
        handed.append(pk)
    return handed


def waiting(entries: DeferredTask | list[DeferredTask] | None) -> bool:
    """Whether work is waiting for the queue: pending and never handed over (the broker was unreachable)."""
    if entries is None:
        return False
    rows = entries if isinstance(entries, list) else [entries]
    ids = [row.pk for row in rows]
    return DeferredTask.objects.filter(pk__in=ids, status=DeferredStatus.PENDING, dispatched_at__isnull=True).exists()


def waiting_for(keys: list[str]) -> bool:
    """Whether the work of any of ``keys`` waits for the queue (pending, never handed over): the page then says
    "đang chờ hàng đợi"."""
    keys = [key for key in keys if key]
    return bool(keys) and DeferredTask.objects.filter(key__in=keys, status=DeferredStatus.PENDING,
                                                      dispatched_at__isnull=True).exists()


def state_of(entry: DeferredTask | None) -> str:
    """"done", "waiting" (the queue is unavailable), "queued" (handed over, not run yet), "failed" or "none"."""
    if entry is None:
        return "none"
    entry.refresh_from_db()
    if entry.status == DeferredStatus.PENDING and entry.dispatched_at is None:
        return "waiting"
    return {DeferredStatus.DONE: "done", DeferredStatus.FAILED: "failed"}.get(entry.status, "queued")


def live_entry(key: str) -> DeferredTask | None:
    """The newest entry with ``key`` (for a page that shows where the work is)."""
    return DeferredTask.objects.filter(key=key).order_by("-pk").first()


# --------------------------------------------------------------------------------------------- the worker's side


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True)
def run_deferred(self, entry_id: int) -> str:
    """Run one outbox entry in the worker (late acknowledgement: a worker killed mid-run leaves the message to be
    delivered again, flagged ``redelivered``, which takes the entry over)."""
    return run(entry_id, redelivered=bool((self.request.delivery_info or {}).get("redelivered")))


@shared_task
def reap_outbox() -> list[int]:
    return reap()
