"""Importing a nominee list from Excel into a dossier, and the template to fill in."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from awards.dossiers import services
from awards.dossiers.access import dossier_in_scope, require_edit
from awards.dossiers.forms import ImportForm
from awards.dossiers.importing import jobs, start, template
from awards.models import ImportJob


@login_required
@require_http_methods(["GET", "POST"])
def import_nominees(request, reference):
    """The upload form; a valid upload becomes an import job run by the worker, and the user is sent to its page."""
    dossier = dossier_in_scope(request, reference)
    require_edit(request, dossier)
    form = ImportForm(request.POST or None, request.FILES or None, initial={"version": dossier.version})
    if request.method == "POST" and form.is_valid():
        try:
            job = start.start_import(dossier, form.cleaned_data["file"], request.user, form.cleaned_data["version"])
        except services.DossierChanged as exc:
            form.add_error(None, exc.message)
        else:
            return redirect("awards:import_job", dossier.reference, job.pk)
    recent = dossier.import_jobs.select_related("created_by")[:5]
    return render(request, "awards/dossiers/import.html", {"form": form, "dossier": dossier, "recent": recent})


@login_required
@require_GET
def import_job(request, reference, job_id):
    """An import job's page: a progress bar while it runs (htmx polls the fragment), then its outcome."""
    dossier = dossier_in_scope(request, reference)
    job = get_object_or_404(ImportJob, pk=job_id, dossier=dossier)
    context = {"dossier": dossier, "job": job, "errors": jobs.job_errors(job)}
    if request.headers.get("HX-Request"):
        return render(request, "awards/dossiers/_import_progress.html", context)
    return render(request, "awards/dossiers/import_job.html", context)


@login_required
@require_GET
def import_template(request, reference):
    dossier = dossier_in_scope(request, reference)
    response = HttpResponse(template.build_template(dossier),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="mau-danh-sach-{dossier.reference}.xlsx"'
    return response
