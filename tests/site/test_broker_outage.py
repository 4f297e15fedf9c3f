"""Redis down: a page that queues work answers at once (no 20-second hang), the work stays pending for the
periodic re-queue, and the record is written anyway.

The Celery app is pointed at a port where nothing listens (its connection pool rebuilt for the test), with the
short connection timeouts and publish retries of config/settings.py."""

from __future__ import annotations

import logging
import time

import pytest

from awards.models import Award, DecisionDocument, DocumentStatus
from config.celery import app as celery_app
from tests.factories import make_draft_decision

pytestmark = pytest.mark.django_db
DEAD_BROKER = "redis://127.0.0.1:1/0"


@pytest.fixture
def broker_down(monkeypatch):
    # Celery reads CELERY_BROKER_URL from the environment before its configuration (CI sets it to the live Redis).
    monkeypatch.setenv("CELERY_BROKER_URL", DEAD_BROKER)
    saved = (celery_app.conf.broker_url, celery_app.conf.task_always_eager)
    celery_app.conf.broker_url, celery_app.conf.task_always_eager = DEAD_BROKER, False
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    yield
    celery_app.conf.broker_url, celery_app.conf.task_always_eager = saved
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


def test_publishing_with_redis_down_answers_fast_and_leaves_the_pdf_pending(
        client, staff, unit_a, officer_a, broker_down, caplog, django_capture_on_commit_callbacks):
    decision = make_draft_decision(unit_a, officer_a, staff)
    client.force_login(staff)
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="awards.core.outbox"), django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/awards/decisions/{decision.pk}/publish/", {"confirm": "1"})
    elapsed = time.monotonic() - started

    assert response.status_code == 302
    assert elapsed < 5, f"publishing took {elapsed:.1f} s with Redis down"
    assert Award.objects.filter(decision=decision).count() == 1  # the record is written
    document = DecisionDocument.objects.get(decision=decision)
    assert document.status == DocumentStatus.PENDING  # re-queued by reset_stuck_renders once Redis is back
    assert any("Queue unavailable" in r.getMessage() and "outbox entry" in r.getMessage()
               for r in caplog.records)
    page = client.get(response["Location"]).content.decode()
    assert "Đã ban hành quyết định 01/QĐ-UBND; đã ghi 1 khen thưởng vào sổ." in page
