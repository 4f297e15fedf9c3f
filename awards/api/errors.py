"""Every refusal of the API is a JSON body ``{"detail": ...}`` (or field errors) with its 4xx code, never a 500 page:
Django's refusals and the workflow's (``NotAllowed`` 400, ``Conflict`` 409) are turned into DRF's."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from awards.core.state_machine import Conflict, WorkflowError


def exception_handler(exc, context):
    """Every refusal is a JSON body ``{"detail": ...}`` (or field errors) with its 4xx code."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(_("Không tìm thấy."))
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or _("Không có quyền."))
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages})
    elif isinstance(exc, Conflict):
        return Response({"detail": exc.message}, status=409)
    elif isinstance(exc, WorkflowError):
        return Response({"detail": exc.message}, status=400)
    return drf_exception_handler(exc, context)
