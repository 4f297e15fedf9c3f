"""Calibrations of pre-printed blanks (phôi) are data board staff keep in the admin; one whose positions fall
outside its paper is refused by the model, with a Vietnamese message naming the field."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from awards.models import BlankCalibration

pytestmark = pytest.mark.django_db

INSIDE_A3 = {
    "recipient_x_mm": 210, "recipient_y_mm": 150, "reason_x_mm": 210, "reason_y_mm": 185, "reason_width_mm": 300,
    "decision_x_mm": 40, "decision_y_mm": 265, "place_date_x_mm": 300, "place_date_y_mm": 222,
    "signer_title_x_mm": 300, "signer_title_y_mm": 232, "signer_name_x_mm": 300, "signer_name_y_mm": 275,
}


def calibration(**values) -> BlankCalibration:
    fields = {"name": "Phôi Bằng khen A3", "kind": "bang_khen", "paper": "a3_ngang", **INSIDE_A3, **values}
    return BlankCalibration(**fields)


def refusal(**values) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        calibration(**values).full_clean()
    return caught.value.message_dict


def test_a_preset_paper_fills_its_size():
    saved = calibration(paper="a4_doc")
    saved.save()
    saved.refresh_from_db()
    assert (saved.paper_width_mm, saved.paper_height_mm) == (Decimal(210), Decimal(297))
    landscape = calibration(kind="giay_khen", paper="a3_ngang")
    landscape.full_clean()
    assert landscape.size_mm == (Decimal(420), Decimal(297))


def test_position_outside_the_paper_is_refused_naming_the_field():
    assert refusal(recipient_x_mm=450) == {"recipient_x_mm": [
        'Vị trí "Tên tập thể, cá nhân được khen" (x = 450 mm, đã cộng độ dịch) nằm ngoài khổ giấy 420 × 297 mm.']}
    assert refusal(place_date_y_mm=Decimal("297.5")) == {"place_date_y_mm": [
        'Vị trí "Địa danh, ngày tháng" (y = 297,5 mm, đã cộng độ dịch) nằm ngoài khổ giấy 420 × 297 mm.']}


def test_a4_landscape_refuses_each_field_below_its_bottom():
    errors = refusal(paper="a4_ngang")
    assert errors["decision_y_mm"] == [
        'Vị trí "Số, ngày quyết định" (y = 265 mm, đã cộng độ dịch) nằm ngoài khổ giấy 297 × 210 mm.']
    assert errors["signer_name_x_mm"] == [
        'Vị trí "Họ tên người ký" (x = 300 mm, đã cộng độ dịch) nằm ngoài khổ giấy 297 × 210 mm.']
    assert set(errors) == {"decision_y_mm", "place_date_x_mm", "place_date_y_mm", "signer_title_x_mm",
                           "signer_title_y_mm", "signer_name_x_mm", "signer_name_y_mm", "reason_width_mm"}


def test_the_printer_offset_counts():
    assert refusal(offset_y_mm=-20, signer_name_y_mm=10) == {"signer_name_y_mm": [
        'Vị trí "Họ tên người ký" (y = -10 mm, đã cộng độ dịch) nằm ngoài khổ giấy 420 × 297 mm.']}
    assert refusal(offset_x_mm=Decimal("-40.5")) == {"decision_x_mm": [
        'Vị trí "Số, ngày quyết định" (x = -0,5 mm, đã cộng độ dịch) nằm ngoài khổ giấy 420 × 297 mm.']}


def test_the_achievement_box_must_fit_the_paper():
    assert refusal(reason_width_mm=Decimal("420.5")) == {"reason_width_mm": [
        'Vùng chữ "Thành tích" rộng 420,5 mm quanh x = 210 mm vượt ra ngoài khổ giấy 420 × 297 mm.']}


def test_a_custom_paper_needs_its_size_and_a_sane_one():
    assert refusal(paper="tuy_chinh") == {
        "paper_width_mm": ["Nhập kích thước tờ phôi khi chọn khổ khác."],
        "paper_height_mm": ["Nhập kích thước tờ phôi khi chọn khổ khác."]}
    assert refusal(paper="tuy_chinh", paper_width_mm=5, paper_height_mm=300) == {
        "paper_width_mm": ["Kích thước tờ phôi phải từ 10 đến 1200 mm."]}
    custom = calibration(paper="tuy_chinh", paper_width_mm=Decimal("400"), paper_height_mm=Decimal("300"))
    custom.full_clean()
    assert custom.size_mm == (Decimal(400), Decimal(300))


def test_font_sizes_are_bounded():
    assert refusal(font_size_pt=Decimal("4")) == {"font_size_pt": ["Cỡ chữ phải từ 6 đến 72 pt."]}


def test_one_shared_calibration_per_kind():
    calibration().save()
    assert refusal(name="Phôi khác") == {"__all__": ["Đã có phôi dùng chung cùng loại."]}


def test_staff_edit_calibrations_in_the_admin_and_see_the_refusal(client, staff):
    client.force_login(staff)
    form = {"name": "Phôi Giấy khen Sở", "kind": "giay_khen", "paper": "a4_ngang", "offset_x_mm": "0",
            "offset_y_mm": "0", "font_size_pt": "14", "recipient_font_size_pt": "22", "note": "",
            **{key: str(value) for key, value in INSIDE_A3.items()}}
    response = client.post("/admin/awards/blankcalibration/add/", form)
    assert response.status_code == 200 and not BlankCalibration.objects.exists()
    html = response.content.decode()
    assert "Vị trí &quot;Số, ngày quyết định&quot; (y = 265 mm, đã cộng độ dịch) nằm ngoài khổ giấy 297 × 210 mm." \
        in html
    form.update(paper="a3_ngang")
    response = client.post("/admin/awards/blankcalibration/add/", form)
    assert response.status_code == 302
    saved = BlankCalibration.objects.get()
    assert (saved.kind, saved.size_mm) == ("giay_khen", (Decimal(420), Decimal(297)))
    page = client.get(f"/admin/awards/blankcalibration/{saved.pk}/change/").content.decode()
    assert f"/awards/blanks/{saved.pk}/calibration.pdf" in page
