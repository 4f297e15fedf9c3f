"""Every URL that accepts POST refuses a POST without a CSRF token (403), driven from the URL configuration.

Which URLs accept POST is found by posting to each with Django's default test client (CSRF checks off): any
answer other than 405 means the view takes POST. The same request from a client that enforces CSRF, with no
token, must then be refused by the CSRF middleware (403, logged on ``django.security.csrf``)."""

from __future__ import annotations

import logging

import pytest
from django.test import Client
from django.urls import reverse

from tests.site.test_access_matrix import objects, project_urls  # noqa: F401 (objects is a fixture)

# Views known to take POST (a floor: any other view found taking POST is checked the same way).
ACCEPTS_POST = {
    "login", "logout", "set_language",
    "awards:dossier_create", "awards:dossier_batch", "awards:dossier_edit", "awards:nomination_add",
    "awards:nomination_edit", "awards:nomination_delete", "awards:verdict", "awards:attachment_add",
    "awards:attachment_delete", "awards:import", "awards:move", "awards:forward", "awards:central_decision",
    "awards:round_vote", "awards:round_return",
    "awards:council_create", "awards:council_agenda", "awards:council_vote", "awards:council_written_vote",
    "awards:council_void", "awards:council_close", "awards:council_presiding",
    "awards:decision_prepare", "awards:decision_texts", "awards:decision_render", "awards:decision_publish",
    "awards:decision_close",
    "dashboard_report_request",
    "public_consultation", "awards:consultations", "awards:opinion_handled", "awards:lgsp_push", "awards:lgsp_pull",
    "fund:bank_statement",
    "notices:open", "notices:read_all", "notices:preferences",
}


def post_takers(objects_by_name, user) -> set[str]:
    client = Client()  # CSRF checks off: the view itself answers
    client.force_login(user)
    # The API (/api/v1/) reads no cookie, only "Authorization: Bearer": a forged cross-site post carries no
    # credential, so it is CSRF-exempt by design and answers 401 (tests/api).
    return {name for name in project_urls() if not name.startswith("api_")
            if client.post(reverse(name, args=objects_by_name.get(name, []))).status_code != 405}


@pytest.mark.django_db
def test_every_post_view_refuses_a_post_without_csrf_token(objects, administrator, officer_a, caplog):  # noqa: F811
    takers = post_takers(objects, administrator) | post_takers(objects, officer_a)
    assert takers >= ACCEPTS_POST, f"views no longer taking POST: {sorted(ACCEPTS_POST - takers)}"

    answers, logged = {}, {}
    for persona in (administrator, officer_a):
        client = Client(enforce_csrf_checks=True)
        client.force_login(persona)
        for name in sorted(takers):
            caplog.clear()
            with caplog.at_level(logging.WARNING, logger="django.security.csrf"):
                response = client.post(reverse(name, args=objects.get(name, [])), {"note": "x"})
            answers[(persona.username, name)] = response.status_code
            logged[(persona.username, name)] = any(r.name == "django.security.csrf" for r in caplog.records)
    assert answers == dict.fromkeys(answers, 403)
    assert logged == dict.fromkeys(logged, True)


@pytest.mark.django_db
def test_anonymous_login_post_without_token_is_refused(officer_a):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "officer_a", "password": "thidua2021"})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_same_post_with_the_token_passes_the_csrf_check(officer_a):
    """Control: the 403s above come from the missing token, not from the request itself."""
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("login"))
    token = client.cookies["csrftoken"].value
    response = client.post(reverse("login"), {"username": "officer_a", "password": "thidua2021",
                                              "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(officer_a.pk)
