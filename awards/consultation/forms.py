"""Forms of the consultation pages: staff open one; the public sends an opinion (with a honeypot field)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from awards.consultation.services import DEFAULT_WORKING_DAYS, MAX_OPINION_CHARS, OPEN_STATES
from awards.models import Dossier
from units.hygiene import CleanTextMixin

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OpenForm(CleanTextMixin, forms.Form):
    title = forms.CharField(label=_("Tiêu đề"), max_length=300, required=False,
                            help_text=_("Để trống: \"Lấy ý kiến nhân dân về danh sách đề nghị khen thưởng\"."))
    dossiers = forms.ModelMultipleChoiceField(label=_("Hồ sơ"), queryset=Dossier.objects.none(),
                                              widget=forms.CheckboxSelectMultiple)
    starts_on = forms.DateField(label=_("Ngày bắt đầu"), widget=DATE_WIDGET, input_formats=["%Y-%m-%d", "%d/%m/%Y"])
    working_days = forms.IntegerField(label=_("Số ngày làm việc"), min_value=1, max_value=60,
                                      initial=DEFAULT_WORKING_DAYS)
    note = forms.CharField(label=_("Ghi chú"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dossiers"].queryset = (Dossier.objects.filter(state__in=OPEN_STATES, body__isnull=True)
                                            .select_related("unit").order_by("-received_at", "-pk"))
        self.fields["dossiers"].label_from_instance = lambda d: f"{d.reference} · {d.unit.name} · {d.title}"


class OpinionForm(CleanTextMixin, forms.Form):
    nominee = forms.TypedChoiceField(label=_("Góp ý về"), coerce=int)
    name = forms.CharField(label=_("Họ và tên"), max_length=150)
    contact = forms.CharField(label=_("Địa chỉ, điện thoại hoặc thư điện tử"), max_length=200)
    text = forms.CharField(label=_("Nội dung ý kiến"), max_length=MAX_OPINION_CHARS,
                           widget=forms.Textarea(attrs={"rows": 5, "maxlength": MAX_OPINION_CHARS}))
    # Hidden from people (off-screen, not announced); robots fill every field.
    website = forms.CharField(label=_("Để trống ô này"), required=False,
                              widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}))

    def __init__(self, *args, nominees: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominee"].choices = [("", "---")] + [(n.id, f"{n.name} – {n.award}") for n in nominees]


class HandledForm(CleanTextMixin, forms.Form):
    note = forms.CharField(label=_("Kết quả xem xét"), widget=forms.Textarea(attrs={"rows": 2}))
