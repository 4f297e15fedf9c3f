"""Attacks on the API's new surfaces (issue 19): a unit-A key on unit B's dossier and nominations, hostile file
names (RLO), a content type that lies, junk years on the dashboard, another unit's decision PDF."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from awards.models import Attachment, Decision, Issuance
from tests.api.support import api, bearer
from tests.api.test_files_dashboard import PDF

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(key, reference, name="to-trinh.pdf", content=PDF, content_type=None, **fields):
    from django.core.files.uploadedfile import SimpleUploadedFile

    file = SimpleUploadedFile(name, content, content_type=content_type or "application/pdf")
    return api().post(f"/api/v1/dossiers/{reference}/attachments/", data={"kind": "to_trinh", "file": file,
                                                                          **fields}, **bearer(key))


def test_unit_bs_dossier_under_another_spelling(keys, world):
    other = world["dossier_b"].reference
    before = Attachment.objects.filter(dossier=world["dossier_b"]).count()
    for reference, status in ((other.lower(), 404), (other.upper(), 404), (f" {other}", 404), (f"{other}%00", 400),
                              (f"{other}/../", 404)):
        response = upload(keys["write_a"], reference)
        assert response.status_code == status, (reference, response.status_code)
    assert Attachment.objects.filter(dossier=world["dossier_b"]).count() == before


def test_a_nomination_of_unit_bs_dossier(keys, world):
    nomination_b = world["dossier_b"].nominations.first()
    before = Attachment.objects.count()
    response = upload(keys["write_a"], world["dossier_a"].reference, nomination=str(nomination_b.pk))
    assert response.status_code == 400
    assert list(response.json()) == ["nomination"]
    assert Attachment.objects.count() == before


@pytest.mark.parametrize(("name", "stored"), [
    ("hoso\u202efdp.exe", "hosofdp.exe.pdf"),
    ("\u200bTờ trình\u2066.pdf", "Tờ trình.pdf"),
    ("../../etc/passwd", "passwd.pdf"),
    ("to\x00trinh.pdf", "totrinh.pdf"),
])
def test_hostile_file_names_are_cleaned(name, stored, keys, world):
    response = upload(keys["write_a"], world["dossier_a"].reference, name=name)
    assert response.status_code == 201, response.content
    attachment = Attachment.objects.get(pk=response.json()["id"])
    assert attachment.original_name == stored
    assert "\u202e" not in attachment.file.name and ".." not in attachment.file.name
    download = api().get(response.json()["url"], **bearer(keys["read_a"]))
    assert "\u202e" not in download["Content-Disposition"] and "%E2%80%AE" not in download["Content-Disposition"]


@pytest.mark.parametrize(("declared", "content", "status", "kept"), [
    ("image/png", PDF, 201, "application/pdf"),  # the content decides, not what the client declares
    ("application/pdf", b"<html><script>alert(1)</script></html>", 400, None),
    ("application/pdf", b"MZ\x90\x00" + b"\x00" * 60, 400, None),
])
def test_a_declared_content_type_that_lies(declared, content, status, kept, keys, world):
    before = set(Attachment.objects.values_list("pk", flat=True))
    response = upload(keys["write_a"], world["dossier_a"].reference, name="x.pdf", content=content,
                      content_type=declared)
    assert response.status_code == status
    assert list(Attachment.objects.exclude(pk__in=before).values_list("content_type", flat=True)) == (
        [kept] if kept else [])


def test_a_body_that_is_not_multipart(keys, world):
    response = api().post(f"/api/v1/dossiers/{world['dossier_a'].reference}/attachments/", data=PDF,
                          content_type="application/pdf", **bearer(keys["write_a"]))
    assert response.status_code == 415


@pytest.mark.parametrize("query", ["year=", "year=%20", "year=2021.0", "year=1e3", "year=-2021", "year=0x7e5",
                                   "year=%00", "year=\u0662\u0660\u0662\u0661", "year=2021&year=abc",
                                   "year[]=2021", "year=" + "9" * 400])
def test_dashboard_junk_years_are_never_a_500(query, keys, world):
    response = api().get(f"/api/v1/dashboard/?{query}", **bearer(keys["read_a"]))
    assert response.status_code in (200, 400), (query, response.status_code)


def test_unit_bs_published_decision_pdf_is_public_but_a_revoked_or_draft_is_not(keys, world, staff):
    """Published decisions are public documents (the verify page serves them too); a draft, even with a stored
    file, and a revoked decision are not served."""
    draft = world["draft"]
    Issuance.objects.create(decision=draft, mode="electronic", file=ContentFile(PDF, name="d.pdf"), sha256="0" * 64,
                            code="164/QĐ-UBND", issued_on=draft.decided_on, signer_name="Hồ Tiến Thiệu",
                            issued_at=timezone.now(), issued_by=staff)
    assert api().get(f"/api/v1/decisions/{draft.pk}/pdf/", **bearer(keys["read_a"])).status_code == 404
    Decision.objects.filter(pk=draft.pk).update(state="revoked")
    assert api().get(f"/api/v1/decisions/{draft.pk}/pdf/", **bearer(keys["read_a"])).status_code == 404
    assert datetime.date(2021, 2, 7) == draft.decided_on


def test_central_decisions_with_other_keys(keys, world):
    body = {"dossier": world["dossier_a"].reference, "nominations": [world["dossier_a"].nominations.first().pk],
            "outcome": "awarded", "number": "1/QĐ-CTN", "date": "2021-05-01"}
    for name in ("read_a", "write_a", "write_only_a", "read_all", "citizen_a"):
        response = api().post("/api/v1/central-decisions/", data=body, content_type="application/json",
                              **bearer(keys[name]))
        assert response.status_code == 403, name
    assert api().post("/api/v1/central-decisions/", data=body, content_type="application/json").status_code == 401


def test_huge_upload_is_refused(keys, world, settings):
    settings.ATTACHMENT_MAX_BYTES = 1000
    before = Attachment.objects.count()
    response = upload(keys["write_a"], world["dossier_a"].reference, content=PDF + b"0" * 5000)
    assert response.status_code == 400
    assert response.json() == {"file": ["Tệp lớn hơn giới hạn 1000 byte."]}
    assert Attachment.objects.count() == before
