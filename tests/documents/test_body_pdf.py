"""A decision of the Giám đốc Sở Giáo dục và Đào tạo printed in the NĐ 30/2020 layout with the Sở as issuing
body: its header lines, its number and symbol, its authority line, its căn cứ (the national law texts and the
Sở's own Quy chế), its signature titles and place. Read back with poppler's pdftotext -raw (content order, hyphens kept), page by page."""

from __future__ import annotations

import datetime
import subprocess

import pytest

from awards.decisions import services as decisions
from awards.documents import decision_pdf
from awards.models import Decision, Dossier, LegalDocument, Nomination, Signer
from tests.factories import PersonFactory, make_body, make_dossier
from units.models import Gender

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def education(unit_a):
    body = make_body(unit_a)
    LegalDocument.objects.create(
        number="05/QĐ-SGDĐT", kind="quyet_dinh", title="Quy chế thi đua, khen thưởng của Sở Giáo dục và Đào tạo",
        issuer="Sở Giáo dục và Đào tạo", issued_on=D(2024, 3, 1), valid_from=D(2024, 3, 1), body=body,
        basis_text="Căn cứ Quyết định số 05/QĐ-SGDĐT ngày 01 tháng 3 năm 2024 của Giám đốc Sở Giáo dục và Đào tạo "
                   "ban hành Quy chế thi đua, khen thưởng của Sở;", basis_order=50)
    return body


def sở_decision(unit_a, officer_a, body, capacity="chu_tich", name="Trần Văn Hải") -> Decision:
    signer = Signer.objects.create(body=body, full_name=name, position="Giám đốc", capacity=capacity,
                                   valid_from=D(2020, 1, 1))
    trang = PersonFactory(full_name="Lương Thị Trang", gender=Gender.FEMALE, unit=unit_a, position="Giáo viên")
    nam = PersonFactory(full_name="Hoàng Văn Nam", gender=Gender.MALE, unit=unit_a, position="Chuyên viên")
    dossier = make_dossier(unit_a, officer_a, code="lao-dong-tien-tien", body=body, state="awaiting_decision",
                           verdict="eligible", recipient=trang, year=2025)
    Dossier.objects.filter(pk=dossier.pk).update(submission_number="08/TTr-HĐTĐKT")
    dossier.refresh_from_db()
    Nomination.objects.create(dossier=dossier, recipient_kind="ca_nhan", person=nam, verdict="eligible",
                              award_type=dossier.nominations.get().award_type, position=2)
    decision = decisions.draft_decision(list(dossier.nominations.all()), officer_a, D(2026, 1, 20), signer,
                                        "đã hoàn thành tốt nhiệm vụ năm 2025", body=body)
    Decision.objects.filter(pk=decision.pk).update(number=12)
    decision.refresh_from_db()
    return decision


def page_lines(data: bytes, page: int) -> list[str]:
    text = subprocess.run(["pdftotext", "-raw", "-f", str(page), "-l", str(page), "-", "-"], input=data,
                          capture_output=True, check=True).stdout.decode()
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_a_sở_decision_prints_the_sở_as_issuing_body(unit_a, officer_a, education):
    data, pages = decision_pdf.render(sở_decision(unit_a, officer_a, education), "decision")
    assert pages == 2
    assert page_lines(data, 1) == [
        "UBND TỈNH LẠNG SƠN",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 12/QĐ-SGDĐT Lạng Sơn, ngày 20 tháng 01 năm 2026",
        "QUYẾT ĐỊNH",
        "Về việc công nhận danh hiệu “Lao động tiên tiến” năm 2025",
        "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính",
        "phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy",
        "định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng;",
        "Căn cứ Quyết định số 05/QĐ-SGDĐT ngày 01 tháng 3 năm 2024 của Giám",
        "đốc Sở Giáo dục và Đào tạo ban hành Quy chế thi đua, khen thưởng của Sở;",
        "Theo đề nghị của Hội đồng Thi đua - Khen thưởng Sở Giáo dục và Đào tạo.",
        "QUYẾT ĐỊNH:",
        "Điều 1. Công nhận danh hiệu “Lao động tiên tiến” năm 2025 cho 02 cá nhân,",
        "đã hoàn thành tốt nhiệm vụ năm 2025 (có danh sách kèm theo).",
        "Điều 2. Kèm theo danh hiệu “Lao động tiên tiến”, mỗi cá nhân được thưởng",
        "702.000 đồng (mức lương cơ sở 2.340.000 đồng). Kinh phí khen thưởng chi từ",
        "Quỹ Thi đua, khen thưởng của Sở Giáo dục và Đào tạo.",
        "Điều 3. Quyết định có hiệu lực kể từ ngày ký. Thủ trưởng các cơ quan, đơn vị",
        "có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành",
        "Quyết định này./.",
        "Nơi nhận:",
        "- Như Điều 3;",
        "- Lưu: VT.",
        "GIÁM ĐỐC",
        "Trần Văn Hải",
    ]
    assert page_lines(data, 2)[:3] == [
        "DANH SÁCH", "(Kèm theo Quyết định số 12/QĐ-SGDĐT ngày 20 tháng 01 năm 2026",
        "của Giám đốc Sở Giáo dục và Đào tạo)"]


def test_a_deputy_signs_for_the_director(unit_a, officer_a, education):
    decision = sở_decision(unit_a, officer_a, education, capacity="kt_chu_tich", name="Nông Thị Hạnh")
    lines = page_lines(decision_pdf.render(decision, "decision")[0], 1)
    assert lines[-3:] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nông Thị Hạnh"]


def test_the_certificate_names_the_sở_and_its_director(unit_a, officer_a, education):
    data, pages = decision_pdf.render(sở_decision(unit_a, officer_a, education), "certificates")
    assert pages == 2
    lines = page_lines(data, 1)
    nation = lines.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")  # under the Quốc huy (or its placeholder)
    assert lines[nation:nation + 6] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                        "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO", "TẶNG DANH HIỆU", "LAO ĐỘNG TIÊN TIẾN",
                                        "Bà Lương Thị Trang"]
    assert "GIÁM ĐỐC" in lines and "Trần Văn Hải" in lines
    assert "Quyết định số 12/QĐ-SGDĐT, ngày 20/01/2026" in lines
