"""The API's dashboard (the page's figures from the same selectors, for the key's unit subtree), a dossier's
attachments (upload with the page's checks, download logged), a published decision's issued PDF, and the central
decisions a client system sends, with their permission matrix (scopes x unit subtree, real objects of unit B)."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from awards.enums import CentralOutcome, DossierState
from awards.models import Attachment, AttachmentAccess, Issuance
from awards.reports.figures import year_figures
from tests.api.support import CLIENTS, api, bearer
from tests.factories import UnitFactory, make_dossier

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
READERS = {"read_a", "write_a", "read_all", "citizen_a"}


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(key, reference, name="to-trinh.pdf", content=PDF, **fields):
    data = {"kind": "to_trinh", "file": io.BytesIO(content), **fields}
    data["file"].name = name
    return api().post(f"/api/v1/dossiers/{reference}/attachments/", data=data, **(bearer(key) if key else {}))


# ------------------------------------------------------------------------------------------------ dashboard


@pytest.mark.parametrize("client_name", [*CLIENTS, "none"])
def test_dashboard_matrix(client_name, keys, world):
    response = api().get("/api/v1/dashboard/?year=2021", **(bearer(keys[client_name]) if client_name in keys else {}))
    assert response.status_code == (401 if client_name == "none" else 200 if client_name in READERS else 403)


def test_dashboard_is_the_pages_figures_for_the_province(keys, world, client_for):
    data = api().get("/api/v1/dashboard/?year=2021", **bearer(keys["read_all"])).json()
    page = client_for("staff").get("/dashboard/?year=2021").context
    assert (data["year"], data["years"], data["total"], data["board_total"], data["paragraph"]) == (
        2021, [2021], 2, 2, page["paragraph"])
    assert data["paragraph"] == "02 cá nhân được tặng Bằng khen của Chủ tịch UBND tỉnh."
    assert [(line["label"], line["individuals"], line["total"]) for line in data["lines"]] == [
        (line.label, line.counts["ca_nhan"], line.total) for line in page["lines"]]
    assert data["kinds"] == [{"code": "tap_the", "label": "Tập thể", "count": 0},
                             {"code": "ca_nhan", "label": "Cá nhân", "count": 2},
                             {"code": "ho_gia_dinh", "label": "Hộ gia đình", "count": 0}]
    assert data["trend"][-1] == {"year": 2021, "collectives": 0, "individuals": 2, "households": 0, "total": 2}
    assert data["levels"] == [{"level": "tinh", "label": "Khen thưởng cấp tỉnh", "total": 2}]
    assert data["processing"] == dict(page["processing"])


def test_dashboard_of_a_unit_key_is_its_subtree(keys, world, unit_a, officer_a, client_for):
    """Unit A's key counts unit A and the units below it, never unit B: with no unit below A, the figures of unit
    A's officer on the page; an award proposed by a school under A joins them."""
    from awards.models import Award

    for award in world["awards"].values():
        Award.objects.filter(pk=award.pk).update(proposing_unit=award.person.unit)
    data = api().get("/api/v1/dashboard/?year=2021", **bearer(keys["read_a"])).json()
    page = client_for("officer_a").get("/dashboard/?year=2021").context
    assert (data["total"], page["total"], data["paragraph"]) == (
        1, 1, "01 cá nhân được tặng Bằng khen của Chủ tịch UBND tỉnh.")
    school = UnitFactory(code="thpt-a", name="Trường THPT A", parent=unit_a)
    award_b = world["awards"]["b"]
    Award.objects.filter(pk=award_b.pk).update(proposing_unit=school)
    assert api().get("/api/v1/dashboard/?year=2021", **bearer(keys["read_a"])).json()["total"] == 2
    assert year_figures(2021, unit_a.pk)["total"] == 1  # the page's officer: his unit only, as before


@pytest.mark.parametrize("query", ["year=abc", "year=1800", "year=99999999999"])
def test_dashboard_bad_year_is_a_400(query, keys, world):
    response = api().get(f"/api/v1/dashboard/?{query}", **bearer(keys["read_all"]))
    assert response.status_code == 400
    assert list(response.json()) == ["year"]


