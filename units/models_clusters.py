"""A cluster year's review: its states and their append-only history, its scoring table (bảng chấm điểm) and
each member's scores.

Imported by ``units.models``: same app, own module (it never imports ``units.models``; foreign keys are named
by string). Rules (maximum points, totals, ranking, states) live in ``units.clusters``; these models only hold
the rows."""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from units.text import nfc


class ClusterYearState(models.TextChoices):
    OPEN = "open", _("Đang chuẩn bị bảng tiêu chí")
    SELF_SCORING = "self_scoring", _("Các đơn vị đang tự chấm điểm")
    CHECKED = "checked", _("Trưởng cụm đã chấm điểm")
    RANKED = "ranked", _("Đã họp suy tôn, xếp hạng")
    CLOSED = "closed", _("Đã kết thúc năm")


class ClusterYearTransition(models.Model):
    """Append-only history of a cluster year's states: who moved it, when, from what to what, and why."""

    cluster_year = models.ForeignKey(
        "units.ClusterYear", verbose_name=_("năm của cụm, khối"), on_delete=models.CASCADE, related_name="history",
    )
    action = models.CharField(_("thao tác"), max_length=30)
    from_state = models.CharField(_("từ trạng thái"), max_length=20, choices=ClusterYearState.choices)
    to_state = models.CharField(_("sang trạng thái"), max_length=20, choices=ClusterYearState.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người thực hiện"), on_delete=models.PROTECT,
                              related_name="+")
    at = models.DateTimeField(_("lúc"))
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("lịch sử trạng thái của cụm, khối")
        verbose_name_plural = pgettext_lazy("số nhiều", "lịch sử trạng thái của cụm, khối")
        ordering = ["cluster_year", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.cluster_year_id}: {self.from_state} -> {self.to_state}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("ClusterYearTransition is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("ClusterYearTransition is append-only.")


class ClusterCriterion(models.Model):
    """One line of the cluster's scoring table for a year, with its maximum points."""

    cluster_year = models.ForeignKey(
        "units.ClusterYear", verbose_name=_("năm của cụm, khối"), on_delete=models.CASCADE, related_name="criteria",
    )
    number = models.CharField(_("số thứ tự"), max_length=10)
    group = models.CharField(_("nhóm tiêu chí"), max_length=255, blank=True)
    text = models.TextField(_("nội dung tiêu chí"))
    max_points = models.DecimalField(_("điểm tối đa"), max_digits=6, decimal_places=2,
                                     validators=[MinValueValidator(Decimal("0.01"))])
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("tiêu chí chấm điểm của cụm, khối")
        verbose_name_plural = pgettext_lazy("số nhiều", "tiêu chí chấm điểm của cụm, khối")
        ordering = ["cluster_year", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["cluster_year", "number"], name="cluster_criterion_number_unique"),
            models.CheckConstraint(condition=Q(max_points__gt=0), name="cluster_criterion_max_positive",
                                   violation_error_message=_("Điểm tối đa phải lớn hơn 0.")),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:60]}"

    def save(self, *args, **kwargs):
        self.text = nfc(self.text)
        self.group = nfc(self.group)
        super().save(*args, **kwargs)


def evidence_path(instance: ClusterScore, filename: str) -> str:
    """A random name: the original name is kept in the row, never in the path."""
    return f"clusters/evidence/{uuid.uuid4().hex}"


class ClusterScore(models.Model):
    """A member's score on one criterion: its own (tự chấm, with evidence) and the trưởng cụm's (chấm kiểm tra)."""

    membership = models.ForeignKey(
        "units.ClusterMembership", verbose_name=_("đơn vị thành viên"), on_delete=models.CASCADE,
        related_name="scores",
    )
    criterion = models.ForeignKey(ClusterCriterion, verbose_name=_("tiêu chí"), on_delete=models.CASCADE,
                                  related_name="scores")
    self_points = models.DecimalField(_("điểm tự chấm"), max_digits=6, decimal_places=2, null=True, blank=True)
    evidence = models.TextField(_("minh chứng"), blank=True)
    evidence_file = models.FileField(_("tệp minh chứng"), upload_to=evidence_path, blank=True, max_length=200)
    evidence_name = models.CharField(_("tên tệp minh chứng"), max_length=255, blank=True)
    evidence_type = models.CharField(_("định dạng"), max_length=100, blank=True)
    checked_points = models.DecimalField(_("điểm trưởng cụm chấm"), max_digits=6, decimal_places=2, null=True,
                                         blank=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("điểm chấm thi đua của cụm, khối")
        verbose_name_plural = pgettext_lazy("số nhiều", "điểm chấm thi đua của cụm, khối")
        ordering = ["membership", "criterion__position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["membership", "criterion"], name="cluster_score_unique"),
            models.CheckConstraint(condition=Q(self_points__isnull=True) | Q(self_points__gte=0),
                                   name="cluster_score_self_not_negative",
                                   violation_error_message=_("Điểm không được âm.")),
            models.CheckConstraint(condition=Q(checked_points__isnull=True) | Q(checked_points__gte=0),
                                   name="cluster_score_checked_not_negative",
                                   violation_error_message=_("Điểm không được âm.")),
        ]

    def __str__(self) -> str:
        return f"{self.membership_id} / {self.criterion_id}"

    def clean(self) -> None:
        errors = {}
        maximum = self.criterion.max_points if self.criterion_id else None
        for field in ("self_points", "checked_points"):
            value = getattr(self, field)
            if value is not None and maximum is not None and value > maximum:
                errors[field] = _("Điểm %(value)s vượt điểm tối đa %(max)s của tiêu chí.") % {
                    "value": value, "max": maximum}
        if errors:
            raise ValidationError(errors)
