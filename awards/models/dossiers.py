"""Nomination dossiers (hồ sơ đề nghị khen thưởng), their nominations, attachments, history and revisions.

State changes never happen here: every move goes through ``awards.dossiers.workflow.transition``."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from awards.enums import (
    OFFICER_STATE_LABELS,
    ROUND_OFFICER_STATE_LABELS,
    AttachmentKind,
    Authority,
    CentralOutcome,
    CouncilResult,
    DossierState,
    OccasionType,
    RecipientKind,
    Verdict,
)
from units.models import YEAR_VALIDATORS
from units.text import fold, nfc

PLACEHOLDER_PREFIX = "TMP"


def dossier_reference() -> str:
    """A unique placeholder until the row has its id; ``Dossier.save`` then gives the readable reference."""
    return PLACEHOLDER_PREFIX + uuid.uuid4().hex[:12].upper()


def readable_reference(year: int, pk: int) -> str:
    """"HS-2026-000123": easy to read out on the phone. References given before (random hex such as
    "5A403996E4") are kept and keep resolving."""
    return f"HS-{year}-{pk:06d}"


class Dossier(models.Model):
    reference = models.CharField(_("mã hồ sơ"), max_length=20, unique=True, default=dossier_reference, editable=False)
    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị đề nghị"), on_delete=models.PROTECT, related_name="dossiers",
    )
    title = models.CharField(_("trích yếu"), max_length=500)
    occasion = models.CharField(_("loại hình khen thưởng"), max_length=20, choices=OccasionType.choices)
    year = models.PositiveSmallIntegerField(_("năm thành tích"), validators=YEAR_VALIDATORS)
    campaign = models.ForeignKey(
        "campaigns.Campaign", verbose_name=_("phong trào thi đua"), on_delete=models.PROTECT, null=True,
        blank=True, related_name="dossiers",
    )
    authority = models.CharField(
        _("cấp quyết định"), max_length=30, choices=Authority.choices, default=Authority.PROVINCE_CHAIR,
        help_text=_("Hồ sơ trình ai quyết định; chỉ chọn được danh hiệu, hình thức thuộc thẩm quyền này."),
    )
    body = models.ForeignKey(
        "awards.IssuingBody", verbose_name=_("thủ trưởng quyết định"), on_delete=models.PROTECT, null=True,
        blank=True, related_name="dossiers",
        help_text=_("Hồ sơ của vòng xét khen thưởng của đơn vị: trình thủ trưởng đơn vị (Giám đốc Sở, Chủ tịch UBND "
                    "xã...) quyết định. Để trống với hồ sơ trình Chủ tịch UBND tỉnh hoặc cấp trên."),
    )
    basis_decisions = models.ManyToManyField(
        "awards.Decision", verbose_name=_("quyết định khen thưởng của đơn vị làm căn cứ"), blank=True,
        related_name="cited_by",
        help_text=_("Với hồ sơ trình tỉnh (Chiến sĩ thi đua cấp tỉnh, Tập thể lao động xuất sắc...): các quyết định "
                    "đơn vị đã ban hành (Chiến sĩ thi đua cơ sở, Tập thể lao động tiên tiến) mà đề nghị dựa vào."),
    )
    submission_number = models.CharField(_("số tờ trình của đơn vị"), max_length=60, blank=True)
    submission_date = models.DateField(_("ngày tờ trình"), null=True, blank=True)
    state = models.CharField(
        _("trạng thái"), max_length=20, choices=DossierState.choices, default=DossierState.DRAFT, editable=False,
    )
    version = models.PositiveIntegerField(_("phiên bản chỉnh sửa"), default=1, editable=False)
    state_changed_at = models.DateTimeField(_("chuyển trạng thái lúc"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True, editable=False)
    received_at = models.DateTimeField(_("tiếp nhận lúc"), null=True, blank=True, editable=False)
    due_date = models.DateField(_("hạn thẩm định"), null=True, blank=True, editable=False)
    forward_number = models.CharField(_("số tờ trình của tỉnh lên cấp trên"), max_length=60, blank=True)
    forward_date = models.DateField(_("ngày tờ trình lên cấp trên"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người tạo"), on_delete=models.PROTECT, related_name="+",
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("hồ sơ đề nghị khen thưởng")
        verbose_name_plural = pgettext_lazy("số nhiều", "hồ sơ đề nghị khen thưởng")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["state", "received_at"]),
            models.Index(fields=["unit", "state"]),
            models.Index(fields=["year", "occasion"]),
            models.Index(fields=["due_date"]),
            models.Index(fields=["body", "state"]),
            # The inbox's default order (newest first): its page of 25 is read from the index, not by sorting
            # every dossier joined to its unit.
            models.Index(fields=["-created_at", "-id"], name="dossier_created_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} - {self.title}"

    def save(self, *args, **kwargs):
        self.title = nfc(self.title)
        self.submission_number = nfc(self.submission_number)
        placeholder = self.reference.startswith(PLACEHOLDER_PREFIX)
        super().save(*args, **kwargs)
        if placeholder:
            self.reference = readable_reference(timezone.localtime(self.created_at or timezone.now()).year, self.pk)
            Dossier.objects.filter(pk=self.pk).update(reference=self.reference)

    @property
    def is_round(self) -> bool:
        """A unit's own round: addressed to the head of a unit (``body``), not to the province or above."""
        return self.body_id is not None

    @property
    def officer_state_label(self) -> str:
        labels = ROUND_OFFICER_STATE_LABELS if self.is_round else OFFICER_STATE_LABELS
        return str(labels[DossierState(self.state)])


