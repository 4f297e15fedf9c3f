"""Staff download the package of a dossier for the national software (QĐ 311/QĐ-BNV 2025)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from awards.core.permissions import is_staff
from awards.exchange.national import PackageError, build_package
from awards.models import Dossier


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
