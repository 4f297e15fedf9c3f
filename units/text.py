"""Vietnamese text handling shared by every app: NFC normalisation, accent folding, collation.

* Every name is stored in Unicode NFC (``nfc``); decomposed input from old Word files breaks fonts.
* ``fold`` strips tones and vowel marks and maps đ to d, as PostgreSQL's ``unaccent`` does, so
  "hoang van thu" matches "Hoàng Văn Thụ".
* ``vietnamese_sort_key`` orders by the Vietnamese alphabet (a ă â b c d đ e ê ...) with tones as a
  secondary key (ngang, huyền, hỏi, ngã, sắc, nặng), like ICU's ``vi`` collation on PostgreSQL.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")

# Tone marks in NFD, in dictionary order; vowel-shape marks (breve, circumflex, horn) are primary.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_SHAPES = {"\u0306": "\u0306", "\u0302": "\u0302", "\u031b": "\u031b"}
_ALPHABET = [
    "a", "a\u0306", "a\u0302", "b", "c", "d", "đ", "e", "e\u0302", "f", "g", "h", "i", "j", "k",
    "l", "m", "n", "o", "o\u0302", "o\u031b", "p", "q", "r", "s", "t", "u", "u\u031b", "v", "w",
    "x", "y", "z",
]  # fmt: skip
_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}


def nfc(value: str | None) -> str:
    """NFC-normalise and collapse runs of white space; ``None`` becomes an empty string."""
    if value is None:
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", str(value))).strip()


def fold(value: str | None) -> str:
    """Lower-case, accent-free form used for accent-insensitive matching."""
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFD", str(value))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.replace("đ", "d").replace("Đ", "D")).strip().lower()


def _letters(value: str) -> list[tuple[str, int, bool]]:
    """Split into (base letter with shape mark, tone rank, is upper-case) triples."""
    out: list[tuple[str, int, bool]] = []
    for ch in unicodedata.normalize("NFD", value):
        if unicodedata.combining(ch):
            if not out:
                continue
            base, tone, upper = out[-1]
            if ch in _TONES:
                out[-1] = (base, _TONES[ch], upper)
            elif ch in _SHAPES:
                out[-1] = (base + ch, tone, upper)
            continue
        out.append((ch.lower(), 0, ch.isupper()))
    return out


def vietnamese_sort_key(value: str | None) -> tuple:
    """Primary: letters in Vietnamese alphabet order; secondary: tones; tertiary: case."""
    letters = _letters(value or "")
    primary = tuple(
        (0, _RANK[base]) if base in _RANK else (1 if base.isalnum() else -1, ord(base[0]))
        for base, _tone, _upper in letters
    )
    secondary = tuple(tone for _base, tone, _upper in letters)
    tertiary = tuple(upper for _base, _tone, upper in letters)
    return (primary, secondary, tertiary)


def vietnamese_compare(left: str, right: str) -> int:
    """A three-way comparison, for SQLite's ``create_collation``."""
    a, b = vietnamese_sort_key(left), vietnamese_sort_key(right)
    return (a > b) - (a < b)


COLLATION = "vi-x-icu"
