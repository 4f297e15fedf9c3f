"""Vietnamese 404 and 500 pages under ``make run`` (DEBUG on), the traceback on the console only (issue 17, item 7).

The URL configuration of this module is the site's plus two views that fail."""

from __future__ import annotations

import logging
import sys

import pytest
from django.core.exceptions import SuspiciousOperation
from django.test import Client
from django.urls import path
from django.views.debug import ExceptionReporter

from config.errors import VietnameseExceptionReporter
from config.urls import urlpatterns as site_urlpatterns

pytestmark = pytest.mark.django_db


def boom(request):
    raise RuntimeError("hỏng giữa chừng: secret-detail-42")


def suspicious(request):
    raise SuspiciousOperation("header lạ")


urlpatterns = [path("__boom__/", boom), path("__suspicious__/", suspicious), *site_urlpatterns]


@pytest.fixture
def make_run(settings):
    """The settings `make run` serves with: DEBUG on, no technical pages asked for."""
    settings.DEBUG = True
    settings.DEBUG_TECHNICAL_404 = False
    settings.DEBUG_TECHNICAL_500 = False
    settings.ROOT_URLCONF = __name__
    return settings


def _browser() -> Client:
    return Client(raise_request_exception=False, HTTP_ACCEPT="text/html,application/xhtml+xml")


def test_the_site_uses_the_vietnamese_reporter():
    from django.conf import settings

    assert settings.DEFAULT_EXCEPTION_REPORTER == "config.errors.VietnameseExceptionReporter"


def test_a_server_error_under_make_run_shows_the_vietnamese_500_page(make_run, caplog):
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = _browser().get("/__boom__/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "<h1>Đã có lỗi trong hệ thống</h1>" in page
    for leak in ("Traceback", "RuntimeError", "secret-detail-42", "Django", "settings", "Request Method"):
        assert leak not in page
    # The developer still reads the traceback on make run's console.
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert record.getMessage() == "Internal Server Error: /__boom__/"
    assert record.exc_info[0] is RuntimeError
    assert "secret-detail-42" in logging.Formatter().format(record)


def test_a_client_asking_for_text_gets_one_vietnamese_line(make_run):
    response = Client(raise_request_exception=False, HTTP_ACCEPT="text/plain").get("/__boom__/")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/plain")
    assert response.content.decode() == "Đã có lỗi trong hệ thống. Vui lòng thử lại sau ít phút.\n"


def test_a_bad_request_under_make_run_shows_the_vietnamese_400_page(make_run):
    response = _browser().get("/__suspicious__/")
    assert response.status_code == 400
    page = response.content.decode()
    assert "<h1>Yêu cầu không hợp lệ</h1>" in page and "SuspiciousOperation" not in page


def test_a_bad_request_with_debug_off_shows_the_same_page(make_run):
    make_run.DEBUG = False
    response = _browser().get("/__suspicious__/")
    assert response.status_code == 400
    assert "<h1>Yêu cầu không hợp lệ</h1>" in response.content.decode()


def test_a_path_no_pattern_matches_is_the_vietnamese_404_under_make_run(make_run, caplog):
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = _browser().get("/khong-co-trang-nay/")
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert (record.getMessage(), record.status_code, record.exc_info) == ("Not Found: /khong-co-trang-nay/", 404, None)
    assert response.status_code == 404
    page = response.content.decode()
    assert "Không tìm thấy trang hoặc hồ sơ" in page
    assert "URLconf" not in page and "Page not found" not in page


def test_a_path_missing_its_slash_is_still_redirected(make_run):
    response = _browser().get("/notifications")
    assert response.status_code == 301 and response["Location"] == "/notifications/"


def test_the_technical_pages_come_back_when_asked_for(make_run):
    make_run.DEBUG_TECHNICAL_404 = True
    make_run.DEBUG_TECHNICAL_500 = True
    assert "URLconf" in _browser().get("/khong-co-trang-nay/").content.decode()
    page = _browser().get("/__boom__/").content.decode()
    assert "RuntimeError" in page and "secret-detail-42" in page


def test_the_administrators_e_mail_keeps_the_full_report(make_run):
    try:
        raise RuntimeError("secret-detail-42")
    except RuntimeError:
        reporter = VietnameseExceptionReporter(None, *sys.exc_info(), is_email=True)
        plain = ExceptionReporter(None, *sys.exc_info(), is_email=True)
    assert "secret-detail-42" in reporter.get_traceback_html()
    assert reporter.get_traceback_text() == plain.get_traceback_text()
