"""Amounts in words, as a Vietnamese payment list prints them: "Ba triệu năm trăm mười nghìn đồng".

Written here because no library reads Vietnamese amounts exactly: num2words 0.5.14 (``lang="vi"``) reads
7,020,000 as "bảy triệu hai mươi nghìn" (dropping "không trăm") and 1,010 as "một nghìn lẻ mười".

The rules followed (the usage of accounting documents, northern forms):

* groups of three digits named nghìn, triệu, tỷ; above a thousand tỷ the count of tỷ is read as a number
  ("Một nghìn tỷ đồng");
* a group of zeros is not read ("Một triệu không trăm linh năm đồng" for 1,000,005);
* a group after a higher one is read with its hundreds ("không trăm"), the first group without;
* tens: 0 with a unit reads "linh" ("một trăm linh năm"), 1 reads "mười", 2-9 read "… mươi";
* units: 1 after "mươi" reads "mốt", 5 after "mười"/"mươi" reads "lăm", 4 always "bốn", 0 after tens is silent.
"""

from __future__ import annotations

from decimal import Decimal

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
GROUPS = ("", "nghìn", "triệu")
BILLION = 1_000_000_000


def _three(number: int, full: bool) -> list[str]:
    """0 < number < 1000; ``full`` reads the hundreds even when they are 0 (a group after a higher one)."""
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append("linh")
            words.append(DIGITS[units])
        return words
    words += ["mười"] if tens == 1 else [DIGITS[tens], "mươi"]
    if units == 1 and tens > 1:
        words.append("mốt")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(DIGITS[units])
    return words


def _below_billion(number: int, full: bool) -> list[str]:
    """0 <= number < 10**9: the groups triệu, nghìn and units; zero groups are skipped."""
    groups = [(number // 1_000_000) % 1000, (number // 1000) % 1000, number % 1000]
    words: list[str] = []
    for value, name in zip(groups, reversed(GROUPS), strict=True):
        if value == 0:
            continue
        words += _three(value, full=full or bool(words))
        if name:
            words.append(name)
    return words


def number_words(number: int) -> str:
    """The words of a whole number ≥ 0, lower case: 1_000_005 → "một triệu không trăm linh năm"."""
    if number < 0:
        raise ValueError("number_words reads amounts of 0 or more")
    if number == 0:
        return DIGITS[0]
    words = _spell(number, full=False)
    return " ".join(words)


def _spell(number: int, full: bool) -> list[str]:
    billions, rest = divmod(number, BILLION)
    words: list[str] = []
    if billions:
        words += [*_spell(billions, full=full), "tỷ"]
    if rest:
        words += _below_billion(rest, full=full or bool(words))
    return words


def amount_words(amount: int | Decimal) -> str:
    """"Ba triệu năm trăm mười nghìn đồng": the amount in đồng, capitalised, as the payment list's "Bằng chữ"."""
    value = Decimal(amount)
    if value != value.to_integral_value():
        raise ValueError("amounts are whole đồng")
    text = number_words(int(value)) + " đồng"
    return text[0].upper() + text[1:]
