"""``POST /api/v1/central-decisions/``: a central body's decision (Chủ tịch nước, Thủ tướng, a ministry) on
nominations the province forwarded, sent by the system that carries it (LGSP, the national software). Recorded
exactly as the Board's staff record it on the dossier's page (``awards.decisions.central``): all the named
nominations or none, with the page's messages; ``Idempotency-Key`` as for dossiers."""

from __future__ import annotations

from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from awards.api.auth import LoggedMixin
from awards.api.serializers import DossierSerializer, Strict
from awards.api.writes import Refused, idempotent
from awards.core.state_machine import WorkflowError
from awards.decisions import central
from awards.enums import CentralOutcome
from awards.models import ApiScope, Dossier

ID_MAX = 2**31 - 1


class CentralDecisionSerializer(Strict):
    dossier = serializers.RegexField(r"^[A-Za-z0-9-]{1,20}$", help_text="Mã hồ sơ của tỉnh đã trình cấp trên")
    nominations = serializers.ListField(child=serializers.IntegerField(min_value=1, max_value=ID_MAX),
                                        min_length=1, max_length=500, help_text="Các đề nghị mà quyết định trả lời")
    outcome = serializers.ChoiceField(choices=[CentralOutcome.AWARDED.value, CentralOutcome.REFUSED.value])
    number = serializers.CharField(required=False, allow_blank=True, max_length=60,
                                   help_text='Số quyết định, ví dụ "1234/QĐ-CTN"')
    date = serializers.DateField(required=False, allow_null=True)


@transaction.atomic
def record(payload: dict, actor) -> Dossier:
    """Every named nomination gets the decision, or none does (``Refused`` with the reason)."""
    dossier = get_object_or_404(Dossier, reference__iexact=payload["dossier"])
    ids = list(dict.fromkeys(payload["nominations"]))
    nominations = {n.pk: n for n in dossier.nominations.filter(pk__in=ids)}
    unknown = [str(pk) for pk in ids if pk not in nominations]
    if unknown:
        raise Refused({"nominations": [_("Đề nghị không thuộc hồ sơ %(ref)s: %(ids)s.") % {
            "ref": dossier.reference, "ids": ", ".join(unknown)}]})
    try:
        for pk in ids:
            nomination = nominations[pk]
            nomination.refresh_from_db()
            central.record_central_decision(nomination, payload["outcome"], payload.get("number") or "",
                                            payload.get("date"), actor)
    except WorkflowError as exc:
        transaction.set_rollback(True)
        raise Refused({"detail": exc.message}) from exc
    return dossier


class CentralDecisions(LoggedMixin, APIView):
    """Record a central decision (number, date; or a refusal) on forwarded nominations of a dossier; when every
    forwarded nomination has its answer the dossier is decided and the awards are in the record. Needs the
    ``central`` scope."""

    write_scope = ApiScope.CENTRAL

    @extend_schema(request=CentralDecisionSerializer, responses={200: DossierSerializer},
                   parameters=[OpenApiParameter("Idempotency-Key", OpenApiTypes.STR, OpenApiParameter.HEADER)])
    def post(self, request):
        write = CentralDecisionSerializer(data=request.data)
        write.is_valid(raise_exception=True)

        def run() -> tuple[int, dict]:
            try:
                dossier = record(write.validated_data, request.auth.user)
            except Refused as exc:
                return 400, exc.errors
            return 200, dict(DossierSerializer(Dossier.objects.get(pk=dossier.pk)).data)

        code, body = idempotent(request.auth, request.META.get("HTTP_IDEMPOTENCY_KEY", ""), request.data, run)
        return Response(body, status=code)
