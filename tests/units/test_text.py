"""NFC normalisation, accent folding and Vietnamese collation (units.text)."""

import unicodedata

import pytest

from units.text import fold, nfc, vietnamese_compare, vietnamese_sort_key


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
