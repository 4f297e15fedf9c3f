"""Decisions of every certificate kind, and what a PDF says where: shared by the certificate and phôi tests.

Each case is drafted through ``draft_decision`` for the body that decides it (the Chủ tịch UBND tỉnh, the
Giám đốc Sở Giáo dục và Đào tạo, the Chủ tịch UBND xã Hoàng Văn Thụ after 1/7/2025); a council vote, where the
award needs one, is set on the nomination as the council would leave it (the council's own tests vote)."""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

import pdfplumber

from awards.decisions.services import draft_decision
from awards.models import Decision, Dossier, IssuingBody, Nomination, Signer, province_body
from tests.factories import PersonFactory, UnitFactory, drafter_for, make_body, make_dossier
from units.models import Gender, UnitKind

D = datetime.date
PT_PER_MM = 72 / 25.4
REASON = "đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025"
JAN_20_2026 = D(2026, 1, 20)


def _signer(body, name: str, capacity: str = "chu_tich") -> Signer:
    existing = Signer.objects.filter(body=body, full_name=name).first()
    if existing:
        return existing
    return Signer.objects.create(body=body, full_name=name, position=body.head_title, capacity=capacity,
                                 valid_from=D(2020, 1, 1))


def _decide(dossiers, staff, signer, body=None, number=163, day=JAN_20_2026) -> Decision:
    if body is not None and not body.is_province:  # a unit's round, addressed to its head
        Dossier.objects.filter(pk__in=[d.pk for d in dossiers]).update(body=body)
    nominations = list(Nomination.objects.filter(dossier__in=dossiers))
    Nomination.objects.filter(pk__in=[n.pk for n in nominations], award_type__requires_council_vote=True).update(
        council_result="passed")
    decision = draft_decision(nominations, drafter_for(body, staff), day, signer, REASON, body=body)
    Decision.objects.filter(pk=decision.pk).update(number=number)
    decision.refresh_from_db()
    return decision


def sở_body(unit):
    """The Sở's own body (Giám đốc Sở), made once per test."""
    return IssuingBody.objects.filter(unit=unit).first() or make_body(unit)


def commune(name: str = "Hoàng Văn Thụ"):
    """A commune of the two-level government (from 1/7/2025) and its Chủ tịch's body."""
    unit = UnitFactory(code="xa-hvt", name=f"Xã {name}", kind=UnitKind.COMMUNE, valid_from=D(2025, 7, 1))
    return unit, make_body(
        unit, kind="xa_phuong", head_title=f"Chủ tịch UBND xã {name}", signature_title="CHỦ TỊCH",
        deputy_title="PHÓ CHỦ TỊCH", parent_name="", issuer_name=f"ỦY BAN NHÂN DÂN / XÃ {name.upper()}",
        authority_line=f"CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ {name.upper()}", symbol="QĐ-UBND", place=name,
        fund_name=f"Quỹ Thi đua, khen thưởng xã {name}", valid_from=D(2025, 7, 1))


def bang_khen(unit_a, officer_a, staff) -> Decision:
    person = PersonFactory(full_name="Hoàng Mạnh Cương", gender=Gender.MALE, unit=unit_a,
                           position="Trưởng phòng Kế hoạch tổng hợp")
    dossier = make_dossier(unit_a, officer_a, state="awaiting_decision", verdict="eligible", recipient=person,
                           year=2025)
    return _decide([dossier], staff, _signer(province_body(), "Hồ Tiến Thiệu"))


def co_thi_dua(unit_a, officer_a, staff) -> Decision:
    dossier = make_dossier(unit_a, officer_a, code="co-thi-dua-ubnd-tinh", state="awaiting_decision",
                           verdict="eligible", year=2025)
    return _decide([dossier], staff, _signer(province_body(), "Hồ Tiến Thiệu"), number=164)


