"""Who may do what in the units' own rounds, GET and POST, against real objects of both units.

Unit A is the Sở Giáo dục và Đào tạo (its Giám đốc decides; its officer ``officer_a`` receives, reviews, records the
council's vote and drafts; its leader ``sở_leader`` publishes), with a school under it (``school_officer`` proposes to
the Giám đốc). Unit B is the Sở Y tế, deciding through its own Giám đốc (``officer_b``). Board staff read every round
and decision and may only return (oversight); the province's leader and the council member have no part. Out of
scope: 404; in scope without the right: 403; a POST the view accepts but the workflow refuses: 302 and nothing moves.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from awards.decisions import services as decisions
from awards.models import Decision, DecisionState, Dossier, Signer
from tests.dossiers.round_support import CSTDCS, D, round_of
from tests.factories import sign_all

PERSONAS = ["anonymous", "officer_a", "school_officer", "sở_leader", "officer_b", "staff", "leader", "council_member"]
DAY = D(2025, 1, 20)


def draft_of(dossier, officer, signer) -> Decision:
    return decisions.draft_decision(list(dossier.nominations.all()), officer, DAY, signer, "x", body=signer.body)


@pytest.fixture
def world(unit_a, officer_a, school, school_officer, sở_leader, unit_b, officer_b, education, director, health,
          staff, leader, council_member):
    b_director = Signer.objects.create(body=health, full_name="Nguyễn Văn Y", position="Giám đốc Sở Y tế",
                                       capacity="chu_tich", valid_from=D(2016, 1, 1))

    def ready(unit, officer, body):
        return round_of(unit, officer, body, state="awaiting_decision", verdict="eligible")

    return {
        "submitted": round_of(school, school_officer, education, state="submitted"),
        "reviewed": round_of(unit_a, officer_a, education, code=CSTDCS, state="reviewed", verdict="eligible"),
        "free": ready(school, school_officer, education),
        "to_publish": sign_all(draft_of(ready(school, school_officer, education), officer_a, director), sở_leader),
        "to_cancel": draft_of(ready(school, school_officer, education), officer_a, director),
        "to_return": draft_of(ready(school, school_officer, education), officer_a, director),
        "b_reviewed": round_of(unit_b, officer_b, health, code=CSTDCS, state="reviewed", verdict="eligible"),
        "b_free": ready(unit_b, officer_b, health),
        "b_draft": sign_all(draft_of(ready(unit_b, officer_b, health), officer_b, b_director), officer_b),
        "education": education, "health": health, "director": director, "b_director": b_director,
    }


# --- GET ------------------------------------------------------------------------------------------------------------

ROUND_READERS = {"anonymous": 302, "officer_a": 200, "school_officer": 200, "sở_leader": 200, "officer_b": 404,
                 "staff": 200, "leader": 200, "council_member": 404}
GET = {
    # the school's round to the Giám đốc Sở: the school, the Sở, the Board and leadership read it
    "school round": (lambda w: reverse("awards:dossier", args=[w["submitted"].reference]), ROUND_READERS),
    # unit B's round: its officer, the Board and the province's leadership (not the Giám đốc of unit A)
    "B's round": (lambda w: reverse("awards:dossier", args=[w["b_reviewed"].reference]),
                  {**ROUND_READERS, "officer_a": 404, "school_officer": 404, "sở_leader": 404, "officer_b": 200}),
    # the vote page: the body's officer only
    "record A's vote": (lambda w: reverse("awards:round_vote", args=[w["reviewed"].reference]),
                        {"anonymous": 302, "officer_a": 200, "school_officer": 404, "sở_leader": 403, "officer_b": 404,
                         "staff": 403, "leader": 403, "council_member": 404}),
    "record B's vote": (lambda w: reverse("awards:round_vote", args=[w["b_reviewed"].reference]),
                        {"anonymous": 302, "officer_a": 404, "school_officer": 404, "sở_leader": 404, "officer_b": 200,
                         "staff": 403, "leader": 403, "council_member": 404}),
    # drafting the Giám đốc's decision: his officers only (the Board never drafts a unit's decision)
    "prepare A": (lambda w: reverse("awards:decision_prepare") + f"?body={w['education'].pk}",
                  {"anonymous": 302, "officer_a": 200, "school_officer": 403, "sở_leader": 403, "officer_b": 403,
                   "staff": 403, "leader": 403, "council_member": 403}),
    "prepare B": (lambda w: reverse("awards:decision_prepare") + f"?body={w['health'].pk}",
                  {"anonymous": 302, "officer_a": 403, "school_officer": 403, "sở_leader": 403, "officer_b": 200,
                   "staff": 403, "leader": 403, "council_member": 403}),
    # a draft: invisible to the proposing school until published, and to the other unit
    "A's draft": (lambda w: reverse("awards:decision", args=[w["to_publish"].pk]),
                  {"anonymous": 302, "officer_a": 200, "school_officer": 404, "sở_leader": 200, "officer_b": 404,
                   "staff": 200, "leader": 200, "council_member": 403}),
    "B's draft": (lambda w: reverse("awards:decision", args=[w["b_draft"].pk]),
                  {"anonymous": 302, "officer_a": 404, "school_officer": 404, "sở_leader": 404, "officer_b": 200,
                   "staff": 200, "leader": 200, "council_member": 403}),
}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_who_sees_what_of_the_rounds(persona, client_for, world):
    client = client_for(persona)
    answers = {name: client.get(url(world)).status_code for name, (url, _expected) in GET.items()}
    assert answers == {name: expected[persona] for name, (_url, expected) in GET.items()}


# --- POST -----------------------------------------------------------------------------------------------------------

def _state(obj) -> str:
    return type(obj).objects.get(pk=obj.pk).state


def vote_form(dossier) -> dict:
    nomination = dossier.nominations.get()
    return {"held_on": "2025-01-08", "member_count": "15", "present_count": "15", "chair_name": "Trần Văn Hải",
            "secretary_name": "Lường Thị Hoa", f"yes_{nomination.pk}": "15"}


def draft_form(w, dossier, signer) -> dict:
    return {"decided_on": "2025-01-20", "signer": signer.pk, "reason": "x", "bonus_enabled": "on",
            "rounding": "up_10000", "nominations": [dossier.nominations.get().pk]}


# name: (url, data, what "done" looks like, who gets it done, status when not done, per persona)
POST = {
    "receive the school's round": (
        lambda w: reverse("awards:move", args=[w["submitted"].reference, "receive"]), lambda w: {},
        lambda w: _state(w["submitted"]) == "received", {"officer_a"},
        {"anonymous": 302, "school_officer": 302, "sở_leader": 403, "officer_b": 404, "staff": 403, "leader": 403,
         "council_member": 404}),
    "record A's council vote": (
        lambda w: reverse("awards:round_vote", args=[w["reviewed"].reference]), lambda w: vote_form(w["reviewed"]),
        lambda w: _state(w["reviewed"]) == "awaiting_decision", {"officer_a"},
        {"anonymous": 302, "school_officer": 404, "sở_leader": 403, "officer_b": 404, "staff": 403, "leader": 403,
         "council_member": 404}),
    "record B's council vote": (
        lambda w: reverse("awards:round_vote", args=[w["b_reviewed"].reference]), lambda w: vote_form(w["b_reviewed"]),
        lambda w: _state(w["b_reviewed"]) == "awaiting_decision", {"officer_b"},
        {"anonymous": 302, "officer_a": 404, "school_officer": 404, "sở_leader": 404, "staff": 403, "leader": 403,
         "council_member": 404}),
    "draft A's decision": (
        lambda w: reverse("awards:decision_prepare") + f"?body={w['education'].pk}",
        lambda w: draft_form(w, w["free"], w["director"]),
        lambda w: Decision.objects.filter(body=w["education"]).count() == 4, {"officer_a"},
        {"anonymous": 302, "school_officer": 403, "sở_leader": 403, "officer_b": 403, "staff": 403, "leader": 403,
         "council_member": 403}),
    "draft B's decision": (
        lambda w: reverse("awards:decision_prepare") + f"?body={w['health'].pk}",
        lambda w: draft_form(w, w["b_free"], w["b_director"]),
        lambda w: Decision.objects.filter(body=w["health"]).count() == 2, {"officer_b"},
        {"anonymous": 302, "officer_a": 403, "school_officer": 403, "sở_leader": 403, "staff": 403, "leader": 403,
         "council_member": 403}),
    "sign and publish A's decision": (
        lambda w: reverse("awards:decision_publish", args=[w["to_publish"].pk]), lambda w: {"confirm": "1"},
        lambda w: _state(w["to_publish"]) == DecisionState.PUBLISHED, {"sở_leader"},
        {"anonymous": 302, "officer_a": 403, "school_officer": 404, "officer_b": 404, "staff": 403, "leader": 403,
         "council_member": 403}),
    "publish B's decision": (
        lambda w: reverse("awards:decision_publish", args=[w["b_draft"].pk]), lambda w: {"confirm": "1"},
        lambda w: _state(w["b_draft"]) == DecisionState.PUBLISHED, {"officer_b"},  # unit B has no leader account
        {"anonymous": 302, "officer_a": 404, "school_officer": 404, "sở_leader": 404, "staff": 403, "leader": 403,
         "council_member": 403}),
    "cancel A's draft": (
        lambda w: reverse("awards:decision_close", args=[w["to_cancel"].pk, "cancel"]), lambda w: {"reason": "Sai"},
        lambda w: _state(w["to_cancel"]) == DecisionState.CANCELLED, {"officer_a", "sở_leader"},
        {"anonymous": 302, "school_officer": 404, "officer_b": 404, "staff": 403, "leader": 403,
         "council_member": 403}),
    "return A's draft (oversight)": (
        lambda w: reverse("awards:decision_close", args=[w["to_return"].pk, "return"]), lambda w: {"reason": "Sai"},
        lambda w: _state(w["to_return"]) == DecisionState.CANCELLED, {"staff"},
        {"anonymous": 302, "officer_a": 403, "school_officer": 404, "sở_leader": 403, "officer_b": 404, "leader": 403,
         "council_member": 403}),
    "return the school's round (oversight)": (
        lambda w: reverse("awards:round_return", args=[w["submitted"].reference]), lambda w: {"note": "Thiếu hồ sơ"},
        lambda w: _state(w["submitted"]) == "returned", {"staff"},
        {"anonymous": 302, "officer_a": 403, "school_officer": 403, "sở_leader": 403, "officer_b": 404,
         "leader": 403, "council_member": 404}),
}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_who_does_what_in_the_rounds(persona, client_for, world):
    client = client_for(persona)
    answers, expected = {}, {}
    for name, (url, data, done, doers, refused) in POST.items():
        status = client.post(url(world), data(world)).status_code
        answers[name] = (status, done(world))
        expected[name] = (302, True) if persona in doers else (refused[persona], False)
    assert answers == expected
    assert Dossier.objects.filter(state="decided").count() == (
        {"sở_leader": 1, "officer_b": 1}.get(persona, 0))
