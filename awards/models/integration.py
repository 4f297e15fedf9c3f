"""Client systems of the API (one hashed key each, scoped), the log of their calls, the writes remembered by
``Idempotency-Key``, and messages exchanged with the province's LGSP. Rules live in ``awards.api`` and
``awards.exchange``."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ApiScope(models.TextChoices):
    READ = "read", _("Đọc dữ liệu")
    WRITE = "write", _("Lập và gửi hồ sơ của đơn vị")
    CITIZEN_ID = "citizen_id", _("Đọc số căn cước công dân")
    CENTRAL = "central", _("Gửi quyết định khen thưởng của cấp trên")


class ApiClient(models.Model):
    name = models.CharField(_("tên hệ thống"), max_length=120, unique=True)
    key_prefix = models.CharField(max_length=12, unique=True, editable=False)
    key_hash = models.CharField(max_length=64, editable=False)
    scopes = models.CharField(_("phạm vi"), max_length=100, help_text=_("read, write, citizen_id (phân cách dấu phẩy)"))
    unit = models.ForeignKey("units.Unit", verbose_name=_("đơn vị (cả các đơn vị trực thuộc)"),
                             on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("tài khoản thực hiện"),
                             on_delete=models.PROTECT, related_name="api_clients")
    active = models.BooleanField(_("đang dùng"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("hệ thống kết nối API")
        verbose_name_plural = pgettext_lazy("số nhiều", "hệ thống kết nối API")

    def __str__(self) -> str:
        return self.name

    @property
    def scope_set(self) -> frozenset[str]:
        return frozenset(s.strip() for s in self.scopes.split(",") if s.strip())

    # DRF's IsAuthenticated asks the user object; the client is what ``request.auth`` holds.
    is_authenticated = True


class ApiCall(models.Model):
    client = models.ForeignKey(ApiClient, on_delete=models.SET_NULL, null=True, blank=True, related_name="calls")
    method = models.CharField(max_length=8)
    path = models.CharField(max_length=300)
    status = models.PositiveSmallIntegerField()
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    duration_ms = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.method} {self.path} {self.status}"


class IdempotentWrite(models.Model):
    client = models.ForeignKey(ApiClient, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=100)
    request_hash = models.CharField(max_length=64)
    status = models.PositiveSmallIntegerField()
    body = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["client", "key"], name="idempotent_write_once")]

    def __str__(self) -> str:
        return self.key


class ExchangeMessage(models.Model):
    """One push to or pull from the province's LGSP: what, where, the answer."""

    direction = models.CharField(max_length=4, choices=[("push", "push"), ("pull", "pull")])
    endpoint = models.CharField(max_length=300)
    kind = models.CharField(max_length=40)
    status = models.PositiveSmallIntegerField(null=True, blank=True)
    records = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.direction} {self.kind} {self.at:%d/%m/%Y %H:%M}"


class ConfidentialDossier(models.Model):
    """A dossier marked "mật": never put in a package for the national software."""

    dossier = models.OneToOneField("awards.Dossier", on_delete=models.CASCADE, related_name="confidential")
    reason = models.CharField(_("lý do"), max_length=300)
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    marked_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.dossier_id}: {self.reason}"
