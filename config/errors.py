"""Error pages in Vietnamese, under ``make run`` (DEBUG on) too.

With DEBUG on, Django answers an ``Http404`` (from a view, or a path no URL pattern matches) with its technical
page, an English list of URL patterns, and never calls ``handler404``; ``VietnameseNotFoundMiddleware`` answers
both with ``templates/404.html`` like production does. An uncaught exception gets Django's traceback page, built by
``DEFAULT_EXCEPTION_REPORTER``; ``VietnameseExceptionReporter`` builds ``templates/500.html`` instead (``400.html``
for a bad request), while the traceback still goes to the console through the ``django.request`` logger, where
the developer running ``make run`` reads it. 403 uses ``templates/403.html`` in both modes.

``DEBUG_TECHNICAL_404`` / ``DEBUG_TECHNICAL_500`` (environment) bring Django's technical pages back for a developer
who wants them. E-mails to the administrators (``is_email``) always carry the full report.

``RefuseNulMiddleware``: a NUL character (``%00``) in the path, the query string or a url-encoded posted field is
a 400 before any view runs; PostgreSQL refuses NUL in a text value, so ``/awards/dossiers/HS%00/``,
``?q=%00`` or a field a view reads without a form used to be a 500. Forms refuse it too (Django's
``ProhibitNullCharactersValidator``)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import BadRequest, SuspiciousOperation
from django.http import Http404, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.template import loader
from django.urls import Resolver404, resolve
from django.utils.log import log_response
from django.views.debug import ExceptionReporter
from django.views.defaults import page_not_found


def _vietnamese_404() -> bool:
    return settings.DEBUG and not getattr(settings, "DEBUG_TECHNICAL_404", False)


class VietnameseNotFoundMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _vietnamese_404():
            try:
                resolve(request.path_info, getattr(request, "urlconf", None))
            except Resolver404 as exc:
                # CommonMiddleware (outside this one) still turns the 404 into its APPEND_SLASH redirect; the
                # console gets Django's usual one line ("Not Found: /path/"), as in production.
                response = page_not_found(request, exc)
                log_response("Not Found: %s", request.path, response=response, request=request)
                return response
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Http404) and _vietnamese_404():
            return page_not_found(request, exception)
        return None


class NulCharacter(SuspiciousOperation):
    """A NUL character in the URL: answered 400 (``templates/400.html``), logged by ``django.security``."""


class RefuseNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        where = ""
        if "\x00" in request.path_info or _has_nul(request.GET):
            where = "the URL"
        elif request.method == "POST" and request.content_type in FORM_TYPES and _has_nul(request.POST):
            where = "a posted field"
        if not where:
            return self.get_response(request)
        if request.path_info.startswith("/api/"):  # the API answers in JSON, as its schema documents
            log_response("Bad Request: NUL character in %s", where, response=(response := JsonResponse(
                {"detail": "Yêu cầu có ký tự NUL (%00); hãy bỏ ký tự đó."}, status=400)), request=request)
            return response
        raise NulCharacter(f"NUL character in {where}")


# A multipart body is not parsed here: a view that reads the raw body (the signing plugin's JSON) could not any
# more; the forms and the API's serializers refuse NUL in its fields themselves.
FORM_TYPES = ("application/x-www-form-urlencoded",)


def _has_nul(data) -> bool:
    """A NUL in a field's name or value (never in an uploaded file's content, which is not looked at)."""
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in data.lists())


class VietnameseExceptionReporter(ExceptionReporter):
    """Django's reporter, except for the page a browser gets under DEBUG: the Vietnamese error page, no traceback."""

    def _plain(self) -> bool:
        return self.is_email or getattr(settings, "DEBUG_TECHNICAL_500", False)

    def _bad_request(self) -> bool:
        return self.exc_type is not None and issubclass(
            self.exc_type, (SuspiciousOperation, BadRequest, MultiPartParserError))

    def get_traceback_html(self) -> str:
        if self._plain():
            return super().get_traceback_html()
        return loader.get_template("400.html" if self._bad_request() else "500.html").render()

    def get_traceback_text(self) -> str:
        if self._plain():
            return super().get_traceback_text()
        if self._bad_request():
            return "Yêu cầu không hợp lệ.\n"
        return "Đã có lỗi trong hệ thống. Vui lòng thử lại sau ít phút.\n"
