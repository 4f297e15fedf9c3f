"""Forms of the history pages: one past award entered by hand, and the Excel upload of a báo cáo thành tích."""

from __future__ import annotations

from django import forms
from django.core.validators import MaxValueValidator
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from awards.enums import OccasionType
from awards.models import AwardType
from awards.record import tables
from awards.record.history import entry
from units.hygiene import CleanTextMixin
from units.text import nfc


class PastAwardForm(CleanTextMixin, forms.Form):
    year = forms.IntegerField(label=gettext_lazy("Năm"), min_value=tables.MIN_YEAR,
                              help_text=gettext_lazy("Năm của danh hiệu, hình thức (như cột Năm của báo cáo "
                                                     "thành tích)."))
    award_code = forms.ChoiceField(label=gettext_lazy("Danh hiệu thi đua / Hình thức khen thưởng"))
    occasion = forms.ChoiceField(label=gettext_lazy("Loại hình khen thưởng"), choices=OccasionType.choices,
                                 initial=OccasionType.MERIT,
                                 help_text=gettext_lazy("Khen thưởng chuyên đề, đột xuất không được tính khi xét "
                                                        "danh hiệu theo thành tích nhiều năm."))
    decision_number = forms.CharField(label=gettext_lazy("Số quyết định"), max_length=entry.MAX_NUMBER,
                                      widget=forms.TextInput(attrs={"placeholder": "1234/QĐ-UBND"}))
    decided_on = forms.DateField(label=gettext_lazy("Ngày quyết định"), input_formats=["%Y-%m-%d", "%d/%m/%Y"],
                                 widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    issuer = forms.CharField(label=gettext_lazy("Cơ quan ban hành"), max_length=entry.MAX_ISSUER,
                             widget=forms.TextInput(attrs={"placeholder": "Chủ tịch UBND tỉnh Lạng Sơn"}))

    def __init__(self, *args, recipient_kind: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.recipient_kind = recipient_kind
        this_year = timezone.localdate().year
        self.fields["year"].validators.append(MaxValueValidator(this_year))
        self.fields["year"].widget.attrs["max"] = this_year
        latest: dict[str, AwardType] = {}
        for award in AwardType.objects.for_recipient(recipient_kind).order_by("sort_order", "code", "valid_from"):
            latest[award.code] = award  # the newest name of each award
        self.fields["award_code"].choices = [("", "---------")] + [(code, a.name) for code, a in latest.items()]
        self.award_type: AwardType | None = None

    def clean_decision_number(self) -> str:
        return nfc(self.cleaned_data["decision_number"])

    def clean_issuer(self) -> str:
        return nfc(self.cleaned_data["issuer"])

    def clean(self) -> dict:
        data = super().clean()
        year, code, day = data.get("year"), data.get("award_code"), data.get("decided_on")
        if year and code:
            versions = {a.code: a for a in entry.award_types_for_year(year, self.recipient_kind)}
            if code not in versions:
                self.add_error("award_code", _("Danh hiệu, hình thức này không có trong danh mục năm %(year)s.")
                               % {"year": year})
            else:
                self.award_type = versions[code]
        if day and day > timezone.localdate():
            self.add_error("decided_on", _("Ngày quyết định không được sau hôm nay."))
        elif day and year and day.year < year:
            self.add_error("decided_on", _("Ngày quyết định %(day)s ở trước năm %(year)s.")
                           % {"day": f"{day:%d/%m/%Y}", "year": year})
        return data



class HistoryImportForm(CleanTextMixin, forms.Form):
    file = forms.FileField(label=gettext_lazy("Tệp bảng khen thưởng (.xlsx)"))

