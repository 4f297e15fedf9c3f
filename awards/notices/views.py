"""The notification centre: the user's notices (newest first), read/unread, mark all read, and how to be e-mailed."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from awards.models import EmailMode, Notice, NoticePreference
from awards.notices.delivery import DEFAULT_MODE
from units.hygiene import CleanTextMixin
from units.models import Role

PAGE_SIZE = 30


@login_required
@require_GET
def notice_list(request):
    notices = Notice.objects.filter(recipient=request.user)
    show = request.GET.get("show", "")
    if show == "unread":
        notices = notices.filter(read_at__isnull=True)
    page = Paginator(notices, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notices/list.html", {"page": page, "show": show})


def _safe(url: str, request) -> str:
    return url if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}) else ""


@login_required
@require_POST
def notice_open(request, pk: int):
    """Mark one notice read and go to what it is about (or back to the list)."""
    notice = get_object_or_404(Notice, pk=pk, recipient=request.user)
    if notice.read_at is None:
        Notice.objects.filter(pk=notice.pk, read_at__isnull=True).update(read_at=timezone.now())
    return redirect(_safe(notice.url, request) or "notices:list")


@login_required
@require_POST
def mark_all_read(request):
    count = Notice.objects.filter(recipient=request.user, read_at__isnull=True).update(read_at=timezone.now())
    messages.success(request, _("Đã đánh dấu %(n)s thông báo là đã đọc.") % {"n": count})
    return redirect("notices:list")


class PreferenceForm(CleanTextMixin, forms.Form):
    email_mode = forms.ChoiceField(label=gettext_lazy("Nhận thư điện tử"), choices=EmailMode.choices,
                                   widget=forms.RadioSelect(attrs={"class": "form-check-input"}))


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    current = NoticePreference.objects.filter(user=request.user).first()
    form = PreferenceForm(request.POST or None, initial={"email_mode": current.email_mode if current else DEFAULT_MODE})
    if request.method == "POST" and form.is_valid():
        NoticePreference.objects.update_or_create(user=request.user,
                                                  defaults={"email_mode": form.cleaned_data["email_mode"]})
        messages.success(request, _("Đã lưu cách nhận thông báo."))
        return redirect("notices:preferences")
    officer = request.user.unit_id is not None and request.user.has_role(Role.UNIT_OFFICER)
    return render(request, "notices/preferences.html", {"form": form, "officer": officer},
                  status=400 if request.method == "POST" else 200)
