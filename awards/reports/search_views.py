"""The site search page (``/search/?q=``); the rules are in ``reports.search``."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from awards.reports import search


@login_required
@require_GET
def search_page(request):
    query = request.GET.get("q", "").strip()[:100]
    groups = search.search_all(request.user, query) if query else []
    return render(request, "search.html", {
        "q": query, "groups": groups, "total": sum(len(g.hits) for g in groups),
        "too_short": bool(query) and not groups, "min_length": search.MIN_LENGTH})
