"""A notice is not held back by a certificate batch: a notice queued while a certificate render is running is
delivered before the render ends, with a worker started as ``make worker`` starts it (the four queues, prefork, two
processes here) and with one single-process worker per queue (documents; mail, imports and default), where only
the routing keeps the notice away from the busy documents worker. The render is a real certificates document held for 20 s by the RENDER_HOLD_SECONDS test hook,
standing for a long (500-certificate) batch.

Runs where the suite runs on PostgreSQL (.ci/run; the worker is a separate process that must see the committed
rows); needs Redis on 127.0.0.1:6379 (db 15)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from django.db import transaction

from awards.core import outbox
from awards.documents import services as documents
from awards.models import DecisionDocument, DeferredStatus, DeferredTask, DocumentStatus
from tests.core.test_queues import BROKER, broker  # noqa: F401  (fixture: the app publishes to Redis db 15)
from tests.documents.test_real_worker import ROOT, database_url, wait_for_other_sessions_to_end
from tests.factories import make_dossier, make_draft_decision

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
HOLD = 20


def wait_for(predicate, seconds: float, what: str, log) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}:\n" + log.read_text()[-3000:])
        time.sleep(0.2)


MAKE_WORKER = [["-Q", "default,documents,mail,imports", "--concurrency=2"]]  # the command of `make worker`
PER_QUEUE = [["-Q", "documents", "--pool=solo"], ["-Q", "default,mail,imports", "--pool=solo"]]


@pytest.fixture(params=[MAKE_WORKER, PER_QUEUE], ids=["make-worker", "one-worker-per-queue"])
def workers(request, tmp_path, broker):  # noqa: F811
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "CELERY_", "CACHE_", "DATABASE_"))}
    env = {**clean, "DATABASE_URL": database_url(), "CELERY_BROKER_URL": BROKER, "VAR_DIR": str(tmp_path),
           "DEBUG": "1", "RENDER_HOLD_SECONDS": str(HOLD),
           "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    started = []
    for number, options in enumerate(request.param):
        log_path = tmp_path / f"worker-{number}.log"
        log = open(log_path, "w")
        process = subprocess.Popen([sys.executable, "-m", "celery", "-A", "config", "worker", "--loglevel=INFO",
                                    *options, "--without-gossip", "--without-mingle", "--without-heartbeat",
                                    "-n", f"priority{number}@%h"],
                                   cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        started.append((process, log, log_path))
        deadline = time.monotonic() + 60
        while "ready." not in log_path.read_text():
            assert process.poll() is None and time.monotonic() < deadline, log_path.read_text()
            time.sleep(0.2)
    yield Logs([path for _p, _l, path in started])
    for process, log, _path in started:
        process.terminate()
        process.wait(timeout=60)
        log.close()
    wait_for_other_sessions_to_end()


class Logs:
    def __init__(self, paths):
        self.paths = paths

    def read_text(self) -> str:
        return "\n".join(path.read_text() for path in self.paths)


def test_a_notice_queued_behind_a_certificate_batch_is_delivered_before_the_batch_ends(
        workers, unit_a, officer_a, staff):
    log = workers
    unit_a.email = "vanphong@soyte.langson.gov.vn"
    unit_a.save()
    decision = make_draft_decision(unit_a, officer_a, staff)
    with transaction.atomic():
        certificates = documents.request_document(decision, "certificates")
    wait_for(lambda: DecisionDocument.objects.get(pk=certificates.pk).status == DocumentStatus.RENDERING, 60,
             "the worker to start the certificate batch", log)

    dossier = make_dossier(unit_a, officer_a)
    with transaction.atomic():
        notice = outbox.defer("dossier_email", {"dossier_id": dossier.pk, "action": "return"})
    wait_for(lambda: DeferredTask.objects.get(pk=notice.pk).status == DeferredStatus.DONE, HOLD - 5,
             "the notice", log)

    assert DecisionDocument.objects.get(pk=certificates.pk).status == DocumentStatus.RENDERING  # batch still running
    assert "To: vanphong@soyte.langson.gov.vn" in log.read_text()
    wait_for(lambda: DecisionDocument.objects.get(pk=certificates.pk).status == DocumentStatus.DONE, HOLD + 60,
             "the certificate batch", log)
    batch = DecisionDocument.objects.get(pk=certificates.pk)
    assert DeferredTask.objects.get(pk=notice.pk).finished_at < batch.finished_at
