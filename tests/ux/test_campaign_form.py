"""Campaign code: generated when left empty, a Vietnamese message when typed wrong; the plan file on a form error."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from campaigns.models import Campaign

pytestmark = pytest.mark.django_db


def form(unit, **values):
    return {"name": "Phong trào thi đua “Chuyển đổi số” năm 2026", "kind": "chuyen_de", "method": "chuyen_de",
            "scope": "dia_phuong", "launch_level": "tinh", "launching_unit": unit.pk, "start_date": "2026-01-01",
            "groups-TOTAL_FORMS": "0", "groups-INITIAL_FORMS": "0", "targets-TOTAL_FORMS": "0",
            "targets-INITIAL_FORMS": "0", **values}


def test_an_empty_code_is_generated_from_the_name_and_year(client_for, unit_a):
    client = client_for("staff")
    assert client.post(reverse("campaigns:create"), form(unit_a, code="")).status_code == 302
    assert client.post(reverse("campaigns:create"), form(unit_a, code="")).status_code == 302
    assert sorted(Campaign.objects.values_list("code", flat=True)) == [
        "phong-trao-thi-dua-chuyen-doi-so-nam-2026", "phong-trao-thi-dua-chuyen-doi-so-nam-2026-2"]


def test_a_wrong_code_is_refused_in_vietnamese(client_for, unit_a):
    response = client_for("staff").post(reverse("campaigns:create"), form(unit_a, code="Cao điểm 2026"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Mã phong trào chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang" in page
    assert "Enter a valid" not in page


def test_a_taken_code_is_refused_in_vietnamese(client_for, unit_a):
    client = client_for("staff")
    client.post(reverse("campaigns:create"), form(unit_a, code="cao-diem-2026"))
    response = client.post(reverse("campaigns:create"), form(unit_a, code="cao-diem-2026"))
    assert "Mã phong trào \"cao-diem-2026\" đã được dùng; hãy chọn mã khác hoặc để trống." in response.content.decode(
    ).replace("&quot;", '"')


def test_the_plan_file_is_kept_across_a_form_error(client_for, unit_a, officer_a, settings, tmp_path,
                                                   django_capture_on_commit_callbacks):
    """The browser never sends a file twice: the first submission's file is held and saved with the campaign when
    the corrected form is sent without choosing it again."""
    from campaigns.models import CampaignDocument

    settings.MEDIA_ROOT = tmp_path
    client = client_for("staff")
    response = client.post(reverse("campaigns:create"), form(
        unit_a, code="", end_date="2025-01-01", document=SimpleUploadedFile("Kế hoạch.pdf", b"%PDF-1.4 ke hoach")))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Đã nhận tệp “Kế hoạch.pdf” — không cần tải lại" in page
    token = response.context["held"].token
    assert f'name="document_token" value="{token}"' in page
    assert len(list((tmp_path / "tmp" / "held").iterdir())) == 1
    # someone else's token is worth nothing
    other = client_for("officer_a").post(reverse("campaigns:create"), form(unit_a, code="", document_token=token))
    assert other.status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("campaigns:create"), form(unit_a, code="", end_date="2026-12-31",
                                                                 document_token=token))
    assert response.status_code == 302
    document = CampaignDocument.objects.get()
    assert (document.original_name, document.size, document.campaign.end_date.year) == ("Kế hoạch.pdf", 17, 2026)
    assert document.file.read() == b"%PDF-1.4 ke hoach"
    assert list((tmp_path / "tmp" / "held").iterdir()) == []  # the held copy is gone


def test_a_forged_token_is_ignored(client_for, unit_a, settings, tmp_path):
    from campaigns.models import CampaignDocument

    settings.MEDIA_ROOT = tmp_path
    response = client_for("staff").post(reverse("campaigns:create"), form(unit_a, code="", document_token="x:y:z"))
    assert response.status_code == 302 and not CampaignDocument.objects.exists()
