"""The admin covers every model, in Vietnamese, and lets board staff keep reference data."""

import datetime
from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib import admin

from awards.models import AwardType
from tests.factories import UnitFactory
from units.models import UnitAlias, UnitKind
from units.names import resolve_unit

pytestmark = pytest.mark.django_db

OUR_APPS = ["units", "awards", "campaigns"]
READ_ONLY = {"dossier", "nomination", "attachment", "dossiertransition", "dossierrevision", "councilsession",
             "agendaitem", "vote", "numbersequence", "councilminutessequence", "decision", "decisionline",
             "decisiondocument", "award", "dashboardreport", "attachmentaccess", "nominationeligibility",
             "unitcouncilvote", "unitvoteline", "statisticsfigure", "importjob", "personaldataread",
             "decisionsignature", "issuance", "verificationcode", "signingsession",
             "campaigntransition", "campaigndocument", "targetreport", "clusteryeartransition", "deferredtask",
             "fund", "fundline", "fundentry", "paymentvoucher",
             "consultation", "opinion", "counciloverride", "apiclient", "apicall", "idempotentwrite",
             "exchangemessage", "notice", "sentreminder"}


def test_every_model_is_registered():
    models = [m for app in OUR_APPS for m in apps.get_app_config(app).get_models()
              if not m._meta.auto_created]
    assert [m.__name__ for m in models if m not in admin.site._registry] == []


@pytest.mark.parametrize("app_label", OUR_APPS)
def test_staff_opens_every_changelist_and_add_form(client, staff, administrator, app_label):
    client.force_login(staff)
    for model in apps.get_app_config(app_label).get_models():
        if model._meta.auto_created:
            continue
        name = model._meta.model_name
        expected = 403 if (app_label, name) == ("units", "user") else 200  # accounts are the administrator's
        assert client.get(f"/admin/{app_label}/{name}/").status_code == expected, name
        add = 403 if name in READ_ONLY else expected  # workflow records change only through the app
        assert client.get(f"/admin/{app_label}/{name}/add/").status_code == add, name


def test_admin_speaks_vietnamese(client, staff):
    client.force_login(staff)
    html = client.get("/admin/").content.decode()
    assert "Quản trị dữ liệu - Thi đua, Khen thưởng" in html
    assert "Danh mục khen thưởng" in html and "Phong trào thi đua" in html and "Đơn vị" in html


def test_officer_cannot_reach_the_admin(client, officer_a):
    client.force_login(officer_a)
    response = client.get("/admin/awards/awardtype/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_saving_a_new_version_in_the_admin_closes_the_previous_one(client, staff):
    current = AwardType.objects.get(code="co-thi-dua-ubnd-tinh", valid_to__isnull=True)
    client.force_login(staff)
    form = {
        "code": "co-thi-dua-ubnd-tinh", "name": current.name, "short_name": current.short_name, "series": "",
        "award_class": "", "family": current.family, "sort_order": current.sort_order,
        "authority": current.authority, "for_collective": "on", "is_yearly": "on",
        "requires_council_vote": "on", "vote_threshold_pct": "80", "bonus_individual": "",
        "bonus_collective": "9.5", "bonus_household": "", "legal_citation": "Nghị định giả định 2027",
        "note": "", "valid_from": "01/03/2027", "valid_to": "",
    }
    response = client.post("/admin/awards/awardtype/add/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    current.refresh_from_db()
    assert current.valid_to == datetime.date(2027, 2, 28)
    new = AwardType.objects.get(code="co-thi-dua-ubnd-tinh", valid_from=datetime.date(2027, 3, 1))
    assert new.bonus_collective == Decimal("9.50")
    assert new.valid_to is None


def test_staff_adds_an_alias_on_the_unit_page_and_the_resolver_reads_it(client, staff):
    commune = UnitFactory(code="xa-hiep-ha", name="Xã Hiệp Hạ", kind=UnitKind.COMMUNE)
    client.force_login(staff)
    form = {
        "code": "xa-hiep-ha", "name": "Xã Hiệp Hạ", "short_name": "", "kind": "xa_phuong", "parent": "",
        "sort_order": "0", "valid_from": "", "valid_to": "30/06/2025", "predecessors": [], "email": "", "address": "",
        "aliases-TOTAL_FORMS": "1", "aliases-INITIAL_FORMS": "0", "aliases-0-name": "UBND xã Hiệp Hạ, huyện Lộc Bình",
        "aliases-0-valid_from": "", "aliases-0-valid_to": "30/06/2025",
        "children-TOTAL_FORMS": "0", "children-INITIAL_FORMS": "0",
    }

    response = client.post(f"/admin/units/unit/{commune.pk}/change/", form)

    assert response.status_code == 302, response.content.decode()[:3000]
    alias = UnitAlias.objects.get()
    assert (alias.unit, alias.name, alias.folded, alias.valid_to) == (
        commune, "UBND xã Hiệp Hạ, huyện Lộc Bình", "xa hiep ha huyen loc binh", datetime.date(2025, 6, 30))
    assert resolve_unit("Ủy ban nhân dân xã Hiệp Hạ huyện Lộc Bình", datetime.date(2019, 12, 31)) == commune
    page = client.get("/admin/units/unit/?q=hiệp hạ, huyện lộc bình").content.decode()
    assert f"/admin/units/unit/{commune.pk}/change/" in page
