"""E-mail from the notice rows: per event or a daily digest, as each user chose; sent_at stamped; a mail-server
failure leaves them pending for the next run; a broker outage loses nothing (the rows commit with the move)."""

from __future__ import annotations

import datetime
import logging
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from awards.dossiers import workflow
from awards.models import DeferredTask, EmailMode, EmailStatus, Notice, NoticeKind, NoticePreference
from awards.notices.delivery import deliver
from awards.notices.tasks import send_digests
from tests.factories import make_dossier
from tests.site.test_broker_outage import broker_down  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 3, 2, 9, 30, tzinfo=datetime.UTC)


def prefer(user, mode, email="hoa@langson.gov.vn"):
    user.email = email
    user.save()
    NoticePreference.objects.update_or_create(user=user, defaults={"email_mode": mode})


def notice(user, title="Hồ sơ HS-2026-000001 đã được tiếp nhận", url="/awards/dossiers/HS-2026-000001/"):
    return Notice.objects.create(recipient=user, kind=NoticeKind.DOSSIER_RECEIVED, title=title, url=url,
                                 created_at=NOW)


def test_per_event_users_get_one_email_per_notice_and_the_rows_are_stamped(officer_a, settings):
    settings.SITE_URL = "https://tdkt.langson.gov.vn"
    prefer(officer_a, EmailMode.EACH)
    first, second = notice(officer_a), notice(officer_a, "Hồ sơ HS-2026-000002 bị trả lại: Thiếu biên bản")
    outcome = deliver(NOW)
    assert (outcome.sent, outcome.messages, outcome.failed) == (2, 2, False)
    assert [(m.subject, m.to) for m in mail.outbox] == [
        ("Hồ sơ HS-2026-000001 đã được tiếp nhận", ["hoa@langson.gov.vn"]),
        ("Hồ sơ HS-2026-000002 bị trả lại: Thiếu biên bản", ["hoa@langson.gov.vn"])]
    assert "Xem tại: https://tdkt.langson.gov.vn/awards/dossiers/HS-2026-000001/" in mail.outbox[0].body
    for row in (first, second):
        row.refresh_from_db()
        assert (row.email_status, row.emailed_at) == (EmailStatus.SENT, NOW)
    assert deliver(NOW).sent == 0 and len(mail.outbox) == 2  # twice: nothing again


def test_digest_users_wait_for_the_daily_digest(officer_a):
    prefer(officer_a, EmailMode.DIGEST)
    notice(officer_a)
    notice(officer_a, "Hồ sơ HS-2026-000001 đã có quyết định 01/QĐ-UBND")
    assert deliver(NOW).sent == 0 and mail.outbox == []
    assert send_digests() == 2
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert [(m.subject, m.to) for m in mail.outbox] == [
        (f"Tóm tắt thông báo ngày {today}: 2 thông báo mới", ["hoa@langson.gov.vn"])]
    body = mail.outbox[0].body
    assert "1. Hồ sơ HS-2026-000001 đã được tiếp nhận" in body
    assert "2. Hồ sơ HS-2026-000001 đã có quyết định 01/QĐ-UBND" in body
    assert NoticePreference.objects.get(user=officer_a).last_digest_on is not None
    assert Notice.objects.filter(email_status=EmailStatus.PENDING).count() == 0


def test_users_who_chose_no_email_or_have_no_address_are_skipped(officer_a, officer_b):
    prefer(officer_a, EmailMode.OFF)
    officer_b.email = ""
    officer_b.save()
    notice(officer_a)
    notice(officer_b)
    outcome = deliver(NOW, digest=True)
    assert (outcome.sent, outcome.skipped, mail.outbox) == (0, 2, [])
    assert set(Notice.objects.values_list("email_status", flat=True)) == {EmailStatus.SKIPPED}
    assert Notice.objects.filter(read_at__isnull=True).count() == 2  # still in the bell


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP down")


def test_a_mail_server_failure_leaves_the_notices_pending_for_the_next_run(officer_a, settings, caplog):
    prefer(officer_a, EmailMode.EACH)
    row = notice(officer_a)
    settings.EMAIL_BACKEND = "tests.notices.test_delivery.BrokenBackend"
    with caplog.at_level(logging.WARNING, logger="awards.notices.delivery"):
        outcome = deliver(NOW)
    assert (outcome.sent, outcome.failed) == (0, True)
    assert "Mail server unavailable; 1 notice(s) stay pending." in caplog.text
    row.refresh_from_db()
    assert (row.email_status, row.emailed_at) == (EmailStatus.PENDING, None)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert deliver(NOW).sent == 1
    row.refresh_from_db()
    assert row.email_status == EmailStatus.SENT and len(mail.outbox) == 1


def test_per_event_email_goes_out_when_the_move_commits(unit_a, officer_a, staff, django_capture_on_commit_callbacks):
    prefer(officer_a, EmailMode.EACH)
    dossier = make_dossier(unit_a, officer_a, state="received")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(dossier, "return", staff, note="Thiếu biên bản bình xét")
    subject = f"Hồ sơ {dossier.reference} bị Ban Thi đua - Khen thưởng trả lại: Thiếu biên bản bình xét"
    assert subject in [m.subject for m in mail.outbox]
    assert Notice.objects.get(recipient=officer_a).email_status == EmailStatus.SENT


def test_a_broker_outage_loses_no_notice(client, unit_a, officer_a, staff, broker_down,  # noqa: F811
                                         django_capture_on_commit_callbacks, caplog):
    """Broker on a closed port: the return commits, its notice row exists with its e-mail pending (and the outbox
    entry that will send it); the next run (the reaper or beat, or ``manage.py send_notices``) sends it."""
    prefer(officer_a, EmailMode.EACH)
    dossier = make_dossier(unit_a, officer_a, state="received")
    client.force_login(staff)
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="awards.core.outbox"), \
            django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/awards/dossiers/{dossier.reference}/move/return/",
                               {"note": "Thiếu biên bản bình xét", "expected_state": "received"})
    assert response.status_code == 302 and time.monotonic() - started < 5
    dossier.refresh_from_db()
    assert dossier.state == "returned"
    row = Notice.objects.get(recipient=officer_a)
    assert (row.kind, row.email_status) == (NoticeKind.DOSSIER_RETURNED, EmailStatus.PENDING)
    entry = DeferredTask.objects.get(kind="notice_emails")
    assert entry.status == "pending"  # the outbox entry of the same transaction, for the reaper
    assert any("Queue unavailable" in r.getMessage() and f"outbox entry {entry.pk}" in r.getMessage()
               for r in caplog.records)
    notice_mails = [m for m in mail.outbox if m.to == ["hoa@langson.gov.vn"] and "Ban Thi đua" in m.subject]
    assert notice_mails == []
    call_command("send_notices")
    row.refresh_from_db()
    assert row.email_status == EmailStatus.SENT
    assert [m.subject for m in mail.outbox if m.to == ["hoa@langson.gov.vn"]][-1] == row.title
