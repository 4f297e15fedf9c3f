"""Rendered documents of a decision (decision, certificates, tờ trình): versions, claims and files; the kinds of
certificate and the calibrations for printing them onto pre-printed blanks (phôi)."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from awards.models.decisions import Decision
from units.text import nfc


class DocumentKind(models.TextChoices):
    DECISION = "decision", _("Quyết định kèm danh sách")
    CERTIFICATES = "certificates", _("Bằng khen, Giấy khen in theo từng người")
    SUBMISSION = "submission", _("Tờ trình của Ban Thi đua - Khen thưởng")



class DocumentStatus(models.TextChoices):
    PENDING = "pending", _("Chờ tạo")
    RENDERING = "rendering", _("Đang tạo")
    DONE = "done", _("Đã tạo")
    FAILED = "failed", _("Lỗi")



class DecisionDocument(models.Model):
    """A rendered file of a decision. Claimed by a conditional update, never overwritten once done: new
    content makes a new version."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=20, choices=DocumentKind.choices)
    version = models.PositiveIntegerField()
    content_key = models.CharField(max_length=64, help_text="sha256 of the content the file was asked for")
    status = models.CharField(max_length=12, choices=DocumentStatus.choices, default=DocumentStatus.PENDING)
    file = models.FileField(upload_to="decisions/", blank=True, max_length=200)
    sha256 = models.CharField(max_length=64, blank=True)
    size = models.PositiveBigIntegerField(null=True, blank=True)
    pages = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("tệp văn bản")
        verbose_name_plural = pgettext_lazy("số nhiều", "tệp văn bản")
        ordering = ["decision", "kind", "-version"]
        constraints = [models.UniqueConstraint(fields=["decision", "kind", "version"], name="document_version_unique")]
        indexes = [models.Index(fields=["status", "started_at"])]

    def __str__(self) -> str:
        return f"{self.decision_id} {self.kind} v{self.version} ({self.status})"


class CertificateKind(models.TextChoices):
    """The kinds of certificate the product prints (awards.documents.certificate_layouts), which are also the
    kinds of pre-printed blank (phôi) a calibration is made for."""

    CERTIFICATE_OF_MERIT = "bang_khen", _("Bằng khen")
    COMMENDATION = "giay_khen", _("Giấy khen")
    FLAG = "co_thi_dua", _("Bằng kèm Cờ thi đua")
    TITLE = "bang_chung_nhan", _("Bằng chứng nhận danh hiệu (Chiến sĩ thi đua, Tập thể lao động xuất sắc…)")
    BASE_TITLE = "giay_chung_nhan", _("Giấy chứng nhận danh hiệu (Lao động tiên tiến, Tập thể lao động tiên tiến)")


class PaperSize(models.TextChoices):
    A3_LANDSCAPE = "a3_ngang", _("A3 khổ ngang (420 × 297 mm)")
    A3_PORTRAIT = "a3_doc", _("A3 khổ dọc (297 × 420 mm)")
    A4_LANDSCAPE = "a4_ngang", _("A4 khổ ngang (297 × 210 mm)")
    A4_PORTRAIT = "a4_doc", _("A4 khổ dọc (210 × 297 mm)")
    CUSTOM = "tuy_chinh", _("Khổ khác (nhập chiều rộng, chiều cao)")


PAPER_MM = {
    PaperSize.A3_LANDSCAPE: (Decimal(420), Decimal(297)),
    PaperSize.A3_PORTRAIT: (Decimal(297), Decimal(420)),
    PaperSize.A4_LANDSCAPE: (Decimal(297), Decimal(210)),
    PaperSize.A4_PORTRAIT: (Decimal(210), Decimal(297)),
}
MM = {"max_digits": 6, "decimal_places": 1}
X_HELP = _("Tính từ mép trái tờ phôi, theo mm: tâm dòng chữ.")
Y_HELP = _("Tính từ mép trên tờ phôi, theo mm: chân dòng chữ (dòng kẻ chấm trên phôi).")


def _x(label, help_text=X_HELP) -> models.DecimalField:
    return models.DecimalField(format_lazy("{} - x (mm)", label), help_text=help_text, **MM)


