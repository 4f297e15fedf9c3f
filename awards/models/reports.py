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


class StatisticsForm(models.TextChoices):
    """The statistics forms whose figures the award record cannot give (Thông tư 02/2023/TT-BNV)."""

    APPARATUS = "0604", _("Biểu 0604: tổ chức làm công tác thi đua, khen thưởng")
    STAFF = "0605", _("Biểu 0605: công chức làm công tác thi đua, khen thưởng")


class StatisticsFigure(models.Model):
    """One row of Biểu 0604 or 0605 for a reporting unit and year, entered by Board staff: the row's Mã số, its
    figure (column 1) and, on 0605, how many of them are women (column 2). Checked by
    ``awards.reports.staffing.check`` (each breakdown adds up to the total) before it is saved."""

    form = models.CharField(_("biểu"), max_length=4, choices=StatisticsForm.choices)
    unit = models.ForeignKey("units.Unit", verbose_name=_("đơn vị báo cáo"), on_delete=models.PROTECT,
                             related_name="+")
    year = models.PositiveSmallIntegerField(_("năm"), validators=YEAR_VALIDATORS)
    code = models.CharField(_("mã số"), max_length=2)
    value = models.PositiveIntegerField(_("số lượng"), default=0)
    women = models.PositiveIntegerField(_("trong đó: nữ"), null=True, blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    entered_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("số liệu biểu thống kê")
        verbose_name_plural = pgettext_lazy("số nhiều", "số liệu biểu thống kê")
        ordering = ["form", "unit", "-year", "code"]
        constraints = [
            models.UniqueConstraint(fields=["form", "unit", "year", "code"], name="statistics_figure_unique"),
            models.CheckConstraint(condition=models.Q(women__isnull=True) | models.Q(women__lte=models.F("value")),
                                   name="statistics_figure_women_within_total",
                                   violation_error_message=_("Số nữ không được lớn hơn tổng số.")),
        ]

    def __str__(self) -> str:
        return f"{self.form} {self.year} {self.code}: {self.value}"