class Nomination(models.Model):
    """One recipient x one award type inside a dossier."""

    dossier = models.ForeignKey(Dossier, verbose_name=_("hồ sơ"), on_delete=models.CASCADE, related_name="nominations")
    recipient_kind = models.CharField(_("đối tượng"), max_length=20, choices=RecipientKind.choices)
    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("tập thể (đơn vị)"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="nominations",
    )
    collective_name = models.CharField(
        _("tên tập thể"), max_length=255, blank=True,
        help_text=_('Tập thể không có trong danh mục đơn vị, ví dụ "Tổ Toán - Tin, Trường THPT Việt Bắc".'),
    )
    person = models.ForeignKey(
        "units.Person", verbose_name=_("cá nhân"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="nominations",
    )
    household = models.ForeignKey(
        "units.Household", verbose_name=_("hộ gia đình"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="nominations",
    )
    award_type = models.ForeignKey(
        "awards.AwardType", verbose_name=_("danh hiệu, hình thức đề nghị"), on_delete=models.PROTECT,
        related_name="nominations",
    )
    achievement = models.TextField(_("tóm tắt thành tích"), blank=True)
    period = models.CharField(_("thời gian lập thành tích"), max_length=100, blank=True)
    recipient_key = models.CharField(max_length=300, editable=False, db_index=True)
    position = models.PositiveIntegerField(_("số thứ tự"), default=0)
    verdict = models.CharField(_("kết quả thẩm định"), max_length=12, choices=Verdict.choices, default=Verdict.PENDING)
    verdict_reason = models.TextField(_("lý do"), blank=True)
    verdict_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người thẩm định"), on_delete=models.PROTECT, null=True,
        blank=True, related_name="+",
    )
    verdict_at = models.DateTimeField(_("thẩm định lúc"), null=True, blank=True)
    council_result = models.CharField(
        _("kết quả bỏ phiếu"), max_length=10, choices=CouncilResult.choices, default=CouncilResult.NONE, blank=True,
    )
    central_outcome = models.CharField(
        _("kết quả ở cấp trên"), max_length=10, choices=CentralOutcome.choices, default=CentralOutcome.PENDING,
        blank=True,
    )
    central_decision_number = models.CharField(_("số quyết định của cấp trên"), max_length=60, blank=True)
    central_decision_date = models.DateField(_("ngày quyết định của cấp trên"), null=True, blank=True)

    class Meta:
        verbose_name = _("đề nghị khen thưởng")
        verbose_name_plural = pgettext_lazy("số nhiều", "đề nghị khen thưởng")
        ordering = ["dossier", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                name="nomination_one_recipient",
                condition=(
                    Q(recipient_kind=RecipientKind.COLLECTIVE, person__isnull=True, household__isnull=True)
                    & (Q(unit__isnull=False) | ~Q(collective_name=""))
                )
                | Q(recipient_kind=RecipientKind.INDIVIDUAL, person__isnull=False, unit__isnull=True,
                    household__isnull=True, collective_name="")
                | Q(recipient_kind=RecipientKind.HOUSEHOLD, household__isnull=False, unit__isnull=True,
                    person__isnull=True, collective_name=""),
                violation_error_message=_("Mỗi đề nghị có đúng một đối tượng, khớp với loại đối tượng."),
            ),
        ]
        indexes = [models.Index(fields=["recipient_key", "award_type"]),
                   # one page of a dossier's nominees in order (the dossier page at 5,000 nominees)
                   models.Index(fields=["dossier", "position", "id"], name="nomination_dossier_order")]

    def __str__(self) -> str:
        return f"{self.recipient_name} - {self.award_type}"

    def save(self, *args, **kwargs):
        self.collective_name = nfc(self.collective_name)
        self.achievement = nfc(self.achievement)
        self.recipient_key = self.compute_recipient_key()
        super().save(*args, **kwargs)

    def compute_recipient_key(self) -> str:
        """Identity of the recipient across dossiers, for the duplicate guard."""
        if self.recipient_kind == RecipientKind.INDIVIDUAL:
            return f"person:{self.person_id}"
        if self.recipient_kind == RecipientKind.HOUSEHOLD:
            return f"household:{self.household_id}"
        if self.unit_id and not self.collective_name:
            return f"unit:{self.unit_id}"
        return f"name:{fold(self.collective_name)}@{self.dossier.unit_id if self.dossier_id else ''}"

    @property
    def recipient_name(self) -> str:
        if self.recipient_kind == RecipientKind.INDIVIDUAL and self.person_id:
            return self.person.full_name
        if self.recipient_kind == RecipientKind.HOUSEHOLD and self.household_id:
            return self.household.name
        return self.collective_name or (self.unit.name if self.unit_id else "")

    def clean(self) -> None:
        errors = {}
        if self.award_type_id and self.recipient_kind and not self.award_type.allows(self.recipient_kind):
            errors["award_type"] = _("%(award)s không tặng cho đối tượng %(kind)s.") % {
                "award": self.award_type.name, "kind": RecipientKind(self.recipient_kind).label.lower(),
            }
        if errors:
            raise ValidationError(errors)


