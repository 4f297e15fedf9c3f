"""Password change and reset (Django's views, Vietnamese templates) and the second-factor pages."""

from __future__ import annotations

from django import forms
from django.conf import settings
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
from units.security import counters, second_factor
from units.security.client import client_address
from units.security.throttle import failures, lift_lock
from units.security.views_log import require_staff
from units.text import nfc


class VietnamesePasswordChangeForm(CleanTextMixin, PasswordChangeForm):
    error_messages = {
        **PasswordChangeForm.error_messages,
        "password_incorrect": gettext_lazy("Mật khẩu hiện tại không đúng. Vui lòng nhập lại."),
        "password_mismatch": gettext_lazy("Hai lần nhập mật khẩu mới không khớp nhau."),
    }


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = VietnamesePasswordChangeForm


def reset_limit_message() -> str:
    return _("Đã có quá nhiều yêu cầu đặt lại mật khẩu từ máy này hoặc cho địa chỉ thư điện tử này. "
             "Vui lòng thử lại sau %(minutes)s phút.") % {"minutes": settings.PASSWORD_RESET_WINDOW_SECONDS // 60}


def reset_requests_exceeded(request) -> bool:
    """Count this request for a reset link per client address and per e-mail address typed (whether an account
    has it or not, so the answer tells nothing), in the shared cache; true once either is over its limit."""
    window = settings.PASSWORD_RESET_WINDOW_SECONDS
    by_address = counters.count(counters.key("password-reset:address", client_address(request)), window)
    over = by_address > settings.PASSWORD_RESET_MAX_PER_ADDRESS
    typed = nfc(request.POST.get("email", "")).casefold()
    if typed:
        by_email = counters.count(counters.key("password-reset:email", typed), window)
        over = over or by_email > settings.PASSWORD_RESET_MAX_PER_EMAIL
    return over


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset request, throttled: beyond PASSWORD_RESET_MAX_PER_EMAIL requests for one e-mail address or
    PASSWORD_RESET_MAX_PER_ADDRESS from one client address in PASSWORD_RESET_WINDOW_SECONDS, no e-mail is sent and
    the page says so (429), with the same words for an address that has an account and one that has not."""

    def post(self, request, *args, **kwargs):
        if reset_requests_exceeded(request):
            form = self.get_form()
            form.is_valid()
            form.add_error(None, reset_limit_message())
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)


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


class UnlockForm(CleanTextMixin, forms.Form):
    username = forms.CharField(label=gettext_lazy("Tên đăng nhập"), required=False, max_length=150)
    address = forms.GenericIPAddressField(label=gettext_lazy("Địa chỉ IP"), required=False, error_messages={
        "invalid": gettext_lazy("Địa chỉ IP không hợp lệ (ví dụ 203.0.113.5).")})

    def clean(self):
        data = super().clean()
        if not data.get("username") and not data.get("address"):
            raise forms.ValidationError(_("Nhập tên đăng nhập hoặc địa chỉ IP cần mở khóa."))
        return data


@never_cache
@login_required
def login_locks(request):
    """Board staff and administrators lift a login lock: an account's failures (from any address) and/or an
    address's (over any accounts), counted in the shared cache."""
    require_staff(request.user)
    form = UnlockForm(request.POST or None)
    looked_up = None
    if request.method == "POST" and form.is_valid():
        username, address = form.cleaned_data["username"], form.cleaned_data["address"]
        lift_lock(username=username or None, address=address or None)
        messages.success(request, _("Đã mở khóa đăng nhập: %(what)s.") % {
            "what": ", ".join(x for x in (username, address) if x)})
        return redirect("login_locks")
    if request.GET.get("username") or request.GET.get("address"):
        name, address = request.GET.get("username", ""), request.GET.get("address", "")
        looked_up = {"username": name, "address": address,
                     "by_account": failures(username=name) if name else None,
                     "by_address": failures(address=address) if address else None}
    return render(request, "registration/login_locks.html", {
        "form": form, "looked_up": looked_up, "max_account": settings.LOGIN_MAX_FAILURES,
        "max_address": settings.LOGIN_MAX_FAILURES_PER_ADDRESS})
