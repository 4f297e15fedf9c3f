"""Emulation campaigns (phong trào thi đua): content groups, targets (chỉ tiêu) and registrations."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from units.models import Unit
from units.text import nfc


class CampaignKind(models.TextChoices):
    YEARLY = "thuong_xuyen", _("Thường xuyên hằng năm")
    SPECIAL = "dac_biet", _("Đặc biệt")
    PEAK = "cao_diem", _("Cao điểm")
    THEMATIC = "chuyen_de", _("Chuyên đề")


class CampaignMethod(models.TextChoices):
    """Phương thức tổ chức, as Biểu 0601 (TT 02/2023/TT-BNV) counts campaigns."""

    THEMATIC = "chuyen_de", _("Thi đua theo chuyên đề")
    YEARLY = "thuong_xuyen", _("Thi đua thường xuyên hằng năm")


class CampaignScope(models.TextChoices):
    NATIONAL = "toan_quoc", _("Toàn quốc")
    PROVINCE = "dia_phuong", _("Bộ, ban, ngành, đoàn thể, địa phương")
    CLUSTER = "cum_khoi", _("Cụm, khối thi đua")
    UNIT = "don_vi", _("Cơ quan, tổ chức, đơn vị")


class LaunchLevel(models.TextChoices):
    CENTRAL = "trung_uong", _("Cấp Trung ương")
    PROVINCE = "tinh", _("Cấp tỉnh")
    UNIT = "don_vi", _("Cơ quan, tổ chức, đơn vị")


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    LAUNCHED = "launched", _("Đã phát động")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    PRELIMINARY_REVIEW = "preliminary_review", _("Sơ kết")
    CLOSED = "closed", _("Đã tổng kết")


class Campaign(models.Model):
    code = models.SlugField(_("mã phong trào"), max_length=80, unique=True)
    name = models.CharField(_("tên phong trào"), max_length=500)
    kind = models.CharField(_("loại phong trào"), max_length=20, choices=CampaignKind.choices)
    method = models.CharField(_("phương thức tổ chức"), max_length=20, choices=CampaignMethod.choices)
    scope = models.CharField(_("phạm vi"), max_length=20, choices=CampaignScope.choices)
    launch_level = models.CharField(_("cấp phát động"), max_length=20, choices=LaunchLevel.choices)
    launching_unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị phát động"), on_delete=models.PROTECT, related_name="launched_campaigns",
    )
    theme = models.TextField(_("chủ đề"), blank=True)
    start_date = models.DateField(_("ngày bắt đầu"))
    end_date = models.DateField(_("ngày kết thúc"), null=True, blank=True)
    launch_date = models.DateField(_("ngày phát động"), null=True, blank=True)
    launch_event = models.CharField(_("sự kiện phát động"), max_length=500, blank=True)
    launched_by = models.CharField(_("người phát động"), max_length=255, blank=True)
    criteria = models.TextField(_("tiêu chí thi đua"), blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=CampaignStatus.choices, default=CampaignStatus.DRAFT,
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("phong trào thi đua")
        verbose_name_plural = pgettext_lazy("số nhiều", "phong trào thi đua")
        ordering = ["-start_date", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="campaign_dates_ordered",
                violation_error_message=_("Ngày kết thúc phải sau ngày bắt đầu."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name)
        self.theme = nfc(self.theme)
        super().save(*args, **kwargs)

    @property
    def duration_days(self) -> int | None:
        if self.end_date is None:
            return None
        return (self.end_date - self.start_date).days + 1


class ContentGroup(models.Model):
    campaign = models.ForeignKey(
        Campaign, verbose_name=_("phong trào"), on_delete=models.CASCADE, related_name="content_groups",
    )
    number = models.PositiveSmallIntegerField(_("số thứ tự"))
    title = models.CharField(_("nhóm nội dung thi đua"), max_length=500)
    description = models.TextField(_("nội dung chi tiết"), blank=True)

    class Meta:
        verbose_name = _("nhóm nội dung thi đua")
        verbose_name_plural = pgettext_lazy("số nhiều", "nhóm nội dung thi đua")
        ordering = ["campaign", "number"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "number"], name="content_group_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def save(self, *args, **kwargs):
        self.title = nfc(self.title)
        super().save(*args, **kwargs)


class Target(models.Model):
    """A chỉ tiêu thi đua: an indicator with its target and the recorded result.

    ``unit`` empty means a province-wide target; otherwise the unit's own commitment."""

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("phong trào"), on_delete=models.CASCADE, related_name="targets",
    )
    content_group = models.ForeignKey(
        ContentGroup, verbose_name=_("nhóm nội dung"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="targets",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị thực hiện"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="targets",
    )
    code = models.SlugField(_("mã chỉ tiêu"), max_length=80)
    indicator = models.CharField(_("chỉ tiêu"), max_length=500)
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=60)
    target_value = models.DecimalField(_("chỉ tiêu giao"), max_digits=16, decimal_places=2, null=True, blank=True)
    result_value = models.DecimalField(_("kết quả thực hiện"), max_digits=16, decimal_places=2, null=True, blank=True)
    result_note = models.CharField(_("ghi chú kết quả"), max_length=500, blank=True)
    reported_on = models.DateField(_("ngày báo cáo kết quả"), null=True, blank=True)

    class Meta:
        verbose_name = _("chỉ tiêu thi đua")
        verbose_name_plural = pgettext_lazy("số nhiều", "chỉ tiêu thi đua")
        ordering = ["campaign", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "code"], name="target_code_unique_in_campaign"),
        ]

    def __str__(self) -> str:
        return self.indicator

    def save(self, *args, **kwargs):
        self.indicator = nfc(self.indicator)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.content_group_id and self.campaign_id and self.content_group.campaign_id != self.campaign_id:
            raise ValidationError({"content_group": _("Nhóm nội dung không thuộc phong trào này.")})

    @property
    def achievement_pct(self):
        if self.target_value in (None, 0) or self.result_value is None:
            return None
        return round(self.result_value * 100 / self.target_value, 2)


class Registration(models.Model):
    """Đăng ký thi đua / giao ước thi đua of a unit for a campaign."""

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("phong trào"), on_delete=models.CASCADE, related_name="registrations",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị đăng ký"), on_delete=models.PROTECT, related_name="registrations",
    )
    registered_on = models.DateField(_("ngày đăng ký"))
    commitments = models.TextField(_("nội dung đăng ký, giao ước"), blank=True)
    target_titles = models.ManyToManyField(
        "awards.AwardType", verbose_name=_("danh hiệu đăng ký phấn đấu"), blank=True, related_name="+",
    )

    class Meta:
        verbose_name = _("đăng ký thi đua")
        verbose_name_plural = pgettext_lazy("số nhiều", "đăng ký thi đua")
        ordering = ["campaign", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "unit"], name="registration_once_per_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} - {self.campaign}"

    def save(self, *args, **kwargs):
        self.commitments = nfc(self.commitments)
        super().save(*args, **kwargs)
