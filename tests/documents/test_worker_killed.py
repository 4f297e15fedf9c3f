"""A worker killed (SIGKILL) in the middle of a render: after a new worker starts, the document is done exactly
once, with one file whose sha256 the row holds, and nothing else is written twice.

Late acknowledgement keeps the message in Redis while the task runs; the killed worker never acknowledges it, so
it is delivered again (flagged ``redelivered``) once the visibility timeout has passed, and the redelivery takes
over the dead claim. Runs on PostgreSQL with a reachable Redis (``.ci/run``); uses whatever CELERY_BROKER_URL says.
The first worker holds its claim open through ``RENDER_HOLD_SECONDS`` (0 in production) so it can be killed at
a known point."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from awards.documents import services as documents
from awards.models import Award, Decision, DecisionDocument, DocumentStatus
from config.celery import app as celery_app
from tests.documents.test_real_worker import broker_url, database_url, wait_for_other_sessions_to_end
from tests.factories import make_draft_decision

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
ROOT = Path(__file__).resolve().parents[2]


class Workers:
    def __init__(self, tmp_path: Path, url: str):
        self.tmp_path, self.url, self.processes = tmp_path, url, []

    def start(self, name: str, **extra: str) -> tuple[subprocess.Popen, Path]:
        env = {**os.environ, "DATABASE_URL": database_url(), "CELERY_BROKER_URL": self.url,
               "VAR_DIR": str(self.tmp_path), "DEBUG": "1", **extra}
        log_path = self.tmp_path / f"{name}.log"
        log = open(log_path, "w")
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "--loglevel=INFO",
             "-n", f"{name}-{uuid.uuid4().hex[:8]}@%h", "--without-gossip", "--without-mingle",
             "--without-heartbeat"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        self.processes.append((process, log))
        deadline = time.monotonic() + 60
        while "ready." not in log_path.read_text():
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"worker {name} did not start:\n" + log_path.read_text())
            time.sleep(0.2)
        return process, log_path

    def stop(self) -> None:
        for process, log in self.processes:
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=30)
            log.close()


@pytest.fixture
def workers(tmp_path, settings):
    url = broker_url()
    if url is None:
        pytest.skip("no CELERY_BROKER_URL with a reachable Redis")
    settings.MEDIA_ROOT = tmp_path / "media"
    celery_app.control.purge()
    celery_app.conf.task_always_eager = False
    pool = Workers(tmp_path, url)
    yield pool
    celery_app.conf.task_always_eager = True
    pool.stop()
    celery_app.control.purge()
    wait_for_other_sessions_to_end()


def wait_for(predicate, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)


def test_worker_killed_mid_render_leaves_the_document_done_exactly_once(workers, tmp_path, unit_a, officer_a,
                                                                         staff):
    decision = make_draft_decision(unit_a, officer_a, staff)
    awards_before = Award.objects.count()

    first, first_log = workers.start("first", RENDER_HOLD_SECONDS="60")
    document = documents.request_document(decision, "decision")  # queued on commit (autocommit here)

    def claimed():
        document.refresh_from_db()
        return document.status == DocumentStatus.RENDERING
    wait_for(claimed, 60, "the first worker to claim the render")
    assert document.attempts == 1
    os.kill(first.pid, signal.SIGKILL)
    first.wait(timeout=10)
    assert first.returncode == -signal.SIGKILL
    assert "awards.core.outbox.run_deferred[" in first_log.read_text()  # received through the outbox
    document.refresh_from_db()
    assert (document.status, document.file.name, document.sha256) == (DocumentStatus.RENDERING, "", "")

    # A new worker: the unacknowledged message comes back once its visibility timeout (here 1 s) has passed.
    time.sleep(1.5)
    _second, second_log = workers.start("second", CELERY_VISIBILITY_TIMEOUT="1")

    def finished():
        document.refresh_from_db()
        return document.status in (DocumentStatus.DONE, DocumentStatus.FAILED)
    wait_for(finished, 120, "the second worker to finish the render:\n" + second_log.read_text()[-3000:])
    assert document.status == DocumentStatus.DONE, document.error
    assert document.attempts == 2
    log = second_log.read_text()
    assert "render taken over from a lost attempt 1" in log
    assert log.count("awards.core.outbox.run_deferred[") >= 2  # received, succeeded

    folder = Path(settings_media()) / Path(document.file.name).parent
    files = sorted(p.name for p in folder.iterdir())
    assert files == [Path(document.file.name).name]
    data = (folder / files[0]).read_bytes()
    assert data.startswith(b"%PDF")
    assert hashlib.sha256(data).hexdigest() == document.sha256
    assert DecisionDocument.objects.filter(decision=decision).count() == 1
    assert Decision.objects.count() == 1
    assert Award.objects.count() == awards_before

    # Delivered once more (a duplicate message, e.g. from the periodic re-queue): nothing changes.
    sha, name = document.sha256, document.file.name
    documents.queue(document.pk)
    time.sleep(3)
    document.refresh_from_db()
    assert (document.status, document.sha256, document.file.name, document.attempts) == (
        DocumentStatus.DONE, sha, name, 2)
    assert sorted(p.name for p in folder.iterdir()) == files


def settings_media() -> str:
    from django.conf import settings

    return str(settings.MEDIA_ROOT)
