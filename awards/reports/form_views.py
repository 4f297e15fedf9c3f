"""The statistics forms as Excel (Biểu 0601-0605, province-wide: Board staff and leaders) and the page where
Board staff enter the figures of 0604 and 0605. A year without a form in force, or without figures entered,
gets a page that says so instead of a workbook."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from awards.core import permissions
from awards.models import StatisticsForm
from awards.reports import selectors, staffing
from awards.reports.form_regimes import NoFormInForce, form_for
from awards.reports.statistics import FORMS
from units.hygiene import CleanTextMixin
from units.models import Role

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _year(request) -> int:
    value = request.GET.get("year", "") or request.POST.get("year", "")
    if value.isdigit() and 1945 <= int(value) <= 2100:
        return int(value)
    years = selectors.years_with_awards()
    return years[0] if years else timezone.localdate().year


def _province_reader(user) -> None:
    if not (permissions.is_staff(user) or user.has_role(Role.LEADERSHIP)):
        raise PermissionDenied(_("Biểu thống kê của tỉnh dành cho lãnh đạo và cán bộ Ban Thi đua - Khen thưởng."))


@login_required
@require_GET
def statistics_form(request, form):
    """Biểu 0601-0605 of a year as Excel, on the form in force for that year."""
    _province_reader(request.user)
    builder = FORMS.get(form)
    if builder is None:
        raise Http404
    year = _year(request)
    try:
        data = builder(year)
    except (NoFormInForce, staffing.NotEntered) as refusal:
        return render(request, "awards/statistics_unavailable.html",
                      {"form": form, "year": year, "reason": str(refusal),
                       "can_enter": permissions.is_staff(request.user)
                       and isinstance(refusal, staffing.NotEntered)}, status=404)
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="bieu-{form}-{year}.xlsx"'
    return response


class FiguresForm(CleanTextMixin, forms.Form):
    """The rows staff fill for one form: a number per row, and the women among them on 0605."""

    def __init__(self, form: str, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.statistics_form = form
        for row in staffing.entered_rows(form):
            self.fields[f"{form}_{row.code}"] = forms.IntegerField(min_value=0, max_value=100000, initial=0,
                                                                   label=row.label)
            if form == StatisticsForm.STAFF:
                self.fields[f"{form}_{row.code}_nu"] = forms.IntegerField(
                    min_value=0, max_value=100000, initial=0, label=_("{label}: trong đó nữ").format(label=row.label))

    def figures(self) -> staffing.Figures:
        form, data = self.statistics_form, self.cleaned_data
        return {row.code: (data[f"{form}_{row.code}"],
                           data[f"{form}_{row.code}_nu"] if form == StatisticsForm.STAFF else None)
                for row in staffing.entered_rows(form)}

    def rows(self):
        """(row, figure field, women field) for the template, headings included."""
        for row in staffing.ROWS[self.statistics_form]:
            key = f"{self.statistics_form}_{row.code}"
            yield row, self[key] if key in self.fields else None, self[f"{key}_nu"] if f"{key}_nu" in self.fields \
                else None


def _initial(form: str, figures: staffing.Figures) -> dict:
    initial = {}
    for code, (value, women) in figures.items():
        initial[f"{form}_{code}"] = value
        if women is not None:
            initial[f"{form}_{code}_nu"] = women
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def staffing_figures(request):
    """Board staff enter the figures of Biểu 0604 and 0605 for the province and a year; each form is checked
    (the breakdowns add up to the total) and saved on its own."""
    if not permissions.is_staff(request.user):
        raise PermissionDenied(_("Chỉ cán bộ Ban Thi đua - Khen thưởng nhập số liệu biểu thống kê."))
    year = _year(request)
    unit = staffing.reporting_unit()
    context = {"year": year, "unit": unit, "sections": [], "refusal": ""}
    if unit is None:
        context["refusal"] = _("Danh mục đơn vị chưa có đơn vị cấp tỉnh (đơn vị gốc) để ghi số liệu báo cáo.")
        return render(request, "awards/staffing_figures.html", context)
    try:
        form_for(StatisticsForm.APPARATUS, year)
    except NoFormInForce as refusal:
        context["refusal"] = str(refusal)
        return render(request, "awards/staffing_figures.html", context)
    posted = request.POST.get("statistics_form") if request.method == "POST" else None
    for form in (StatisticsForm.APPARATUS, StatisticsForm.STAFF):
        if posted == form:
            entry = FiguresForm(form, request.POST)
            problems = []
            if entry.is_valid():
                problems = staffing.save(form, unit, year, entry.figures(), request.user)
                if not problems:
                    messages.success(request, _("Đã lưu số liệu Biểu {form} năm {year}.").format(form=form, year=year))
                    return redirect(f"{request.path}?year={year}")
        else:
            entry = FiguresForm(form, initial=_initial(form, staffing.figures_of(form, unit, year)))
            problems = []
        context["sections"].append({"code": form, "label": StatisticsForm(form).label, "form": entry,
                                    "problems": problems})
    return render(request, "awards/staffing_figures.html", context, status=400 if posted and any(
        section["problems"] or section["form"].errors for section in context["sections"]) else 200)
