"""How unit names read inside a line of an official document (NĐ 30/2020/NĐ-CP Phụ lục II, viết hoa tên địa lý):
the administrative unit's common noun in lower case ("Xã Hiệp Hạ, huyện Lộc Bình"), kept with a number or a
person's name the province lists ("Quận 1", "Xã Hoàng Văn Thụ"); a person's line names a division, village or
commune with the unit above it; a district or commune sends its tờ trình as its People's Committee."""

from __future__ import annotations

import datetime

import pytest

from awards.dossiers.annex import collective_detail, person_detail
from tests.factories import UnitFactory
from units.models import UnitKind
from units.names import as_place, sender_name

D = datetime.date(2020, 1, 15)


def test_common_noun_in_lower_case_inside_a_line():
    assert [as_place(name) for name in ["Huyện Cao Lộc", "Thành phố Lạng Sơn", "Thị trấn Đồng Đăng", "Xã Hiệp Hạ",
                                        "Thôn Nà Ao 2", "Tỉnh Lạng Sơn", "Quận 1", "Phường 3", "Xã Hoàng Văn Thụ",
                                        "Phường Điện Biên Phủ", "Sở Y tế", "Huyện đoàn Cao Lộc"]] == [
        "huyện Cao Lộc", "thành phố Lạng Sơn", "thị trấn Đồng Đăng", "xã Hiệp Hạ", "thôn Nà Ao 2", "tỉnh Lạng Sơn",
        "Quận 1", "Phường 3", "Xã Hoàng Văn Thụ", "Phường Điện Biên Phủ", "Sở Y tế", "Huyện đoàn Cao Lộc"]


def test_the_province_lists_the_names_that_keep_their_capital(settings):
    settings.PLACE_NAMES_KEEPING_CAPITAL = ["Hiệp Hạ"]
    assert (as_place("Xã Hiệp Hạ"), as_place("Xã Hoàng Văn Thụ")) == ("Xã Hiệp Hạ", "xã Hoàng Văn Thụ")


@pytest.mark.django_db
def test_a_persons_line_names_the_unit_above_a_division_a_village_or_a_commune():
    province = UnitFactory(name="Tỉnh Lạng Sơn", kind=UnitKind.PROVINCE)
    sở = UnitFactory(name="Sở Nội vụ", parent=province)
    division = UnitFactory(name="Phòng Xây dựng chính quyền", kind=UnitKind.DIVISION, parent=sở)
    district = UnitFactory(name="Huyện Cao Lộc", kind=UnitKind.DISTRICT, parent=province)
    town = UnitFactory(name="Thị trấn Đồng Đăng", kind=UnitKind.COMMUNE, parent=district)
    village = UnitFactory(name="Thôn Bản Đoóc", kind=UnitKind.VILLAGE, parent=town)
    assert [person_detail(position, unit, D) for position, unit in [
        ("Trưởng phòng Xây dựng chính quyền", division),
        ("Chuyên viên", division),
        ("Công chức Văn hóa - Xã hội thị trấn Đồng Đăng", town),
        ("Nông dân sản xuất giỏi", village),
        ("Giám đốc Sở Nội vụ", sở),
        ("Chủ tịch UBND huyện Cao Lộc", district),
    ]] == [
        "Trưởng phòng Xây dựng chính quyền, Sở Nội vụ",
        "Chuyên viên, Phòng Xây dựng chính quyền, Sở Nội vụ",
        "Công chức Văn hóa - Xã hội thị trấn Đồng Đăng, huyện Cao Lộc",
        "Nông dân sản xuất giỏi, thôn Bản Đoóc, thị trấn Đồng Đăng",
        "Giám đốc Sở Nội vụ",
        "Chủ tịch UBND huyện Cao Lộc",
    ]
    assert [collective_detail(unit, "", sở, D) for unit in (town, village, division, district)] == [
        "huyện Cao Lộc", "thị trấn Đồng Đăng", "Sở Nội vụ", ""]
    assert [sender_name(unit, D) for unit in (district, town, sở)] == [
        "UBND huyện Cao Lộc", "UBND thị trấn Đồng Đăng", "Sở Nội vụ"]


@pytest.mark.django_db
def test_the_sở_nội_vụ_quotes_a_district_by_its_people_s_committee(staff):
    from awards.documents import decision_pdf
    from awards.models import Dossier, province_body
    from tests.documents import certificate_cases as cases
    from tests.factories import make_dossier

    district = UnitFactory(name="Huyện Cao Lộc", kind=UnitKind.DISTRICT)
    dossier = make_dossier(district, staff, state="awaiting_decision", verdict="eligible", year=2025)
    Dossier.objects.filter(pk=dossier.pk).update(submission_number="65/TTr-UBND", submission_date=D)
    decision = cases._decide([dossier], staff, cases._signer(province_body(), "Hồ Tiến Thiệu"))
    assert decision_pdf.unit_submissions(decision) == (
        "Xét đề nghị của UBND huyện Cao Lộc tại Tờ trình số 65/TTr-UBND ngày 15/01/2020.")


def test_what_the_council_met_for():
    from awards.council.minutes import meeting_words

    assert [meeting_words(title) for title in [
        "Phiên họp xét khen thưởng tổng kết năm 2020",
        "Phiên họp Hội đồng Thi đua - Khen thưởng tỉnh xét tặng Cờ thi đua của UBND tỉnh năm 2020",
        "Xét khen thưởng chuyên đề", ""]] == [
        "xét khen thưởng tổng kết năm 2020", "xét tặng Cờ thi đua của UBND tỉnh năm 2020",
        "phiên “Xét khen thưởng chuyên đề”", "xét đề nghị khen thưởng"]


@pytest.mark.django_db
def test_a_communes_decision_names_its_council_with_xa_in_lower_case(staff):
    from tests.documents import certificate_cases as cases
    from tests.factories import PersonFactory, make_dossier

    unit, body = cases.commune("Tân Văn")
    person = PersonFactory(full_name="Hà Văn Tuấn", unit=unit, position="Công chức Văn phòng")
    dossier = make_dossier(unit, staff, code="lao-dong-tien-tien", authority="chu_tich_ubnd_xa",
                           state="awaiting_decision", verdict="eligible", recipient=person, year=2025)
    decision = cases._decide([dossier], staff, cases._signer(body, "Lộc Văn Bình"), body=body, number=5)
    assert decision.proposals == "Theo đề nghị của Hội đồng Thi đua - Khen thưởng xã Tân Văn."
    assert list(decision.lines.values_list("detail", flat=True)) == ["Công chức Văn phòng, xã Tân Văn"]
