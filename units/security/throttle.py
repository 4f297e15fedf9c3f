"""Login throttling over django-axes, on every login form of the site (``/accounts/login/``, ``/admin/login/``).

The failures are counted in the shared cache (``units.security.counters``: Redis when ``CACHE_URL`` is set, the
database cache otherwise), which every web process and node shares, and axes refuses further attempts through its
authentication backend before any password is checked. This handler (axes' cache handler with its own two
counters) adds what axes does not do by itself:

- two limits: an account (``username``, folded) is locked after ``LOGIN_MAX_FAILURES`` failures from any
  addresses; an address after ``LOGIN_MAX_FAILURES_PER_ADDRESS`` failures over any accounts (a spray of names);
  each new failure restarts the ``LOGIN_LOCKOUT_SECONDS`` window of its counters;
- a success forgets the account's own failures only (logging in to one's own account does not wipe an
  address's spray);
- the answer: the login page itself with one message that never says whether the account exists (unknown
  names are counted and locked exactly like real ones), HTTP 429.

The owner ends a lock by resetting the password (``lift_lock`` from the reset view); staff lift it from the
user list in the admin (action "Mở khóa đăng nhập").
"""

from __future__ import annotations

import datetime
import ipaddress

from axes.backends import AxesStandaloneBackend
from axes.conf import settings as axes_settings
from axes.handlers.cache import AxesCacheHandler
from axes.helpers import get_client_ip_address, get_client_username, get_failure_limit
from axes.signals import user_locked_out
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from units.security import counters
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


def account_key(username: str) -> str:
    return counters.key("login-failures:account", fold(username))


def canonical_address(address: str) -> str:
    """One spelling per IP address: "2001:DB8:0:0:0:0:0:1" and "2001:db8::1" are one client, and an IPv4 address
    mapped into IPv6 ("::ffff:10.0.0.1") is that IPv4 address; anything else is kept as given."""
    try:
        ip = ipaddress.ip_address((address or "").strip())
    except ValueError:
        return address or ""
    mapped = getattr(ip, "ipv4_mapped", None)
    return str(mapped or ip)


def address_key(address: str) -> str:
    return counters.key("login-failures:address", canonical_address(address))


class ThrottleHandler(AxesCacheHandler):
    def _keys(self, request, credentials: dict | None) -> tuple[str, str]:
        return (account_key(get_client_username(request, credentials) or ""),
                address_key(get_client_ip_address(request) or ""))

    def get_failures(self, request, credentials: dict | None = None) -> int:
        account, address = self._keys(request, credentials)
        by_account, by_address = counters.current(account), counters.current(address)
        if by_address >= settings.LOGIN_MAX_FAILURES_PER_ADDRESS:
            return max(by_account, settings.LOGIN_MAX_FAILURES)
        return by_account

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        if request is None:
            return
        username = get_client_username(request, credentials)
        signal = {"request": request, "username": username, "ip_address": request.axes_ip_address}
        if not axes_settings.AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT and request.axes_locked_out:
            request.axes_credentials = credentials  # refused before the password check: not counted again
            user_locked_out.send("axes", **signal)
            return
        if self.is_whitelisted(request, credentials):
            return
        for name in self._keys(request, credentials):
            counters.count(name, settings.LOGIN_LOCKOUT_SECONDS, extend=True)
        request.axes_failures_since_start = failures = self.get_failures(request, credentials)
        if failures >= get_failure_limit(request, credentials):
            request.axes_locked_out = True
            request.axes_credentials = credentials
            user_locked_out.send("axes", **signal)

    def user_logged_in(self, sender, request, user, **kwargs):
        super().user_logged_in(sender, request, user, **kwargs)
        counters.forget(account_key(user.get_username()))

    def reset_attempts(self, *, ip_address: str | None = None, username: str | None = None,
                       ip_or_username: bool = False) -> int:
        return lift_lock(username=username, address=ip_address)


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
    """Forget the failures of an account (from any address) and/or of an address; how many counters existed."""
    names = ([account_key(username)] if username else []) + ([address_key(address)] if address else [])
    return counters.forget(*names)


def failures(username: str | None = None, address: str | None = None) -> int:
    """The failures counted now for an account or an address (for staff and tests)."""
    return counters.current(account_key(username) if username else address_key(address or ""))
