"""Campaign pages: list and page (everyone), drafting, launching, moving and closing (board staff), registering
and reporting (the unit's officer), the reporting matrix (staff, leadership).

Views are thin: scoping from ``services.visible_campaigns`` (out of scope = 404), status changes from
``workflow`` / ``services``; refusals say why (403 with the reason)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from awards.core import held_uploads, uploads
from campaigns import rules, selectors, services, workflow
from campaigns.forms import (
    AudienceForm,
    CampaignForm,
    CloseForm,
    ContentGroupFormSet,
    OwnTargetFormSet,
    RegistrationForm,
    ReportForm,
    TargetFormSet,
)
from campaigns.models import (
    Campaign,
    CampaignDocument,
    CampaignKind,
    CampaignStatus,
    RegistrationStatus,
    ReportPeriod,
    TargetReport,
)
from units.models import Role
from units.search import search


def _campaign(request, code: str) -> Campaign:
    return get_object_or_404(services.visible_campaigns(request.user).select_related("launching_unit"), code=code)


def _require_board(request) -> None:
    if not services.is_board(request.user):
        raise PermissionDenied(_("Chỉ cán bộ Ban Thi đua - Khen thưởng mới thực hiện được thao tác này."))


@login_required
@require_GET
def campaign_list(request):
    campaigns = services.visible_campaigns(request.user).select_related("launching_unit").annotate(
        registration_count=Count("registrations", distinct=True)
    )
    kind = request.GET.get("kind", "")
    if kind in CampaignKind.values:
        campaigns = campaigns.filter(kind=kind)
    status = request.GET.get("status", "")
    if status in CampaignStatus.values:
        campaigns = campaigns.filter(status=status)
    year = request.GET.get("year", "")
    if year.isdigit():
        campaigns = campaigns.filter(start_date__year__lte=int(year)).exclude(end_date__year__lt=int(year))
    query = request.GET.get("q", "").strip()
    campaigns = search(campaigns, ["name", "theme"], query).order_by("-start_date", "name")
    page = Paginator(campaigns, 25).get_page(request.GET.get("page"))
    years = sorted({d.year for d in Campaign.objects.dates("start_date", "year")}, reverse=True)
    mine = []
    user = request.user
    if user.has_role(Role.UNIT_OFFICER) and user.unit_id:
        mine = list(Campaign.objects.filter(audience__unit_id=user.unit_id, status__in=services.REPORTING_OPEN)
                    .order_by("-start_date"))
        registered = set(user.unit.registrations.filter(status=RegistrationStatus.REGISTERED)
                         .values_list("campaign_id", flat=True))
        for campaign in mine:
            campaign.unit_registered = campaign.pk in registered
    return render(
        request,
        "campaigns/list.html",
        {"page": page, "kind": kind, "status": status, "year": year, "q": query, "years": years,
         "kinds": CampaignKind.choices, "statuses": CampaignStatus.choices, "mine": mine,
         "can_create": services.is_board(user)},
    )


@login_required
@require_GET
def campaign_detail(request, code: str):
    campaign = _campaign(request, code)
    user = request.user
    groups = list(campaign.content_groups.all())
    registrations = list(
        campaign.registrations.select_related("unit").prefetch_related("target_titles")
    )
    can_register, register_reason = services.can_register(user, campaign)
    can_report, report_reason = services.can_report(user, campaign)
    own = services.registration_of(campaign, user.unit_id) if user.unit_id else None
    progress = selectors.target_progress(campaign)
    context = {
        "campaign": campaign, "groups": groups, "registrations": registrations,
        "progress": progress,
        "targets": [row.target for row in progress],
        "audience_count": campaign.audience.count(),
        "moves": workflow.available_moves(user, campaign),
        "history": list(campaign.history.select_related("actor")),
        "documents": list(campaign.documents.all()),
        "awards": list(selectors.awards_under(campaign)[:200]),
        "awards_total": selectors.awards_under(campaign).count(),
        "awards_sentence": selectors.awards_sentence(campaign),
        "is_board": services.is_board(user),
        "sees_matrix": services.is_board(user) or user.is_province_leader,
        "can_register": can_register, "register_reason": register_reason,
        "can_report": can_report, "report_reason": report_reason, "own_registration": own,
        "in_audience": services.in_audience(campaign, user.unit_id),
        "round_open": campaign.nomination_round_open(timezone.localdate()),
        "is_officer": user.has_role(Role.UNIT_OFFICER) and user.unit_id is not None,
        "statuses": CampaignStatus.choices,
    }
    return render(request, "campaigns/detail.html", context)


def _save_formsets(campaign: Campaign, groups, targets) -> None:
    groups.instance = campaign
    groups.save()
    targets.instance = campaign
    targets.save()


def _attach_document(request, campaign: Campaign, form: CampaignForm, held: held_uploads.Held | None) -> None:
    """The file sent now, or the one held from a submission that had errors."""
    uploaded = form.cleaned_data.get("document") or (held_uploads.open_held(held) if held else None)
    if not uploaded:
        return
    inspected = uploads.inspect_upload(uploaded, settings.ATTACHMENT_MAX_BYTES)
    CampaignDocument.objects.create(
        campaign=campaign, kind=form.cleaned_data.get("document_kind") or "ke_hoach", file=uploaded,
        title=inspected.original_name, original_name=inspected.original_name, content_type=inspected.content_type,
        size=inspected.size, sha256=inspected.sha256, uploaded_by=request.user)
    if held:
        uploaded.close()
        transaction.on_commit(lambda: held_uploads.release(held))


def _hold_document(request, form: CampaignForm, held: held_uploads.Held | None) -> held_uploads.Held | None:
    """A form with errors: keep the file just sent (once checked), so that it need not be chosen again."""
    uploaded = request.FILES.get("document")
    if uploaded is None or "document" in form.errors:
        return held
    try:
        inspected = uploads.inspect_upload(uploaded, settings.ATTACHMENT_MAX_BYTES)
    except uploads.UploadRejected as exc:
        form.add_error("document", exc.message)
        return held
    return held_uploads.hold(uploaded, request.user.pk, inspected.original_name)


def _edit(request, campaign: Campaign | None):
    _require_board(request)
    if campaign is not None and campaign.status == CampaignStatus.CLOSED:
        raise PermissionDenied(_("Phong trào đã tổng kết: không sửa được nữa."))
    instance = campaign or Campaign()
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    form = CampaignForm(data, files, instance=instance)
    groups = ContentGroupFormSet(data, instance=instance, prefix="groups")
    targets = TargetFormSet(data, instance=instance, prefix="targets",
                            queryset=instance.targets.filter(unit__isnull=True) if instance.pk else None)
    held = held_uploads.find(request.POST.get("document_token"), request.user.pk) if data else None
    if request.method == "POST" and form.is_valid() and groups.is_valid() and targets.is_valid():
        try:
            with transaction.atomic():
                saved = form.save()
                _save_formsets(saved, groups, targets)
                _attach_document(request, saved, form, None if form.cleaned_data.get("document") else held)
        except uploads.UploadRejected as exc:
            if campaign is None:  # the insert was rolled back: the next attempt creates the campaign again
                form.instance.pk = None
            form.add_error("document", exc.message)
        else:
            messages.success(request, _("Đã lưu phong trào \"%(name)s\".") % {"name": saved.name})
            return redirect("campaigns:detail", saved.code)
    status = 400 if request.method == "POST" else 200
    if request.method == "POST":
        held = _hold_document(request, form, held)
    return render(request, "campaigns/form.html", {"form": form, "groups": groups, "targets": targets,
                                                   "campaign": campaign, "held": held}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def campaign_create(request):
    return _edit(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def campaign_edit(request, code: str):
    return _edit(request, _campaign(request, code))


def _names(names: list[str], limit: int = 10) -> str:
    shown = ", ".join(names[:limit])
    return shown + (_(" và %(n)s đơn vị khác") % {"n": len(names) - limit} if len(names) > limit else "")


# Where the launch e-mails are (``services.launch_emails_state``: the outbox entry written with the launch).
EMAIL_STATES = {
    "done": gettext_lazy("Thư điện tử đã gửi đến %(n)s đơn vị có địa chỉ."),
    "queued": gettext_lazy("Thư điện tử đến %(n)s đơn vị có địa chỉ đã vào hàng đợi, sẽ được gửi trong ít phút."),
    "waiting": gettext_lazy("Thư điện tử đến %(n)s đơn vị có địa chỉ đang chờ hàng đợi: chưa gửi, sẽ gửi khi hàng "
                            "đợi hoạt động trở lại."),
    "failed": gettext_lazy("Chưa gửi được thư điện tử đến %(n)s đơn vị có địa chỉ; hãy báo quản trị hệ thống."),
}


def launch_message(reach: services.Reach, email_state: str) -> str:
    """What the launch did, truthfully: how many units were told in the app, where their e-mails are (sent, queued,
    waiting for the queue, failed), which units have no officer account or no address."""
    parts = [_("Đã phát động đến %(n)s đơn vị.") % {"n": reach.units},
             _("Cán bộ thi đua của %(n)s đơn vị được báo trên hệ thống.") % {"n": reach.in_app}]
    if reach.without_officer:
        parts.append(_("%(n)s đơn vị chưa có tài khoản cán bộ thi đua: %(names)s.") % {
            "n": len(reach.without_officer), "names": _names(reach.without_officer)})
    if reach.personal:
        parts.append(_("Cán bộ thi đua có địa chỉ thư của %(n)s đơn vị nhận thư điện tử theo cách mỗi người chọn "
                       "(từng thông báo hoặc thư tóm tắt hằng ngày).") % {"n": reach.personal})
    if reach.emailed:
        parts.append(str(EMAIL_STATES.get(email_state, EMAIL_STATES["queued"])) % {"n": reach.emailed})
    if not reach.emailed and not reach.personal:
        parts.append(_("Không gửi thư điện tử nào: chưa đơn vị nào có địa chỉ thư."))
    elif reach.without_address:
        parts.append(_("%(n)s đơn vị chưa có địa chỉ thư: %(names)s.") % {
            "n": len(reach.without_address), "names": _names(reach.without_address)})
    return " ".join(parts)


def _tell_launch(request, added: list[int], state: str) -> None:
    reach = services.reach(added)
    level = messages.warning if reach.emailed and state in ("waiting", "failed") else messages.success
    level(request, launch_message(reach, state))


@login_required
@require_http_methods(["GET", "POST"])
def campaign_launch(request, code: str):
    """Phát động (draft) or phát động thêm (running): choose units and/or whole clusters."""
    campaign = _campaign(request, code)
    _require_board(request)
    if campaign.status not in {CampaignStatus.DRAFT, *services.REGISTRATION_OPEN}:
        raise PermissionDenied(_("Phong trào đã tổng kết: không phát động thêm được."))
    day = campaign.launch_date or campaign.start_date
    form = AudienceForm(request.POST or None, day=day, initial={"expected_status": campaign.status})
    if request.method == "POST" and form.is_valid():
        units, clusters = form.cleaned_data["units"], form.cleaned_data["clusters"]
        before = services.last_outbox_pk()
        try:
            if campaign.status == CampaignStatus.DRAFT:
                campaign = services.launch(campaign, request.user, units, clusters, note=form.cleaned_data["note"],
                                           expected_status=form.cleaned_data["expected_status"] or None)
                added = list(campaign.audience.values_list("unit_id", flat=True))
            else:
                added = services.extend_audience(campaign, request.user, units, clusters)
        except workflow.Conflict as exc:
            messages.warning(request, exc.message)
            return redirect("campaigns:detail", campaign.code)
        except workflow.NotAllowed as exc:
            form.add_error(None, exc.message)
        else:
            _tell_launch(request, added, services.launch_emails_state(campaign, before))
            return redirect("campaigns:detail", campaign.code)
    audience = list(campaign.audience.select_related("unit", "via_cluster"))
    return render(request, "campaigns/launch.html", {"campaign": campaign, "form": form, "audience": audience,
                                                     "year": services.campaign_year(campaign)},
                  status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def campaign_move(request, code: str, action: str):
    campaign = _campaign(request, code)
    move = workflow.MOVES.get(action)
    if move is None or move.form:
        raise Http404
    if not request.user.has_role(*move.roles):
        raise PermissionDenied(_("Chỉ cán bộ Ban Thi đua - Khen thưởng mới thực hiện được \"%(action)s\".") % {
            "action": move.label})
    try:
        workflow.transition(campaign, action, request.user, note=request.POST.get("note", ""),
                            expected_status=request.POST.get("expected_status") or None)
    except workflow.Conflict as exc:
        messages.warning(request, exc.message)
    except workflow.NotAllowed as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã thực hiện \"%(action)s\".") % {"action": move.label})
    return redirect("campaigns:detail", campaign.code)


@login_required
@require_http_methods(["GET", "POST"])
def campaign_close(request, code: str):
    """Tổng kết: the summary is computed and stored, the nomination round opens."""
    campaign = _campaign(request, code)
    _require_board(request)
    allowed, reason = workflow.can(request.user, "close", campaign)
    if not allowed:
        raise PermissionDenied(reason)
    today = timezone.localdate()
    form = CloseForm(request.POST or None, initial={
        "closed_on": today, "nomination_open_from": today,
        "nomination_open_until": today + datetime.timedelta(days=services.NOMINATION_ROUND_DAYS),
        "expected_status": campaign.status})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.close_campaign(campaign, request.user, note=data["note"],
                                    expected_status=data["expected_status"] or None, closed_on=data["closed_on"],
                                    nomination_open_from=data["nomination_open_from"],
                                    nomination_open_until=data["nomination_open_until"])
        except workflow.Conflict as exc:
            messages.warning(request, exc.message)
            return redirect("campaigns:detail", campaign.code)
        except workflow.NotAllowed as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã tổng kết phong trào và mở đợt nhận hồ sơ khen thưởng."))
            return redirect("campaigns:detail", campaign.code)
    figures = selectors.summary_figures(campaign, today)
    return render(request, "campaigns/close.html", {
        "campaign": campaign, "form": form, "figures": figures,
        "preview": selectors.summary_sentence(campaign, figures, today)},
        status=400 if request.method == "POST" else 200)


@login_required
@require_http_methods(["GET", "POST"])
def campaign_register(request, code: str):
    """Đăng ký thi đua for the officer's own unit (the unit is never taken from the form)."""
    campaign = _campaign(request, code)
    allowed, reason = services.can_register(request.user, campaign)
    if not allowed:
        raise PermissionDenied(reason)
    existing = services.registration_of(campaign, request.user.unit_id)
    day = timezone.localdate()
    initial = {}
    if existing is not None:
        initial = {"commitments": existing.commitments, "target_titles": list(existing.target_titles.all())}
    form = RegistrationForm(request.POST or None, day=day, initial=initial)
    own = OwnTargetFormSet(request.POST or None, prefix="own")
    if request.method == "POST" and form.is_valid() and own.is_valid():
        rows = [{"indicator": f.cleaned_data["indicator"], "unit_of_measure": f.cleaned_data["unit_of_measure"],
                 "target_value": f.cleaned_data.get("target_value")}
                for f in own.forms if f.cleaned_data.get("indicator")]
        services.register(campaign, request.user, form.cleaned_data["commitments"],
                          form.cleaned_data["target_titles"], rows)
        messages.success(request, _("Đã đăng ký thi đua cho %(unit)s.") % {"unit": request.user.unit.name})
        return redirect("campaigns:detail", campaign.code)
    own_targets = list(campaign.targets.filter(unit_id=request.user.unit_id))
    return render(request, "campaigns/register.html", {
        "campaign": campaign, "form": form, "own": own, "existing": existing, "own_targets": own_targets},
        status=400 if request.method == "POST" else 200)


