"""Excel import of a nominee list into a dossier, and the template that goes with it.

The import is all or nothing: every row is checked, every problem is collected with its Excel row number and
column header, and only a clean file is written, inside one transaction. Importing the same file twice adds
nothing: a row whose recipient already has a nomination for the same award in the dossier is skipped.

``ImportError`` is the name the rest of the project uses for one problem of an import; it shadows Python's
built-in ``ImportError`` inside this module, so this module never catches import failures.
"""

from __future__ import annotations

import datetime
import io
import os
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import translation
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from awards.catalogue.in_force import award_types_on
from awards.enums import Authority, RecipientKind
from awards.models import AwardType, Dossier, Nomination
from units.models import Gender, Household, Person, PersonCategory, Unit
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

MB = 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 50 * MB
MAX_DATA_ROWS = 5000
HEADER_SEARCH_ROWS = 10
MAX_COLUMNS = 50  # cells further right are never read: a stray cell in column XFD costs nothing
MIN_BIRTH_YEAR = 1900

# Lengths of the model fields the import writes (checked here so PostgreSQL never raises mid-import).
MAX_PERSON_NAME = Person._meta.get_field("full_name").max_length
MAX_COLLECTIVE_NAME = Nomination._meta.get_field("collective_name").max_length
MAX_HOUSEHOLD_NAME = Household._meta.get_field("name").max_length
MAX_HEAD_NAME = Household._meta.get_field("head_name").max_length
MAX_POSITION = Person._meta.get_field("position").max_length

# ---------------------------------------------------------------------------------------------
# Messages (Vietnamese, one place)
# ---------------------------------------------------------------------------------------------

MSG_NOT_XLSX = "Tệp không phải bảng tính Excel (.xlsx). Hãy dùng tệp mẫu tải từ trang hồ sơ."
MSG_TOO_LARGE = "Tệp quá lớn: dữ liệu giải nén vượt quá 50 MB. Hãy chia danh sách thành nhiều tệp."
MSG_TOO_MANY_ROWS = "Tệp quá lớn: có hơn 5.000 dòng dữ liệu. Hãy chia danh sách thành nhiều tệp."
MSG_EMPTY = "Bảng tính không có dòng dữ liệu nào."
MSG_MISSING_COLUMN = 'Thiếu cột "{column}".'
MSG_REPEATED_COLUMN = 'Cột "{column}" xuất hiện nhiều lần ở dòng tiêu đề.'

MSG_NAME_EMPTY = "chưa nhập tên tập thể, cá nhân hoặc hộ gia đình."
MSG_TOO_LONG = "dài {length} ký tự, tối đa {limit} ký tự."
MSG_GENDER_EMPTY = 'chưa nhập giới tính (ghi "Nam" hoặc "Nữ").'
MSG_GENDER_BAD = 'giới tính "{value}" không hợp lệ (ghi "Nam" hoặc "Nữ").'
MSG_DATE_BAD = 'ngày sinh "{value}" không hợp lệ (cần dạng ngày/tháng/năm, ví dụ 05/03/1980).'
MSG_DATE_RANGE = 'ngày sinh "{value}" không hợp lệ (phải từ năm 1900 đến nay).'
MSG_UNIT_UNKNOWN = 'không tìm thấy đơn vị "{value}" trong danh mục đơn vị.'
MSG_UNIT_AMBIGUOUS = '"{value}" khớp với nhiều đơn vị trong danh mục, không xác định được đơn vị nào.'
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
# Public results
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportError:
    """One problem: ``row`` as Excel shows it (0 = the file as a whole), ``column`` the header text."""

    row: int
    column: str
    message: str

    @property
    def text(self) -> str:
        if self.row == 0:
            return self.message
        return f'Dòng {self.row}, cột "{self.column}": {self.message}'

    def __str__(self) -> str:
        return self.text


class ErrorsReport:
    """What every import report answers: whether it went through, and its errors as text (rows and columns)."""

    errors: list[ImportError]

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def error_texts(self) -> list[str]:
        return [error.text for error in self.errors]


@dataclass
class ImportReport(ErrorsReport):
    """What an import did: either ``errors`` (and nothing saved) or the ``created`` / ``skipped`` counts."""

    created: int = 0
    skipped: int = 0
    persons_created: int = 0
    households_created: int = 0
    errors: list[ImportError] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------


