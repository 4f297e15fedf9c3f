from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from units.security.throttle import is_locked_out, lock_message


class ThrottledMixin:
    """After ``authenticate()`` refused a locked account or address, say so (one message for existing and unknown
    names alike) instead of "wrong password"; the counting itself is django-axes' (units.security.throttle)."""

    def clean(self):
        try:
            return super().clean()
        except ValidationError:
            if is_locked_out(self.request):
                raise ValidationError(lock_message(), code="throttled") from None
            raise


class LoginForm(ThrottledMixin, AuthenticationForm):
    """The Vietnamese login form."""

    error_messages = {
        "invalid_login": _(
            "Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý: mật khẩu phân biệt chữ hoa và chữ thường."
        ),
        "inactive": _("Tài khoản này đã bị khóa. Hãy liên hệ Ban Thi đua - Khen thưởng."),
    }


class AdminLoginForm(ThrottledMixin, AdminAuthenticationForm):
    """The admin's login form, throttled like the site's."""
