"""Reading an uploaded Excel table, for every import of the project (nominee lists, award histories, yearly facts).

What every import shares: refusing anything that is not an .xlsx (or is a zip bomb) before openpyxl sees it,
opening the first sheet without trusting its stored dimensions, finding the header row among the first rows by
accent- and case-insensitive header texts, reading cells as text, and reporting problems by Excel row and column.
Each import keeps its own columns, vocabularies and row checks.

``ImportError`` is the name the project uses for one problem of an import; it shadows Python's built-in
``ImportError`` in every module that imports it, so such a module never catches import failures.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import os
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.utils import translation
from openpyxl import load_workbook

from units.sheets import FORMULA_STARTS, as_text, workbook_bytes  # noqa: F401  (importers and writers use them here)
from units.text import fold, nfc, strip_invisible

MB = 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 50 * MB
MAX_DATA_ROWS = 5000
MAX_LIST_ROWS = 20000  # a nominee list (read in a worker, written in bulk); the record tables keep MAX_DATA_ROWS
HEADER_SEARCH_ROWS = 10
MAX_COLUMNS = 50  # cells further right are never read: a stray cell in column XFD costs nothing

MSG_NOT_XLSX = "Tệp không phải bảng tính Excel (.xlsx). Hãy dùng tệp mẫu tải từ trang hồ sơ."
MSG_TOO_LARGE = "Tệp quá lớn: dữ liệu giải nén vượt quá 50 MB. Hãy chia danh sách thành nhiều tệp."
MSG_TOO_MANY_ROWS = "Tệp quá lớn: có hơn 5.000 dòng dữ liệu. Hãy chia danh sách thành nhiều tệp."
MSG_TOO_MANY_LIST_ROWS = "Tệp quá lớn: có hơn 20.000 dòng dữ liệu. Hãy chia danh sách thành nhiều tệp."
MSG_EMPTY = "Bảng tính không có dòng dữ liệu nào."
MSG_ENCRYPTED = "Tệp Excel được đặt mật khẩu; hãy bỏ mật khẩu rồi tải lên lại."

CFB_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""An OLE compound file: what Excel writes for a workbook with a password to open (and for the old .xls)."""
ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
"""The name of the stream an encrypted OOXML package carries in its compound file (MS-OFFCRYPTO 2.3.4)."""
MSG_FORMULA = ("ô bắt đầu bằng dấu =, +, - hoặc @ (công thức hoặc dễ bị hiểu là công thức); hãy dán giá trị "
               "(Paste Values) và bỏ dấu đó ở đầu ô.")


# Written workbooks: units.sheets (the lowest layer, so that every writer of the product can use it).
Row = tuple[int, tuple[Any, ...]]
"""(Excel row number, cell values) of one row of a sheet."""


# ---------------------------------------------------------------------------------------------
# Results
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


class Refused(Exception):
    """The file is refused as a whole, with the message for the person uploading; an import catches it and
    reports it as its only error."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# ---------------------------------------------------------------------------------------------
# Cells and headers
# ---------------------------------------------------------------------------------------------


def vi_label(label: Any) -> str:
    """A choice label in Vietnamese whatever the user's language: import messages are Vietnamese only."""
    with translation.override("vi"):
        return str(label)


def cell_text(value: Any) -> str:
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


def formula_like(value: Any) -> bool:
    """A cell of an uploaded table that is, or may be read as, a formula: text of two characters or more that
    starts with ``= + - @`` (after white space and invisible characters, which the cell's text drops: "\u200b=1+1"
    is stored as "=1+1"). Numbers (-2 typed as a number) and dates are never formulas."""
    if not isinstance(value, str):
        return False
    text = strip_invisible(value).strip()
    return len(text) > 1 and text.startswith(FORMULA_STARTS[:4])


def formula_errors(number: int, values: tuple[Any, ...], columns: dict[str, int]) -> list[ImportError]:
    """One ``MSG_FORMULA`` problem per column of ``columns`` (header -> 0-based index) whose cell is ``formula_like``
    in the row ``number``: the rule of every import of the product."""
    return [ImportError(number, column, MSG_FORMULA) for column, index in columns.items()
            if index < len(values) and formula_like(values[index])]


def shown(value: Any) -> str:
    """A cell value quoted inside a message, cut short when very long."""
    text = cell_text(value)
    return text if len(text) <= 80 else text[:79] + "…"


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def header_key(value: Any) -> str:
    """Accent- and case-insensitive form of a header; spaces around "/" and a trailing "*" do not count."""
    key = fold(nfc(cell_text(value)))
    key = re.sub(r"\s*/\s*", "/", key)
    key = re.sub(r"\s*\(?\*\)?$", "", key)
    return key


