"""Printing onto pre-printed blanks (phôi): only the variable text, each line where the calibration puts it.

Positions are read back with pdfplumber: the baseline of a line is its text matrix's origin, the centre is
the middle of its first and last glyph; both must be within 1 mm of the calibration (with the printer offset
added). The calibration sheet and the pages of the decision screen are checked as a person would use them."""

from __future__ import annotations

from decimal import Decimal

import pdfplumber
import pytest

from awards.documents import blank_pdf, decision_pdf
from awards.models import BlankCalibration, Decision, DecisionState, province_body
from tests.documents import certificate_cases as cases
from tests.documents.certificate_cases import _signer
from tests.documents.test_decision_pdf import build, nominations_for

pytestmark = pytest.mark.django_db
MM = cases.PT_PER_MM


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def make_calibration(kind="bang_chung_nhan", **values) -> BlankCalibration:
    fields = {
        "name": "Phôi Bằng chứng nhận danh hiệu A3", "kind": kind, "paper": "a3_ngang",
        "offset_x_mm": Decimal("1.5"), "offset_y_mm": Decimal("-2"),
        "recipient_x_mm": 210, "recipient_y_mm": 150, "reason_x_mm": 210, "reason_y_mm": 185,
        "reason_width_mm": 300, "decision_x_mm": 40, "decision_y_mm": 265, "place_date_x_mm": 300,
        "place_date_y_mm": 222, "signer_title_x_mm": 300, "signer_title_y_mm": 232, "signer_name_x_mm": 300,
        "signer_name_y_mm": 275, **values}
    calibration = BlankCalibration(**fields)
    calibration.full_clean()
    calibration.save()
    return calibration


def write(tmp_path, data: bytes, name: str):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def baseline_mm(chars, page_height_pt) -> float:
    return (page_height_pt - chars[0]["matrix"][5]) / MM


def centre_mm(chars) -> float:
    return (chars[0]["x0"] + chars[-1]["x1"]) / 2 / MM


def test_each_field_lands_within_a_millimetre_of_its_calibration(unit_a, officer_a, staff, tmp_path):
    decision = cases.cstd_tinh(unit_a, officer_a, staff)  # signed "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
    calibration = make_calibration()
    path = write(tmp_path, blank_pdf.render_blanks(decision, calibration), "blank.pdf")
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        assert (round(page.width / MM), round(page.height / MM)) == (420, 297)
        height = page.height
    dx, dy = 1.5, -2.0
    expected = [  # text, x (centre, or left edge for the decision), baseline y: the calibration plus the offset
        ("Bà Lương Thị Trang", 210 + dx, 150 + dy, "centre"),
        ("Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025", 210 + dx, 185 + dy, "centre"),
        ("Quyết định số 165/QĐ-UBND, ngày 20/01/2026", 40 + dx, 265 + dy, "left"),
        ("Lạng Sơn, ngày 20 tháng 01 năm 2026", 300 + dx, 222 + dy, "centre"),
        ("KT. CHỦ TỊCH", 300 + dx, 232 + dy, "centre"),
        ("Đoàn Thu Hà", 300 + dx, 275 + dy, "centre"),
    ]
    for text, x, y, anchor in expected:
        chars = cases.find_line(path, text)
        assert abs(baseline_mm(chars, height) - y) < 1, (text, baseline_mm(chars, height), y)
        measured = centre_mm(chars) if anchor == "centre" else chars[0]["x0"] / MM
        assert abs(measured - x) < 1, (text, measured, x)
    # the deputy's second title line and the line under the name follow their field's baseline
    deputy = cases.find_line(path, "PHÓ CHỦ TỊCH")
    assert abs(baseline_mm(deputy, height) - (230 + 1.25 * 16 * 25.4 / 72)) < 1
    assert abs(centre_mm(deputy) - 301.5) < 1
    detail = cases.find_line(path, "Giáo viên, Sở Giáo dục và Đào tạo")
    assert abs(baseline_mm(detail, height) - (148 + 1.25 * 26 * 25.4 / 72)) < 1
    # the recipient in the calibrated sizes
    assert {round(c["size"]) for c in cases.find_line(path, "Bà Lương Thị Trang")} == {26}
    assert {round(c["size"]) for c in cases.find_line(path, "Đoàn Thu Hà")} == {16}


