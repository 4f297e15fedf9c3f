"""Eligibility pages: staff's override of a nomination's automatic result, and "Ai đủ điều kiện năm nay"
(candidates for each ladder award, per unit or province-wide) with one-step draft nominations.

Scoping follows the house rule: an object outside the user's scope is a 404, a missing right a 403."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Max
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from awards.core import permissions
from awards.dossiers.access import dossier_in_scope
from awards.dossiers.from_candidates import create_draft_nominations
from awards.models import YearlyRating
from awards.record.eligibility import claims
from awards.record.eligibility.candidates import candidates_for
from units.models import Role, Unit
from units.selectors import subtree_ids

MAX_ROWS = 500


# --- nominations -------------------------------------------------------------------------------------------

@login_required
@require_POST
def override(request, reference, pk):
    dossier = dossier_in_scope(request, reference)
    allowed, reason = permissions.can_review(request.user, dossier)
    if not allowed:
        raise PermissionDenied(reason)
    nomination = get_object_or_404(dossier.nominations, pk=pk)
    verdict = request.POST.get("override_verdict", "")
    try:
        claims.override(nomination, verdict, request.POST.get("override_reason", ""), request.user)
    except claims.EligibilityError as exc:
        messages.error(request, exc.message)
    else:
        if verdict:
            messages.success(request, _("Đã ghi kết luận của Ban cho %(name)s.") % {"name": nomination.recipient_name})
        else:
            messages.success(request, _("Đã bỏ kết luận của Ban cho %(name)s.") % {"name": nomination.recipient_name})
    return redirect(reverse("awards:dossier", args=[dossier.reference]) + f"#nomination-{nomination.pk}")


# --- candidates --------------------------------------------------------------------------------------------

def _scope(request) -> Unit | None:
    """The unit the user looks at (with the units under it): ``None`` = the whole province (staff). Officers
    see their own unit and the units under it; asking for another unit is a 404. Other roles: 403."""
    user = request.user
    wanted = request.GET.get("unit") or request.POST.get("unit") or ""
    if permissions.is_staff(user):
        if not wanted:
            return None
        try:
            return get_object_or_404(Unit, pk=int(wanted))
        except ValueError as exc:
            raise Http404 from exc
    if user.has_role(Role.UNIT_OFFICER) and user.unit_id:
        if not wanted or wanted == str(user.unit_id):
            return user.unit
        try:  # a unit under the officer's own: allowed; anything else does not exist for them
            wanted_id = int(wanted)
        except ValueError as exc:
            raise Http404 from exc
        if wanted_id not in subtree_ids(user.unit_id):
            raise Http404
        return get_object_or_404(Unit, pk=wanted_id)
    raise PermissionDenied(_("Chỉ cán bộ Ban Thi đua - Khen thưởng và cán bộ thi đua của đơn vị xem được trang này."))


def _year(request) -> int:
    raw = request.GET.get("year") or request.POST.get("year") or ""
    try:
        year = int(raw)
    except ValueError:
        return _latest_year()
    return year if 1945 <= year <= 2100 else _latest_year()


def _latest_year() -> int:
    """The page opens on the latest year with yearly ratings (the data the ladder is read from), not on an
    empty current year."""
    latest = YearlyRating.objects.aggregate(latest=Max("year"))["latest"]
    return latest or timezone.localdate().year


@login_required
@require_GET
def candidates(request):
    unit = _scope(request)
    year = _year(request)
    award_code = request.GET.get("award", "")
    data = candidates_for(unit, year, award_code)
    units = Unit.objects.active_on(timezone.localdate()).order_by("sort_order", "name") \
        if permissions.is_staff(request.user) else []
    return render(request, "awards/eligibility/candidates.html", {
        "year": year, "unit": unit, "award_code": award_code, "units": units, **data,
        "total": sum(len(items) for _code, _name, items in data["groups"]),
    })


@login_required
@require_POST
def create_drafts(request):
    """Selected candidates become draft nominations: one draft dossier per proposing unit and award; a
    nominee who already has a live nomination for the award and year is skipped (never duplicated)."""
    unit = _scope(request)
    year = _year(request)
    award_code = request.POST.get("award", "")
    keys = request.POST.getlist("candidate")
    back = reverse("awards:eligibility_candidates") + f"?year={year}" + (f"&unit={unit.pk}" if unit else "") + (
        f"&award={award_code}" if award_code else "")
    if not keys:
        messages.error(request, _("Chọn ít nhất một người hoặc tập thể."))
        return redirect(back)
    data = candidates_for(unit, year, award_code)
    allowed = {(item["key"], code): item for code, _name, items in data["groups"] for item in items}
    chosen = [allowed[(key, award_code)] for key in keys if (key, award_code) in allowed]
    if len(chosen) != len(keys):
        messages.error(request, _("Có đối tượng không còn trong danh sách đủ điều kiện; chưa tạo gì."))
        return redirect(back)
    proposer = None if permissions.is_staff(request.user) else request.user.unit
    created, skipped = create_draft_nominations(chosen, award_code, year, request.user, proposer)
    if created:
        messages.success(request, _("Đã tạo %(n)s đề nghị trong %(d)s hồ sơ dự thảo.") % {
            "n": sum(len(v) for v in created.values()), "d": len(created)})
    if skipped:
        messages.warning(request, _("Đã có đề nghị, không tạo lại: %(names)s.") % {"names": ", ".join(skipped)})
    if len(created) == 1:
        return redirect("awards:dossier", reference=next(iter(created)).reference)
    return redirect(back)