def cstd_tinh(unit_a, officer_a, staff) -> Decision:
    person = PersonFactory(full_name="Lương Thị Trang", gender=Gender.FEMALE, unit=unit_a, position="Giáo viên")
    dossier = make_dossier(unit_a, officer_a, code="chien-si-thi-dua-cap-tinh", state="awaiting_decision",
                           verdict="eligible", recipient=person, year=2025)
    return _decide([dossier], staff, _signer(province_body(), "Đoàn Thu Hà", "kt_chu_tich"), number=165)


def giay_khen(unit_a, officer_a, staff) -> Decision:
    body = sở_body(unit_a)
    person = PersonFactory(full_name="Nông Văn Dũng", gender=Gender.MALE, unit=unit_a, position="Chuyên viên")
    dossier = make_dossier(unit_a, officer_a, code="giay-khen", authority="thu_truong_don_vi",
                           state="awaiting_decision", verdict="eligible", recipient=person, year=2025)
    return _decide([dossier], staff, _signer(body, "Trần Văn Hải"), body=body, number=12)


def cstd_co_so(unit_a, officer_a, staff) -> Decision:
    body = sở_body(unit_a)
    person = PersonFactory(full_name="Vi Thị Hằng", gender=Gender.FEMALE, unit=unit_a, position="Kế toán")
    dossier = make_dossier(unit_a, officer_a, code="chien-si-thi-dua-co-so", authority="thu_truong_don_vi",
                           state="awaiting_decision", verdict="eligible", recipient=person, year=2025)
    return _decide([dossier], staff, _signer(body, "Trần Văn Hải"), body=body, number=13)


def lao_dong_tien_tien(staff) -> Decision:
    unit, body = commune()
    officer = staff
    person = PersonFactory(full_name="Hà Văn Tuấn", gender=Gender.MALE, unit=unit, position="Công chức Văn phòng")
    dossier = make_dossier(unit, officer, code="lao-dong-tien-tien", authority="chu_tich_ubnd_xa",
                           state="awaiting_decision", verdict="eligible", recipient=person, year=2025)
    return _decide([dossier], staff, _signer(body, "Lộc Văn Bình"), body=body, number=5)


def tap_the_lao_dong_tien_tien(unit_a, officer_a, staff) -> Decision:
    body = sở_body(unit_a)
    dossier = make_dossier(unit_a, officer_a, code="tap-the-lao-dong-tien-tien", authority="thu_truong_don_vi",
                           state="awaiting_decision", verdict="eligible", year=2025)
    return _decide([dossier], staff, _signer(body, "Trần Văn Hải"), body=body, number=14)


# --- reading a PDF back ----------------------------------------------------------------------------------

def page_lines(data: bytes, page: int = 1) -> list[str]:
    """The page's text in content order (pdftotext -raw), one stripped line each."""
    text = subprocess.run(["pdftotext", "-raw", "-f", str(page), "-l", str(page), "-", "-"], input=data,
                          capture_output=True, check=True).stdout.decode()
    return [line.strip() for line in text.splitlines() if line.strip()]


def lines_with_chars(path: Path, page: int = 0) -> list[tuple[str, list[dict]]]:
    """(text, chars) of each line of a page as pdfplumber reads it: chars with the same baseline, in x order."""
    with pdfplumber.open(path) as pdf:
        chars = pdf.pages[page].chars
        height = pdf.pages[page].height
    rows: dict[float, list[dict]] = {}
    for char in chars:
        baseline = round(height - char["matrix"][5], 1)
        key = next((b for b in rows if abs(b - baseline) < 0.6), baseline)
        rows.setdefault(key, []).append(char)
    result = []
    for baseline in sorted(rows):
        row = sorted(rows[baseline], key=lambda c: c["x0"])
        text = "".join(c["text"] for c in row)
        result.append((text, row))
    return result


def find_line(path: Path, text: str, page: int = 0) -> list[dict]:
    """The chars of the line whose text (spaces removed) contains ``text`` (spaces removed)."""
    wanted = text.replace(" ", "")
    for line, chars in lines_with_chars(path, page):
        if wanted in line.replace(" ", ""):
            return chars
    raise AssertionError(f"{text!r} not on page {page + 1}: {[t for t, _c in lines_with_chars(path, page)]}")
