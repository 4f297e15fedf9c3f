"""Award decisions (Quyết định khen thưởng), their rendered documents, and the permanent award record.

A decision is prepared as a draft, invisible to units; publishing it writes ``Award`` rows, the
province's record of who got what, when and by which decision. Nothing here is ever deleted: a
cancelled draft keeps its number, a revoked decision keeps its awards, marked revoked."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from awards.enums import Authority, OccasionType, RecipientKind
from awards.models.bodies import province_body
from units.models import YEAR_VALIDATORS
from units.text import nfc


class SignerCapacity(models.TextChoices):
    """The head signs in his own name, or a deputy signs for him ("KT."); the printed titles come from the body
    ("CHỦ TỊCH", "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"). The values keep their first names."""

    CHAIR = "chu_tich", _("Người đứng đầu ký (CHỦ TỊCH, GIÁM ĐỐC...)")
    ON_BEHALF = "kt_chu_tich", _("Cấp phó ký thay (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH...)")


def _body_or_province(instance: models.Model) -> None:
    """A row saved without a body belongs to the province: the only issuer before bodies existed."""
    if instance.body_id is None:
        instance.body = province_body()


class Signer(models.Model):
    body = models.ForeignKey("awards.IssuingBody", verbose_name=_("ký quyết định của"), on_delete=models.PROTECT,
                             related_name="signers")
    full_name = models.CharField(_("họ và tên"), max_length=150)
    position = models.CharField(_("chức vụ"), max_length=150, help_text=_('Ví dụ "Chủ tịch UBND tỉnh"'))
    capacity = models.CharField(_("thẩm quyền ký"), max_length=20, choices=SignerCapacity.choices)
    valid_from = models.DateField(_("từ ngày"))
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("người ký quyết định")
        verbose_name_plural = pgettext_lazy("số nhiều", "người ký quyết định")
        ordering = ["-valid_from", "capacity", "full_name"]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.position})"

    def save(self, *args, **kwargs):
        self.full_name = nfc(self.full_name)
        self.position = nfc(self.position)
        _body_or_province(self)
        super().save(*args, **kwargs)


class NumberSequence(models.Model):
    """The last decision number a body gave in a year ("163/QĐ-UBND", "12/QĐ-SGDĐT")."""

    body = models.ForeignKey("awards.IssuingBody", verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT,
                             related_name="number_sequences")
    year = models.PositiveSmallIntegerField(validators=YEAR_VALIDATORS)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("sổ số quyết định")
        verbose_name_plural = pgettext_lazy("số nhiều", "sổ số quyết định")
        constraints = [models.UniqueConstraint(fields=["body", "year"], name="number_sequence_unique")]

    def __str__(self) -> str:
        return f"{self.body} {self.year}: {self.last_number}"


class DecisionState(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    PUBLISHED = "published", _("Đã ban hành")
    CANCELLED = "cancelled", _("Đã hủy dự thảo")
    REVOKED = "revoked", _("Đã thu hồi")


class Rounding(models.TextChoices):
    NONE = "none", _("Không làm tròn")
    UP_1000 = "up_1000", _("Làm tròn lên hàng nghìn đồng")
    UP_10000 = "up_10000", _("Làm tròn lên hàng chục nghìn đồng")


class Decision(models.Model):
    body = models.ForeignKey("awards.IssuingBody", verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT,
                             related_name="decisions")
    authority = models.CharField(_("thẩm quyền"), max_length=30, choices=Authority.choices,
                                 default=Authority.PROVINCE_CHAIR)
    number = models.PositiveIntegerField(_("số"))
    year = models.PositiveSmallIntegerField(_("năm của sổ số"), validators=YEAR_VALIDATORS)
    symbol = models.CharField(_("ký hiệu"), max_length=30, default="QĐ-UBND")
    state = models.CharField(_("trạng thái"), max_length=12, choices=DecisionState.choices,
                             default=DecisionState.DRAFT, editable=False)
    parent_line = models.CharField(_("cơ quan chủ quản"), max_length=120, blank=True)
    issuer_line1 = models.CharField(_("cơ quan ban hành (dòng 1)"), max_length=120, default="ỦY BAN NHÂN DÂN")
    issuer_line2 = models.CharField(_("cơ quan ban hành (dòng 2)"), max_length=120, default="TỈNH LẠNG SƠN")
    place = models.CharField(_("địa danh"), max_length=60, default="Lạng Sơn")
    decided_on = models.DateField(_("ngày ký"))
    signer = models.ForeignKey(Signer, verbose_name=_("người ký"), on_delete=models.PROTECT, related_name="decisions")
    award_type = models.ForeignKey("awards.AwardType", verbose_name=_("danh hiệu, hình thức"),
                                   on_delete=models.PROTECT, related_name="decisions")
    occasion = models.CharField(_("loại hình khen thưởng"), max_length=20, choices=OccasionType.choices)
    achievement_year = models.PositiveSmallIntegerField(_("năm thành tích"), validators=YEAR_VALIDATORS)
    subject = models.CharField(_("trích yếu"), max_length=300)
    authority_line = models.CharField(_("dòng thẩm quyền ban hành"), max_length=200,
                                      default="CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN")
    signature_title = models.CharField(_("chức danh ký"), max_length=100, default="CHỦ TỊCH")
    deputy_title = models.CharField(_("chức danh cấp phó ký thay"), max_length=100, default="PHÓ CHỦ TỊCH")
    fund_name = models.CharField(_("quỹ chi tiền thưởng"), max_length=200, default="Quỹ Thi đua, khen thưởng tỉnh")
    legal_bases = models.TextField(_("căn cứ (mỗi dòng một căn cứ)"))
    proposals = models.TextField(_("theo đề nghị của"))
    reason = models.TextField(_("lý do khen thưởng"), help_text=_('Ví dụ "đã có thành tích xuất sắc năm 2020"'))
    bonus_enabled = models.BooleanField(_("có điều khoản tiền thưởng"), default=True)
    # No rounding unless chosen: no text in force from 2024 was found to ask for it (docs/legal-sources.md, Money).
    rounding = models.CharField(_("làm tròn tiền thưởng"), max_length=10, choices=Rounding.choices,
                                default=Rounding.NONE)
    base_salary = models.PositiveIntegerField(_("mức lương cơ sở áp dụng"), null=True, blank=True)
    executors = models.TextField(_("điều khoản thi hành: các cơ quan, cá nhân thi hành"))
    recipients = models.TextField(_("nơi nhận (mỗi dòng một nơi)"))
    # The Sở Nội vụ's tờ trình to the Chủ tịch UBND tỉnh that the decision answers ("245/TTr-SNV"): needed before
    # a decision of the province is published (awards.documents.board_submission).
    submission_number = models.CharField(_("số Tờ trình của Sở Nội vụ"), max_length=60, blank=True,
                                         help_text=_('Ví dụ "245/TTr-SNV".'))
    submission_date = models.DateField(_("ngày Tờ trình của Sở Nội vụ"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+", editable=False)
    closed_reason = models.TextField(_("lý do hủy hoặc thu hồi"), blank=True, editable=False)
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="+", editable=False)
    content_version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("quyết định khen thưởng")
        verbose_name_plural = pgettext_lazy("số nhiều", "quyết định khen thưởng")
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["body", "year", "number"], name="decision_number_unique",
                                    violation_error_message=_("Số quyết định này đã được dùng.")),
        ]
        indexes = [models.Index(fields=["state", "decided_on"])]

    def __str__(self) -> str:
        return f"{self.code}: {self.subject}"

    def save(self, *args, **kwargs):
        _body_or_province(self)
        super().save(*args, **kwargs)

    @property
    def code(self) -> str:
        """"163/QĐ-UBND"; numbers below 10 get a leading zero (NĐ 30/2020)."""
        return f"{self.number:02d}/{self.symbol}"


class DecisionLine(models.Model):
    """One recipient of a decision. ``active`` is false once the draft is cancelled, so a nomination is
    in at most one live decision (a database constraint)."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="lines")
    nomination = models.ForeignKey("awards.Nomination", on_delete=models.PROTECT, related_name="decision_lines")
    active = models.BooleanField(default=True)
    position = models.PositiveIntegerField(default=0)
    recipient_kind = models.CharField(max_length=20, choices=RecipientKind.choices)
    recipient_name = models.CharField(max_length=255)
    honorific = models.CharField(max_length=10, blank=True)
    detail = models.CharField(_("chức vụ, đơn vị"), max_length=500, blank=True)
    bonus_amount = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("người, tập thể trong quyết định")
        verbose_name_plural = pgettext_lazy("số nhiều", "người, tập thể trong quyết định")
        ordering = ["decision", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["nomination"], condition=Q(active=True),
                                    name="nomination_in_one_live_decision",
                                    violation_error_message=_("Đề nghị này đã nằm trong một quyết định khác.")),
        ]

    def __str__(self) -> str:
        return self.recipient_name


