"""The optional second factor (TOTP, django-otp) of staff and administrators.

Who may enrol: board staff and administrators (``may_enrol``). Enrolment: an unconfirmed TOTP device and its QR
code (segno), confirmed by the first right code; then ten single-use recovery codes (a django-otp static device)
shown once. From then on, every login of that user (the site's or the admin's: both end in Django's ``login()``)
leaves the session *pending*: ``SecondFactorMiddleware`` sends every page, the admin included, to the
verification step until a code of one of the user's devices is given. Staff reset a lost phone by deleting the
user's devices (user admin action "Xóa xác thực hai lớp", ``forget_devices``).
"""

from __future__ import annotations

from urllib.parse import urlencode

import segno
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from units.models import Role

PENDING_KEY = "second_factor_pending"
RECOVERY_CODES = 10
DEVICE_NAME = "Ứng dụng xác thực"


def may_enrol(user) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or user.has_role(Role.BOARD_STAFF, Role.ADMINISTRATOR)))


def is_enrolled(user) -> bool:
    return user.is_authenticated and TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_device(user) -> TOTPDevice:
    """The user's unconfirmed TOTP device (a new secret each time none is waiting)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def qr_svg(device: TOTPDevice) -> str:
    return segno.make(device.config_url, error="m").svg_inline(scale=5, title="otpauth")


def secret_text(device: TOTPDevice) -> str:
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


@transaction.atomic
def confirm(request: HttpRequest, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm ``device`` with its first code: the recovery codes (shown once), or None for a wrong code."""
    if not device.verify_token(code.strip().replace(" ", "")):
        return None
    TOTPDevice.objects.filter(user=device.user, confirmed=True).delete()
    device.confirmed = True
    device.save()
    StaticDevice.objects.filter(user=device.user).delete()
    recovery = StaticDevice.objects.create(user=device.user, name="Mã khôi phục", confirmed=True)
    codes = [StaticToken.random_token() for _i in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=recovery, token=code) for code in codes])
    otp_login(request, device)
    request.session.pop(PENDING_KEY, None)
    return codes


def verify(request: HttpRequest, code: str) -> bool:
    """A code of the user's authenticator or one of his recovery codes (used up): the session is verified."""
    device = match_token(request.user, code.strip().replace(" ", "").lower())
    if device is None:
        return False
    otp_login(request, device)
    request.session.pop(PENDING_KEY, None)
    request.session.cycle_key()
    return True


def forget_devices(user) -> int:
    """Staff reset: the user logs in with the password alone until he enrols again."""
    count = TOTPDevice.objects.filter(user=user).delete()[0]
    return count + StaticDevice.objects.filter(user=user).delete()[0]


@receiver(user_logged_in)
def _mark_pending(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session") and user_has_device(user, confirmed=True):
        if not getattr(user, "otp_device", None):
            request.session[PENDING_KEY] = True


class SecondFactorMiddleware:
    """Until an enrolled user gives his code, every page but the verification step and logout redirects there."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.session.get(PENDING_KEY) and request.user.is_authenticated and not request.user.is_verified():
            allowed = {reverse("second_factor_verify"), reverse("logout"), reverse("admin:logout")}
            if request.path not in allowed and not request.path.startswith(("/static/", "/i18n/")):
                query = urlencode({"next": request.get_full_path()})
                return HttpResponseRedirect(f"{reverse('second_factor_verify')}?{query}")
        return self.get_response(request)
