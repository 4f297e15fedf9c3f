"""The page "Dữ liệu xét thi đua" of a unit, the Excel import of its yearly facts, and the Board's forms for an
initiative and a hold period.

A unit outside the user's view is a 404 (``history.visible_units``); writing without the right is a 403
(``facts.can_import`` / ``facts.can_record``)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.validators import MaxValueValidator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from awards.models import HoldPeriod, Initiative
from awards.models.facts import HoldKind
from awards.record import facts, history
from units.models import Person, Unit
from units.text import nfc, vietnamese_sort_key

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LAYOUT_TITLES = {facts.RATINGS: gettext_lazy("Xếp loại hằng năm"), facts.FIGURES: gettext_lazy("Số liệu tập thể")}
TEMPLATE_NAMES = {facts.RATINGS: "mau-xep-loai-hang-nam.xlsx", facts.FIGURES: "mau-so-lieu-tap-the.xlsx"}


def _unit(request, pk: int) -> Unit:
    return get_object_or_404(history.visible_units(request.user).select_related("parent"), pk=pk)


def _page_url(unit: Unit) -> str:
    return reverse("facts:unit", args=[unit.pk])


def _require(check: tuple[bool, str]) -> None:
    allowed, reason = check
    if not allowed:
        raise PermissionDenied(reason)


def _layout(layout: str) -> str:
    if layout not in facts.LAYOUTS:
        raise Http404
    return layout


@login_required
@require_GET
def page(request, pk):
    unit = _unit(request, pk)
    can_import, import_reason = facts.can_import(request.user, unit)
    can_record, record_reason = facts.can_record(request.user)
    return render(request, "awards/facts/page.html", {
        "unit": unit, "facts": facts.unit_facts(unit), "can_import": can_import, "import_reason": import_reason,
        "can_record": can_record, "record_reason": record_reason,
    })


# --- Excel -------------------------------------------------------------------------------------------

class FactsImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Tệp Excel (.xlsx)"))


@login_required
@require_http_methods(["GET", "POST"])
def import_file(request, pk, layout):
    layout = _layout(layout)
    unit = _unit(request, pk)
    _require(facts.can_import(request.user, unit))
    form = FactsImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        report = facts.import_facts(layout, unit, form.cleaned_data["file"])  # the page shows the result
        form = FactsImportForm()
    columns = facts.RATING_COLUMNS if layout == facts.RATINGS else facts.FIGURE_COLUMNS
    return render(request, "awards/facts/import.html", {
        "unit": unit, "layout": layout, "title": LAYOUT_TITLES[layout], "columns": columns, "form": form,
        "report": report, "page_url": _page_url(unit),
        "template_url": reverse(f"facts:template_{layout}", args=[unit.pk]),
    })


@login_required
@require_GET
def template(request, pk, layout):
    layout = _layout(layout)
    unit = _unit(request, pk)
    _require(facts.can_import(request.user, unit))
    response = HttpResponse(facts.build_template(layout, unit), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{TEMPLATE_NAMES[layout]}"'
    return response


# --- the Board's forms -------------------------------------------------------------------------------

UNIT_SUBJECT = "unit"
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


class _SubjectForm(forms.ModelForm):
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

    def save(self, commit: bool = True):
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
        self.fields["year"].widget.attrs.update({"min": history.MIN_YEAR, "max": this_year})
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


def _add(request, pk, form_class, title: str, anchor: str, done: str):
    unit = _unit(request, pk)
    _require(facts.can_record(request.user))
    form = form_class(request.POST or None, unit=unit)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, done % {"subject": saved.person or saved.unit})
        return redirect(f"{_page_url(unit)}#{anchor}")
    return render(request, "awards/facts/form.html", {"unit": unit, "form": form, "title": title,
                                                      "page_url": _page_url(unit)})


@login_required
@require_http_methods(["GET", "POST"])
def initiative_add(request, pk):
    return _add(request, pk, InitiativeForm, _("Ghi sáng kiến, đề tài"), "initiatives",
                _("Đã ghi sáng kiến, đề tài của %(subject)s."))


@login_required
@require_http_methods(["GET", "POST"])
def hold_add(request, pk):
    return _add(request, pk, HoldForm, _("Ghi thời gian chưa xét khen thưởng"), "holds",
                _("Đã ghi thời gian chưa xét khen thưởng của %(subject)s."))
