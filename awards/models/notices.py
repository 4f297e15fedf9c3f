"""In-app notices (the notification centre) and the reminders already sent.

A ``Notice`` is written in the same transaction as the state change it reports (``awards.notices.record``): the
row is the outbox. Its e-mail is ``pending`` until the delivery job sends it (per event or in the day's digest,
as the recipient chose in ``NoticePreference``) and stamps ``emailed_at``; a mail-server failure leaves it
pending for the next run. ``SentReminder`` holds one row per reminder threshold (its ``key`` is unique), so a
reminder is never repeated on every beat."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NoticeKind(models.TextChoices):
    DOSSIER_DRAFTED = "dossier_drafted", _("Dự thảo hồ sơ do Ban lập")
    DOSSIER_SUBMITTED = "dossier_submitted", _("Hồ sơ gửi đến")
    DOSSIER_RECEIVED = "dossier_received", _("Hồ sơ được tiếp nhận")
    DOSSIER_RETURNED = "dossier_returned", _("Hồ sơ bị trả lại")
    DOSSIER_DECIDED = "dossier_decided", _("Hồ sơ có quyết định")
    COUNCIL_OPENED = "council_opened", _("Phiên họp Hội đồng")
    VOTE_NEEDED = "vote_needed", _("Cần bỏ phiếu")
    CAMPAIGN_LAUNCHED = "campaign_launched", _("Phát động phong trào")
    REPORT_DUE = "report_due", _("Hạn báo cáo phong trào")
    DOSSIER_DUE = "dossier_due", _("Hạn giải quyết hồ sơ")
    SIGNATURE_AWAITED = "signature_awaited", _("Quyết định chờ ký, ban hành")


class EmailStatus(models.TextChoices):
    PENDING = "pending", _("Chờ gửi")
    SENT = "sent", _("Đã gửi")
    SKIPPED = "skipped", _("Không gửi")  # the recipient chose no e-mail, or has no address


class Notice(models.Model):
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người nhận"), on_delete=models.CASCADE,
                                  related_name="notices")
    kind = models.CharField(_("loại"), max_length=30, choices=NoticeKind.choices)
    title = models.CharField(_("nội dung"), max_length=400)
    body = models.TextField(_("chi tiết"), blank=True)
    url = models.CharField(_("đường dẫn"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("lúc"), db_index=True)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)
    email_status = models.CharField(_("thư điện tử"), max_length=10, choices=EmailStatus.choices,
                                    default=EmailStatus.PENDING)
    emailed_at = models.DateTimeField(_("gửi thư lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notice_unread"),
            models.Index(fields=["email_status", "recipient"], name="notice_email_pending"),
        ]

    def __str__(self) -> str:
        return self.title


class EmailMode(models.TextChoices):
    EACH = "each", _("Gửi thư cho từng sự kiện")
    DIGEST = "digest", _("Gửi một thư tóm tắt mỗi ngày")
    OFF = "off", _("Không gửi thư, chỉ báo trên hệ thống")


class NoticePreference(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notice_preference")
    email_mode = models.CharField(_("nhận thư điện tử"), max_length=10, choices=EmailMode.choices,
                                  default=EmailMode.DIGEST)
    last_digest_on = models.DateField(_("thư tóm tắt gần nhất"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("cách nhận thông báo")
        verbose_name_plural = _("cách nhận thông báo")

    def __str__(self) -> str:
        return f"{self.user}: {self.email_mode}"


class SentReminder(models.Model):
    """One reminder threshold reached for one object (and person): ``key`` is e.g. ``dossier-due:12:2026-03-05:3``."""

    key = models.CharField(max_length=200, unique=True)
    sent_at = models.DateTimeField()

    class Meta:
        verbose_name = _("nhắc việc đã gửi")
        verbose_name_plural = _("nhắc việc đã gửi")

    def __str__(self) -> str:
        return self.key
