"""The dossier inbox (filters, sorting, paging) and the staff's batch actions on the dossiers ticked in it."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import connections, router
from django.db.models import Count, F, OuterRef, Q, Subquery, TextField, Window
from django.db.models.functions import Cast, Coalesce, RowNumber
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from awards.core import permissions
from awards.dossiers import outcomes, workflow
from awards.dossiers.views.inbox_rows import dossier_rows
from awards.enums import OFFICER_STATE_LABELS, ROUND_OFFICER_STATE_LABELS, DossierState, OccasionType
from awards.models import AwardType, Dossier, IssuingBody, Nomination
from campaigns.models import Campaign
from units.models import ClusterMembership, EmulationCluster, Unit
from units.search import accent_insensitive_q

SORTS = {
    "new": ("-created_at", "-id"), "old": ("created_at", "id"), "submitted": ("-submitted_at", "-created_at"),
    "due": ("due_date", "-created_at"), "unit": ("unit__name", "-created_at"), "state": ("state", "-created_at"),
}


def filter_dossiers(queryset, params, today):
    """The inbox filters; every one is a plain query parameter so a filtered list can be bookmarked. ``body``:
    "province" for the dossiers addressed to the Chủ tịch UBND tỉnh or above, a body's id for a unit's rounds."""
    value = params.get
    if value("campaign", "").isdigit():
        queryset = queryset.filter(campaign_id=int(value("campaign")))
    if value("year", "").isdigit():
        queryset = queryset.filter(year=int(value("year")))
    if value("occasion") in OccasionType.values:
        queryset = queryset.filter(occasion=value("occasion"))
    if value("award"):
        queryset = queryset.filter(nominations__award_type__code=value("award"))
    if value("unit", "").isdigit():
        queryset = queryset.filter(unit_id=int(value("unit")))
    if value("cluster", "").isdigit():
        members = ClusterMembership.objects.filter(cluster_id=int(value("cluster")))
        pairs = Q(pk__in=[])
        for unit_id, year in members.values_list("unit_id", "year"):
            pairs |= Q(unit_id=unit_id, year=year)
        queryset = queryset.filter(pairs)
    if value("body") == "province":
        queryset = queryset.filter(body__isnull=True)
    elif value("body", "").isdigit():
        queryset = queryset.filter(body_id=int(value("body")))
    if value("state") in DossierState.values:
        queryset = queryset.filter(state=value("state"))
    if value("overdue") == "1":
        queryset = queryset.filter(state=DossierState.RECEIVED, due_date__lt=today)
    query = value("q", "").strip()
    if query:
        queryset = queryset.filter(
            accent_insensitive_q(["unit__name", "title", "nominations__person__full_name",
                                  "nominations__collective_name", "nominations__unit__name",
                                  "nominations__household__name"], query)
            | Q(reference__iexact=query)
        )
    if value("award") or query:
        queryset = queryset.distinct()
    return queryset


URL_SAFE = "!$&'()*+,;=/~:@"  # what reverse() leaves unquoted in a path argument
# The columns a row of the inbox shows; nothing else is read.
ROW_FIELDS = ("reference", "title", "occasion", "year", "state", "due_date", "body_id", "unit__name",
              "campaign__name", "body__head_title")


def union_sql(parts: dict[str, tuple]) -> tuple[str, list]:
    """Several filter lists of (value, label) as one statement instead of one each: ``parts`` maps a name to
    (queryset, value field, label field, order); each part's rows are numbered in its own order (a window), the
    parts joined by UNION ALL, values and labels read as text (what ``{% options %}`` writes). Names are constants
    of this module, never input."""
    sqls, params = [], []
    for name, (queryset, value, label, order) in parts.items():
        numbered = queryset.order_by().annotate(
            n=Window(RowNumber(), order_by=order), v=Cast(value, TextField()), t=Cast(label, TextField()),
        ).values_list("n", "v", "t")
        sql, part_params = numbered.query.sql_with_params()
        sqls.append(f"SELECT '{name}' AS k, q.n, q.v, q.t FROM ({sql}) q")
        params.extend(part_params)
    return " UNION ALL ".join(sqls), params


def list_parts(scoped, wide: bool) -> dict[str, tuple]:
    """Whom the dossiers are addressed to: the province (and above), or a unit's head (its own round); the other
    lists for those who read every unit's dossiers."""
    parts = {"bodies": (IssuingBody.objects.filter(pk__in=scoped.values("body_id")), "pk", "head_title",
                        [F("kind").asc(), F("head_title").asc()])}
    if wide:
        parts.update({
            "campaigns": (Campaign.objects.all(), "pk", "name", [F("start_date").desc()]),
            "units": (Unit.objects.filter(pk__in=scoped.values("unit_id")), "pk", "name", [F("name").asc()]),
            "clusters": (EmulationCluster.objects.all(), "pk", "name", [F("sort_order").asc(), F("name").asc()]),
            "awards": (AwardType.objects.filter(valid_to__isnull=True), "code", "name", [F("sort_order").asc()]),
            "years": (scoped.values("year").annotate(dossiers=Count("pk")), "year", "year", [F("year").desc()]),
        })
    return parts