@login_required
@require_http_methods(["GET", "POST"])
def campaign_report(request, code: str):
    """Báo cáo kết quả for the officer's own unit, on a province-wide target or one of its own."""
    campaign = _campaign(request, code)
    allowed, reason = services.can_report(request.user, campaign)
    if not allowed:
        raise PermissionDenied(reason)
    targets = services.reportable_targets(campaign, request.user.unit_id)
    today = timezone.localdate()
    ended = campaign.end_date is not None and today >= campaign.end_date
    initial = {"period": ReportPeriod.FINAL if ended else ReportPeriod.INTERIM,
               "as_of": min(today, campaign.end_date) if campaign.end_date else today}
    form = ReportForm(request.POST or None, request.FILES or None, campaign=campaign, targets=targets,
                      initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report = services.submit_report(campaign, request.user, target=data["target"], period=data["period"],
                                            as_of=data["as_of"], value=data["value"], note=data["note"],
                                            evidence=data.get("evidence"))
        except uploads.UploadRejected as exc:
            form.add_error("evidence", exc.message)
        except workflow.NotAllowed as exc:
            form.add_error(None, exc.message)
        else:
            if report.is_late:
                messages.warning(request, _("Đã ghi nhận báo cáo; báo cáo nộp sau hạn %(day)s nên được đánh dấu nộp "
                                            "muộn.") % {"day": rules.deadline_for(campaign, report.period)
                                                        .strftime("%d/%m/%Y")})
            else:
                messages.success(request, _("Đã ghi nhận báo cáo kết quả."))
            return redirect("campaigns:report", campaign.code)
    reports = list(TargetReport.objects.filter(campaign=campaign, unit_id=request.user.unit_id)
                   .select_related("target").order_by("target_id", "period"))
    return render(request, "campaigns/report.html", {"campaign": campaign, "form": form, "reports": reports},
                  status=400 if request.method == "POST" else 200)


@login_required
@require_GET
def campaign_reports(request, code: str):
    """Staff (and leadership, reading): audience units x reporting periods, with counts."""
    campaign = _campaign(request, code)
    if not (services.is_board(request.user) or request.user.is_province_leader):
        raise PermissionDenied(_("Chỉ Ban Thi đua - Khen thưởng và lãnh đạo xem được tình hình báo cáo."))
    today = timezone.localdate()
    rows, counts = selectors.report_matrix(campaign, today)
    return render(request, "campaigns/reports.html", {
        "campaign": campaign, "rows": rows, "counts": counts, "periods": ReportPeriod.choices, "today": today,
        "deadlines": {ReportPeriod.INTERIM: campaign.interim_report_deadline,
                      ReportPeriod.FINAL: campaign.final_report_deadline},
        "reports": list(TargetReport.objects.filter(campaign=campaign).select_related("unit", "target")
                        .order_by("unit__name", "target_id", "period"))})


def _download(field_file, name: str, content_type: str):
    try:
        handle = field_file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_GET
def evidence_download(request, code: str, pk: int):
    """A report's evidence: for the reporting unit's officer, board staff and leadership; others 404."""
    campaign = _campaign(request, code)
    reports = TargetReport.objects.filter(campaign=campaign).exclude(evidence="")
    user = request.user
    if not (services.is_board(user) or user.is_province_leader):
        reports = reports.filter(unit_id=user.unit_id) if user.reads_own_unit else reports.none()
    report = get_object_or_404(reports, pk=pk)
    return _download(report.evidence, report.evidence_name, report.evidence_type)


@login_required
@require_GET
def document_download(request, code: str, pk: int):
    campaign = _campaign(request, code)
    document = get_object_or_404(CampaignDocument, campaign=campaign, pk=pk)
    return _download(document.file, document.original_name, document.content_type)