def attachment_path(instance: Attachment, filename: str) -> str:
    """A random name outside static/: the original name is kept in the row, never in the path."""
    return f"attachments/{instance.dossier_id}/{uuid.uuid4().hex}"


class Attachment(models.Model):
    dossier = models.ForeignKey(Dossier, verbose_name=_("hồ sơ"), on_delete=models.CASCADE, related_name="attachments")
    nomination = models.ForeignKey(
        Nomination, verbose_name=_("kèm đề nghị"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="attachments",
    )
    kind = models.CharField(_("loại tài liệu"), max_length=20, choices=AttachmentKind.choices)
    file = models.FileField(_("tệp"), upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("tên tệp gốc"), max_length=255)
    content_type = models.CharField(_("định dạng"), max_length=100)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"))
    sha256 = models.CharField(max_length=64)
    vote_result = models.CharField(
        _("kết quả bỏ phiếu"), max_length=255, blank=True,
        help_text=_('Với biên bản bình xét, ví dụ "15/15 thành viên đồng ý (100 %)".'),
    )
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("tài liệu kèm theo")
        verbose_name_plural = pgettext_lazy("số nhiều", "tài liệu kèm theo")
        ordering = ["dossier", "kind", "uploaded_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.original_name}"


class DossierTransition(models.Model):
    """Append-only history of state changes: who, when, from, to, why."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="history")
    action = models.CharField(_("thao tác"), max_length=30)
    from_state = models.CharField(_("từ trạng thái"), max_length=20, choices=DossierState.choices)
    to_state = models.CharField(_("sang trạng thái"), max_length=20, choices=DossierState.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người thực hiện"), on_delete=models.PROTECT,
                              related_name="+")
    at = models.DateTimeField(_("lúc"), auto_now_add=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("lịch sử xử lý hồ sơ")
        verbose_name_plural = pgettext_lazy("số nhiều", "lịch sử xử lý hồ sơ")
        ordering = ["dossier", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.dossier_id}: {self.from_state} -> {self.to_state}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("DossierTransition is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("DossierTransition is append-only.")


class DossierRevision(models.Model):
    """What the unit sent, frozen at each submission, so every submitted version stays viewable."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("lần nộp"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(_("nộp lúc"), auto_now_add=True)
    snapshot = models.JSONField(_("nội dung"))

    class Meta:
        verbose_name = _("lần nộp hồ sơ")
        verbose_name_plural = pgettext_lazy("số nhiều", "lần nộp hồ sơ")
        ordering = ["dossier", "number"]
        constraints = [models.UniqueConstraint(fields=["dossier", "number"], name="revision_number_unique")]

    def __str__(self) -> str:
        return f"{self.dossier_id} #{self.number}"


class AttachmentAccess(models.Model):
    """Who opened which dossier attachment, when and from where: attachments hold personal data
    (achievement reports, citizen details). Append-only."""

    attachment = models.ForeignKey(Attachment, on_delete=models.CASCADE, related_name="accesses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    ip = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        verbose_name = _("lượt mở tài liệu")
        verbose_name_plural = pgettext_lazy("số nhiều", "lượt mở tài liệu")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.user_id} -> {self.attachment_id} ({self.at:%Y-%m-%d %H:%M})"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("AttachmentAccess is append-only.")
        super().save(*args, **kwargs)


def import_path(instance: ImportJob, filename: str) -> str:
    """A random name outside static/, as for attachments: the uploaded name is kept in the row only."""
    return f"imports/{instance.dossier_id}/{uuid.uuid4().hex}.xlsx"


class ImportJobStatus(models.TextChoices):
    PENDING = "pending", _("Đang chờ xử lý")
    RUNNING = "running", _("Đang nhập")
    DONE = "done", _("Đã nhập xong")
    REFUSED = "refused", _("Có lỗi, chưa lưu dòng nào")
    FAILED = "failed", _("Lỗi hệ thống, chưa lưu dòng nào")


class ImportJob(models.Model):
    """One upload of a nominee list, imported by the worker (``awards.dossiers.importing.jobs``): its file (kept
    through Django's storage), its progress (rows checked, rows saved) and its outcome, all or nothing."""

    dossier = models.ForeignKey(Dossier, verbose_name=_("hồ sơ"), on_delete=models.CASCADE,
                                related_name="import_jobs")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người tải lên"),
                                   on_delete=models.PROTECT, related_name="+")
    file = models.FileField(_("tệp"), upload_to=import_path)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    status = models.CharField(_("trạng thái"), max_length=10, choices=ImportJobStatus.choices,
                              default=ImportJobStatus.PENDING)
    rows_total = models.PositiveIntegerField(_("số dòng"), default=0)
    rows_checked = models.PositiveIntegerField(_("số dòng đã kiểm tra"), default=0)
    rows_saved = models.PositiveIntegerField(_("số dòng đã lưu"), default=0)
    created = models.PositiveIntegerField(_("số đề nghị đã thêm"), default=0)
    skipped = models.PositiveIntegerField(_("số dòng bỏ qua"), default=0)
    errors = models.JSONField(_("lỗi"), default=list, blank=True)  # [row, column, message] of each problem
    failure = models.TextField(_("lỗi hệ thống"), blank=True)
    created_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)
    started_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True)
    finished_at = models.DateTimeField(_("xong lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("lượt nhập danh sách")
        verbose_name_plural = pgettext_lazy("số nhiều", "lượt nhập danh sách")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.dossier_id}: {self.original_name} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in (ImportJobStatus.DONE, ImportJobStatus.REFUSED, ImportJobStatus.FAILED)

    @property
    def percent(self) -> int:
        """Progress for the bar: checking is the first half, saving the second."""
        if self.status == ImportJobStatus.DONE:
            return 100
        if not self.rows_total:
            return 0
        return int(50 * (self.rows_checked + self.rows_saved) / self.rows_total)
