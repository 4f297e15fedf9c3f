"""``Cache-Control: no-store`` on everything served to a logged-in user.

Every page, fragment and file behind the login may carry personal data (names, birth dates, citizen IDs,
discipline records, certificates), so no browser or proxy may keep a copy: a shared office computer's back
button or disk cache must not show the last user's pages. Static files never reach this middleware (WhiteNoise
answers them earlier) and keep their long cache lifetime. The Content-Security-Policy is django-csp's
(``CONTENT_SECURITY_POLICY`` in the settings).
"""

from __future__ import annotations

from django.utils.cache import add_never_cache_headers, patch_cache_control


class NoStoreMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response
