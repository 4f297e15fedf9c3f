"""A real Celery worker on Redis renders a decision PDF queued by the application.

Runs where the suite runs on PostgreSQL with a broker (``.ci/run``): the worker is a separate process,
so it must reach the same committed rows (a transactional test on the PostgreSQL test database) and the
same media folder."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from awards.documents import services as documents
from awards.models import DecisionDocument, DocumentStatus
from config.celery import app as celery_app
from tests.factories import make_draft_decision

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
ROOT = Path(__file__).resolve().parents[2]


def broker_url() -> str | None:
    url = os.environ.get("CELERY_BROKER_URL")
    if not url:
        return None
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return url
    except OSError:
        return None


def database_url() -> str:
    db = django_settings.DATABASES["default"]
    host = db["HOST"] or "/var/run/postgresql"
    host = host.replace("/", "%2F") if host.startswith("/") else host
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def worker(tmp_path, settings):
    url = broker_url()
    if url is None:
        pytest.skip("no CELERY_BROKER_URL with a reachable Redis")
    settings.MEDIA_ROOT = tmp_path / "media"
    celery_app.control.purge()
    env = {**os.environ, "DATABASE_URL": database_url(), "CELERY_BROKER_URL": url, "VAR_DIR": str(tmp_path),
           "DEBUG": "1"}
    log = open(tmp_path / "worker.log", "w")
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "--loglevel=INFO",
         "-n", f"test-{uuid.uuid4().hex[:8]}@%h", "--without-gossip", "--without-mingle", "--without-heartbeat"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while "ready." not in (tmp_path / "worker.log").read_text():
        if process.poll() is not None or time.monotonic() > deadline:
            raise AssertionError("worker did not start:\n" + (tmp_path / "worker.log").read_text())
        time.sleep(0.2)
    celery_app.conf.task_always_eager = False
    yield tmp_path
    celery_app.conf.task_always_eager = True
    process.terminate()
    process.wait(timeout=30)
    log.close()
    wait_for_other_sessions_to_end()


def wait_for_other_sessions_to_end(seconds: float = 10) -> None:
    """The worker's server-side session may outlive its process by a moment; the test database can only be
    dropped once it is gone."""
    from django.db import connection

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                           "AND pid <> pg_backend_pid() AND backend_type = 'client backend'")
            if cursor.fetchone()[0] == 0:
                return
        time.sleep(0.2)


def test_worker_renders_the_decision_pdf(worker, unit_a, officer_a, staff):
    decision = make_draft_decision(unit_a, officer_a, staff)
    document = documents.request_document(decision, "decision")
    deadline = time.monotonic() + 90
    while True:
        document.refresh_from_db()
        if document.status in (DocumentStatus.DONE, DocumentStatus.FAILED) or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    log = (worker / "worker.log").read_text()
    assert document.status == DocumentStatus.DONE, document.error + log[-3000:]
    assert "awards.core.outbox.run_deferred[" in log  # received through the outbox
    path = worker / "media" / document.file.name
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    import hashlib

    assert hashlib.sha256(data).hexdigest() == document.sha256
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Số: 01/QĐ-UBND" in text
    assert DecisionDocument.objects.filter(decision=decision, kind="decision").count() == 1
