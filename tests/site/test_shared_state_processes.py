"""Sessions and the login throttle are shared by every process (issue 21, item 3; issue 15, throttling): another
Python process, with its own memory, logs in and fails logins; this process sees its session and its failures.
Once with nothing configured (the database cache, database sessions) and once with Redis (CACHE_URL: RedisCache,
cached_db sessions, config.sessions). PostgreSQL only (the other process reaches the test database); Redis at TEST_REDIS_URL
(default db 15)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import redis
from django.test import Client

from tests.documents.test_real_worker import database_url, wait_for_other_sessions_to_end

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
ROOT = Path(__file__).resolve().parents[2]
REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")

OTHER_PROCESS = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
from units.security.throttle import failures
for _ in range(4):
    Client().post("/accounts/login/", {"username": "officer_a", "password": "sai"}, REMOTE_ADDR="10.9.0.1")
browser = Client()
answer = browser.post("/accounts/login/", {"username": "staff", "password": "thidua2021"}, REMOTE_ADDR="10.9.0.2")
print(json.dumps({"status": answer.status_code, "session": browser.cookies[settings.SESSION_COOKIE_NAME].value,
                  "failures": failures(username="officer_a"), "cache": settings.CACHES["default"]["BACKEND"],
                  "sessions": settings.SESSION_ENGINE}))
"""


def run_other_process(cache_url: str | None) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CACHE_", "CELERY_", "DATABASE_"))}
    env |= {"PYTHONPATH": str(ROOT), "DJANGO_SETTINGS_MODULE": "config.settings", "DATABASE_URL": database_url(),
            "DEBUG": "1"}
    if cache_url:
        env["CACHE_URL"] = cache_url
    done = subprocess.run([sys.executable, "-c", OTHER_PROCESS], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(params=["database", "redis"])
def shared_store(request, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    if request.param == "database":
        yield None
        return
    client = redis.Redis.from_url(REDIS)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"Redis is not running at {REDIS}")
    client.flushdb()
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS}}
    settings.SESSION_ENGINE = "config.sessions"
    yield client
    client.flushdb()


def test_another_process_session_and_failed_logins_are_seen_here(shared_store, officer_a, staff, settings):
    for user in (officer_a, staff):
        user.set_password("thidua2021")
        user.save()
    try:
        other = run_other_process(REDIS if shared_store is not None else None)
    finally:
        wait_for_other_sessions_to_end()

    expected_cache = ("config.cache.SharedDatabaseCache" if shared_store is None
                      else "django.core.cache.backends.redis.RedisCache")
    expected_sessions = "config.sessions_db" if shared_store is None else "config.sessions"
    assert (other["status"], other["failures"], other["cache"]) == (302, 4, expected_cache)
    assert other["sessions"] == expected_sessions
    if shared_store is not None:  # the counters and the session are in Redis
        keys = [key.decode() for key in shared_store.keys("*")]
        assert sum(":login-failures:" in key for key in keys) == 2  # officer_a's account, 10.9.0.1's address
        assert sum(":django.contrib.sessions.cached_db" in key for key in keys) == 1

    # the session made by the other process is valid here
    browser = Client()
    browser.cookies[settings.SESSION_COOKIE_NAME] = other["session"]
    home = browser.get("/", REMOTE_ADDR="10.9.0.2")
    assert home.status_code == 200
    assert staff.display_name in home.content.decode()

    # its four failures count here: the fifth locks the account, the right password is then refused
    assert Client().post("/accounts/login/", {"username": "officer_a", "password": "sai"},
                         REMOTE_ADDR="10.9.0.3").status_code == 429
    assert Client().post("/accounts/login/", {"username": "officer_a", "password": "thidua2021"},
                         REMOTE_ADDR="10.9.0.4").status_code == 429
