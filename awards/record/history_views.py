"""History pages (quá trình khen thưởng) of a person and of a unit; entering and importing past awards.

Out-of-scope persons and units are a 404 (``history.visible_persons`` / ``visible_units``); writing without the
right is a 403 (``history.can_record``)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.validators import MaxValueValidator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from awards.enums import NON_LADDER_OCCASIONS, OccasionType, RecipientKind
from awards.models import AwardType
from awards.record import history
from units.models import Person, Role, Unit
from units.text import nfc

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _person(request, pk: int) -> Person:
    return get_object_or_404(history.visible_persons(request.user).select_related("unit"), pk=pk)


def _unit(request, pk: int) -> Unit:
    return get_object_or_404(history.visible_units(request.user).select_related("parent"), pk=pk)


def _recipient(request, kind: str, pk: int) -> Person | Unit:
    return _person(request, pk) if kind == "person" else _unit(request, pk)


def _page_url(kind: str, pk: int) -> str:
    return reverse("history:person" if kind == "person" else "history:unit", args=[pk])


def _require_record(request) -> None:
    allowed, reason = history.can_record(request.user)
    if not allowed:
        raise PermissionDenied(reason)


def _context(request, kind: str, recipient: Person | Unit, **extra) -> dict:
    can_record, record_reason = history.can_record(request.user)
    context = {
        "kind": kind, "recipient": recipient, "page_url": _page_url(kind, recipient.pk),
        "name": recipient.full_name if kind == "person" else recipient.name,
        "can_record": can_record, "record_reason": record_reason,
        "non_ladder": [str(OccasionType(o).label) for o in OccasionType if o in NON_LADDER_OCCASIONS],
        "non_ladder_codes": [o.value for o in OccasionType if o in NON_LADDER_OCCASIONS],
    }
    context.update(extra)
    return context


# --- pages -------------------------------------------------------------------------------------------

@login_required
@require_GET
def person_page(request, pk):
    person = _person(request, pk)
    user = request.user  # the unit's "Dữ liệu xét thi đua", when it is surely visible (no extra query)
    facts_unit_visible = person.unit_id is not None and (
        history.sees_everything(user) or (user.has_role(Role.UNIT_OFFICER) and user.unit_id == person.unit_id))
    return render(request, "awards/history/page.html", _context(
        request, "person", person, history=history.person_history(person), facts_unit_visible=facts_unit_visible))


@login_required
@require_GET
def unit_page(request, pk):
    unit = _unit(request, pk)
    return render(request, "awards/history/page.html", _context(
        request, "unit", unit, history=history.unit_history(unit), people=history.people_summary(unit)))


# --- one past award ----------------------------------------------------------------------------------

class PastAwardForm(forms.Form):
    year = forms.IntegerField(label=gettext_lazy("Năm"), min_value=history.MIN_YEAR,
                              help_text=gettext_lazy("Năm của danh hiệu, hình thức (như cột Năm của báo cáo "
                                                     "thành tích)."))
    award_code = forms.ChoiceField(label=gettext_lazy("Danh hiệu thi đua / Hình thức khen thưởng"))
    occasion = forms.ChoiceField(label=gettext_lazy("Loại hình khen thưởng"), choices=OccasionType.choices,
                                 initial=OccasionType.MERIT,
                                 help_text=gettext_lazy("Khen thưởng chuyên đề, đột xuất không được tính khi xét "
                                                        "danh hiệu theo thành tích nhiều năm."))
    decision_number = forms.CharField(label=gettext_lazy("Số quyết định"), max_length=history.MAX_NUMBER,
                                      widget=forms.TextInput(attrs={"placeholder": "1234/QĐ-UBND"}))
    decided_on = forms.DateField(label=gettext_lazy("Ngày quyết định"), input_formats=["%Y-%m-%d", "%d/%m/%Y"],
                                 widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    issuer = forms.CharField(label=gettext_lazy("Cơ quan ban hành"), max_length=history.MAX_ISSUER,
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
            versions = {a.code: a for a in history.award_types_for_year(year, self.recipient_kind)}
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


@login_required
@require_http_methods(["GET", "POST"])
def add(request, kind, pk):
    recipient = _recipient(request, kind, pk)
    _require_record(request)
    recipient_kind = RecipientKind.INDIVIDUAL if kind == "person" else RecipientKind.COLLECTIVE
    form = PastAwardForm(request.POST or None, recipient_kind=recipient_kind)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            award = history.record_history_award(
                recipient, award_type=form.award_type, year=data["year"], decision_number=data["decision_number"],
                decided_on=data["decided_on"], issuer=data["issuer"], occasion=data["occasion"])
        except history.DuplicateAward as duplicate:
            form.add_error(None, duplicate.message)
        else:
            messages.success(request, _("Đã ghi %(award)s năm %(year)s (quyết định số %(number)s).") % {
                "award": award.award_type.name, "year": award.achievement_year, "number": award.decision_number})
            return redirect(_page_url(kind, recipient.pk))
    return render(request, "awards/history/form.html", _context(request, kind, recipient, form=form))


# --- Excel -------------------------------------------------------------------------------------------

class HistoryImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Tệp bảng khen thưởng (.xlsx)"))


@login_required
@require_http_methods(["GET", "POST"])
def import_file(request, kind, pk):
    recipient = _recipient(request, kind, pk)
    _require_record(request)
    form = HistoryImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        report = history.import_history(recipient, form.cleaned_data["file"])  # the page shows the result
        form = HistoryImportForm()
    return render(request, "awards/history/import.html", _context(request, kind, recipient, form=form,
                                                                  report=report))


@login_required
@require_GET
def template(request):
    response = HttpResponse(history.build_history_template(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-qua-trinh-khen-thuong.xlsx"'
    return response
