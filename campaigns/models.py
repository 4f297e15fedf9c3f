"""Emulation campaigns (phong trào thi đua): content groups, targets (chỉ tiêu) and registrations."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
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
        editable=False,
    )
    status_changed_at = models.DateTimeField(_("chuyển trạng thái lúc"), null=True, blank=True, editable=False)
    interim_report_deadline = models.DateField(
        _("hạn báo cáo sơ kết"), null=True, blank=True,
        help_text=_("Báo cáo kết quả giữa kỳ nộp sau ngày này bị đánh dấu nộp muộn."),
    )
    final_report_deadline = models.DateField(
        _("hạn báo cáo tổng kết"), null=True, blank=True,
        help_text=_("Báo cáo kết quả cuối kỳ nộp sau ngày này bị đánh dấu nộp muộn."),
    )
    nomination_open_from = models.DateField(_("nhận hồ sơ khen thưởng từ ngày"), null=True, blank=True)
    nomination_open_until = models.DateField(_("nhận hồ sơ khen thưởng đến ngày"), null=True, blank=True)
    summary = models.TextField(_("kết quả tổng kết"), blank=True, editable=False)
    summary_figures = models.JSONField(_("số liệu tổng kết"), default=dict, blank=True, editable=False)
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
            models.CheckConstraint(
                condition=Q(nomination_open_from__isnull=True) | Q(nomination_open_until__isnull=True)
                | Q(nomination_open_until__gte=models.F("nomination_open_from")),
                name="campaign_nomination_round_ordered",
                violation_error_message=_("Ngày kết thúc nhận hồ sơ phải sau ngày bắt đầu nhận hồ sơ."),
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

    def clean(self) -> None:
        errors = {}
        for name in ("interim_report_deadline", "final_report_deadline"):
            day = getattr(self, name)
            if day and self.start_date and day < self.start_date:
                errors[name] = _("Hạn báo cáo không được trước ngày bắt đầu phong trào.")
        if (self.interim_report_deadline and self.final_report_deadline
                and self.final_report_deadline < self.interim_report_deadline):
            errors["final_report_deadline"] = _("Hạn báo cáo tổng kết phải sau hạn báo cáo sơ kết.")
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("Ngày kết thúc phải sau ngày bắt đầu.")
        if errors:
            raise ValidationError(errors)

    def nomination_round_open(self, day) -> bool:
        """Is the nomination round opened by the tổng kết accepting dossiers on ``day``?"""
        return (self.status == CampaignStatus.CLOSED and self.nomination_open_from is not None
                and self.nomination_open_from <= day
                and (self.nomination_open_until is None or day <= self.nomination_open_until))


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


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Đã đăng ký")
    WITHDRAWN = "withdrawn", _("Đã rút đăng ký")


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
    status = models.CharField(
        _("tình trạng"), max_length=12, choices=RegistrationStatus.choices, default=RegistrationStatus.REGISTERED,
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người đăng ký"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
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


class CampaignTransition(models.Model):
    """Append-only history of a campaign's status: who moved it, when, from what to what, and why."""

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("phong trào"), on_delete=models.CASCADE, related_name="history",
    )
    action = models.CharField(_("thao tác"), max_length=30)
    from_status = models.CharField(_("từ trạng thái"), max_length=20, choices=CampaignStatus.choices)
    to_status = models.CharField(_("sang trạng thái"), max_length=20, choices=CampaignStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người thực hiện"), on_delete=models.PROTECT, null=True,
        blank=True, related_name="+",
    )
    at = models.DateTimeField(_("lúc"))
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("lịch sử trạng thái phong trào")
        verbose_name_plural = pgettext_lazy("số nhiều", "lịch sử trạng thái phong trào")
        ordering = ["campaign", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.campaign_id}: {self.from_status} -> {self.to_status}"


