"""Yearly facts the award criteria read (ratings, initiatives, hold periods, collective figures), the
eligibility rules as data, and the evaluated result stored on each nomination.

The rules are interpreted by ``awards.record.eligibility``; here they are only rows, effective-dated and citing
their legal source, loaded by a data migration and edited by staff."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from awards.enums import RecipientKind
from units.models import YEAR_VALIDATORS
from units.text import nfc

PERSON_XOR_UNIT = (Q(person__isnull=False) & Q(unit__isnull=True)) | (Q(person__isnull=True) & Q(unit__isnull=False))


class Rating(models.TextChoices):
    """Kết quả đánh giá, xếp loại chất lượng hằng năm (best first)."""

    EXCELLENT = "htxs", _("Hoàn thành xuất sắc nhiệm vụ")
    GOOD = "htt", _("Hoàn thành tốt nhiệm vụ")
    COMPLETED = "ht", _("Hoàn thành nhiệm vụ")
    FAILED = "kht", _("Không hoàn thành nhiệm vụ")


RATING_RANK = {Rating.EXCELLENT: 4, Rating.GOOD: 3, Rating.COMPLETED: 2, Rating.FAILED: 1}


class InitiativeKind(models.TextChoices):
    INITIATIVE = "sang_kien", _("Sáng kiến")
    RESEARCH = "de_tai", _("Đề tài, đề án, công trình khoa học")


class Scope(models.TextChoices):
    """Phạm vi ảnh hưởng, hiệu quả được công nhận."""

    BASE = "co_so", _("Cấp cơ sở")
    PROVINCE = "tinh", _("Cấp tỉnh")
    NATIONAL = "toan_quoc", _("Toàn quốc")


SCOPE_RANK = {Scope.BASE: 1, Scope.PROVINCE: 2, Scope.NATIONAL: 3}


class HoldKind(models.TextChoices):
    DISCIPLINE = "ky_luat", _("Kỷ luật")
    INVESTIGATION = "dieu_tra", _("Đang bị điều tra")
    INSPECTION = "thanh_tra", _("Đang bị thanh tra, kiểm tra")
    COMPLAINT = "khieu_nai", _("Có đơn thư khiếu nại, tố cáo đang xác minh")
    PRESS = "bao_chi", _("Báo chí phản ánh có dấu hiệu tham nhũng, tiêu cực đang xác minh")


class DisciplineLevel(models.TextChoices):
    REPRIMAND = "khien_trach", _("Khiển trách")
    WARNING = "canh_cao", _("Cảnh cáo")
    DEMOTION = "ha_bac_luong", _("Hạ bậc lương, giáng chức")
    DISMISSAL_FROM_POST = "cach_chuc", _("Cách chức")
    DISMISSAL = "buoc_thoi_viec", _("Buộc thôi việc")


DISCIPLINE_RANK = {DisciplineLevel.REPRIMAND: 1, DisciplineLevel.WARNING: 2, DisciplineLevel.DEMOTION: 3,
                   DisciplineLevel.DISMISSAL_FROM_POST: 4, DisciplineLevel.DISMISSAL: 5}


class YearlyRating(models.Model):
    """The yearly rating of one person or one unit (exactly one of them)."""

    person = models.ForeignKey("units.Person", verbose_name=_("cá nhân"), on_delete=models.CASCADE, null=True,
                               blank=True, related_name="ratings")
    unit = models.ForeignKey("units.Unit", verbose_name=_("tập thể (đơn vị)"), on_delete=models.CASCADE, null=True,
                             blank=True, related_name="ratings")
    year = models.PositiveSmallIntegerField(_("năm"), validators=YEAR_VALIDATORS)
    rating = models.CharField(_("xếp loại"), max_length=5, choices=Rating.choices)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("xếp loại hằng năm")
        verbose_name_plural = pgettext_lazy("số nhiều", "xếp loại hằng năm")
        ordering = ["-year", "pk"]
        constraints = [
            models.CheckConstraint(condition=PERSON_XOR_UNIT, name="rating_person_xor_unit",
                                   violation_error_message=_("Chọn đúng một: cá nhân hoặc tập thể.")),
            models.UniqueConstraint(fields=["person", "year"], condition=Q(person__isnull=False),
                                    name="rating_once_per_person_year"),
            models.UniqueConstraint(fields=["unit", "year"], condition=Q(unit__isnull=False),
                                    name="rating_once_per_unit_year"),
        ]

    def __str__(self) -> str:
        return f"{self.person or self.unit} {self.year}: {self.get_rating_display()}"


class Initiative(models.Model):
    """A sáng kiến or a research work, recognised at a scope; it serves as the ground of one award only."""

    kind = models.CharField(_("loại"), max_length=10, choices=InitiativeKind.choices, default=InitiativeKind.INITIATIVE)
    title = models.CharField(_("tên sáng kiến, đề tài"), max_length=500)
    person = models.ForeignKey("units.Person", verbose_name=_("tác giả (cá nhân)"), on_delete=models.CASCADE,
                               null=True, blank=True, related_name="initiatives")
    unit = models.ForeignKey("units.Unit", verbose_name=_("tác giả (tập thể)"), on_delete=models.CASCADE,
                             null=True, blank=True, related_name="initiatives")
    year = models.PositiveSmallIntegerField(_("năm công nhận"), validators=YEAR_VALIDATORS)
    scope = models.CharField(_("phạm vi ảnh hưởng"), max_length=10, choices=Scope.choices, default=Scope.BASE)
    recognised_by = models.CharField(_("cơ quan công nhận"), max_length=255, blank=True)
    decision_number = models.CharField(_("số quyết định công nhận"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày quyết định công nhận"), null=True, blank=True)
    used_by = models.ForeignKey(
        "awards.Nomination", verbose_name=_("đã dùng cho đề nghị"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="initiatives_used",
        help_text=_("Một sáng kiến chỉ được dùng một lần làm tiêu chuẩn đề nghị khen thưởng."),
    )
    used_at = models.DateTimeField(_("dùng lúc"), null=True, blank=True)
    used_note = models.CharField(
        _("đã dùng cho (ghi chú)"), max_length=255, blank=True,
        help_text=_("Với khen thưởng trước khi có phần mềm: ghi số quyết định đã dùng sáng kiến này."),
    )

    class Meta:
        verbose_name = _("sáng kiến, đề tài")
        verbose_name_plural = pgettext_lazy("số nhiều", "sáng kiến, đề tài")
        ordering = ["-year", "title"]
        constraints = [
            models.CheckConstraint(condition=Q(person__isnull=False) | Q(unit__isnull=False),
                                   name="initiative_has_author",
                                   violation_error_message=_("Chọn tác giả: cá nhân hoặc tập thể.")),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.title = nfc(self.title)
        self.recognised_by = nfc(self.recognised_by)
        super().save(*args, **kwargs)

    @property
    def is_used(self) -> bool:
        return self.used_by_id is not None or bool(self.used_note)


class HoldPeriod(models.Model):
    """Discipline, investigation, inspection, complaint or press report: awards wait (NĐ 152/2025 Điều 4)."""

    person = models.ForeignKey("units.Person", verbose_name=_("cá nhân"), on_delete=models.CASCADE, null=True,
                               blank=True, related_name="holds")
    unit = models.ForeignKey("units.Unit", verbose_name=_("tập thể (đơn vị)"), on_delete=models.CASCADE, null=True,
                             blank=True, related_name="holds")
    kind = models.CharField(_("loại"), max_length=12, choices=HoldKind.choices)
    discipline_level = models.CharField(_("hình thức kỷ luật"), max_length=20, choices=DisciplineLevel.choices,
                                        blank=True)
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"), null=True, blank=True, help_text=_("Để trống: chưa kết thúc."))
    reference = models.CharField(_("văn bản"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("thời gian chưa xét khen thưởng")
        verbose_name_plural = pgettext_lazy("số nhiều", "thời gian chưa xét khen thưởng")
        ordering = ["-start"]
        constraints = [
            models.CheckConstraint(condition=PERSON_XOR_UNIT, name="hold_person_xor_unit",
                                   violation_error_message=_("Chọn đúng một: cá nhân hoặc tập thể.")),
            models.CheckConstraint(condition=Q(end__isnull=True) | Q(end__gte=F("start")), name="hold_range",
                                   violation_error_message=_("Ngày kết thúc phải sau ngày bắt đầu.")),
            models.CheckConstraint(condition=~Q(kind="ky_luat") | ~Q(discipline_level=""),
                                   name="hold_discipline_has_level",
                                   violation_error_message=_("Kỷ luật cần ghi hình thức kỷ luật.")),
        ]

    def __str__(self) -> str:
        return f"{self.person or self.unit}: {self.get_kind_display()} ({self.start:%d/%m/%Y})"


class CollectiveFigures(models.Model):
    """Figures of a collective for a year, as the Tập thể lao động xuất sắc criteria need them."""

    unit = models.ForeignKey("units.Unit", verbose_name=_("tập thể (đơn vị)"), on_delete=models.CASCADE,
                             related_name="yearly_figures")
    year = models.PositiveSmallIntegerField(_("năm"), validators=YEAR_VALIDATORS)
    members = models.PositiveIntegerField(_("tổng số thành viên"), validators=[MinValueValidator(1)])
    completed_tasks = models.PositiveIntegerField(_("số hoàn thành nhiệm vụ trở lên"))
    with_ldtt = models.PositiveIntegerField(_("số đạt Lao động tiên tiến"))
    with_cstdcs = models.PositiveIntegerField(_("số đạt Chiến sĩ thi đua cơ sở"))
    women = models.PositiveIntegerField(_("số nữ"))
    disciplined_canh_cao_or_above = models.PositiveIntegerField(_("số bị kỷ luật từ cảnh cáo trở lên"), default=0)

    class Meta:
        verbose_name = _("số liệu tập thể hằng năm")
        verbose_name_plural = pgettext_lazy("số nhiều", "số liệu tập thể hằng năm")
        ordering = ["-year", "unit"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="figures_once_per_unit_year"),
            models.CheckConstraint(
                condition=Q(completed_tasks__lte=F("members")) & Q(with_ldtt__lte=F("members"))
                & Q(with_cstdcs__lte=F("members")) & Q(women__lte=F("members"))
                & Q(disciplined_canh_cao_or_above__lte=F("members")),
                name="figures_within_members",
                violation_error_message=_("Các số liệu không được lớn hơn tổng số thành viên."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}"

    @property
    def women_share(self) -> float:
        return self.women / self.members if self.members else 0.0


class Severity(models.TextChoices):
    HARD = "hard", _("Bắt buộc (chặn gửi hồ sơ)")
    SOFT = "soft", _("Cảnh báo")


class EligibilityRule(models.Model):
    """The criteria of one award for one recipient kind, in force from ``valid_from`` to ``valid_to``.

    ``criteria`` is a list of ``{"code", "kind", "params", "severity", "label"}``; the kinds form a fixed
    vocabulary interpreted by ``awards.record.eligibility.criteria`` (see ``CRITERION_KINDS`` there)."""

    code = models.SlugField(_("mã quy tắc"), max_length=80)
    award_code = models.SlugField(_("mã danh hiệu, hình thức"), max_length=80, db_index=True)
    recipient_kind = models.CharField(_("đối tượng"), max_length=20, choices=RecipientKind.choices)
    valid_from = models.DateField(_("hiệu lực từ ngày"))
    valid_to = models.DateField(_("hiệu lực đến ngày"), null=True, blank=True)
    citation = models.CharField(_("căn cứ pháp lý"), max_length=500)
    legal_document = models.ForeignKey("awards.LegalDocument", verbose_name=_("văn bản"), on_delete=models.PROTECT,
                                       null=True, blank=True, related_name="+")
    ladder = models.BooleanField(_("xét theo thành tích các năm (công trạng)"), default=True,
                                 help_text=_("Hiện trong trang \"Ai đủ điều kiện năm nay\"."))
    criteria = models.JSONField(_("tiêu chuẩn"), default=list)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("quy tắc xét điều kiện")
        verbose_name_plural = pgettext_lazy("số nhiều", "quy tắc xét điều kiện")
        ordering = ["award_code", "recipient_kind", "-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["code", "valid_from"], name="eligibility_rule_version_unique"),
            models.CheckConstraint(condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                                   name="eligibility_rule_valid_range"),
        ]

    def __str__(self) -> str:
        return f"{self.code} ({self.valid_from:%d/%m/%Y})"


class NominationEligibility(models.Model):
    """The last evaluation of one nomination, and staff's override of it with a recorded reason."""

    nomination = models.OneToOneField("awards.Nomination", on_delete=models.CASCADE, related_name="eligibility")
    verdict = models.CharField(_("kết quả tự động"), max_length=20)
    hard_unmet = models.BooleanField(_("có tiêu chuẩn bắt buộc chưa đạt"), default=False)
    result = models.JSONField(_("chi tiết"), default=dict)
    evaluated_at = models.DateTimeField(_("xét lúc"))
    override_verdict = models.CharField(_("kết luận của Ban"), max_length=20, blank=True)
    override_reason = models.TextField(_("lý do"), blank=True)
    override_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người kết luận"),
                                    on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    override_at = models.DateTimeField(_("kết luận lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("kết quả xét điều kiện của đề nghị")
        verbose_name_plural = pgettext_lazy("số nhiều", "kết quả xét điều kiện của đề nghị")
        ordering = ["-evaluated_at"]

    def __str__(self) -> str:
        return f"{self.nomination}: {self.override_verdict or self.verdict}"
