"""Handing work to the Celery queue once the transaction commits, without holding up the page."""

from __future__ import annotations

import logging

from django.db import transaction

logger = logging.getLogger(__name__)


def enqueue_on_commit(task, *args) -> None:
    """Queue ``task`` once the transaction commits; when the broker is unreachable the work stays pending
    (the periodic job or the next request picks it up) and the page is not held up."""

    transaction.on_commit(lambda: enqueue(task, *args))


def enqueue(task, *args) -> None:
    """Queue ``task`` now; when the broker is unreachable, log it and leave the work pending."""
    try:
        task.delay(*args)
    except Exception:  # kombu raises several unrelated types when Redis is down
        logger.warning("Queue unavailable; %s%s stays pending", task.name, args)
