"""The dashboard PDF in the worker; claimed by a conditional update, so rendering twice does nothing."""

from __future__ import annotations

import hashlib

from celery import shared_task
from django.core.files.base import ContentFile
from django.utils import timezone

from awards.models import DashboardReport, DocumentStatus
from awards.reports import pdf as dashboard_pdf


@shared_task(bind=True, max_retries=2, acks_late=True)
def render_dashboard_report(self, report_id: int) -> str:
    """The dashboard of a year as a PDF; claimed by a conditional update, so rendering twice does nothing."""
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
