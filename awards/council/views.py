"""Council pages: sessions, the agenda, voting, written votes, voiding, closing and the minutes."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from awards.core import outbox, permissions
from awards.council import services as council
from awards.enums import SessionStatus, VoteChoice
from awards.models import AgendaItem, CouncilSession, Nomination, Vote
from units.hygiene import CleanTextMixin
from units.models import Role, User


def _visible_sessions(user: User):
    if permissions.is_staff(user) or user.is_province_leader:
        return CouncilSession.objects.all()
    if user.has_role(Role.COUNCIL_MEMBER):
        return CouncilSession.objects.filter(members=user)
    raise PermissionDenied(_("Chỉ thành viên Hội đồng, cán bộ Ban Thi đua - Khen thưởng và lãnh đạo xem được "
                             "các phiên họp."))


def _session(request, pk: int) -> CouncilSession:
    return get_object_or_404(_visible_sessions(request.user), pk=pk)


def _require_staff(request) -> None:
    if not permissions.is_staff(request.user):
        raise PermissionDenied(_("Chỉ cán bộ Ban Thi đua - Khen thưởng mới chuẩn bị và điều hành phiên họp."))


class SessionForm(CleanTextMixin, forms.Form):
    title = forms.CharField(label=gettext_lazy("Tên phiên họp"), max_length=255)
    held_on = forms.DateField(label=gettext_lazy("Ngày họp"), widget=forms.DateInput(attrs={"type": "date"}),
                              input_formats=["%Y-%m-%d", "%d/%m/%Y"])
    place = forms.CharField(label=gettext_lazy("Địa điểm"), max_length=255, required=False)
    members = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Thành viên Hội đồng"), widget=forms.CheckboxSelectMultiple,
        queryset=User.objects.filter(groups__name=Role.COUNCIL_MEMBER, is_active=True).order_by("full_name"),
    )


@login_required
@require_GET
def session_list(request):
    sessions = _visible_sessions(request.user).annotate(
        item_count=Count("items", distinct=True), member_count=Count("members", distinct=True))
    return render(request, "awards/council/list.html",
                  {"sessions": sessions, "is_staff": permissions.is_staff(request.user)})


@login_required
@require_http_methods(["GET", "POST"])
def session_create(request):
    _require_staff(request)
    form = SessionForm(request.POST or None, initial={"held_on": datetime.date.today()})
    if request.method == "POST" and form.is_valid():
        try:
            session = council.create_session(form.cleaned_data["title"], form.cleaned_data["held_on"],
                                             form.cleaned_data["place"], list(form.cleaned_data["members"]),
                                             request.user)
        except council.CouncilError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã tạo phiên họp. Hãy đưa các đề nghị cần bỏ phiếu vào chương trình."))
            return redirect("awards:council_session", session.pk)
    return render(request, "awards/council/form.html", {"form": form})


@login_required
@require_GET
def session_detail(request, pk):
    session = _session(request, pk)
    user = request.user
    items = list(session.items.select_related(
        "nomination__award_type", "nomination__person", "nomination__unit", "nomination__household",
        "nomination__dossier__unit").annotate(
        live_yes=Count("votes", filter=Q(votes__voided=False, votes__choice=VoteChoice.YES)),
        live_no=Count("votes", filter=Q(votes__voided=False, votes__choice=VoteChoice.NO))))
    members = list(session.members.order_by("full_name"))
    my_votes = {}
    if session.members.filter(pk=user.pk).exists():
        my_votes = dict(Vote.objects.filter(item__session=session, member=user, voided=False)
                        .values_list("item_id", "choice"))
    is_staff = permissions.is_staff(user)
    votes = list(Vote.objects.filter(item__session=session).select_related(
        "member", "recorded_by", "item__nomination__person", "item__nomination__unit", "item__nomination__household",
        "item__nomination__award_type").order_by("item_id", "member__full_name", "pk")) if is_staff else []
    return render(request, "awards/council/detail.html", {
        "session": session, "items": items, "members": members, "member_count": len(members),
        "my_votes": my_votes, "is_member": user in members, "is_staff": is_staff, "votes": votes,
        "candidates": council.candidates() if is_staff and session.status == SessionStatus.OPEN else [],
        "choices": VoteChoice.choices,
        "queue_waiting": not session.minutes_pdf and outbox.waiting_for([f"council_minutes:{session.pk}"]),
        "presiding_problem": council.presiding_problem(session) if session.status == SessionStatus.OPEN else "",
        "presiding_fields": [
            ("chair", _("Chủ tọa"), session.chair_id, session.chair_name, session.chair_position),
            ("secretary", _("Thư ký"), session.secretary_id, session.secretary_name, session.secretary_position)],
    })


@login_required
@require_POST
def agenda_add(request, pk):
    _require_staff(request)
    session = _session(request, pk)
    ids = [int(i) for i in request.POST.getlist("nominations") if i.isdigit()]
    nominations = list(Nomination.objects.filter(pk__in=ids).select_related("dossier"))
    try:
        added = council.add_to_agenda(session, nominations, request.user) if nominations else 0
    except council.CouncilError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã đưa %(n)s đề nghị vào chương trình phiên họp.") % {"n": added})
    return redirect("awards:council_session", session.pk)


@login_required
@require_POST
def vote(request, pk, item_id):
    """A member's own vote."""
    session = _session(request, pk)
    item = get_object_or_404(AgendaItem, pk=item_id, session=session)
    return _record(request, session, item, request.user)


