"""What every dossier page needs from the request: the dossier in the user's scope (else 404), the right to edit
it (else 403 with the reason), and the version the form was read at."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from awards.core import permissions
from awards.models import Dossier


def dossier_in_scope(request: HttpRequest, reference: str) -> Dossier:
    queryset = permissions.visible_dossiers(request.user).select_related("unit", "campaign", "created_by",
                                                                           "body__unit")
    return get_object_or_404(queryset, reference__iexact=reference.strip())


def require_edit(request: HttpRequest, dossier: Dossier) -> None:
    allowed, reason = permissions.can_edit(request.user, dossier)
    if not allowed:
        raise PermissionDenied(reason)


def posted_version(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return -1
