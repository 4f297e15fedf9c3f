"""Printing a decision's certificates onto pre-printed blanks (phôi): the variable text only, at the positions of
a calibration board staff keep in the admin, and the calibration sheet they measure a blank with.

Both PDFs are rendered in the request (``awards.documents.blank_pdf`` says why) and shown inline for printing."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from awards.core import permissions
from awards.decisions.access import visible_decisions
from awards.documents import blank_pdf
from awards.models import BlankCalibration, DecisionState
from units.models import ReadKind
from units.security.read_log import record_read

PRINTABLE = (DecisionState.DRAFT, DecisionState.PUBLISHED)


def _require_staff(request) -> None:
    if not permissions.is_staff(request.user):
        raise PermissionDenied(_("Chỉ cán bộ Ban Thi đua - Khen thưởng mới in bằng, giấy khen lên phôi."))


def _inline_pdf(data: bytes, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, name)
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_GET
def blank_print(request, pk):
    """``?calibration=<id>&first=<n>``: one page per recipient from number n (a batch of ``blank_pdf.BATCH``),
    only the variable text, on the chosen blank (by default the first offered)."""
    _require_staff(request)
    decision = get_object_or_404(visible_decisions(request.user).select_related("award_type", "signer", "body"),
                                 pk=pk)
    if decision.state not in PRINTABLE:
        raise Http404(_("Quyết định đã hủy hoặc đã thu hồi: không in bằng, giấy khen."))
    offered = blank_pdf.calibrations_for(decision)
    chosen = request.GET.get("calibration", "")
    if chosen:  # one of those offered; none chosen: the first (the body's own blank before the shared one)
        calibration = next((c for c in offered if str(c.pk) == chosen), None)
    else:
        calibration = offered[0] if offered else None
    if calibration is None:
        raise Http404(_("Chọn một phôi cùng loại với bằng, giấy khen của quyết định này."))
    first = request.GET.get("first", "1")
    first = int(first) if first.isdigit() and int(first) > 0 else 1
    if first > 1 and first > decision.lines.filter(active=True).count():  # a batch past the end of the list
        raise Http404(_("Quyết định không có người, tập thể số %(n)s.") % {"n": first})
    name = f"{decision.code.replace('/', '-')}-{slugify(calibration.name) or calibration.pk}-{first}.pdf"
    record_read(request, ReadKind.DOCUMENT, subject=_("%(code)s: in bằng, giấy khen lên phôi từ số %(first)s") % {
        "code": decision.code, "first": first})
    return _inline_pdf(blank_pdf.render_blanks(decision, calibration, first), name)


@login_required
@require_GET
def calibration_sheet(request, pk):
    """The grid with mm rulers and the field marks of one calibration, on its paper."""
    _require_staff(request)
    calibration = get_object_or_404(BlankCalibration, pk=pk)
    return _inline_pdf(blank_pdf.render_calibration_sheet(calibration), f"can-chinh-phoi-{calibration.pk}.pdf")
