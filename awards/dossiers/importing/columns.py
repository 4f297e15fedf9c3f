"""The nominee list of a dossier (danh sách đề nghị khen thưởng): its columns, the values each accepts, the limits
of the fields it fills and the messages of its row checks, shared by the template, the reader and the row checks.
"""

from __future__ import annotations

import datetime
import re

from awards.core.sheets import header_key, vi_label
from awards.dossiers.services import offered_award_types
from awards.enums import Authority, RecipientKind
from awards.models import AwardType, Dossier, Nomination
from units.models import Household, Person, PersonCategory
from units.text import fold, nfc

# ---------------------------------------------------------------------------------------------
# Columns, vocabularies and limits
# ---------------------------------------------------------------------------------------------

COL_STT = "STT"
COL_NAME = "Tên tập thể/cá nhân/hộ gia đình"
COL_GENDER = "Giới tính"
COL_BIRTH_DATE = "Ngày sinh"
COL_POSITION = "Chức vụ"
COL_UNIT = "Đơn vị công tác"
COL_AWARD = "Danh hiệu/Hình thức khen thưởng"
COL_CATEGORY = "Phân loại đối tượng"
COL_ACHIEVEMENT = "Tóm tắt thành tích"

TEMPLATE_COLUMNS = [
    COL_STT, COL_NAME, COL_GENDER, COL_BIRTH_DATE, COL_POSITION, COL_UNIT, COL_AWARD, COL_CATEGORY, COL_ACHIEVEMENT,
]
OPTIONAL_COLUMNS = frozenset({COL_ACHIEVEMENT})
REQUIRED_COLUMNS = [column for column in TEMPLATE_COLUMNS if column not in OPTIONAL_COLUMNS]
HEADER_KEYS = {header_key(column): column for column in TEMPLATE_COLUMNS}

TEMPLATE_TITLE = "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"
DATA_SHEET_TITLE = "Danh sách"
GUIDE_SHEET_TITLE = "Hướng dẫn"
EXAMPLE_MARK = "Ví dụ"
"""STT of the template's example rows: such rows are never imported."""

HOUSEHOLD_LABEL = "Hộ gia đình"
INDIVIDUAL_LABEL = "Cá nhân"
COLLECTIVE_LABEL = "Tập thể"
COLLECTIVE_CATEGORIES = [
    "Cơ quan Đảng",
    "Cơ quan Trung ương đóng trên địa bàn",
    "Cơ quan hành chính",
    "Đơn vị sự nghiệp",
    "Doanh nghiệp",
    "Hợp tác xã",
    "Đối tượng khác",
]

MIN_BIRTH_YEAR = 1900

# Lengths of the model fields the import writes (checked here so PostgreSQL never raises mid-import).
MAX_PERSON_NAME = Person._meta.get_field("full_name").max_length
MAX_COLLECTIVE_NAME = Nomination._meta.get_field("collective_name").max_length
MAX_HOUSEHOLD_NAME = Household._meta.get_field("name").max_length
MAX_HEAD_NAME = Household._meta.get_field("head_name").max_length
MAX_POSITION = Person._meta.get_field("position").max_length

# ---------------------------------------------------------------------------------------------
# Messages (Vietnamese, one place; those about the file as a whole are in ``awards.core.sheets``, those about
# unit names and the dossier's scope in ``units.names`` and ``units.scope``, shared with the nomination form)
# ---------------------------------------------------------------------------------------------

MSG_MISSING_COLUMN = 'Thiếu cột "{column}".'
MSG_REPEATED_COLUMN = 'Cột "{column}" xuất hiện nhiều lần ở dòng tiêu đề.'

