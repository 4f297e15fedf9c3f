from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from campaigns.models import Campaign, CampaignKind, CampaignStatus
from units.search import search


@login_required
@require_GET
def campaign_list(request):
    campaigns = Campaign.objects.select_related("launching_unit").annotate(
        registration_count=Count("registrations", distinct=True)
    )
    kind = request.GET.get("kind", "")
    if kind in CampaignKind.values:
        campaigns = campaigns.filter(kind=kind)
    status = request.GET.get("status", "")
    if status in CampaignStatus.values:
        campaigns = campaigns.filter(status=status)
    year = request.GET.get("year", "")
    if year.isdigit():
        campaigns = campaigns.filter(start_date__year__lte=int(year)).exclude(end_date__year__lt=int(year))
    query = request.GET.get("q", "").strip()
    campaigns = search(campaigns, ["name", "theme"], query).order_by("-start_date", "name")
    page = Paginator(campaigns, 25).get_page(request.GET.get("page"))
    years = sorted({d.year for d in Campaign.objects.dates("start_date", "year")}, reverse=True)
    return render(
        request,
        "campaigns/list.html",
        {"page": page, "kind": kind, "status": status, "year": year, "q": query, "years": years,
         "kinds": CampaignKind.choices, "statuses": CampaignStatus.choices},
    )


@login_required
@require_GET
def campaign_detail(request, code: str):
    campaign = get_object_or_404(Campaign.objects.select_related("launching_unit"), code=code)
    groups = list(campaign.content_groups.all())
    targets = list(campaign.targets.select_related("content_group", "unit"))
    registrations = list(
        campaign.registrations.select_related("unit").prefetch_related("target_titles")
    )
    return render(
        request,
        "campaigns/detail.html",
        {"campaign": campaign, "groups": groups, "targets": targets, "registrations": registrations},
    )
