"""The outbox (awards.core.outbox): every kind of deferred work is a row written with the change that needs it; the
queue runs it after commit; with the broker down the change is committed, the row stays pending and the page says
"đang chờ hàng đợi"; once the broker is back the reaper hands the row over and the work is done.

The broker is really unreachable here (a closed port, the Celery app's pools rebuilt); "back" is the suite's
in-process queue (no broker). The real worker on Redis: ``test_outbox_worker.py``."""

from __future__ import annotations

import datetime
import io
import logging

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from awards.core import outbox
from awards.council import services as council
from awards.enums import VoteChoice
from awards.models import (
    Award,
    CouncilSession,
    DashboardReport,
    DecisionDocument,
    DeferredStatus,
    DeferredTask,
    DocumentStatus,
)
from campaigns.models import CampaignStatus
from config.celery import app as celery_app
from tests.campaigns.support import make_campaign
from tests.council.test_council import cstd_tinh, members, session  # noqa: F401  (fixtures)
from tests.factories import make_dossier, make_draft_decision, sign_all

pytestmark = pytest.mark.django_db
DEAD_BROKER = "redis://127.0.0.1:1/0"
WAITING = ("Đang chờ hàng đợi: hàng đợi công việc tạm thời không hoạt động; việc sẽ tự chạy khi hàng đợi hoạt động "
           "trở lại.")


class Broker:
    """Switch the Celery app between a dead broker and the suite's in-process queue."""

    def __init__(self, monkeypatch):
        self.monkeypatch = monkeypatch
        self.saved = (celery_app.conf.broker_url, celery_app.conf.task_always_eager)

    def _reset_pools(self):
        celery_app._pool = None
        celery_app.amqp._producer_pool = None

    def down(self):
        self.monkeypatch.setenv("CELERY_BROKER_URL", DEAD_BROKER)
        celery_app.conf.broker_url, celery_app.conf.task_always_eager = DEAD_BROKER, False
        self._reset_pools()

    def back(self):
        celery_app.conf.broker_url, celery_app.conf.task_always_eager = self.saved
        self._reset_pools()


