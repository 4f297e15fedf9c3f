"""Files through the API: a dossier's attachments (upload as multipart with the page's checks: content, size,
name; download, logged like the page's) and the issued (signed) PDF of a published decision."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import parsers, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from awards.api.auth import LoggedMixin, in_scope
from awards.api.serializers import AttachmentSerializer, Strict
from awards.api.writes import form_errors
from awards.core import permissions, uploads
from awards.dossiers import services
from awards.dossiers.forms import AttachmentForm
from awards.enums import AttachmentKind
from awards.models import Attachment, AttachmentAccess, Decision, DecisionState, Dossier
from units.security.client import client_address

ID_MAX = 2**31 - 1
FILE_TYPES = {(200, content_type): OpenApiTypes.BINARY for content_type in uploads.ALLOWED}


class AttachmentWriteSerializer(Strict):
    """What a client sends (multipart/form-data). ``version``: the dossier's version it read (default: the
    current one)."""

    kind = serializers.ChoiceField(choices=AttachmentKind.choices)
    file = serializers.FileField()
    nomination = serializers.IntegerField(required=False, min_value=1, max_value=ID_MAX)
    vote_result = serializers.CharField(required=False, allow_blank=True, max_length=255)
    note = serializers.CharField(required=False, allow_blank=True, max_length=255)
    version = serializers.IntegerField(required=False, min_value=0, max_value=ID_MAX)


def _id(value: str) -> int:
    """A path's id as a number, else 404 (never a database error for "abc" or a number beyond its column)."""
    if not value.isascii() or not value.isdigit() or int(value) > ID_MAX:
        raise Http404
    return int(value)


ID_PARAM = OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH)


def _dossier(request, reference: str) -> Dossier:
    return get_object_or_404(in_scope(Dossier.objects.select_related("unit"), request.auth, "unit_id"),
                             reference__iexact=reference)


class AttachmentCreate(LoggedMixin, APIView):
    """Attach a document to a dossier of the key's unit, as its officer does on the dossier's page: the same
    form, the same checks by content (PDF, DOCX, XLSX, JPEG, PNG; size limit; cleaned name), the same messages."""

    parser_classes = [parsers.MultiPartParser]

    @extend_schema(request={"multipart/form-data": AttachmentWriteSerializer}, responses={201: AttachmentSerializer})
    def post(self, request, reference: str):
        dossier = _dossier(request, reference)
        allowed, reason = permissions.can_edit(request.auth.user, dossier)
        if not allowed:
            raise PermissionDenied(reason)
        write = AttachmentWriteSerializer(data=request.data)
        write.is_valid(raise_exception=True)
        data = {key: str(value) for key, value in write.validated_data.items() if key != "file"}
        data.setdefault("version", str(dossier.version))
        form = AttachmentForm(data, {"file": write.validated_data["file"]}, dossier=dossier)
        if not form.is_valid():
            return Response(form_errors(form), status=400)
        try:
            attachment = services.add_attachment(dossier, form.save(commit=False), form.cleaned_data["file"],
                                                 form.cleaned_data["version"], request.auth.user)
        except uploads.UploadRejected as exc:
            return Response({"file": [exc.message]}, status=400)
        except services.DossierChanged as exc:
            return Response({"detail": exc.message}, status=409)
        return Response(AttachmentSerializer(attachment).data, status=201)


class AttachmentDownload(LoggedMixin, APIView):
    """One attachment of a dossier of the key's units, as it was uploaded (the download is logged)."""

    @extend_schema(responses=FILE_TYPES, parameters=[ID_PARAM])
    def get(self, request, reference: str, id: str):
        dossier = _dossier(request, reference)
        attachment = get_object_or_404(Attachment, pk=_id(id), dossier=dossier)
        try:
            handle = attachment.file.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        AttachmentAccess.objects.create(attachment=attachment, user=request.auth.user,
                                        ip=client_address(request) or None)
        response = FileResponse(handle, as_attachment=True, filename=attachment.original_name,
                                content_type=attachment.content_type)
        response["X-Content-Type-Options"] = "nosniff"
        return response


class DecisionPdf(LoggedMixin, APIView):
    """The issued file of a published decision: the PDF signed by its signer (or the scan of the paper original)."""

    @extend_schema(responses={(200, "application/pdf"): OpenApiTypes.BINARY}, parameters=[ID_PARAM])
    def get(self, request, id: str):
        decision = get_object_or_404(Decision.objects.select_related("issuance"), pk=_id(id),
                                     state=DecisionState.PUBLISHED)
        issuance = getattr(decision, "issuance", None)
        if issuance is None:
            raise Http404
        try:
            handle = issuance.file.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        return FileResponse(handle, as_attachment=True, content_type="application/pdf",
                            filename=f"QD-{decision.number:02d}-{decision.year}-{decision.symbol}.pdf")
