"""The access matrix for POST: an officer of unit B posts to every view that takes POST, with REAL objects of
unit A (the matrix's fixture: unit A's dossier, nomination, attachment, round, draft decision and its rendered
document, council session and vote, campaign report, cluster year and evidence). Each answer is the refusal the
GET matrix gives (404 outside his scope, 403 for a missing right, 405 for GET-only views) and nothing changes."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from awards.models import Attachment, CouncilSession, Decision, Dossier, Nomination, Notice, Vote
from campaigns.models import Campaign, CampaignAudience, Registration, TargetReport
from tests.site.test_access_matrix import objects, project_urls  # noqa: F401 (objects is a fixture)
from units.models import ClusterScore, ClusterYear

# Officer B's answer on each view that takes POST, with unit A's objects: 404 when the object is outside his scope,
# 403 for a right he lacks. Not unit A's: his own new dossier (the empty form comes back), a batch or eligibility
# drafts over his own dossiers (nothing chosen, nothing made), the language. Login and logout are left out.
REFUSED = {
    **dict.fromkeys([
        "awards:attachment_add", "awards:attachment_delete", "awards:central_decision", "awards:decision_close",
        "awards:decision_publish", "awards:decision_render", "awards:decision_texts", "awards:dossier_edit",
        "awards:decision_issue_paper", "awards:decision_sign", "awards:decision_sign_finish",
        "awards:decision_sign_start",
        "awards:eligibility_override", "awards:forward", "awards:import", "awards:move", "awards:nomination_add",
        "awards:nomination_delete", "awards:nomination_edit", "awards:round_return", "awards:round_vote",
        "awards:verdict", "dashboard_report_request", "facts:hold_add", "notices:open", "facts:import_figures",
        "facts:import_ratings", "facts:initiative_add", "history:person_add", "history:person_import",
        "history:unit_add", "history:unit_import", "units:cluster_action", "units:cluster_check",
        "units:cluster_election", "units:cluster_ranking", "units:cluster_self_score", "units:cluster_year_settings"],
        404),
    **dict.fromkeys([
        "awards:council_agenda", "awards:council_close", "awards:council_create", "awards:council_presiding",
        "awards:council_void", "awards:council_vote", "awards:council_written_vote", "awards:decision_prepare",
        "awards:dossier_batch", "campaigns:close", "campaigns:create", "campaigns:edit", "campaigns:launch",
        "campaigns:move", "campaigns:register", "campaigns:report", "login_locks", "second_factor_disable", "second_factor_setup",
        "statistics_figures", "awards:consultations", "awards:opinion_handled", "fund:add_entry", "fund:correct",
        "fund:opening", "fund:pay", "fund:recover", "awards:lgsp_push", "awards:lgsp_pull", "fund:bank_statement"], 403),
    "fund:open": 404,  # a fund of a body he may not keep is not found
    # The API reads only "Authorization: Bearer" (never the session cookie): a signed-in browser is unauthenticated.
    **dict.fromkeys(["api_awards", "api_cbccvc", "api_decisions", "api_dossier", "api_dossier_submit", "api_dossiers",
                     "api_persons", "api_units", "api_dashboard", "api_decision_pdf", "api_central_decisions",
                     "api_attachments", "api_attachment"], 401),
}
# His own account's forms (and the public /verify/ page): the password change and reset forms come back with their errors (nothing changes), an
# unknown reset link says so, the second factor's code step sends a user without a device back to the home page.
OWN = {"verify": 200,  # the public check of an uploaded PDF: the form comes back asking for a file
       "public_consultation": 200,  # the public opinion form comes back with its errors; nothing is stored
       "awards:dossier_create": 200, "awards:eligibility_create": 302, "set_language": 302, "password_change": 200,
       "password_reset": 200, "password_reset_confirm": 200, "second_factor_verify": 302,
       "notices:read_all": 302, "notices:preferences": 400}  # his own notices; his own preference (no choice sent)


def snapshot() -> dict:
    return {
        "dossiers": sorted(Dossier.objects.values_list("pk", "state", "version", "title")),
        "nominations": sorted(Nomination.objects.values_list("pk", "award_type_id", "verdict", "achievement")),
        "attachments": Attachment.objects.count(), "votes": sorted(Vote.objects.values_list("pk", "choice", "voided")),
        "sessions": sorted(CouncilSession.objects.values_list("pk", "status", "chair_name")),
        "decisions": sorted(Decision.objects.values_list("pk", "state", "subject")),
        "campaigns": sorted(Campaign.objects.values_list("pk", "status", "name")),
        "audience": CampaignAudience.objects.count(), "registrations": Registration.objects.count(),
        "reports": TargetReport.objects.count(), "cluster_years": sorted(ClusterYear.objects.values_list("pk", "state", "version")),
        "scores": sorted(ClusterScore.objects.values_list("pk", "self_points", "checked_points")),
        "notices": sorted(Notice.objects.values_list("pk", "recipient_id", "read_at")),
    }


@pytest.mark.django_db
def test_an_officer_of_another_unit_posting_to_unit_a_objects_is_refused_and_changes_nothing(
        objects, officer_a, officer_b, staff, council_member, leader, administrator):  # noqa: F811
    client = Client()
    client.force_login(officer_b)
    before = snapshot()

    answers = {name: client.post(reverse(name, args=objects.get(name, [])), {"note": "x", "confirm": "1"}).status_code
               for name in project_urls() if not name.startswith("admin:") and name not in ("login", "logout")}

    takers = {name: status for name, status in answers.items() if status != 405}
    assert takers == {**REFUSED, **OWN}
    assert snapshot() == before
