"""The fund's pages: the year's report (``/fund/?body=&year=&on=``, page, PDF, Excel) with the keeper's forms
(opening balance, allocations, campaign spending, corrections), and a decision's bonuses (its payment list as PDF
and Excel, recording a payment, a correction, money recovered). Out of scope: 403 with the reason."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from awards.fund import access, exports, ledger, payments, selectors
from awards.models import CASH_IN, CASH_OUT, Decision, EntryKind, Fund, FundEntry, FundLine, IssuingBody, LineStatus
from units.hygiene import CleanTextMixin

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _require(answer: tuple[bool, str]) -> None:
    allowed, reason = answer
    if not allowed:
        raise PermissionDenied(reason)


class EntryForm(CleanTextMixin, forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Loại"), choices=[
        (EntryKind.ESTIMATE, EntryKind.ESTIMATE.label), (EntryKind.SUPPLEMENT, EntryKind.SUPPLEMENT.label),
        (EntryKind.CAMPAIGN, EntryKind.CAMPAIGN.label)])
    amount = forms.DecimalField(label=gettext_lazy("Số tiền (đồng)"), max_digits=18, decimal_places=0, min_value=1)
    day = forms.DateField(label=gettext_lazy("Ngày ghi sổ"), widget=forms.DateInput(attrs={"type": "date"}))
    document_number = forms.CharField(label=gettext_lazy("Số văn bản, chứng từ"), max_length=100, required=False)
    document_date = forms.DateField(label=gettext_lazy("Ngày văn bản"), required=False,
                                    widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=gettext_lazy("Nội dung"), max_length=500, required=False)
    confirm = forms.BooleanField(label=gettext_lazy("Tôi đã xem mức giới hạn và vẫn ghi"), required=False)


class OpeningForm(CleanTextMixin, forms.Form):
    opening_balance = forms.DecimalField(label=gettext_lazy("Số dư đầu năm (đồng)"), max_digits=18,
                                         decimal_places=0, min_value=0)
    opening_note = forms.CharField(label=gettext_lazy("Căn cứ"), max_length=300, required=False)
    formation_base = forms.DecimalField(label=gettext_lazy("Cơ sở tính mức trích của năm (đồng)"), max_digits=18,
                                        decimal_places=0, min_value=0, required=False)


def _year(value: str, default: int) -> int:
    return int(value) if value.isdigit() and 1990 <= int(value) <= 2100 else default


def _day(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _chosen(request) -> tuple[IssuingBody, int, list[IssuingBody]]:
    bodies = access.readable_bodies(request.user)
    wanted = request.GET.get("body", "")
    if wanted.isdigit():
        body = get_object_or_404(IssuingBody.objects.select_related("unit"), pk=int(wanted))
        _require(access.can_read(request.user, body))
    elif bodies:
        body = bodies[0]
    else:
        raise PermissionDenied(_("Bạn không có quyền xem quỹ thi đua, khen thưởng."))
    latest = Fund.objects.filter(body=body).order_by("-year").values_list("year", flat=True).first()
    return body, _year(request.GET.get("year", ""), latest or timezone.localdate().year), bodies


def _report(request):
    body, year, bodies = _chosen(request)
    fund = Fund.objects.filter(body=body, year=year).select_related("body").first()
    on = _day(request.GET.get("on", ""))
    return body, year, bodies, fund, (selectors.year_report(fund, on) if fund else None)


@login_required
@require_GET
def report(request):
    body, year, bodies, fund, year_report = _report(request)
    keeps = access.can_keep(request.user, body)[0]
    rule = ledger.rule_on(datetime.date(year, 12, 31))
    on = request.GET.get("on", "")
    return render(request, "fund/report.html", {
        "body": body, "year": year, "bodies": bodies, "fund": fund, "report": year_report, "keeps": keeps,
        "rule": rule, "on": on,
        "entry_form": EntryForm(initial={"day": min(timezone.localdate(), datetime.date(year, 12, 31))})
        if keeps else None,
        "opening_form": OpeningForm(initial={"opening_balance": fund.opening_balance if fund else 0,
                                             "opening_note": fund.opening_note if fund else "",
                                             "formation_base": fund.formation_base if fund else None})
        if keeps and not (fund and fund.entries.filter(kind__in=[*CASH_IN, *CASH_OUT]).exists()) else None,
        "query": urlencode({"body": body.pk, "year": year, **({"on": on} if _day(on) else {})}),
    })


def _file(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_GET
def report_pdf(request):
    _body, year, _bodies, _fund, year_report = _report(request)
    if year_report is None:
        raise Http404(_("Chưa có sổ quỹ của năm này."))
    return _file(exports.report_pdf(year_report), "application/pdf", f"quy-tdkt-{year}.pdf")


@login_required
@require_GET
def report_xlsx(request):
    _body, year, _bodies, _fund, year_report = _report(request)
    if year_report is None:
        raise Http404(_("Chưa có sổ quỹ của năm này."))
    return _file(exports.report_xlsx(year_report), XLSX, f"quy-tdkt-{year}.xlsx")


def _fund(request, pk: int, keep: bool = True) -> Fund:
    fund = get_object_or_404(Fund.objects.select_related("body__unit"), pk=pk)
    _require((access.can_keep if keep else access.can_read)(request.user, fund.body))
    return fund


def _back(fund: Fund) -> str:
    return f"{reverse('fund:report')}?body={fund.body_id}&year={fund.year}"


@login_required
@require_POST
def opening(request, pk):
    fund = _fund(request, pk)
    form = OpeningForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Số dư đầu năm không hợp lệ."))
        return redirect(_back(fund))
    try:
        ledger.set_opening(fund, form.cleaned_data["opening_balance"], form.cleaned_data["opening_note"],
                           form.cleaned_data["formation_base"])
        messages.success(request, _("Đã ghi số dư đầu năm."))
    except ledger.FundError as error:
        messages.error(request, str(error))
    return redirect(_back(fund))


@login_required
@require_POST
def open_fund(request):
    """Open a body's fund of a year (before its first decision commits to it)."""
    body = get_object_or_404(IssuingBody, pk=request.POST.get("body", "0") if request.POST.get(
        "body", "").isdigit() else 0)
    _require(access.can_keep(request.user, body))
    fund = ledger.fund_for(body, _year(request.POST.get("year", ""), timezone.localdate().year))
    return redirect(_back(fund))


