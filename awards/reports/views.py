"""The leadership dashboard: a year's awards grouped the way a conference reports them, the summary
paragraph, a ten-year trend, and drill-downs to the recipients. Unit officers see their unit's figures."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from awards.core import permissions
from awards.enums import BodyKind, RecipientKind
from awards.models import IssuingBody
from awards.reports import base_level, rows, selectors
from awards.reports.figures import year_figures
from units.models import User


def _scope(user: User) -> int | None:
    """None: the whole province; a unit id: an officer's own unit."""
    if permissions.is_staff(user) or user.is_province_leader:
        return None
    if user.reads_own_unit:
        return user.unit_id
    raise PermissionDenied(_("Bảng tổng hợp dành cho lãnh đạo, cán bộ Ban Thi đua - Khen thưởng và cán bộ thi đua "
                             "của đơn vị."))


def _year(request, years, unit_id: int | None = None) -> int | None:
    """The year asked for; otherwise the latest year the province (or above) decided awards in, otherwise the
    latest year with any award. ``years`` is the list of years with awards or a function answering it (called only
    when no year is given)."""
    value = request.GET.get("year", "")
    if value.isdigit() and 1945 <= int(value) <= 2100:
        return int(value)
    years = years() if callable(years) else years
    if not years:
        return None
    return selectors.latest_province_year(unit_id) or years[0]


@login_required
@require_GET
def dashboard(request):
    unit_id = _scope(request.user)
    years = selectors.years_with_awards(unit_id)
    year = _year(request, years, unit_id)
    context = {"year": year, "years": years, "year_choices": [(y, y) for y in years],
               "unit_scope": request.user.unit if unit_id else None,
               "stat_forms": [("0601", _("Số phong trào thi đua")), ("0602", _("Khen thưởng cấp Nhà nước")),
                              ("0603", _("Khen thưởng cấp bộ, ngành, tỉnh")),
                              ("0604", _("Tổ chức làm công tác thi đua, khen thưởng")),
                              ("0605", _("Công chức làm công tác thi đua, khen thưởng"))]}
    if year is not None:
        context.update(year_figures(year, unit_id))
        context["bars"] = selectors.trend_bars(context["trend"])
        lines = context["lines"]
        drill = reverse("dashboard_drill")
        for line in lines:  # each line's links, built once instead of four {% url %} per row
            line.href = f"{drill}?year={year}&codes={','.join(line.codes)}&level={line.level}"
            line.title_q = quote(line.label, safe="/")  # as the |urlencode filter writes it
        context.update({"award_rows": rows.award_rows(context["levels"], context["previous"]),
                        "trend_svg": rows.trend_svg(context["bars"]),
                        "trend_rows": rows.trend_rows(context["trend"], year)})
    return render(request, "awards/dashboard.html", context)


DRILL_FIELDS = ("recipient_name", "recipient_kind", "decision", "decision_number", "decided_on", "issuer",
                "award_type__name", "award_type__sort_order")


@login_required
@require_GET
def drill(request):
    unit_id = _scope(request.user)
    year = _year(request, lambda: selectors.years_with_awards(unit_id), unit_id)
    codes = [c for c in request.GET.get("codes", "").split(",") if c]
    cluster = request.GET.get("cluster", "")
    body = request.GET.get("body", "")
    awards = selectors.drill_down(year, codes, request.GET.get("kind") or None, unit_id,
                                  occasion=request.GET.get("occasion") or None,
                                  cluster_id=int(cluster) if cluster.isdigit() else None,
                                  level=request.GET.get("level") or None,
                                  body=int(body) if body.isdigit() else selectors.NO_BODY if body == "none" else None
                                  ) if year else selectors.awards_in(0)
    # Only what a row shows: 50 awards and their types, not every column of three tables.
    awards = awards.select_related(None).select_related("award_type").only(*DRILL_FIELDS)
    page = selectors.IdPaginator(awards, 50).get_page(request.GET.get("page"))
    kinds = {value: str(label) for value, label in RecipientKind.choices}
    link = reverse("awards:decision", args=[0])[:-2]  # a decision's address ends with its id
    for award in page.object_list:
        award.kind_label = kinds.get(award.recipient_kind, award.recipient_kind)
        award.decision_url = f"{link}{award.decision_id}/" if award.decision_id else ""
    return render(request, "awards/dashboard_drill.html", {
        "page": page, "rows": rows.drill_rows(page.object_list, page.start_index()), "year": year,
        "title": request.GET.get("title", "")})