def _vi(label: Any) -> str:
    """A choice label in Vietnamese whatever the user's language: messages are Vietnamese only."""
    with translation.override("vi"):
        return str(label)


def _header_key(value: Any) -> str:
    """Accent- and case-insensitive form of a header; spaces around "/" and a trailing "*" do not count."""
    key = fold(nfc(_cell_text(value)))
    key = re.sub(r"\s*/\s*", "/", key)
    key = re.sub(r"\s*\(?\*\)?$", "", key)
    return key


def _cell_text(value: Any) -> str:
    """Text of a cell, NFC, trimmed: whole floats lose ".0", dates read dd/mm/yyyy."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return nfc(str(value))


_HEADER_KEYS = {_header_key(column): column for column in TEMPLATE_COLUMNS}


def _shown(value: Any) -> str:
    """A cell value quoted inside a message, cut short when very long."""
    text = _cell_text(value)
    return text if len(text) <= 80 else text[:79] + "…"


_DATE_TEXT = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")


def _parse_birth_date(value: Any) -> tuple[datetime.date | None, str | None]:
    """(date, None) or (None, error message); an empty cell is (None, None)."""
    if value is None or (isinstance(value, str) and not nfc(value)):
        return None, None
    if isinstance(value, datetime.datetime):
        day = value.date()
    elif isinstance(value, datetime.date):
        day = value
    elif isinstance(value, str):
        match = _DATE_TEXT.match(nfc(value))
        if match is None:
            return None, MSG_DATE_BAD.format(value=_shown(value))
        try:
            day = datetime.date(int(match[3]), int(match[2]), int(match[1]))
        except ValueError:
            return None, MSG_DATE_BAD.format(value=_shown(value))
    else:
        return None, MSG_DATE_BAD.format(value=_shown(value))
    if day.year < MIN_BIRTH_YEAR or day > datetime.date.today():
        return None, MSG_DATE_RANGE.format(value=f"{day:%d/%m/%Y}")
    return day, None


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


def _category_table() -> dict[str, tuple[str, str | None]]:
    """Folded "Phân loại đối tượng" -> (recipient kind, person category or None)."""
    table: dict[str, tuple[str, str | None]] = {
        fold(HOUSEHOLD_LABEL): (RecipientKind.HOUSEHOLD, None),
        fold(INDIVIDUAL_LABEL): (RecipientKind.INDIVIDUAL, None),
        fold(COLLECTIVE_LABEL): (RecipientKind.COLLECTIVE, None),
    }
    for category in PersonCategory:
        table[fold(_vi(category.label))] = (RecipientKind.INDIVIDUAL, category.value)
    for label in COLLECTIVE_CATEGORIES:
        table[fold(label)] = (RecipientKind.COLLECTIVE, None)
    return table


def category_labels() -> list[tuple[str, str]]:
    """Accepted "Phân loại đối tượng" values with the recipient kind each gives, in template order."""
    collective, individual, household = (_vi(kind.label) for kind in RecipientKind)
    rows = [(COLLECTIVE_LABEL, collective)] + [(label, collective) for label in COLLECTIVE_CATEGORIES]
    rows += [(INDIVIDUAL_LABEL, individual)] + [(_vi(category.label), individual) for category in PersonCategory]
    rows.append((HOUSEHOLD_LABEL, household))
    return rows


def _award_day(dossier: Dossier) -> datetime.date:
    return datetime.date(dossier.year, 12, 31)


def accepted_award_types(dossier: Dossier) -> list[AwardType]:
    """Award types a row of this dossier may name: in force on 31/12 of its year, of its authority."""
    return list(award_types_on(_award_day(dossier)).filter(authority=dossier.authority))


def _kinds_text(award: AwardType) -> str:
    return ", ".join(_vi(RecipientKind(kind).label).lower() for kind in award.recipient_kinds)


# ---------------------------------------------------------------------------------------------
# The template
# ---------------------------------------------------------------------------------------------

_COLUMN_WIDTHS = [6, 38, 10, 13, 24, 34, 44, 34, 60]
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_TEMPLATE_ROWS = 500  # rows below the header that get drop-down lists and the date format


def build_template(dossier: Dossier) -> bytes:
    """The .xlsx to fill in for ``dossier``: title, header row, two example rows and a "Hướng dẫn" sheet."""
    awards = accepted_award_types(dossier)
    unit_name = nfc(dossier.unit.name)
    authority = _vi(Authority(dossier.authority).label)
    last_col = get_column_letter(len(TEMPLATE_COLUMNS))

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = DATA_SHEET_TITLE

    sheet["A1"] = TEMPLATE_TITLE
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.merge_cells(f"A1:{last_col}1")
    sheet["A2"] = f"Kèm theo hồ sơ: {nfc(dossier.title)} (mã {dossier.reference}, năm {dossier.year})"
    sheet["A2"].font = Font(italic=True)
    sheet["A2"].alignment = Alignment(horizontal="center", wrap_text=True)
    sheet.merge_cells(f"A2:{last_col}2")

    header_row = 3
    for index, column in enumerate(TEMPLATE_COLUMNS, start=1):
        cell = sheet.cell(row=header_row, column=index, value=column)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(index)].width = _COLUMN_WIDTHS[index - 1]
    sheet.row_dimensions[header_row].height = 32

    collective_award = next((a for a in awards if a.allows(RecipientKind.COLLECTIVE)), None)
    individual_award = next((a for a in awards if a.allows(RecipientKind.INDIVIDUAL)), None)
    examples = [
        [
            EXAMPLE_MARK, f"Phòng Kế hoạch - Tài chính, {unit_name}", None, None, None, None,
            collective_award.name if collective_award else "", COLLECTIVE_LABEL,
            f"Hoàn thành xuất sắc nhiệm vụ năm {dossier.year}.",
        ],
        [
            EXAMPLE_MARK, "Nguyễn Văn An", _vi(Gender.MALE.label), datetime.date(1980, 3, 5), "Trưởng phòng",
            unit_name, individual_award.name if individual_award else "", _vi(PersonCategory.OTHER_LEADER.label),
            f"Hoàn thành xuất sắc nhiệm vụ năm {dossier.year}.",
        ],
    ]
    for offset, values in enumerate(examples, start=1):
        for index, value in enumerate(values, start=1):
            cell = sheet.cell(row=header_row + offset, column=index, value=value)
            cell.font = Font(italic=True, color="7F7F7F")
            cell.border = _BORDER
            if isinstance(value, datetime.date):
                cell.number_format = "DD/MM/YYYY"
    first_data_row = header_row + 1
    last_data_row = header_row + _TEMPLATE_ROWS
    for row in range(header_row + len(examples) + 1, last_data_row + 1):
        sheet.cell(row=row, column=TEMPLATE_COLUMNS.index(COL_BIRTH_DATE) + 1).number_format = "DD/MM/YYYY"
    sheet.freeze_panes = sheet.cell(row=first_data_row, column=1)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True

    guide = workbook.create_sheet(GUIDE_SHEET_TITLE)
    guide.column_dimensions["A"].width = 60
    guide.column_dimensions["B"].width = 40
    guide.column_dimensions["C"].width = 30
    lines = [
        "HƯỚNG DẪN ĐIỀN DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
        f"Hồ sơ: {nfc(dossier.title)} (năm {dossier.year}; thẩm quyền {authority}).",
        "1. Mỗi đối tượng ghi một dòng, ngay dưới dòng tiêu đề của trang \"Danh sách\"; không đổi tên các cột.",
        f"2. Các dòng có STT \"{EXAMPLE_MARK}\" chỉ để tham khảo, không được nhập; có thể xóa.",
        "3. Cá nhân: bắt buộc ghi Giới tính (Nam hoặc Nữ); Ngày sinh ghi dạng ngày/tháng/năm, ví dụ 05/03/1980; "
        f"để trống Đơn vị công tác thì lấy đơn vị đề nghị ({unit_name}).",
        "4. Tập thể: ghi đúng tên đơn vị trong danh mục để liên kết với đơn vị; tên khác được ghi nguyên văn.",
        "5. Hộ gia đình: ghi dạng \"Gia đình ông Nguyễn Văn A\".",
        "6. Danh hiệu/Hình thức khen thưởng và Phân loại đối tượng: chọn một giá trị trong các bảng dưới đây "
        "(ghi tên đầy đủ hoặc tên ngắn, không phân biệt chữ hoa, chữ thường, dấu).",
        "7. Chỉ cần một dòng sai là không dòng nào được nhập; hệ thống liệt kê mọi lỗi để sửa một lần.",
        "8. Nhập lại cùng một tệp không tạo đề nghị trùng: đối tượng đã có cùng danh hiệu, hình thức trong hồ sơ "
        "được bỏ qua.",
    ]
    for row, line in enumerate(lines, start=1):
        guide.cell(row=row, column=1, value=line).alignment = Alignment(wrap_text=False)
    guide["A1"].font = Font(bold=True, size=13)

    row = len(lines) + 2
    guide.cell(row=row, column=1, value=f"Danh hiệu, hình thức được chọn (năm {dossier.year})").font = Font(bold=True)
    row += 1
    for index, text in enumerate(["Tên đầy đủ", "Tên ngắn", "Tặng cho"], start=1):
        cell = guide.cell(row=row, column=index, value=text)
        cell.font, cell.fill, cell.border = Font(bold=True), _HEADER_FILL, _BORDER
    award_first = row + 1
    for award in awards:
        row += 1
        for index, text in enumerate([award.name, award.short_name, _kinds_text(award)], start=1):
            guide.cell(row=row, column=index, value=text or None).border = _BORDER
    if not awards:
        row += 1
        guide.cell(row=row, column=1, value="(không có danh hiệu, hình thức nào)")
    award_last = row

    row += 2
    guide.cell(row=row, column=1, value="Phân loại đối tượng được chọn").font = Font(bold=True)
    row += 1
    for index, text in enumerate(["Phân loại đối tượng", "Loại đối tượng"], start=1):
        cell = guide.cell(row=row, column=index, value=text)
        cell.font, cell.fill, cell.border = Font(bold=True), _HEADER_FILL, _BORDER
    category_first = row + 1
    for label, kind in category_labels():
        row += 1
        guide.cell(row=row, column=1, value=label).border = _BORDER
        guide.cell(row=row, column=2, value=kind).border = _BORDER
    category_last = row

    def add_list(column: str, formula: str) -> None:
        letter = get_column_letter(TEMPLATE_COLUMNS.index(column) + 1)
        validation = DataValidation(
            type="list", formula1=formula, allow_blank=True, showErrorMessage=True, errorStyle="warning",
            errorTitle="Giá trị không có trong danh sách",
            error=f'Xem trang "{GUIDE_SHEET_TITLE}" để chọn giá trị đúng.',
        )
        validation.add(f"{letter}{first_data_row}:{letter}{last_data_row}")
        sheet.add_data_validation(validation)

    quoted = "'" + GUIDE_SHEET_TITLE.replace("'", "''") + "'"
    add_list(COL_GENDER, '"' + ",".join(_vi(gender.label) for gender in Gender) + '"')
    add_list(COL_CATEGORY, f"{quoted}!$A${category_first}:$A${category_last}")
    if awards:
        add_list(COL_AWARD, f"{quoted}!$A${award_first}:$A${award_last}")

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------
# Reading the file
# ---------------------------------------------------------------------------------------------


class _Refused(Exception):
    """Internal: the file is refused as a whole; never escapes this module."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _read_bytes(uploaded_file: Any) -> bytes:
    """Bytes of an upload (Django ``UploadedFile``, any binary file object, ``bytes`` or a path), capped."""
    limit = MAX_UNCOMPRESSED_BYTES
    if isinstance(uploaded_file, bytes | bytearray | memoryview):
        data = bytes(uploaded_file)
    elif isinstance(uploaded_file, str | os.PathLike):
        with open(uploaded_file, "rb") as handle:
            data = handle.read(limit + 1)
    else:
        size = getattr(uploaded_file, "size", None)
        if isinstance(size, int) and size > limit:
            raise _Refused(MSG_TOO_LARGE)
        if hasattr(uploaded_file, "seek"):
            uploaded_file.seek(0)
        data = uploaded_file.read(limit + 1)
    if not isinstance(data, bytes):
        raise _Refused(MSG_NOT_XLSX)
    if len(data) > limit:
        raise _Refused(MSG_TOO_LARGE)
    return data


