"""Reports made on request: the dashboard of a year as a PDF."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from awards.models.documents import DocumentStatus
from units.models import YEAR_VALIDATORS


class DashboardReport(models.Model):
    """The dashboard of a year as a PDF, rendered by a worker; a unit-scoped one for unit officers."""

    year = models.PositiveSmallIntegerField(validators=YEAR_VALIDATORS)
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=12, choices=DocumentStatus.choices, default=DocumentStatus.PENDING)
    file = models.FileField(upload_to="reports/", blank=True, max_length=200)
    sha256 = models.CharField(max_length=64, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("báo cáo tổng hợp (PDF)")
        verbose_name_plural = pgettext_lazy("số nhiều", "báo cáo tổng hợp (PDF)")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.year} ({self.status})"
