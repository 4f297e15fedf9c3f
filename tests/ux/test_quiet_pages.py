"""Quiet, honest logs and pages (issue 17, item 7)."""

from __future__ import annotations

import logging

import pytest
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse

from campaigns.notifications import campaign_launched
from config.logfilters import QuietClientErrors
from tests.factories import UnitFactory, make_dossier

pytestmark = pytest.mark.django_db


def test_404_is_vietnamese_with_debug_off(client_for, settings):
    settings.DEBUG = False
    response = client_for("staff").get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang hoặc hồ sơ" in response.content.decode()


def test_404_is_vietnamese_under_make_run_debug_on(client_for, settings):
    settings.DEBUG = True
    response = client_for("officer_b").get(reverse("awards:dossier", args=["HS-2026-999999"]))
    assert response.status_code == 404
    page = response.content.decode()
    assert "Không tìm thấy trang hoặc hồ sơ" in page and "URLconf" not in page


def test_500_handler_renders_the_vietnamese_page():
    from django.views.defaults import server_error

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Đã có lỗi trong hệ thống" in response.content.decode()


def test_403_is_vietnamese_and_logged_without_a_traceback(unit_a, officer_a, client_for, caplog):
    dossier = make_dossier(unit_a, officer_a)
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client_for("staff").get(reverse("awards:dossier_edit", args=[dossier.reference]))
    assert response.status_code == 403
    assert "Bạn không có quyền thực hiện thao tác này" in response.content.decode()
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert record.status_code == 403
    assert record.exc_info is None  # Django attached the PermissionDenied; the console handler's filter dropped it
    assert logging.Formatter("%(levelname)s %(message)s").format(record) == (
        f"WARNING Forbidden (Permission denied): /awards/dossiers/{dossier.reference}/edit/")


def test_the_console_handler_carries_the_filter():
    from django.conf import settings

    assert settings.LOGGING["handlers"]["console"]["filters"] == ["quiet_client_errors"]


def test_the_filter_drops_the_traceback_of_a_refusal_only():
    refused = logging.LogRecord("django.request", logging.WARNING, __file__, 1, "Forbidden", None,
                                (PermissionError, PermissionError(), None))
    refused.status_code = 404
    QuietClientErrors().filter(refused)
    assert refused.exc_info is None


def test_a_server_error_keeps_its_traceback():
    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "boom", None, (ValueError, ValueError(),
                                                                                          None))
    record.status_code = 500
    QuietClientErrors().filter(record)
    assert record.exc_info is not None


def test_campaign_launch_logs_one_summary_line_for_units_without_e_mail(caplog, unit_a):
    from tests.campaigns.support import make_campaign

    campaign = make_campaign(unit_a, code="pt-thu")
    units = [UnitFactory() for _ in range(3)]
    units[0].email = "vanthu@langson.gov.vn"
    units[0].save()
    with caplog.at_level(logging.INFO, logger="campaigns.notifications"):
        sent = campaign_launched(campaign.pk, [u.pk for u in units])
    assert sent == 1 and len(mail.outbox) == 1
    assert [r.getMessage() for r in caplog.records if r.name == "campaigns.notifications"] == [
        "Campaign pt-thu: 1 e-mail(s) sent; 2 of 3 unit(s) have no e-mail address."]


def test_favicon_is_linked_and_served(client_for):
    page = client_for("staff").get(reverse("home")).content.decode()
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in page
    response = client_for("anonymous").get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == "/static/img/favicon.svg"


def test_weasyprint_tells_only_its_warnings():
    """`make run` seeds the demo's PDFs: without this, seven INFO lines per document on the console."""
    assert not logging.getLogger("weasyprint.progress").isEnabledFor(logging.INFO)
    assert logging.getLogger("weasyprint").isEnabledFor(logging.WARNING)


def test_a_unit_without_a_mailbox_is_not_a_line_per_dossier(unit_a, officer_a, staff, caplog,
                                                            django_capture_on_commit_callbacks):
    from awards.dossiers import workflow

    dossier = make_dossier(unit_a, officer_a, state="received")
    with caplog.at_level(logging.INFO), django_capture_on_commit_callbacks(execute=True):
        workflow.transition(dossier, "return", staff, note="Thiếu tờ trình")
    assert [r.getMessage() for r in caplog.records if r.name == "awards.dossiers.notifications"] == []
    assert mail.outbox == []  # no mailbox; the officer (no address) has his notice in the app