def test_dashboard_without_year_opens_on_the_latest(keys, world):
    assert api().get("/api/v1/dashboard/", **bearer(keys["read_all"])).json()["year"] == 2021


# ------------------------------------------------------------------------------------------------ attachments


@pytest.mark.parametrize("client_name", [*CLIENTS, "none"])
def test_upload_matrix(client_name, keys, world):
    """Only unit A's writers attach, and only to unit A's dossiers (unit B's is not found)."""
    own = upload(keys.get(client_name), world["dossier_a"].reference)
    other = upload(keys.get(client_name), world["dossier_b"].reference)
    expected = {"none": 401, "write_a": 201, "write_only_a": 201}.get(client_name, 403)
    assert own.status_code == expected, own.content
    assert other.status_code == {"none": 401, "write_a": 404, "write_only_a": 404}.get(client_name, 403)
    assert not Attachment.objects.filter(dossier=world["dossier_b"], original_name="to-trinh.pdf").exists()


def test_upload_as_the_page_does(keys, world):
    dossier = world["dossier_a"]
    response = upload(keys["write_a"], dossier.reference, name="Tờ trình số 15.pdf", note="Bản chính")
    assert response.status_code == 201
    data = response.json()
    attachment = Attachment.objects.get(pk=data["id"])
    assert (data["kind"], data["original_name"], data["content_type"], data["size"], data["note"]) == (
        "to_trinh", "Tờ trình số 15.pdf", "application/pdf", len(PDF), "Bản chính")
    assert attachment.uploaded_by.username.startswith("api-")
    dossier.refresh_from_db()
    assert data["url"] == f"/api/v1/dossiers/{dossier.reference}/attachments/{attachment.pk}/"
    listed = api().get(f"/api/v1/dossiers/{dossier.reference}/", **bearer(keys["read_a"])).json()
    assert data["id"] in [a["id"] for a in listed["attachments"]]


@pytest.mark.parametrize(("name", "content", "fields", "expected"), [
    ("virus.pdf", b"MZ\x90\x00" + b"\x00" * 60, {},
     {"file": ["Định dạng tệp không được chấp nhận. Chỉ nhận PDF, DOCX, XLSX, JPEG, PNG."]}),
    ("cu.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 60, {},
     {"file": ["Định dạng Word/Excel cũ (.doc, .xls) không được nhận; hãy lưu lại thành .docx, .xlsx hoặc PDF."]}),
    ("rong.pdf", b"", {}, {"file": ["Tập tin được gửi là rỗng."]}),
    ("a.pdf", PDF, {"kind": "khong-co"}, {"kind": ['"khong-co" is not a valid choice.']}),
    ("a.pdf", PDF, {"colour": "red"}, {"colour": ["Trường không có trong lược đồ."]}),
    ("a.pdf", PDF, {"version": "0"}, {"detail": 'Hồ sơ đã thay đổi từ khi bạn mở trang (hiện ở trạng thái "Dự '
                                                'thảo"); chưa lưu gì. Nội dung bạn vừa nhập vẫn còn trên màn hình: '
                                                'hãy xem lại hồ sơ rồi lưu lại.'}),
])
def test_upload_refusals(name, content, fields, expected, keys, world):
    before = Attachment.objects.count()
    response = upload(keys["write_a"], world["dossier_a"].reference, name=name, content=content, **fields)
    assert response.status_code in (400, 409)
    assert response.json() == expected
    assert Attachment.objects.count() == before


def test_upload_over_the_size_limit(keys, world, settings):
    settings.ATTACHMENT_MAX_BYTES = 20
    response = upload(keys["write_a"], world["dossier_a"].reference)
    assert response.json() == {"file": ["Tệp lớn hơn giới hạn 20 byte."]}


def test_upload_refused_outside_draft(keys, world):
    from awards.models import Dossier

    Dossier.objects.filter(pk=world["dossier_a"].pk).update(state=DossierState.SUBMITTED)
    response = upload(keys["write_a"], world["dossier_a"].reference)
    assert response.status_code == 403
    assert response.json() == {"detail": 'Hồ sơ đang ở trạng thái "Đã nộp, chờ tiếp nhận": chỉ sửa được khi còn là '
                                         'dự thảo hoặc bị trả lại.'}


