from __future__ import annotations

import datetime

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from campaigns.models import Campaign, CampaignStatus
from units import selectors
from units.models import EmulationCluster, Person, Role, UnitKind


def _date_param(request, name: str) -> datetime.date | None:
    """A ``YYYY-MM-DD`` query parameter; a malformed value is ignored (today is used)."""
    value = request.GET.get(name, "")
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _year_param(request, default: int | None) -> int | None:
    value = request.GET.get("year", "")
    return int(value) if value.isdigit() and 1945 <= int(value) <= 2100 else default


def exact_counts(**querysets) -> dict[str, int]:
    """``{name: queryset.count()}`` in one query (one round trip for the figures of the page after sign-in)."""
    parts, params = [], []
    for name, queryset in querysets.items():
        sql, values = queryset.order_by().values("pk").query.sql_with_params()
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) AS counted_{name})")
        params.extend(values)
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        row = cursor.fetchone()
    return dict(zip(querysets, row, strict=True))


@login_required
@require_GET
def home(request):
    user = request.user
    role = user.primary_role
    context = {"role": role, "role_label": Role(role).label if role else ""}
    active_campaigns = Campaign.objects.filter(
        status__in=[CampaignStatus.LAUNCHED, CampaignStatus.IN_PROGRESS, CampaignStatus.PRELIMINARY_REVIEW]
    ).select_related("launching_unit")
    context["active_campaigns"] = list(active_campaigns[:10])
    if user.is_board or (role == Role.LEADERSHIP and user.is_province_leader):
        today = timezone.localdate()
        from awards.models import AwardType
        from units.models import Unit

        context["figures"] = exact_counts(units=Unit.objects.active_on(today), persons=Person.objects.all(),
                                          award_types=AwardType.objects.active_on(today),
                                          campaigns=Campaign.objects.all())
        context["recent_campaigns"] = list(
            Campaign.objects.select_related("launching_unit").order_by("-start_date")[:5]
        )
    from awards.enums import DossierState, SessionStatus
    from awards.models import CouncilSession, Dossier

    if user.is_board:
        today = timezone.localdate()
        context["work"] = Dossier.objects.aggregate(
            submitted=Count("pk", filter=Q(state=DossierState.SUBMITTED)),
            received=Count("pk", filter=Q(state=DossierState.RECEIVED)),
            overdue=Count("pk", filter=Q(state=DossierState.RECEIVED, due_date__lt=today)))
    if role == Role.COUNCIL_MEMBER or user.has_role(Role.COUNCIL_MEMBER):
        context["open_sessions"] = list(
            CouncilSession.objects.filter(members=user, status=SessionStatus.OPEN).order_by("held_on")
        )
    if role == Role.UNIT_OFFICER and user.unit_id:
        context["unit_dossiers"] = list(
            Dossier.objects.filter(unit_id=user.unit_id).order_by("-updated_at")[:8]
        )
    return render(request, "home.html", context)


@login_required
@require_GET
def unit_tree(request):
    show_all = request.GET.get("all") == "1"
    on = None if show_all else (_date_param(request, "on") or timezone.localdate())
    query = request.GET.get("q", "").strip()
    kind = request.GET.get("kind", "")
    if kind not in UnitKind.values:
        kind = ""
    roots = selectors.unit_tree(on, query, kind)
    return render(
        request,
        "units/tree.html",
        {"roots": roots, "on": on, "show_all": show_all, "q": query, "kind": kind, "kinds": UnitKind.choices},
    )


@login_required
@require_GET
def unit_detail(request, pk: int):
    unit = selectors.unit_with_relations(pk).first()
    if unit is None:
        raise Http404
    # Imported here: the award history lives in the awards app, which itself imports units.
    from awards.record.history.access import visible_persons, visible_units

    people = visible_persons(request.user).filter(unit=unit).order_by("full_name", "pk").only(
        "pk", "full_name", "position", "gender", "unit_id")
    context = {"unit": unit, "person_count": unit.persons.count(),
               "people": Paginator(people, 50).get_page(request.GET.get("page")),
               "can_see_history": visible_units(request.user).filter(pk=unit.pk).exists()}
    return render(request, "units/detail.html", context)


@login_required
@require_GET
def cluster_list(request):
    years = selectors.membership_years()
    default_year = timezone.localdate().year if timezone.localdate().year in years else (years[0] if years else None)
    year = _year_param(request, default_year)
    rows = selectors.clusters_in_year(year) if year else []
    return render(request, "units/clusters.html", {"rows": rows, "year": year, "years": years})


@login_required
@require_GET
def cluster_detail(request, pk: int):
    cluster = get_object_or_404(EmulationCluster, pk=pk)
    history = selectors.cluster_history(cluster)
    user = request.user
    if user.is_board or user.is_province_leader or user.has_role(Role.COUNCIL_MEMBER):
        viewable = {year for year, _members, _cy in history}
    else:
        viewable = {year for year, members, _cy in history if any(u.pk == user.unit_id for u in members)}
    return render(request, "units/cluster_detail.html", {"cluster": cluster, "history": history,
                                                         "viewable": viewable})
