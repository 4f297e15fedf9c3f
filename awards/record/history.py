"""Award history (quá trình khen thưởng) of a person or a unit, and awards entered from before the product.

* ``person_history`` / ``unit_history`` read the permanent record (``Award``) in a constant number of queries,
  grouped by year and split into the two tables of a báo cáo thành tích (Danh hiệu thi đua; Hình thức khen
  thưởng).
* ``visible_persons`` / ``visible_units`` scope who may open a history page (out of scope is a 404).
* ``record_history_award`` writes one past award (source "history"), refusing a duplicate.
* ``parse_decision_text`` reads the third column of a báo cáo thành tích ("Quyết định số 1234/QĐ-UBND ngày
  15/12/2019 của Chủ tịch UBND tỉnh Lạng Sơn"); ``match_award`` finds an award type by name or short form.
* ``import_history`` reads such a table from Excel, all or nothing, with per-row errors (``awards.dossiers.importer``
  supplies the file checks and the error type); ``build_history_template`` gives the empty table.

Years: "Năm" of a báo cáo thành tích is stored as ``achievement_year`` (the year the title or form was for);
``year`` (năm khen thưởng) is the year of the decision date, as for awards written by a published decision.

The catalogue starts with NĐ 91/2017 (versions valid from 31/07/2017). For an earlier year the earliest version
of each award stands in: the older law's titles had the same names, and the catalogue holds no older versions.
"""

from __future__ import annotations

import datetime
import io
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from awards.core import permissions, uploads
from awards.core.sheets import (
    HEADER_SEARCH_ROWS,
    MAX_COLUMNS,
    MAX_DATA_ROWS,
    MAX_UNCOMPRESSED_BYTES,
    MSG_NOT_XLSX,
    MSG_TOO_MANY_ROWS,
    ErrorsReport,
    ImportError,
)
from awards.core.sheets import MSG_EMPTY as MSG_FILE_EMPTY
from awards.core.sheets import Refused as _Refused
from awards.core.sheets import cell_text as _cell_text
from awards.core.sheets import check_zip as _check_zip
from awards.core.sheets import find_header as _find_header
from awards.core.sheets import header_key as _header_key
from awards.core.sheets import is_blank as _is_blank
from awards.core.sheets import read_bytes as _read_bytes
from awards.core.sheets import shown as _shown
from awards.core.sheets import vi_label as _vi
from awards.enums import AwardFamily, OccasionType, RecipientKind
from awards.models import Award, AwardSource, AwardType
from units.models import Person, Role, Unit, User
from units.selectors import subtree_ids
from units.text import fold, nfc

MIN_YEAR = 1945
MAX_ISSUER = Award._meta.get_field("issuer").max_length
MAX_NUMBER = Award._meta.get_field("decision_number").max_length

# ---------------------------------------------------------------------------------------------
# Who may see and write histories
# ---------------------------------------------------------------------------------------------


unit_scope_ids = subtree_ids  # the unit and every unit below it


def sees_everything(user: User) -> bool:
    return user.has_role(*permissions.STAFF_ROLES, Role.LEADERSHIP)


def visible_persons(user: User) -> QuerySet[Person]:
    """Staff, administrators and leadership: everyone. A unit officer: the persons of his unit and its
    sub-units, and the nominees of his unit's dossiers. A council member: the nominees of the dossiers he
    may read (those voted on in his sessions), as on the dossier pages."""
    if not user.is_authenticated:
        return Person.objects.none()
    if sees_everything(user):
        return Person.objects.all()
    condition = Q(pk__in=Person.objects.filter(
        nominations__dossier__in=permissions.visible_dossiers(user)).values("pk"))
    if user.has_role(Role.UNIT_OFFICER) and user.unit_id:
        condition |= Q(unit_id__in=unit_scope_ids(user.unit_id))
    return Person.objects.filter(condition)


def visible_units(user: User) -> QuerySet[Unit]:
    """As ``visible_persons``: an officer sees his unit and its sub-units; a council member the units whose
    dossiers he may read and the collectives nominated in them."""
    if not user.is_authenticated:
        return Unit.objects.none()
    if sees_everything(user):
        return Unit.objects.all()
    dossiers = permissions.visible_dossiers(user)
    condition = Q(pk__in=dossiers.values("unit_id")) | Q(
        pk__in=Unit.objects.filter(nominations__dossier__in=dossiers).values("pk"))
    if user.has_role(Role.UNIT_OFFICER) and user.unit_id:
        condition |= Q(pk__in=unit_scope_ids(user.unit_id))
    return Unit.objects.filter(condition)


