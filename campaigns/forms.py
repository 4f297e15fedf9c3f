"""Forms of the campaign pages. A rejected form is re-rendered with everything the user typed."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from awards.models import AwardType
from campaigns.models import (
    Campaign,
    CampaignDocument,
    CampaignDocumentKind,
    ContentGroup,
    ReportPeriod,
    Target,
)
from units.hygiene import CleanTextMixin
from units.models import EmulationCluster, Unit, UnitKind
from units.text import fold, nfc

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


def date_widget() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CampaignForm(CleanTextMixin, forms.ModelForm):
    """Draft (or edit) a campaign: its identity, dates, criteria, reporting deadlines and an optional document."""

    document = forms.FileField(label=_("Đính kèm tài liệu (kế hoạch, văn bản phát động...)"), required=False)
    document_kind = forms.ChoiceField(label=_("Loại tài liệu"), choices=CampaignDocumentKind.choices,
                                      initial=CampaignDocumentKind.PLAN, required=False)

    class Meta:
        model = Campaign
        fields = ["code", "name", "kind", "method", "scope", "launch_level", "launching_unit", "theme", "start_date",
                  "end_date", "criteria", "interim_report_deadline", "final_report_deadline"]
        widgets = {name: date_widget() for name in ("start_date", "end_date", "interim_report_deadline",
                                                    "final_report_deadline")}
        widgets.update({"theme": forms.Textarea(attrs={"rows": 2}), "criteria": forms.Textarea(attrs={"rows": 4}),
                        "name": forms.TextInput()})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("start_date", "end_date", "interim_report_deadline", "final_report_deadline"):
            self.fields[name].input_formats = DATE_FORMATS
        self.fields["launching_unit"].queryset = Unit.objects.filter(parent__isnull=True) | Unit.objects.filter(
            kind__in=["so_ban_nganh", "doan_the", "tinh"])
        code = self.fields["code"]
        code.help_text = _("Để trống để tự đặt theo tên và năm bắt đầu; nếu tự nhập: chữ thường không dấu, số, nối "
                           "bằng gạch ngang, ví dụ \"cao-diem-2019\".")
        code.error_messages["invalid"] = _("Mã phong trào chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, "
                                           "ví dụ \"cao-diem-2019\".")
        code.required = False
        if self.instance.pk:
            code.disabled = True

    def clean_code(self) -> str:
        code = self.cleaned_data.get("code") or ""
        if self.instance.pk:
            return self.instance.code
        if code and Campaign.objects.filter(code=code).exists():
            raise forms.ValidationError(_("Mã phong trào \"%(code)s\" đã được dùng; hãy chọn mã khác hoặc để trống.")
                                        % {"code": code})
        return code

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk and not cleaned.get("code") and cleaned.get("name") and "code" not in self.errors:
            cleaned["code"] = self.instance.code = campaign_code(cleaned["name"], cleaned.get("start_date"))
        return cleaned


def campaign_code(name: str, start) -> str:
    """A code from the name and the start year ("thi-dua-cao-diem-60-ngay-dem-2019"), unique (-2, -3... if taken)."""
    base = slugify(fold(name))[:60].strip("-") or "phong-trao"
    if start is not None and not base.endswith(str(start.year)):
        base = f"{base}-{start.year}"
    code, n = base, 2
    while Campaign.objects.filter(code=code).exists():
        code, n = f"{base}-{n}", n + 1
    return code


class _RowForm(CleanTextMixin, forms.ModelForm):
    """A row of a table formset: fields rendered without labels (the table head names them)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name != "DELETE":
                field.widget.attrs["class"] = "form-control form-control-sm"
                field.widget.attrs["aria-label"] = str(field.label)


class ContentGroupForm(_RowForm):
    class Meta:
        model = ContentGroup
        fields = ["number", "title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 1})}


class TargetForm(_RowForm):
    class Meta:
        model = Target
        fields = ["code", "indicator", "unit_of_measure", "target_value"]


ContentGroupFormSet = forms.inlineformset_factory(Campaign, ContentGroup, form=ContentGroupForm, extra=2,
                                                  can_delete=True)
TargetFormSet = forms.inlineformset_factory(Campaign, Target, form=TargetForm, extra=2, can_delete=True)


class AudienceForm(CleanTextMixin, forms.Form):
    """Phát động to chosen units and/or whole clusters (their members in the campaign's year)."""

    clusters = forms.ModelMultipleChoiceField(
        label=_("Cụm, khối thi đua (toàn bộ thành viên trong năm)"), queryset=EmulationCluster.objects.none(),
        required=False, widget=forms.CheckboxSelectMultiple)
    units = forms.ModelMultipleChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none(), required=False,
                                           widget=forms.CheckboxSelectMultiple)
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    expected_status = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, day: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["clusters"].queryset = EmulationCluster.objects.active_on(day)
        self.fields["units"].queryset = Unit.objects.active_on(day).exclude(kind__in=["phong_ban", "thon"]) \
            .order_by("sort_order", "name")

    def unit_groups(self) -> list[tuple[str, list[tuple[Unit, bool, str]]]]:
        """The units to pick, grouped by kind (in the kinds' order): each with whether it is ticked and its name
        folded for the accent-free filter of static/js/app.js."""
        chosen = {str(value) for value in (self["units"].value() or [])}
        groups: dict[str, list[tuple[Unit, bool, str]]] = {}
        for unit in self.fields["units"].queryset:
            groups.setdefault(unit.kind, []).append(
                (unit, str(unit.pk) in chosen, fold(f"{unit.name} {unit.short_name}")))
        return [(UnitKind(kind).label, groups[kind]) for kind in UnitKind.values if kind in groups]

    def clean(self):
        data = super().clean()
        if not data.get("units") and not data.get("clusters"):
            raise forms.ValidationError(_("Hãy chọn ít nhất một đơn vị hoặc một cụm, khối thi đua."))
        return data


