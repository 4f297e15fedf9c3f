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