def test_only_the_variable_text_is_printed(unit_a, officer_a, staff):
    decision = cases.cstd_tinh(unit_a, officer_a, staff)
    lines = cases.page_lines(blank_pdf.render_blanks(decision, make_calibration()))
    assert lines == [
        "Bà Lương Thị Trang", "Giáo viên, Sở Giáo dục và Đào tạo",
        "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025",
        "Quyết định số 165/QĐ-UBND, ngày 20/01/2026", "Lạng Sơn, ngày 20 tháng 01 năm 2026", "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH", "Đoàn Thu Hà"]  # no Quốc hiệu, authority line or title: they are on the phôi


def test_a_custom_paper_and_one_page_per_recipient(unit_a, unit_b, officer_a, officer_b, staff, tmp_path):
    from awards.models import province_body
    from tests.documents.certificate_cases import _signer
    from tests.documents.test_decision_pdf import build, nominations_for

    decision = build(staff, _signer(province_body(), "Hồ Tiến Thiệu"),
                     nominations_for(unit_a, unit_b, officer_a, officer_b))
    calibration = make_calibration(
        kind="bang_khen", name="Phôi Bằng khen 400 × 300", paper="tuy_chinh", paper_width_mm=400,
        paper_height_mm=300, offset_x_mm=0, offset_y_mm=0, recipient_x_mm=200, reason_x_mm=200)
    path = write(tmp_path, blank_pdf.render_blanks(decision, calibration), "bang-khen.pdf")
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) == 4
        assert {(round(p.width / MM), round(p.height / MM)) for p in pdf.pages} == {(400, 300)}
        names = []
        for index, page in enumerate(pdf.pages):
            chars = cases.lines_with_chars(path, index)[0][1]  # the top line of each page: the recipient
            names.append("".join(c["text"] for c in chars))
            assert abs(centre_mm(chars) - 200) < 1 and abs(baseline_mm(chars, page.height) - 150) < 1
    assert names == ["Sở Giáo dục và Đào tạo", "Sở Y tế", "Ông Hoàng Mạnh Cương", "Bà Hà Thị Lư"]


def test_the_calibrations_offered_fit_the_decision(unit_a, officer_a, staff):
    decision = cases.giay_khen(unit_a, officer_a, staff)
    shared = make_calibration(kind="giay_khen", name="Phôi Giấy khen dùng chung")
    own = make_calibration(kind="giay_khen", name="Phôi Giấy khen của Sở", body=decision.body)
    make_calibration(kind="bang_khen", name="Phôi Bằng khen")
    assert blank_pdf.calibrations_for(decision) == [own, shared]


def test_the_calibration_sheet_has_rulers_and_marks(tmp_path):
    calibration = make_calibration(offset_x_mm=0, offset_y_mm=0)
    path = write(tmp_path, blank_pdf.render_calibration_sheet(calibration), "sheet.pdf")
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        assert (round(page.width / MM), round(page.height / MM)) == (420, 297)
        edges = page.edges
    lines = cases.page_lines(path.read_bytes())
    assert "Trang thử căn chỉnh: Phôi Bằng chứng nhận danh hiệu A3" in lines
    assert "Tên tập thể, cá nhân được khen (x = 210, y = 150 mm)" in lines
    assert "Số, ngày quyết định (x = 40, y = 265 mm, đầu dòng)" in lines
    # a ruler tick for every millimetre along the top edge, and the grid line of x = 210 mm
    top_ticks = {round(e["x0"] / MM, 1) for e in edges if e["orientation"] == "v" and e["top"] < 1}
    assert {float(mm) for mm in range(1, 420)} <= top_ticks
    assert lines[0].split() == [str(mm) for mm in range(10, 420, 10)]  # the top ruler's numbers
    assert lines[1:30] == [str(mm) for mm in range(10, 300, 10)]  # the left ruler's


