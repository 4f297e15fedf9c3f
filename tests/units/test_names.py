"""Unit names as people write them (units.names): prefixes, case, accents, aliases, mergers, scope, suggestions."""

from __future__ import annotations

import datetime
import unicodedata

import pytest
from django.core.exceptions import ValidationError

from tests.factories import UnitFactory
from units.models import UnitAlias, UnitKind
from units.names import AMBIGUOUS, OUTSIDE, UNKNOWN, Miss, UnitNames, resolve_unit
from units.selectors import subtree_ids

pytestmark = pytest.mark.django_db

END_2019 = datetime.date(2019, 12, 31)
END_2026 = datetime.date(2026, 12, 31)
MERGER_EVE = datetime.date(2025, 6, 30)
MERGER = datetime.date(2025, 7, 1)
OUTSIDE_TEXT = ("Đơn vị '{}' không thuộc phạm vi của đơn vị lập hồ sơ: chỉ đề nghị được đơn vị đó, các đơn vị trực "
                "thuộc và cá nhân, hộ gia đình của các đơn vị này.")


@pytest.fixture
def loc_binh(db):
    """Huyện Lộc Bình with xã Hiệp Hạ and thị trấn Lộc Bình until the 2025 merger, then xã Lộc Bình formed from both."""
    district = UnitFactory(code="huyen-loc-binh", name="Huyện Lộc Bình", kind=UnitKind.DISTRICT, valid_to=MERGER_EVE)
    hiep_ha = UnitFactory(code="xa-hiep-ha", name="Xã Hiệp Hạ", kind=UnitKind.COMMUNE, parent=district,
                          valid_to=MERGER_EVE)
    town = UnitFactory(code="thi-tran-loc-binh", name="Thị trấn Lộc Bình", kind=UnitKind.COMMUNE, parent=district,
                       valid_to=MERGER_EVE)
    new = UnitFactory(code="xa-loc-binh-2025", name="Xã Lộc Bình", kind=UnitKind.COMMUNE, valid_from=MERGER)
    new.predecessors.set([hiep_ha, town])
    return {"district": district, "hiep_ha": hiep_ha, "town": town, "new": new}


@pytest.mark.parametrize("text", [
    "UBND xã Hiệp Hạ", "Ủy ban nhân dân xã Hiệp Hạ", "xã Hiệp Hạ", "Xã Hiệp Hạ",
    "Uỷ ban nhân dân xã Hiệp Hạ",  # the old tone placement
    unicodedata.normalize("NFD", "UBND  Xã Hiệp Hạ,"),  # decomposed, doubled space, trailing comma
    "ubnd xa hiep ha", "UY BAN NHAN DAN XA HIEP HA",  # typed without a Vietnamese keyboard
])
def test_the_ways_people_write_a_commune_name_all_give_the_commune(loc_binh, text):
    assert resolve_unit(text, END_2019) == loc_binh["hiep_ha"]


def test_a_text_with_marks_must_carry_the_right_ones_and_gets_the_closest_names_instead(loc_binh):
    miss = resolve_unit("UBND xã Hiệp Ha", END_2019)

    assert miss == Miss("UBND xã Hiệp Ha", UNKNOWN, ("Xã Hiệp Hạ",))
    assert miss.message == "Không tìm thấy đơn vị 'UBND xã Hiệp Ha'. Có phải: Xã Hiệp Hạ?"


def test_several_suggestions_are_joined_by_commas_closest_first(loc_binh):
    UnitFactory(code="xa-hiep-hoa", name="Xã Hiệp Hòa", kind=UnitKind.COMMUNE, parent=loc_binh["district"])

    miss = resolve_unit("UBND xã Hiệp Hà", END_2019)

    assert miss.message == "Không tìm thấy đơn vị 'UBND xã Hiệp Hà'. Có phải: Xã Hiệp Hạ, Xã Hiệp Hòa?"


def test_an_unknown_name_with_nothing_close_has_no_suggestion(loc_binh):
    miss = resolve_unit("Sở Du lịch", END_2019)

    assert (miss.reason, miss.suggestions) == (UNKNOWN, ())
    assert miss.message == "Không tìm thấy đơn vị 'Sở Du lịch'."


def test_an_alias_is_read_like_a_name_and_stored_with_its_folded_form(loc_binh):
    alias = UnitAlias.objects.create(unit=loc_binh["hiep_ha"], name=unicodedata.normalize("NFD", "UBND  xã Hiệp Hạ, "
                                                                                                  "huyện Lộc Bình"))

    assert (alias.name, alias.folded) == ("UBND xã Hiệp Hạ, huyện Lộc Bình", "xa hiep ha huyen loc binh")
    assert resolve_unit("Ủy ban nhân dân xã Hiệp Hạ huyện Lộc Bình", END_2019) == loc_binh["hiep_ha"]
    assert resolve_unit("xa hiep ha, huyen loc binh", END_2019) == loc_binh["hiep_ha"]


