"""NFC normalisation, accent folding and Vietnamese collation (units.text)."""

import unicodedata

import pytest

from units.text import (
    fold,
    has_marks,
    nfc,
    tone_key,
    vietnamese_compare,
    vietnamese_sort_key,
    without_generic_prefix,
)


def test_nfc_composes_decomposed_input_and_collapses_spaces():
    decomposed = unicodedata.normalize("NFD", "  Hoàng   Văn Thụ ")
    assert decomposed != "Hoàng Văn Thụ"
    assert nfc(decomposed) == "Hoàng Văn Thụ"
    assert unicodedata.is_normalized("NFC", nfc(decomposed))


def test_nfc_of_none_is_empty():
    assert nfc(None) == ""


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Hoàng Văn Thụ", "hoang van thu"),
        ("Đình Lập", "dinh lap"),
        ("ĐẶNG THỊ Ư", "dang thi u"),
        ("Sở Giáo dục và Đào tạo", "so giao duc va dao tao"),
        (unicodedata.normalize("NFD", "Nghiệm"), "nghiem"),
        ("", ""),
        (None, ""),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


def test_alphabet_order_puts_marked_vowels_and_dj_after_their_base():
    names = ["Đào", "Dương", "Ân", "Ăn", "An", "Bình", "Ơn", "Ôn", "On", "Ưu", "Uy", "Yên", "Xuân", "Ê", "E"]
    assert sorted(names, key=vietnamese_sort_key) == [
        "An", "Ăn", "Ân", "Bình", "Dương", "Đào", "E", "Ê", "On", "Ôn", "Ơn", "Uy", "Ưu", "Xuân", "Yên",
    ]


def test_tones_are_secondary_in_dictionary_order():
    # ngang, huyền, hỏi, ngã, sắc, nặng
    assert sorted(["má", "mạ", "mà", "ma", "mã", "mả"], key=vietnamese_sort_key) == [
        "ma", "mà", "mả", "mã", "má", "mạ",
    ]
    # a letter difference outranks a tone difference earlier in the word
    assert sorted(["bán", "bao"], key=vietnamese_sort_key) == ["bán", "bao"]


def test_compare_is_three_way():
    assert vietnamese_compare("Đào", "Dương") == 1
    assert vietnamese_compare("Dương", "Đào") == -1
    assert vietnamese_compare("Lạng Sơn", "Lạng Sơn") == 0


@pytest.mark.parametrize(
    ("value", "shown"),
    [(3510000, "3.510.000"), ("92.20", "92,2"), ("6.86", "6,86"), ("5027.00", "5.027"), ("1.50", "1,5"),
     (None, "—"), ("100", "100")],
)
def test_num_filter_writes_numbers_the_vietnamese_way(value, shown):
    from django.utils import translation

    from units.templatetags.vn import num

    with translation.override("vi"):
        assert num(value) == shown


@pytest.mark.parametrize(("text", "key"), [
    ("Uỷ ban nhân dân", "uy2 ban nhân dân"),
    ("Ủy ban nhân dân", "uy2 ban nhân dân"),
    ("Hoà Bình", "hoa1 binh1"),
    ("HÒA BÌNH", "hoa1 binh1"),
    (unicodedata.normalize("NFD", "Hiệp Hạ"), "hiêp5 ha5"),
    ("Hiệp Ha", "hiêp5 ha"),
    ("Đình Lập", "đinh1 lâp5"),
    ("", ""),
])
def test_tone_key_keeps_shapes_and_tones_but_not_where_the_tone_sits(text, key):
    assert tone_key(text) == key


@pytest.mark.parametrize(("text", "marked"), [
    ("ubnd xa hiep ha", False), ("UBND XA HIEP HA", False), ("Xã", True), ("Dinh Lập", True), ("Đa", True),
    ("", False),
])
def test_has_marks(text, marked):
    assert has_marks(text) is marked


@pytest.mark.parametrize(("text", "core"), [
    ("UBND xã Hiệp Hạ", "xã Hiệp Hạ"),
    ("Ủy ban nhân dân xã Hiệp Hạ", "xã Hiệp Hạ"),
    ("Uỷ ban nhân dân xã Hiệp Hạ", "xã Hiệp Hạ"),
    ("uy ban nhan dan tinh Lang Son", "tinh Lang Son"),
    ("  UBND.  huyện Lộc Bình, ", "huyện Lộc Bình"),
    ("Sở LĐ-TB&XH", "Sở LĐ TB&XH"),
    ("Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh"),  # only a leading prefix
    ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    ("UBND", "UBND"),  # nothing but the prefix: kept
])
def test_without_generic_prefix(text, core):
    assert without_generic_prefix(text) == core