def _check_zip(data: bytes) -> None:
    """An .xlsx is a zip with OOXML parts; refuse anything else, and zip bombs, before openpyxl sees it.

    Python's zipfile never inflates a member beyond its declared size (and fails its CRC check if the
    declaration lies), so the declared sizes bound what openpyxl can unpack."""
    if not data.startswith(b"PK\x03\x04"):
        raise _Refused(MSG_NOT_XLSX)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise _Refused(MSG_NOT_XLSX) from None
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names or not any(name.startswith("xl/") for name in names):
        raise _Refused(MSG_NOT_XLSX)
    if sum(info.file_size for info in infos) > MAX_UNCOMPRESSED_BYTES:
        raise _Refused(MSG_TOO_LARGE)


@dataclass
class _Sheet:
    columns: dict[str, int]  # template column -> 0-based index
    rows: list[tuple[int, tuple[Any, ...]]]  # (Excel row number, cell values) of non-empty data rows


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _find_header(head: list[tuple[int, tuple[Any, ...]]], keys: dict[str, str] | None = None,
                 ) -> tuple[int, dict[str, list[int]]] | None:
    """The row among the first ones with the most template headers: (row number, column -> indexes).
    ``keys`` maps folded header texts to columns (default: the nominee list's template)."""
    keys = _HEADER_KEYS if keys is None else keys
    best: tuple[int, dict[str, list[int]]] | None = None
    for number, values in head:
        found: dict[str, list[int]] = {}
        for index, value in enumerate(values):
            column = keys.get(_header_key(value))
            if column is not None:
                found.setdefault(column, []).append(index)
        if found and (best is None or len(found) > len(best[1])):
            best = (number, found)
    return best


