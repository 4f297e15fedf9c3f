"""Client systems of the API and real objects of two units, for the API's tests."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client

from awards.api.auth import create_client
from awards.models import Award, AwardType, Decision, Signer
from tests.factories import PersonFactory, make_dossier

CLIENTS = {
    "read_a": (["read"], "unit_a"),
    "write_a": (["read", "write"], "unit_a"),
    "write_only_a": (["write"], "unit_a"),
    "read_all": (["read"], None),
    "citizen_a": (["read", "citizen_id"], "unit_a"),
    "central": (["central"], None),
}


def bearer(key: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


@pytest.fixture
def keys(request, unit_a):
    made = {}
    for name, (scopes, unit) in CLIENTS.items():
        _client, key = create_client(name, scopes, request.getfixturevalue(unit) if unit else None)
        made[name] = key
    return made


@pytest.fixture
def world(unit_a, unit_b, officer_a, officer_b, staff):
    """A person, a draft dossier and an award in each unit; one published decision."""
    person_a = PersonFactory(unit=unit_a, full_name="Hoàng Thị Hằng", citizen_id="020180000111",
                             position="Giáo viên")
    person_b = PersonFactory(unit=unit_b, full_name="Lộc Văn Tùng", citizen_id="020180000222", position="Bác sĩ")
    dossier_a = make_dossier(unit_a, officer_a)
    dossier_b = make_dossier(unit_b, officer_b)
    award_type = AwardType.objects.filter(code="bang-khen-chu-tich-ubnd-tinh").order_by("-valid_from").first()
    signer = Signer.objects.create(full_name="Hồ Tiến Thiệu", position="Chủ tịch UBND tỉnh", capacity="chu_tich",
                                   valid_from=datetime.date(2020, 1, 1))
    decision = Decision.objects.create(
        number=163, year=2021, decided_on=datetime.date(2021, 2, 6), signer=signer, award_type=award_type,
        occasion="cong_trang", achievement_year=2020, subject="Về việc tặng Bằng khen", legal_bases="Căn cứ",
        proposals="x", reason="x", executors="x", recipients="x", created_by=staff, state="published")
    draft = Decision.objects.create(
        number=164, year=2021, decided_on=datetime.date(2021, 2, 7), signer=signer, award_type=award_type,
        occasion="cong_trang", achievement_year=2020, subject="Dự thảo", legal_bases="Căn cứ", proposals="x",
        reason="x", executors="x", recipients="x", created_by=staff)
    awards = {}
    for key, person in (("a", person_a), ("b", person_b)):
        awards[key] = Award.objects.create(
            source="province", decision=decision, award_type=award_type, award_code=award_type.code,
            recipient_kind="ca_nhan", person=person, recipient_name=person.full_name, year=2021,
            achievement_year=2020, occasion="cong_trang", authority="chu_tich_ubnd_tinh",
            decision_number="163/QĐ-UBND", decided_on=datetime.date(2021, 2, 6), issuer="Chủ tịch UBND tỉnh")
    return {"person_a": person_a, "person_b": person_b, "dossier_a": dossier_a, "dossier_b": dossier_b,
            "decision": decision, "draft": draft, "awards": awards}


def api() -> Client:
    return Client(enforce_csrf_checks=True)
