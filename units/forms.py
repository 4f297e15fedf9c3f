from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from units.text import fold


class LoginForm(AuthenticationForm):
    """The Vietnamese login form, throttled: after LOGIN_MAX_FAILURES failed attempts for one user name from
    one address, further attempts are refused for LOGIN_LOCKOUT_SECONDS (correct passwords included)."""

    error_messages = {
        "invalid_login": _(
            "Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý: mật khẩu phân biệt chữ hoa và chữ thường."
        ),
        "inactive": _("Tài khoản này đã bị khóa. Hãy liên hệ Ban Thi đua - Khen thưởng."),
        "throttled": _("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau %(minutes)s phút."),
    }

    def _key(self) -> str:
        address = self.request.META.get("REMOTE_ADDR", "") if self.request else ""
        return f"login-failures:{fold(self.data.get('username', ''))}:{address}"

    def clean(self):
        key = self._key()
        if cache.get(key, 0) >= settings.LOGIN_MAX_FAILURES:
            raise ValidationError(self.error_messages["throttled"], code="throttled",
                                  params={"minutes": settings.LOGIN_LOCKOUT_SECONDS // 60})
        try:
            data = super().clean()
        except ValidationError:
            try:
                cache.incr(key)
            except ValueError:
                cache.set(key, 1, settings.LOGIN_LOCKOUT_SECONDS)
            raise
        cache.delete(key)
        return data