@pytest.fixture
def broker(monkeypatch, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    control = Broker(monkeypatch)
    yield control
    control.back()


def entries(kind: str) -> list[tuple[str, bool]]:
    return [(e.status, e.dispatched_at is not None) for e in DeferredTask.objects.filter(kind=kind)]


def reap_and_run(capture) -> list[int]:
    with capture(execute=True):
        return outbox.reap()


# ---------------------------------------------------------------------------------------------
# The rules of the outbox
# ---------------------------------------------------------------------------------------------


def test_an_entry_is_written_with_the_change_and_gone_with_its_rollback(unit_a, officer_a):
    dossier = make_dossier(unit_a, officer_a)
    with pytest.raises(RuntimeError), transaction.atomic():
        outbox.defer("dossier_email", {"dossier_id": dossier.pk, "action": "return"})
        raise RuntimeError("the change fails")
    assert not DeferredTask.objects.exists()


def test_a_key_keeps_one_live_entry_and_an_unknown_kind_is_refused():
    first = outbox.defer("dashboard_report", {"report_id": 0}, key="dashboard_report:0")
    again = outbox.defer("dashboard_report", {"report_id": 0}, key="dashboard_report:0")
    assert first.pk == again.pk and DeferredTask.objects.count() == 1
    with pytest.raises(LookupError, match="No outbox handler for kind 'notify'"):
        outbox.defer("notify", {})


def test_a_failing_handler_is_tried_again_later_then_marked_failed(settings, django_capture_on_commit_callbacks):
    settings.OUTBOX_HANDLERS = {**settings.OUTBOX_HANDLERS, "broken": "awards.council.tasks.render_council_minutes"}
    with django_capture_on_commit_callbacks(execute=True):
        entry = outbox.defer("broken", {"session_id": 0})  # no such session: DoesNotExist
    entry.refresh_from_db()
    assert (entry.status, entry.attempts, entry.last_error) == (
        DeferredStatus.PENDING, 1, "DoesNotExist: CouncilSession matching query does not exist.")
    assert entry.run_after > timezone.now() + datetime.timedelta(seconds=25)
    for _attempt in range(outbox.MAX_ATTEMPTS - 1):
        DeferredTask.objects.filter(pk=entry.pk).update(run_after=timezone.now(), dispatched_at=None)
        outbox.reap()
    entry.refresh_from_db()
    assert (entry.status, entry.attempts) == (DeferredStatus.FAILED, outbox.MAX_ATTEMPTS)


def test_the_reaper_puts_back_an_entry_left_running_by_a_dead_worker(unit_a, officer_a, staff, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    report = DashboardReport.objects.create(year=2020, unit=None, requested_by=staff)
    entry = DeferredTask.objects.create(kind="dashboard_report", payload={"report_id": report.pk},
                                        key=f"dashboard_report:{report.pk}", status=DeferredStatus.RUNNING,
                                        attempts=1, started_at=timezone.now() - datetime.timedelta(hours=2))

    assert outbox.reap() == [entry.pk]

    entry.refresh_from_db()
    report.refresh_from_db()
    assert (entry.status, entry.attempts, report.status) == (DeferredStatus.DONE, 2, DocumentStatus.DONE)


# ---------------------------------------------------------------------------------------------
# Each kind, queued while the broker is down, run after it is back
# ---------------------------------------------------------------------------------------------


def test_decision_document_waits_for_the_queue_then_is_rendered(client, staff, unit_a, officer_a, broker, caplog,
                                                                 django_capture_on_commit_callbacks):
    decision = sign_all(make_draft_decision(unit_a, officer_a, staff), staff)  # signed; the page issues it
    client.force_login(staff)
    broker.down()
    with caplog.at_level(logging.WARNING, logger="awards.core.outbox"), \
            django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/awards/decisions/{decision.pk}/publish/", {"confirm": "1"})

    assert response.status_code == 302
    assert Award.objects.filter(decision=decision).count() == 1  # the change is committed
    document = DecisionDocument.objects.get(decision=decision)
    assert document.status == DocumentStatus.PENDING
    assert entries("decision_document") == [(DeferredStatus.PENDING, False)]
    assert entries("dossier_email") == [(DeferredStatus.PENDING, False)]  # "decided", to the unit
    assert f"outbox entry {DeferredTask.objects.get(kind='decision_document').pk} stays pending" in caplog.text
    assert WAITING in client.get(f"/awards/decisions/{decision.pk}/").content.decode()

    broker.back()
    reap_and_run(django_capture_on_commit_callbacks)

    document.refresh_from_db()
    assert document.status == DocumentStatus.DONE and document.file.name
    assert entries("decision_document") == entries("dossier_email") == [(DeferredStatus.DONE, True)]
    assert WAITING not in client.get(f"/awards/decisions/{decision.pk}/").content.decode()


def test_council_minutes_wait_for_the_queue_then_are_rendered(client, session, members, staff, broker,  # noqa: F811
                                                              django_capture_on_commit_callbacks):
    for member in members[:18]:
        council.cast_vote(session.items.get(), member, VoteChoice.YES)
    broker.down()
    with django_capture_on_commit_callbacks(execute=True):
        council.close_session(session, staff)

    session.refresh_from_db()
    assert (session.status, session.minutes_pdf.name) == ("closed", "")
    assert entries("council_minutes") == [(DeferredStatus.PENDING, False)]
    client.force_login(staff)
    assert WAITING in client.get(f"/awards/council/{session.pk}/").content.decode()

    broker.back()
    call_command("requeue_outbox", stdout=(out := io.StringIO()))
    # the minutes, and the e-mails of the members' notices (session opened, votes needed) written with the session
    assert out.getvalue() == "Đã đưa vào hàng đợi 2 việc; còn chờ 0 việc.\n"

    assert CouncilSession.objects.get(pk=session.pk).minutes_pdf.name == f"council/bien-ban-{session.pk}.pdf"
    assert entries("council_minutes") == [(DeferredStatus.DONE, True)]


def test_dashboard_report_waits_for_the_queue_then_is_rendered(client, staff, broker,
                                                               django_capture_on_commit_callbacks):
    client.force_login(staff)
    broker.down()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/dashboard/reports/", {"year": "2020"})

    report = DashboardReport.objects.get()
    assert (response.status_code, report.status) == (302, DocumentStatus.PENDING)
    assert WAITING in client.get(response["Location"]).content.decode()

    broker.back()
    reap_and_run(django_capture_on_commit_callbacks)

    report.refresh_from_db()
    assert report.status == DocumentStatus.DONE and report.file.read().startswith(b"%PDF")
    assert WAITING not in client.get(response["Location"]).content.decode()


TRANSACTIONAL = pytest.mark.django_db(transaction=True, serialized_rollback=True)  # commits as in production


@TRANSACTIONAL
def test_campaign_launch_says_the_emails_wait_and_sends_them_after_the_outage(client, staff, unit_a, unit_b,
                                                                             officer_b, broker):
    officer_b.email = "binh@example.vn"
    officer_b.save()
    unit_b.email = "soyte@example.vn"
    unit_b.save()
    campaign = make_campaign(unit_a)
    client.force_login(staff)
    broker.down()
    response = client.post(f"/campaigns/{campaign.code}/launch/",
                           {"units": [unit_b.pk], "expected_status": "draft"}, follow=True)

    page = response.content.decode()
    assert ("Đã phát động đến 1 đơn vị. Cán bộ thi đua của 1 đơn vị được báo trên hệ thống. Cán bộ thi đua có địa chỉ "
            "thư của 1 đơn vị nhận thư điện tử theo cách mỗi người chọn (từng thông báo hoặc thư tóm tắt hằng ngày). "
            "Thư điện tử đến 1 đơn vị có địa chỉ đang chờ hàng đợi: chưa gửi, sẽ gửi khi hàng đợi hoạt động trở "
            "lại.") in page
    assert "được báo qua thư điện tử" not in page
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.LAUNCHED and mail.outbox == []
    assert entries("campaign_launch_emails") == [(DeferredStatus.PENDING, False)]

    broker.back()
    outbox.reap()

    assert [m.to for m in mail.outbox] == [["soyte@example.vn"]]  # the unit's mailbox; the officer has his notice
    assert entries("campaign_launch_emails") == [(DeferredStatus.DONE, True)]


@TRANSACTIONAL
def test_campaign_launch_with_the_queue_running_says_the_emails_went(client, staff, unit_a, unit_b, officer_b):
    officer_b.email = "binh@example.vn"
    officer_b.save()
    unit_b.email = "soyte@example.vn"
    unit_b.save()
    campaign = make_campaign(unit_a)
    client.force_login(staff)
    response = client.post(f"/campaigns/{campaign.code}/launch/",
                           {"units": [unit_b.pk], "expected_status": "draft"}, follow=True)
    assert ("Đã phát động đến 1 đơn vị. Cán bộ thi đua của 1 đơn vị được báo trên hệ thống. Cán bộ thi đua có địa chỉ "
            "thư của 1 đơn vị nhận thư điện tử theo cách mỗi người chọn (từng thông báo hoặc thư tóm tắt hằng ngày). "
            "Thư điện tử đã gửi đến 1 đơn vị có địa chỉ." in response.content.decode())
    assert [m.to for m in mail.outbox] == [["soyte@example.vn"]]


def test_dossier_email_waits_for_the_queue_then_is_sent(client, staff, unit_a, officer_a, broker,
                                                        django_capture_on_commit_callbacks):
    unit_a.email = "vanphong@sogddt.example.vn"
    unit_a.save()
    dossier = make_dossier(unit_a, officer_a, state="received")
    client.force_login(staff)
    broker.down()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/awards/dossiers/{dossier.reference}/move/return/",
                               {"expected_state": "received", "note": "Thiếu tờ trình"})

    dossier.refresh_from_db()
    assert (response.status_code, dossier.state, mail.outbox) == (302, "returned", [])
    assert entries("dossier_email") == [(DeferredStatus.PENDING, False)]

    broker.back()
    reap_and_run(django_capture_on_commit_callbacks)

    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["vanphong@sogddt.example.vn"], f"Hồ sơ {dossier.reference} bị trả lại: cần bổ sung, chỉnh sửa")]
    assert entries("dossier_email") == [(DeferredStatus.DONE, True)]