# (database, SQL of the visible dossiers, wide) -> (the lists' statement, how many times it repeats the visible
# dossiers' parameters). Building the statement through the ORM cost 2 ms of CPU a page, four times what the
# database spends answering it; its shape depends only on the visible dossiers' SQL (the other lists take no
# parameters), so it is built once per shape and process. Bounded: the shapes are the roles and unit subtrees.
STATEMENTS: dict[tuple[str, str, bool], tuple[str, int]] = {}
MAX_STATEMENTS = 512


def filter_lists(scoped, wide: bool) -> dict[str, list[tuple[str, str]]]:
    """The filter lists of the inbox for the dossiers ``scoped`` (value, label pairs, each list in its order),
    read in one query whose statement is built once per shape (``STATEMENTS``)."""
    alias = router.db_for_read(Dossier)
    scoped_sql, scoped_params = scoped.query.sql_with_params()
    key = (alias, scoped_sql, wide)
    known = STATEMENTS.get(key)
    names = ["bodies", *(["campaigns", "units", "clusters", "awards", "years"] if wide else [])]
    if known is not None:
        sql, params = known[0], list(scoped_params) * known[1]
    else:
        sql, params = union_sql(list_parts(scoped, wide))
        repeats = len(params) // len(scoped_params) if scoped_params else 0
        if list(params) == list(scoped_params) * repeats and len(STATEMENTS) < MAX_STATEMENTS:
            STATEMENTS[key] = (sql, repeats)  # the parameters are the visible dossiers' ones, and only those
    lists: dict[str, list[tuple[str, str]]] = {name: [] for name in names}
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        for name, _n, value, label in sorted(cursor.fetchall(), key=lambda row: (row[0], row[1])):
            lists[name].append((value, label))
    return lists


