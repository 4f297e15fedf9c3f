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


def test_the_plan_file_on_a_form_error_is_asked_for_again(client_for, unit_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response = client_for("staff").post(reverse("campaigns:create"), form(
        unit_a, code="", end_date="2025-01-01", document=SimpleUploadedFile("Kế hoạch.pdf", b"%PDF-1.4 ke hoach")))
    assert response.status_code == 400
    page = response.content.decode().replace("&quot;", '"')
    assert "Tệp \"Kế hoạch.pdf\" chưa được lưu vì biểu mẫu còn lỗi: hãy chọn lại tệp rồi bấm Lưu." in page