def find_header(head: list[Row], keys: dict[str, str]) -> tuple[int, dict[str, list[int]]] | None:
    """The row among ``head`` with the most known headers: (row number, column -> 0-based indexes), or None.
    ``keys`` maps ``header_key`` texts to the table's columns."""
    best: tuple[int, dict[str, list[int]]] | None = None
    for number, values in head:
        found: dict[str, list[int]] = {}
        for index, value in enumerate(values):
            column = keys.get(header_key(value))
            if column is not None:
                found.setdefault(column, []).append(index)
        if found and (best is None or len(found) > len(best[1])):
            best = (number, found)
    return best


# ---------------------------------------------------------------------------------------------
# The file
# ---------------------------------------------------------------------------------------------


def read_bytes(uploaded_file: Any) -> bytes:
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
            raise Refused(MSG_TOO_LARGE)
        if hasattr(uploaded_file, "seek"):
            uploaded_file.seek(0)
        data = uploaded_file.read(limit + 1)
    if not isinstance(data, bytes):
        raise Refused(MSG_NOT_XLSX)
    if len(data) > limit:
        raise Refused(MSG_TOO_LARGE)
    return data


def check_zip(data: bytes) -> None:
    """An .xlsx is a zip with OOXML parts; refuse anything else, and zip bombs, before openpyxl sees it.

    Python's zipfile never inflates a member beyond its declared size (and fails its CRC check if the
    declaration lies), so the declared sizes bound what openpyxl can unpack. A workbook with a password to open
    is not a zip but an encrypted compound file: it is refused with its own message."""
    if is_encrypted_workbook(data):
        raise Refused(MSG_ENCRYPTED)
    if not data.startswith(b"PK\x03\x04"):
        raise Refused(MSG_NOT_XLSX)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise Refused(MSG_NOT_XLSX) from None
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names or not any(name.startswith("xl/") for name in names):
        raise Refused(MSG_NOT_XLSX)
    if sum(info.file_size for info in infos) > MAX_UNCOMPRESSED_BYTES:
        raise Refused(MSG_TOO_LARGE)


def is_encrypted_workbook(data: bytes) -> bool:
    """An OLE compound file holding an "EncryptionInfo" stream: an .xlsx saved with a password to open.
    Directory entry names are UTF-16LE in the file, so the name is looked for as such."""
    return data.startswith(CFB_SIGNATURE) and ENCRYPTION_INFO in data


@contextlib.contextmanager
def first_sheet_rows(data: bytes, *, data_only: bool = True, not_xlsx: str = MSG_NOT_XLSX) -> Iterator[Iterator[Row]]:
    """The rows of the first sheet of checked ``data`` (``check_zip``), numbered as Excel shows them, at most
    ``MAX_COLUMNS`` cells each, read lazily while the workbook is open.

    A file openpyxl cannot open or read, and any error other than ``Refused`` inside the block, is refused with
    ``not_xlsx``. ``data_only=False`` keeps formulas as written (``"=A1+1"``) instead of their cached values."""
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except Exception:  # openpyxl raises many kinds of errors on damaged or foreign files
        raise Refused(not_xlsx) from None
    try:
        if not workbook.worksheets or not hasattr(workbook.worksheets[0], "iter_rows"):
            raise Refused(not_xlsx)
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # never trust the stored <dimension>: some writers put A1 there
        try:
            yield enumerate(sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), start=1)
        except Refused:
            raise
        except Exception:
            raise Refused(not_xlsx) from None
    finally:
        workbook.close()


@contextlib.contextmanager
def workbook_sheets(data: bytes, *, data_only: bool = True,
                    not_xlsx: str = MSG_NOT_XLSX) -> Iterator[list[tuple[str, Iterator[Row]]]]:
    """Every worksheet of checked ``data`` (``check_zip``) as (title, rows numbered as Excel shows them), in the
    workbook's order, read lazily while the workbook is open; the same refusals as ``first_sheet_rows``. For a list
    whose data may sit on any sheet (the first one empty, or holding instructions)."""
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except Exception:  # openpyxl raises many kinds of errors on damaged or foreign files
        raise Refused(not_xlsx) from None
    try:
        sheets = [sheet for sheet in workbook.worksheets if hasattr(sheet, "iter_rows")]
        if not sheets:
            raise Refused(not_xlsx)
        for sheet in sheets:
            sheet.reset_dimensions()
        try:
            yield [(sheet.title, enumerate(sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), start=1))
                   for sheet in sheets]
        except Refused:
            raise
        except Exception:
            raise Refused(not_xlsx) from None
    finally:
        workbook.close()
