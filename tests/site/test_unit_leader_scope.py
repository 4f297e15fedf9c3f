"""A leadership account bound to a unit below the province (the Giám đốc Sở GD&ĐT, ``sở_leader``) leads that unit
only: it reads its own unit's dossiers, decisions, persons and figures, as the unit's officers do, and nothing of
another unit (real objects of the Sở Y tế, unit B). The province's leadership (``leader``, bound to no unit, and a
leader bound to the UBND tỉnh at the root of the tree) still reads the whole province."""

from __future__ import annotations

import pytest
from django.test import Client

from awards.models import Award, Dossier
from campaigns.models import CampaignStatus
from tests.campaigns.support import make_campaign
from tests.factories import PersonFactory, UnitFactory, UserFactory, issue_decision, make_dossier, make_draft_decision
from units.models import Role, UnitKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(unit_a, unit_b, officer_a, officer_b, staff):
    decision = make_draft_decision(unit_b, officer_b, staff)
    issue_decision(decision, staff)
    return {
        "own_dossier": make_dossier(unit_a, officer_a),
        "other_dossier": Dossier.objects.get(unit=unit_b),
        "other_decision": decision,
        "own_person": PersonFactory(full_name="Lương Thị Thu Trang", unit=unit_a),
        "other_person": PersonFactory(full_name="Nông Văn Khánh", unit=unit_b),
        "draft_campaign": make_campaign(unit_b, code="du-thao-so-y-te", status=CampaignStatus.DRAFT),
    }


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_sở_leader_is_not_the_province_leader(sở_leader, leader):
    root = UnitFactory(code="ubnd-tinh-x", name="Ủy ban nhân dân tỉnh Lạng Sơn", kind=UnitKind.PROVINCE)
    chairman = UserFactory(username="chu_tich", unit=root, roles=[Role.LEADERSHIP])
    assert (sở_leader.is_province_leader, sở_leader.reads_own_unit) == (False, True)
    assert (leader.is_province_leader, leader.reads_own_unit) == (True, False)
    assert (chairman.is_province_leader, chairman.reads_own_unit) == (True, False)


def test_the_sở_leader_reads_his_units_dossiers_only(world, sở_leader, leader):
    client = client_of(sở_leader)
    listing = client.get("/awards/dossiers/")
    assert [d.reference for d in listing.context["page"]] == [world["own_dossier"].reference]
    assert client.get(f"/awards/dossiers/{world['own_dossier'].reference}/").status_code == 200
    assert client.get(f"/awards/dossiers/{world['other_dossier'].reference}/").status_code == 404
    assert client_of(leader).get(f"/awards/dossiers/{world['other_dossier'].reference}/").status_code == 200


def test_the_sở_leader_does_not_read_another_units_decision_or_person(world, sở_leader, leader):
    client = client_of(sở_leader)
    other = world["other_decision"]
    assert client.get(f"/awards/decisions/{other.pk}/").status_code == 404
    assert client.get(f"/units/people/{world['other_person'].pk}/history/").status_code == 404
    assert client.get(f"/units/people/{world['own_person'].pk}/history/").status_code == 200
    assert client_of(leader).get(f"/awards/decisions/{other.pk}/").status_code == 200
    assert client_of(leader).get(f"/units/people/{world['other_person'].pk}/history/").status_code == 200


def test_the_sở_leaders_dashboard_counts_his_unit_only(world, sở_leader, leader, unit_b):
    assert Award.objects.filter(proposing_unit=unit_b).count() == 1
    own = client_of(sở_leader).get("/dashboard/", {"year": "2021"})
    assert (own.context["unit_scope"], own.context["total"]) == (sở_leader.unit, 0)
    province = client_of(leader).get("/dashboard/", {"year": "2021"})
    assert (province.context["unit_scope"], province.context["total"]) == (None, 1)


def test_the_sở_leader_has_no_province_council_nor_campaign_drafts(world, sở_leader):
    client = client_of(sở_leader)
    assert client.get("/awards/council/").status_code == 403
    assert client.get(f"/campaigns/{world['draft_campaign'].code}/").status_code == 404
    menu = [item["label"] for item in client.get("/").context["nav_items"]]
    assert "Hội đồng" not in menu and "Tổng hợp" in menu


def test_the_sở_leader_cannot_post_on_another_units_dossier(world, sở_leader, unit_b, officer_b):
    other = make_dossier(unit_b, officer_b)
    response = client_of(sở_leader).post(f"/awards/dossiers/{other.reference}/move/submit/",
                                         {"version": other.version})
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.state == "draft"