def can_record(user: User) -> tuple[bool, str]:
    """Past awards become part of the permanent record read by eligibility checks: only the Board writes them
    (``Award`` keeps no author, so an entry by a unit could not be traced)."""
    if permissions.is_staff(user):
        return True, ""
    return False, _("Chỉ cán bộ Ban Thi đua - Khen thưởng mới nhập khen thưởng từ hồ sơ lưu trữ; đơn vị gửi báo cáo "
                    "thành tích để Ban nhập.")


# ---------------------------------------------------------------------------------------------
# Reading a history
# ---------------------------------------------------------------------------------------------

FAMILY_TITLES = "danh_hieu"
FAMILY_FORMS = "hinh_thuc"


@dataclass
class YearGroup:
    year: int
    awards: list[Award]


@dataclass
class HistoryTable:
    """One table of a báo cáo thành tích: rows grouped by year, newest first."""

    key: str
    title: str
    column: str
    groups: list[YearGroup]

    @property
    def count(self) -> int:
        return sum(len(group.awards) for group in self.groups)


@dataclass
class History:
    tables: list[HistoryTable]
    total: int
    revoked: int


def _history_queryset() -> QuerySet[Award]:
    return Award.objects.select_related("award_type").order_by("-achievement_year", "-decided_on", "-pk")


def _group(awards: Iterable[Award]) -> History:
    titles: dict[int, list[Award]] = defaultdict(list)
    forms: dict[int, list[Award]] = defaultdict(list)
    total = revoked = 0
    for award in awards:
        target = titles if award.award_type.family == AwardFamily.EMULATION_TITLE else forms
        target[award.achievement_year].append(award)
        total += 1
        revoked += award.revoked
    tables = [
        HistoryTable(FAMILY_TITLES, _("Danh hiệu thi đua"), _("Danh hiệu thi đua"),
                     [YearGroup(year, rows) for year, rows in titles.items()]),
        HistoryTable(FAMILY_FORMS, _("Hình thức khen thưởng"), _("Hình thức khen thưởng"),
                     [YearGroup(year, rows) for year, rows in forms.items()]),
    ]
    return History(tables=tables, total=total, revoked=revoked)


def person_history(person: Person) -> History:
    """Every award of ``person`` (one query)."""
    return _group(_history_queryset().filter(person=person))


def unit_history(unit: Unit) -> History:
    """Every award of ``unit`` as a collective (one query)."""
    return _group(_history_queryset().filter(unit=unit, recipient_kind=RecipientKind.COLLECTIVE))


@dataclass
class PeopleSummary:
    by_award: list[dict[str, Any]]  # {"name", "family", "count"} per award type, in catalogue order
    by_person: list[dict[str, Any]]  # {"pk", "full_name", "count"} per person with at least one award
    total: int


def people_summary(unit: Unit) -> PeopleSummary:
    """Awards (not revoked) to the persons of ``unit``, counted per award type and per person (two queries)."""
    awards = Award.objects.filter(person__unit=unit, revoked=False)
    by_award = list(
        awards.values("award_code", "award_type__name", "award_type__family")
        .annotate(count=Count("pk")).order_by("award_type__sort_order", "award_code", "award_type__name")
    )
    merged: dict[str, dict[str, Any]] = {}
    for row in by_award:  # several versions of one award count together, under the first name seen
        entry = merged.setdefault(row["award_code"], {"name": row["award_type__name"],
                                                      "family": row["award_type__family"], "count": 0})
        entry["count"] += row["count"]
    by_person = list(
        awards.values("person_id", "person__full_name").annotate(count=Count("pk"))
        .order_by("-count", "person__full_name", "person_id")
    )
    return PeopleSummary(
        by_award=list(merged.values()),
        by_person=[{"pk": row["person_id"], "full_name": row["person__full_name"], "count": row["count"]}
                   for row in by_person],
        total=sum(entry["count"] for entry in merged.values()),
    )


# ---------------------------------------------------------------------------------------------
# The catalogue for a past year, and matching award names
# ---------------------------------------------------------------------------------------------


def award_types_for_year(year: int, recipient_kind: str | None = None) -> list[AwardType]:
    """One version per award code for ``year``: the one in force on 31/12 of that year (or, if the award ended
    during the year, its last version that year); before the catalogue begins, the earliest version."""
    end, start = datetime.date(year, 12, 31), datetime.date(year, 1, 1)
    versions = AwardType.objects.order_by("code", "valid_from")
    if recipient_kind:
        versions = versions.for_recipient(recipient_kind)
    chosen: dict[str, AwardType] = {}
    earliest: dict[str, AwardType] = {}
    for version in versions:
        earliest.setdefault(version.code, version)
        overlaps = version.valid_from <= end and (version.valid_to is None or version.valid_to >= start)
        if overlaps:
            chosen[version.code] = version  # later versions replace earlier ones: ends with the one on 31/12
    for code, version in earliest.items():
        if code not in chosen and version.valid_from > end:
            chosen[code] = version
    return sorted(chosen.values(), key=lambda a: (a.sort_order, a.name))


