"""Login throttling over django-axes, on every login form of the site (``/accounts/login/``, ``/admin/login/``).

Axes counts failed ``authenticate()`` calls in its database table (``AccessAttempt``), which every web process
shares, and refuses further attempts through its authentication backend before any password is checked. This
module adds what axes does not do by itself:

- two limits: an account (``username``, folded) is locked after ``LOGIN_MAX_FAILURES`` failures from any
  addresses; an address after ``LOGIN_MAX_FAILURES_PER_ADDRESS`` failures over any accounts (a spray of names);
- a success forgets the account's own failures only (logging in to one's own account does not wipe an
  address's spray);
- the answer: the login page itself with one message that never says whether the account exists (unknown
  names are counted and locked exactly like real ones), HTTP 429.

The owner ends a lock by resetting the password (``lift_lock`` from the reset view); staff lift it from the
user list in the admin (action "Mở khóa đăng nhập") or delete the attempt rows (admin "Access attempts").
"""

from __future__ import annotations

import datetime

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from units.text import fold


def lock_message() -> str:
    return _(
        "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau %(minutes)s phút. "
        "Chủ tài khoản có thể mở khóa ngay bằng cách đặt lại mật khẩu (\"Quên mật khẩu?\")."
    ) % {"minutes": settings.LOGIN_LOCKOUT_SECONDS // 60}


def failure_limit(request: HttpRequest | None, credentials: dict | None) -> int:
    return settings.LOGIN_MAX_FAILURES


def cool_off(request: HttpRequest | None = None) -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.LOGIN_LOCKOUT_SECONDS)


def username_of(request: HttpRequest | None, credentials: dict | None) -> str:
    """The counted name: folded (case and accents), so "Officer_A" and "officer_a" share one counter."""
    name = (credentials or {}).get("username")
    if name is None and request is not None:
        name = request.POST.get("username", "")
    return fold(name or "")[:150]


class ThrottleHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials: dict | None = None) -> int:
        by_account, by_address = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        if by_address >= settings.LOGIN_MAX_FAILURES_PER_ADDRESS:
            return max(by_account, settings.LOGIN_MAX_FAILURES)
        return by_account

    def user_logged_in(self, sender, request, user, **kwargs):
        super().user_logged_in(sender, request, user, **kwargs)
        AccessAttempt.objects.filter(username=fold(user.get_username())).delete()


class ThrottleBackend(AxesStandaloneBackend):
    """Axes' gate, first in AUTHENTICATION_BACKENDS. Every login form passes its request; a call without one
    (``Client.login`` in tests, a shell) has no address to count and is let through to the password check."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def is_locked_out(request: HttpRequest | None) -> bool:
    """Whether the authentication just attempted on ``request`` was refused or ended in a lock."""
    return bool(getattr(request, "axes_locked_out", False))


def lockout_response(request: HttpRequest, original_response: HttpResponse | None = None,
                     credentials: dict | None = None) -> HttpResponse:
    """The login page already carries the lock message (the forms check ``is_locked_out``): answer it with 429."""
    if original_response is None:
        return HttpResponse(lock_message(), status=429, content_type="text/plain; charset=utf-8")
    original_response.status_code = 429
    return original_response


def lift_lock(username: str | None = None, address: str | None = None) -> int:
    """Forget the failures of an account (any address) and/or of an address; the number of rows removed."""
    attempts = AccessAttempt.objects.none()
    if username:
        attempts = attempts | AccessAttempt.objects.filter(username=fold(username))
    if address:
        attempts = attempts | AccessAttempt.objects.filter(ip_address=address)
    count, _rows = AccessAttempt.objects.filter(pk__in=attempts.values("pk")).delete()
    return count
