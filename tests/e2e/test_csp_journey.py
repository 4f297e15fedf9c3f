"""The Content-Security-Policy in a real browser: an injected inline script is refused (and the refusal is seen
in the console, which every journey checks through the conftest), the behaviour moved to static/js/app.js still
works: the recipient-kind blocks of the nomination form, confirmation of a form, the year selector."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.factories import ClusterFactory, make_dossier
from units.models import ClusterMembership

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _login(page, live_server, username):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "thidua2021")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/$"))


def test_an_injected_inline_script_is_refused(browser, live_server, staff):
    context = browser.new_context()
    page = context.new_page()
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    _login(page, live_server, "staff")
    page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1';"
                  " document.body.appendChild(s); }")
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.injected") is None
    assert any("Content Security Policy" in text for text in messages)
    context.close()


def test_nomination_form_blocks_follow_the_kind(page, live_server, unit_a, officer_a, shoot):
    dossier = make_dossier(unit_a, officer_a)
    _login(page, live_server, "officer_a")
    page.goto(f"{live_server.url}/awards/dossiers/{dossier.reference}/nominations/new/")
    blocks = page.locator(".kind-block")
    expect(blocks.first).to_be_attached()
    page.check('input[name="recipient_kind"][value="ca_nhan"]')
    expect(page.locator('.kind-block[data-kind="ca_nhan"]')).to_be_visible()
    expect(page.locator('.kind-block[data-kind="ho_gia_dinh"]')).to_be_hidden()
    page.check('input[name="recipient_kind"][value="ho_gia_dinh"]')
    expect(page.locator('.kind-block[data-kind="ho_gia_dinh"]')).to_be_visible()
    expect(page.locator('.kind-block[data-kind="ca_nhan"]')).to_be_hidden()
    shoot("csp-nomination-form")


def test_year_selector_submits_itself(page, live_server, staff, unit_a, unit_b):
    cluster = ClusterFactory(name="Cụm thi đua các sở")
    ClusterMembership.objects.create(cluster=cluster, unit=unit_a, year=2019)
    ClusterMembership.objects.create(cluster=cluster, unit=unit_b, year=2020)
    _login(page, live_server, "staff")
    page.goto(f"{live_server.url}/units/clusters/?year=2020")
    page.select_option("#year", "2019")
    page.wait_for_url(re.compile(r".*year=2019.*"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("2019")
