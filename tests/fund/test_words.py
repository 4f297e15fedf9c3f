"""Amounts in words as the payment list prints them (issue 20): exact Vietnamese over the edge cases."""

from decimal import Decimal

import pytest

from awards.fund.words import amount_words, number_words

CASES = [
    (0, "Không đồng"),
    (1, "Một đồng"),
    (5, "Năm đồng"),
    (10, "Mười đồng"),
    (11, "Mười một đồng"),
    (14, "Mười bốn đồng"),
    (15, "Mười lăm đồng"),
    (20, "Hai mươi đồng"),
    (21, "Hai mươi mốt đồng"),
    (24, "Hai mươi bốn đồng"),
    (25, "Hai mươi lăm đồng"),
    (101, "Một trăm linh một đồng"),
    (105, "Một trăm linh năm đồng"),
    (110, "Một trăm mười đồng"),
    (115, "Một trăm mười lăm đồng"),
    (1_000, "Một nghìn đồng"),
    (1_010, "Một nghìn không trăm mười đồng"),
    (2_005, "Hai nghìn không trăm linh năm đồng"),
    (50_015, "Năm mươi nghìn không trăm mười lăm đồng"),
    (105_000, "Một trăm linh năm nghìn đồng"),
    (1_000_000, "Một triệu đồng"),
    (1_000_005, "Một triệu không trăm linh năm đồng"),
    (1_001_000, "Một triệu không trăm linh một nghìn đồng"),
    (3_510_000, "Ba triệu năm trăm mười nghìn đồng"),
    (7_020_000, "Bảy triệu không trăm hai mươi nghìn đồng"),
    (21_000_000, "Hai mươi mốt triệu đồng"),
    (1_000_000_000, "Một tỷ đồng"),
    (1_001_000_000, "Một tỷ không trăm linh một triệu đồng"),
    (1_234_567_891, "Một tỷ hai trăm ba mươi bốn triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi mốt đồng"),
    (100_000_000_000, "Một trăm tỷ đồng"),
    (1_000_000_000_000, "Một nghìn tỷ đồng"),
    (2_980_000, "Hai triệu chín trăm tám mươi nghìn đồng"),
]


@pytest.mark.parametrize(("amount", "words"), CASES)
def test_amount_words(amount, words):
    assert amount_words(amount) == words
    assert amount_words(Decimal(amount)) == words


def test_number_words_is_lower_case_without_currency():
    assert number_words(1_000_005) == "một triệu không trăm linh năm"


def test_fractions_and_negatives_are_refused():
    with pytest.raises(ValueError):
        amount_words(Decimal("1.5"))
    with pytest.raises(ValueError):
        number_words(-1)
