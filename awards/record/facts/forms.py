"""Forms of the page "Dữ liệu xét thi đua": the Excel upload, and the Board's forms for an initiative and a hold
period of the unit itself or of one person of its directory."""

from __future__ import annotations

from django import forms
from django.core.validators import MaxValueValidator
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from awards.models import HoldPeriod, Initiative
from awards.models.record import HoldKind
from awards.record.tables import MIN_YEAR
from units.hygiene import CleanTextMixin
from units.models import Person, Unit
from units.text import nfc, vietnamese_sort_key

UNIT_SUBJECT = "unit"
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


class FactsImportForm(CleanTextMixin, forms.Form):
    file = forms.FileField(label=gettext_lazy("Tệp Excel (.xlsx)"))


class _SubjectForm(CleanTextMixin, forms.ModelForm):
    """A fact of the unit itself or of one person of its directory, chosen in ``subject``."""

    subject = forms.ChoiceField(label=gettext_lazy("Cá nhân hoặc tập thể"))

    def __init__(self, *args, unit: Unit, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.unit = unit
        persons = sorted(Person.objects.filter(unit=unit).only("pk", "full_name", "position"),
                         key=lambda p: (vietnamese_sort_key(p.full_name), p.pk))
        self.persons = {str(p.pk): p for p in persons}
        self.fields["subject"].choices = [
            ("", "---------"), (UNIT_SUBJECT, _("Tập thể: %(unit)s") % {"unit": unit.name}),
            (_("Cá nhân"), [(str(p.pk), f"{p.full_name}{f' ({p.position})' if p.position else ''}") for p in persons]),
        ]
        self.order_fields(["subject"])

    def save(self, commit: bool = True) -> Initiative | HoldPeriod:
        subject = self.cleaned_data["subject"]
        self.instance.unit = self.unit if subject == UNIT_SUBJECT else None
        self.instance.person = None if subject == UNIT_SUBJECT else self.persons[subject]
        return super().save(commit)


class InitiativeForm(_SubjectForm):
    class Meta:
        model = Initiative
        fields = ["kind", "title", "year", "scope", "recognised_by", "decision_number", "decision_date"]
        widgets = {"decision_date": DATE_WIDGET, "title": forms.TextInput()}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["subject"].label = _("Tác giả")
        this_year = timezone.localdate().year
        self.fields["year"].validators.append(MaxValueValidator(this_year))
        self.fields["year"].widget.attrs.update({"min": MIN_YEAR, "max": this_year})
        self.fields["decision_date"].input_formats = DATE_FORMATS

    def clean_title(self) -> str:
        return nfc(self.cleaned_data["title"])

    def clean(self) -> dict:
        data = super().clean()
        year, day = data.get("year"), data.get("decision_date")
        if day and day > timezone.localdate():
            self.add_error("decision_date", _("Ngày quyết định không được sau hôm nay."))
        elif day and year and day.year < year:
            self.add_error("decision_date", _("Ngày quyết định %(day)s ở trước năm công nhận %(year)s.")
                           % {"day": f"{day:%d/%m/%Y}", "year": year})
        return data


class HoldForm(_SubjectForm):
    class Meta:
        model = HoldPeriod
        fields = ["kind", "discipline_level", "start", "end", "reference"]
        widgets = {"start": DATE_WIDGET, "end": DATE_WIDGET}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["start"].input_formats = DATE_FORMATS
        self.fields["end"].input_formats = DATE_FORMATS
        self.fields["discipline_level"].help_text = _("Chỉ ghi khi loại là Kỷ luật.")

    def clean(self) -> dict:
        data = super().clean()
        kind, level = data.get("kind"), data.get("discipline_level")
        if kind == HoldKind.DISCIPLINE and not level:
            self.add_error("discipline_level", _("Kỷ luật cần ghi hình thức kỷ luật."))
        elif kind and kind != HoldKind.DISCIPLINE and level:
            self.add_error("discipline_level", _("Chỉ ghi hình thức kỷ luật khi loại là Kỷ luật."))
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("Ngày kết thúc (%(end)s) ở trước ngày bắt đầu (%(start)s).")
                           % {"end": f"{end:%d/%m/%Y}", "start": f"{start:%d/%m/%Y}"})
        return data