@login_required
@require_GET
def base_bodies(request):
    """Khen thưởng cấp cơ sở of a year: the bodies that decided (of one kind, or all), with their counts."""
    unit_id = _scope(request.user)
    year = _year(request, lambda: selectors.years_with_awards(unit_id), unit_id)
    kind = request.GET.get("kind", "")
    kind = kind if kind in BodyKind.values and kind != BodyKind.PROVINCE else ""
    rows = base_level.bodies_in(year, kind or None, unit_id) if year else base_level.bodies_in(0)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    page.object_list = [{**row, "kind_label": BodyKind(row["body__kind"]).label} for row in page.object_list]
    return render(request, "awards/dashboard_bodies.html", {
        "page": page, "year": year, "kind": kind, "kind_label": BodyKind(kind).label if kind else ""})


@login_required
@require_GET
def body_awards(request, pk: int):
    """One issuing body's decisions of a year (number, date, the head's title, counts), then their recipients
    (all, or those of one decision)."""
    unit_id = _scope(request.user)
    body = get_object_or_404(IssuingBody.objects.select_related("unit"), pk=pk)
    year = _year(request, lambda: selectors.years_with_awards(unit_id), unit_id)
    value = request.GET.get("decision", "")
    decision_id = int(value) if value.isdigit() else None
    decisions = base_level.decisions_of(year, body.pk, unit_id) if year else []
    chosen = next((d for d in decisions if d["decision_id"] == decision_id), None) if decision_id else None
    decision_id = chosen["decision_id"] if chosen else None  # a decision of another body or year: all recipients
    awards = selectors.drill_down(year or 0, [], None, unit_id, body=body.pk, decision_id=decision_id)
    page = Paginator(awards, 50).get_page(request.GET.get("page"))
    return render(request, "awards/dashboard_body.html", {
        "body": body, "year": year, "decisions": decisions, "page": page, "chosen": chosen,
        "decision_id": decision_id, "total": sum(d["n"] for d in decisions)})


@login_required
@require_GET
def export_xlsx(request):
    from django.http import HttpResponse

    from awards.reports.exports import dashboard_workbook

    unit_id = _scope(request.user)
    year = _year(request, lambda: selectors.years_with_awards(unit_id), unit_id)
    if year is None:
        raise Http404
    data = dashboard_workbook(year, unit_id, request.user.unit.name if unit_id else "")
    response = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="tong-hop-khen-thuong-{year}.xlsx"'
    return response


@login_required
@require_POST
def report_request(request):
    """Queue the dashboard of a year as a PDF; the report page shows its status and the file when ready."""
    from awards.core.outbox import defer
    from awards.models import DashboardReport

    unit_id = _scope(request.user)
    value = request.POST.get("year", "")
    if not (value.isdigit() and 1945 <= int(value) <= 2100):
        raise Http404
    year = int(value)
    with transaction.atomic():
        report = DashboardReport.objects.create(year=year, unit_id=unit_id, requested_by=request.user)
        defer("dashboard_report", {"report_id": report.pk}, key=f"dashboard_report:{report.pk}")
    return redirect("dashboard_report", report.pk)


def _report(request, pk):
    from awards.models import DashboardReport

    unit_id = _scope(request.user)
    reports = DashboardReport.objects.all() if unit_id is None else DashboardReport.objects.filter(unit_id=unit_id)
    return get_object_or_404(reports, pk=pk)


@login_required
@require_GET
def report_status(request, pk):
    report = _report(request, pk)
    template = "awards/_report_status.html" if request.headers.get("HX-Request") else "awards/report.html"
    from awards.core import outbox

    return render(request, template, {"report": report,
                                      "queue_waiting": outbox.waiting_for([f"dashboard_report:{report.pk}"])})


@login_required
@require_GET
def report_download(request, pk):
    from django.http import FileResponse

    report = _report(request, pk)
    if report.status != "done":
        raise Http404
    return FileResponse(report.file.open("rb"), as_attachment=True, filename=f"tong-hop-khen-thuong-{report.year}.pdf",
                        content_type="application/pdf")
