"""The keeper's page for a bank (or treasury) statement of paid bonuses: upload the .xlsx or .csv, every problem by
row and column, or the vouchers recorded (``awards.fund.bank_import``)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from awards.core import sheets
from awards.fund import bank_import
from awards.fund.views import _back, _fund
from units.hygiene import CleanTextMixin


class StatementForm(CleanTextMixin, forms.Form):
    file = forms.FileField(label=gettext_lazy("Sao kê của ngân hàng, kho bạc (.xlsx hoặc .csv)"))


@login_required
@require_http_methods(["GET", "POST"])
def bank_statement(request, pk):
    fund = _fund(request, pk)
    form = StatementForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            data = sheets.read_bytes(upload)
        except sheets.Refused as refused:
            form.add_error("file", refused.message)
        else:
            report = bank_import.import_statement(fund, data, request.user, upload.name[:150])
            if report.ok:
                messages.success(request, _("Đã ghi %(n)s chứng từ chi, %(lines)s khoản, tổng %(total)s đồng từ sao "
                                            "kê.") % {"n": len(report.vouchers),
                                                      "lines": sum(c for _n, c, _t in report.vouchers),
                                                      "total": f"{int(report.total):,}".replace(",", ".")})
                return redirect(_back(fund))
    return render(request, "fund/bank_statement.html", {
        "fund": fund, "form": form, "report": report, "back": _back(fund),
        "columns": bank_import.LABELS}, status=400 if request.method == "POST" else 200)