class AwardSource(models.TextChoices):
    PROVINCE = "province", _("Quyết định của tỉnh")
    CENTRAL = "central", _("Quyết định của cấp trên")
    HISTORY = "history", _("Nhập từ hồ sơ lưu trữ")


class Award(models.Model):
    """What was granted: the permanent record read by the dashboard, histories and eligibility checks."""

    source = models.CharField(max_length=10, choices=AwardSource.choices)
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, null=True, blank=True, related_name="awards")
    body = models.ForeignKey("awards.IssuingBody", verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT,
                             null=True, blank=True, related_name="awards",
                             help_text=_("Cơ quan đã ra quyết định trong phần mềm; trống với khen thưởng của cấp "
                                         "trên và khen thưởng nhập từ hồ sơ lưu trữ."))
    nomination = models.ForeignKey("awards.Nomination", on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="awards")
    award_type = models.ForeignKey("awards.AwardType", on_delete=models.PROTECT, related_name="awards")
    award_code = models.SlugField(max_length=80, db_index=True)
    recipient_kind = models.CharField(max_length=20, choices=RecipientKind.choices)
    unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="awards")
    person = models.ForeignKey("units.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="awards")
    household = models.ForeignKey("units.Household", on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="awards")
    recipient_name = models.CharField(max_length=255)
    proposing_unit = models.ForeignKey("units.Unit", on_delete=models.PROTECT, null=True, blank=True,
                                       related_name="+")
    year = models.PositiveSmallIntegerField(_("năm khen thưởng"), validators=YEAR_VALIDATORS)
    achievement_year = models.PositiveSmallIntegerField(_("năm thành tích"), validators=YEAR_VALIDATORS)
    occasion = models.CharField(max_length=20, choices=OccasionType.choices)
    authority = models.CharField(max_length=30, choices=Authority.choices)
    decision_number = models.CharField(_("số quyết định"), max_length=60)
    decided_on = models.DateField(_("ngày quyết định"))
    issuer = models.CharField(_("cơ quan ban hành"), max_length=200)
    bonus_amount = models.PositiveIntegerField(null=True, blank=True)
    campaign = models.ForeignKey("campaigns.Campaign", on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="awards")
    revoked = models.BooleanField(default=False)
    revoked_on = models.DateField(null=True, blank=True)
    revoke_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("khen thưởng đã quyết định")
        verbose_name_plural = pgettext_lazy("số nhiều", "khen thưởng đã quyết định")
        ordering = ["-decided_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["nomination"], condition=Q(nomination__isnull=False),
                                    name="award_once_per_nomination"),
        ]
        indexes = [
            models.Index(fields=["year", "award_code", "recipient_kind"]),
            models.Index(fields=["person", "year"]),
            models.Index(fields=["unit", "year"]),
            # The API's list of a year in its order (/api/v1/awards/?year=): the first pages without a sort.
            models.Index(fields=["year", "-decided_on", "id"], name="award_year_decided_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.recipient_name}: {self.award_type} ({self.decision_number})"


