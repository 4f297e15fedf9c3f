"""The dossier inbox (filters, sorting, paging) and the staff's batch actions on the dossiers ticked in it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from awards.core import permissions
from awards.dossiers import outcomes, workflow
from awards.enums import OFFICER_STATE_LABELS, DossierState, OccasionType
from awards.models import AwardType, IssuingBody
from campaigns.models import Campaign
from units.models import ClusterMembership, EmulationCluster, Unit
from units.search import accent_insensitive_q

SORTS = {
    "new": ("-created_at",), "old": ("created_at",), "submitted": ("-submitted_at", "-created_at"),
    "due": ("due_date", "-created_at"), "unit": ("unit__name", "-created_at"), "state": ("state", "-created_at"),
}


def filter_dossiers(queryset, params, today):
    """The inbox filters; every one is a plain query parameter so a filtered list can be bookmarked. ``body``:
    "province" for the dossiers addressed to the Chủ tịch UBND tỉnh or above, a body's id for a unit's rounds."""
    value = params.get
    if value("campaign", "").isdigit():
        queryset = queryset.filter(campaign_id=int(value("campaign")))
    if value("year", "").isdigit():
        queryset = queryset.filter(year=int(value("year")))
    if value("occasion") in OccasionType.values:
        queryset = queryset.filter(occasion=value("occasion"))
    if value("award"):
        queryset = queryset.filter(nominations__award_type__code=value("award"))
    if value("unit", "").isdigit():
        queryset = queryset.filter(unit_id=int(value("unit")))
    if value("cluster", "").isdigit():
        members = ClusterMembership.objects.filter(cluster_id=int(value("cluster")))
        pairs = Q(pk__in=[])
        for unit_id, year in members.values_list("unit_id", "year"):
            pairs |= Q(unit_id=unit_id, year=year)
        queryset = queryset.filter(pairs)
    if value("body") == "province":
        queryset = queryset.filter(body__isnull=True)
    elif value("body", "").isdigit():
        queryset = queryset.filter(body_id=int(value("body")))
    if value("state") in DossierState.values:
        queryset = queryset.filter(state=value("state"))
    if value("overdue") == "1":
        queryset = queryset.filter(state=DossierState.RECEIVED, due_date__lt=today)
    query = value("q", "").strip()
    if query:
        queryset = queryset.filter(
            accent_insensitive_q(["unit__name", "title", "nominations__person__full_name",
                                  "nominations__collective_name", "nominations__unit__name",
                                  "nominations__household__name"], query)
            | Q(reference__iexact=query)
        )
    if value("award") or query:
        queryset = queryset.distinct()
    return queryset


@login_required
@require_GET
def dossier_list(request):
    user = request.user
    today = timezone.localdate()
    scoped = permissions.visible_dossiers(user)
    dossiers = filter_dossiers(scoped, request.GET, today)
    sort = request.GET.get("sort", "new")
    dossiers = dossiers.order_by(*SORTS.get(sort, SORTS["new"])).select_related("unit", "campaign", "body").annotate(
        nomination_count=Count("nominations", distinct=True)
    )
    page = Paginator(dossiers, 25).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    partly = outcomes.progress(page.object_list)  # "3/4 đã có quyết định 01/QĐ-UBND" instead of the state
    for d in page.object_list:
        d.progress = partly.get(d.pk)
    is_staff = permissions.is_staff(user)
    context = {
        "page": page, "params": request.GET, "sort": sort, "today": today, "is_staff": is_staff,
        "can_create": permissions.can_create(user)[0],
        "states": DossierState.choices if is_staff else [(s.value, OFFICER_STATE_LABELS[s]) for s in DossierState],
        "occasions": OccasionType.choices,
        # Whom the dossiers are addressed to: the province (and above), or a unit's head (its own round).
        "bodies": IssuingBody.objects.filter(pk__in=scoped.values("body_id")).order_by("kind", "head_title"),
        "batch_actions": [(m.action, m.label) for m in workflow.MOVES.values()
                          if not m.system and user.has_role(*m.roles) and not m.own_unit_only] if is_staff else [],
    }
    if is_staff or user.is_province_leader:
        context.update({
            "campaigns": Campaign.objects.order_by("-start_date").only("pk", "name"),
            "units": Unit.objects.filter(pk__in=scoped.values("unit_id")).order_by("name").only("pk", "name"),
            "clusters": EmulationCluster.objects.order_by("sort_order", "name").only("pk", "name"),
            "awards": AwardType.objects.filter(valid_to__isnull=True).order_by("sort_order").only("code", "name"),
            "years": sorted(set(scoped.values_list("year", flat=True)), reverse=True),
        })
    return render(request, "awards/dossiers/list.html", context)


@login_required
@require_POST
def batch(request):
    """Staff batch actions with a confirmation step: first POST shows what will happen, the second
    (``confirm=1``) does it, dossier by dossier, each through the same door."""
    if not permissions.is_staff(request.user):
        raise PermissionDenied(_("Chỉ cán bộ Ban Thi đua - Khen thưởng mới dùng thao tác hàng loạt."))
    action = request.POST.get("action", "")
    rule = workflow.MOVES.get(action)
    if rule is None or rule.system or rule.own_unit_only:
        messages.error(request, _("Chọn một thao tác."))
        return redirect("awards:dossiers")
    references = request.POST.getlist("dossiers")
    dossiers = list(permissions.visible_dossiers(request.user).filter(reference__in=references)
                    .select_related("unit"))
    if not dossiers:
        messages.error(request, _("Chưa chọn hồ sơ nào."))
        return redirect("awards:dossiers")
    note = request.POST.get("note", "").strip()
    if request.POST.get("confirm") != "1" or (rule.needs_note and not note):
        checks = [(d, *workflow.can(request.user, action, d)) for d in dossiers]
        if request.POST.get("confirm") == "1":
            messages.error(request, _("Cần ghi rõ lý do khi \"%(action)s\".") % {"action": rule.label})
        return render(request, "awards/dossiers/batch_confirm.html",
                      {"rule": rule, "checks": checks, "note": note})
    done, failed = [], []
    for dossier in dossiers:
        try:
            workflow.transition(dossier, action, request.user, note=note,
                                expected_state=request.POST.get(f"state_{dossier.reference}") or None)
            done.append(dossier.reference)
        except workflow.WorkflowError as exc:
            failed.append(f"{dossier.reference}: {exc.message}")
    if done:
        messages.success(request, _("\"%(action)s\": xong %(n)s hồ sơ (%(refs)s).") % {
            "action": rule.label, "n": len(done), "refs": ", ".join(done)})
    for line in failed:
        messages.error(request, line)
    return redirect("awards:dossiers")