@login_required
@require_POST
def add_entry(request, pk):
    fund = _fund(request, pk)
    form = EntryForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Chưa ghi được: %(errors)s") % {"errors": "; ".join(
            f"{form.fields[name].label}: {' '.join(errs)}" for name, errs in form.errors.items())})
        return redirect(_back(fund))
    data = form.cleaned_data
    try:
        ledger.add_entry(fund, data["kind"], data["amount"], data["day"], request.user,
                         document_number=data["document_number"], document_date=data["document_date"],
                         note=data["note"], confirm=data["confirm"])
        messages.success(request, _("Đã ghi vào sổ quỹ."))
    except ledger.NeedsConfirmation as question:
        messages.warning(request, _("Chưa ghi: %(problem)s Đánh dấu “Tôi đã xem mức giới hạn và vẫn ghi” để ghi.") % {
            "problem": question})
    except ledger.FundError as error:
        messages.error(request, str(error))
    return redirect(_back(fund))


@login_required
@require_POST
def correct(request, pk, entry_id):
    fund = _fund(request, pk)
    entry = get_object_or_404(FundEntry, pk=entry_id, fund=fund)
    try:
        if entry.kind == EntryKind.PAYMENT:
            payments.correct_payment(entry, request.POST.get("reason", ""), request.user)
        else:
            ledger.correct_entry(entry, request.POST.get("reason", ""), request.user)
        messages.success(request, _("Đã ghi bút toán điều chỉnh."))
    except ledger.FundError as error:
        messages.error(request, str(error))
    if entry.line_id:
        return redirect("fund:decision", entry.line.decision_id)
    return redirect(_back(fund))


