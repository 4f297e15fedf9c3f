"""/healthz: database, broker and file storage (bucket) reachability and the version; 200 when healthy, 503 when
not."""

import socket

import pytest
from django.db import OperationalError, connection

import config


def redis_is_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.mark.django_db
def test_healthy_with_in_process_tasks(client, settings, monkeypatch):
    settings.CELERY_BROKER_URL = None
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "in-process", "storage": "disk",
                               "version": config.__version__}
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.django_db
def test_unreachable_broker_gives_503(client, settings, monkeypatch):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["database"] == "ok"
    assert body["broker"].startswith("error: ")


@pytest.mark.django_db
@pytest.mark.skipif(not redis_is_up(), reason="no Redis on 127.0.0.1:6379")
def test_reachable_redis_broker_is_ok(client, settings, monkeypatch):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/0"
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["broker"] == "ok"


@pytest.mark.django_db
def test_database_failure_gives_503(client, settings, monkeypatch):
    settings.CELERY_BROKER_URL = None

    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    with monkeypatch.context() as patch:  # undone before the cache (a database table) is cleared
        patch.setattr(connection, "cursor", refuse)
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "error: OperationalError"


def test_healthz_refuses_post(client):
    assert client.post("/healthz").status_code == 405
