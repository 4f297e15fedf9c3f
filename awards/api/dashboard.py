"""``/api/v1/dashboard/?year=``: the figures of the dashboard page for a year, from the same selectors
(``awards.reports.figures``), for the key's units (its unit and those below it) or the whole province."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from awards.api.auth import LoggedMixin, unit_ids
from awards.reports import selectors
from awards.reports.figures import year_figures


class DashboardQuery(serializers.Serializer):
    year = serializers.IntegerField(min_value=1945, max_value=2100, required=False,
                                    help_text="Năm; mặc định: năm gần nhất tỉnh có khen thưởng.")


class CountsSerializer(serializers.Serializer):
    collectives = serializers.IntegerField()
    individuals = serializers.IntegerField()
    households = serializers.IntegerField()
    total = serializers.IntegerField()


class LineSerializer(CountsSerializer):
    key = serializers.CharField()
    label = serializers.CharField()
    level = serializers.CharField()
    codes = serializers.ListField(child=serializers.CharField())
    previous_total = serializers.IntegerField()


class LevelSerializer(serializers.Serializer):
    level = serializers.CharField()
    label = serializers.CharField()
    total = serializers.IntegerField()


class CountSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()


class TrendSerializer(CountsSerializer):
    year = serializers.IntegerField()


class ProcessingSerializer(serializers.Serializer):
    received = serializers.IntegerField()
    returned = serializers.IntegerField()
    pending = serializers.IntegerField()
    reviewed = serializers.IntegerField()
    on_time = serializers.IntegerField()
    on_time_pct = serializers.FloatField(allow_null=True)
    proposed = serializers.IntegerField()


class ClusterSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    collectives = serializers.IntegerField()
    total = serializers.IntegerField()


class BodyKindSerializer(CountsSerializer):
    kind = serializers.CharField()
    label = serializers.CharField()
    bodies = serializers.IntegerField()


class TargetSerializer(serializers.Serializer):
    campaign = serializers.CharField()
    campaign_name = serializers.CharField()
    indicator = serializers.CharField()
    unit = serializers.IntegerField(allow_null=True)
    unit_of_measure = serializers.CharField()
    target_value = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)
    result_value = serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True)


class DashboardSerializer(serializers.Serializer):
    year = serializers.IntegerField(allow_null=True)
    years = serializers.ListField(child=serializers.IntegerField())
    total = serializers.IntegerField()
    board_total = serializers.IntegerField()
    base_total = serializers.IntegerField()
    base_bodies = serializers.IntegerField()
    previous_total = serializers.IntegerField()
    bonus_total = serializers.IntegerField(help_text="Tổng tiền thưởng (đồng)")
    paragraph = serializers.CharField(allow_blank=True)
    lines = LineSerializer(many=True)
    levels = LevelSerializer(many=True)
    kinds = CountSerializer(many=True)
    occasions = CountSerializer(many=True)
    trend = TrendSerializer(many=True)
    processing = ProcessingSerializer(allow_null=True)
    clusters = ClusterSerializer(many=True)
    base_kinds = BodyKindSerializer(many=True)
    campaign_targets = TargetSerializer(many=True)


def _counts(counts: dict) -> dict:
    values = {"collectives": counts.get("tap_the", 0), "individuals": counts.get("ca_nhan", 0),
              "households": counts.get("ho_gia_dinh", 0)}
    return {**values, "total": sum(values.values())}


def as_data(year: int | None, years: list[int], units: list[int] | None) -> dict:
    """The figures as plain data (``DashboardSerializer``'s shape)."""
    empty = {"year": year, "years": years, "total": 0, "board_total": 0, "base_total": 0, "base_bodies": 0,
             "previous_total": 0, "bonus_total": 0, "paragraph": "", "lines": [], "levels": [], "kinds": [],
             "occasions": [], "trend": [], "processing": None, "clusters": [], "base_kinds": [],
             "campaign_targets": []}
    if year is None:
        return empty
    f = year_figures(year, units)
    return {**empty, **{key: f[key] for key in ("total", "board_total", "base_total", "base_bodies",
                                                "previous_total", "bonus_total", "paragraph", "processing")},
            "lines": [{"key": line.key, "label": line.label, "level": line.level, "codes": line.codes,
                       **_counts(line.counts), "previous_total": f["previous"].get(line.key, 0)}
                      for line in f["lines"]],
            "levels": [{"level": items[0].level, "label": label, "total": total}
                       for label, items, total in f["levels"]],
            "kinds": [{"code": code, "label": label, "count": n} for code, label, n in f["kinds"]],
            "occasions": [{"code": code, "label": label, "count": n} for code, label, n in f["occasions"]],
            "trend": [{"year": y, "collectives": c, "individuals": i, "households": h, "total": c + i + h}
                      for y, c, i, h in f["trend"]],
            "clusters": [{"id": pk, "name": name, "collectives": c, "total": n} for pk, name, c, n in f["clusters"]],
            "base_kinds": [{"kind": row.kind, "label": row.label, "bodies": row.bodies, **_counts(row.counts)}
                           for row in f["base_kinds"]],
            "campaign_targets": [{"campaign": c.code, "campaign_name": c.name, "indicator": t.indicator,
                                  "unit": t.unit_id, "unit_of_measure": t.unit_of_measure,
                                  "target_value": t.target_value, "result_value": t.result_value}
                                 for c in f["campaign_targets"] for t in c.targets.all()]}


class Dashboard(LoggedMixin, APIView):
    """The dashboard's figures of a year (counts by award and level, kinds, occasions, ten-year trend,
    processing, clusters, base level by kind of issuing body, campaign targets, bonus total), for the key's units."""

    @extend_schema(parameters=[DashboardQuery], responses={200: DashboardSerializer})
    def get(self, request):
        query = DashboardQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        units = unit_ids(request.auth)
        years = selectors.years_with_awards(units)
        year = query.validated_data.get("year")
        if year is None and years:
            year = selectors.latest_province_year(units) or years[0]
        return Response(DashboardSerializer(as_data(year, years, units)).data)
