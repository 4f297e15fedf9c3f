"""The wording of a decision, by kind of decision, effective-dated like the catalogue: the trích yếu, Điều 1, the
"Theo đề nghị" line and Điều 3 ("… chịu trách nhiệm thi hành") are templates staff edit in the admin, so the next
decree changes a row, not the code. A draft takes the version in force on its decision date
(``awards.documents.wording.wording_on``); the placeholders a template may use are ``PLACEHOLDERS``."""

from __future__ import annotations

import string

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from units.models import ValidityQuerySet
from units.text import nfc

# Every placeholder a wording template may use, and what it is replaced with.
PLACEHOLDERS: dict[str, str] = {
    "danh_hieu": "tên danh hiệu, hình thức (Tập thể lao động xuất sắc, Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh)",
    "nam": "năm thành tích (2025)",
    "so_luong": "số người, tập thể được khen (cho 05 tập thể và 04 cá nhân)",
    "ly_do": "lý do khen thưởng (đã có thành tích xuất sắc năm 2025)",
    "so_to_trinh": "số Tờ trình của Sở Nội vụ (245/TTr-SNV), điền khi in",
    "ngay_to_trinh": "ngày Tờ trình của Sở Nội vụ (03/02/2026), điền khi in",
    "thu_truong_don_vi": "chức danh người đứng đầu các đơn vị có liên quan",
    "don_vi": "tên đơn vị của cơ quan ban hành (Sở Giáo dục và Đào tạo)",
    "nguoi_dung_dau": "chức danh người đứng đầu cơ quan ban hành (Giám đốc Sở Giáo dục và Đào tạo)",
}
TEXT_FIELDS = ("subject", "article_one", "proposal", "executors")


class WordingKind(models.TextChoices):
    """Which decision a wording serves: the issuer (the province or a unit's head) and what is given."""

    PROVINCE_FORM = "tinh_hinh_thuc", _("Quyết định của Chủ tịch UBND tỉnh tặng hình thức khen thưởng (Bằng khen)")
    PROVINCE_TITLE = "tinh_danh_hieu", _("Quyết định của Chủ tịch UBND tỉnh công nhận danh hiệu thi đua")
    PROVINCE_FLAG = "tinh_co_thi_dua", _("Quyết định của Chủ tịch UBND tỉnh tặng Cờ thi đua")
    UNIT_FORM = "don_vi_hinh_thuc", _("Quyết định của thủ trưởng đơn vị tặng hình thức khen thưởng (Giấy khen)")
    UNIT_TITLE = "don_vi_danh_hieu", _("Quyết định của thủ trưởng đơn vị công nhận danh hiệu thi đua")


def unknown_placeholders(text: str) -> list[str]:
    """The placeholders of ``text`` that are not in ``PLACEHOLDERS`` ("{ten}" -> ["ten"]); a malformed brace
    counts as unknown."""
    try:
        names = [name for _literal, name, _spec, _conv in string.Formatter().parse(text or "") if name is not None]
    except ValueError:
        return ["{"]
    return sorted({name for name in names if name not in PLACEHOLDERS})


