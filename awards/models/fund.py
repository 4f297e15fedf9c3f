"""The emulation and commendation fund (Quỹ thi đua, khen thưởng) of a deciding body and a year.

``Fund`` is one body's fund for one year (the Chủ tịch UBND tỉnh's is the province's, managed by the Sở Nội vụ; a
unit's head has the unit's own). Money moves only through ``FundEntry``, an append-only ledger: allocations (dự
toán, bổ sung), the decisions' commitments and their reversals, payments of the bonuses, money recovered, and
spending on organising the campaigns; a correction is a new entry referring to the one it corrects
(``corrects``), never an edit. ``FundLine`` is one recipient's bonus committed by a published decision (one per
decision line): its ``paid`` and ``status`` are the sums of its entries, kept beside them in the same transaction
so two payments of one line cannot both pass. ``FundRule`` holds the legal limits, dated like the catalogue.

Amounts are whole đồng in ``DecimalField(max_digits=18, decimal_places=0)``: never floats."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from awards.enums import RecipientKind
from units.models import YEAR_VALIDATORS, ValidityQuerySet


def money(verbose_name, **options) -> models.DecimalField:
    return models.DecimalField(verbose_name, max_digits=18, decimal_places=0, **options)


class FundRule(models.Model):
    """What the law in force on a day says of the fund: how it is formed (a share of a base the fund's keeper
    enters, e.g. the year's salary fund) and the largest share that may be spent on organising the campaigns."""

    valid_from = models.DateField(_("từ ngày"))
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)
    citation = models.CharField(_("căn cứ"), max_length=300)
    formation = models.TextField(_("cách hình thành quỹ"))
    formation_base_label = models.CharField(_("cơ sở tính mức trích"), max_length=200, blank=True)
    formation_max_percent = models.DecimalField(_("mức trích tối đa (%)"), max_digits=5, decimal_places=2,
                                                null=True, blank=True)
    campaign_max_percent = models.DecimalField(_("tỷ lệ tối đa chi tổ chức phong trào (%)"), max_digits=5,
                                               decimal_places=2, null=True, blank=True)
    verified = models.BooleanField(_("đã đối chiếu văn bản gốc"), default=False)
    source_note = models.TextField(_("nguồn, ngày đọc"), blank=True)

    objects = ValidityQuerySet.as_manager()

    class Meta:
        verbose_name = _("quy định về quỹ thi đua, khen thưởng")
        verbose_name_plural = pgettext_lazy("số nhiều", "quy định về quỹ thi đua, khen thưởng")
        ordering = ["valid_from"]

    def __str__(self) -> str:
        return self.citation


class Fund(models.Model):
    body = models.ForeignKey("awards.IssuingBody", verbose_name=_("cơ quan quyết định khen thưởng"),
                             on_delete=models.PROTECT, related_name="funds")
    year = models.PositiveSmallIntegerField(_("năm"), validators=YEAR_VALIDATORS)
    opening_balance = money(_("số dư đầu năm"), default=Decimal(0))
    opening_note = models.CharField(_("căn cứ số dư đầu năm"), max_length=300, blank=True)
    formation_base = money(_("cơ sở tính mức trích của năm"), null=True, blank=True,
                           help_text=_("Ví dụ tổng quỹ tiền lương của năm, nếu quy định tính mức trích theo đó."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("quỹ thi đua, khen thưởng")
        verbose_name_plural = pgettext_lazy("số nhiều", "quỹ thi đua, khen thưởng")
        ordering = ["body", "-year"]
        constraints = [models.UniqueConstraint(fields=["body", "year"], name="one_fund_per_body_year")]

    def __str__(self) -> str:
        return f"{self.body.fund_name} - {self.year}"


class LineStatus(models.TextChoices):
    OPEN = "open", _("Chưa chi đủ")
    PAID = "paid", _("Đã chi đủ")
    REVERSED = "reversed", _("Đã hủy (quyết định bị thu hồi)")
    RECOVERY = "recovery", _("Phải thu hồi tiền thưởng")
    RECOVERED = "recovered", _("Đã thu hồi tiền thưởng")


class FundLine(models.Model):
    """One recipient's bonus committed by a published decision to the issuing body's fund of the year."""

    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="lines")
    decision = models.ForeignKey("awards.Decision", on_delete=models.PROTECT, related_name="fund_lines")
    decision_line = models.OneToOneField("awards.DecisionLine", on_delete=models.PROTECT, related_name="fund_line")
    award_type = models.ForeignKey("awards.AwardType", on_delete=models.PROTECT, related_name="+")
    position = models.PositiveIntegerField(default=0)
    recipient_kind = models.CharField(max_length=20, choices=RecipientKind.choices)
    recipient_name = models.CharField(_("họ tên / tập thể"), max_length=255)
    detail = models.CharField(_("chức vụ, đơn vị"), max_length=500, blank=True)
    receiving_unit = models.ForeignKey("units.Unit", verbose_name=_("đơn vị nhận"), on_delete=models.PROTECT,
                                       related_name="+")
    amount = money(_("số tiền"))
    paid = money(_("đã chi"), default=Decimal(0))
    recovered = money(_("đã thu hồi"), default=Decimal(0))
    status = models.CharField(_("tình trạng"), max_length=12, choices=LineStatus.choices, default=LineStatus.OPEN)

    class Meta:
        verbose_name = _("tiền thưởng phải chi")
        verbose_name_plural = pgettext_lazy("số nhiều", "tiền thưởng phải chi")
        ordering = ["decision", "position", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(paid__gte=0) & Q(paid__lte=models.F("amount")),
                                   name="fund_line_paid_within_amount"),
            models.CheckConstraint(condition=Q(recovered__gte=0) & Q(recovered__lte=models.F("paid")),
                                   name="fund_line_recovered_within_paid"),
        ]

    def __str__(self) -> str:
        return self.recipient_name

    @property
    def due(self) -> Decimal:
        """Still to pay: nothing once the decision is revoked."""
        return self.amount - self.paid if self.status in (LineStatus.OPEN, LineStatus.PAID) else Decimal(0)

    @property
    def to_recover(self) -> Decimal:
        return self.paid - self.recovered if self.status in (LineStatus.RECOVERY, LineStatus.RECOVERED) else Decimal(0)


