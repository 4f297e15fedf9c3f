"""Staff download the package of a dossier for the national software (QĐ 311/QĐ-BNV 2025), and run and read the
exchanges with the province's LGSP (push a year's awards, pull the decisions of central bodies)."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from awards.core.permissions import is_staff
from awards.exchange import lgsp
from awards.exchange.national import PackageError, build_package
from awards.models import Dossier, ExchangeMessage
from units.hygiene import CleanTextMixin


def _require_staff(request) -> None:
    if not is_staff(request.user):
        raise PermissionDenied(_("Chỉ cán bộ Ban Thi đua - Khen thưởng mới trao đổi dữ liệu với LGSP."))


@login_required
@require_GET
def national_package(request, reference):
    if not is_staff(request.user):
        raise PermissionDenied(_("Chỉ cán bộ Ban Thi đua - Khen thưởng mới xuất gói hồ sơ gửi phần mềm quốc gia."))
    dossier = get_object_or_404(Dossier, reference=reference)
    try:
        data = build_package(dossier)
    except PackageError as exc:
        messages.error(request, exc.message)
        return redirect("awards:dossier", dossier.reference)
    return HttpResponse(data, content_type="application/zip", headers={
        "Content-Disposition": f'attachment; filename="{dossier.reference}-quoc-gia.zip"'})


class PushForm(CleanTextMixin, forms.Form):
    year = forms.IntegerField(label=gettext_lazy("Năm khen thưởng"), min_value=1945, max_value=2100)


class PullForm(CleanTextMixin, forms.Form):
    since = forms.DateField(label=gettext_lazy("Quyết định từ ngày"), required=False,
                            input_formats=["%Y-%m-%d", "%d/%m/%Y"],
                            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))


def _lgsp_page(request, push_form=None, pull_form=None, records=None, status=200):
    page = Paginator(ExchangeMessage.objects.order_by("-at", "-pk"), 50).get_page(request.GET.get("page"))
    if records is not None:  # the pulled decisions beside the dossier each names, for the staff to record
        references = {str(r.get("dossier", ""))[:20] for r in records}
        dossiers = {d.reference: d for d in Dossier.objects.filter(reference__in=references)}
        records = [{**r, "found": dossiers.get(str(r.get("dossier", ""))[:20])} for r in records]
    return render(request, "awards/exchange/lgsp.html", {
        "page": page, "configured": bool(settings.LGSP_URL), "endpoint": settings.LGSP_URL,
        "push_form": push_form or PushForm(initial={"year": timezone.localdate().year - 1}),
        "pull_form": pull_form or PullForm(), "records": records}, status=status)


@login_required
@require_GET
def lgsp_page(request):
    """The exchanges with the province's LGSP: each push and pull with its answer, and both run now."""
    _require_staff(request)
    return _lgsp_page(request)


@login_required
@require_POST
def lgsp_push(request):
    _require_staff(request)
    form = PushForm(request.POST)
    if not form.is_valid():
        return _lgsp_page(request, push_form=form, status=400)
    message = lgsp.push_awards(form.cleaned_data["year"])
    if message.error:
        messages.error(request, _("Chưa gửi được: %(e)s") % {"e": message.error})
    else:
        messages.success(request, _("Đã gửi %(n)s khen thưởng năm %(y)s lên LGSP.") % {
            "n": message.records, "y": form.cleaned_data["year"]})
    return redirect("awards:lgsp")


@login_required
@require_POST
def lgsp_pull(request):
    _require_staff(request)
    form = PullForm(request.POST)
    if not form.is_valid():
        return _lgsp_page(request, pull_form=form, status=400)
    since = form.cleaned_data["since"]
    message, records = lgsp.pull_central_decisions(since.isoformat() if since else "")
    if message.error:
        messages.error(request, _("Chưa nhận được: %(e)s") % {"e": message.error})
    else:
        messages.success(request, _("Đã nhận %(n)s quyết định của cấp trên từ LGSP.") % {"n": message.records})
    return _lgsp_page(request, pull_form=form, records=records)