def _read_sheet(data: bytes) -> tuple[_Sheet | None, list[ImportError]]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds of errors on damaged or foreign files
        raise _Refused(MSG_NOT_XLSX) from None
    try:
        if not workbook.worksheets or not hasattr(workbook.worksheets[0], "iter_rows"):
            raise _Refused(MSG_NOT_XLSX)
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # never trust the stored <dimension>: some writers put A1 there
        try:
            return _scan_rows(enumerate(sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), start=1))
        except _Refused:
            raise
        except Exception:
            raise _Refused(MSG_NOT_XLSX) from None
    finally:
        workbook.close()


def _scan_rows(numbered: Iterator[tuple[int, tuple[Any, ...]]]) -> tuple[_Sheet | None, list[ImportError]]:
    head = list(islice(numbered, HEADER_SEARCH_ROWS))
    found = _find_header(head)
    if found is None:
        if any(not _is_blank(value) for _, values in head for value in values) or any(
            not _is_blank(value) for _, values in numbered for value in values
        ):
            return None, [ImportError(0, column, MSG_MISSING_COLUMN.format(column=column))
                          for column in REQUIRED_COLUMNS]
        raise _Refused(MSG_EMPTY)

    header_row, positions = found
    errors = [ImportError(0, column, MSG_REPEATED_COLUMN.format(column=column))
              for column in TEMPLATE_COLUMNS if len(positions.get(column, [])) > 1]
    errors += [ImportError(0, column, MSG_MISSING_COLUMN.format(column=column))
               for column in REQUIRED_COLUMNS if column not in positions]
    if errors:
        return None, errors
    columns = {column: indexes[0] for column, indexes in positions.items()}
    stt = columns[COL_STT]

    rows: list[tuple[int, tuple[Any, ...]]] = []
    remaining: Iterable[tuple[int, tuple[Any, ...]]] = (
        item for item in head if item[0] > header_row
    )
    for source in (remaining, numbered):
        for number, values in source:
            if values.count(None) == len(values):  # fast path: a file may claim a million empty rows
                continue
            if all(_is_blank(value) for index, value in enumerate(values) if index != stt):
                continue
            if stt < len(values) and fold(_cell_text(values[stt])) == fold(EXAMPLE_MARK):
                continue
            rows.append((number, values))
            if len(rows) > MAX_DATA_ROWS:
                raise _Refused(MSG_TOO_MANY_ROWS)
    if not rows:
        raise _Refused(MSG_EMPTY)
    return _Sheet(columns=columns, rows=rows), []


