"""Public consultation (công khai, lấy ý kiến nhân dân) on the nominees of one or more dossiers before the council
meets, and the opinions the public sends. Rules live in ``awards.consultation.services``."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from units.text import nfc


class Consultation(models.Model):
    title = models.CharField(_("tiêu đề"), max_length=300)
    dossiers = models.ManyToManyField("awards.Dossier", verbose_name=_("hồ sơ"), related_name="consultations")
    starts_on = models.DateField(_("ngày bắt đầu"))
    working_days = models.PositiveSmallIntegerField(_("số ngày làm việc"), default=10)
    ends_on = models.DateField(_("ngày kết thúc"))
    note = models.TextField(_("ghi chú"), blank=True)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lấy ý kiến nhân dân")
        verbose_name_plural = pgettext_lazy("số nhiều", "lấy ý kiến nhân dân")
        ordering = ["-starts_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.title = nfc(self.title)
        super().save(*args, **kwargs)


class Opinion(models.Model):
    """One opinion from the public on one nominee. Stored as typed (escaped on every page); the sender's address
    is kept only as a keyed hash, for throttling and abuse review."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="opinions")
    nomination = models.ForeignKey("awards.Nomination", on_delete=models.CASCADE, related_name="public_opinions")
    name = models.CharField(_("họ và tên"), max_length=150)
    contact = models.CharField(_("địa chỉ liên hệ"), max_length=200)
    text = models.TextField(_("nội dung ý kiến"))
    address_hash = models.CharField(max_length=64, editable=False)
    received_at = models.DateTimeField(auto_now_add=True)
    handled = models.BooleanField(_("đã xem xét"), default=False)
    handled_note = models.TextField(_("kết quả xem xét"), blank=True)
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("ý kiến nhân dân")
        verbose_name_plural = pgettext_lazy("số nhiều", "ý kiến nhân dân")
        ordering = ["received_at", "pk"]
        indexes = [models.Index(fields=["nomination", "handled"])]

    def __str__(self) -> str:
        return f"{self.name}: {self.text[:40]}"


class CouncilOverride(models.Model):
    """Staff put a nominee on the council's agenda before the consultation period ended: who, why, when."""

    nomination = models.ForeignKey("awards.Nomination", on_delete=models.CASCADE, related_name="+")
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="overrides")
    reason = models.TextField(_("lý do"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.nomination_id}: {self.reason}"
