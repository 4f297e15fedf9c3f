"""The page "Dữ liệu xét thi đua" of a unit, the Excel import of its yearly facts, and the Board's forms for an
initiative and a hold period.

A unit outside the user's view is a 404 (``visible_units``); writing without the right is a 403
(``access.can_import`` / ``access.can_record``)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from awards.record.facts import access, importer, selectors, xlsx_templates
from awards.record.facts.columns import FIGURE_COLUMNS, FIGURES, LAYOUTS, RATING_COLUMNS, RATINGS
from awards.record.facts.forms import FactsImportForm, HoldForm, InitiativeForm
from awards.record.history.access import visible_units
from units.models import ReadKind, Unit
from units.security.read_log import record_read

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LAYOUT_TITLES = {RATINGS: gettext_lazy("Xếp loại hằng năm"), FIGURES: gettext_lazy("Số liệu tập thể")}
TEMPLATE_NAMES = {RATINGS: "mau-xep-loai-hang-nam.xlsx", FIGURES: "mau-so-lieu-tap-the.xlsx"}


def _unit(request, pk: int) -> Unit:
    return get_object_or_404(visible_units(request.user).select_related("parent"), pk=pk)


def _page_url(unit: Unit) -> str:
    return reverse("facts:unit", args=[unit.pk])


def _require(check: tuple[bool, str]) -> None:
    allowed, reason = check
    if not allowed:
        raise PermissionDenied(reason)


def _layout(layout: str) -> str:
    if layout not in LAYOUTS:
        raise Http404
    return layout


@login_required
@require_GET
def page(request, pk):
    unit = _unit(request, pk)
    record_read(request, ReadKind.FACTS, unit=unit, subject=unit.name)
    can_import, import_reason = access.can_import(request.user, unit)
    can_record, record_reason = access.can_record(request.user)
    return render(request, "awards/facts/page.html", {
        "unit": unit, "facts": selectors.unit_facts(unit), "can_import": can_import, "import_reason": import_reason,
        "can_record": can_record, "record_reason": record_reason,
    })


# --- Excel -------------------------------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "POST"])
def import_file(request, pk, layout):
    layout = _layout(layout)
    unit = _unit(request, pk)
    _require(access.can_import(request.user, unit))
    form = FactsImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        report = importer.import_facts(layout, unit, form.cleaned_data["file"])  # the page shows the result
        form = FactsImportForm()
    columns = RATING_COLUMNS if layout == RATINGS else FIGURE_COLUMNS
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
    _require(access.can_import(request.user, unit))
    response = HttpResponse(xlsx_templates.build_template(layout, unit), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{TEMPLATE_NAMES[layout]}"'
    return response


# --- the Board's forms -------------------------------------------------------------------------------

def _add(request, pk, form_class, title: str, anchor: str, done: str):
    unit = _unit(request, pk)
    _require(access.can_record(request.user))
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
