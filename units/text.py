"""Vietnamese text handling shared by every app: NFC normalisation, accent folding, collation.

* Every name is stored in Unicode NFC (``nfc``); decomposed input from old Word files breaks fonts.
* ``fold`` strips tones and vowel marks and maps đ to d, as PostgreSQL's ``unaccent`` does, so
  "hoang van thu" matches "Hoàng Văn Thụ".
* ``tone_key`` keeps vowel shapes and tones but not where the tone mark sits, so the old placement
  "Uỷ ban", "Hoà" equals the new "Ủy ban", "Hòa"; ``has_marks`` says whether a text carries any mark at all.
* ``without_generic_prefix`` drops what many unit names are written with and none is known by: a leading
  "UBND", "Ủy ban nhân dân" or "Uỷ ban nhân dân" ("UBND xã Hiệp Hạ" is "xã Hiệp Hạ"); punctuation counts as space.
* ``vietnamese_sort_key`` orders by the Vietnamese alphabet (a ă â b c d đ e ê ...) with tones as a
  secondary key (ngang, huyền, hỏi, ngã, sắc, nặng), like ICU's ``vi`` collation on PostgreSQL.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_LINE_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n{3,}")
# Characters that change how a text looks or reads without being seen: zero-width space, joiners and
# direction marks (U+200B-U+200F), bidi embeddings and overrides (U+202A-U+202E), the word joiner and bidi
# isolates (U+2060, U+2066-U+2069), the byte-order mark (U+FEFF) and the soft hyphen (U+00AD). A name is
# never meant to hold them; "hoso\u202efdp.exe" shows as "hosoexe.pdf", "Lan\u200b" does not match "Lan".
INVISIBLE = frozenset([*range(0x200B, 0x2010), *range(0x202A, 0x202F), 0x2060, *range(0x2066, 0x206A), 0xFEFF,
                       0x00AD])
_DROP_INVISIBLE = dict.fromkeys(INVISIBLE)
_PUNCTUATION = re.compile(r"[^\w&]+")
# Folded words of the generic prefixes (the People's Committee), longest first.
_GENERIC_PREFIXES = (("uy", "ban", "nhan", "dan"), ("ubnd",))

# Tone marks in NFD, in dictionary order; vowel-shape marks (breve, circumflex, horn) are primary.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_SHAPES = {"\u0306": "\u0306", "\u0302": "\u0302", "\u031b": "\u031b"}
_ALPHABET = [
    "a", "a\u0306", "a\u0302", "b", "c", "d", "đ", "e", "e\u0302", "f", "g", "h", "i", "j", "k",
    "l", "m", "n", "o", "o\u0302", "o\u031b", "p", "q", "r", "s", "t", "u", "u\u031b", "v", "w",
    "x", "y", "z",
]  # fmt: skip
_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}


def strip_invisible(value: str) -> str:
    """``value`` without the ``INVISIBLE`` characters."""
    return value.translate(_DROP_INVISIBLE)


def nfc(value: str | None) -> str:
    """The one text normaliser of the product: NFC, invisible and bidi control characters (``INVISIBLE``)
    dropped, runs of white space collapsed to one space, trimmed; ``None`` becomes an empty string. Models
    apply it to their names on save, forms to every text field (``units.hygiene``), imports to every cell
    (``awards.core.sheets.cell_text``)."""
    if value is None:
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", strip_invisible(str(value)))).strip()


def clean_text(value: str | None, *, multiline: bool = False) -> str:
    """``nfc``, or for a text of several lines (a textarea): the same per line, line breaks kept (at most one
    empty line in a row)."""
    if not multiline:
        return nfc(value)
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", strip_invisible(str(value))).replace("\r\n", "\n").replace("\r", "\n")
    lines = [_LINE_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def fold(value: str | None) -> str:
    """Lower-case, accent-free form used for accent-insensitive matching."""
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFD", strip_invisible(str(value)))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.replace("đ", "d").replace("Đ", "D")).strip().lower()


def has_marks(value: str | None) -> bool:
    """Whether ``value`` carries a Vietnamese mark (tone, vowel shape or đ): typed with a Vietnamese keyboard."""
    return fold(value) != nfc(value).lower()


def tone_key(value: str | None) -> str:
    """Lower-case words with vowel shapes (ă â ê ô ơ ư, đ) kept and each word's tone moved to its end as a digit:
    "Uỷ ban" and "Ủy ban" both give "uy2 ban"; "Hạ" gives "ha5", "Hà" "ha1", "Ha" "ha"."""
    words = []
    for word in nfc(value).lower().split(" "):
        tone = 0
        kept = []
        for ch in unicodedata.normalize("NFD", word):
            if ch in _TONES:
                tone = _TONES[ch]
            else:
                kept.append(ch)
        base = unicodedata.normalize("NFC", "".join(kept))
        words.append(f"{base}{tone}" if tone else base)
    return " ".join(word for word in words if word)


def without_generic_prefix(value: str | None) -> str:
    """``value`` NFC with punctuation as single spaces and without a leading "UBND" / "Ủy ban nhân dân" (any
    accents or case); a text that is nothing but the prefix is kept."""
    words = _PUNCTUATION.sub(" ", nfc(value)).replace("_", " ").split()
    folded = tuple(fold(word) for word in words)
    for prefix in _GENERIC_PREFIXES:
        if folded[: len(prefix)] == prefix and len(words) > len(prefix):
            return " ".join(words[len(prefix):])
    return " ".join(words)


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