# ---------------------------------------------------------------------------------------------
# Checking rows against the database
# ---------------------------------------------------------------------------------------------


@dataclass
class _Plan:
    """A checked row, ready to write."""

    row: int
    kind: str
    award: AwardType
    name: str
    identity: tuple[Any, ...]
    achievement: str
    unit: Unit | None = None  # the collective's unit, or the individual's unit
    person_id: int | None = None
    household_id: int | None = None
    gender: str = ""
    birth_date: datetime.date | None = None
    position: str = ""
    category: str | None = None

    def existing_key(self, dossier: Dossier) -> str | None:
        """``Nomination.recipient_key`` of this row's recipient, when the recipient already exists."""
        if self.kind == RecipientKind.INDIVIDUAL:
            return f"person:{self.person_id}" if self.person_id else None
        if self.kind == RecipientKind.HOUSEHOLD:
            return f"household:{self.household_id}" if self.household_id else None
        if self.unit is not None:
            return f"unit:{self.unit.pk}"
        return f"name:{fold(self.name)}@{dossier.unit_id}"


class _UnitIndex:
    """Units by folded name, then by folded short name; ties go to units in force on the dossier's date."""

    def __init__(self, day: datetime.date) -> None:
        self.day = day
        self.by_name: dict[str, list[Unit]] = {}
        self.by_short: dict[str, list[Unit]] = {}
        for unit in Unit.objects.order_by("pk"):
            self.by_name.setdefault(fold(unit.name), []).append(unit)
            if unit.short_name:
                self.by_short.setdefault(fold(unit.short_name), []).append(unit)

    def find(self, text: str) -> tuple[Unit | None, bool]:
        """(unit, ambiguous)."""
        key = fold(text)
        for table in (self.by_name, self.by_short):
            candidates = table.get(key, [])
            if not candidates:
                continue
            active = [unit for unit in candidates if unit.is_active_on(self.day)] or candidates
            if len(active) > 1:
                return None, True
            return active[0], False
        return None, False


