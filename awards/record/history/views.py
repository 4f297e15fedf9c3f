"""History pages (quá trình khen thưởng) of a person and of a unit; entering and importing past awards.

Out-of-scope persons and units are a 404 (``access.visible_persons`` / ``visible_units``); writing without the
right is a 403 (``access.can_record``)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from awards.enums import NON_LADDER_OCCASIONS, OccasionType, RecipientKind
from awards.record.history import access, entry, importer, report, selectors
from awards.record.history.forms import HistoryImportForm, PastAwardForm
from units.models import Person, ReadKind, Role, Unit
from units.security.read_log import record_read

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _person(request, pk: int) -> Person:
    return get_object_or_404(access.visible_persons(request.user).select_related("unit"), pk=pk)


def _unit(request, pk: int) -> Unit:
    return get_object_or_404(access.visible_units(request.user).select_related("parent"), pk=pk)


def _recipient(request, kind: str, pk: int) -> Person | Unit:
    return _person(request, pk) if kind == "person" else _unit(request, pk)


def _page_url(kind: str, pk: int) -> str:
    return reverse("history:person" if kind == "person" else "history:unit", args=[pk])


def _require_record(request) -> None:
    allowed, reason = access.can_record(request.user)
    if not allowed:
        raise PermissionDenied(reason)


def _context(request, kind: str, recipient: Person | Unit, **extra) -> dict:
    can_record, record_reason = access.can_record(request.user)
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
    record_read(request, ReadKind.PERSON, person=person, subject=person.full_name)
    user = request.user  # the unit's "Dữ liệu xét thi đua", when it is surely visible (no extra query)
    facts_unit_visible = person.unit_id is not None and (
        access.sees_everything(user) or (user.has_role(Role.UNIT_OFFICER) and user.unit_id == person.unit_id))
    return render(request, "awards/history/page.html", _context(
        request, "person", person, history=selectors.person_history(person), facts_unit_visible=facts_unit_visible))


@login_required
@require_GET
def unit_page(request, pk):
    unit = _unit(request, pk)
    return render(request, "awards/history/page.html", _context(
        request, "unit", unit, history=selectors.unit_history(unit), people=selectors.people_summary(unit)))


@login_required
@require_GET
def person_pdf(request, pk):
    person = _person(request, pk)
    response = HttpResponse(report.person_pdf(person), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="bao-cao-thanh-tich-{person.pk}.pdf"'
    return response


@login_required
@require_GET
def person_xlsx(request, pk):
    person = _person(request, pk)
    response = HttpResponse(report.person_xlsx(person), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="qua-trinh-khen-thuong-{person.pk}.xlsx"'
    return response


# --- one past award ----------------------------------------------------------------------------------

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
            award = entry.record_history_award(
                recipient, award_type=form.award_type, year=data["year"], decision_number=data["decision_number"],
                decided_on=data["decided_on"], issuer=data["issuer"], occasion=data["occasion"])
        except entry.DuplicateAward as duplicate:
            form.add_error(None, duplicate.message)
        else:
            messages.success(request, _("Đã ghi %(award)s năm %(year)s (quyết định số %(number)s).") % {
                "award": award.award_type.name, "year": award.achievement_year, "number": award.decision_number})
            return redirect(_page_url(kind, recipient.pk))
    return render(request, "awards/history/form.html", _context(request, kind, recipient, form=form))


# --- Excel -------------------------------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "POST"])
def import_file(request, kind, pk):
    recipient = _recipient(request, kind, pk)
    _require_record(request)
    form = HistoryImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        report = importer.import_history(recipient, form.cleaned_data["file"])  # the page shows the result
        form = HistoryImportForm()
    return render(request, "awards/history/import.html", _context(request, kind, recipient, form=form,
                                                                  report=report))


@login_required
@require_GET
def template(request):
    response = HttpResponse(importer.build_history_template(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-qua-trinh-khen-thuong.xlsx"'
    return response
