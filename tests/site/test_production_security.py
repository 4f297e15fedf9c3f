"""Production settings (DEBUG=0) give secure cookies and headers, seen on real responses.

The settings module is loaded in a fresh interpreter with production variables (the values a deployment gets);
those values are then applied with ``override_settings`` and a real login over HTTPS is checked header by header.
(``test_settings.py`` proves ``check --deploy`` is clean; this proves what the browser actually receives.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, override_settings
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
SECURITY_SETTINGS = [
    "DEBUG", "SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_SAMESITE", "SESSION_COOKIE_AGE",
    "CSRF_COOKIE_SECURE", "CSRF_COOKIE_HTTPONLY", "CSRF_COOKIE_SAMESITE", "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD", "X_FRAME_OPTIONS",
    "SECURE_CONTENT_TYPE_NOSNIFF", "SECURE_REFERRER_POLICY", "SECURE_CROSS_ORIGIN_OPENER_POLICY",
]


def production_settings(tmp_path, **extra: str) -> dict:
    keep = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG"}}
    code = ("import django, json; django.setup(); from django.conf import settings; "
            f"print(json.dumps({{k: getattr(settings, k) for k in {SECURITY_SETTINGS!r}}}))")
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={**keep, "DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": "0", "SECRET_KEY": "k" * 60,
             "ALLOWED_HOSTS": "tdkt.langson.gov.vn", "VAR_DIR": str(tmp_path), **extra})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    return production_settings(tmp_path_factory.mktemp("prod"))


def test_production_settings_values(production):
    assert production == {
        "DEBUG": False, "SESSION_COOKIE_SECURE": True, "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax", "SESSION_COOKIE_AGE": 8 * 3600, "CSRF_COOKIE_SECURE": True,
        "CSRF_COOKIE_HTTPONLY": False, "CSRF_COOKIE_SAMESITE": "Lax", "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31536000, "SECURE_HSTS_INCLUDE_SUBDOMAINS": True, "SECURE_HSTS_PRELOAD": True,
        "X_FRAME_OPTIONS": "DENY", "SECURE_CONTENT_TYPE_NOSNIFF": True, "SECURE_REFERRER_POLICY": "same-origin",
        "SECURE_CROSS_ORIGIN_OPENER_POLICY": "same-origin",
    }


def test_development_settings_do_not_mark_cookies_secure(tmp_path):
    """Secure cookies are tied to DEBUG=0: on plain-HTTP development they would never be sent back."""
    keep = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "LANG"}}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.conf import settings; "
         "print(settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, settings.SECURE_HSTS_SECONDS)"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={**keep, "DJANGO_SETTINGS_MODULE": "config.settings", "VAR_DIR": str(tmp_path)})
    assert result.stdout.split() == ["False", "False", "0"]


@pytest.mark.django_db
def test_login_over_https_sets_secure_httponly_samesite_cookies_and_headers(production, officer_a):
    values = {k: v for k, v in production.items() if k != "DEBUG"}
    with override_settings(**values, ALLOWED_HOSTS=["tdkt.langson.gov.vn"]):
        client = Client(enforce_csrf_checks=True, HTTP_HOST="tdkt.langson.gov.vn")
        page = client.get(reverse("login"), secure=True)
        assert page.status_code == 200
        csrf = page.cookies["csrftoken"]
        assert (csrf["secure"], csrf["httponly"], csrf["samesite"]) == (True, "", "Lax")
        response = client.post(reverse("login"), {"username": "officer_a", "password": "thidua2021",
                                                  "csrfmiddlewaretoken": csrf.value}, secure=True,
                               HTTP_REFERER="https://tdkt.langson.gov.vn/accounts/login/")
        assert response.status_code == 302
        session = response.cookies["sessionid"]
        assert (session["secure"], session["httponly"], session["samesite"], session["max-age"]) == (
            True, True, "Lax", 8 * 3600)
        header = response.headers
        assert header["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
        assert header["X-Frame-Options"] == "DENY"
        assert header["X-Content-Type-Options"] == "nosniff"
        assert header["Referrer-Policy"] == "same-origin"
        assert header["Cross-Origin-Opener-Policy"] == "same-origin"
        raw = next(line for line in str(response.cookies).splitlines() if "sessionid=" in line)
        assert "; HttpOnly" in raw and "; Secure" in raw and "SameSite=Lax" in raw


@pytest.mark.django_db
def test_plain_http_is_redirected_to_https(production):
    values = {k: v for k, v in production.items() if k != "DEBUG"}
    with override_settings(**values, ALLOWED_HOSTS=["tdkt.langson.gov.vn"]):
        response = Client(HTTP_HOST="tdkt.langson.gov.vn").get(reverse("login"))
    assert response.status_code == 301
    assert response["Location"] == "https://tdkt.langson.gov.vn/accounts/login/"


@pytest.mark.django_db
def test_error_pages_do_not_leak_debug_details(production, client):
    with override_settings(DEBUG=False, ALLOWED_HOSTS=["testserver"]):
        response = client.get("/khong-ton-tai/")
    assert response.status_code == 404
    assert b"URLconf" not in response.content and b"Traceback" not in response.content
