"""Rendered documents of a decision (decision, certificates, tờ trình): versions, claims and files."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from awards.models.decisions import Decision


class DocumentKind(models.TextChoices):
    DECISION = "decision", _("Quyết định kèm danh sách")
    CERTIFICATES = "certificates", _("Bằng khen, Giấy khen in theo từng người")
    SUBMISSION = "submission", _("Tờ trình của Ban Thi đua - Khen thưởng")



class DocumentStatus(models.TextChoices):
    PENDING = "pending", _("Chờ tạo")
    RENDERING = "rendering", _("Đang tạo")
    DONE = "done", _("Đã tạo")
    FAILED = "failed", _("Lỗi")



class DecisionDocument(models.Model):
    """A rendered file of a decision. Claimed by a conditional update, never overwritten once done: new
    content makes a new version."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=20, choices=DocumentKind.choices)
    version = models.PositiveIntegerField()
    content_key = models.CharField(max_length=64, help_text="sha256 of the content the file was asked for")
    status = models.CharField(max_length=12, choices=DocumentStatus.choices, default=DocumentStatus.PENDING)
    file = models.FileField(upload_to="decisions/", blank=True, max_length=200)
    sha256 = models.CharField(max_length=64, blank=True)
    size = models.PositiveBigIntegerField(null=True, blank=True)
    pages = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("tệp văn bản")
        verbose_name_plural = pgettext_lazy("số nhiều", "tệp văn bản")
        ordering = ["decision", "kind", "-version"]
        constraints = [models.UniqueConstraint(fields=["decision", "kind", "version"], name="document_version_unique")]
        indexes = [models.Index(fields=["status", "started_at"])]

    def __str__(self) -> str:
        return f"{self.decision_id} {self.kind} v{self.version} ({self.status})"
