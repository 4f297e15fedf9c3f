"""Background work: thin tasks that take ids, load fresh rows and delegate; safe to run twice."""

from __future__ import annotations

import logging

from celery import shared_task
from django.core.files.base import ContentFile

logger = logging.getLogger(__name__)


def enqueue_on_commit(task, *args) -> None:
    """Queue ``task`` once the transaction commits; when the broker is unreachable the work stays pending
    (the periodic job or the next request picks it up) and the page is not held up."""
    from django.db import transaction

    def send():
        try:
            task.delay(*args)
        except Exception:  # kombu raises several unrelated types when Redis is down
            logger.warning("Queue unavailable; %s%s stays pending", task.name, args)

    transaction.on_commit(send)


@shared_task(bind=True, max_retries=3, default_retry_delay=10, acks_late=True)
def render_council_minutes(self, session_id: int) -> str:
    """The minutes (biên bản) of a closed council session as a PDF; does nothing if already rendered."""
    from awards import council_minutes
    from awards.models import CouncilSession

    session = CouncilSession.objects.get(pk=session_id)
    if session.minutes_pdf:
        return session.minutes_pdf.name
    try:
        data = council_minutes.render(session)
    except Exception as exc:  # retried with backoff, then left for staff to see
        logger.exception("Rendering minutes of session %s failed", session_id)
        raise self.retry(exc=exc, countdown=10 * (2 ** self.request.retries)) from exc
    updated = CouncilSession.objects.filter(pk=session_id, minutes_pdf="")
    name = f"bien-ban-{session_id}.pdf"  # upload_to adds "council/"
    if updated.exists():
        session.minutes_pdf.save(name, ContentFile(data), save=False)
        updated.update(minutes_pdf=session.minutes_pdf.name)
    return session.minutes_pdf.name


@shared_task(bind=True, max_retries=3, acks_late=True, reject_on_worker_lost=True)
def render_decision_document(self, document_id: int) -> str:
    """Render a decision document; bounded retries with exponential backoff (10 s, 20 s, 40 s). Acknowledged
    late: a worker killed mid-render leaves the message to be delivered again (see ``documents.render``)."""
    from awards import documents

    redelivered = bool((self.request.delivery_info or {}).get("redelivered"))
    try:
        return documents.render(document_id, redelivered=redelivered)
    except Exception as exc:
        if self.request.called_directly or self.request.is_eager:
            raise
        raise self.retry(exc=exc, countdown=10 * (2 ** self.request.retries)) from exc


@shared_task
def reset_stuck_renders() -> list[int]:
    from awards import documents

    return documents.reset_stuck()


@shared_task(bind=True, max_retries=2, acks_late=True)
def render_dashboard_report(self, report_id: int) -> str:
    """The dashboard of a year as a PDF; claimed by a conditional update, so rendering twice does nothing."""
    import hashlib

    from django.utils import timezone

    from awards import dashboard_pdf
    from awards.models import DashboardReport, DocumentStatus

    claimed = DashboardReport.objects.filter(pk=report_id, status__in=[DocumentStatus.PENDING, DocumentStatus.FAILED]
                                             ).update(status=DocumentStatus.RENDERING)
    if claimed == 0:
        return "skipped"
    report = DashboardReport.objects.select_related("unit").get(pk=report_id)
    try:
        data = dashboard_pdf.render(report.year, report.unit)
    except Exception as exc:
        DashboardReport.objects.filter(pk=report_id).update(status=DocumentStatus.FAILED, error=str(exc)[:2000])
        raise
    report.file.save(f"tong-hop-{report.year}-{report_id}.pdf", ContentFile(data), save=False)
    DashboardReport.objects.filter(pk=report_id).update(
        status=DocumentStatus.DONE, file=report.file.name, sha256=hashlib.sha256(data).hexdigest(),
        finished_at=timezone.now())
    return "done"