class CampaignAudience(models.Model):
    """A unit the campaign was launched to: chosen directly or as a member of a cluster in the campaign's year."""

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("phong trào"), on_delete=models.CASCADE, related_name="audience",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="campaign_audiences",
    )
    via_cluster = models.ForeignKey(
        "units.EmulationCluster", verbose_name=_("qua cụm, khối"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )
    added_on = models.DateField(_("phát động đến ngày"))

    class Meta:
        verbose_name = _("đơn vị được phát động")
        verbose_name_plural = pgettext_lazy("số nhiều", "đơn vị được phát động")
        ordering = ["campaign", "unit__sort_order", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "unit"], name="campaign_audience_once_per_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} - {self.campaign}"


def campaign_file_path(instance, filename: str) -> str:
    """A random name outside static/: the original name is kept in the row, never in the path."""
    return f"campaigns/{instance.campaign_id}/{uuid.uuid4().hex}"


class CampaignDocumentKind(models.TextChoices):
    PLAN = "ke_hoach", _("Kế hoạch")
    LAUNCH = "phat_dong", _("Văn bản phát động")
    GUIDE = "huong_dan", _("Hướng dẫn")
    REPORT = "bao_cao", _("Báo cáo sơ kết, tổng kết")
    OTHER = "khac", _("Tài liệu khác")


class CampaignDocument(models.Model):
    """A document of the campaign itself (kế hoạch, văn bản phát động...), accepted by content like dossier files."""

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("phong trào"), on_delete=models.CASCADE, related_name="documents",
    )
    kind = models.CharField(_("loại tài liệu"), max_length=20, choices=CampaignDocumentKind.choices)
    title = models.CharField(_("trích yếu"), max_length=300, blank=True)
    file = models.FileField(_("tệp"), upload_to=campaign_file_path, max_length=200)
    original_name = models.CharField(_("tên tệp gốc"), max_length=255)
    content_type = models.CharField(_("định dạng"), max_length=100)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người tải lên"), on_delete=models.PROTECT, related_name="+",
    )
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("tài liệu phong trào")
        verbose_name_plural = pgettext_lazy("số nhiều", "tài liệu phong trào")
        ordering = ["campaign", "uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.title or self.original_name


class ReportPeriod(models.TextChoices):
    INTERIM = "so_ket", _("Sơ kết (giữa kỳ)")
    FINAL = "tong_ket", _("Tổng kết (cuối kỳ)")


def report_file_path(instance, filename: str) -> str:
    return f"campaigns/{instance.campaign_id}/reports/{uuid.uuid4().hex}"


class TargetReport(models.Model):
    """A unit's reported result on a target (a province-wide one or its own) for a period; a new report of
    the same unit, target and period replaces the figures, the submission time and the late flag."""

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("phong trào"), on_delete=models.CASCADE, related_name="reports",
    )
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị báo cáo"), on_delete=models.PROTECT,
                             related_name="campaign_reports")
    target = models.ForeignKey(Target, verbose_name=_("chỉ tiêu"), on_delete=models.CASCADE, related_name="reports")
    period = models.CharField(_("kỳ báo cáo"), max_length=10, choices=ReportPeriod.choices)
    as_of = models.DateField(_("số liệu tính đến ngày"))
    value = models.DecimalField(_("kết quả"), max_digits=16, decimal_places=2, validators=[MinValueValidator(0)])
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    evidence = models.FileField(_("minh chứng"), upload_to=report_file_path, max_length=200, blank=True)
    evidence_name = models.CharField(_("tên tệp minh chứng"), max_length=255, blank=True)
    evidence_type = models.CharField(_("định dạng minh chứng"), max_length=100, blank=True)
    evidence_size = models.PositiveBigIntegerField(_("dung lượng minh chứng"), null=True, blank=True)
    evidence_sha256 = models.CharField(max_length=64, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người báo cáo"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("báo cáo lúc"))
    is_late = models.BooleanField(_("nộp muộn"), default=False)

    class Meta:
        verbose_name = _("báo cáo kết quả chỉ tiêu")
        verbose_name_plural = pgettext_lazy("số nhiều", "báo cáo kết quả chỉ tiêu")
        ordering = ["campaign", "unit__name", "target", "period"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "target", "period"], name="target_report_once_per_period"),
        ]
        indexes = [models.Index(fields=["campaign", "period"])]

    def __str__(self) -> str:
        return f"{self.unit} - {self.target} ({self.period})"

    def save(self, *args, **kwargs):
        self.note = nfc(self.note)
        super().save(*args, **kwargs)
