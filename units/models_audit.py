"""The read log of personal data: who opened whose page or file, and when (append-only)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReadKind(models.TextChoices):
    PERSON = "person", _("Trang lịch sử khen thưởng của cá nhân")
    FACTS = "facts", _("Dữ liệu xét thi đua (kết quả, kỷ luật) của đơn vị")
    DOCUMENT = "document", _("Tải quyết định, bằng, giấy khen")
    ADMIN_PERSON = "admin_person", _("Trang quản trị cá nhân (số căn cước)")


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("The read log is append-only.")

    def delete(self):
        raise TypeError("The read log is append-only.")


class PersonalDataRead(models.Model):
    """One opening of a page or file with personal data. Written by ``units.security.read_log.record_read`` only;
    never changed or deleted by the application (a row keeps its names even if the person is deleted)."""

    at = models.DateTimeField(_("thời điểm"), default=timezone.now, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người xem"), on_delete=models.PROTECT,
                             related_name="+")
    kind = models.CharField(_("loại dữ liệu"), max_length=20, choices=ReadKind.choices)
    person = models.ForeignKey("units.Person", verbose_name=_("cá nhân"), on_delete=models.SET_NULL, null=True,
                               blank=True, related_name="+")
    unit = models.ForeignKey("units.Unit", verbose_name=_("đơn vị"), on_delete=models.SET_NULL, null=True,
                             blank=True, related_name="+")
    subject = models.CharField(_("nội dung đã xem"), max_length=255)
    path = models.CharField(_("địa chỉ trang"), max_length=500)
    address = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("lượt xem dữ liệu cá nhân")
        verbose_name_plural = _("nhật ký xem dữ liệu cá nhân")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["user", "at"]), models.Index(fields=["person", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.user_id} {self.kind} {self.subject}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("The read log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("The read log is append-only.")
