"""Other names of a unit, as people write them in lists and letters ("Sở GD&ĐT tỉnh Lạng Sơn", an old name before a
merger), each optionally valid for a period.

Imported by ``units.models``: same app, own module (it never imports ``units.models``; the foreign key is named by
string). Resolving a typed name to a unit is ``units.names``; this model only holds the rows."""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from units.text import fold, nfc, without_generic_prefix


class UnitAlias(models.Model):
    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="aliases",
    )
    name = models.CharField(
        _("tên gọi khác"), max_length=255,
        help_text=_('Ví dụ "Sở GD&ĐT tỉnh Lạng Sơn". Không cần nhập các cách viết chỉ khác chữ hoa, chữ thường, '
                    'dấu thanh hay tiền tố "UBND", "Ủy ban nhân dân".'),
    )
    folded = models.CharField(
        _("dạng tra cứu"), max_length=255, editable=False, db_index=True,
        help_text=_("Tên không dấu, chữ thường, bỏ tiền tố UBND: dạng dùng để tra cứu."),
    )
    valid_from = models.DateField(_("dùng từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("dùng đến ngày"), null=True, blank=True,
                                help_text=_("Ví dụ ngày cuối cùng trước khi sáp nhập."))

    class Meta:
        verbose_name = _("tên gọi khác của đơn vị")
        verbose_name_plural = pgettext_lazy("số nhiều", "tên gọi khác của đơn vị")
        ordering = ["unit", "name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="unit_alias_valid_range",
                violation_error_message=_("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name)
        self.folded = fold(without_generic_prefix(self.name))
        super().save(*args, **kwargs)

    def is_valid_on(self, day: datetime.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)
