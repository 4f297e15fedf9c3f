"""Project-level views: the health check used by load balancers and monitoring; the favicon browsers ask for."""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

import config
from config.celery import app as celery_app


def _database_status() -> tuple[bool, str]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any driver error means unhealthy
        return False, f"error: {exc.__class__.__name__}"
    return True, "ok"


def _broker_status() -> tuple[bool, str]:
    if settings.CELERY_BROKER_URL is None:
        return True, "in-process"
    try:
        with celery_app.connection_for_write(settings.CELERY_BROKER_URL) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as exc:  # kombu raises several unrelated types
        return False, f"error: {exc.__class__.__name__}"
    return True, "ok"


def _storage_status() -> tuple[bool, str]:
    """The bucket (when files are in one) answers; the local disk is not checked ("disk")."""
    from django.core.files.storage import default_storage

    bucket = getattr(default_storage, "bucket_name", None)
    if not bucket:
        return True, "disk"
    try:
        default_storage.connection.meta.client.head_bucket(Bucket=bucket)
    except Exception as exc:  # botocore raises several unrelated types
        return False, f"error: {exc.__class__.__name__}"
    return True, "ok"


@never_cache
@require_GET
def healthz(request):
    db_ok, db_text = _database_status()
    broker_ok, broker_text = _broker_status()
    storage_ok, storage_text = _storage_status()
    healthy = db_ok and broker_ok and storage_ok
    return JsonResponse(
        {
            "status": "ok" if healthy else "error",
            "database": db_text,
            "broker": broker_text,
            "storage": storage_text,
            "version": config.__version__,
        },
        status=200 if healthy else 503,
    )


@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: send them to the static icon (no 404 in the log)."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))