@pytest.mark.parametrize("client_name", [*CLIENTS, "none"])
def test_download_matrix(client_name, keys, world):
    own = world["dossier_a"].attachments.first()
    other = world["dossier_b"].attachments.first()
    headers = bearer(keys[client_name]) if client_name in keys else {}
    response = api().get(f"/api/v1/dossiers/{world['dossier_a'].reference}/attachments/{own.pk}/", **headers)
    expected = 401 if client_name == "none" else 200 if client_name in READERS else 403
    assert response.status_code == expected
    # unit B's attachment, through unit A's dossier or its own: never for unit A's keys
    for path in (f"/api/v1/dossiers/{world['dossier_a'].reference}/attachments/{other.pk}/",
                 f"/api/v1/dossiers/{world['dossier_b'].reference}/attachments/{other.pk}/"):
        code = api().get(path, **headers).status_code
        if client_name in {"read_a", "write_a", "citizen_a"}:
            assert code == 404
    if expected == 200:
        assert b"".join(response.streaming_content) == b"%PDF-1.4 test"
        assert response["Content-Type"] == "application/pdf"


def test_download_is_logged(keys, world):
    attachment = world["dossier_a"].attachments.first()
    api().get(f"/api/v1/dossiers/{world['dossier_a'].reference}/attachments/{attachment.pk}/",
              **bearer(keys["read_a"]))
    access = AttachmentAccess.objects.get(attachment=attachment)
    assert access.user.full_name == "Hệ thống read_a"


@pytest.mark.parametrize("path", ["abc", "-1", "99999999999", "0"])
def test_bad_ids_are_404(path, keys, world):
    for url in (f"/api/v1/decisions/{path}/pdf/", f"/api/v1/dossiers/{world['dossier_a'].reference}/attachments/"
                                                  f"{path}/"):
        response = api().get(url, **bearer(keys["read_a"]))
        assert (response.status_code, response.json()) == (404, {"detail": "Không tìm thấy."})


# ------------------------------------------------------------------------------------------------ decision PDF


def test_decision_pdf(keys, world, staff):
    decision = world["decision"]
    rows = api().get("/api/v1/decisions/", **bearer(keys["read_a"])).json()["results"]
    assert rows[0]["pdf_url"] is None
    assert api().get(f"/api/v1/decisions/{decision.pk}/pdf/", **bearer(keys["read_a"])).status_code == 404
    Issuance.objects.create(decision=decision, mode="electronic", file=ContentFile(PDF, name="qd.pdf"),
                            sha256="0" * 64, code="163/QĐ-UBND", issued_on=decision.decided_on,
                            signer_name="Hồ Tiến Thiệu", issued_at=timezone.now(), issued_by=staff)
    rows = api().get("/api/v1/decisions/", **bearer(keys["read_a"])).json()["results"]
    assert rows[0]["pdf_url"] == f"/api/v1/decisions/{decision.pk}/pdf/"
    response = api().get(rows[0]["pdf_url"], **bearer(keys["read_a"]))
    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''QD-163-2021-Q%C4%90-UBND.pdf"
    draft = world["draft"]
    assert api().get(f"/api/v1/decisions/{draft.pk}/pdf/", **bearer(keys["read_a"])).status_code == 404
    assert api().get(f"/api/v1/decisions/{decision.pk}/pdf/", **bearer(keys["write_only_a"])).status_code == 403


# ------------------------------------------------------------------------------------------------ central decisions


@pytest.fixture
def forwarded(unit_a, officer_a, staff):
    from awards.decisions import central

    medal = make_dossier(unit_a, officer_a, code="huan-chuong-lao-dong-hang-ba", authority="chu_tich_nuoc",
                         state=DossierState.AWAITING_DECISION, verdict="eligible")
    central.forward_dossier(medal, "1849/TTr-UBND", datetime.date(2020, 9, 30), staff)
    return medal


