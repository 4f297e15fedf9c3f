"""E-mail from the notice rows (the outbox): per event, or one digest a day, as each recipient chose.

``deliver(now)`` sends the pending notices of recipients who want one e-mail per event; ``deliver(now,
digest=True)`` also sends each digest reader one e-mail listing the day's pending notices. A sent notice is
stamped (``email_status=sent``, ``emailed_at``); a notice whose recipient chose no e-mail, or has no address, is
marked ``skipped``; a mail-server failure leaves the notices pending and stops the run (the next run retries).
Safe to run twice: only pending rows are read, and each is stamped in the same step as its message is sent."""

from __future__ import annotations

import datetime
import logging
from collections import defaultdict
from dataclasses import dataclass

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone

from awards.models import EmailMode, EmailStatus, Notice, NoticePreference

logger = logging.getLogger(__name__)
DEFAULT_MODE = EmailMode.DIGEST  # who never chose gets one e-mail a day


@dataclass
class Outcome:
    sent: int = 0  # notices e-mailed
    messages: int = 0  # e-mails sent
    skipped: int = 0
    failed: bool = False  # the mail server refused; what was not sent stays pending


def mode_of(user) -> str:
    try:
        return user.notice_preference.email_mode
    except NoticePreference.DoesNotExist:
        return DEFAULT_MODE


def _stamp(ids: list[int], status: str, now: datetime.datetime) -> None:
    Notice.objects.filter(pk__in=ids, email_status=EmailStatus.PENDING).update(
        email_status=status, emailed_at=now if status == EmailStatus.SENT else None)


def deliver(now: datetime.datetime | None = None, *, digest: bool = False) -> Outcome:
    now = now or timezone.now()
    pending = (Notice.objects.filter(email_status=EmailStatus.PENDING)
               .select_related("recipient", "recipient__notice_preference")
               .order_by("recipient_id", "created_at", "pk"))
    by_user: dict[int, list[Notice]] = defaultdict(list)
    for notice in pending:
        by_user[notice.recipient_id].append(notice)
    outcome = Outcome()
    for notices in by_user.values():
        user = notices[0].recipient
        mode = mode_of(user)
        ids = [n.pk for n in notices]
        if mode == EmailMode.OFF or not user.email:
            _stamp(ids, EmailStatus.SKIPPED, now)
            outcome.skipped += len(ids)
            continue
        if mode == EmailMode.DIGEST and not digest:
            continue
        try:
            if mode == EmailMode.EACH:
                for notice in notices:
                    _send(user, notice.title, [notice])
                    _stamp([notice.pk], EmailStatus.SENT, now)
                    outcome.sent += 1
                    outcome.messages += 1
            else:
                _send(user, _digest_subject(len(notices), now), notices)
                _stamp(ids, EmailStatus.SENT, now)
                NoticePreference.objects.update_or_create(
                    user=user, defaults={"last_digest_on": timezone.localdate(now)})
                outcome.sent += len(notices)
                outcome.messages += 1
        except Exception:  # smtplib, socket and backend errors: keep the rest pending for the next run
            logger.warning("Mail server unavailable; %s notice(s) stay pending.", Notice.objects.filter(
                email_status=EmailStatus.PENDING).count())
            outcome.failed = True
            break
    return outcome


def _digest_subject(count: int, now: datetime.datetime) -> str:
    return f"Tóm tắt thông báo ngày {timezone.localdate(now):%d/%m/%Y}: {count} thông báo mới"


def _send(user, subject: str, notices: list[Notice]) -> None:
    body = render_to_string("notices/email.txt", {
        "user": user, "notices": notices, "site": settings.SITE_URL.rstrip("/"), "province": settings.PROVINCE_NAME})
    send_mail(subject[:200], body, None, [user.email], fail_silently=False)


@shared_task(acks_late=True)
def deliver_notices() -> int:
    """Per-event e-mails of the pending notices (queued after each state change that wrote notices, and by beat)."""
    return deliver().sent
