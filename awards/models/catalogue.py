"""The award catalogue: legal documents, award types (effective-dated) and the base salary.

Catalogue facts change with the law (NĐ 98/2023 was replaced by NĐ 152/2025 on 2025-07-01), so they
are rows with validity dates, loaded by a data migration and edited by staff, never constants in code.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from awards.enums import (
    AUTHORITY_LEVEL,
    DECIDED_ABOVE_PROVINCE,
    Authority,
    AuthorityLevel,
    AwardFamily,
    BodyKind,
    LegalDocumentKind,
    OccasionType,
    RecipientKind,
)
from units.models import ValidityQuerySet
from units.text import nfc

MULTIPLIER = {"max_digits": 6, "decimal_places": 2, "validators": [MinValueValidator(Decimal("0"))]}


class LegalDocument(models.Model):
    number = models.CharField(_("số, ký hiệu"), max_length=60, unique=True)
    kind = models.CharField(_("loại văn bản"), max_length=20, choices=LegalDocumentKind.choices)
    title = models.TextField(_("trích yếu"))
    issuer = models.CharField(_("cơ quan ban hành"), max_length=120)
    issued_on = models.DateField(_("ngày ban hành"))
    valid_from = models.DateField(_("hiệu lực từ ngày"))
    valid_to = models.DateField(_("hết hiệu lực từ ngày"), null=True, blank=True)
    replaced_by = models.ForeignKey(
        "self", verbose_name=_("được thay thế bởi"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="replaces",
    )
    basis_text = models.TextField(
        _("dòng căn cứ"), blank=True,
        help_text=_('Câu dùng trong phần căn cứ của quyết định, ví dụ "Căn cứ Luật Thi đua, khen thưởng '
                    'ngày 15 tháng 6 năm 2022;". Để trống nếu văn bản không dùng làm căn cứ.'),
    )
    basis_order = models.PositiveSmallIntegerField(_("thứ tự trong phần căn cứ"), default=100)
    body = models.ForeignKey(
        "awards.IssuingBody", verbose_name=_("văn bản riêng của cơ quan ban hành"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="legal_documents",
        help_text=_("Để trống: văn bản của Trung ương hoặc của tỉnh, làm căn cứ cho quyết định của tỉnh. Chọn một "
                    "cơ quan cho văn bản riêng của cơ quan đó, ví dụ Quy chế thi đua, khen thưởng của Sở."),
    )

    objects = ValidityQuerySet.as_manager()

    class Meta:
        verbose_name = _("văn bản pháp luật")
        verbose_name_plural = pgettext_lazy("số nhiều", "văn bản pháp luật")
        ordering = ["basis_order", "-issued_on"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} số {self.number}"

    def save(self, *args, **kwargs):
        self.title = nfc(self.title)
        self.basis_text = nfc(self.basis_text)
        super().save(*args, **kwargs)


class AwardTypeQuerySet(ValidityQuerySet):
    def for_recipient(self, kind: str) -> models.QuerySet:
        return self.filter(**{RECIPIENT_FLAG[kind]: True})


class AwardType(models.Model):
    """One version of a title or form of commendation. Versions of the same award share ``code``
    and do not overlap in time; a nomination points at the version in force on its date."""

    code = models.SlugField(_("mã"), max_length=80)
    name = models.CharField(_("tên danh hiệu, hình thức"), max_length=255)
    short_name = models.CharField(
        _("tên dùng trong báo cáo"), max_length=255, blank=True,
        help_text=_('Ví dụ "Cờ thi đua của UBND tỉnh"; để trống thì dùng tên đầy đủ.'),
    )
    series = models.CharField(
        _("tên chung các hạng"), max_length=255, blank=True,
        help_text=_('Với loại có hạng, ví dụ "Huân chương Lao động"; để gộp "hạng Nhất, Nhì, Ba".'),
    )
    award_class = models.PositiveSmallIntegerField(
        _("hạng"), null=True, blank=True, choices=[(1, _("hạng Nhất")), (2, _("hạng Nhì")), (3, _("hạng Ba"))],
    )
    family = models.CharField(_("nhóm"), max_length=30, choices=AwardFamily.choices)
    authority = models.CharField(_("thẩm quyền quyết định"), max_length=30, choices=Authority.choices)
    for_collective = models.BooleanField(_("tặng tập thể"), default=False)
    for_individual = models.BooleanField(_("tặng cá nhân"), default=False)
    for_household = models.BooleanField(_("tặng hộ gia đình"), default=False)
    requires_council_vote = models.BooleanField(_("Hội đồng phải bỏ phiếu"), default=False)
    vote_threshold_pct = models.DecimalField(
        _("tỷ lệ phiếu đồng ý tối thiểu (%)"), max_digits=5, decimal_places=2, null=True, blank=True,
        help_text=_("Tính trên tổng số thành viên Hội đồng, kể cả người vắng mặt."),
    )
    bonus_collective = models.DecimalField(_("hệ số tiền thưởng - tập thể"), null=True, blank=True, **MULTIPLIER)
    bonus_individual = models.DecimalField(_("hệ số tiền thưởng - cá nhân"), null=True, blank=True, **MULTIPLIER)
    bonus_household = models.DecimalField(_("hệ số tiền thưởng - hộ gia đình"), null=True, blank=True, **MULTIPLIER)
    is_yearly = models.BooleanField(_("xét hằng năm"), default=False)
    required_attachments = models.JSONField(
        _("tài liệu bắt buộc trong hồ sơ"), default=list, blank=True,
        help_text=_("Mã các loại tài liệu phải có trước khi nộp hồ sơ: to_trinh, bao_cao, bien_ban, sang_kien, "
                    "hiep_y, khac."),
    )
    legal_citation = models.CharField(_("căn cứ pháp lý"), max_length=255, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    valid_from = models.DateField(_("hiệu lực từ ngày"))
    valid_to = models.DateField(_("hiệu lực đến ngày"), null=True, blank=True)
    sort_order = models.PositiveIntegerField(_("thứ tự"), default=0)

    objects = AwardTypeQuerySet.as_manager()

    class Meta:
        verbose_name = _("danh hiệu, hình thức khen thưởng")
        verbose_name_plural = pgettext_lazy("số nhiều", "danh mục khen thưởng")
        ordering = ["sort_order", "code", "-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["code", "valid_from"], name="award_type_version_unique"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="award_type_valid_range",
                violation_error_message=_("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực."),
            ),
            models.CheckConstraint(
                condition=Q(for_collective=True) | Q(for_individual=True) | Q(for_household=True),
                name="award_type_has_recipient_kind",
                violation_error_message=_("Chọn ít nhất một loại đối tượng được tặng."),
            ),
            models.CheckConstraint(
                condition=Q(requires_council_vote=False) | Q(vote_threshold_pct__isnull=False),
                name="award_type_vote_has_threshold",
                violation_error_message=_("Loại phải bỏ phiếu cần có tỷ lệ phiếu tối thiểu."),
            ),
            models.CheckConstraint(
                condition=Q(vote_threshold_pct__isnull=True)
                | Q(vote_threshold_pct__gt=0, vote_threshold_pct__lte=100),
                name="award_type_threshold_range",
                violation_error_message=_("Tỷ lệ phiếu phải trong khoảng 0 - 100 %."),
            ),
        ]
        indexes = [models.Index(fields=["code", "valid_from"])]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name)
        self.short_name = nfc(self.short_name)
        self.series = nfc(self.series)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if not self.code or not self.valid_from:
            return
        overlapping = AwardType.objects.filter(code=self.code).exclude(pk=self.pk).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=self.valid_from)
        )
        if self.valid_to is not None:
            overlapping = overlapping.filter(valid_from__lte=self.valid_to)
        # An open-ended older version is closed by ``services.add_award_type_version``; here only
        # versions that start on or after this one and overlap it are refused.
        clash = overlapping.filter(valid_from__gte=self.valid_from)
        if clash.exists():
            raise ValidationError(
                {"valid_from": _("Khoảng hiệu lực trùng với một phiên bản khác của cùng mã %(code)s.")
                 % {"code": self.code}}
            )

    @property
    def report_name(self) -> str:
        return self.short_name or self.name

    @property
    def level(self) -> str:
        return AUTHORITY_LEVEL[Authority(self.authority)]

    @property
    def level_label(self) -> str:
        return AuthorityLevel(self.level).label

    @property
    def decided_above_province(self) -> bool:
        return self.authority in DECIDED_ABOVE_PROVINCE

    def allows(self, recipient_kind: str) -> bool:
        return bool(getattr(self, RECIPIENT_FLAG[recipient_kind]))

    def multiplier_for(self, recipient_kind: str) -> Decimal | None:
        return getattr(self, RECIPIENT_BONUS[recipient_kind])

    @property
    def recipient_kinds(self) -> list[str]:
        return [kind for kind in RecipientKind if self.allows(kind)]

    def is_active_on(self, day: datetime.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


RECIPIENT_FLAG = {
    RecipientKind.COLLECTIVE: "for_collective",
    RecipientKind.INDIVIDUAL: "for_individual",
    RecipientKind.HOUSEHOLD: "for_household",
}
RECIPIENT_BONUS = {
    RecipientKind.COLLECTIVE: "bonus_collective",
    RecipientKind.INDIVIDUAL: "bonus_individual",
    RecipientKind.HOUSEHOLD: "bonus_household",
}


class DecidingPower(models.Model):
    """Which kind of body may decide an award, from when to when (thẩm quyền quyết định). Keyed on the award code,
    not on a version, so a Lao động tiên tiến decided by a xã is the same title as one decided by a Sở and counts
    the same in every ladder; the law changes who decides (Luật 2003, Luật 2022, NĐ 129/2025), not what."""

    award_code = models.SlugField(_("mã danh hiệu, hình thức"), max_length=80)
    body_kind = models.CharField(_("loại cơ quan ban hành"), max_length=20, choices=BodyKind.choices)
    valid_from = models.DateField(_("từ ngày"))
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)
    legal_citation = models.CharField(_("căn cứ pháp lý"), max_length=255)
    note = models.TextField(_("ghi chú"), blank=True)

    objects = ValidityQuerySet.as_manager()

    class Meta:
        verbose_name = _("thẩm quyền quyết định khen thưởng")
        verbose_name_plural = pgettext_lazy("số nhiều", "thẩm quyền quyết định khen thưởng")
        ordering = ["award_code", "body_kind", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["award_code", "body_kind", "valid_from"], name="deciding_power_unique"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="deciding_power_valid_range",
                violation_error_message=_("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.award_code}: {self.get_body_kind_display()} ({self.legal_citation})"

    def clean(self) -> None:
        if not self.award_code or not self.body_kind or not self.valid_from:
            return
        clash = DecidingPower.objects.filter(award_code=self.award_code, body_kind=self.body_kind).exclude(
            pk=self.pk).filter(Q(valid_to__isnull=True) | Q(valid_to__gte=self.valid_from))
        if self.valid_to is not None:
            clash = clash.filter(valid_from__lte=self.valid_to)
        if clash.exists():
            raise ValidationError({"valid_from": _("Khoảng hiệu lực trùng với một dòng thẩm quyền khác của cùng mã và "
                                                   "cùng loại cơ quan.")})


class BaseSalary(models.Model):
    """Mức lương cơ sở; each row holds from ``valid_from`` until the next row's date."""

    amount = models.PositiveIntegerField(_("mức lương cơ sở (đồng/tháng)"))
    valid_from = models.DateField(_("áp dụng từ ngày"), unique=True)
    legal_citation = models.CharField(_("văn bản quy định"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("mức lương cơ sở")
        verbose_name_plural = pgettext_lazy("số nhiều", "mức lương cơ sở")
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return f"{self.amount:,} đ từ {self.valid_from:%d/%m/%Y}".replace(",", ".")


class Holiday(models.Model):
    """A public holiday: not a working day when deadlines are counted."""

    date = models.DateField(_("ngày"), unique=True)
    name = models.CharField(_("tên ngày nghỉ"), max_length=150)

    class Meta:
        verbose_name = _("ngày nghỉ lễ, Tết")
        verbose_name_plural = pgettext_lazy("số nhiều", "ngày nghỉ lễ, Tết")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} - {self.name}"



class ProcessingTimeLimit(models.Model):
    """How many working days the board has to appraise a received dossier; the row with the dossier's
    occasion wins over the default row (occasion left empty)."""

    occasion = models.CharField(
        _("loại hình khen thưởng"), max_length=20, choices=OccasionType.choices, blank=True, unique=True,
        help_text=_("Để trống: thời hạn mặc định cho mọi loại hình."),
    )
    working_days = models.PositiveSmallIntegerField(_("số ngày làm việc"), validators=[MinValueValidator(1)])

    class Meta:
        verbose_name = _("thời hạn thẩm định")
        verbose_name_plural = pgettext_lazy("số nhiều", "thời hạn thẩm định")
        ordering = ["occasion"]

    def __str__(self) -> str:
        label = self.get_occasion_display() if self.occasion else _("Mặc định")
        return f"{label}: {self.working_days}"
