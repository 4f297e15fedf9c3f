"""The PDF documents of an award decision (NĐ 30/2020 layout): the decision with its annex, the
certificates (one landscape page per recipient) and the board's tờ trình. Checked through the text
poppler extracts (pdftotext -layout), the embedded fonts (pdffonts) and the page geometry (pdfinfo)."""

from __future__ import annotations

import datetime
import re
import subprocess

import pytest

from awards.council import services as council
from awards.decisions.services import draft_decision
from awards.documents import decision_pdf
from awards.enums import RecipientKind, VoteChoice
from awards.models import Decision, Dossier, Nomination, Signer
from tests import pdf_tools
from tests.factories import PersonFactory, UnitFactory, UserFactory, make_body, make_dossier, with_board_submission
from units.models import Gender, Household, Role, UnitKind

pytestmark = pytest.mark.django_db
REASON = "đã có thành tích xuất sắc năm 2020"
FEB_6_2021 = datetime.date(2021, 2, 6)
NOV_23_2026 = datetime.date(2026, 11, 23)
MONEY = re.compile(r"^\d{1,3}(?:\.\d{3})+$")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def chair(db):
    return Signer.objects.create(full_name="Hồ Tiến Thiệu", position="Chủ tịch UBND tỉnh", capacity="chu_tich",
                                 valid_from=datetime.date(2020, 1, 1))


@pytest.fixture
def vice_chair(db):
    return Signer.objects.create(full_name="Đoàn Thu Hà", position="Phó Chủ tịch UBND tỉnh", capacity="kt_chu_tich",
                                 valid_from=datetime.date(2020, 1, 1))


def nominations_for(unit_a, unit_b, officer_a, officer_b, *, year=2020, household=False, extra_people=()):
    """Two collectives (the two units), two individuals, optionally one household; all eligible, in
    dossiers awaiting the decision."""
    common = {"state": "awaiting_decision", "verdict": "eligible", "year": year}
    dossiers = [make_dossier(unit_a, officer_a, **common), make_dossier(unit_b, officer_b, **common)]
    cuong = PersonFactory(full_name="Hoàng Mạnh Cương", gender=Gender.MALE, unit=unit_a,
                          position="Trưởng phòng Kế hoạch tổng hợp")
    lu = PersonFactory(full_name="Hà Thị Lư", gender=Gender.FEMALE, unit=unit_b, position="Điều dưỡng trưởng")
    dossiers.append(make_dossier(unit_a, officer_a, recipient=cuong, **common))
    dossiers.append(make_dossier(unit_b, officer_b, recipient=lu, **common))
    for dossier in dossiers[2:]:  # a unit's second tờ trình has its own number
        Dossier.objects.filter(pk=dossier.pk).update(submission_number="16/TTr-TEST")
    award = dossiers[0].nominations.get().award_type
    for index, (name, gender) in enumerate(extra_people, start=1):
        person = PersonFactory(full_name=name, gender=gender, unit=unit_a, position="Chuyên viên")
        Nomination.objects.create(dossier=dossiers[2], recipient_kind=RecipientKind.INDIVIDUAL, person=person,
                                  award_type=award, verdict="eligible", position=index)
    if household:
        home = Household.objects.create(name="Gia đình ông Vi Thanh Liêm", head_name="Vi Thanh Liêm",
                                        address="thôn Nà Pàn, xã Hoàng Văn Thụ")
        Nomination.objects.create(dossier=dossiers[0], recipient_kind=RecipientKind.HOUSEHOLD, household=home,
                                  award_type=award, verdict="eligible", position=9)
    return list(Nomination.objects.filter(dossier__in=dossiers))


def build(staff, signer, nominations, day=FEB_6_2021, **options) -> Decision:
    decision = draft_decision(nominations, staff, day, signer, REASON, **options)
    Decision.objects.filter(pk=decision.pk).update(number=163)
    decision.refresh_from_db()
    return decision


