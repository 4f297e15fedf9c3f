"""Strict readers for settings taken from the environment.

A malformed value stops start-up with ``ImproperlyConfigured`` naming the variable, so a typo in a
deployment never turns into a silently different configuration.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def env_str(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip()


def env_bool(name: str, default: bool) -> bool:
    value = env_str(name)
    if value is None:
        return default
    lowered = value.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name}={value!r} is not a boolean; use one of 1/0, true/false, yes/no, on/off."
    )


def env_int(name: str, default: int) -> int:
    value = env_str(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    value = env_str(name)
    if value is None:
        return default
    items = [item.strip() for item in value.split(",") if item.strip()]
    if not items:
        raise ImproperlyConfigured(f"{name}={value!r} holds no item; give a comma-separated list.")
    return items


SUPPORTED_DATABASES = {
    "django.db.backends.postgresql": "postgres",
    "django.db.backends.sqlite3": "sqlite",
}


def database_from_env(name: str, default_sqlite_path: str) -> dict:
    """Parse ``DATABASE_URL``; only PostgreSQL and SQLite are supported."""
    value = env_str(name)
    if value is None:
        os.makedirs(os.path.dirname(default_sqlite_path), exist_ok=True)
        config = dj_database_url.parse(f"sqlite:///{default_sqlite_path}")
    else:
        scheme = urlsplit(value).scheme
        if not scheme or "://" not in value:
            raise ImproperlyConfigured(
                f"{name}={value!r} is not a database URL; expected e.g. "
                "postgres://user:password@host:5432/dbname or sqlite:///path/to/file.sqlite3."
            )
        try:
            config = dj_database_url.parse(value, conn_max_age=60, conn_health_checks=True)
        except (ValueError, KeyError) as exc:
            raise ImproperlyConfigured(f"{name}={value!r} cannot be parsed: {exc}") from None
        if config.get("ENGINE") not in SUPPORTED_DATABASES:
            raise ImproperlyConfigured(
                f"{name}={value!r} uses an unsupported engine; use postgres:// or sqlite://."
            )
        if config["ENGINE"] == "django.db.backends.postgresql" and not config.get("NAME"):
            raise ImproperlyConfigured(f"{name}={value!r} names no database.")
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    return config


BROKER_SCHEMES = {"redis", "rediss", "amqp", "amqps", "memory"}


def broker_from_env(name: str) -> str | None:
    value = env_str(name)
    if value is None:
        return None
    scheme = urlsplit(value).scheme
    if scheme not in BROKER_SCHEMES or "://" not in value:
        raise ImproperlyConfigured(
            f"{name}={value!r} is not a broker URL; expected e.g. redis://127.0.0.1:6379/0."
        )
    return value


def s3_storage(bucket: str, endpoint_url: str | None = None, access_key: str | None = None,
               secret_key: str | None = None, region: str | None = None, location: str = "") -> dict:
    """The STORAGES entry of a private S3-compatible bucket (django-storages' S3Storage): objects private
    (no public ACL), no signed bucket URLs handed out (files are streamed through the permission-checked views),
    never overwritten (a second file of the same name gets a new name), large objects read through a temporary
    file rather than held in memory."""
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket, "endpoint_url": endpoint_url, "access_key": access_key,
            "secret_key": secret_key, "region_name": region, "location": location,
            "default_acl": "private", "querystring_auth": False, "file_overwrite": False, "custom_domain": None,
            "max_memory_size": 5 * 1024 * 1024,  # an object read for a download spills to a temporary file past 5 MB
        },
    }
