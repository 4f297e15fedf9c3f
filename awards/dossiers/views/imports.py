"""Importing a nominee list from Excel into a dossier, and the template to fill in."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from awards.dossiers import services
from awards.dossiers.access import dossier_in_scope, require_edit
from awards.dossiers.forms import ImportForm
from awards.dossiers.importing import save, template


@login_required
@require_http_methods(["GET", "POST"])
def import_nominees(request, reference):
    dossier = dossier_in_scope(request, reference)
    require_edit(request, dossier)
    form = ImportForm(request.POST or None, request.FILES or None, initial={"version": dossier.version})
    report = None
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                services.claim_edit(dossier, form.cleaned_data["version"])
                report = save.import_nominees(dossier, form.cleaned_data["file"], request.user)
                if report.errors:
                    transaction.set_rollback(True)
        except services.DossierChanged as exc:
            form.add_error(None, exc.message)
        else:
            if not report.errors:
                messages.success(request, _("Đã nhập %(created)s đề nghị; bỏ qua %(skipped)s dòng đã có trong hồ "
                                            "sơ.") % {"created": report.created, "skipped": report.skipped})
                return redirect("awards:dossier", dossier.reference)
        dossier.refresh_from_db()
        form = ImportForm(initial={"version": dossier.version}) if report else form
    return render(request, "awards/dossiers/import.html", {"form": form, "dossier": dossier, "report": report})


@login_required
@require_GET
def import_template(request, reference):
    dossier = dossier_in_scope(request, reference)
    response = HttpResponse(template.build_template(dossier),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="mau-danh-sach-{dossier.reference}.xlsx"'
    return response
