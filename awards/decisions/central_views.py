"""Dossiers decided above the province: forwarding one upward, and recording the central decision on a
nomination."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from awards.core import permissions
from awards.decisions import central
from awards.dossiers import workflow
from awards.dossiers.access import dossier_in_scope
from awards.dossiers.forms import CentralDecisionForm, ForwardForm


@login_required
@require_POST
def forward(request, reference):
    dossier = dossier_in_scope(request, reference)
    if not permissions.is_staff(request.user):
        raise PermissionDenied(_("Chỉ cán bộ Ban Thi đua - Khen thưởng mới trình cấp trên."))
    form = ForwardForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Cần ghi số và ngày tờ trình của tỉnh trước khi trình cấp trên."))
        return redirect("awards:dossier", dossier.reference)
    try:
        central.forward_dossier(dossier, form.cleaned_data["number"], form.cleaned_data["date"], request.user)
    except workflow.WorkflowError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã trình cấp trên hồ sơ %(ref)s.") % {"ref": dossier.reference})
    return redirect("awards:dossier", dossier.reference)


@login_required
@require_POST
def central_decision(request, reference, pk):
    dossier = dossier_in_scope(request, reference)
    if not permissions.is_staff(request.user):
        raise PermissionDenied(_("Chỉ cán bộ Ban Thi đua - Khen thưởng mới ghi quyết định của cấp trên."))
    nomination = get_object_or_404(dossier.nominations, pk=pk)
    form = CentralDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kiểm tra lại số, ngày quyết định."))
        return redirect("awards:dossier", dossier.reference)
    try:
        central.record_central_decision(nomination, form.cleaned_data["outcome"], form.cleaned_data["number"],
                                         form.cleaned_data["date"], request.user)
    except workflow.WorkflowError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã ghi kết quả của cấp trên cho %(name)s.") % {"name": nomination.recipient_name})
    return redirect("awards:dossier", dossier.reference)
