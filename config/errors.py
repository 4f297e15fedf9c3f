"""Error pages in Vietnamese, under ``make run`` too.

With DEBUG on, Django answers an ``Http404`` with its technical page (an English list of URL patterns) and never
calls ``handler404``; this middleware answers it with ``templates/404.html`` like production does, unless
``DEBUG_TECHNICAL_404`` is set for a developer who wants the pattern list. 403 already uses ``templates/403.html``
in both modes; 500 uses ``templates/500.html`` when DEBUG is off (with DEBUG on, the traceback page is what a
developer needs)."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404
from django.views.defaults import page_not_found


class VietnameseNotFoundMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Http404) and settings.DEBUG and not getattr(settings, "DEBUG_TECHNICAL_404", False):
            return page_not_found(request, exception)
        return None
