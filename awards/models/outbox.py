"""The outbox: one row per piece of deferred work (a PDF to render, e-mails to send, later in-app notices),
written in the same transaction as the change that needs it, so that no work is lost when the queue is down.
The rules live in ``awards.core.outbox``."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DeferredStatus(models.TextChoices):
    PENDING = "pending", _("Đang chờ")
    RUNNING = "running", _("Đang chạy")
    DONE = "done", _("Đã xong")
    FAILED = "failed", _("Lỗi")


class DeferredTask(models.Model):
    kind = models.CharField(_("loại việc"), max_length=50)
    payload = models.JSONField(_("dữ liệu"), default=dict, blank=True)
    key = models.CharField(_("khóa chống trùng"), max_length=200, blank=True, default="",
                           help_text=_("Một việc đang chờ hoặc đang chạy cho mỗi khóa."))
    status = models.CharField(_("trạng thái"), max_length=10, choices=DeferredStatus.choices,
                              default=DeferredStatus.PENDING)
    attempts = models.PositiveIntegerField(_("số lần chạy"), default=0)
    last_error = models.TextField(_("lỗi gần nhất"), blank=True, default="")
    created_at = models.DateTimeField(_("tạo lúc"), default=timezone.now)
    run_after = models.DateTimeField(_("chạy sau"), default=timezone.now)
    dispatched_at = models.DateTimeField(_("giao cho hàng đợi lúc"), null=True, blank=True)
    started_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True)
    finished_at = models.DateTimeField(_("xong lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("việc chạy nền")
        verbose_name_plural = _("việc chạy nền")
        ordering = ["pk"]
        indexes = [models.Index(fields=["status", "run_after"], name="outbox_status_run_after")]
        constraints = [
            models.UniqueConstraint(fields=["key"], condition=Q(status__in=["pending", "running"]) & ~Q(key=""),
                                    name="outbox_one_live_entry_per_key"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} ({self.status})"
