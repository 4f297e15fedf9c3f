"""The documents attached to a dossier: upload (accepted by content), download (logged) and delete."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from awards.core import uploads
from awards.dossiers import services
from awards.dossiers.access import dossier_in_scope, posted_version, require_edit
from awards.dossiers.forms import AttachmentForm
from awards.dossiers.views.dossier import detail_context
from awards.models import Attachment, AttachmentAccess
from units.security.client import client_address


@login_required
@require_POST
def attachment_add(request, reference):
    dossier = dossier_in_scope(request, reference)
    require_edit(request, dossier)
    form = AttachmentForm(request.POST, request.FILES, dossier=dossier)
    if form.is_valid():
        try:
            attachment = services.add_attachment(dossier, form.save(commit=False), form.cleaned_data["file"],
                                                 form.cleaned_data["version"], request.user)
        except uploads.UploadRejected as exc:
            form.add_error("file", exc.message)
        except services.DossierChanged as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã tải lên %(name)s.") % {"name": attachment.original_name})
            return redirect("awards:dossier", dossier.reference)
    dossier.refresh_from_db()
    context = detail_context(request, dossier, attachment_form=form)
    return render(request, "awards/dossiers/detail.html", context, status=400)


@login_required
@require_GET
def attachment_download(request, reference, pk):
    dossier = dossier_in_scope(request, reference)
    attachment = get_object_or_404(Attachment, pk=pk, dossier=dossier)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    AttachmentAccess.objects.create(attachment=attachment, user=request.user, ip=client_address(request) or None)
    response = FileResponse(handle, as_attachment=True, filename=attachment.original_name,
                            content_type=attachment.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def attachment_delete(request, reference, pk):
    dossier = dossier_in_scope(request, reference)
    require_edit(request, dossier)
    attachment = get_object_or_404(Attachment, pk=pk, dossier=dossier)
    try:
        with transaction.atomic():
            services.claim_edit(dossier, posted_version(request))
            name = attachment.original_name
            attachment.delete()
            transaction.on_commit(lambda: attachment.file.delete(save=False))
    except services.DossierChanged as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã xóa tài liệu %(name)s.") % {"name": name})
    return redirect("awards:dossier", dossier.reference)
