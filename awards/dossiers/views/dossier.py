"""One dossier: creating it (unit officer), its page, editing its particulars, and the workflow moves on it.

Views are thin: scoping comes from ``permissions``, every state change from ``workflow.transition``,
content rules from ``services``; refusals say why."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from awards.core import permissions, uploads
from awards.dossiers import outcomes, rounds, services, workflow
from awards.dossiers.access import dossier_in_scope, posted_version, require_edit
from awards.dossiers.forms import AttachmentForm, DossierForm
from awards.enums import DECIDED_ABOVE_PROVINCE, DossierState
from awards.models import Dossier, Nomination
from awards.record.eligibility.claims import evaluate_nominations, page_check, stored_for


@login_required
@require_http_methods(["GET", "POST"])
def dossier_create(request):
    allowed, reason = permissions.can_create(request.user)
    if not allowed:
        raise PermissionDenied(reason)
    initial = {"year": timezone.localdate().year - 1, "nomination_round": request.GET.get("round", "")}
    form = DossierForm(request.POST or None, unit=request.user.unit, initial=initial)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            dossier = form.save(commit=False)
            dossier.unit = request.user.unit
            dossier.created_by = request.user
            dossier.save()
            form.save_m2m()
            copied = rounds.copy_previous_year(dossier, request.user) if form.wants_previous_list else None
        messages.success(request, _("Đã tạo hồ sơ %(ref)s. Hãy thêm đề nghị và tài liệu, rồi gửi.") % {
            "ref": dossier.reference})
        if copied is not None:
            messages.info(request, _("Đã chép %(n)s đề nghị từ danh sách năm %(year)s; %(left)s đề nghị không chép "
                                     "được (đối tượng không còn thuộc đơn vị, hoặc danh hiệu không còn thuộc thẩm "
                                     "quyền).") % {"n": copied[0], "year": dossier.year - 1, "left": copied[1]})
        return redirect("awards:dossier", dossier.reference)
    return render(request, "awards/dossiers/form.html", {"form": form, "dossier": None})


@login_required
@require_http_methods(["GET", "POST"])
def dossier_edit(request, reference):
    dossier = dossier_in_scope(request, reference)
    require_edit(request, dossier)
    form = DossierForm(request.POST or None, instance=dossier, unit=dossier.unit)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                services.claim_edit(dossier, posted_version(request))
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
    dossier = dossier_in_scope(request, reference)
    return render(request, "awards/dossiers/detail.html", detail_context(request, dossier))


NOMINATIONS_PER_PAGE = 50
"""Rows of the dossier page's nominee table: the page costs the same queries and size for 10 or 20,000 nominees."""


def detail_context(request, dossier: Dossier, **extra) -> dict:
    """The dossier page: one page of nominees (``NOMINATIONS_PER_PAGE``, ``?page=``), their duplicates, prior awards
    and eligibility evaluated once, for the rows shown only; the submission guard reuses those results when the page
    shows every row, and is left to the submission itself otherwise (``claims.page_check``)."""
    user = request.user
    # The page's ids first (ordered within the dossier, read from the index (dossier, position, id)), then those
    # rows with their relations: the cost of one page whatever the list's length, and whatever the planner's
    # statistics say right after a big import (the model's ordering starts with the dossier's creation date: a
    # join and a sort of every nominee before the LIMIT).
    paginator = Paginator(dossier.nominations.order_by("position", "pk").values_list("pk", flat=True),
                          NOMINATIONS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    shown = list(page.object_list)
    rows = Nomination.objects.filter(pk__in=shown).select_related(
        "award_type", "person", "person__unit", "unit", "household", "verdict_by").in_bulk()
    nominations = [rows[pk] for pk in shown]
    for nomination in nominations:
        nomination.dossier = dossier
    results = evaluate_nominations(dossier, nominations)
    stored = stored_for(results)
    complete = paginator.num_pages <= 1
    can_edit, edit_reason = permissions.can_edit(user, dossier)
    is_staff = permissions.is_staff(user)
    with page_check(dossier, nominations, results, stored, complete):
        moves = workflow.available_moves(user, dossier)
    attachment_form = extra.pop("attachment_form", None) or (AttachmentForm(dossier=dossier) if can_edit else None)
    if attachment_form is not None and not attachment_form.is_bound:
        field = attachment_form.fields["nomination"]
        field.queryset = field.queryset.filter(pk__in=[n.pk for n in nominations])
    context = {
        "dossier": dossier,
        "nominations": nominations,
        "page": page,
        "nomination_count": paginator.count,
        "eligibility_deferred": not complete,
        "duplicates": services.duplicate_map(nominations),
        "duplicated_count": services.duplicated_count(dossier),
        "prior_awards": rounds.prior_awards(nominations),
        "unit_votes": list(dossier.unit_votes.prefetch_related("lines__nomination").order_by("held_on", "pk")),
        "basis_decisions": list(dossier.basis_decisions.select_related("body", "award_type")),
        "attachments": list(dossier.attachments.select_related("nomination", "uploaded_by")),
        "history": list(dossier.history.select_related("actor")),
        "revisions": list(dossier.revisions.only("pk", "number", "submitted_at", "dossier_id")),
        # The primary action first; withdrawing and returning ("outline-danger") after it.
        "moves": sorted(moves, key=lambda m: m[0].style.endswith("danger")),
        "can_edit": can_edit,
        "edit_reason": edit_reason,
        "is_staff": is_staff,
        "can_override": permissions.can_review(user, dossier)[0],
        "is_officer_view": permissions.is_own_unit_officer(user, dossier),
        "problems": services.completeness_problems(dossier) if can_edit else [],
        "attachment_form": attachment_form,
        "verdict_open": permissions.can_review(user, dossier)[0] and dossier.state == DossierState.RECEIVED,
        "can_forward": is_staff and dossier.state == DossierState.AWAITING_DECISION
        and dossier.authority in DECIDED_ABOVE_PROVINCE,
        "central_open": is_staff and dossier.state == DossierState.FORWARDED,
        "today": timezone.localdate(),
        "max_upload": uploads.format_limit(settings.ATTACHMENT_MAX_BYTES),
        "eligibility": {pk: {"result": result, "stored": stored.get(pk)} for pk, result in results.items()},
    }
    context["outcomes"] = outcomes.nomination_outcomes(dossier, nominations)
    context["progress"] = outcomes.progress([dossier]).get(dossier.pk)
    context.update(extra)
    return context


@login_required
@require_POST
def move(request, reference, action):
    dossier = dossier_in_scope(request, reference)
    rule = workflow.moves_for(dossier).get(action)
    if rule is None or rule.system or rule.form:  # a move with its own page is made there, with its data
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