class DocumentWording(models.Model):
    kind = models.CharField(_("loại quyết định"), max_length=20, choices=WordingKind.choices)
    valid_from = models.DateField(_("áp dụng từ ngày"))
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)
    subject = models.CharField(_("trích yếu"), max_length=300,
                               help_text=_('Ví dụ "Về việc công nhận danh hiệu “{danh_hieu}” năm {nam}".'))
    article_one = models.TextField(_("Điều 1"), help_text=_('Ví dụ "Tặng {danh_hieu} {so_luong}, {ly_do} '
                                                            '(có danh sách kèm theo)."'))
    proposal = models.TextField(_("dòng Theo đề nghị"), help_text=_(
        'Ví dụ "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số {so_to_trinh} ngày {ngay_to_trinh}."'))
    executors = models.TextField(_("Điều thi hành: những người thi hành"), help_text=_(
        'Đứng trước "chịu trách nhiệm thi hành Quyết định này", ví dụ "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám '
        'đốc Sở Nội vụ, {thu_truong_don_vi} và các tập thể, cá nhân có tên tại Điều 1".'))
    legal_citation = models.CharField(_("căn cứ của cách viết"), max_length=255, blank=True)

    objects = ValidityQuerySet.as_manager()

    class Meta:
        verbose_name = _("mẫu câu chữ quyết định")
        verbose_name_plural = pgettext_lazy("số nhiều", "mẫu câu chữ quyết định")
        ordering = ["kind", "-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "valid_from"], name="document_wording_version_unique"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="document_wording_valid_range",
                violation_error_message=_("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} (từ {self.valid_from:%d/%m/%Y})"

    def save(self, *args, **kwargs):
        for name in ("subject", *TEXT_FIELDS[1:]):
            setattr(self, name, nfc(getattr(self, name)))
        super().save(*args, **kwargs)

    def clean(self) -> None:
        errors = {}
        for name in TEXT_FIELDS:
            unknown = unknown_placeholders(getattr(self, name))
            if unknown:
                errors[name] = _("Không có trường %(names)s. Các trường dùng được: %(known)s.") % {
                    "names": ", ".join("{" + n + "}" for n in unknown),
                    "known": ", ".join("{" + n + "}" for n in PLACEHOLDERS)}
        if self.kind and self.valid_from:
            others = DocumentWording.objects.filter(kind=self.kind).exclude(pk=self.pk).filter(
                Q(valid_to__isnull=True) | Q(valid_to__gte=self.valid_from))
            if self.valid_to is not None:
                others = others.filter(valid_from__lte=self.valid_to)
            if others.exists():
                errors["valid_from"] = _("Khoảng thời gian áp dụng trùng với một mẫu khác cùng loại quyết định; "
                                         "hãy cho mẫu cũ kết thúc trước ngày bắt đầu của mẫu mới.")
        if errors:
            raise ValidationError(errors)


# The wording each kind starts with (loaded by migration 0019; used as is while no row is in force). Sources in
# docs/legal-sources.md, "Decision wording".
DEFAULT_WORDINGS: dict[str, dict[str, str]] = {
    WordingKind.PROVINCE_FORM: {
        "subject": "Về việc tặng {danh_hieu}",
        "article_one": "Tặng {danh_hieu} {so_luong}, {ly_do} (có danh sách kèm theo).",
        "proposal": "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số {so_to_trinh} ngày {ngay_to_trinh}.",
        "executors": ("Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, {thu_truong_don_vi} và các tập "
                      "thể, cá nhân có tên tại Điều 1"),
    },
    WordingKind.PROVINCE_TITLE: {
        "subject": "Về việc công nhận danh hiệu “{danh_hieu}” năm {nam}",
        "article_one": "Công nhận danh hiệu “{danh_hieu}” năm {nam} {so_luong}, {ly_do} (có danh sách kèm theo).",
        "proposal": "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số {so_to_trinh} ngày {ngay_to_trinh}.",
        "executors": ("Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, {thu_truong_don_vi} và các tập "
                      "thể, cá nhân có tên tại Điều 1"),
    },
    WordingKind.PROVINCE_FLAG: {
        "subject": "Về việc tặng {danh_hieu} năm {nam}",
        "article_one": "Tặng {danh_hieu} {so_luong}, {ly_do} (có danh sách kèm theo).",
        "proposal": "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số {so_to_trinh} ngày {ngay_to_trinh}.",
        "executors": ("Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, {thu_truong_don_vi} và các tập "
                      "thể có tên tại Điều 1"),
    },
    WordingKind.UNIT_FORM: {
        "subject": "Về việc tặng {danh_hieu}",
        "article_one": "Tặng {danh_hieu} của {nguoi_dung_dau} {so_luong}, {ly_do} (có danh sách kèm theo).",
        "proposal": "Theo đề nghị của Hội đồng Thi đua - Khen thưởng {don_vi}.",
        "executors": "{thu_truong_don_vi} và các tập thể, cá nhân có tên tại Điều 1",
    },
    WordingKind.UNIT_TITLE: {
        "subject": "Về việc công nhận danh hiệu “{danh_hieu}” năm {nam}",
        "article_one": "Công nhận danh hiệu “{danh_hieu}” năm {nam} {so_luong}, {ly_do} (có danh sách kèm theo).",
        "proposal": "Theo đề nghị của Hội đồng Thi đua - Khen thưởng {don_vi}.",
        "executors": "{thu_truong_don_vi} và các tập thể, cá nhân có tên tại Điều 1",
    },
}