def test_staff_print_from_the_decision_page(client, unit_a, officer_a, staff):
    decision = cases.bang_khen(unit_a, officer_a, staff)
    calibration = make_calibration(kind="bang_khen", name="Phôi Bằng khen A3 lô 2026")
    client.force_login(staff)
    page = client.get(f"/awards/decisions/{decision.pk}/").content.decode()
    assert "In lên phôi (chỉ in phần nội dung)" in page
    assert f'<option value="{calibration.pk}">Phôi Bằng khen A3 lô 2026</option>' in page
    assert f"/awards/blanks/{calibration.pk}/calibration.pdf" in page
    response = client.get(f"/awards/decisions/{decision.pk}/blanks.pdf", {"calibration": calibration.pk})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        "inline; filename*=utf-8''163-Q%C4%90-UBND-phoi-bang-khen-a3-lo-2026-1.pdf")
    assert cases.page_lines(response.content)[0] == "Ông Hoàng Mạnh Cương"
    default = client.get(f"/awards/decisions/{decision.pk}/blanks.pdf")  # none chosen: the first offered
    assert default.status_code == 200 and default.content == response.content
    sheet = client.get(f"/awards/blanks/{calibration.pk}/calibration.pdf")
    assert sheet.status_code == 200 and sheet.content.startswith(b"%PDF")


def test_a_blank_of_another_kind_or_a_cancelled_decision_is_not_printed(client, unit_a, officer_a, staff):
    decision = cases.bang_khen(unit_a, officer_a, staff)
    other = make_calibration(kind="giay_khen", name="Phôi Giấy khen")
    client.force_login(staff)
    page = client.get(f"/awards/decisions/{decision.pk}/").content.decode()
    assert "Chưa có căn chỉnh cho loại phôi của quyết định này." in page
    assert client.get(f"/awards/decisions/{decision.pk}/blanks.pdf", {"calibration": other.pk}).status_code == 404
    assert client.get(f"/awards/decisions/{decision.pk}/blanks.pdf").status_code == 404  # none of its kind
    mine = make_calibration(kind="bang_khen", name="Phôi Bằng khen")
    Decision.objects.filter(pk=decision.pk).update(state=DecisionState.CANCELLED)
    assert client.get(f"/awards/decisions/{decision.pk}/blanks.pdf", {"calibration": mine.pk}).status_code == 404


def test_only_board_staff_print_on_blanks(client, unit_a, officer_a, staff):
    decision = cases.bang_khen(unit_a, officer_a, staff)
    Decision.objects.filter(pk=decision.pk).update(state=DecisionState.PUBLISHED)
    calibration = make_calibration(kind="bang_khen", name="Phôi Bằng khen")
    client.force_login(officer_a)  # the officer sees the published decision of his unit
    assert client.get(f"/awards/decisions/{decision.pk}/").status_code == 200
    assert "In lên phôi" not in client.get(f"/awards/decisions/{decision.pk}/").content.decode()
    assert client.get(f"/awards/decisions/{decision.pk}/blanks.pdf", {"calibration": calibration.pk}).status_code == 403
    assert client.get(f"/awards/blanks/{calibration.pk}/calibration.pdf").status_code == 403


def test_a_long_list_is_printed_in_batches(client, monkeypatch, unit_a, unit_b, officer_a, officer_b, staff):
    """A print holds at most ``BATCH`` recipients (a printer tray); the decision page offers the batches."""
    assert blank_pdf.batches(250) == [(1, 100), (101, 200), (201, 250)]
    assert blank_pdf.batches(4) == [(1, 4)]
    decision = build(staff, _signer(province_body(), "Hồ Tiến Thiệu"),
                     nominations_for(unit_a, unit_b, officer_a, officer_b))
    calibration = make_calibration(kind="bang_khen", name="Phôi Bằng khen")
    monkeypatch.setattr(blank_pdf, "BATCH", 2)
    client.force_login(staff)
    page = client.get(f"/awards/decisions/{decision.pk}/").content.decode()
    assert '<option value="1">Số 1 - 2</option><option value="3">Số 3 - 4</option>' in page
    response = client.get(f"/awards/decisions/{decision.pk}/blanks.pdf", {"calibration": calibration.pk, "first": 3})
    assert [cases.page_lines(response.content, page)[0] for page in (1, 2)] == ["Ông Hoàng Mạnh Cương",
                                                                                "Bà Hà Thị Lư"]
    assert decision_pdf.count_pages(response.content) == 2
    beyond = client.get(f"/awards/decisions/{decision.pk}/blanks.pdf", {"calibration": calibration.pk, "first": 5})
    assert beyond.status_code == 404