def post_central(key, body, **extra):
    return api().post("/api/v1/central-decisions/", data=json.dumps(body), content_type="application/json",
                      **(bearer(key) if key else {}), **extra)


@pytest.mark.parametrize("client_name", [*CLIENTS, "none"])
def test_central_matrix(client_name, keys, world, forwarded):
    nomination = forwarded.nominations.get()
    body = {"dossier": forwarded.reference, "nominations": [nomination.pk], "outcome": "awarded",
            "number": "2177/QĐ-CTN", "date": "2020-12-28"}
    response = post_central(keys.get(client_name), body)
    expected = {"none": 401, "central": 200}.get(client_name, 403)
    assert response.status_code == expected, response.content
    forwarded.refresh_from_db()
    assert forwarded.state == (DossierState.DECIDED if expected == 200 else DossierState.FORWARDED)
    if expected == 403:
        assert response.json() == {"detail": "Khóa API này không được gửi quyết định của cấp trên."}


def test_central_decision_recorded_as_the_page_does(keys, forwarded):
    nomination = forwarded.nominations.get()
    body = {"dossier": forwarded.reference.lower(), "nominations": [nomination.pk], "outcome": "awarded",
            "number": "2177/QĐ-CTN", "date": "2020-12-28"}
    first = post_central(keys["central"], body, HTTP_IDEMPOTENCY_KEY="ctn-2177")
    again = post_central(keys["central"], body, HTTP_IDEMPOTENCY_KEY="ctn-2177")
    assert (first.status_code, again.status_code, first.json()["state"]) == (200, 200, "decided")
    assert first.json() == again.json()
    nomination.refresh_from_db()
    assert (nomination.central_outcome, nomination.central_decision_number, nomination.central_decision_date) == (
        CentralOutcome.AWARDED, "2177/QĐ-CTN", datetime.date(2020, 12, 28))
    assert list(forwarded.history.values_list("action", "actor__full_name")) == [
        ("forward", "Trần Văn Ba"), ("record_central", "Hệ thống central")]
    from awards.models import Award

    assert Award.objects.filter(decision_number="2177/QĐ-CTN").count() == 1


@pytest.mark.parametrize(("change", "expected"), [
    ({"number": ""}, {"detail": "Cần ghi số và ngày quyết định khen thưởng của cấp trên."}),
    ({"nominations": [2**31 - 1]}, "unknown"),
    ({"outcome": "maybe"}, {"outcome": ['"maybe" is not a valid choice.']}),
    ({"dossier": "<script>"}, {"dossier": ["This value does not match the required pattern."]}),
    ({"extra": 1}, {"extra": ["Trường không có trong lược đồ."]}),
])
def test_central_refusals_change_nothing(change, expected, keys, forwarded):
    nomination = forwarded.nominations.get()
    body = {"dossier": forwarded.reference, "nominations": [nomination.pk], "outcome": "awarded",
            "number": "2177/QĐ-CTN", "date": "2020-12-28", **change}
    response = post_central(keys["central"], body)
    assert response.status_code == 400
    if expected == "unknown":
        expected = {"nominations": [f"Đề nghị không thuộc hồ sơ {forwarded.reference}: {2**31 - 1}."]}
    assert response.json() == expected
    forwarded.refresh_from_db()
    nomination.refresh_from_db()
    assert (forwarded.state, nomination.central_outcome) == (DossierState.FORWARDED, "")


def test_central_on_a_dossier_not_forwarded(keys, world):
    nomination = world["dossier_a"].nominations.first()
    body = {"dossier": world["dossier_a"].reference, "nominations": [nomination.pk], "outcome": "refused"}
    response = post_central(keys["central"], body)
    assert (response.status_code, response.json()) == (
        400, {"detail": "Chỉ ghi quyết định của cấp trên khi hồ sơ đã được trình cấp trên."})
    assert post_central(keys["central"], {**body, "dossier": "HS-KHONG-CO"}).status_code == 404


def test_central_scope_is_province_wide(unit_a):
    from awards.api.auth import create_client

    with pytest.raises(ValueError, match="không gắn với đơn vị"):
        create_client("LGSP", ["central"], unit_a)
