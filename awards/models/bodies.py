"""Deciding bodies (cơ quan ban hành quyết định khen thưởng): the Chủ tịch UBND tỉnh, and the head of any unit
that decides its own titles and Giấy khen (Giám đốc Sở, Chủ tịch UBND xã, Hiệu trưởng, Giám đốc công ty; the
Chủ tịch UBND huyện until 30/6/2025).

A body is a unit of the tree seen as an issuer: its kind fixes the authority its head exercises, and it holds
what an official decision prints about its issuer (NĐ 30/2020/NĐ-CP): the two header lines, the symbol of its
number series, the authority line above the căn cứ, the signature titles and the place. A decision copies
these when it is drafted, so a later edit of the body never changes a decision already made."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from awards.enums import BODY_AUTHORITY, Authority, BodyKind
from units.models import ValidityQuerySet
from units.text import nfc


class IssuingBodyQuerySet(ValidityQuerySet):
    def province(self) -> IssuingBody:
        """The province's own body (Chủ tịch UBND tỉnh): the default issuer of every decision. Created with the
        catalogue by migration 0011; its absence is a broken installation, not a case to handle."""
        body = self.filter(kind=BodyKind.PROVINCE).order_by("valid_from", "pk").first()
        if body is None:
            raise IssuingBody.DoesNotExist("Chưa khai báo cơ quan ban hành của tỉnh (Chủ tịch UBND tỉnh).")
        return body


class IssuingBody(models.Model):
    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="issuing_bodies",
        help_text=_("Bắt buộc, trừ Chủ tịch UBND tỉnh khi cây đơn vị chưa có nút của tỉnh."),
    )
    kind = models.CharField(_("loại cơ quan ban hành"), max_length=20, choices=BodyKind.choices)
    head_title = models.CharField(
        _("chức danh người đứng đầu"), max_length=200,
        help_text=_('Như người ta vẫn viết: "Giám đốc Sở Giáo dục và Đào tạo", "Chủ tịch UBND xã Đề Thám".'),
    )
    short_head_title = models.CharField(
        _("chức danh viết gọn"), max_length=200, blank=True,
        help_text=_('Dùng trong dòng "Kèm theo Quyết định số … của …" và trên cổng thông tin, ví dụ '
                    '"Chủ tịch UBND tỉnh"; để trống thì dùng chức danh đầy đủ.'),
    )
    signature_title = models.CharField(_("chức danh ký"), max_length=100,
                                       help_text=_('Ví dụ "GIÁM ĐỐC", "CHỦ TỊCH", "HIỆU TRƯỞNG".'))
    deputy_title = models.CharField(_("chức danh cấp phó ký thay"), max_length=100,
                                    help_text=_('Ví dụ "PHÓ GIÁM ĐỐC": in dưới dòng "KT. GIÁM ĐỐC".'))
    parent_name = models.CharField(
        _("tên cơ quan chủ quản"), max_length=120, blank=True,
        help_text=_('Dòng trên cùng, chữ in hoa không đậm, ví dụ "UBND TỈNH LẠNG SƠN". Để trống khi không có '
                    '(Ủy ban nhân dân các cấp).'),
    )
    issuer_name = models.CharField(
        _("tên cơ quan ban hành"), max_length=200,
        help_text=_('Chữ in hoa đậm; xuống dòng bằng dấu "/", ví dụ "ỦY BAN NHÂN DÂN / TỈNH LẠNG SƠN" hoặc '
                    '"SỞ GIÁO DỤC VÀ ĐÀO TẠO".'),
    )
    authority_line = models.CharField(
        _("dòng thẩm quyền ban hành"), max_length=200,
        help_text=_('In trên phần căn cứ, ví dụ "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO".'),
    )
    symbol = models.CharField(_("ký hiệu quyết định"), max_length=30,
                              help_text=_('Ví dụ "QĐ-SGDĐT"; "QĐ-UBND" cho Ủy ban nhân dân các cấp.'))
    place = models.CharField(_("địa danh"), max_length=60, help_text=_('Dòng "Lạng Sơn, ngày … tháng … năm …".'))
    fund_name = models.CharField(
        _("quỹ chi tiền thưởng"), max_length=200,
        help_text=_('Ví dụ "Quỹ Thi đua, khen thưởng tỉnh"; in trong điều khoản tiền thưởng.'),
    )
    valid_from = models.DateField(_("ban hành quyết định từ ngày"))
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    objects = IssuingBodyQuerySet.as_manager()

    class Meta:
        verbose_name = _("cơ quan ban hành quyết định")
        verbose_name_plural = pgettext_lazy("số nhiều", "cơ quan ban hành quyết định")
        ordering = ["kind", "head_title", "-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "valid_from"], name="issuing_body_unit_version_unique"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="issuing_body_valid_range",
                violation_error_message=_("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực."),
            ),
            models.CheckConstraint(
                condition=Q(kind=BodyKind.PROVINCE) | Q(unit__isnull=False),
                name="issuing_body_has_unit",
                violation_error_message=_("Chọn đơn vị của cơ quan ban hành."),
            ),
        ]

    def __str__(self) -> str:
        return self.head_title

    def save(self, *args, **kwargs):
        for name in ("head_title", "short_head_title", "signature_title", "deputy_title", "parent_name",
                     "issuer_name", "authority_line", "symbol", "place", "fund_name"):
            setattr(self, name, nfc(getattr(self, name)))
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.kind == BodyKind.PROVINCE and self.parent_name:
            raise ValidationError({"parent_name": _("Ủy ban nhân dân tỉnh không ghi tên cơ quan chủ quản.")})

    @property
    def authority(self) -> str:
        return BODY_AUTHORITY[BodyKind(self.kind)]

    @property
    def authority_label(self) -> str:
        return Authority(self.authority).label

    @property
    def is_province(self) -> bool:
        return self.kind == BodyKind.PROVINCE

    @property
    def issuer_lines(self) -> list[str]:
        """The issuer's name as printed, one line per item: ["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN"]."""
        return [part.strip() for part in self.issuer_name.split("/") if part.strip()]

    @property
    def short_title(self) -> str:
        return self.short_head_title or self.head_title

    def is_active_on(self, day: datetime.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


def province_body() -> IssuingBody:
    return IssuingBody.objects.province()