def version_on(award: AwardType, day: datetime.date) -> AwardType:
    """The version of ``award``'s code in force on ``day``, or ``award`` itself when none is."""
    found = AwardType.objects.filter(code=award.code).active_on(day).order_by("-valid_from").first()
    return found or award


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
            return None, MSG_AWARD_AMBIGUOUS.format(value=_shown(text))
        if not codes:
            return None, MSG_AWARD_UNKNOWN.format(value=_shown(text), year=self.year)
        code = codes.pop()
        if code not in self.allowed_codes:
            award = self.by_code[code]
            return None, MSG_AWARD_NOT_FOR_KIND.format(
                award=award.name, kind=_vi(RecipientKind(self.recipient_kind).label).lower())
        return self.by_code[code], None


# ---------------------------------------------------------------------------------------------
# Reading "Số, ngày, tháng, năm của quyết định; cơ quan ban hành"
# ---------------------------------------------------------------------------------------------

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
    text = _cell_text(value)
    if not text:
        return None, MSG_DECISION_EMPTY
    match = _DATE_WORDS.search(text) or _DATE_DIGITS.search(text)
    if match is None:
        return None, MSG_DECISION_NO_DATE.format(value=_shown(text))
    try:
        day = datetime.date(_year4(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None, MSG_DECISION_BAD_DATE.format(value=f'{match["d"]}/{match["m"]}/{match["y"]}')
    if day.year < MIN_YEAR or day > timezone.localdate():
        return None, MSG_DECISION_DATE_RANGE.format(value=f"{day:%d/%m/%Y}")
    before = _TRAILING_DATE_WORD.sub("", text[: match.start()]).strip(" ,;:")
    found = _NUMBER_AT_END.search(before)
    if found is None:
        return None, MSG_DECISION_NO_NUMBER.format(value=_shown(text))
    number = re.sub(r"\s*/\s*", "/", found["number"]).replace("–", "-")
    if len(number) > MAX_NUMBER:
        return None, MSG_DECISION_BAD_NUMBER.format(value=_shown(number), limit=MAX_NUMBER)
    issuer = _ISSUER_PREFIX.sub("", text[match.end():], count=1).strip(" ,;.")
    if len(issuer) > MAX_ISSUER:
        return None, MSG_TOO_LONG.format(length=len(issuer), limit=MAX_ISSUER)
    return ParsedDecision(number=number, decided_on=day, issuer=nfc(issuer)), None


def number_key(number: str) -> str:
    """Decision numbers compared without case, accents, spaces or dash style: "1234/QĐ-UBND" = "1234 / qd–ubnd"."""
    return re.sub(r"[\s\-–]+", "", fold(nfc(number)))


def parse_year(value: Any) -> tuple[int | None, str | None]:
    """"2019", 2019, "Năm 2019", "2018-2019" / "Năm học 2018 - 2019" (the later year)."""
    text = _cell_text(value)
    if not text:
        return None, MSG_YEAR_EMPTY
    years = [int(y) for y in re.findall(r"(?<!\d)(\d{4})(?!\d)", text)]
    rest = re.sub(r"(?<!\d)\d{4}(?!\d)", "", fold(text))
    rest = re.sub(r"\b(nam hoc|nam)\b", "", rest).strip(" -–/,.")
    if not years or len(years) > 2 or rest or (len(years) == 2 and years[1] != years[0] + 1):
        return None, MSG_YEAR_BAD.format(value=_shown(text))
    year = years[-1]
    if year < MIN_YEAR or year > timezone.localdate().year:
        return None, MSG_YEAR_RANGE.format(value=year, this=timezone.localdate().year)
    return year, None


_OCCASION_KEYS: dict[str, str] = {}


def parse_occasion(value: Any) -> tuple[str | None, str | None]:
    """A loại hình by its label or first words ("Chuyên đề", "Đột xuất"); empty is công trạng."""
    text = _cell_text(value)
    if not text:
        return OccasionType.MERIT, None
    if not _OCCASION_KEYS:
        for occasion in OccasionType:
            label = fold(_vi(occasion.label))
            _OCCASION_KEYS[label] = occasion.value
            _OCCASION_KEYS[label.split(",")[0].strip()] = occasion.value
            _OCCASION_KEYS[fold(occasion.value.replace("_", " "))] = occasion.value
        _OCCASION_KEYS["thuong xuyen"] = OccasionType.MERIT
        _OCCASION_KEYS["theo dot"] = OccasionType.CAMPAIGN
    occasion = _OCCASION_KEYS.get(fold(text).strip(" ."))
    if occasion is None:
        return None, MSG_OCCASION_BAD.format(value=_shown(text), choices="; ".join(
            _vi(o.label) for o in OccasionType))
    return occasion, None


# ---------------------------------------------------------------------------------------------
# Writing one past award
# ---------------------------------------------------------------------------------------------


class DuplicateAward(Exception):
    def __init__(self, existing: Award) -> None:
        super().__init__(MSG_DUPLICATE_RECORD.format(
            award=existing.award_type.name, year=existing.achievement_year, number=existing.decision_number))
        self.message = str(self.args[0])
        self.existing = existing


def _recipient_filter(recipient: Person | Unit) -> dict[str, Any]:
    if isinstance(recipient, Person):
        return {"person": recipient}
    return {"unit": recipient, "recipient_kind": RecipientKind.COLLECTIVE}


def existing_keys(recipient: Person | Unit) -> dict[tuple[str, int, str], Award]:
    """(award code, năm, decision number key) -> award, for every award of ``recipient`` (any source)."""
    rows = Award.objects.filter(**_recipient_filter(recipient)).select_related("award_type")
    return {(a.award_code, a.achievement_year, number_key(a.decision_number)): a for a in rows}


def _lock(recipient: Person | Unit) -> None:
    """One writer at a time per recipient, so two simultaneous entries of one award cannot both pass."""
    type(recipient).objects.select_for_update().filter(pk=recipient.pk).first()


def _new_award(recipient: Person | Unit, award_type: AwardType, year: int, number: str,
               decided_on: datetime.date, issuer: str, occasion: str) -> Award:
    award_type = version_on(award_type, decided_on)
    is_person = isinstance(recipient, Person)
    return Award(
        source=AwardSource.HISTORY, award_type=award_type, award_code=award_type.code,
        recipient_kind=RecipientKind.INDIVIDUAL if is_person else RecipientKind.COLLECTIVE,
        person=recipient if is_person else None, unit=None if is_person else recipient,
        recipient_name=nfc(recipient.full_name if is_person else recipient.name),
        year=decided_on.year, achievement_year=year, occasion=occasion, authority=award_type.authority,
        decision_number=nfc(number), decided_on=decided_on, issuer=nfc(issuer),
    )


@transaction.atomic
def record_history_award(recipient: Person | Unit, *, award_type: AwardType, year: int, decision_number: str,
                         decided_on: datetime.date, issuer: str, occasion: str = OccasionType.MERIT) -> Award:
    """Write one past award of ``recipient``; raise ``DuplicateAward`` when the same award type, year and
    decision number is already recorded for it (from any source)."""
    _lock(recipient)
    key = (award_type.code, year, number_key(decision_number))
    existing = existing_keys(recipient).get(key)
    if existing is not None:
        raise DuplicateAward(existing)
    award = _new_award(recipient, award_type, year, decision_number, decided_on, issuer, occasion)
    award.save()
    return award


# ---------------------------------------------------------------------------------------------
# Excel: the template and the import
# ---------------------------------------------------------------------------------------------

COL_YEAR = "Năm"
COL_AWARD = "Danh hiệu thi đua / Hình thức khen thưởng"
COL_DECISION = "Số, ngày, tháng, năm của quyết định; cơ quan ban hành"
COL_OCCASION = "Loại hình khen thưởng"
TEMPLATE_COLUMNS = [COL_YEAR, COL_AWARD, COL_DECISION, COL_OCCASION]
REQUIRED_COLUMNS = [COL_YEAR, COL_AWARD, COL_DECISION]
# The two tables of a báo cáo thành tích name the second column each its own way; both are accepted.
_HEADER_ALIASES = {
    COL_YEAR: [COL_YEAR],
    COL_AWARD: [COL_AWARD, "Danh hiệu thi đua", "Hình thức khen thưởng", "Danh hiệu thi đua/Hình thức khen thưởng",
                "Danh hiệu", "Hình thức"],
    COL_DECISION: [COL_DECISION, "Số, ngày, tháng, năm của quyết định công nhận; cơ quan ban hành quyết định",
                   "Số, ngày, tháng, năm của quyết định khen thưởng; cơ quan ban hành quyết định",
                   "Số, ngày, tháng, năm của quyết định; cơ quan ban hành quyết định",
                   "Số, ngày tháng năm của quyết định; cơ quan ban hành", "Số, ngày quyết định; cơ quan ban hành",
                   "Quyết định", "Số, ngày, tháng, năm của quyết định"],
    COL_OCCASION: [COL_OCCASION, "Loại hình"],
}
DATA_SHEET_TITLE = "Quá trình khen thưởng"
GUIDE_SHEET_TITLE = "Hướng dẫn"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
EXAMPLE_MARK = "Ví dụ:"

MSG_YEAR_EMPTY = "chưa ghi năm."
MSG_YEAR_BAD = '"{value}" không phải một năm (ghi dạng 2019, hoặc năm học 2018-2019).'
MSG_YEAR_RANGE = "năm {value} không hợp lệ (phải từ 1945 đến {this})."
MSG_AWARD_EMPTY = "chưa ghi danh hiệu thi đua hoặc hình thức khen thưởng."
MSG_AWARD_UNKNOWN = 'không có danh hiệu, hình thức "{value}" trong danh mục năm {year} (xem trang "Hướng dẫn").'
MSG_AWARD_AMBIGUOUS = '"{value}" khớp với nhiều danh hiệu, hình thức; hãy ghi tên đầy đủ.'
MSG_AWARD_NOT_FOR_KIND = '"{award}" không tặng cho {kind}.'
MSG_DECISION_EMPTY = "chưa ghi số, ngày của quyết định."
MSG_DECISION_NO_DATE = ('không tìm thấy ngày quyết định trong "{value}" (ghi ví dụ "Quyết định số 1234/QĐ-UBND ngày '
                        '15/12/2019 của Chủ tịch UBND tỉnh").')
MSG_DECISION_BAD_DATE = 'ngày "{value}" không có thật.'
MSG_DECISION_DATE_RANGE = "ngày quyết định {value} không hợp lệ (phải từ năm 1945 đến hôm nay)."
MSG_DECISION_BEFORE_YEAR = "ngày quyết định {day} ở trước năm {year}."
MSG_DECISION_NO_NUMBER = 'không tìm thấy số quyết định trong "{value}" (số ghi trước ngày, ví dụ "số 1234/QĐ-UBND").'
MSG_DECISION_BAD_NUMBER = 'số quyết định "{value}" dài quá {limit} ký tự.'
MSG_TOO_LONG = "dài {length} ký tự, tối đa {limit} ký tự."
MSG_OCCASION_BAD = 'loại hình "{value}" không có trong danh sách: {choices}.'
MSG_FORMULA = "ô chứa công thức; hãy dán giá trị (Paste Values) thay cho công thức."
MSG_REPEATED_ROW = "trùng với dòng {row} (cùng danh hiệu, hình thức, năm và số quyết định)."
MSG_DUPLICATE_RECORD = ('Đã có "{award}" năm {year} theo quyết định số {number} trong quá trình khen thưởng; '
                        "không ghi lại lần nữa.")
MSG_MISSING_COLUMN = 'Thiếu cột "{column}".'
MSG_REPEATED_COLUMN = 'Cột "{column}" xuất hiện nhiều lần ở dòng tiêu đề.'
MSG_NOT_XLSX_UPLOAD = MSG_NOT_XLSX.replace("trang hồ sơ", "trang quá trình khen thưởng")

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def template_sheet(workbook: Workbook, title: str, heading: str, columns: list[str], widths: list[int],
                   examples: list[tuple[Any, ...]]) -> Any:
    """The first sheet of an import template: ``heading`` in row 1, the styled header in row 2, grey example rows
    (their first cell starts with "Ví dụ:") below, panes frozen under the header."""
    sheet = workbook.active
    sheet.title = title
    sheet["A1"] = heading
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
    for index, (column, width) in enumerate(zip(columns, widths, strict=True), start=1):
        cell = sheet.cell(row=2, column=index, value=column)
        cell.font, cell.fill, cell.border = Font(bold=True), _HEADER_FILL, _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[cell.column_letter].width = width
    sheet.row_dimensions[2].height = 34
    for offset, values in enumerate(examples, start=3):
        for index, value in enumerate(values, start=1):
            cell = sheet.cell(row=offset, column=index, value=None if value == "" else value)
            cell.font, cell.border = Font(italic=True, color="7F7F7F"), _BORDER
    sheet.freeze_panes = "A3"
    return sheet


def build_history_template() -> bytes:
    """The empty table of a báo cáo thành tích, with two example rows and a guide sheet listing the catalogue."""
    workbook = Workbook()
    examples = [
        (f"{EXAMPLE_MARK} 2019", "Chiến sĩ thi đua cơ sở",
         "Quyết định số 1234/QĐ-SGDĐT ngày 15/12/2019 của Giám đốc Sở Giáo dục và Đào tạo", ""),
        (f"{EXAMPLE_MARK} 2018", "Bằng khen của Chủ tịch UBND tỉnh",
         "Quyết định số 56/QĐ-UBND ngày 10 tháng 01 năm 2019 của Chủ tịch UBND tỉnh Lạng Sơn", "Chuyên đề, theo đợt"),
    ]
    template_sheet(workbook, DATA_SHEET_TITLE, "CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", TEMPLATE_COLUMNS,
                   [10, 42, 70, 28], examples)

    guide = workbook.create_sheet(GUIDE_SHEET_TITLE)
    guide.column_dimensions["A"].width = 70
    guide.column_dimensions["B"].width = 40
    guide.column_dimensions["C"].width = 24
    lines = [
        "HƯỚNG DẪN NHẬP QUÁ TRÌNH KHEN THƯỞNG",
        "1. Mỗi tệp là bảng \"Các hình thức đã được khen thưởng\" của một cá nhân hoặc một tập thể; tải lên tại trang "
        "quá trình khen thưởng của người, đơn vị đó.",
        "2. Mỗi danh hiệu, hình thức ghi một dòng. Có thể dán cả hai bảng (Danh hiệu thi đua; Hình thức khen thưởng) "
        "của báo cáo thành tích: dòng tiêu đề lặp lại và dòng tên mục (\"1. Danh hiệu thi đua\") được bỏ qua.",
        "3. Cột Năm: năm của danh hiệu, hình thức (ví dụ 2019; năm học ghi 2018-2019).",
        "4. Cột Số, ngày...: ví dụ \"Quyết định số 1234/QĐ-UBND ngày 15/12/2019 của Chủ tịch UBND tỉnh Lạng Sơn\"; "
        "ngày có thể ghi 15/12/2019, 15-12-2019 hoặc \"ngày 15 tháng 12 năm 2019\"; có thể bỏ phần \"của ...\".",
        "5. Danh hiệu, hình thức: tên đầy đủ, tên ngắn hoặc viết tắt thông dụng (CSTĐCS, LĐTT, "
        "Bằng khen UBND tỉnh...), không phân biệt chữ hoa, chữ thường, dấu.",
        "6. Loại hình khen thưởng: để trống là \"Công trạng, thường xuyên\"; khen thưởng chuyên đề, đột xuất không "
        "được tính khi xét các danh hiệu theo thành tích nhiều năm.",
        f"7. Dòng bắt đầu bằng \"{EXAMPLE_MARK}\" chỉ để tham khảo, không được nhập.",
        "8. Chỉ cần một dòng sai là không dòng nào được nhập; hệ thống liệt kê mọi lỗi. Nhập lại cùng một tệp không "
        "tạo bản ghi trùng: dòng đã có được báo \"đã có\".",
    ]
    for row, line in enumerate(lines, start=1):
        guide.cell(row=row, column=1, value=line)
    guide["A1"].font = Font(bold=True, size=13)
    row = len(lines) + 2
    for index, text in enumerate(["Tên đầy đủ", "Tên ngắn", "Nhóm"], start=1):
        cell = guide.cell(row=row, column=index, value=text)
        cell.font, cell.fill, cell.border = Font(bold=True), _HEADER_FILL, _BORDER
    for award in award_types_for_year(timezone.localdate().year):
        row += 1
        values = [award.name, award.short_name or None, _vi(AwardFamily(award.family).label)]
        for index, value in enumerate(values, start=1):
            guide.cell(row=row, column=index, value=value).border = _BORDER
    row += 2
    guide.cell(row=row, column=1, value="Loại hình khen thưởng").font = Font(bold=True)
    for occasion in OccasionType:
        row += 1
        guide.cell(row=row, column=1, value=_vi(occasion.label))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@dataclass
class HistoryRow:
    """A checked row: what it says and, after the import, whether it was written or already there."""

    row: int
    year: int
    award: AwardType
    decision: ParsedDecision
    occasion: str
    existing: Award | None = None
    created: Award | None = None


@dataclass
class HistoryImportReport(ErrorsReport):
    created: list[HistoryRow] = field(default_factory=list)
    existing: list[HistoryRow] = field(default_factory=list)
    errors: list[ImportError] = field(default_factory=list)


@dataclass(frozen=True)
class TableLayout:
    """What one Excel table looks like, for ``read_table``: its columns in template order, the required ones,
    the header texts accepted for each (compared accent- and case-insensitively), the column whose "Ví dụ:"
    marks a template's example row, the message for a file that is not a workbook, and optionally a pattern of
    section rows ("1. Danh hiệu thi đua") to skip. Other imports of yearly tables (``awards.record.facts``) reuse it."""

    columns: tuple[str, ...]
    required: tuple[str, ...]
    aliases: dict[str, tuple[str, ...]]
    example_column: str
    not_xlsx: str
    section_row: re.Pattern[str] | None = None
    header_keys: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        keys = {_header_key(column): column for column in self.columns}
        keys.update({_header_key(alias): column for column, aliases in self.aliases.items() for alias in aliases})
        object.__setattr__(self, "header_keys", keys)


def _is_header_again(values: tuple[Any, ...], keys: dict[str, str]) -> bool:
    return sum(1 for value in values if keys.get(_header_key(value)) is not None) >= 2


def read_upload(uploaded_file: Any, max_bytes: int, not_xlsx: str) -> bytes:
    """The bytes of an uploaded .xlsx, checked by content (``awards.core.uploads``) when it is a Django upload, then
    as a zip of spreadsheet parts; raise ``_Refused`` with the message for the person uploading."""
    if hasattr(uploaded_file, "chunks"):
        try:
            inspected = uploads.inspect_upload(uploaded_file, max_bytes, max_unzipped_bytes=MAX_UNCOMPRESSED_BYTES)
        except uploads.UploadRejected as rejected:
            raise _Refused(not_xlsx if rejected.code == "unsupported" else rejected.message) from None
        if inspected.content_type != uploads.XLSX:
            raise _Refused(not_xlsx)
    data = _read_bytes(uploaded_file)
    _check_zip(data)
    return data


def read_table(data: bytes, layout: TableLayout) -> tuple[dict[str, int], list[tuple[int, tuple[Any, ...]]]]:
    """(column -> 0-based index, data rows as (Excel row number, values)) of the first sheet; raise ``_Refused``
    for a file or header problem. Blank rows, repeated header rows, section rows and example rows are skipped."""
    keys = layout.header_keys
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds of errors on damaged or foreign files
        raise _Refused(layout.not_xlsx) from None
    try:
        if not workbook.worksheets or not hasattr(workbook.worksheets[0], "iter_rows"):
            raise _Refused(layout.not_xlsx)
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()
        try:
            numbered = enumerate(sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), start=1)
            head = list(islice(numbered, HEADER_SEARCH_ROWS))
            found = _find_header(head, keys)
            if found is None:
                if any(not _is_blank(v) for _, values in head for v in values):
                    raise _Refused(" ".join(MSG_MISSING_COLUMN.format(column=c) for c in layout.required))
                raise _Refused(MSG_FILE_EMPTY)
            header_row, positions = found
            problems = [MSG_REPEATED_COLUMN.format(column=c) for c in layout.columns if len(positions.get(c, [])) > 1]
            problems += [MSG_MISSING_COLUMN.format(column=c) for c in layout.required if c not in positions]
            if problems:
                raise _Refused(" ".join(problems))
            columns = {column: indexes[0] for column, indexes in positions.items()}
            example = columns[layout.example_column]
            rows: list[tuple[int, tuple[Any, ...]]] = []
            for source in ((item for item in head if item[0] > header_row), numbered):
                for number, values in source:
                    if values.count(None) == len(values) or all(_is_blank(v) for v in values):
                        continue
                    if _is_header_again(values, keys):
                        continue
                    filled = [v for v in values if not _is_blank(v)]
                    if (layout.section_row is not None and len(filled) == 1
                            and layout.section_row.match(fold(_cell_text(filled[0])))):
                        continue
                    first = _cell_text(values[example]) if example < len(values) else ""
                    if fold(first).startswith(fold(EXAMPLE_MARK)):
                        continue
                    rows.append((number, values))
                    if len(rows) > MAX_DATA_ROWS:
                        raise _Refused(MSG_TOO_MANY_ROWS)
        except _Refused:
            raise
        except Exception:
            raise _Refused(layout.not_xlsx) from None
    finally:
        workbook.close()
    if not rows:
        raise _Refused(MSG_FILE_EMPTY)
    return columns, rows


_SECTION_ROW = re.compile(r"^(?:[0-9ivx]+\s*[.)]\s*)?(danh hieu thi dua|hinh thuc khen thuong)\s*:?$")
HISTORY_TABLE = TableLayout(columns=tuple(TEMPLATE_COLUMNS), required=tuple(REQUIRED_COLUMNS),
                            aliases={column: tuple(aliases) for column, aliases in _HEADER_ALIASES.items()},
                            example_column=COL_YEAR, not_xlsx=MSG_NOT_XLSX_UPLOAD, section_row=_SECTION_ROW)


def _is_formula(value: Any) -> bool:
    return isinstance(value, str) and value.startswith("=") and len(value) > 1


def _check_rows(recipient: Person | Unit, columns: dict[str, int], rows: list[tuple[int, tuple[Any, ...]]],
                ) -> tuple[list[HistoryRow], list[ImportError]]:
    kind = RecipientKind.INDIVIDUAL if isinstance(recipient, Person) else RecipientKind.COLLECTIVE
    matchers: dict[int, AwardMatcher] = {}
    errors: list[ImportError] = []
    plans: list[HistoryRow] = []
    seen: dict[tuple[str, int, str], int] = {}
    for number, values in rows:
        def cell(column: str, values: tuple[Any, ...] = values) -> Any:
            index = columns.get(column)
            return values[index] if index is not None and index < len(values) else None

        row_errors: list[ImportError] = []
        for column in TEMPLATE_COLUMNS:
            if _is_formula(cell(column)):
                row_errors.append(ImportError(number, column, MSG_FORMULA))
        if row_errors:
            errors += row_errors
            continue
        year, error = parse_year(cell(COL_YEAR))
        if error:
            row_errors.append(ImportError(number, COL_YEAR, error))
        award: AwardType | None = None
        award_text = _cell_text(cell(COL_AWARD))
        if not award_text:
            row_errors.append(ImportError(number, COL_AWARD, MSG_AWARD_EMPTY))
        else:  # with no usable year, the name is still checked, against this year's catalogue
            match_year = year if year is not None else timezone.localdate().year
            matcher = matchers.get(match_year) or matchers.setdefault(match_year, AwardMatcher(match_year, kind))
            award, error = matcher.find(award_text)
            if error:
                row_errors.append(ImportError(number, COL_AWARD, error))
        decision, error = parse_decision_text(cell(COL_DECISION))
        if error:
            row_errors.append(ImportError(number, COL_DECISION, error))
        elif year is not None and decision.decided_on.year < year:
            row_errors.append(ImportError(number, COL_DECISION, MSG_DECISION_BEFORE_YEAR.format(
                day=f"{decision.decided_on:%d/%m/%Y}", year=year)))
        occasion, error = parse_occasion(cell(COL_OCCASION))
        if error:
            row_errors.append(ImportError(number, COL_OCCASION, error))
        if not row_errors and award is not None and decision is not None:
            key = (award.code, year, number_key(decision.number))
            if key in seen:
                row_errors.append(ImportError(number, COL_AWARD, MSG_REPEATED_ROW.format(row=seen[key])))
            else:
                seen[key] = number
        if row_errors:
            errors += row_errors
        else:
            plans.append(HistoryRow(row=number, year=year, award=award, decision=decision, occasion=occasion))
    return plans, errors


def import_history(recipient: Person | Unit, uploaded_file: Any) -> HistoryImportReport:
    """Read a báo cáo thành tích table for ``recipient`` and record every row, all or nothing.

    Rows already recorded (same award, year and decision number, any source) are reported as existing and not
    written again, so importing the same file twice adds nothing."""
    try:
        columns, rows = read_table(read_upload(uploaded_file, MAX_UPLOAD_BYTES, MSG_NOT_XLSX_UPLOAD), HISTORY_TABLE)
    except _Refused as refused:
        return HistoryImportReport(errors=[ImportError(0, "", refused.message)])

    report = HistoryImportReport()
    with transaction.atomic():
        _lock(recipient)
        plans, errors = _check_rows(recipient, columns, rows)
        if errors:
            order = {column: index for index, column in enumerate(TEMPLATE_COLUMNS)}
            errors.sort(key=lambda e: (e.row, order.get(e.column, len(order))))
            return HistoryImportReport(errors=errors)
        known = existing_keys(recipient)
        new: list[Award] = []
        for plan in plans:
            plan.existing = known.get((plan.award.code, plan.year, number_key(plan.decision.number)))
            if plan.existing is not None:
                report.existing.append(plan)
                continue
            plan.created = _new_award(recipient, plan.award, plan.year, plan.decision.number,
                                      plan.decision.decided_on, plan.decision.issuer, plan.occasion)
            new.append(plan.created)
            report.created.append(plan)
        for award in new:
            award.save()
    return report