# --- a decision's bonuses ---------------------------------------------------------------------------

def _decision(request, pk: int) -> tuple[Decision, selectors.PaymentList]:
    decision = get_object_or_404(Decision.objects.select_related("body__unit", "award_type"), pk=pk)
    _require(access.can_read(request.user, decision.body))
    return decision, selectors.payment_list(decision)


@login_required
@require_GET
def decision(request, pk):
    decision, plist = _decision(request, pk)
    lines = list(FundLine.objects.filter(decision=decision).select_related("receiving_unit").order_by(
        "position", "pk"))
    entries = list(FundEntry.objects.filter(line__decision=decision, kind__in=[
        EntryKind.PAYMENT, EntryKind.RECOVERY]).select_related("line", "voucher", "correction").order_by("day", "pk"))
    return render(request, "fund/decision.html", {
        "decision": decision, "plist": plist, "lines": lines, "entries": entries,
        "keeps": access.can_keep(request.user, decision.body)[0],
        "today": min(timezone.localdate(), datetime.date(decision.year, 12, 31)),
        "payable": [line for line in lines if line.status == LineStatus.OPEN],
        "to_recover": [line for line in lines if line.status == LineStatus.RECOVERY],
    })


@login_required
@require_GET
def payment_list_pdf(request, pk):
    decision, plist = _decision(request, pk)
    if not plist.lines:
        raise Http404(_("Quyết định không có tiền thưởng chi từ quỹ."))
    return _file(exports.payment_list_pdf(plist), "application/pdf", f"bang-ke-chi-thuong-{decision.pk}.pdf")


@login_required
@require_GET
def payment_list_xlsx(request, pk):
    decision, plist = _decision(request, pk)
    if not plist.lines:
        raise Http404(_("Quyết định không có tiền thưởng chi từ quỹ."))
    return _file(exports.payment_list_xlsx(plist), XLSX, f"bang-ke-chi-thuong-{decision.pk}.xlsx")


def _amount(text: str) -> Decimal | None:
    text = (text or "").replace(".", "").replace(",", "").replace(" ", "")
    if not text:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ledger.FundError(_("Số tiền không hợp lệ: %(text)s.") % {"text": text}) from None


@login_required
@require_POST
def pay(request, pk):
    decision, plist = _decision(request, pk)
    _require(access.can_keep(request.user, decision.body))
    if plist.fund is None:
        raise Http404(_("Quyết định không có tiền thưởng chi từ quỹ."))
    chosen = [int(value) for value in request.POST.getlist("line") if value.isdigit()]
    lines = {line.pk: line for line in FundLine.objects.filter(decision=decision, pk__in=chosen)}
    day = _day(request.POST.get("day", ""))
    try:
        if day is None:
            raise ledger.FundError(_("Cần ghi ngày chứng từ."))
        wanted = [(lines[pk], _amount(request.POST.get(f"amount_{pk}", ""))) for pk in chosen if pk in lines]
        voucher = payments.record_payment(plist.fund, request.POST.get("number", ""), day, wanted, request.user,
                                          request.POST.get("note", ""))
        messages.success(request, _("Đã ghi chứng từ %(number)s: %(count)s người, tập thể.") % {
            "number": voucher.number, "count": len(wanted)})
    except ledger.FundError as error:
        messages.error(request, str(error))
    return redirect("fund:decision", decision.pk)


@login_required
@require_POST
def recover(request, pk, line_id):
    decision, _plist = _decision(request, pk)
    _require(access.can_keep(request.user, decision.body))
    line = get_object_or_404(FundLine, pk=line_id, decision=decision)
    try:
        payments.record_recovery(line, _amount(request.POST.get("amount", "")) or line.to_recover,
                                 _day(request.POST.get("day", "")) or timezone.localdate(),
                                 request.POST.get("number", ""), request.user)
        messages.success(request, _("Đã ghi tiền thưởng thu hồi về quỹ."))
    except ledger.FundError as error:
        messages.error(request, str(error))
    return redirect("fund:decision", decision.pk)

