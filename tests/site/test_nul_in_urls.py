"""A NUL character (%00) in a URL's path or query is a 400 with the Vietnamese page, never a 500 (PostgreSQL refuses
NUL in text values): found attacking the API's dossier references (issue 19)."""

from __future__ import annotations

import pytest

from tests.api.support import api, bearer, keys, world  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/awards/dossiers/HS%00/", "/search/?q=a%00b", "/awards/dossiers/?q=%00",
                                 "/public/decisions/?q=%00", "/dashboard/?year=%00", "/awards/dossiers/?%00=1"])
def test_nul_in_a_page_url(url, client_for):
    response = client_for("staff").get(url)
    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.content.decode()


def test_nul_in_an_api_reference(keys, world):  # noqa: F811
    reference = world["dossier_b"].reference
    for url in (f"/api/v1/dossiers/{reference}%00/", f"/api/v1/dossiers/{reference}%00/attachments/",
                "/api/v1/dossiers/?search=%00", "/api/v1/dashboard/?year=%00"):
        answer = api().get(url, **bearer(keys["write_a"]))
        assert (answer.status_code, answer.json()) == (400, {"detail": "Yêu cầu có ký tự NUL (%00); hãy bỏ ký tự đó."})
    assert api().get(f"/api/v1/dossiers/{world['dossier_a'].reference}/", **bearer(keys["read_a"])).status_code == 200


def test_nul_in_a_posted_field_is_a_400_but_not_in_a_files_content(client_for, keys, world, settings, tmp_path):  # noqa: F811
    settings.MEDIA_ROOT = tmp_path
    staff = client_for("staff")
    form = "application/x-www-form-urlencoded"
    response = staff.post("/accounts/login-locks/", "username=a%00b", content_type=form)
    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.content.decode()
    assert staff.post("/accounts/login-locks/", "username=ab", content_type=form).status_code == 302
    multipart = staff.post("/accounts/login-locks/", {"username": "a\x00b"})  # the form refuses it itself
    assert multipart.status_code == 200  # Django's own message, in Vietnamese from locale/vi (Django's is empty)
    assert "Không được có ký tự NUL (mã 0) trong nội dung; hãy bỏ ký tự đó." in multipart.content.decode()
    from django.core.files.uploadedfile import SimpleUploadedFile

    pdf = b"%PDF-1.4\n\x00\x00binary\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    answer = api().post(f"/api/v1/dossiers/{world['dossier_a'].reference}/attachments/", data={
        "kind": "to_trinh", "file": SimpleUploadedFile("a.pdf", pdf, "application/pdf")}, **bearer(keys["write_a"]))
    assert answer.status_code == 201
    answer = api().post(f"/api/v1/dossiers/{world['dossier_a'].reference}/attachments/", data={
        "kind": "to_trinh", "note": "x\x00", "file": SimpleUploadedFile("a.pdf", pdf, "application/pdf")},
        **bearer(keys["write_a"]))
    assert answer.status_code == 400
