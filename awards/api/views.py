"""The API's endpoints: thin views over the scoped querysets, the writes service and the exports.
Reading: units, persons, awards, decisions (published), dossiers of the client's units, the CBCCVC export.
Writing: a dossier with its nominations, and submitting it."""

from __future__ import annotations

import django_filters
from django import forms
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from awards.api import serializers as s
from awards.api.auth import LoggedMixin, awards_in_scope, in_scope, unit_ids
from awards.api.writes import Refused, create_dossier, idempotent, submit
from awards.exchange import cbccvc
from awards.models import ApiScope, Award, Decision, DecisionState, Dossier
from units.models import Person, Unit

ID_MAX = 2**31 - 1
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class IdFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", ID_MAX)
        super().__init__(*args, **kwargs)


class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1945)
        kwargs.setdefault("max_value", 2100)
        super().__init__(*args, **kwargs)


class UnitFilter(django_filters.FilterSet):
    parent = IdFilter(field_name="parent_id")
    kind = django_filters.CharFilter(max_length=20)

    class Meta:
        model = Unit
        fields = ["parent", "kind"]


class PersonFilter(django_filters.FilterSet):
    unit = IdFilter(field_name="unit_id")

    class Meta:
        model = Person
        fields = ["unit"]


class AwardFilter(django_filters.FilterSet):
    year = YearFilter()
    unit = IdFilter(field_name="unit_id")
    person = IdFilter(field_name="person_id")
    decision = IdFilter(field_name="decision_id")
    award_code = django_filters.CharFilter(max_length=80)

    class Meta:
        model = Award
        fields = ["year", "unit", "person", "decision", "award_code"]


class DecisionFilter(django_filters.FilterSet):
    year = YearFilter(field_name="decided_on__year")

    class Meta:
        model = Decision
        fields = ["year"]


class DossierFilter(django_filters.FilterSet):
    year = YearFilter()
    state = django_filters.CharFilter(max_length=20)

    class Meta:
        model = Dossier
        fields = ["year", "state"]


class UnitList(LoggedMixin, generics.ListAPIView):
    """Units of the province (tree by ``parent``, with their dates of validity)."""

    serializer_class = s.UnitSerializer
    filterset_class = UnitFilter
    queryset = Unit.objects.order_by("pk")


class PersonList(LoggedMixin, generics.ListAPIView):
    """Persons of the client's units; ``citizen_id`` only with the ``citizen_id`` scope."""

    serializer_class = s.PersonSerializer
    filterset_class = PersonFilter

    def get_queryset(self):
        return in_scope(Person.objects.order_by("pk"), self.request.auth, "unit_id")


class AwardList(LoggedMixin, generics.ListAPIView):
    """Awards to the client's units and their people."""

    serializer_class = s.AwardSerializer
    filterset_class = AwardFilter

    def get_queryset(self):
        queryset = Award.objects.select_related("award_type").order_by("-decided_on", "pk")
        return awards_in_scope(queryset, self.request.auth)


class DecisionList(LoggedMixin, generics.ListAPIView):
    """Published decisions (public documents)."""

    serializer_class = s.DecisionSerializer
    filterset_class = DecisionFilter
    queryset = Decision.objects.filter(state=DecisionState.PUBLISHED).select_related(
        "award_type", "issuance").order_by(
        "-decided_on", "-number")


def _dossiers(request):
    return in_scope(Dossier.objects.prefetch_related("nominations__award_type", "nominations__person",
                                                     "nominations__unit", "nominations__household",
                                                     "attachments__dossier"),
                    request.auth, "unit_id").order_by("-pk")


class DossierList(LoggedMixin, generics.ListCreateAPIView):
    """Dossiers of the client's units; POST creates a draft dossier of the client's unit with its nominations
    (``Idempotency-Key`` header: a repeat creates nothing twice)."""

    filterset_class = DossierFilter

    def get_queryset(self):
        return _dossiers(self.request)

    def get_serializer_class(self):
        return s.DossierWriteSerializer if self.request.method == "POST" else s.DossierSerializer

    @extend_schema(request=s.DossierWriteSerializer, responses={201: s.DossierSerializer},
                   parameters=[OpenApiParameter("Idempotency-Key", OpenApiTypes.STR, OpenApiParameter.HEADER)])
    def post(self, request, *args, **kwargs):
        write = s.DossierWriteSerializer(data=request.data)
        write.is_valid(raise_exception=True)
        client = request.auth

        def run() -> tuple[int, dict]:
            try:
                dossier = create_dossier(client, write.validated_data)
            except Refused as exc:
                return 400, exc.errors
            return 201, dict(s.DossierSerializer(Dossier.objects.get(pk=dossier.pk)).data)

        code, body = idempotent(client, request.META.get("HTTP_IDEMPOTENCY_KEY", ""), request.data, run)
        return Response(body, status=code)


class DossierDetail(LoggedMixin, generics.RetrieveAPIView):
    serializer_class = s.DossierSerializer
    lookup_field = "reference"
    lookup_value_regex = r"[A-Za-z0-9-]{1,20}"

    def get_queryset(self):
        return _dossiers(self.request)


class DossierSubmit(LoggedMixin, APIView):
    """The officer's "Gửi hồ sơ" (same guards: complete, eligible)."""

    @extend_schema(request=None, responses={200: s.DossierSerializer})
    def post(self, request, reference: str):
        dossier = get_object_or_404(_dossiers(request), reference=reference)
        submit(dossier, request.auth)
        return Response(s.DossierSerializer(Dossier.objects.get(pk=dossier.pk)).data, status=status.HTTP_200_OK)


class ExportQuery(serializers.Serializer):
    year = serializers.IntegerField(min_value=1945, max_value=2100)
    output = serializers.ChoiceField(choices=["json", "csv", "xlsx"], default="json")


class CbccvcExport(LoggedMixin, APIView):
    """A year's individual awards for the CSDL cán bộ, công chức, viên chức (JSON, CSV or XLSX)."""

    @extend_schema(parameters=[ExportQuery], responses={
        (200, "application/json"): s.CbccvcRowSerializer(many=True), (200, "text/csv"): OpenApiTypes.STR,
        (200, XLSX): OpenApiTypes.BINARY})
    def get(self, request):
        query = ExportQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        year, kind = query.validated_data["year"], query.validated_data["output"]
        client = request.auth
        ids = unit_ids(client)
        if kind == "csv":
            return HttpResponse(cbccvc.as_csv(year, ids), content_type="text/csv; charset=utf-8", headers={
                "Content-Disposition": f'attachment; filename="khen-thuong-cbccvc-{year}.csv"'})
        if kind == "xlsx":
            return HttpResponse(cbccvc.as_xlsx(year, ids), headers={
                "Content-Type": XLSX,
                "Content-Disposition": f'attachment; filename="khen-thuong-cbccvc-{year}.xlsx"'})
        rows = list(cbccvc.rows(year, ids, with_citizen_id=ApiScope.CITIZEN_ID in client.scope_set))
        return Response(s.CbccvcRowSerializer(rows, many=True).data)
