"""Writes through the API go through the pages' forms and the workflow: same rules, same messages; a repeated
Idempotency-Key creates nothing twice; bad input is a 4xx with a JSON body; every call is logged; the rate is
limited per client; the token command prints the key once, alone on its last line."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from awards.api.auth import hash_key
from awards.models import ApiCall, ApiClient, Dossier, Nomination
from tests.api.support import api, bearer

pytestmark = pytest.mark.django_db

BODY = {"title": "Đề nghị tặng Bằng khen năm 2020", "occasion": "cong_trang", "year": 2020,
        "submission_number": "15/TTr-SGDĐT", "submission_date": "2021-01-10",
        "nominations": [{"recipient_kind": "ca_nhan", "new_person_name": "Nông Văn Dũng", "new_person_gender": "nam",
                         "new_person_position": "Giáo viên", "award_code": "bang-khen-chu-tich-ubnd-tinh",
                         "achievement": "Hai năm liền hoàn thành xuất sắc nhiệm vụ"}]}


def post(path, key, body, **extra):
    return api().post(path, data=json.dumps(body), content_type="application/json", **bearer(key), **extra)


def test_create_dossier_as_the_unit_officer_would(keys, world, unit_a):
    response = post("/api/v1/dossiers/", keys["write_a"], BODY)
    assert response.status_code == 201
    data = response.json()
    dossier = Dossier.objects.get(reference=data["reference"])
    assert (dossier.unit, dossier.state, dossier.title) == (unit_a, "draft", "Đề nghị tặng Bằng khen năm 2020")
    assert dossier.created_by == ApiClient.objects.get(name="write_a").user
    assert [(n["recipient_name"], n["award_code"]) for n in data["nominations"]] == [
        ("Nông Văn Dũng", "bang-khen-chu-tich-ubnd-tinh")]
    assert Nomination.objects.get(dossier=dossier).person.unit == unit_a


def test_same_idempotency_key_creates_once(keys, world):
    first = post("/api/v1/dossiers/", keys["write_a"], BODY, HTTP_IDEMPOTENCY_KEY="lgsp-0001")
    again = post("/api/v1/dossiers/", keys["write_a"], BODY, HTTP_IDEMPOTENCY_KEY="lgsp-0001")
    assert (first.status_code, again.status_code) == (201, 201)
    assert first.json() == again.json()
    assert Dossier.objects.filter(title=BODY["title"]).count() == 1
    other = post("/api/v1/dossiers/", keys["write_a"], {**BODY, "title": "Khác"}, HTTP_IDEMPOTENCY_KEY="lgsp-0001")
    assert other.status_code == 422
    assert other.json() == {"detail": "Idempotency-Key này đã dùng cho một yêu cầu khác."}


def test_the_forms_messages_come_back(keys, world):
    body = {**BODY, "nominations": [{"recipient_kind": "ca_nhan", "award_code": "bang-khen-chu-tich-ubnd-tinh"}]}
    response = post("/api/v1/dossiers/", keys["write_a"], body)
    assert response.status_code == 400
    assert response.json() == {"nominations": {"0": {
        "person": ["Chọn một cá nhân trong danh bạ hoặc ghi họ tên cá nhân mới."]}}}
    assert not Dossier.objects.filter(title=BODY["title"]).exists()


def test_award_outside_the_authority(keys, world):
    body = {**BODY, "nominations": [{**BODY["nominations"][0], "award_code": "khong-co"}]}
    response = post("/api/v1/dossiers/", keys["write_a"], body)
    assert response.json()["nominations"]["0"]["award_type"] == [
        "Danh hiệu, hình thức này không tặng cho đối tượng đã chọn, hoặc không thuộc thẩm quyền của cấp quyết định "
        "của hồ sơ."]


@pytest.mark.parametrize(("raw", "expected"), [
    ("{not json", {"detail": "JSON parse error - Expecting property name enclosed in double quotes: line 1 column 2 "
                             "(char 1)"}),
    (json.dumps({**BODY, "colour": "red"}), {"colour": ["Trường không có trong lược đồ."]}),
    (json.dumps({**BODY, "year": "hai nghìn"}), {"year": ["A valid integer is required."]}),
    (json.dumps([1, 2]), {"non_field_errors": ["Invalid data. Expected a dictionary, but got list."]}),
])
def test_bad_input_is_a_400_with_a_body(raw, expected, keys, world):
    response = api().post("/api/v1/dossiers/", data=raw, content_type="application/json", **bearer(keys["write_a"]))
    assert response.status_code == 400
    assert response.json() == expected


def test_submit_goes_through_the_workflow(keys, world, unit_a):
    created = post("/api/v1/dossiers/", keys["write_a"], BODY).json()
    response = post(f"/api/v1/dossiers/{created['reference']}/submit/", keys["write_a"], {})
    # the same guard as the page's "Gửi hồ sơ": the attachments the award needs are missing
    assert response.status_code == 400
    assert response.json() == {"detail": "Thiếu tài liệu: Tờ trình, Báo cáo thành tích."}
    assert Dossier.objects.get(reference=created["reference"]).state == "draft"
    complete = world["dossier_a"]
    response = post(f"/api/v1/dossiers/{complete.reference}/submit/", keys["write_a"], {})
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "submitted"
    complete.refresh_from_db()
    assert complete.history.get().actor == ApiClient.objects.get(name="write_a").user
    again = post(f"/api/v1/dossiers/{complete.reference}/submit/", keys["write_a"], {})
    assert again.status_code in (400, 409)


def test_every_call_is_logged(keys, world):
    api().get("/api/v1/units/", **bearer(keys["read_a"]))
    api().get("/api/v1/units/")
    calls = list(ApiCall.objects.order_by("pk").values_list("client__name", "method", "path", "status"))
    assert calls == [("read_a", "GET", "/api/v1/units/", 200), (None, "GET", "/api/v1/units/", 401)]


def test_rate_limited_per_client(keys, world, settings):
    from rest_framework.settings import api_settings
    from rest_framework.throttling import SimpleRateThrottle

    rates = {**api_settings.DEFAULT_THROTTLE_RATES, "client": "3/min"}
    original = SimpleRateThrottle.THROTTLE_RATES
    SimpleRateThrottle.THROTTLE_RATES = rates
    try:
        codes = [api().get("/api/v1/units/", **bearer(keys["read_a"])).status_code for _ in range(4)]
        other = api().get("/api/v1/units/", **bearer(keys["read_all"])).status_code
    finally:
        SimpleRateThrottle.THROTTLE_RATES = original
    assert codes == [200, 200, 200, 429]
    assert other == 200


def test_create_api_token_prints_the_key_once(unit_a):
    out = io.StringIO()
    call_command("create_api_token", "LGSP Lạng Sơn", "--scopes", "read,write", "--unit", unit_a.code, stdout=out)
    lines = out.getvalue().strip().splitlines()
    key = lines[-1]
    client = ApiClient.objects.get(name="LGSP Lạng Sơn")
    assert key.startswith("tdkt_") and key not in client.key_hash
    assert client.key_hash == hash_key(key)
    assert client.scope_set == {"read", "write"} and client.unit == unit_a
    assert api().get("/api/v1/units/", **bearer(key)).status_code == 200
