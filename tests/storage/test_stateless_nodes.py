"""Stateless nodes: two gunicorn processes and a Celery worker, each in its own temporary working directory with its
own VAR_DIR (no shared disk), sharing only PostgreSQL, Redis (broker, cache) and an S3 bucket (moto server on
loopback). An attachment uploaded through node A is downloaded through node B; a decision whose render is asked
for on node B is rendered by the worker and served by both nodes; the session made on node A is valid on node B
and failed logins counted on node A lock the account on node B (shared cache).

Runs where the suite runs on PostgreSQL (.ci/run); needs Redis at TEST_REDIS_URL (default 127.0.0.1:6379, db 15)."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
import requests

from awards.models import Attachment, DecisionDocument, DocumentStatus
from tests.documents.test_real_worker import database_url, wait_for_other_sessions_to_end
from tests.factories import make_dossier, make_draft_decision
from tests.storage.conftest import KEY, REGION, SECRET, free_port

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
ROOT = Path(__file__).resolve().parents[2]
REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PASSWORD = "thidua2021"


class Node:
    def __init__(self, name: str, root: Path, env: dict, command: list[str]):
        self.dir = root / name
        (self.dir / "var").mkdir(parents=True)
        self.log_path = self.dir / "node.log"
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(command, cwd=self.dir, env={**env, "VAR_DIR": str(self.dir / "var")},
                                        stdout=self.log, stderr=subprocess.STDOUT)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()

    def files(self) -> list[Path]:
        return [p for p in (self.dir / "var").rglob("*") if p.is_file() and "media" in p.parts]


class Web(Node):
    def __init__(self, name, root, env):
        self.port = free_port()
        super().__init__(name, root, env, [sys.executable, "-m", "gunicorn", "config.wsgi:application",
                                           "--bind", f"127.0.0.1:{self.port}", "--workers", "1", "--timeout", "120"])
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(self.url + "/healthz", timeout=10)
                return
            except (requests.ConnectionError, requests.Timeout):  # not listening yet, or slow on a busy machine
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"{name} did not start:\n" + self.log_path.read_text()) from None
                time.sleep(0.3)


@pytest.fixture
def cluster(tmp_path, bucket, settings):
    client = redis.Redis.from_url(REDIS)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    client.flushdb()
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "CELERY_", "CACHE_", "DATABASE_"))}
    env = {**clean, "PYTHONPATH": str(ROOT), "DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": "1",
           "DATABASE_URL": database_url(), "CELERY_BROKER_URL": REDIS, "CACHE_URL": REDIS,
           "AWS_STORAGE_BUCKET_NAME": bucket.name, "AWS_S3_ENDPOINT_URL": bucket.endpoint,
           "AWS_ACCESS_KEY_ID": KEY, "AWS_SECRET_ACCESS_KEY": SECRET, "AWS_S3_REGION_NAME": REGION,
           "LOGIN_MAX_FAILURES": "2"}
    nodes = []
    try:
        worker = Node("worker", tmp_path, env, [sys.executable, "-m", "celery", "-A", "config", "worker",
                                                "--pool=solo", "--loglevel=INFO", "--without-gossip",
                                                "--without-mingle", "--without-heartbeat", "-n", "stateless@%h"])
        nodes.append(worker)
        nodes += [Web("node-a", tmp_path, env), Web("node-b", tmp_path, env)]
        deadline = time.monotonic() + 60
        while "ready." not in worker.log_path.read_text():
            assert worker.process.poll() is None and time.monotonic() < deadline, worker.log_path.read_text()
            time.sleep(0.3)
        yield {"worker": nodes[0], "a": nodes[1], "b": nodes[2], "bucket": bucket}
    finally:
        for node in nodes:
            node.stop()
        client.flushdb()
        wait_for_other_sessions_to_end()


def login(session: requests.Session, node: Web, username: str, password: str = PASSWORD) -> requests.Response:
    page = session.get(node.url + "/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    return session.post(node.url + "/accounts/login/", data={
        "username": username, "password": password, "csrfmiddlewaretoken": token}, allow_redirects=False)


def csrf(session: requests.Session, node: Web, path: str) -> str:
    page = session.get(node.url + path)
    assert page.status_code == 200, page.text[:500]
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


@pytest.fixture
def people(settings, unit_a, officer_a, staff, leader):
    """Real passwords (the nodes verify them with the production hashers)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    for user in (officer_a, staff, leader):
        user.set_password(PASSWORD)
        user.save()
    return officer_a, staff, leader


