"""Queues by kind of work: PDF renders (decisions, certificate batches, council minutes, dashboard reports) go to
"documents", e-mail to "mail", nominee imports to "imports", housekeeping to "default". Proved twice: by the
routing table of every task and every outbox kind, and by the messages a real Redis broker (db 15) holds after
each kind of outbox entry is handed over."""

from __future__ import annotations

import base64
import json

import pytest
import redis
from django.conf import settings

from awards.core import outbox
from awards.models import DeferredTask
from config.celery import app as celery_app

pytestmark = pytest.mark.django_db
BROKER = "redis://127.0.0.1:6379/15"
QUEUES = ["default", "documents", "imports", "mail"]

TASK_QUEUES = {
    "awards.core.outbox.reap_outbox": "default",
    "awards.documents.tasks.reset_stuck_renders": "default",
    "awards.documents.tasks.render_decision_document": "documents",
    "awards.council.tasks.render_council_minutes": "documents",
    "awards.reports.tasks.render_dashboard_report": "documents",
    "campaigns.tasks.send_launch_emails": "mail",
    "awards.notices.delivery.deliver_notices": "mail",
    "awards.notices.tasks.send_digests": "mail",
    "awards.notices.tasks.send_reminders": "mail",
}
KIND_QUEUES = {
    "decision_document": "documents",  # decisions and certificate batches (DocumentKind.CERTIFICATES)
    "council_minutes": "documents",
    "dashboard_report": "documents",
    "campaign_launch_emails": "mail",
    "dossier_email": "mail",
    "notice_emails": "mail",
    "import_nominee_list": "imports",
}


def test_every_task_of_ours_is_routed_to_its_queue():
    celery_app.loader.import_default_modules()
    ours = sorted(name for name in celery_app.tasks if name.startswith(("awards.", "campaigns.", "units.")))
    assert ours == sorted([*TASK_QUEUES, "awards.core.outbox.run_deferred"])
    routed = {name: celery_app.amqp.router.route({}, name, (), {})["queue"].name for name in TASK_QUEUES}
    assert routed == TASK_QUEUES


def test_every_outbox_kind_has_its_queue_and_an_unlisted_kind_goes_to_default():
    assert {kind: outbox.queue_of(kind) for kind in settings.OUTBOX_HANDLERS} == KIND_QUEUES
    assert outbox.queue_of("some_new_kind") == "default"


def test_a_worker_without_q_consumes_the_four_queues():
    assert sorted(queue.name for queue in celery_app.amqp.queues.values()) == QUEUES
    assert celery_app.conf.task_default_queue == "default"


@pytest.fixture
def broker(monkeypatch):
    client = redis.Redis.from_url(BROKER)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    client.flushdb()
    saved = (celery_app.conf.broker_url, celery_app.conf.task_always_eager)
    monkeypatch.setenv("CELERY_BROKER_URL", BROKER)  # Celery reads this variable before its own setting (CI sets it)
    celery_app.conf.broker_url, celery_app.conf.task_always_eager = BROKER, False
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    yield client
    celery_app.conf.broker_url, celery_app.conf.task_always_eager = saved
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    client.flushdb()


def queued(client: redis.Redis) -> dict[str, list[tuple[str, int]]]:
    """The messages waiting in each queue of the broker: (task name, outbox entry id)."""
    found = {}
    for name in QUEUES:
        messages = [json.loads(raw) for raw in reversed(client.lrange(name, 0, -1))]
        found[name] = [(m["headers"]["task"], json.loads(base64.b64decode(m["body"]))[0][0]) for m in messages]
    return found


def test_each_outbox_kind_is_handed_to_its_queue_on_a_real_broker(broker, django_capture_on_commit_callbacks):
    entries = {}
    with django_capture_on_commit_callbacks(execute=True):
        for kind in KIND_QUEUES:
            entries[kind] = outbox.defer(kind, {}, key=f"{kind}:routing-test").pk

    run = "awards.core.outbox.run_deferred"
    assert queued(broker) == {
        "default": [],
        "documents": [(run, entries["decision_document"]), (run, entries["council_minutes"]),
                      (run, entries["dashboard_report"])],
        "imports": [(run, entries["import_nominee_list"])],
        "mail": [(run, entries["campaign_launch_emails"]), (run, entries["dossier_email"]),
                 (run, entries["notice_emails"])],
    }
    assert DeferredTask.objects.filter(dispatched_at__isnull=True).count() == 0


def test_the_reaper_hands_entries_over_to_their_kinds_queues(broker):
    notice = DeferredTask.objects.create(kind="dossier_email", payload={})
    render = DeferredTask.objects.create(kind="decision_document", payload={})

    assert outbox.reap() == [notice.pk, render.pk]

    run = "awards.core.outbox.run_deferred"
    assert queued(broker) == {"default": [], "documents": [(run, render.pk)], "imports": [],
                              "mail": [(run, notice.pk)]}
