"""Password change and reset (Django's views, Vietnamese templates) and the second-factor pages."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from units.hygiene import CleanTextMixin
from units.security import second_factor
from units.security.throttle import lift_lock


class VietnamesePasswordChangeForm(CleanTextMixin, PasswordChangeForm):
    error_messages = {
        **PasswordChangeForm.error_messages,
        "password_incorrect": gettext_lazy("Mật khẩu hiện tại không đúng. Vui lòng nhập lại."),
        "password_mismatch": gettext_lazy("Hai lần nhập mật khẩu mới không khớp nhau."),
    }


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = VietnamesePasswordChangeForm


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Setting a new password through the e-mailed link also ends a login lock on the account."""

    def form_valid(self, form):
        response = super().form_valid(form)
        lift_lock(username=form.user.get_username())
        return response


class CodeForm(CleanTextMixin, forms.Form):
    code = forms.CharField(label=gettext_lazy("Mã xác thực"), max_length=32,
                           widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text",
                                                         "autofocus": True}))


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse_lazy("home")


@never_cache
@sensitive_post_parameters("code")
@login_required
def verify(request):
    """The step after the password for a user who enrolled a second factor."""
    if not request.session.get(second_factor.PENDING_KEY):
        return redirect(_next(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if second_factor.verify(request, form.cleaned_data["code"]):
            return redirect(_next(request))
        form.add_error("code", _("Mã xác thực không đúng hoặc đã hết hạn. Nếu đã nhập sai nhiều lần, "
                                 "hãy chờ một lát rồi thử lại."))
    return render(request, "registration/second_factor_verify.html", {"form": form, "next": _next(request)})


@never_cache
@sensitive_post_parameters("code")
@login_required
def setup(request):
    """Enrol (QR code, first code), see whether one is enrolled, or turn it off."""
    if not second_factor.may_enrol(request.user):
        raise PermissionDenied(_("Chỉ cán bộ Ban và quản trị viên dùng xác thực hai lớp."))
    enrolled = second_factor.is_enrolled(request.user)
    device = None if enrolled else second_factor.pending_device(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and device is not None and form.is_valid():
        codes = second_factor.confirm(request, device, form.cleaned_data["code"])
        if codes is not None:
            return render(request, "registration/second_factor_codes.html", {"codes": codes})
        form.add_error("code", _("Mã xác thực không đúng. Hãy nhập mã đang hiện trên ứng dụng."))
    context = {"enrolled": enrolled, "form": form}
    if device is not None:
        context.update(qr=second_factor.qr_svg(device), secret=second_factor.secret_text(device))
    return render(request, "registration/second_factor_setup.html", context)


@login_required
@require_POST
def disable(request):
    """Turn the second factor off: needs a current code (or a recovery code)."""
    if not second_factor.may_enrol(request.user):
        raise PermissionDenied
    if second_factor.verify(request, request.POST.get("code", "")):
        second_factor.forget_devices(request.user)
        messages.success(request, _("Đã tắt xác thực hai lớp."))
    else:
        messages.error(request, _("Mã xác thực không đúng; xác thực hai lớp vẫn bật."))
    return redirect("second_factor_setup")