class CloseForm(CleanTextMixin, forms.Form):
    closed_on = forms.DateField(label=_("Ngày tổng kết"), widget=date_widget(), input_formats=DATE_FORMATS)
    nomination_open_from = forms.DateField(label=_("Nhận hồ sơ khen thưởng từ ngày"), widget=date_widget(),
                                           input_formats=DATE_FORMATS)
    nomination_open_until = forms.DateField(label=_("Nhận hồ sơ khen thưởng đến ngày"), widget=date_widget(),
                                            input_formats=DATE_FORMATS)
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    expected_status = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean(self):
        data = super().clean()
        opens, until = data.get("nomination_open_from"), data.get("nomination_open_until")
        if opens and until and until < opens:
            self.add_error("nomination_open_until", _("Ngày kết thúc nhận hồ sơ phải sau ngày bắt đầu nhận hồ sơ."))
        return data


class OwnTargetForm(CleanTextMixin, forms.Form):
    indicator = forms.CharField(label=_("Chỉ tiêu riêng của đơn vị"), max_length=500, required=False)
    unit_of_measure = forms.CharField(label=_("Đơn vị tính"), max_length=60, required=False)
    target_value = forms.DecimalField(label=_("Chỉ tiêu đăng ký"), max_digits=16, decimal_places=2, min_value=0,
                                      required=False)

    def clean(self):
        data = super().clean()
        if data.get("indicator") and not data.get("unit_of_measure"):
            self.add_error("unit_of_measure", _("Cần ghi đơn vị tính của chỉ tiêu."))
        if not data.get("indicator") and (data.get("unit_of_measure") or data.get("target_value") is not None):
            self.add_error("indicator", _("Cần ghi tên chỉ tiêu."))
        return data


OwnTargetFormSet = forms.formset_factory(OwnTargetForm, extra=3)


class RegistrationForm(CleanTextMixin, forms.Form):
    commitments = forms.CharField(label=_("Nội dung đăng ký, giao ước thi đua"),
                                  widget=forms.Textarea(attrs={"rows": 4}))
    target_titles = forms.ModelMultipleChoiceField(
        label=_("Danh hiệu, hình thức đăng ký phấn đấu"), queryset=AwardType.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, day: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target_titles"].queryset = AwardType.objects.active_on(day).filter(
            for_collective=True).order_by("sort_order", "name")

    def clean_commitments(self):
        return nfc(self.cleaned_data["commitments"]).strip()


class ReportForm(CleanTextMixin, forms.Form):
    target = forms.ModelChoiceField(label=_("Chỉ tiêu"), queryset=Target.objects.none())
    period = forms.ChoiceField(label=_("Kỳ báo cáo"), choices=ReportPeriod.choices, widget=forms.RadioSelect)
    as_of = forms.DateField(label=_("Số liệu tính đến ngày"), widget=date_widget(), input_formats=DATE_FORMATS)
    value = forms.DecimalField(label=_("Kết quả"), max_digits=16, decimal_places=2, min_value=0,
                               error_messages={"min_value": _("Kết quả không được âm."),
                                               "invalid": _("Kết quả phải là một số, ví dụ 12,5 hoặc 12.5.")},
                               localize=True)
    note = forms.CharField(label=_("Ghi chú, giải trình"), max_length=500, required=False)
    evidence = forms.FileField(label=_("Minh chứng (PDF, DOCX, XLSX, JPEG, PNG)"), required=False)

    def __init__(self, *args, campaign: Campaign, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        self.fields["target"].queryset = targets
        self.fields["target"].label_from_instance = lambda t: (
            f"{t.indicator} ({t.unit_of_measure})" + (" - " + str(_("chỉ tiêu riêng")) if t.unit_id else ""))

    def clean_as_of(self):
        day = self.cleaned_data["as_of"]
        if day < self.campaign.start_date:
            raise forms.ValidationError(_("Ngày số liệu không được trước ngày bắt đầu phong trào (%(day)s).") % {
                "day": self.campaign.start_date.strftime("%d/%m/%Y")})
        if day > timezone.localdate():
            raise forms.ValidationError(_("Ngày số liệu không được sau ngày hôm nay."))
        if self.campaign.end_date and day > self.campaign.end_date:
            raise forms.ValidationError(_("Ngày số liệu không được sau ngày kết thúc phong trào (%(day)s).") % {
                "day": self.campaign.end_date.strftime("%d/%m/%Y")})
        return day


class DocumentForm(CleanTextMixin, forms.ModelForm):
    class Meta:
        model = CampaignDocument
        fields = ["kind", "title", "file"]