class _AwardIndex:
    def __init__(self, dossier: Dossier) -> None:
        self.authority = dossier.authority
        self.by_name: dict[str, list[AwardType]] = {}
        self.by_short: dict[str, list[AwardType]] = {}
        for award in award_types_on(_award_day(dossier)):
            self.by_name.setdefault(fold(award.name), []).append(award)
            if award.short_name:
                self.by_short.setdefault(fold(award.short_name), []).append(award)

    def find(self, text: str) -> tuple[AwardType | None, list[AwardType], bool]:
        """(award of the dossier's authority, same-named awards of other authorities, ambiguous)."""
        key = fold(text)
        others: list[AwardType] = []
        for table in (self.by_name, self.by_short):
            candidates = table.get(key, [])
            mine = {award.code: award for award in candidates if award.authority == self.authority}
            if len(mine) > 1:
                return None, [], True
            if mine:
                return next(iter(mine.values())), [], False
            others += [award for award in candidates if award not in others]
        return None, others, False


def _check_rows(dossier: Dossier, sheet: _Sheet) -> tuple[list[_Plan], list[ImportError]]:
    day = _award_day(dossier)
    units = _UnitIndex(day)
    awards = _AwardIndex(dossier)
    categories = _category_table()
    genders = {fold(_vi(gender.label)): gender.value for gender in Gender}
    authority = _vi(Authority(dossier.authority).label)
    errors: list[ImportError] = []
    plans: list[_Plan] = []
    seen: dict[tuple[Any, ...], int] = {}

    for number, values in sheet.rows:
        def cell(column: str, values: tuple[Any, ...] = values) -> Any:
            index = sheet.columns.get(column)
            return values[index] if index is not None and index < len(values) else None

        row_errors: list[ImportError] = []

        def problem(column: str, message: str, number: int = number, row_errors: list = row_errors) -> None:
            row_errors.append(ImportError(number, column, message))

        name = _cell_text(cell(COL_NAME))
        if not name:
            problem(COL_NAME, MSG_NAME_EMPTY)

        kind: str | None = None
        person_category: str | None = None
        category_text = _cell_text(cell(COL_CATEGORY))
        if not category_text:
            problem(COL_CATEGORY, MSG_CATEGORY_EMPTY)
        elif fold(category_text) in categories:
            kind, person_category = categories[fold(category_text)]
        else:
            problem(COL_CATEGORY, MSG_CATEGORY_UNKNOWN.format(value=_shown(cell(COL_CATEGORY))))

        award: AwardType | None = None
        award_text = _cell_text(cell(COL_AWARD))
        if not award_text:
            problem(COL_AWARD, MSG_AWARD_EMPTY)
        else:
            award, others, ambiguous = awards.find(award_text)
            if ambiguous:
                problem(COL_AWARD, MSG_AWARD_AMBIGUOUS.format(value=_shown(award_text)))
            elif award is None and others:
                problem(COL_AWARD, MSG_AWARD_OTHER_AUTHORITY.format(
                    award=others[0].name, other=_vi(Authority(others[0].authority).label), authority=authority,
                ))
            elif award is None:
                problem(COL_AWARD, MSG_AWARD_UNKNOWN.format(
                    value=_shown(award_text), authority=authority, year=dossier.year,
                ))
            elif kind is not None and not award.allows(kind):
                problem(COL_AWARD, MSG_AWARD_NOT_FOR_KIND.format(
                    award=award.name, kind=_vi(RecipientKind(kind).label).lower(), allowed=_kinds_text(award),
                ))

        achievement = _cell_text(cell(COL_ACHIEVEMENT))
        plan_fields: dict[str, Any] = {}
        identity: tuple[Any, ...] | None = None

        if kind == RecipientKind.INDIVIDUAL:
            if len(name) > MAX_PERSON_NAME:
                problem(COL_NAME, MSG_TOO_LONG.format(length=len(name), limit=MAX_PERSON_NAME))
            gender_text = _cell_text(cell(COL_GENDER))
            gender = genders.get(fold(gender_text))
            if not gender_text:
                problem(COL_GENDER, MSG_GENDER_EMPTY)
            elif gender is None:
                problem(COL_GENDER, MSG_GENDER_BAD.format(value=_shown(cell(COL_GENDER))))
            birth_date, date_error = _parse_birth_date(cell(COL_BIRTH_DATE))
            if date_error:
                problem(COL_BIRTH_DATE, date_error)
            position = _cell_text(cell(COL_POSITION))
            if len(position) > MAX_POSITION:
                problem(COL_POSITION, MSG_TOO_LONG.format(length=len(position), limit=MAX_POSITION))
            unit_text = _cell_text(cell(COL_UNIT))
            unit: Unit | None = dossier.unit
            if unit_text:
                unit, ambiguous = units.find(unit_text)
                if ambiguous:
                    problem(COL_UNIT, MSG_UNIT_AMBIGUOUS.format(value=_shown(unit_text)))
                elif unit is None:
                    problem(COL_UNIT, MSG_UNIT_UNKNOWN.format(value=_shown(unit_text)))
            if name and unit is not None and not date_error:
                identity = ("person", fold(name), unit.pk, birth_date)
            plan_fields = {"unit": unit, "gender": gender or "", "birth_date": birth_date, "position": position,
                           "category": person_category}
        elif kind == RecipientKind.COLLECTIVE:
            unit, ambiguous = units.find(name) if name else (None, False)
            if ambiguous:
                problem(COL_NAME, MSG_UNIT_AMBIGUOUS.format(value=_shown(name)))
            elif unit is None and len(name) > MAX_COLLECTIVE_NAME:
                problem(COL_NAME, MSG_TOO_LONG.format(length=len(name), limit=MAX_COLLECTIVE_NAME))
            if name and not ambiguous:
                identity = ("unit", unit.pk) if unit is not None else ("name", fold(name))
            plan_fields = {"unit": unit}
        elif kind == RecipientKind.HOUSEHOLD:
            if len(name) > MAX_HOUSEHOLD_NAME:
                problem(COL_NAME, MSG_TOO_LONG.format(length=len(name), limit=MAX_HOUSEHOLD_NAME))
            elif len(household_head(name)) > MAX_HEAD_NAME:
                problem(COL_NAME, MSG_TOO_LONG.format(length=len(household_head(name)), limit=MAX_HEAD_NAME))
            if name:
                identity = ("household", fold(name))

        if identity is not None and award is not None:
            key = (*identity, award.code)
            if key in seen:
                problem(COL_NAME, MSG_DUPLICATE.format(row=seen[key]))
            else:
                seen[key] = number

        if row_errors:
            errors += row_errors
        elif kind is not None and award is not None and identity is not None:
            plans.append(_Plan(row=number, kind=kind, award=award, name=name, identity=identity,
                               achievement=achievement, **plan_fields))

    order = {column: index for index, column in enumerate(TEMPLATE_COLUMNS)}
    errors.sort(key=lambda error: (error.row, order.get(error.column, len(order))))
    return plans, errors