@login_required
@require_GET
def dossier_list(request):
    """The inbox costs the same queries and about the same template work whatever the number of dossiers: the
    count reads the dossier table alone, the nomination count is a subquery evaluated for the 25 rows shown, the
    labels are looked up once per request and the filter lists are joined in Python (``vn.options``)."""
    user = request.user
    today = timezone.localdate()
    scoped = permissions.visible_dossiers(user)
    dossiers = filter_dossiers(scoped, request.GET, today)
    sort = request.GET.get("sort", "new")
    counted = Subquery(Nomination.objects.filter(dossier=OuterRef("pk")).order_by().values("dossier")
                       .annotate(n=Count("pk")).values("n"))
    dossiers = (dossiers.order_by(*SORTS.get(sort, SORTS["new"])).select_related("unit", "campaign", "body")
                .only(*ROW_FIELDS).annotate(nomination_count=Coalesce(counted, 0)))
    page = Paginator(dossiers, 25).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    partly = outcomes.progress(page.object_list)  # "3/4 đã có quyết định 01/QĐ-UBND" instead of the state
    for d in page.object_list:
        d.progress = partly.get(d.pk)
    is_staff = permissions.is_staff(user)
    states = DossierState.choices if is_staff else [(s.value, OFFICER_STATE_LABELS[s]) for s in DossierState]
    state_labels = {value: str(label) for value, label in DossierState.choices}
    officer_labels = {state.value: str(label) for state, label in OFFICER_STATE_LABELS.items()}
    round_labels = {state.value: str(label) for state, label in ROUND_OFFICER_STATE_LABELS.items()}
    occasion_labels = {value: str(label) for value, label in OccasionType.choices}
    link = reverse("awards:dossier", args=["0"])[:-2]  # the address of a dossier ends with its reference
    for dossier in page.object_list:
        dossier.url = f"{link}{quote(dossier.reference, safe=URL_SAFE)}/"
        labels = state_labels if is_staff else round_labels if dossier.body_id else officer_labels
        dossier.state_label = labels.get(dossier.state, dossier.state)
        dossier.occasion_label = occasion_labels.get(dossier.occasion, dossier.occasion)
        dossier.overdue = dossier.state == DossierState.RECEIVED and dossier.due_date and dossier.due_date < today
    wide = is_staff or user.is_province_leader
    lists = filter_lists(scoped, wide)
    context = {
        "page": page, "rows": dossier_rows(page.object_list, is_staff), "params": request.GET, "sort": sort,
        "today": today, "is_staff": is_staff,
        "can_create": permissions.can_create(user)[0],
        "states": states, "occasions": OccasionType.choices,
        "bodies": lists["bodies"],
        "batch_actions": [(m.action, m.label) for m in workflow.MOVES.values()
                          if not m.system and user.has_role(*m.roles) and not m.own_unit_only] if is_staff else [],
    }
    if wide:
        context.update({"campaigns": [(pk, Truncator(name).chars(60)) for pk, name in lists["campaigns"]],
                        **{name: lists[name] for name in ("units", "clusters", "awards", "years")}})
    return render(request, "awards/dossiers/list.html", context)


@login_required
@require_POST
def batch(request):
    """Staff batch actions with a confirmation step: first POST shows what will happen, the second
    (``confirm=1``) does it, dossier by dossier, each through the same door."""
    if not permissions.is_staff(request.user):
        raise PermissionDenied(_("Chỉ cán bộ Ban Thi đua - Khen thưởng mới dùng thao tác hàng loạt."))
    action = request.POST.get("action", "")
    rule = workflow.MOVES.get(action)
    if rule is None or rule.system or rule.own_unit_only:
        messages.error(request, _("Chọn một thao tác."))
        return redirect("awards:dossiers")
    references = request.POST.getlist("dossiers")
    dossiers = list(permissions.visible_dossiers(request.user).filter(reference__in=references)
                    .select_related("unit"))
    if not dossiers:
        messages.error(request, _("Chưa chọn hồ sơ nào."))
        return redirect("awards:dossiers")
    note = request.POST.get("note", "").strip()
    if request.POST.get("confirm") != "1" or (rule.needs_note and not note):
        checks = [(d, *workflow.can(request.user, action, d)) for d in dossiers]
        if request.POST.get("confirm") == "1":
            messages.error(request, _("Cần ghi rõ lý do khi \"%(action)s\".") % {"action": rule.label})
        return render(request, "awards/dossiers/batch_confirm.html",
                      {"rule": rule, "checks": checks, "note": note})
    done, failed = [], []
    for dossier in dossiers:
        try:
            workflow.transition(dossier, action, request.user, note=note,
                                expected_state=request.POST.get(f"state_{dossier.reference}") or None)
            done.append(dossier.reference)
        except workflow.WorkflowError as exc:
            failed.append(f"{dossier.reference}: {exc.message}")
    if done:
        messages.success(request, _("\"%(action)s\": xong %(n)s hồ sơ (%(refs)s).") % {
            "action": rule.label, "n": len(done), "refs": ", ".join(done)})
    for line in failed:
        messages.error(request, line)
    return redirect("awards:dossiers")
