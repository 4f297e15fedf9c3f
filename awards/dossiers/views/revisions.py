"""A submitted version of a dossier, compared with the version before it."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from awards.dossiers import services
from awards.dossiers.access import dossier_in_scope


@login_required
@require_GET
def revision(request, reference, number):
    dossier = dossier_in_scope(request, reference)
    revisions = {r.number: r for r in dossier.revisions.filter(number__in=[number, number - 1])}
    current = revisions.get(number)
    if current is None:
        raise Http404
    previous = revisions.get(number - 1)
    diff = services.diff_snapshots(previous.snapshot, current.snapshot) if previous else None
    return render(request, "awards/dossiers/revision.html",
                  {"dossier": dossier, "revision": current, "previous": previous, "diff": diff,
                   "fields": services.readable_fields(current.snapshot["fields"])})