def _attach_existing(plans: list[_Plan]) -> None:
    """Point plans at the persons and households that already exist."""
    individuals = [plan for plan in plans if plan.kind == RecipientKind.INDIVIDUAL]
    if individuals:
        unit_ids = {plan.unit.pk for plan in individuals if plan.unit is not None}
        persons: dict[tuple[str, int | None, datetime.date | None], int] = {}
        for pk, full_name, unit_id, birth_date in (
            Person.objects.filter(unit_id__in=unit_ids).order_by("pk")
            .values_list("pk", "full_name", "unit_id", "birth_date")
        ):
            persons.setdefault((fold(full_name), unit_id, birth_date), pk)
        for plan in individuals:
            plan.person_id = persons.get((fold(plan.name), plan.unit.pk if plan.unit else None, plan.birth_date))
    households_wanted = [plan for plan in plans if plan.kind == RecipientKind.HOUSEHOLD]
    if households_wanted:
        households: dict[str, int] = {}
        for pk, name in Household.objects.order_by("pk").values_list("pk", "name").iterator():
            households.setdefault(fold(name), pk)
        for plan in households_wanted:
            plan.household_id = households.get(fold(plan.name))


# ---------------------------------------------------------------------------------------------
# The import
# ---------------------------------------------------------------------------------------------


