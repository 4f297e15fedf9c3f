from __future__ import annotations

import datetime
from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from awards.catalogue import in_force
from awards.catalogue import versions as catalogue_versions
from awards.enums import Authority, AwardFamily, RecipientKind
from awards.models import RECIPIENT_FLAG, BaseSalary
from units.search import search


def _on_date(request) -> datetime.date:
    try:
        return datetime.date.fromisoformat(request.GET.get("on", ""))
    except ValueError:
        return timezone.localdate()


@login_required
@require_GET
def catalogue(request):
    on = _on_date(request)
    types = in_force.award_types_on(on)
    family = request.GET.get("family", "")
    if family in AwardFamily.values:
        types = types.filter(family=family)
    authority = request.GET.get("authority", "")
    if authority in Authority.values:
        types = types.filter(authority=authority)
    recipient = request.GET.get("recipient", "")
    if recipient in RecipientKind.values:
        types = types.filter(**{RECIPIENT_FLAG[recipient]: True})
    query = request.GET.get("q", "").strip()
    types = search(types, ["name", "short_name"], query)
    order = {value: index for index, value in enumerate(AwardFamily.values)}
    rows = sorted(types, key=lambda t: (order[t.family], t.sort_order, t.name))
    groups = [(AwardFamily(key).label, list(items)) for key, items in groupby(rows, key=lambda t: t.family)]
    try:
        salary = in_force.base_salary_on(on)
    except in_force.CatalogueError:
        salary = None
    return render(
        request,
        "awards/catalogue.html",
        {
            "groups": groups,
            "count": len(rows),
            "on": on,
            "salary": salary,
            "family": family,
            "authority": authority,
            "recipient": recipient,
            "q": query,
            "families": AwardFamily.choices,
            "authorities": Authority.choices,
            "recipients": RecipientKind.choices,
        },
    )


@login_required
@require_GET
def award_type_detail(request, code: str):
    versions = list(catalogue_versions.versions_of(code))
    if not versions:
        raise Http404
    on = _on_date(request)
    try:
        current = in_force.award_type_on(code, on)
    except in_force.CatalogueError:
        current = None
    try:
        salary = in_force.base_salary_on(on)
    except in_force.CatalogueError:
        salary = None
    amounts = []
    if current and salary:
        for kind in RecipientKind:
            multiplier = current.multiplier_for(kind) if current.allows(kind) else None
            if multiplier is not None:
                amounts.append((kind.label, multiplier, int(multiplier * salary)))
    return render(
        request,
        "awards/award_type.html",
        {"versions": versions, "current": current, "on": on, "salary": salary, "amounts": amounts,
         "title": (current or versions[0]).name},
    )


@login_required
@require_GET
def base_salary(request):
    return render(request, "awards/base_salary.html", {"rows": BaseSalary.objects.all()})