MSG_NAME_EMPTY = "chưa nhập tên tập thể, cá nhân hoặc hộ gia đình."
MSG_TOO_LONG = "dài {length} ký tự, tối đa {limit} ký tự."
MSG_GENDER_EMPTY = 'chưa nhập giới tính (ghi "Nam" hoặc "Nữ").'
MSG_GENDER_BAD = 'giới tính "{value}" không hợp lệ (ghi "Nam" hoặc "Nữ").'
MSG_DATE_BAD = 'ngày sinh "{value}" không hợp lệ (cần dạng ngày/tháng/năm, ví dụ 05/03/1980).'
MSG_DATE_RANGE = 'ngày sinh "{value}" không hợp lệ (phải từ năm 1900 đến nay).'
MSG_AWARD_EMPTY = "chưa nhập danh hiệu, hình thức khen thưởng."
MSG_AWARD_UNKNOWN = (
    'không có danh hiệu, hình thức "{value}" thuộc thẩm quyền {authority} có hiệu lực năm {year} '
    '(xem trang "Hướng dẫn" của tệp mẫu).'
)
MSG_AWARD_OTHER_AUTHORITY = (
    '"{award}" thuộc thẩm quyền {other}, không thuộc thẩm quyền {authority} của hồ sơ này.'
)
MSG_AWARD_AMBIGUOUS = '"{value}" khớp với nhiều danh hiệu, hình thức; hãy ghi tên đầy đủ.'
MSG_AWARD_NOT_FOR_KIND = '"{award}" không tặng cho {kind}; chỉ tặng {allowed}.'
MSG_CATEGORY_EMPTY = "chưa nhập phân loại đối tượng."
MSG_CATEGORY_UNKNOWN = (
    'phân loại đối tượng "{value}" không có trong danh sách (xem trang "Hướng dẫn" của tệp mẫu).'
)
MSG_DUPLICATE = "trùng với dòng {row} (cùng đối tượng, cùng danh hiệu, hình thức)."


# ---------------------------------------------------------------------------------------------
# Vocabularies
# ---------------------------------------------------------------------------------------------


# "Gia đình ông", "Gia đình bà", "Gia đình ông/bà", "Hộ gia đình ông", "Hộ bà"...; "ông"/"bà" must be whole
# words so that "Gia đình Bàn Văn Minh" keeps its surname.
_HOUSEHOLD_PREFIX = re.compile(
    r"^(?:hộ\s+gia\s+đình|gia\s+đình|hộ)\s+(?:(?:ông|bà)(?:\s*/\s*(?:ông|bà))?\s+)?", re.IGNORECASE,
)


def household_head(name: str) -> str:
    """ "Gia đình ông Vi Thanh Liêm" -> "Vi Thanh Liêm"; a name without such a prefix is kept whole."""
    name = nfc(name)
    head = nfc(_HOUSEHOLD_PREFIX.sub("", name, count=1))
    return head or name


def category_table() -> dict[str, tuple[str, str | None]]:
    """Folded "Phân loại đối tượng" -> (recipient kind, person category or None)."""
    table: dict[str, tuple[str, str | None]] = {
        fold(HOUSEHOLD_LABEL): (RecipientKind.HOUSEHOLD, None),
        fold(INDIVIDUAL_LABEL): (RecipientKind.INDIVIDUAL, None),
        fold(COLLECTIVE_LABEL): (RecipientKind.COLLECTIVE, None),
    }
    for category in PersonCategory:
        table[fold(vi_label(category.label))] = (RecipientKind.INDIVIDUAL, category.value)
    for label in COLLECTIVE_CATEGORIES:
        table[fold(label)] = (RecipientKind.COLLECTIVE, None)
    return table


def category_labels() -> list[tuple[str, str]]:
    """Accepted "Phân loại đối tượng" values with the recipient kind each gives, in template order."""
    collective, individual, household = (vi_label(kind.label) for kind in RecipientKind)
    rows = [(COLLECTIVE_LABEL, collective)] + [(label, collective) for label in COLLECTIVE_CATEGORIES]
    rows += [(INDIVIDUAL_LABEL, individual)] + [(vi_label(category.label), individual) for category in PersonCategory]
    rows.append((HOUSEHOLD_LABEL, household))
    return rows


def award_day(dossier: Dossier) -> datetime.date:
    """The day whose catalogue a row of ``dossier`` is read against: 31/12 of the dossier's year."""
    return datetime.date(dossier.year, 12, 31)


def accepted_award_types(dossier: Dossier) -> list[AwardType]:
    """Award types a row of this dossier may name: those the dossier may propose (``offered_award_types``: in force on
    31/12 of its year, of its authority, or what its body may decide that day)."""
    return list(offered_award_types(dossier))


def decider_text(dossier: Dossier) -> str:
    """Whom the dossier is addressed to: "Chủ tịch Ủy ban nhân dân tỉnh", "Giám đốc Sở Giáo dục và Đào tạo"."""
    return dossier.body.head_title if dossier.body_id else vi_label(Authority(dossier.authority).label)


def kinds_text(award: AwardType) -> str:
    """The recipient kinds ``award`` is given to, in words: "tập thể, cá nhân"."""
    return ", ".join(vi_label(RecipientKind(kind).label).lower() for kind in award.recipient_kinds)
