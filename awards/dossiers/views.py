"""Dossier pages: the inbox, building a dossier (officer), reviewing it (staff), history and versions.

Views are thin: scoping comes from ``permissions``, every state change from ``workflow.transition``,
content rules from ``services``; refusals say why."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from awards.core import permissions, uploads
from awards.decisions import central
from awards.dossiers import importer, services, workflow
from awards.dossiers.forms import (
    AttachmentForm,
    CentralDecisionForm,
    DossierForm,
    ForwardForm,
    ImportForm,
    NominationForm,
    VerdictForm,
)
from awards.enums import DECIDED_ABOVE_PROVINCE, OFFICER_STATE_LABELS, DossierState, OccasionType, RecipientKind
from awards.models import Attachment, AttachmentAccess, AwardType, Dossier, Nomination
from campaigns.models import Campaign
from units.models import ClusterMembership, EmulationCluster, Role, Unit
from units.search import accent_insensitive_q

SORTS = {
    "new": ("-created_at",), "old": ("created_at",), "submitted": ("-submitted_at", "-created_at"),
    "due": ("due_date", "-created_at"), "unit": ("unit__name", "-created_at"), "state": ("state", "-created_at"),
}


def _dossier(request, reference: str) -> Dossier:
    queryset = permissions.visible_dossiers(request.user).select_related("unit", "campaign", "created_by")
    return get_object_or_404(queryset, reference=reference)


def _require_edit(request, dossier: Dossier) -> None:
    allowed, reason = permissions.can_edit(request.user, dossier)
    if not allowed:
        raise PermissionDenied(reason)


def _version(request) -> int:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return -1


# --- list / inbox -----------------------------------------------------------------------------------

def filter_dossiers(queryset, params, today):
    """The inbox filters; every one is a plain query parameter so a filtered list can be bookmarked."""
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


@login_required
@require_GET
def dossier_list(request):
    user = request.user
    today = timezone.localdate()
    scoped = permissions.visible_dossiers(user)
    dossiers = filter_dossiers(scoped, request.GET, today)
    sort = request.GET.get("sort", "new")
    dossiers = dossiers.order_by(*SORTS.get(sort, SORTS["new"])).select_related("unit", "campaign").annotate(
        nomination_count=Count("nominations", distinct=True)
    )
    page = Paginator(dossiers, 25).get_page(request.GET.get("page"))
    is_staff = permissions.is_staff(user)
    context = {
        "page": page, "params": request.GET, "sort": sort, "today": today, "is_staff": is_staff,
        "can_create": permissions.can_create(user)[0],
        "states": DossierState.choices if is_staff else [(s.value, OFFICER_STATE_LABELS[s]) for s in DossierState],
        "occasions": OccasionType.choices,
        "batch_actions": [(m.action, m.label) for m in workflow.MOVES.values()
                          if not m.system and user.has_role(*m.roles) and not m.own_unit_only] if is_staff else [],
    }
    if is_staff or user.has_role(Role.LEADERSHIP):
        context.update({
            "campaigns": Campaign.objects.order_by("-start_date").only("pk", "name"),
            "units": Unit.objects.filter(pk__in=scoped.values("unit_id")).order_by("name").only("pk", "name"),
            "clusters": EmulationCluster.objects.order_by("sort_order", "name").only("pk", "name"),
            "awards": AwardType.objects.filter(valid_to__isnull=True).order_by("sort_order").only("code", "name"),
            "years": sorted(set(scoped.values_list("year", flat=True)), reverse=True),
        })
    return render(request, "awards/dossiers/list.html", context)


# --- building a dossier (unit officer) -------------------------------------------------------------

@login_required
@require_http_methods(["GET", "POST"])
def dossier_create(request):
    allowed, reason = permissions.can_create(request.user)
    if not allowed:
        raise PermissionDenied(reason)
    form = DossierForm(request.POST or None, initial={"year": timezone.localdate().year - 1,
                                                      "nomination_round": request.GET.get("round", "")})
    if request.method == "POST" and form.is_valid():
        dossier = form.save(commit=False)
        dossier.unit = request.user.unit
        dossier.created_by = request.user
        dossier.save()
        messages.success(request, _("Đã tạo hồ sơ %(ref)s. Hãy thêm đề nghị và tài liệu, rồi gửi.") % {
            "ref": dossier.reference})
        return redirect("awards:dossier", dossier.reference)
    return render(request, "awards/dossiers/form.html", {"form": form, "dossier": None})


@login_required
@require_http_methods(["GET", "POST"])
def dossier_edit(request, reference):
    dossier = _dossier(request, reference)
    _require_edit(request, dossier)
    form = DossierForm(request.POST or None, instance=dossier)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                services.claim_edit(dossier, _version(request))
                form.instance.version = dossier.version
                form.save()
        except services.DossierChanged as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã lưu thông tin hồ sơ."))
            return redirect("awards:dossier", dossier.reference)
    return render(request, "awards/dossiers/form.html", {"form": form, "dossier": dossier})


@login_required
@require_GET
def dossier_detail(request, reference):
    dossier = _dossier(request, reference)
    return render(request, "awards/dossiers/detail.html", detail_context(request, dossier))


def detail_context(request, dossier: Dossier, **extra) -> dict:
    user = request.user
    nominations = list(
        dossier.nominations.select_related("award_type", "person", "person__unit", "unit", "household", "verdict_by")
    )
    can_edit, edit_reason = permissions.can_edit(user, dossier)
    is_staff = permissions.is_staff(user)
    context = {
        "dossier": dossier,
        "nominations": nominations,
        "duplicates": services.duplicate_map(nominations),
        "attachments": list(dossier.attachments.select_related("nomination", "uploaded_by")),
        "history": list(dossier.history.select_related("actor")),
        "revisions": list(dossier.revisions.only("pk", "number", "submitted_at", "dossier_id")),
        "moves": workflow.available_moves(user, dossier),
        "can_edit": can_edit,
        "edit_reason": edit_reason,
        "is_staff": is_staff,
        "is_officer_view": permissions.is_own_unit_officer(user, dossier),
        "problems": services.completeness_problems(dossier) if can_edit else [],
        "attachment_form": AttachmentForm(dossier=dossier) if can_edit else None,
        "verdict_open": is_staff and dossier.state == DossierState.RECEIVED,
        "can_forward": is_staff and dossier.state == DossierState.AWAITING_DECISION
        and dossier.authority in DECIDED_ABOVE_PROVINCE,
        "central_open": is_staff and dossier.state == DossierState.FORWARDED,
        "today": timezone.localdate(),
        "max_upload": uploads.format_limit(settings.ATTACHMENT_MAX_BYTES),
    }
    from awards.record.eligibility.claims import nomination_panel

    context["eligibility"] = nomination_panel(dossier)
    context.update(extra)
    return context


@login_required
@require_http_methods(["GET", "POST"])
def nomination_form(request, reference, pk=None):
    dossier = _dossier(request, reference)
    _require_edit(request, dossier)
    nomination = get_object_or_404(dossier.nominations, pk=pk) if pk else None
    initial = NominationForm.initial_for(nomination) if nomination else {}
    form = NominationForm(request.POST or None, dossier=dossier, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                services.claim_edit(dossier, form.cleaned_data["version"])
                target = nomination or Nomination(dossier=dossier, position=dossier.nominations.count() + 1)
                for name in ("unit", "collective_name", "person", "household"):
                    setattr(target, name, None if name != "collective_name" else "")
                target.recipient_kind = form.cleaned_data["recipient_kind"]
                for name, value in form.recipient().items():
                    setattr(target, name, value)
                target.award_type = form.cleaned_data["award_type"]
                target.achievement = form.cleaned_data["achievement"]
                target.period = form.cleaned_data["period"]
                target.full_clean(exclude=["recipient_key"])
                target.save()
        except services.DossierChanged as exc:
            form.add_error(None, exc.message)
        else:
            duplicates = services.duplicates_of(target)
            if duplicates:
                messages.warning(request, _("Lưu ý: %(name)s đã được đề nghị %(award)s năm %(year)s trong hồ sơ "
                                            "%(refs)s.") % {
                    "name": target.recipient_name, "award": target.award_type.name, "year": dossier.year,
                    "refs": ", ".join(d.dossier.reference for d in duplicates)})
            messages.success(request, _("Đã lưu đề nghị cho %(name)s.") % {"name": target.recipient_name})
            return redirect("awards:dossier", dossier.reference)
    return render(request, "awards/dossiers/nomination_form.html",
                  {"form": form, "dossier": dossier, "nomination": nomination})


@login_required
@require_GET
def award_options(request, reference):
    """htmx: the award types offered for the chosen recipient kind."""
    dossier = _dossier(request, reference)
    kind = request.GET.get("recipient_kind")
    if kind not in RecipientKind.values:
        kind = None
    types = services.eligible_award_types(dossier, kind)
    return render(request, "awards/dossiers/_award_options.html", {"types": types})


@login_required
@require_POST
def nomination_delete(request, reference, pk):
    dossier = _dossier(request, reference)
    _require_edit(request, dossier)
    nomination = get_object_or_404(dossier.nominations, pk=pk)
    try:
        with transaction.atomic():
            services.claim_edit(dossier, _version(request))
            name = nomination.recipient_name
            nomination.delete()
    except services.DossierChanged as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã xóa đề nghị cho %(name)s.") % {"name": name})
    return redirect("awards:dossier", dossier.reference)


# --- attachments ------------------------------------------------------------------------------------

@login_required
@require_POST
def attachment_add(request, reference):
    dossier = _dossier(request, reference)
    _require_edit(request, dossier)
    form = AttachmentForm(request.POST, request.FILES, dossier=dossier)
    if form.is_valid():
        uploaded = form.cleaned_data["file"]
        try:
            inspected = uploads.inspect_upload(uploaded, settings.ATTACHMENT_MAX_BYTES)
            with transaction.atomic():
                services.claim_edit(dossier, form.cleaned_data["version"])
                attachment = form.save(commit=False)
                attachment.dossier = dossier
                attachment.original_name = inspected.original_name
                attachment.content_type = inspected.content_type
                attachment.size = inspected.size
                attachment.sha256 = inspected.sha256
                attachment.uploaded_by = request.user
                attachment.save()
        except uploads.UploadRejected as exc:
            form.add_error("file", exc.message)
        except services.DossierChanged as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã tải lên %(name)s.") % {"name": attachment.original_name})
            return redirect("awards:dossier", dossier.reference)
    dossier.refresh_from_db()
    context = detail_context(request, dossier, attachment_form=form)
    return render(request, "awards/dossiers/detail.html", context, status=400)


@login_required
@require_GET
def attachment_download(request, reference, pk):
    dossier = _dossier(request, reference)
    attachment = get_object_or_404(Attachment, pk=pk, dossier=dossier)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    AttachmentAccess.objects.create(attachment=attachment, user=request.user, ip=request.META.get("REMOTE_ADDR"))
    response = FileResponse(handle, as_attachment=True, filename=attachment.original_name,
                            content_type=attachment.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def attachment_delete(request, reference, pk):
    dossier = _dossier(request, reference)
    _require_edit(request, dossier)
    attachment = get_object_or_404(Attachment, pk=pk, dossier=dossier)
    try:
        with transaction.atomic():
            services.claim_edit(dossier, _version(request))
            name = attachment.original_name
            attachment.delete()
            transaction.on_commit(lambda: attachment.file.delete(save=False))
    except services.DossierChanged as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã xóa tài liệu %(name)s.") % {"name": name})
    return redirect("awards:dossier", dossier.reference)


# --- Excel import -----------------------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "POST"])
def import_nominees(request, reference):
    dossier = _dossier(request, reference)
    _require_edit(request, dossier)
    form = ImportForm(request.POST or None, request.FILES or None, initial={"version": dossier.version})
    report = None
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                services.claim_edit(dossier, form.cleaned_data["version"])
                report = importer.import_nominees(dossier, form.cleaned_data["file"], request.user)
                if report.errors:
                    transaction.set_rollback(True)
        except services.DossierChanged as exc:
            form.add_error(None, exc.message)
        else:
            if not report.errors:
                messages.success(request, _("Đã nhập %(created)s đề nghị; bỏ qua %(skipped)s dòng đã có trong hồ "
                                            "sơ.") % {"created": report.created, "skipped": report.skipped})
                return redirect("awards:dossier", dossier.reference)
        dossier.refresh_from_db()
        form = ImportForm(initial={"version": dossier.version}) if report else form
    return render(request, "awards/dossiers/import.html", {"form": form, "dossier": dossier, "report": report})


@login_required
@require_GET
def import_template(request, reference):
    dossier = _dossier(request, reference)
    response = HttpResponse(importer.build_template(dossier),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="mau-danh-sach-{dossier.reference}.xlsx"'
    return response


# --- workflow ---------------------------------------------------------------------------------------

@login_required
@require_POST
def move(request, reference, action):
    dossier = _dossier(request, reference)
    rule = workflow.MOVES.get(action)
    if rule is None or rule.system:
        raise Http404
    if not request.user.has_role(*rule.roles):
        raise PermissionDenied(_("Vai trò của bạn không được thực hiện thao tác \"%(action)s\".") % {
            "action": rule.label})
    try:
        workflow.transition(dossier, action, request.user, note=request.POST.get("note", ""),
                            expected_state=request.POST.get("expected_state") or None)
    except workflow.Conflict as exc:
        messages.warning(request, exc.message)
    except workflow.NotAllowed as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã thực hiện \"%(action)s\" cho hồ sơ %(ref)s.") % {
            "action": rule.label, "ref": dossier.reference})
    return redirect("awards:dossier", dossier.reference)


@login_required
@require_POST
def verdict(request, reference, pk):
    dossier = _dossier(request, reference)
    if not permissions.is_staff(request.user):
        raise PermissionDenied(_("Chỉ cán bộ Ban Thi đua - Khen thưởng mới thẩm định đề nghị."))
    nomination = get_object_or_404(dossier.nominations, pk=pk)
    form = VerdictForm(request.POST)
    if form.is_valid():
        try:
            services.set_verdict(nomination, form.cleaned_data["verdict"], form.cleaned_data["reason"], request.user)
        except workflow.NotAllowed as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Đã ghi kết quả thẩm định cho %(name)s.") % {"name": nomination.recipient_name})
    else:
        messages.error(request, _("Chọn kết quả thẩm định."))
    return redirect(f"{reverse('awards:dossier', args=[dossier.reference])}#nomination-{nomination.pk}")


@login_required
@require_POST
def forward(request, reference):
    dossier = _dossier(request, reference)
    if not permissions.is_staff(request.user):
        raise PermissionDenied(_("Chỉ cán bộ Ban Thi đua - Khen thưởng mới trình cấp trên."))
    form = ForwardForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Cần ghi số và ngày tờ trình của tỉnh trước khi trình cấp trên."))
        return redirect("awards:dossier", dossier.reference)
    try:
        central.forward_dossier(dossier, form.cleaned_data["number"], form.cleaned_data["date"], request.user)
    except workflow.WorkflowError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã trình cấp trên hồ sơ %(ref)s.") % {"ref": dossier.reference})
    return redirect("awards:dossier", dossier.reference)


@login_required
@require_POST
def central_decision(request, reference, pk):
    dossier = _dossier(request, reference)
    if not permissions.is_staff(request.user):
        raise PermissionDenied(_("Chỉ cán bộ Ban Thi đua - Khen thưởng mới ghi quyết định của cấp trên."))
    nomination = get_object_or_404(dossier.nominations, pk=pk)
    form = CentralDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kiểm tra lại số, ngày quyết định."))
        return redirect("awards:dossier", dossier.reference)
    try:
        central.record_central_decision(nomination, form.cleaned_data["outcome"], form.cleaned_data["number"],
                                         form.cleaned_data["date"], request.user)
    except workflow.WorkflowError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã ghi kết quả của cấp trên cho %(name)s.") % {"name": nomination.recipient_name})
    return redirect("awards:dossier", dossier.reference)


@login_required
@require_GET
def revision(request, reference, number):
    dossier = _dossier(request, reference)
    revisions = {r.number: r for r in dossier.revisions.filter(number__in=[number, number - 1])}
    current = revisions.get(number)
    if current is None:
        raise Http404
    previous = revisions.get(number - 1)
    diff = services.diff_snapshots(previous.snapshot, current.snapshot) if previous else None
    return render(request, "awards/dossiers/revision.html",
                  {"dossier": dossier, "revision": current, "previous": previous, "diff": diff})


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