@pytest.fixture
def decision(unit_a, unit_b, officer_a, officer_b, staff, chair):
    return with_board_submission(build(staff, chair, nominations_for(unit_a, unit_b, officer_a, officer_b)))


def pdf_file(tmp_path, decision, kind, name=None):
    data, pages = decision_pdf.render(decision, kind)
    path = tmp_path / (name or f"{kind}.pdf")
    path.write_bytes(data)
    return path, pages


def text_of(path, first=None, last=None) -> str:
    command = ["pdftotext", "-layout"]
    if first:
        command += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run([*command, str(path), "-"], capture_output=True, text=True, check=True).stdout


def flat(text: str) -> str:
    """The text with every run of whitespace made one space, for sentences the layout wraps; a line
    broken after "15/" or "TTr-" is joined back without a space."""
    return " ".join(re.sub(r"(?<=\S[-/])[ \t]*\n\s*", "", text).split())


def annex_rows(text: str) -> list[tuple[str, str, str | None]]:
    """(STT, name cell, amount) of each annex row, a wrapped name cell joined back into one."""
    rows: list[list] = []
    current = None
    for line in lines_of(text):
        parts = line.split()
        if parts[0].isdigit() and len(parts) > 1:
            amount = parts[-1] if MONEY.match(parts[-1]) else None
            current = [parts[0], " ".join(parts[1:-1] if amount else parts[1:]), amount]
            rows.append(current)
        elif current is not None and not line.startswith(("STT", "Cộng (")) and not parts[0].isdigit() \
                and not re.match(r"^[IVX]+\. ", line):
            current[1] += " " + line
        else:
            current = None
    return [tuple(row) for row in rows]


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def info(path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {key.strip(): value.strip() for key, _sep, value in (line.partition(":") for line in out.splitlines())}


def page_size(path) -> tuple[float, float]:
    width, _x, height = info(path)["Page size"].split()[:3]
    return float(width), float(height)


def test_decision_text_follows_nd30(decision, tmp_path):
    path, pages = pdf_file(tmp_path, decision, "decision")
    text = text_of(path)
    lines, words = lines_of(text), flat(text)
    assert lines[0].startswith("ỦY BAN NHÂN DÂN") and lines[0].endswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert lines[1].startswith("TỈNH LẠNG SƠN") and lines[1].endswith("Độc lập - Tự do - Hạnh phúc")
    assert lines[2].startswith("Số: 163/QĐ-UBND") and lines[2].endswith("Lạng Sơn, ngày 06 tháng 02 năm 2021")
    assert "QUYẾT ĐỊNH" in lines
    assert "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" in lines
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN" in lines
    assert "QUYẾT ĐỊNH:" in lines
    assert ("Điều 1. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 02 tập thể và 02 cá nhân, "
            "đã có thành tích xuất sắc năm 2020 (có danh sách kèm theo).") in words
    assert ("Điều 2. Kèm theo Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh, mỗi tập thể được thưởng 2.980.000 đồng; "
            "mỗi cá nhân được thưởng 1.490.000 đồng (mức lương cơ sở 1.490.000 đồng).") in words
    assert ("Điều 3. Quyết định có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội "
            "vụ, Giám đốc Sở Giáo dục và Đào tạo, Giám đốc Sở Y tế và các tập thể, cá nhân có tên tại Điều 1 chịu "
            "trách nhiệm thi hành Quyết định này./.") in words
    # The 2003 law with both amending laws, one căn cứ each (Phú Yên 31/2020, Lạng Sơn 30/2014).
    for basis in ("Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003;",
                  "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng ngày 14 tháng 6 năm 2005;",
                  "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng ngày 16 tháng 11 năm 2013;"):
        assert basis in words
    # Only the Sở Nội vụ's tờ trình: the units' are cited in it, not on the decision.
    assert "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 245/TTr-SNV ngày 03/02/2021." in words
    assert "15/TTr-TEST" not in words and "Thủ trưởng" not in words
    # Nơi nhận and the signature end the decision (page 2 now that the căn cứ cite all three laws and the Quy chế).
    last_page = lines_of(text_of(path, 2))
    to = next(i for i, line in enumerate(last_page) if line.startswith("Nơi nhận:"))
    assert last_page[to].split("Nơi nhận:")[1].strip() == "CHỦ TỊCH"
    assert last_page[to + 1:to + 5] == ["- Như Điều 3;", "- Chủ tịch, các PCT UBND tỉnh;", "- Sở Tài chính;",
                                        "- Lưu: VT, SNV (BTĐKT)."]
    assert last_page[-1] == "Hồ Tiến Thiệu"
    assert "KT. CHỦ TỊCH" not in text and "PHÓ CHỦ TỊCH" not in text
    # The province's Quy chế thi đua, khen thưởng in force on the date.
    assert ("Căn cứ Quyết định số 30/2014/QĐ-UBND ngày 30 tháng 12 năm 2014 của Ủy ban nhân dân tỉnh ban hành Quy "
            "định về công tác thi đua, khen thưởng trên địa bàn tỉnh Lạng Sơn;") in words
    # The annex, on its own page, numbered on its own from 1.
    assert pages == 3 and info(path)["Pages"] == "3"
    annex = text_of(path, 3)
    assert lines_of(annex)[0] == "1"
    annex_lines, annex_words = lines_of(annex), flat(annex)
    assert "DANH SÁCH" in annex_lines
    assert ("(Kèm theo Quyết định số 163/QĐ-UBND ngày 06 tháng 02 năm 2021 của Chủ tịch UBND tỉnh)"
            in annex_words)
    assert "I. Tập thể" in annex_lines and "II. Cá nhân" in annex_lines and "III. Hộ gia đình" not in annex
    assert annex.index("I. Tập thể") < annex.index("Sở Giáo dục và Đào tạo") < annex.index("II. Cá nhân")
    assert any(line.startswith("STT") and line.endswith("Số tiền (đồng)") for line in annex_lines)
    assert annex_rows(annex) == [
        ("1", "Sở Giáo dục và Đào tạo", "2.980.000"),
        ("2", "Sở Y tế", "2.980.000"),
        ("1", "Ông Hoàng Mạnh Cương, Trưởng phòng Kế hoạch tổng hợp, Sở Giáo dục và Đào tạo", "1.490.000"),
        ("2", "Bà Hà Thị Lư, Điều dưỡng trưởng, Sở Y tế", "1.490.000"),
    ]
    assert any(line.startswith("Cộng (02 tập thể)") and line.endswith("5.960.000") for line in annex_lines)


def test_page_number_on_page_two_only(decision, tmp_path):
    path, _pages = pdf_file(tmp_path, decision, "decision")
    first, second = lines_of(text_of(path, 1)), lines_of(text_of(path, 2))
    assert second[0] == "2"
    assert "1" not in first and not first[0].isdigit()


def test_fonts_are_embedded_liberation_serif_only(decision, tmp_path):
    for kind in ("decision", "certificates", "submission"):
        path, _pages = pdf_file(tmp_path, decision, kind)
        out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        rows = [line.split() for line in out.splitlines()[2:]]
        assert rows, kind
        assert all("LiberationSerif" in row[0].replace("-", "") for row in rows), (kind, out)
        assert all(row[-5] == "yes" for row in rows), (kind, out)  # emb column


def test_vice_chair_signs_on_behalf(unit_a, unit_b, officer_a, officer_b, staff, vice_chair, tmp_path):
    decision = build(staff, vice_chair, nominations_for(unit_a, unit_b, officer_a, officer_b))
    for kind in ("decision", "certificates"):
        path, _pages = pdf_file(tmp_path, decision, kind)
        text = text_of(path)
        lines = lines_of(text)
        assert any(line.endswith("KT. CHỦ TỊCH") for line in lines), kind
        assert any(line.endswith("PHÓ CHỦ TỊCH") for line in lines), kind
        assert any(line.endswith("Đoàn Thu Hà") for line in lines), kind
        kt = next(i for i, line in enumerate(lines) if line.endswith("KT. CHỦ TỊCH"))
        assert lines[kt + 1].endswith("PHÓ CHỦ TỊCH")


def test_household_and_2026_amounts(unit_a, unit_b, officer_a, officer_b, staff, chair, tmp_path):
    """After 2025-07-01: multipliers 1.5 / 3.0 / 2.25 of a 2,340,000 đ base; the household's 5,265,000 đ is not
    rounded (no rounding by default)."""
    nominations = nominations_for(unit_a, unit_b, officer_a, officer_b, year=2025, household=True)
    decision = build(staff, chair, nominations, day=NOV_23_2026)
    path, pages = pdf_file(tmp_path, decision, "decision")
    text = text_of(path)
    words = flat(text)
    assert "Lạng Sơn, ngày 23 tháng 11 năm 2026" in text
    assert "cho 02 tập thể, 02 cá nhân và 01 hộ gia đình" in words
    assert ("mỗi tập thể được thưởng 7.020.000 đồng; mỗi cá nhân được thưởng 3.510.000 đồng; "
            "mỗi hộ gia đình được thưởng 5.265.000 đồng (mức lương cơ sở 2.340.000 đồng)") in words
    annex = text_of(path, 2, pages)
    annex_lines = lines_of(annex)
    assert "(Kèm theo Quyết định số 163/QĐ-UBND ngày 23 tháng 11 năm 2026 của Chủ tịch UBND tỉnh)" in flat(annex)
    assert [line for line in annex_lines if line in {"I. Tập thể", "II. Cá nhân", "III. Hộ gia đình"}] == [
        "I. Tập thể", "II. Cá nhân", "III. Hộ gia đình"]
    assert [(name, amount) for _stt, name, amount in annex_rows(annex)] == [
        ("Sở Giáo dục và Đào tạo", "7.020.000"),
        ("Sở Y tế", "7.020.000"),
        ("Ông Hoàng Mạnh Cương, Trưởng phòng Kế hoạch tổng hợp, Sở Giáo dục và Đào tạo", "3.510.000"),
        ("Bà Hà Thị Lư, Điều dưỡng trưởng, Sở Y tế", "3.510.000"),
        ("Gia đình ông Vi Thanh Liêm, thôn Nà Pàn, xã Hoàng Văn Thụ", "5.265.000"),
    ]


def test_only_present_groups_are_numbered(unit_a, unit_b, officer_a, officer_b, staff, chair, tmp_path):
    nominations = [n for n in nominations_for(unit_a, unit_b, officer_a, officer_b)
                   if n.recipient_kind == RecipientKind.INDIVIDUAL]
    decision = build(staff, chair, nominations, bonus_enabled=False)
    path, _pages = pdf_file(tmp_path, decision, "decision")
    text = text_of(path)
    words = flat(text)
    assert "I. Cá nhân" in lines_of(text) and "Tập thể" not in lines_of(text_of(path, 2))
    assert "cho 02 cá nhân, đã có thành tích" in words
    assert "Điều 2. Quyết định có hiệu lực kể từ ngày ký." in words and "Điều 3." not in words
    assert "Số tiền (đồng)" not in words and "đồng" not in text_of(path, 2)


def test_inactive_lines_are_left_out(decision, tmp_path):
    decision.lines.filter(recipient_name="Hà Thị Lư").update(active=False)
    path, _pages = pdf_file(tmp_path, decision, "decision")
    words = flat(text_of(path))
    assert "Hà Thị Lư" not in words and "cho 02 tập thể và 01 cá nhân" in words
    certificates, pages = pdf_file(tmp_path, decision, "certificates")
    assert pages == 3 and "Hà Thị Lư" not in text_of(certificates)


def test_markup_in_a_name_is_printed_literally(unit_a, unit_b, officer_a, officer_b, staff, chair, tmp_path):
    nominations = nominations_for(unit_a, unit_b, officer_a, officer_b,
                                  extra_people=[("<b>Nguyễn</b> Văn A", Gender.MALE)])
    decision = build(staff, chair, nominations)
    for kind in ("decision", "certificates"):
        path, _pages = pdf_file(tmp_path, decision, kind)
        assert "Ông <b>Nguyễn</b> Văn A" in flat(text_of(path)), kind


def test_long_annex_repeats_its_header_row(unit_a, unit_b, officer_a, officer_b, staff, chair, tmp_path):
    people = [(f"Nguyễn Văn Thành {i:02d}", Gender.MALE) for i in range(1, 61)]
    decision = build(staff, chair, nominations_for(unit_a, unit_b, officer_a, officer_b, extra_people=people))
    path, pages = pdf_file(tmp_path, decision, "decision")
    assert pages >= 4 and info(path)["Pages"] == str(pages)
    first = next(page for page in range(1, pages + 1) if "DANH SÁCH" in lines_of(text_of(path, page)))
    for page in range(first, pages + 1):  # the annex is numbered on its own: 1 on its first page, then 2, 3, …
        page_lines = lines_of(text_of(path, page))
        assert page_lines[0] == str(page - first + 1)
        assert any(line.startswith("STT") and line.endswith("Số tiền (đồng)") for line in page_lines), page
    rows = annex_rows(text_of(path, first, pages))
    assert len(rows) == 64 and [row[0] for row in rows[2:]] == [str(i) for i in range(1, 63)]
    assert ("61", "Ông Nguyễn Văn Thành 60, Chuyên viên, Sở Giáo dục và Đào tạo", "1.490.000") in rows


def test_certificates_one_landscape_page_per_recipient(decision, tmp_path):
    path, pages = pdf_file(tmp_path, decision, "certificates")
    assert pages == 4 and info(path)["Pages"] == "4"
    width, height = page_size(path)
    assert width > height
    expected = ["Sở Giáo dục và Đào tạo", "Sở Y tế", "Ông Hoàng Mạnh Cương", "Bà Hà Thị Lư"]
    for page, name in enumerate(expected, start=1):
        text = text_of(path, page)
        lines = lines_of(text)
        assert "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN" in lines
        assert "TẶNG" in lines and "BẰNG KHEN" in lines
        assert name in lines, (page, lines)
        assert "Đã có thành tích xuất sắc năm 2020" in lines
        assert "Quyết định số 163/QĐ-UBND, ngày 06/02/2021" in flat(text)
        assert "Lạng Sơn, ngày 06 tháng 02 năm 2021" in flat(text)
        assert any(line.endswith("Hồ Tiến Thiệu") for line in lines)
        assert not any(line == str(page) for line in lines)  # no page numbers
    assert "Trưởng phòng Kế hoạch tổng hợp, Sở Giáo dục và Đào tạo" in flat(text_of(path, 3))


def test_submission(decision, tmp_path):
    path, pages = pdf_file(tmp_path, decision, "submission")
    text = text_of(path)
    lines, words = lines_of(text), flat(text)
    assert pages == 2 and info(path)["Pages"] == "2"
    assert ("Xét đề nghị của Sở Giáo dục và Đào tạo tại Tờ trình số 15/TTr-TEST ngày 10/01/2021, số 16/TTr-TEST ngày "
            "10/01/2021; Sở Y tế tại Tờ trình số 15/TTr-TEST ngày 10/01/2021, số 16/TTr-TEST ngày 10/01/2021.") in words
    assert lines[0].startswith("UBND TỈNH LẠNG SƠN") and lines[0].endswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert lines[1].startswith("SỞ NỘI VỤ") and lines[1].endswith("Độc lập - Tự do - Hạnh phúc")
    assert "/TTr-SNV" in lines[2] and "Lạng Sơn, ngày" in lines[2] and lines[2].endswith("năm 2021")
    assert "TỜ TRÌNH" in lines
    assert "Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" in lines
    assert "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh." in lines
    assert ("Sở Nội vụ (Ban Thi đua - Khen thưởng) kính trình Chủ tịch UBND tỉnh xem xét, tặng Bằng khen của "
            "Chủ tịch Ủy ban nhân dân tỉnh cho 02 tập thể và 02 cá nhân, đã có thành tích xuất sắc năm 2020.") in words
    assert "(Có dự thảo Quyết định và danh sách kèm theo)" in words
    assert "Tổng số tiền thưởng: 8.940.000 đồng" in words
    assert "Nơi nhận:" in words and any(line.endswith("GIÁM ĐỐC") for line in lines)
    assert "Hội đồng Thi đua - Khen thưởng tỉnh đã họp" not in words  # Bằng khen needs no vote


def test_submission_and_certificate_of_a_voted_title(unit_a, officer_a, staff, chair, tmp_path):
    """Chiến sĩ thi đua cấp tỉnh needs the council's vote (90 %): the tờ trình reports it, the decision cites
    the minutes, the certificate names the title."""
    members = [UserFactory(full_name=f"Thành viên {i}", roles=[Role.COUNCIL_MEMBER]) for i in range(5)]
    person = PersonFactory(full_name="Hoàng Mạnh Cương", gender=Gender.MALE, unit=unit_a,
                           position="Trưởng phòng Kế hoạch tổng hợp")
    dossier = make_dossier(unit_a, officer_a, code="chien-si-thi-dua-cap-tinh", state="reviewed",
                           verdict="eligible", recipient=person)
    session = council.create_session("Phiên họp xét khen thưởng tổng kết năm 2020", datetime.date(2021, 1, 20),
                                     "Trụ sở UBND tỉnh", members, staff)
    council.add_to_agenda(session, list(dossier.nominations.all()), staff)
    for member in members:
        council.cast_vote(session.items.get(), member, VoteChoice.YES)
    council.set_presiding(session, staff, chair=members[0], secretary=members[1])
    council.close_session(session, staff)
    decision = build(staff, chair, list(dossier.nominations.all()))
    words = flat(text_of(pdf_file(tmp_path, decision, "submission")[0]))
    assert ("Hội đồng Thi đua - Khen thưởng tỉnh đã họp ngày 20 tháng 01 năm 2021 tại Trụ sở UBND tỉnh (Biên bản "
            "số 01/BB-HĐTĐKT) và biểu quyết: 01 trường hợp đạt tỷ lệ phiếu đồng ý theo quy định (từ 90% trở lên tổng số thành viên "
            "Hội đồng).") in words
    assert "tặng Chiến sĩ thi đua cấp tỉnh cho 01 cá nhân, đã có thành tích xuất sắc năm 2020." in words
    decision_words = flat(text_of(pdf_file(tmp_path, decision, "decision")[0]))
    assert "Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng tỉnh ngày 20 tháng 01 năm 2021;" in decision_words
    certificate, pages = pdf_file(tmp_path, decision, "certificates")
    lines = lines_of(text_of(certificate))
    assert pages == 1 and "CHIẾN SĨ THI ĐUA CẤP TỈNH" in lines and "Ông Hoàng Mạnh Cương" in lines


@pytest.fixture
def board_department(db):
    """The Sở Nội vụ's issuing body, its Giám đốc until 31/01/2021, a Phó Giám đốc, and a new Giám đốc from
    01/3/2021 (the tờ trình of February 2021 is then signed by the deputy, KT. Giám đốc)."""
    unit = UnitFactory(code="so-noi-vu", name="Sở Nội vụ", kind=UnitKind.DEPARTMENT)
    body = make_body(unit, parent_name="UBND TỈNH LẠNG SƠN", issuer_name="SỞ NỘI VỤ", symbol="QĐ-SNV",
                     head_title="Giám đốc Sở Nội vụ", authority_line="GIÁM ĐỐC SỞ NỘI VỤ")
    for name, position, capacity, start, end in [
        ("Nông Văn Tiến", "Giám đốc Sở Nội vụ", "chu_tich", datetime.date(2018, 3, 1), datetime.date(2021, 1, 31)),
        ("Lương Thị Hạnh", "Phó Giám đốc Sở Nội vụ", "kt_chu_tich", datetime.date(2018, 3, 1), None),
        ("Hoàng Đức Minh", "Giám đốc Sở Nội vụ", "chu_tich", datetime.date(2021, 3, 1), None),
    ]:
        Signer.objects.create(body=body, full_name=name, position=position, capacity=capacity, valid_from=start,
                              valid_to=end)
    return body


def test_submission_prints_its_number_date_and_signer(decision, board_department):
    with_board_submission(decision, "245/TTr-SNV", datetime.date(2021, 1, 28))
    data, _pages = decision_pdf.render(decision, "submission")
    lines = lines_of(pdf_tools.text(data))
    assert lines[0].startswith("UBND TỈNH LẠNG SƠN") and lines[1].startswith("SỞ NỘI VỤ")
    assert lines[2].startswith("Số: 245/TTr-SNV") and lines[2].endswith("Lạng Sơn, ngày 28 tháng 01 năm 2021")
    closing = lines[lines.index(next(line for line in lines if line.startswith("Nơi nhận:"))):]
    assert closing[0].split() == ["Nơi", "nhận:", "GIÁM", "ĐỐC"], closing
    assert closing[-1] == "Nông Văn Tiến"
    meta = pdf_tools.info(data)
    assert (meta["Title"], meta["Author"], meta["Subject"], meta["Keywords"], meta["CreationDate"]) == (
        "Tờ trình số 245/TTr-SNV ngày 28/01/2021", "Sở Nội vụ tỉnh Lạng Sơn",
        "Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "245/TTr-SNV", "2021-01-28T00:00:00+07")
    assert pdf_tools.pdfa_part(data) == ("2", "B")


def test_a_deputy_signs_the_submission_for_the_director(decision, board_department):
    with_board_submission(decision, "252/TTr-SNV", datetime.date(2021, 2, 3))  # no Giám đốc in office that day
    lines = lines_of(pdf_tools.text(decision_pdf.render(decision, "submission")[0]))
    assert lines[2].startswith("Số: 252/TTr-SNV") and lines[2].endswith("Lạng Sơn, ngày 03 tháng 02 năm 2021")
    closing = lines[lines.index(next(line for line in lines if line.startswith("Nơi nhận:"))):]
    assert closing[0].endswith("KT. GIÁM ĐỐC") and "PHÓ GIÁM ĐỐC" in closing[1:4], closing
    assert closing[-1] == "Lương Thị Hạnh"


def test_rendering_twice_gives_the_same_text(decision, tmp_path):
    for kind in ("decision", "certificates", "submission"):
        first, _p1 = pdf_file(tmp_path, decision, kind, f"{kind}-1.pdf")
        second, _p2 = pdf_file(tmp_path, decision, kind, f"{kind}-2.pdf")
        assert text_of(first) == text_of(second), kind


def test_every_kind_is_pdfa_with_its_records_metadata(decision):
    """Title, author (the issuing body), subject (trích yếu), keywords (the number), the document's date."""
    expected = {
        "decision": ("Quyết định số 163/QĐ-UBND ngày 06/02/2021", "Chủ tịch UBND tỉnh Lạng Sơn",
                     "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "163/QĐ-UBND"),
        "certificates": ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh kèm theo quyết định số 163/QĐ-UBND ngày "
                         "06/02/2021", "Chủ tịch UBND tỉnh Lạng Sơn",
                         "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "163/QĐ-UBND"),
    }
    for kind, (title, author, subject, keywords) in expected.items():
        data, _pages = decision_pdf.render(decision, kind)
        meta = pdf_tools.info(data)
        assert (meta["Title"], meta["Author"], meta["Subject"], meta["Keywords"]) == (title, author, subject,
                                                                                      keywords), kind
        assert meta["CreationDate"] == "2021-02-06T00:00:00+07", kind
        assert pdf_tools.pdfa_part(data) == ("2", "B"), kind


def test_unknown_kind_is_refused(decision):
    with pytest.raises(ValueError):
        decision_pdf.render(decision, "poster")