def test_an_alias_valid_before_the_merger_gives_the_old_commune_in_2019_and_the_new_one_in_2026(loc_binh):
    UnitAlias.objects.create(unit=loc_binh["hiep_ha"], name="UBND xã Hiệp Hạ, huyện Lộc Bình", valid_to=MERGER_EVE)

    assert resolve_unit("UBND xã Hiệp Hạ, huyện Lộc Bình", END_2019) == loc_binh["hiep_ha"]
    assert resolve_unit("UBND xã Hiệp Hạ, huyện Lộc Bình", END_2026) == loc_binh["new"]
    assert resolve_unit("Xã Hiệp Hạ", END_2026) == loc_binh["new"]  # the old name itself, after the merger


def test_a_name_used_by_two_units_in_turn_follows_the_alias_validity(loc_binh):
    """ "Lộc Bình" meant the town until the merger and the new commune after it."""
    UnitAlias.objects.create(unit=loc_binh["town"], name="Lộc Bình", valid_to=MERGER_EVE)
    UnitAlias.objects.create(unit=loc_binh["new"], name="Lộc Bình", valid_from=MERGER)

    assert resolve_unit("Lộc Bình", END_2019) == loc_binh["town"]
    assert resolve_unit("Lộc Bình", END_2026) == loc_binh["new"]


def test_a_name_two_units_in_force_share_is_ambiguous(loc_binh):
    UnitFactory(code="xa-hiep-ha-2", name="Xã Hiệp Hạ", kind=UnitKind.COMMUNE)

    miss = resolve_unit("UBND xã Hiệp Hạ", END_2019)

    assert miss.reason == AMBIGUOUS
    assert miss.message == ("Tên 'UBND xã Hiệp Hạ' khớp với nhiều đơn vị trong danh mục, không xác định được đơn vị "
                            "nào; hãy ghi tên đầy đủ.")


def test_short_names_come_after_names(loc_binh):
    school = UnitFactory(code="thpt-loc-binh", name="Trường THPT Lộc Bình", short_name="THPT Lộc Bình")
    other = UnitFactory(code="thpt-lb", name="THPT Lộc Bình")

    assert resolve_unit("THPT Lộc Bình", END_2019) == other
    assert resolve_unit("trường thpt lộc bình", END_2019) == school


def test_a_unit_outside_the_scope_is_never_returned(loc_binh):
    scope = subtree_ids(loc_binh["district"].pk)
    health = UnitFactory(code="so-y-te", name="Sở Y tế")

    miss = resolve_unit("Sở Y tế", END_2019, scope)

    assert miss == Miss("Sở Y tế", OUTSIDE)
    assert miss.message == OUTSIDE_TEXT.format("Sở Y tế")
    assert resolve_unit("Sở Y tế", END_2019) == health  # board staff: the whole province
    assert resolve_unit("UBND xã Hiệp Hạ", END_2019, scope) == loc_binh["hiep_ha"]


def test_a_name_several_departments_give_their_sub_units_is_found_in_ones_own_subtree(db):
    education = UnitFactory(code="so-gd", name="Sở Giáo dục và Đào tạo")
    health = UnitFactory(code="so-yt", name="Sở Y tế")
    mine = UnitFactory(code="gd-vp", name="Văn phòng Sở", kind=UnitKind.DIVISION, parent=education)
    UnitFactory(code="yt-vp", name="Văn phòng Sở", kind=UnitKind.DIVISION, parent=health)

    assert resolve_unit("Văn phòng Sở", END_2019, subtree_ids(education.pk)) == mine
    assert resolve_unit("Văn phòng Sở", END_2019).reason == AMBIGUOUS


def test_suggestions_come_only_from_the_scope(loc_binh):
    UnitFactory(code="xa-hiep-hoa", name="Xã Hiệp Hòa", kind=UnitKind.COMMUNE)  # not under the district

    miss = UnitNames(END_2019, subtree_ids(loc_binh["district"].pk)).resolve("UBND xã Hiệp Hà")

    assert miss.suggestions == ("Xã Hiệp Hạ",)


def test_a_collective_name_no_unit_has_is_kept_as_written(loc_binh):
    UnitFactory(code="so-y-te", name="Sở Y tế")
    names = UnitNames(END_2019, subtree_ids(loc_binh["district"].pk))

    assert names.resolve_collective("Tổ Toán - Tin, Trường THCS Hiệp Hạ") is None
    assert names.resolve_collective("UBND xã Hiệp Hạ") == loc_binh["hiep_ha"]
    assert names.resolve_collective("Sở Y tế") == Miss("Sở Y tế", OUTSIDE)


def test_an_alias_validity_range_must_be_in_order(loc_binh):
    alias = UnitAlias(unit=loc_binh["hiep_ha"], name="Xã Hiệp Hạ cũ", valid_from=MERGER, valid_to=MERGER_EVE)

    with pytest.raises(ValidationError) as raised:
        alias.full_clean()

    assert raised.value.messages == ["Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực."]