def _y(label) -> models.DecimalField:
    return models.DecimalField(format_lazy("{} - y (mm)", label), help_text=Y_HELP, **MM)


class BlankCalibration(models.Model):
    """Where the variable text goes on one kind of pre-printed blank (phôi), measured by board staff with the
    calibration sheet: the border, the Quốc huy and the title are already printed; the product prints only
    the recipient, the achievement, the decision reference, the place and date and the signer."""

    # Labels of the positioned fields, as the refusals name them.
    FIELDS = {
        "recipient": _("Tên tập thể, cá nhân được khen"),
        "reason": _("Thành tích"),
        "decision": _("Số, ngày quyết định"),
        "place_date": _("Địa danh, ngày tháng"),
        "signer_title": _("Chức danh người ký"),
        "signer_name": _("Họ tên người ký"),
    }

    name = models.CharField(_("tên phôi"), max_length=150,
                            help_text=_('Ví dụ "Phôi Bằng khen Chủ tịch UBND tỉnh, lô in năm 2026".'))
    kind = models.CharField(_("loại phôi"), max_length=20, choices=CertificateKind.choices)
    body = models.ForeignKey(
        "awards.IssuingBody", verbose_name=_("phôi riêng của cơ quan ban hành"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="blank_calibrations",
        help_text=_("Để trống: dùng cho mọi cơ quan ban hành chưa có phôi riêng cùng loại."),
    )
    paper = models.CharField(_("khổ giấy"), max_length=12, choices=PaperSize.choices,
                             default=PaperSize.A3_LANDSCAPE)
    paper_width_mm = models.DecimalField(_("chiều rộng tờ phôi (mm)"), null=True, blank=True, **MM,
                                         help_text=_("Chỉ nhập khi chọn khổ khác."))
    paper_height_mm = models.DecimalField(_("chiều cao tờ phôi (mm)"), null=True, blank=True, **MM,
                                          help_text=_("Chỉ nhập khi chọn khổ khác."))
    offset_x_mm = models.DecimalField(
        _("dịch toàn bộ sang phải (mm)"), default=0, **MM,
        help_text=_("Bù độ lệch của máy in: số âm dịch sang trái. Cộng vào mọi vị trí bên dưới."))
    offset_y_mm = models.DecimalField(
        _("dịch toàn bộ xuống dưới (mm)"), default=0, **MM,
        help_text=_("Bù độ lệch của máy in: số âm dịch lên trên. Cộng vào mọi vị trí bên dưới."))
    font_size_pt = models.DecimalField(_("cỡ chữ (pt)"), max_digits=4, decimal_places=1, default=Decimal(16))
    recipient_font_size_pt = models.DecimalField(_("cỡ chữ tên người, tập thể được khen (pt)"), max_digits=4,
                                                 decimal_places=1, default=Decimal(26))
    recipient_x_mm = _x(FIELDS["recipient"])
    recipient_y_mm = _y(FIELDS["recipient"])
    reason_x_mm = _x(FIELDS["reason"])
    reason_y_mm = _y(FIELDS["reason"])
    reason_width_mm = models.DecimalField(
        _("Thành tích - chiều rộng vùng chữ (mm)"), default=Decimal(300), **MM,
        help_text=_("Thành tích dài được xuống dòng trong vùng này, căn giữa quanh x."))
    decision_x_mm = _x(FIELDS["decision"], _("Tính từ mép trái tờ phôi, theo mm: đầu dòng chữ (căn trái)."))
    decision_y_mm = _y(FIELDS["decision"])
    place_date_x_mm = _x(FIELDS["place_date"])
    place_date_y_mm = _y(FIELDS["place_date"])
    signer_title_x_mm = _x(FIELDS["signer_title"])
    signer_title_y_mm = _y(FIELDS["signer_title"])
    signer_name_x_mm = _x(FIELDS["signer_name"])
    signer_name_y_mm = _y(FIELDS["signer_name"])
    note = models.TextField(_("ghi chú"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("căn chỉnh in phôi")
        verbose_name_plural = pgettext_lazy("số nhiều", "căn chỉnh in phôi")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "body"], name="blank_calibration_kind_body_unique",
                                    violation_error_message=_("Cơ quan này đã có phôi cùng loại.")),
            models.UniqueConstraint(fields=["kind"], condition=Q(body__isnull=True),
                                    name="blank_calibration_kind_shared_unique",
                                    violation_error_message=_("Đã có phôi dùng chung cùng loại.")),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name)
        self._fill_paper()
        super().save(*args, **kwargs)

    def _fill_paper(self) -> None:
        if self.paper in PAPER_MM:
            self.paper_width_mm, self.paper_height_mm = PAPER_MM[PaperSize(self.paper)]

    @property
    def size_mm(self) -> tuple[Decimal, Decimal]:
        if self.paper in PAPER_MM:
            return PAPER_MM[PaperSize(self.paper)]
        return self.paper_width_mm, self.paper_height_mm

    def position(self, field: str) -> tuple[Decimal, Decimal]:
        """Where ``field`` is printed once the printer offset is added: (x, y) in mm from the top left."""
        return (getattr(self, f"{field}_x_mm") + self.offset_x_mm, getattr(self, f"{field}_y_mm") + self.offset_y_mm)

    def clean(self) -> None:
        """A calibration that would print outside its paper is refused, naming the field in Vietnamese."""
        if self.paper == PaperSize.CUSTOM:
            missing = {name: _("Nhập kích thước tờ phôi khi chọn khổ khác.")
                       for name in ("paper_width_mm", "paper_height_mm") if getattr(self, name) is None}
            if missing:
                raise ValidationError(missing)
        self._fill_paper()
        width, height = self.size_mm
        errors: dict[str, str] = {}
        for name in ("paper_width_mm", "paper_height_mm"):
            value = getattr(self, name)
            if value is not None and not Decimal(10) <= value <= Decimal(1200):
                errors[name] = _("Kích thước tờ phôi phải từ 10 đến 1200 mm.")
        for name in ("font_size_pt", "recipient_font_size_pt"):
            value = getattr(self, name)
            if value is not None and not Decimal(6) <= value <= Decimal(72):
                errors[name] = _("Cỡ chữ phải từ 6 đến 72 pt.")
        if errors:
            raise ValidationError(errors)
        for field, label in self.FIELDS.items():
            x, y = (getattr(self, f"{field}_x_mm"), getattr(self, f"{field}_y_mm"))
            if x is None or y is None:
                continue  # "required" is said by the field itself
            x, y = self.position(field)
            if not Decimal(0) <= x <= width:
                errors[f"{field}_x_mm"] = self._outside(label, "x", x, width, height)
            if not Decimal(0) <= y <= height:
                errors[f"{field}_y_mm"] = self._outside(label, "y", y, width, height)
        if "reason_x_mm" not in errors and self.reason_x_mm is not None and self.reason_width_mm is not None:
            x = self.position("reason")[0]
            half = self.reason_width_mm / 2
            if x - half < 0 or x + half > width:
                errors["reason_width_mm"] = _(
                    'Vùng chữ "%(field)s" rộng %(w)s mm quanh x = %(x)s mm vượt ra ngoài khổ giấy '
                    "%(pw)s × %(ph)s mm.") % {"field": self.FIELDS["reason"], "w": mm_text(self.reason_width_mm),
                                              "x": mm_text(x), "pw": mm_text(width), "ph": mm_text(height)}
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def _outside(label, axis: str, value: Decimal, width: Decimal, height: Decimal) -> str:
        return _('Vị trí "%(field)s" (%(axis)s = %(value)s mm, đã cộng độ dịch) nằm ngoài khổ giấy '
                 "%(w)s × %(h)s mm.") % {"field": label, "axis": axis, "value": mm_text(value), "w": mm_text(width),
                                         "h": mm_text(height)}


def mm_text(value: Decimal) -> str:
    """12.0 -> "12", 12.5 -> "12,5" (Vietnamese decimal comma)."""
    text = f"{value.normalize():f}" if value == value.to_integral() else f"{value:f}".rstrip("0")
    return text.replace(".", ",")