class EntryKind(models.TextChoices):
    ESTIMATE = "estimate", _("Dự toán được giao")
    SUPPLEMENT = "supplement", _("Bổ sung")
    COMMITMENT = "commitment", _("Cam kết chi theo quyết định")
    REVERSAL = "reversal", _("Hủy cam kết (quyết định bị thu hồi)")
    PAYMENT = "payment", _("Chi tiền thưởng")
    RECOVERY = "recovery", _("Thu hồi tiền thưởng về quỹ")
    CAMPAIGN = "campaign", _("Chi tổ chức, chỉ đạo phong trào thi đua")


ALLOCATIONS = (EntryKind.ESTIMATE, EntryKind.SUPPLEMENT)
CASH_IN = (EntryKind.ESTIMATE, EntryKind.SUPPLEMENT, EntryKind.RECOVERY)
CASH_OUT = (EntryKind.PAYMENT, EntryKind.CAMPAIGN)


class PaymentVoucher(models.Model):
    """A payment voucher (phiếu chi, ủy nhiệm chi) of a fund: one number, once per fund."""

    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="vouchers")
    number = models.CharField(_("số chứng từ"), max_length=60)
    day = models.DateField(_("ngày chứng từ"))
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("chứng từ chi")
        verbose_name_plural = pgettext_lazy("số nhiều", "chứng từ chi")
        constraints = [models.UniqueConstraint(fields=["fund", "number"], name="one_voucher_number_per_fund")]

    def __str__(self) -> str:
        return self.number


class FundEntry(models.Model):
    """One movement of a fund, never changed or deleted. Amounts are positive; the kind says the direction.
    A correction has the same kind, the opposite sign and ``corrects`` set."""

    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="entries")
    kind = models.CharField(_("loại"), max_length=12, choices=EntryKind.choices)
    amount = money(_("số tiền"))
    day = models.DateField(_("ngày"))
    line = models.ForeignKey(FundLine, on_delete=models.PROTECT, null=True, blank=True, related_name="entries")
    voucher = models.ForeignKey(PaymentVoucher, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="entries")
    document_number = models.CharField(_("số văn bản, chứng từ"), max_length=100, blank=True)
    document_date = models.DateField(_("ngày văn bản"), null=True, blank=True)
    note = models.CharField(_("nội dung"), max_length=500, blank=True)
    corrects = models.OneToOneField("self", on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="correction")
    confirmed_over_limit = models.BooleanField(default=False, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bút toán quỹ")
        verbose_name_plural = pgettext_lazy("số nhiều", "bút toán quỹ")
        ordering = ["fund", "day", "pk"]
        indexes = [models.Index(fields=["fund", "kind", "day"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amount}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError(_("Sổ quỹ chỉ ghi thêm: sửa một bút toán bằng một bút toán điều chỉnh."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Sổ quỹ chỉ ghi thêm: không xóa bút toán."))
