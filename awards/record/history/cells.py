"""What the cells of a báo cáo thành tích say: an award by its name, short name or common short form
(``AwardMatcher``), the third column "Số, ngày, tháng, năm của quyết định; cơ quan ban hành"
(``parse_decision_text``: "Quyết định số 1234/QĐ-UBND ngày 15/12/2019 của Chủ tịch UBND tỉnh Lạng Sơn"), and the
loại hình khen thưởng (``parse_occasion``). Each answers (value, None) or (None, the message for the row)."""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from awards.core.sheets import cell_text, shown, vi_label
from awards.enums import OccasionType, RecipientKind
from awards.models import AwardType
from awards.record.history.entry import MAX_ISSUER, MAX_NUMBER, award_types_for_year
from awards.record.tables import MIN_YEAR
from units.text import fold, nfc

MSG_AWARD_UNKNOWN = 'không có danh hiệu, hình thức "{value}" trong danh mục năm {year} (xem trang "Hướng dẫn").'
MSG_AWARD_AMBIGUOUS = '"{value}" khớp với nhiều danh hiệu, hình thức; hãy ghi tên đầy đủ.'
MSG_AWARD_NOT_FOR_KIND = '"{award}" không tặng cho {kind}.'
MSG_DECISION_EMPTY = "chưa ghi số, ngày của quyết định."
MSG_DECISION_NO_DATE = ('không tìm thấy ngày quyết định trong "{value}" (ghi ví dụ "Quyết định số 1234/QĐ-UBND ngày '
                        '15/12/2019 của Chủ tịch UBND tỉnh").')
MSG_DECISION_BAD_DATE = 'ngày "{value}" không có thật.'
MSG_DECISION_DATE_RANGE = "ngày quyết định {value} không hợp lệ (phải từ năm 1945 đến hôm nay)."
MSG_DECISION_NO_NUMBER = 'không tìm thấy số quyết định trong "{value}" (số ghi trước ngày, ví dụ "số 1234/QĐ-UBND").'
MSG_DECISION_BAD_NUMBER = 'số quyết định "{value}" dài quá {limit} ký tự.'
MSG_TOO_LONG = "dài {length} ký tự, tối đa {limit} ký tự."
MSG_OCCASION_BAD = 'loại hình "{value}" không có trong danh sách: {choices}.'


# --- award names -----------------------------------------------------------------------------------------------

# Abbreviations written in báo cáo thành tích, expanded word by word (on folded text).
_WORD_EXPANSIONS = {
    "ubnd": "uy ban nhan dan",
    "ttcp": "thu tuong chinh phu",
    "ttg": "thu tuong",
    "cstd": "chien si thi dua",
    "cstdcs": "chien si thi dua co so",
    "cstdtq": "chien si thi dua toan quoc",
    "ldtt": "lao dong tien tien",
    "ldxs": "lao dong xuat sac",
    "hcld": "huan chuong lao dong",
    "bk": "bang khen",
    "gk": "giay khen",
    "tp": "thanh pho",
    "ubtvqh": "uy ban thuong vu quoc hoi",
    "cs": "co so",
    "tq": "toan quoc",
    "tt": "tap the",
}
# Whole short forms that word expansion cannot read (folded, after expansion) -> award code.
_ALIASES = {
    "tap the lao dong xuat sac": "tap-the-lao-dong-xuat-sac",
    "ttldxs": "tap-the-lao-dong-xuat-sac",
    "ttldtt": "tap-the-lao-dong-tien-tien",
    "chien si thi dua cap co so": "chien-si-thi-dua-co-so",
    "chien si thi dua tinh": "chien-si-thi-dua-cap-tinh",
    "bang khen thu tuong": "bang-khen-thu-tuong",
    "bang khen tinh": "bang-khen-chu-tich-ubnd-tinh",
    "co thi dua tinh": "co-thi-dua-ubnd-tinh",
    "co thi dua chinh phu": "co-thi-dua-chinh-phu",
}
_CLASS_WORDS = {"1": "nhat", "i": "nhat", "2": "nhi", "ii": "nhi", "3": "ba", "iii": "ba"}
_DROP_WORDS = {"cua", "danh", "hieu"}


def award_key(text: str) -> str:
    """A comparable form of an award name: folded, abbreviations expanded, "của" and "danh hiệu" dropped,
    "Chủ tịch Ủy ban nhân dân tỉnh X" read as "Ủy ban nhân dân tỉnh"."""
    words = re.sub(r"[^0-9a-z]+", " ", fold(nfc(text)).replace("đ", "d")).split()
    expanded: list[str] = []
    for index, word in enumerate(words):
        if word == "hang" and index + 1 < len(words) and words[index + 1] in _CLASS_WORDS:
            words[index + 1] = _CLASS_WORDS[words[index + 1]]
        expanded += _WORD_EXPANSIONS.get(word, word).split()
    words = [word for word in expanded if word not in _DROP_WORDS]
    key = " ".join(words)
    # "Bằng khen (của) Chủ tịch UBND tỉnh" and "Bằng khen UBND tỉnh" are the same award.
    key = key.replace("chu tich uy ban nhan dan tinh", "uy ban nhan dan tinh")
    # "... UBND tỉnh Lạng Sơn": the province's name adds nothing.
    key = re.sub(r"(uy ban nhan dan tinh)( [a-z]+){1,3}$", r"\1", key)
    return key