def import_nominees(dossier: Dossier, uploaded_file: Any, actor: Any) -> ImportReport:
    """Read the first sheet of ``uploaded_file`` and add its rows to ``dossier`` as nominations, all or nothing.

    ``actor`` is the user importing; nominations and persons carry no author yet, so it is not stored."""
    try:
        data = _read_bytes(uploaded_file)
        _check_zip(data)
        sheet, errors = _read_sheet(data)
    except _Refused as refused:
        return ImportReport(errors=[ImportError(0, "", refused.message)])
    if errors or sheet is None:
        return ImportReport(errors=errors)

    with transaction.atomic():
        # One import at a time per dossier, so two simultaneous uploads of one file cannot both add it.
        dossier = Dossier.objects.select_for_update().select_related("unit").get(pk=dossier.pk)
        plans, errors = _check_rows(dossier, sheet)
        if errors:
            return ImportReport(errors=errors)
        _attach_existing(plans)
        return _write(dossier, plans)


def _write(dossier: Dossier, plans: list[_Plan]) -> ImportReport:
    report = ImportReport()
    existing = set(dossier.nominations.values_list("recipient_key", "award_type__code"))
    position = dossier.nominations.aggregate(last=Max("position"))["last"] or 0
    persons: dict[tuple[Any, ...], Person] = {}
    households: dict[tuple[Any, ...], Household] = {}

    for plan in plans:
        key = plan.existing_key(dossier)
        if key is not None and (key, plan.award.code) in existing:
            report.skipped += 1
            continue
        nomination = Nomination(
            dossier=dossier, recipient_kind=plan.kind, award_type=plan.award, achievement=plan.achievement,
            period="",
        )
        if plan.kind == RecipientKind.INDIVIDUAL:
            if plan.person_id is None and plan.identity not in persons:
                extra = {"category": plan.category} if plan.category else {}
                persons[plan.identity] = Person.objects.create(
                    full_name=plan.name, gender=plan.gender, birth_date=plan.birth_date, position=plan.position,
                    unit=plan.unit, **extra,
                )
                report.persons_created += 1
            nomination.person_id = plan.person_id or persons[plan.identity].pk
        elif plan.kind == RecipientKind.HOUSEHOLD:
            if plan.household_id is None and plan.identity not in households:
                households[plan.identity] = Household.objects.create(
                    name=plan.name, head_name=household_head(plan.name), commune=None,
                )
                report.households_created += 1
            nomination.household_id = plan.household_id or households[plan.identity].pk
        elif plan.unit is not None:
            nomination.unit = plan.unit
        else:
            nomination.collective_name = plan.name
        position += 1
        nomination.position = position
        nomination.save()
        existing.add((nomination.recipient_key, plan.award.code))
        report.created += 1
    return report