def test_two_web_nodes_and_a_worker_share_files_sessions_and_the_login_throttle_without_a_shared_disk(
        cluster, people, unit_a):
    officer, staff, leader = people
    a, b, worker, bucket = cluster["a"], cluster["b"], cluster["worker"], cluster["bucket"]
    assert a.dir != b.dir != worker.dir

    # an attachment uploaded through node A, downloaded through node B (the session made on A is valid on B)
    dossier = make_dossier(unit_a, officer, complete=False)
    page = f"/awards/dossiers/{dossier.reference}/"
    as_officer = requests.Session()
    assert login(as_officer, a, officer.username).status_code == 302
    token = csrf(as_officer, a, page)
    uploaded = as_officer.post(a.url + page + "attachments/new/", allow_redirects=False,
                               data={"kind": "to_trinh", "version": dossier.version, "csrfmiddlewaretoken": token},
                               files={"file": ("Tờ trình 15.pdf", PDF, "application/pdf")})
    assert uploaded.status_code == 302, uploaded.text[:2000]
    attachment = Attachment.objects.get()
    downloaded = as_officer.get(b.url + page + f"attachments/{attachment.pk}/")
    assert (downloaded.status_code, downloaded.content) == (200, PDF)
    assert bucket.objects()[attachment.file.name] == PDF

    # a render asked for on node B, done by the worker, served by both nodes
    decision = make_draft_decision(unit_a, officer, staff)
    as_staff = requests.Session()
    assert login(as_staff, b, staff.username).status_code == 302
    token = csrf(as_staff, b, f"/awards/decisions/{decision.pk}/")
    asked = as_staff.post(b.url + f"/awards/decisions/{decision.pk}/render/", allow_redirects=False,
                          data={"csrfmiddlewaretoken": token})
    assert asked.status_code == 302
    deadline = time.monotonic() + 120
    while not DecisionDocument.objects.filter(decision=decision, status__in=[DocumentStatus.DONE,
                                                                            DocumentStatus.FAILED]).exists():
        assert time.monotonic() < deadline, worker.log_path.read_text()[-3000:]
        time.sleep(0.5)
    document = DecisionDocument.objects.get(decision=decision, kind="decision")
    assert document.status == DocumentStatus.DONE, document.error
    assert "awards.core.outbox.run_deferred[" in worker.log_path.read_text()
    served = {node.dir.name: as_staff.get(node.url + f"/awards/decisions/{decision.pk}/documents/{document.pk}/")
              for node in (a, b)}
    assert {name: r.status_code for name, r in served.items()} == {"node-a": 200, "node-b": 200}
    assert served["node-a"].content == served["node-b"].content == bucket.objects()[document.file.name]
    assert hashlib.sha256(served["node-a"].content).hexdigest() == document.sha256
    assert served["node-a"].content.startswith(b"%PDF")

    # the sessions live in the shared cache (Redis, cached_db), not on a node
    store = redis.Redis.from_url(REDIS)
    sessions = [key for key in store.keys("*") if b"django.contrib.sessions.cached_db" in key]
    assert len(sessions) == 2  # the officer's (made on A) and the staff's (made on B)

    # failed logins counted on node A lock the account on node B too (the counters live in Redis,
    # units.security.throttle): the right password on node B is answered by the lock (429)
    assert [login(requests.Session(), a, leader.username, "sai-mat-khau").status_code for _ in range(2)] == [200, 429]
    assert sum(b":login-failures:account:" in key for key in store.keys("*")) == 1
    refused = login(requests.Session(), b, leader.username)
    assert refused.status_code == 429
    assert "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút." in refused.text

    # no node kept a file on its own disk
    assert [node.files() for node in (a, b, worker)] == [[], [], []]
