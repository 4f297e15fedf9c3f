"""Decision pages: prepare from approved nominations, edit the draft's texts, render documents (status
polled with htmx), publish, cancel, revoke; the public list of published decisions."""

from __future__ import annotations

import datetime
import re

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from awards.core import outbox, permissions
from awards.decisions import access, issuing, oversight, signing_views, submissions
from awards.decisions import services as decisions
from awards.documents import blank_pdf, board_submission, wording
from awards.documents import services as documents
from awards.dossiers import workflow
from awards.dossiers.access import dossier_in_scope
from awards.models import (
    Decision,
    DecisionDocument,
    DecisionLine,
    DecisionState,
    DocumentKind,
    DocumentStatus,
    IssuingBody,
    Nomination,
    Rounding,
    Signer,
)
from units.hygiene import CleanTextMixin
from units.models import ReadKind
from units.search import accent_insensitive_q
from units.security.read_log import record_read


def _decision(request, pk: int) -> Decision:
    queryset = access.visible_decisions(request.user).select_related("award_type", "signer", "body__unit")
    return get_object_or_404(queryset, pk=pk)


def _require(answer: tuple[bool, str]) -> None:
    allowed, reason = answer
    if not allowed:
        raise PermissionDenied(reason)


def _body_to_draft(request) -> IssuingBody:
    """The body whose decision the user drafts: ``?body=`` when given (one of his), else his first."""
    mine = access.drafting_bodies(request.user)
    wanted = request.GET.get("body", "")
    if wanted.isdigit():
        body = get_object_or_404(IssuingBody.objects.select_related("unit"), pk=int(wanted))
        _require(access.can_draft(request.user, body))
        return body
    if not mine:
        raise PermissionDenied(_("Chỉ cán bộ Ban Thi đua - Khen thưởng và cán bộ thi đua - khen thưởng của đơn vị có "
                                 "thẩm quyền khen thưởng mới soạn quyết định."))
    return mine[0]


def document_kinds(decision: Decision) -> list[tuple[str, str]]:
    """What a decision renders: the Board's tờ trình accompanies only the province's decisions."""
    if decision.body.is_province:
        return list(DocumentKind.choices)
    return [(kind, label) for kind, label in DocumentKind.choices if kind != DocumentKind.SUBMISSION]


