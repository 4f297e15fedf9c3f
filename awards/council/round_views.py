"""The page where the officer of a deciding body records its Hội đồng Thi đua - Khen thưởng's vote on a round (a
unit's own round, ``awards.council.unit_vote``). Out of scope: 404; not the body's officer, or the round not
waiting for its vote: 403 with the reason."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from awards.council import unit_vote
from awards.council.services import CouncilError
from awards.dossiers import workflow
from awards.dossiers.access import dossier_in_scope
from awards.models import Nomination
from units.hygiene import CleanTextMixin

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class UnitVoteForm(CleanTextMixin, forms.Form):
    held_on = forms.DateField(label=gettext_lazy("Ngày họp"), widget=DATE_INPUT, input_formats=["%Y-%m-%d", "%d/%m/%Y"])
    member_count = forms.IntegerField(label=gettext_lazy("Số thành viên Hội đồng"), min_value=1, max_value=999)
    present_count = forms.IntegerField(label=gettext_lazy("Số thành viên có mặt"), min_value=0, max_value=999)
    chair_name = forms.CharField(label=gettext_lazy("Chủ trì cuộc họp"), max_length=150)
    secretary_name = forms.CharField(label=gettext_lazy("Thư ký cuộc họp"), max_length=150)
    member_names = forms.CharField(label=gettext_lazy("Thành phần Hội đồng (mỗi dòng một người)"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, nominations: list[Nomination], **kwargs):
        super().__init__(*args, **kwargs)
        self.nominations = nominations
        for n in nominations:
            self.fields[f"yes_{n.pk}"] = forms.IntegerField(
                label=f"{n.recipient_name} - {n.award_type.name}", min_value=0, max_value=999,
                help_text=gettext_lazy("Số phiếu đồng ý (tối thiểu %(pct)s %% tổng số thành viên)") % {
                    "pct": n.award_type.vote_threshold_pct})

    def yes_counts(self) -> dict[int, int]:
        return {n.pk: self.cleaned_data[f"yes_{n.pk}"] for n in self.nominations}

    def yes_fields(self) -> list:
        return [self[f"yes_{n.pk}"] for n in self.nominations]


@login_required
@require_http_methods(["GET", "POST"])
def record_vote(request, reference):
    dossier = dossier_in_scope(request, reference)
    if not dossier.is_round:  # the province's council votes in its sessions (awards:council)
        raise Http404
    allowed, reason = workflow.can(request.user, "record_vote", dossier)
    if not allowed:
        raise PermissionDenied(reason)
    nominations = unit_vote.voting_nominations(dossier)
    form = UnitVoteForm(request.POST or None, nominations=nominations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            unit_vote.record_unit_vote(
                dossier, request.user, held_on=data["held_on"], member_count=data["member_count"],
                present_count=data["present_count"], chair_name=data["chair_name"],
                secretary_name=data["secretary_name"], member_names=data["member_names"],
                yes_counts=form.yes_counts())
        except (CouncilError, workflow.WorkflowError) as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã ghi kết quả họp Hội đồng Thi đua - Khen thưởng cho hồ sơ %(ref)s.") % {
                "ref": dossier.reference})
            return redirect("awards:dossier", dossier.reference)
    return render(request, "awards/council/unit_vote.html", {"dossier": dossier, "form": form,
                                                              "nominations": nominations})
