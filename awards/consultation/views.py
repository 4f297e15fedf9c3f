"""Pages of the public consultation: the public list and page of one consultation with its opinion form (no
account), and the staff's pages: open one, read the opinions, mark each one considered."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from awards.consultation import services
from awards.consultation.forms import HandledForm, OpenForm, OpinionForm
from awards.core.permissions import is_staff
from awards.models import Consultation, Opinion
from units.security.client import client_address


def _require_staff(request) -> None:
    if not is_staff(request.user):
        raise PermissionDenied(_("Chỉ cán bộ Ban Thi đua - Khen thưởng mới quản lý lấy ý kiến nhân dân."))


@require_GET
def public_list(request):
    today = timezone.localdate()
    consultations = list(services.public_consultations(today))
    for c in consultations:
        c.running = services.is_running(c, today)
    return render(request, "awards/consultation/public_list.html", {"consultations": consultations})


@require_http_methods(["GET", "POST"])
def public_detail(request, pk):
    today = timezone.localdate()
    consultation = get_object_or_404(Consultation, pk=pk, starts_on__lte=today)
    nominees = services.public_nominees(consultation)
    running = services.is_running(consultation, today)
    chosen = request.GET.get("nominee", "")
    form = OpinionForm(request.POST or None, nominees=nominees, initial={"nominee": chosen})
    if request.method == "POST" and running and form.is_valid():
        data = form.cleaned_data
        try:
            services.submit_opinion(consultation, data["nominee"], name=data["name"], contact=data["contact"],
                                    text=data["text"], address=client_address(request),
                                    honeypot=data["website"], today=today)
        except services.ConsultationError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Cảm ơn bạn đã góp ý. Ý kiến sẽ được chuyển đến Hội đồng Thi đua - Khen "
                                        "thưởng."))
            return redirect("public_consultation", consultation.pk)
    return render(request, "awards/consultation/public_detail.html", {
        "consultation": consultation, "nominees": nominees, "running": running, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def staff_list(request):
    _require_staff(request)
    form = OpenForm(request.POST or None, initial={"starts_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            consultation = services.open_consultation(
                list(data["dossiers"]), data["starts_on"], request.user, title=data["title"],
                working_days=data["working_days"], note=data["note"])
        except services.ConsultationError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã mở lấy ý kiến nhân dân đến hết ngày %(day)s.") % {
                "day": f"{consultation.ends_on:%d/%m/%Y}"})
            return redirect("awards:consultation", consultation.pk)
    return render(request, "awards/consultation/staff_list.html", {
        "form": form, "consultations": Consultation.objects.prefetch_related("dossiers")})


@login_required
@require_GET
def staff_detail(request, pk):
    _require_staff(request)
    consultation = get_object_or_404(Consultation, pk=pk)
    opinions = consultation.opinions.select_related("nomination__award_type", "nomination__person",
                                                    "nomination__unit", "nomination__household", "handled_by")
    statements = [(d, services.statement(d)) for d in consultation.dossiers.select_related("unit")]
    return render(request, "awards/consultation/staff_detail.html", {
        "consultation": consultation, "opinions": opinions, "statements": statements, "handled_form": HandledForm(),
        "running": services.is_running(consultation)})


@login_required
@require_POST
def mark_handled(request, pk, opinion_id):
    _require_staff(request)
    opinion = get_object_or_404(Opinion, pk=opinion_id, consultation_id=pk)
    form = HandledForm(request.POST)
    try:
        services.mark_handled(opinion, form.data.get("note", ""), request.user)
    except services.ConsultationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã ghi kết quả xem xét ý kiến của %(name)s.") % {"name": opinion.name})
    return redirect("awards:consultation", pk)
