"""The API's permission matrix: each client scope x each endpoint, GET and POST, with real objects of another
unit (unit B's person, dossier and award are never reachable by unit A's clients)."""

from __future__ import annotations

import json

import pytest

from tests.api.support import CLIENTS, api, bearer

pytestmark = pytest.mark.django_db

LISTS = ["units", "persons", "awards", "decisions", "dossiers"]
READERS = {"read_a", "write_a", "read_all", "citizen_a"}


@pytest.mark.parametrize("client_name", [*CLIENTS, "none"])
@pytest.mark.parametrize("endpoint", LISTS)
def test_get_lists(client_name, endpoint, keys, world):
    headers = bearer(keys[client_name]) if client_name in keys else {}
    response = api().get(f"/api/v1/{endpoint}/", **headers)
    expected = 401 if client_name == "none" else (200 if client_name in READERS else 403)
    assert response.status_code == expected
    assert response["Content-Type"] == "application/json"
    if expected == 401:
        assert response.json() == {"detail": "Cần gửi khóa API: Authorization: Bearer <khóa>."}
    if expected == 403:
        assert response.json() == {"detail": "Khóa API này không được đọc dữ liệu."}


@pytest.mark.parametrize("client_name", ["read_a", "write_a", "citizen_a"])
def test_unit_clients_read_only_their_unit(client_name, keys, world):
    headers = bearer(keys[client_name])
    persons = {p["id"] for p in api().get("/api/v1/persons/", **headers).json()["results"]}
    assert world["person_a"].pk in persons and world["person_b"].pk not in persons
    awards = {a["id"] for a in api().get("/api/v1/awards/", **headers).json()["results"]}
    assert awards == {world["awards"]["a"].pk}
    dossiers = {d["reference"] for d in api().get("/api/v1/dossiers/", **headers).json()["results"]}
    assert dossiers == {world["dossier_a"].reference}
    assert api().get(f"/api/v1/dossiers/{world['dossier_b'].reference}/", **headers).status_code == 404
    assert api().get(f"/api/v1/dossiers/{world['dossier_a'].reference}/", **headers).status_code == 200
    # a filter naming the other unit's person finds nothing, never the row
    assert api().get(f"/api/v1/awards/?person={world['person_b'].pk}", **headers).json()["count"] == 0


def test_province_reader_reads_every_unit(keys, world):
    headers = bearer(keys["read_all"])
    awards = {a["id"] for a in api().get("/api/v1/awards/", **headers).json()["results"]}
    assert awards == {world["awards"]["a"].pk, world["awards"]["b"].pk}


def test_decisions_are_published_only(keys, world):
    rows = api().get("/api/v1/decisions/", **bearer(keys["read_a"])).json()["results"]
    assert [(r["code"], r["public_url"]) for r in rows] == [
        ("163/QĐ-UBND", f"/public/decisions/{world['decision'].pk}/")]


@pytest.mark.parametrize("client_name", ["read_a", "write_a", "read_all"])
def test_citizen_id_only_with_its_scope(client_name, keys, world):
    rows = api().get("/api/v1/persons/", **bearer(keys[client_name])).json()["results"]
    assert {r["citizen_id"] for r in rows} == {None}
    rows = api().get("/api/v1/persons/", **bearer(keys["citizen_a"])).json()["results"]
    assert {r["full_name"]: r["citizen_id"] for r in rows}["Hoàng Thị Hằng"] == "020180000111"


def _post(path, key, body=None, **extra):
    headers = bearer(key) if key else {}
    return api().post(path, data=json.dumps(body if body is not None else {}), content_type="application/json",
                      **headers, **extra)


@pytest.mark.parametrize("client_name", [*CLIENTS, "none"])
def test_post_dossier_matrix(client_name, keys, world):
    body = {"title": "Đề nghị tặng Bằng khen năm 2020", "occasion": "cong_trang", "year": 2020,
            "nominations": [{"recipient_kind": "ca_nhan", "person": world["person_a"].pk,
                             "award_code": "bang-khen-chu-tich-ubnd-tinh", "achievement": "Hoàn thành xuất sắc"}]}
    response = _post("/api/v1/dossiers/", keys.get(client_name), body)
    expected = {"none": 401, "write_a": 201, "write_only_a": 201}.get(client_name, 403)
    assert response.status_code == expected, response.content
    if expected == 403:
        assert response.json() == {"detail": "Khóa API này không được lập, gửi hồ sơ."}


@pytest.mark.parametrize("client_name", [*CLIENTS, "none"])
@pytest.mark.parametrize("endpoint", ["units", "persons", "awards", "decisions"])
def test_post_to_read_only_lists(client_name, endpoint, keys, world):
    response = _post(f"/api/v1/{endpoint}/", keys.get(client_name))
    expected = {"none": 401, "write_a": 405, "write_only_a": 405}.get(client_name, 403)
    assert response.status_code == expected


@pytest.mark.parametrize("client_name", [*CLIENTS, "none"])
def test_submit_matrix_other_unit(client_name, keys, world):
    """Unit B's dossier: unit A's writers get 404 (not in their scope), readers 403, nobody moves it."""
    response = _post(f"/api/v1/dossiers/{world['dossier_b'].reference}/submit/", keys.get(client_name))
    expected = {"none": 401, "write_a": 404, "write_only_a": 404}.get(client_name, 403)
    assert response.status_code == expected
    world["dossier_b"].refresh_from_db()
    assert world["dossier_b"].state == "draft"


def test_person_of_another_unit_is_refused_in_a_nomination(keys, world):
    body = {"title": "Đề nghị", "occasion": "cong_trang", "year": 2020,
            "nominations": [{"recipient_kind": "ca_nhan", "person": world["person_b"].pk,
                             "award_code": "bang-khen-chu-tich-ubnd-tinh"}]}
    response = _post("/api/v1/dossiers/", keys["write_a"], body)
    assert response.status_code == 400
    errors = response.json()["nominations"]["0"]["person"]
    assert len(errors) == 1
    from awards.models import Dossier
    assert not Dossier.objects.filter(title="Đề nghị").exists()


def test_unknown_key_and_wrong_scheme(keys, world):
    assert api().get("/api/v1/units/", HTTP_AUTHORIZATION="Bearer tdkt_0000_x").status_code == 401
    assert api().get("/api/v1/units/", HTTP_AUTHORIZATION=f"Token {keys['read_a']}").status_code == 401