class PrepareForm(CleanTextMixin, forms.Form):
    decided_on = forms.DateField(label=gettext_lazy("Ngày ký"), widget=forms.DateInput(attrs={"type": "date"}),
                                 input_formats=["%Y-%m-%d", "%d/%m/%Y"])
    signer = forms.ModelChoiceField(label=gettext_lazy("Người ký"), queryset=Signer.objects.none())
    reason = forms.CharField(label=gettext_lazy("Lý do khen thưởng"), max_length=500,
                             initial="đã có thành tích xuất sắc")
    bonus_enabled = forms.BooleanField(label=gettext_lazy("Có điều khoản tiền thưởng"), required=False, initial=True)
    rounding = forms.ChoiceField(label=gettext_lazy("Làm tròn tiền thưởng"), choices=Rounding.choices,
                                 initial=Rounding.NONE)

    def __init__(self, *args, body: IssuingBody, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signer"].queryset = Signer.objects.filter(body=body)


class TextsForm(CleanTextMixin, forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["subject", "legal_bases", "proposals", "reason", "executors", "recipients", "submission_number",
                  "submission_date"]
        widgets = {**{name: forms.Textarea(attrs={"rows": 3}) for name in
                      ["legal_bases", "proposals", "reason", "executors", "recipients"]},
                   "submission_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def clean_submission_date(self):
        day = self.cleaned_data.get("submission_date")
        problem = submissions.date_problem(self.instance, day)
        if problem:
            raise forms.ValidationError(problem)
        return day


@login_required
@require_GET
def decision_list(request):
    visible = access.visible_decisions(request.user)
    queryset = visible.select_related("award_type", "signer", "body").annotate(
        line_count=Count("lines", filter=Q(lines__active=True)))
    state = request.GET.get("state", "")
    if state in DecisionState.values:
        queryset = queryset.filter(state=state)
    year = request.GET.get("year", "")
    if year.isdigit():
        queryset = queryset.filter(year=int(year))
    body = request.GET.get("body", "")
    if body.isdigit():
        queryset = queryset.filter(body_id=int(body))
    page = Paginator(queryset.order_by("-decided_on", "-number"), 25).get_page(request.GET.get("page"))
    bodies = IssuingBody.objects.filter(pk__in=visible.values("body_id")).order_by("kind", "head_title")
    return render(request, "awards/decisions/list.html", {
        "page": page, "state": state, "year": year, "states": DecisionState.choices, "body": body,
        "bodies": bodies, "drafting": access.drafting_bodies(request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def prepare(request):
    body = _body_to_draft(request)
    today = timezone.localdate()
    form = PrepareForm(request.POST or None, body=body,
                       initial={"decided_on": today, "signer": decisions.signer_on(today, body=body)})
    if request.method == "POST" and form.is_valid():
        ids = [int(i) for i in request.POST.getlist("nominations") if i.isdigit()]
        chosen = list(Nomination.objects.filter(pk__in=ids).select_related(
            "award_type", "dossier__unit", "person__unit", "unit", "household"))
        try:
            decision = decisions.draft_decision(
                chosen, request.user, form.cleaned_data["decided_on"], form.cleaned_data["signer"],
                form.cleaned_data["reason"], form.cleaned_data["bonus_enabled"], form.cleaned_data["rounding"],
                body=body)
        except decisions.DecisionError as exc:
            form.add_error(None, exc.message)
        except Exception as exc:  # e.g. no base salary for that date
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Đã lập dự thảo quyết định số %(code)s.") % {"code": decision.code})
            return redirect("awards:decision", decision.pk)
    return render(request, "awards/decisions/prepare.html", {
        "form": form, "groups": decisions.ready_by_award_type(body), "body": body,
        "chosen": {int(i) for i in request.POST.getlist("nominations") if i.isdigit()}})


@login_required
@require_GET
def decision_detail(request, pk):
    decision = _decision(request, pk)
    lines = list(decision.lines.filter(active=True).select_related("nomination__dossier"))
    kinds = document_kinds(decision)
    docs = {kind: documents.latest(decision, kind) for kind, _label in kinds}
    user = request.user
    signing = signing_views.panel(decision, user)
    response = render(request, "awards/decisions/detail.html", {
        "decision": decision, "lines": lines, "docs": docs, "kinds": kinds, "polling": _polling(docs),
        "queue_waiting": _queue_waiting(docs),
        "can_edit": access.can_edit(user, decision)[0], "can_publish": access.can_publish(user, decision),
        "can_cancel": access.can_cancel(user, decision)[0], "can_oversee": access.can_oversee(user, decision)[0],
        "signing": signing,
        "rounds": [] if decision.body.is_province else permissions.visible_dossiers(user).filter(
            nominations__decision_lines__decision=decision).distinct().select_related("unit").order_by("unit__name"),
        "article_one": wording.article_one(decision), "bonus_article": wording.bonus_article(decision),
        "bases": [b for b in decision.legal_bases.splitlines() if b.strip()],
        "proposals": wording.fill_submission(decision.proposals, decision),
        "recipients": [r for r in decision.recipients.splitlines() if r.strip()],
        "history_links": permissions.is_staff(user) or user.is_province_leader,
        "is_staff": permissions.is_staff(user),
        "texts_form": TextsForm(instance=decision) if decision.state == DecisionState.DRAFT else None,
        "award_count": decision.awards.count(),
        "blanks": blank_pdf.calibrations_for(decision) if permissions.is_staff(request.user) else [],
        "blank_batches": blank_pdf.batches(len(lines)),
        "publish_problem": board_submission.missing(decision) if decision.state == DecisionState.DRAFT else "",
    })
    return signing_views.allow_plugin(response, signing)


@login_required
@require_POST
def edit_texts(request, pk):
    decision = _decision(request, pk)
    _require(access.can_edit(request.user, decision))
    if decision.state != DecisionState.DRAFT:
        messages.error(request, _("Chỉ sửa được quyết định còn là dự thảo."))
        return redirect("awards:decision", decision.pk)
    form = TextsForm(request.POST, instance=decision)
    if form.is_valid():
        updated = form.save(commit=False)
        updated.content_version = decision.content_version + 1
        updated.save()
        messages.success(request, _("Đã lưu nội dung dự thảo; tệp PDF cần tạo lại."))
        return redirect("awards:decision", decision.pk)
    messages.error(request, _("Nội dung chưa hợp lệ; hãy kiểm tra các ô bắt buộc."))
    return redirect("awards:decision", decision.pk)


@login_required
@require_POST
def render_documents(request, pk):
    decision = _decision(request, pk)
    _require(access.can_edit(request.user, decision))
    for kind, _label in document_kinds(decision):
        documents.request_document(decision, kind)
    # No flash message: the documents table says "Đang tạo các tệp PDF…" while it polls, and stops saying it once the
    # files are listed.
    return redirect("awards:decision", decision.pk)


@login_required
@require_GET
def document_status(request, pk):
    """htmx fragment polled while a render is pending."""
    decision = _decision(request, pk)
    kinds = document_kinds(decision)
    docs = {kind: documents.latest(decision, kind) for kind, _label in kinds}
    return render(request, "awards/decisions/_documents.html",
                  {"decision": decision, "docs": docs, "kinds": kinds, "polling": _polling(docs),
                   "queue_waiting": _queue_waiting(docs)})


def _queue_waiting(docs: dict) -> bool:
    return outbox.waiting_for([f"decision_document:{doc.pk}" for doc in docs.values() if doc is not None])


def _polling(docs: dict) -> bool:
    return any(doc and doc.status in (DocumentStatus.PENDING, DocumentStatus.RENDERING) for doc in docs.values())


@login_required
@require_GET
def document_download(request, pk, doc_id):
    decision = _decision(request, pk)
    document = get_object_or_404(DecisionDocument, pk=doc_id, decision=decision, status=DocumentStatus.DONE)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    name = f"{decision.code.replace('/', '-')}-{document.kind}-v{document.version}.pdf"
    record_read(request, ReadKind.DOCUMENT,
                subject=f"{decision.code}: {document.get_kind_display()} (v{document.version})")
    return FileResponse(handle, as_attachment=True, filename=name, content_type="application/pdf")


@login_required
@require_POST
def publish(request, pk):
    decision = _decision(request, pk)
    _require(access.can_publish(request.user, decision))
    if request.POST.get("confirm") != "1":
        messages.error(request, _("Hãy đánh dấu xác nhận trước khi ban hành."))
        return redirect("awards:decision", decision.pk)
    try:  # issuing is publishing: this completes an issue whose signatures are all made (awards.decisions.issuing)
        count = issuing.complete_issue(decision, request.user)
    except decisions.DecisionError as exc:
        messages.error(request, exc.message)
    else:
        documents.request_document(Decision.objects.get(pk=decision.pk), DocumentKind.DECISION)
        messages.success(request, _("Đã ban hành quyết định %(code)s; đã ghi %(n)s khen thưởng vào sổ.") % {
            "code": decision.code, "n": count})
    return redirect("awards:decision", decision.pk)


@login_required
@require_POST
def close(request, pk, action):
    decision = _decision(request, pk)
    rule = {"cancel": access.can_cancel, "revoke": access.can_revoke, "return": access.can_oversee}.get(action)
    if rule is None:
        raise Http404
    _require(rule(request.user, decision))
    reason = request.POST.get("reason", "")
    try:
        if action == "return":
            returned = oversight.return_decision(decision, reason, request.user)
            messages.success(request, _("Đã trả lại dự thảo %(code)s (đã hủy, số không dùng lại) và %(n)s hồ sơ cho "
                                        "đơn vị: %(refs)s.") % {"code": decision.code, "n": len(returned),
                                                               "refs": ", ".join(returned) or "—"})
        elif action == "cancel":
            decisions.cancel_draft(decision, reason, request.user)
            messages.success(request, _("Đã hủy dự thảo; số %(code)s được ghi nhận là đã hủy, không dùng lại.") % {
                "code": decision.code})
        elif action == "revoke":
            count = decisions.revoke(decision, reason, request.user)
            messages.success(request, _("Đã thu hồi quyết định %(code)s; %(n)s khen thưởng được đánh dấu thu hồi.")
                             % {"code": decision.code, "n": count})
    except decisions.DecisionError as exc:
        messages.error(request, exc.message)
    return redirect("awards:decision", decision.pk)


@login_required
@require_POST
def round_return(request, reference):
    """The Board returns a unit's round with a reason (oversight): drafts holding it are cancelled first."""
    dossier = dossier_in_scope(request, reference)
    if not dossier.is_round:
        raise Http404
    if not permissions.is_staff(request.user):
        raise PermissionDenied(_("Chỉ cán bộ Ban Thi đua - Khen thưởng mới trả lại theo chế độ giám sát."))
    try:
        cancelled = oversight.return_round(dossier, request.POST.get("note", ""), request.user)
    except (decisions.DecisionError, workflow.WorkflowError) as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã trả lại hồ sơ %(ref)s cho %(unit)s.") % {
            "ref": dossier.reference, "unit": dossier.unit.name}
            + (" " + _("Đã hủy dự thảo %(codes)s.") % {"codes": ", ".join(cancelled)} if cancelled else ""))
    return redirect("awards:dossier", dossier.reference)


@require_GET
def public_list(request):
    """The province portal's list of published decisions: names and positions only, no personal data."""
    queryset = (Decision.objects.filter(state=DecisionState.PUBLISHED).select_related("award_type")
                .annotate(collectives=Count("lines", filter=Q(lines__active=True, lines__recipient_kind="tap_the")),
                          individuals=Count("lines", filter=Q(lines__active=True, lines__recipient_kind="ca_nhan")),
                          households=Count("lines", filter=Q(lines__active=True,
                                                             lines__recipient_kind="ho_gia_dinh")))
                .order_by("-decided_on", "-number"))
    published = Decision.objects.filter(state=DecisionState.PUBLISHED)
    years = sorted({d.year for d in published.dates("decided_on", "year")}, reverse=True)
    year = request.GET.get("year", "")
    if year.isdigit():
        queryset = queryset.filter(decided_on__year=int(year))
    query = request.GET.get("q", "").strip()[:100]
    if query:  # a name in the list, the number ("163/QĐ-UBND" or "163"), the award; accents and case ignored
        condition = accent_insensitive_q(["subject", "award_type__name"], query) | Q(
            pk__in=DecisionLine.objects.filter(accent_insensitive_q(["recipient_name"], query), active=True)
            .values("decision_id"))
        number = re.match(r"^\s*(\d{1,5})\s*(?:/\s*(\S+))?\s*$", query)
        if number:
            condition |= Q(number=int(number.group(1)), **({"symbol__iexact": number.group(2)} if number.group(2)
                                                              else {}))
        queryset = queryset.filter(condition)
    page = Paginator(queryset, 20).get_page(request.GET.get("page"))
    for decision in page:
        decision.sentence = wording.portal_sentence(decision, decision.collectives, decision.individuals,
                                                      decision.households)
    return render(request, "awards/decisions/public_list.html", {"page": page, "year": year, "years": years,
                                                                 "q": query})


@require_GET
def public_detail(request, pk):
    decision = get_object_or_404(Decision.objects.select_related("award_type"), pk=pk,
                                 state=DecisionState.PUBLISHED)
    lines = decision.lines.filter(active=True).only("recipient_kind", "recipient_name", "honorific", "detail")
    return render(request, "awards/decisions/public_detail.html", {"decision": decision, "lines": lines,
                                                                   "today": datetime.date.today()})