class AwardMatcher:
    """Award types of one year and recipient kind, found by full name, short name or common short form."""

    def __init__(self, year: int, recipient_kind: str) -> None:
        self.year = year
        self.recipient_kind = recipient_kind
        self.allowed = award_types_for_year(year, recipient_kind)
        self.every = award_types_for_year(year)
        self.table: dict[str, set[str]] = defaultdict(set)
        for award in self.every:
            for name in (award.name, award.short_name):
                if name:
                    self.table[award_key(name)].add(award.code)
        for alias, code in _ALIASES.items():
            self.table[alias].add(code)
        self.by_code = {award.code: award for award in self.every}
        self.allowed_codes = {award.code for award in self.allowed}

    def find(self, text: str) -> tuple[AwardType | None, str | None]:
        """(award, None) or (None, error message)."""
        key = award_key(text)
        codes = {code for code in self.table.get(key, set()) if code in self.by_code}
        if not codes and key.startswith("giay khen"):  # "Giấy khen của Giám đốc Sở ..." names its issuer
            codes = {"giay-khen"} & set(self.by_code)
        if len(codes) > 1:
            return None, MSG_AWARD_AMBIGUOUS.format(value=shown(text))
        if not codes:
            return None, MSG_AWARD_UNKNOWN.format(value=shown(text), year=self.year)
        code = codes.pop()
        if code not in self.allowed_codes:
            award = self.by_code[code]
            return None, MSG_AWARD_NOT_FOR_KIND.format(
                award=award.name, kind=vi_label(RecipientKind(self.recipient_kind).label).lower())
        return self.by_code[code], None


# --- "Số, ngày, tháng, năm của quyết định; cơ quan ban hành" ------------------------------------------------

_DATE_WORDS = re.compile(
    r"(?:ng[àa]y\s*)?(?P<d>\d{1,2})\s*th[áa]ng\s*(?P<m>\d{1,2})\s*n[ăa]m\s*(?P<y>\d{4})", re.IGNORECASE)
_DATE_DIGITS = re.compile(
    r"(?:ng[àa]y\s*)?(?<![\d/])(?P<d>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4}|\d{2})(?![\d/])",
    re.IGNORECASE)
# The decision number is the last thing before the date: "Quyết định (khen thưởng) số 1234/QĐ-UBND".
_NUMBER_AT_END = re.compile(r"(?:^|[\s:.,;])(?P<number>\d[\w.\-–&]*(?:\s*/\s*[\w.\-–&]+)*)$")
_ISSUER_PREFIX = re.compile(r"^[\s,;:.\-–]*(?:(?:c[ủu]a)\s+)?", re.IGNORECASE)
_TRAILING_DATE_WORD = re.compile(r"[\s,;]*(?:ng[àa]y)?[\s,;]*$", re.IGNORECASE)


@dataclass(frozen=True)
class ParsedDecision:
    number: str
    decided_on: datetime.date
    issuer: str


def _year4(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        this = timezone.localdate().year % 100
        year += 2000 if year <= this else 1900
    return year


def parse_decision_text(value: Any) -> tuple[ParsedDecision | None, str | None]:
    """(parsed, None) or (None, error message) for one cell of the third column."""
    text = cell_text(value)
    if not text:
        return None, MSG_DECISION_EMPTY
    match = _DATE_WORDS.search(text) or _DATE_DIGITS.search(text)
    if match is None:
        return None, MSG_DECISION_NO_DATE.format(value=shown(text))
    try:
        day = datetime.date(_year4(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None, MSG_DECISION_BAD_DATE.format(value=f'{match["d"]}/{match["m"]}/{match["y"]}')
    if day.year < MIN_YEAR or day > timezone.localdate():
        return None, MSG_DECISION_DATE_RANGE.format(value=f"{day:%d/%m/%Y}")
    before = _TRAILING_DATE_WORD.sub("", text[: match.start()]).strip(" ,;:")
    found = _NUMBER_AT_END.search(before)
    if found is None:
        return None, MSG_DECISION_NO_NUMBER.format(value=shown(text))
    number = re.sub(r"\s*/\s*", "/", found["number"]).replace("–", "-")
    if len(number) > MAX_NUMBER:
        return None, MSG_DECISION_BAD_NUMBER.format(value=shown(number), limit=MAX_NUMBER)
    issuer = _ISSUER_PREFIX.sub("", text[match.end():], count=1).strip(" ,;.")
    if len(issuer) > MAX_ISSUER:
        return None, MSG_TOO_LONG.format(length=len(issuer), limit=MAX_ISSUER)
    return ParsedDecision(number=number, decided_on=day, issuer=nfc(issuer)), None


# --- loại hình khen thưởng ---------------------------------------------------------------------------------------

_OCCASION_KEYS: dict[str, str] = {}


def parse_occasion(value: Any) -> tuple[str | None, str | None]:
    """A loại hình by its label or first words ("Chuyên đề", "Đột xuất"); empty is công trạng."""
    text = cell_text(value)
    if not text:
        return OccasionType.MERIT, None
    if not _OCCASION_KEYS:
        for occasion in OccasionType:
            label = fold(vi_label(occasion.label))
            _OCCASION_KEYS[label] = occasion.value
            _OCCASION_KEYS[label.split(",")[0].strip()] = occasion.value
            _OCCASION_KEYS[fold(occasion.value.replace("_", " "))] = occasion.value
        _OCCASION_KEYS["thuong xuyen"] = OccasionType.MERIT
        _OCCASION_KEYS["theo dot"] = OccasionType.CAMPAIGN
    occasion = _OCCASION_KEYS.get(fold(text).strip(" ."))
    if occasion is None:
        return None, MSG_OCCASION_BAD.format(value=shown(text), choices="; ".join(
            vi_label(o.label) for o in OccasionType))
    return occasion, None
