"""The outbox with a real Celery worker on Redis: work recorded while the broker is unreachable is run by the worker
once the reaper hands it over; work recorded while the broker is up is run by the worker straight away.

Runs where the suite runs on PostgreSQL with a broker (``.ci/run``; the worker is a separate process that must see
the committed rows); uses whatever CELERY_BROKER_URL says."""

from __future__ import annotations

import time

import pytest
from django.db import transaction

from awards.core import outbox
from awards.council import services as council
from awards.enums import VoteChoice
from awards.models import CouncilSession, DashboardReport, DeferredStatus, DeferredTask, DocumentStatus
from config.celery import app as celery_app
from tests.council.test_council import cstd_tinh, members, session  # noqa: F401  (fixtures)
from tests.documents.test_real_worker import worker  # noqa: F401  (fixture: a real worker on Redis)

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
DEAD_BROKER = "redis://127.0.0.1:1/0"


def wait_for(predicate, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.3)


def switch_broker(url: str, monkeypatch) -> None:
    # Celery reads CELERY_BROKER_URL from the environment before its configuration.
    monkeypatch.setenv("CELERY_BROKER_URL", url)
    celery_app.conf.broker_url = url
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


THIS_TEST = ["council_minutes", "dashboard_report"]  # (closing a session also writes the notices' e-mail entry)


def statuses() -> list[tuple[str, str]]:
    return list(DeferredTask.objects.filter(kind__in=THIS_TEST).order_by("pk").values_list("kind", "status"))


def test_work_queued_during_an_outage_is_run_by_the_worker_after_the_reaper(worker, staff, session,  # noqa: F811
                                                                            members, monkeypatch):  # noqa: F811
    real_broker = celery_app.conf.broker_url
    for member in members[:18]:
        council.cast_vote(session.items.get(), member, VoteChoice.YES)
    switch_broker(DEAD_BROKER, monkeypatch)
    try:
        council.close_session(session, staff)  # commits; the minutes' entry cannot be handed over
        with transaction.atomic():
            report = DashboardReport.objects.create(year=2020, requested_by=staff)
            outbox.defer("dashboard_report", {"report_id": report.pk}, key=f"dashboard_report:{report.pk}")
    finally:
        switch_broker(real_broker, monkeypatch)

    time.sleep(2)  # the worker is up and idle: nothing reaches it
    assert statuses() == [("council_minutes", DeferredStatus.PENDING), ("dashboard_report", DeferredStatus.PENDING)]
    assert DeferredTask.objects.filter(kind__in=THIS_TEST, dispatched_at__isnull=False).count() == 0

    handed = outbox.reap()

    assert set(handed) >= set(DeferredTask.objects.filter(kind__in=THIS_TEST).values_list("pk", flat=True))
    wait_for(lambda: set(DeferredTask.objects.filter(kind__in=THIS_TEST).values_list("status", flat=True))
             == {DeferredStatus.DONE}, 120,
             "the worker to run both entries:\n" + (worker / "worker.log").read_text()[-3000:])
    assert CouncilSession.objects.get(pk=session.pk).minutes_pdf.name == f"council/bien-ban-{session.pk}.pdf"
    report.refresh_from_db()
    assert report.status == DocumentStatus.DONE and report.sha256
    assert "awards.core.outbox.run_deferred" in (worker / "worker.log").read_text()


def test_work_queued_with_the_broker_up_is_run_by_the_worker(worker, staff):  # noqa: F811
    with transaction.atomic():
        report = DashboardReport.objects.create(year=2020, requested_by=staff)
        entry = outbox.defer("dashboard_report", {"report_id": report.pk}, key=f"dashboard_report:{report.pk}")

    wait_for(lambda: DeferredTask.objects.get(pk=entry.pk).status == DeferredStatus.DONE, 120,
             "the worker to run the entry:\n" + (worker / "worker.log").read_text()[-3000:])
    entry.refresh_from_db()
    assert (entry.attempts, entry.dispatched_at is not None) == (1, True)
    assert DashboardReport.objects.get(pk=report.pk).status == DocumentStatus.DONE
