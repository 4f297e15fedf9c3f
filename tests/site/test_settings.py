"""Settings from the environment are strict: a bad value stops start-up and names the variable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config import env

ROOT = Path(__file__).resolve().parents[2]


def start(environment: dict[str, str]) -> subprocess.CompletedProcess:
    """Start Django in a fresh interpreter with exactly these settings variables."""
    keep = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG", "LC_ALL"}}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.conf import settings; "
         "print(settings.DATABASES['default']['ENGINE'], settings.DEBUG)"],
        cwd=ROOT,
        env={**keep, "DJANGO_SETTINGS_MODULE": "config.settings", **environment},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_bad_database_url_stops_start_up_naming_the_variable():
    result = start({"DATABASE_URL": "not-a-url"})
    assert result.returncode != 0
    assert "ImproperlyConfigured: DATABASE_URL='not-a-url' is not a database URL" in result.stderr


def test_unsupported_database_engine_is_refused():
    result = start({"DATABASE_URL": "mysql://root@127.0.0.1/tdkt"})
    assert result.returncode != 0
    assert "DATABASE_URL='mysql://root@127.0.0.1/tdkt' uses an unsupported engine" in result.stderr


def test_missing_secret_key_with_debug_off_stops_start_up():
    result = start({"DEBUG": "0", "ALLOWED_HOSTS": "example.org"})
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY must be set when DEBUG is off." in result.stderr


def test_missing_allowed_hosts_with_debug_off_stops_start_up():
    result = start({"DEBUG": "0", "SECRET_KEY": "x" * 60})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set when DEBUG is off." in result.stderr


def test_malformed_debug_value_names_the_variable():
    result = start({"DEBUG": "maybe"})
    assert result.returncode != 0
    assert "DEBUG='maybe' is not a boolean" in result.stderr


def test_malformed_broker_url_names_the_variable():
    result = start({"CELERY_BROKER_URL": "127.0.0.1:6379"})
    assert result.returncode != 0
    assert "CELERY_BROKER_URL='127.0.0.1:6379' is not a broker URL" in result.stderr


def test_defaults_start_on_sqlite_with_debug(tmp_path):
    result = start({"VAR_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.sqlite3 True"
    assert (tmp_path).is_dir()


def test_postgres_url_gets_persistent_connections():
    os.environ["TDKT_TEST_DB"] = "postgres://u:p@db.example:5432/tdkt"
    try:
        parsed = env.database_from_env("TDKT_TEST_DB", "/tmp/unused.sqlite3")
    finally:
        del os.environ["TDKT_TEST_DB"]
    assert parsed["ENGINE"] == "django.db.backends.postgresql"
    assert parsed["NAME"] == "tdkt"
    assert parsed["CONN_MAX_AGE"] == 60
    assert parsed["CONN_HEALTH_CHECKS"] is True


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("on", True), ("False", False), ("no", False)])
def test_env_bool_accepts_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("TDKT_FLAG", raw)
    assert env.env_bool("TDKT_FLAG", not expected) is expected


def test_env_int_refuses_words(monkeypatch):
    monkeypatch.setenv("TDKT_NUMBER", "twenty")
    with pytest.raises(ImproperlyConfigured, match="TDKT_NUMBER='twenty' is not a whole number"):
        env.env_int("TDKT_NUMBER", 1)


def test_env_list_refuses_empty_items(monkeypatch):
    monkeypatch.setenv("TDKT_HOSTS", " , ,")
    with pytest.raises(ImproperlyConfigured, match="TDKT_HOSTS"):
        env.env_list("TDKT_HOSTS", [])


def test_check_deploy_is_clean_with_production_values(tmp_path):
    keep = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG"}}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**keep, "DEBUG": "0", "SECRET_KEY": "k3y-" + "abcdefghij" * 6, "ALLOWED_HOSTS": "tdkt.langson.gov.vn",
             "VAR_DIR": str(tmp_path)},
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_language_and_time_zone(settings):
    assert settings.LANGUAGE_CODE == "vi"
    assert [code for code, _name in settings.LANGUAGES] == ["vi", "en"]
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
