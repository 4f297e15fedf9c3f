"""The nominations of a dossier: adding, editing and deleting them (unit officer), and the staff's verdict."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from awards.core import permissions
from awards.dossiers import rounds, services, workflow
from awards.dossiers.access import dossier_in_scope, posted_version, require_edit
from awards.dossiers.forms import NominationForm, VerdictForm
from awards.enums import RecipientKind


@login_required
@require_http_methods(["GET", "POST"])
def nomination_form(request, reference, pk=None):
    dossier = dossier_in_scope(request, reference)
    require_edit(request, dossier)
    nomination = get_object_or_404(dossier.nominations, pk=pk) if pk else None
    initial = NominationForm.initial_for(nomination) if nomination else {}
    form = NominationForm(request.POST or None, dossier=dossier, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                services.claim_edit(dossier, form.cleaned_data["version"])
                target = services.save_nomination(dossier, form, nomination)
        except services.DossierChanged as exc:
            form.add_error(None, exc.message)
        else:
            duplicates = services.duplicates_of(target)
            if duplicates:
                messages.warning(request, _("Lưu ý: %(name)s đã được đề nghị %(award)s năm %(year)s trong hồ sơ "
                                            "%(refs)s.") % {
                    "name": target.recipient_name, "award": target.award_type.name, "year": dossier.year,
                    "refs": ", ".join(d.dossier.reference for d in duplicates)})
            given = rounds.prior_awards([target]).get(target.pk)
            if given:
                messages.warning(request, _("Lưu ý: %(name)s đã được %(body)s tặng %(award)s năm %(year)s (quyết "
                                            "định %(codes)s).") % {
                    "name": target.recipient_name, "body": dossier.body.head_title, "award": target.award_type.name,
                    "year": dossier.year, "codes": ", ".join(a.decision_number for a in given)})
            messages.success(request, _("Đã lưu đề nghị cho %(name)s.") % {"name": target.recipient_name})
            return redirect("awards:dossier", dossier.reference)
    return render(request, "awards/dossiers/nomination_form.html",
                  {"form": form, "dossier": dossier, "nomination": nomination})


@login_required
@require_GET
def award_options(request, reference):
    """htmx: the award types offered for the chosen recipient kind."""
    dossier = dossier_in_scope(request, reference)
    kind = request.GET.get("recipient_kind")
    if kind not in RecipientKind.values:
        kind = None
    types = services.eligible_award_types(dossier, kind)
    return render(request, "awards/dossiers/_award_options.html", {"types": types})


@login_required
@require_POST
def nomination_delete(request, reference, pk):
    dossier = dossier_in_scope(request, reference)
    require_edit(request, dossier)
    nomination = get_object_or_404(dossier.nominations, pk=pk)
    try:
        with transaction.atomic():
            services.claim_edit(dossier, posted_version(request))
            name = nomination.recipient_name
            nomination.delete()
    except services.DossierChanged as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã xóa đề nghị cho %(name)s.") % {"name": name})
    return redirect("awards:dossier", dossier.reference)


@login_required
@require_POST
def verdict(request, reference, pk):
    dossier = dossier_in_scope(request, reference)
    allowed, reason = permissions.can_review(request.user, dossier)
    if not allowed:
        raise PermissionDenied(reason)
    nomination = get_object_or_404(dossier.nominations, pk=pk)
    form = VerdictForm(request.POST)
    if form.is_valid():
        try:
            services.set_verdict(nomination, form.cleaned_data["verdict"], form.cleaned_data["reason"], request.user)
        except workflow.NotAllowed as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Đã ghi kết quả thẩm định cho %(name)s.") % {"name": nomination.recipient_name})
    else:
        messages.error(request, _("Chọn kết quả thẩm định."))
    return redirect(f"{reverse('awards:dossier', args=[dossier.reference])}#nomination-{nomination.pk}")