@login_required
@require_POST
def written_vote(request, pk):
    """Staff record the written vote of an absent member."""
    _require_staff(request)
    session = _session(request, pk)
    item = get_object_or_404(AgendaItem, pk=request.POST.get("item") or 0, session=session)
    member = get_object_or_404(session.members, pk=request.POST.get("member") or 0)
    return _record(request, session, item, member)


def _record(request, session, item, member):
    try:
        council.cast_vote(item, member, request.POST.get("choice", ""), actor=request.user)
    except council.CouncilError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã ghi phiếu của %(name)s cho %(who)s.") % {
            "name": member.display_name, "who": item.nomination.recipient_name})
    return redirect(f"/awards/council/{session.pk}/#item-{item.pk}")


@login_required
@require_POST
def vote_void(request, pk, vote_id):
    _require_staff(request)
    session = _session(request, pk)
    target = get_object_or_404(Vote, pk=vote_id, item__session=session)
    try:
        council.void_vote(target, request.POST.get("reason", ""), request.user)
    except council.CouncilError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã hủy phiếu của %(name)s.") % {"name": target.member.display_name})
    return redirect("awards:council_session", session.pk)


@login_required
@require_POST
def presiding(request, pk):
    """Staff name the chủ tọa and the thư ký: a member of the session, or a typed name and position."""
    _require_staff(request)
    session = _session(request, pk)

    def member(field: str) -> User | None:
        value = request.POST.get(field, "")
        return session.members.filter(pk=int(value)).first() if value.isdigit() else None

    try:
        council.set_presiding(
            session, request.user, chair=member("chair"), chair_name=request.POST.get("chair_name", ""),
            chair_position=request.POST.get("chair_position", ""), secretary=member("secretary"),
            secretary_name=request.POST.get("secretary_name", ""),
            secretary_position=request.POST.get("secretary_position", ""))
    except council.CouncilError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã ghi chủ tọa và thư ký phiên họp."))
    return redirect("awards:council_session", session.pk)


@login_required
@require_POST
def session_close(request, pk):
    _require_staff(request)
    session = _session(request, pk)
    if request.POST.get("confirm") != "1":
        messages.error(request, _("Hãy đánh dấu xác nhận trước khi kết thúc phiên họp."))
        return redirect("awards:council_session", session.pk)
    try:
        council.close_session(session, request.user)
    except council.CouncilError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã kết thúc phiên họp và kiểm phiếu; biên bản đang được tạo."))
    return redirect("awards:council_session", session.pk)


@login_required
@require_GET
def minutes(request, pk):
    session = _session(request, pk)
    if not session.minutes_pdf:
        raise Http404
    return FileResponse(session.minutes_pdf.open("rb"), as_attachment=True,
                        filename=f"bien-ban-hoi-dong-{session.held_on:%Y%m%d}.pdf", content_type="application/pdf")
