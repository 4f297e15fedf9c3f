"""Headers of pages with personal data (issue 15, finding 8): ``Cache-Control: no-store`` on everything served to
a logged-in user, a Content-Security-Policy without inline script (django-csp) on every page, and templates that
keep it honest (no inline <script>, no on*= handlers: behaviour lives in static/js/app.js)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"
MAIN_PAGES = ["/", "/awards/dossiers/", "/awards/decisions/", "/awards/council/", "/campaigns/", "/units/",
              "/units/clusters/", "/awards/catalogue/", "/dashboard/", "/accounts/password/change/",
              "/accounts/read-log/", "/admin/", "/admin/units/person/"]
POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
          "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
          "frame-ancestors 'none'")


def _directives(header: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("path", MAIN_PAGES)
def test_every_main_page_has_the_policy_and_no_store(client, staff, administrator, path):
    client.force_login(administrator)
    response = client.get(path)
    assert response.status_code == 200, path
    policy = _directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    cache = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "no-cache", "must-revalidate", "private"} <= cache
    assert response["Expires"]


def test_the_whole_policy(client):
    assert _directives(client.get("/accounts/login/")["Content-Security-Policy"]) == _directives(POLICY)


def test_person_pages_and_downloads_are_not_stored(client, officer_a, unit_a):
    person = PersonFactory(unit=unit_a)
    client.force_login(officer_a)
    for path in (f"/units/people/{person.pk}/history/", f"/units/{unit_a.pk}/facts/",
                 f"/units/{unit_a.pk}/facts/mau-xep-loai.xlsx"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "no-store" in response["Cache-Control"], path


def test_public_pages_for_anonymous_visitors_are_not_marked(client):
    """The published decisions are public: no personal page, no no-store (static files never reach the
    middleware: WhiteNoise answers them first)."""
    response = client.get("/public/decisions/")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
    assert "Content-Security-Policy" in response


def test_htmx_is_configured_for_the_policy(client, staff):
    client.force_login(staff)
    html = client.get("/").content.decode()
    assert ('<meta name="htmx-config" content=\'{"includeIndicatorStyles": false, "allowEval": false, '
            '"allowScriptTags": false}\'>') in html
    assert '<script src="/static/js/app.js"></script>' in html


INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE | re.DOTALL)
JS_URL = re.compile(r"""(href|src|action)\s*=\s*["']\s*javascript:""", re.IGNORECASE)


def _site_templates() -> list[Path]:
    return [p for p in TEMPLATES.rglob("*.html") if "pdf" not in p.relative_to(TEMPLATES).parts]


def test_no_template_has_an_inline_script_or_handler():
    """Fails as soon as someone adds <script>...</script>, onclick=, onsubmit=... or javascript: to a page."""
    found = []
    for path in _site_templates():
        text = path.read_text(encoding="utf-8")
        for pattern in (INLINE_SCRIPT, HANDLER, JS_URL):
            found += [f"{path.relative_to(TEMPLATES)}: {m.group(0)[:60]}" for m in pattern.finditer(text)]
    assert found == []


def test_the_guard_catches_what_it_should():
    assert INLINE_SCRIPT.search("<script>alert(1)</script>")
    assert INLINE_SCRIPT.search('<script type="module">x</script>')
    assert not INLINE_SCRIPT.search('<script src="/static/js/app.js"></script>')
    assert HANDLER.search('<form method="post" onsubmit="return confirm(1)">')
    assert HANDLER.search('<select\n  onchange="this.form.submit()">')
    assert not HANDLER.search('<form data-confirm="Tổng kết?">')
    assert JS_URL.search('<a href="javascript:void(0)">')
