"""Excel tables of the record, shared by the import of a báo cáo thành tích (``awards.record.history.importer``)
and the imports of yearly facts (``awards.record.facts.importer``): what a table looks like (``TableLayout``), the
upload checks and the reading of its rows (``read_upload``, ``read_table``), the first sheet of a template
(``template_sheet``), and the cells every such table has (a formula refused, a year).

The file checks, header detection and accent-insensitive headers are those of the nominee-list import
(``awards.core.sheets``), whose primitives are used here.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from django.utils import timezone
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from awards.core import uploads
from awards.core.sheets import (
    HEADER_SEARCH_ROWS,
    MAX_COLUMNS,
    MAX_DATA_ROWS,
    MAX_UNCOMPRESSED_BYTES,
    MSG_TOO_MANY_ROWS,
    Refused,
    cell_text,
    check_zip,
    find_header,
    formula_like,
    header_key,
    is_blank,
    read_bytes,
    shown,
)
from awards.core.sheets import MSG_EMPTY as MSG_FILE_EMPTY
from units.text import fold

MIN_YEAR = 1945
GUIDE_SHEET_TITLE = "Hướng dẫn"
EXAMPLE_MARK = "Ví dụ:"

MSG_YEAR_EMPTY = "chưa ghi năm."
MSG_YEAR_BAD = '"{value}" không phải một năm (ghi dạng 2019, hoặc năm học 2018-2019).'
MSG_YEAR_RANGE = "năm {value} không hợp lệ (phải từ 1945 đến {this})."
MSG_MISSING_COLUMN = 'Thiếu cột "{column}".'
MSG_REPEATED_COLUMN = 'Cột "{column}" xuất hiện nhiều lần ở dòng tiêu đề.'

_THIN = Side(style="thin", color="808080")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


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
        cell.font, cell.fill, cell.border = Font(bold=True), HEADER_FILL, BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[cell.column_letter].width = width
    sheet.row_dimensions[2].height = 34
    for offset, values in enumerate(examples, start=3):
        for index, value in enumerate(values, start=1):
            cell = sheet.cell(row=offset, column=index, value=None if value == "" else value)
            cell.font, cell.border = Font(italic=True, color="7F7F7F"), BORDER
    sheet.freeze_panes = "A3"
    return sheet


@dataclass(frozen=True)
class TableLayout:
    """What one Excel table looks like, for ``read_table``: its columns in template order, the required ones,
    the header texts accepted for each (compared accent- and case-insensitively), the column whose "Ví dụ:"
    marks a template's example row, the message for a file that is not a workbook, and optionally a pattern of
    section rows ("1. Danh hiệu thi đua") to skip."""

    columns: tuple[str, ...]
    required: tuple[str, ...]
    aliases: dict[str, tuple[str, ...]]
    example_column: str
    not_xlsx: str
    section_row: re.Pattern[str] | None = None
    header_keys: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        keys = {header_key(column): column for column in self.columns}
        keys.update({header_key(alias): column for column, aliases in self.aliases.items() for alias in aliases})
        object.__setattr__(self, "header_keys", keys)


def _is_header_again(values: tuple[Any, ...], keys: dict[str, str]) -> bool:
    return sum(1 for value in values if keys.get(header_key(value)) is not None) >= 2


def read_upload(uploaded_file: Any, max_bytes: int, not_xlsx: str) -> bytes:
    """The bytes of an uploaded .xlsx, checked by content (``awards.core.uploads``) when it is a Django upload, then
    as a zip of spreadsheet parts; raise ``Refused`` with the message for the person uploading."""
    if hasattr(uploaded_file, "chunks"):
        try:
            inspected = uploads.inspect_upload(uploaded_file, max_bytes, max_unzipped_bytes=MAX_UNCOMPRESSED_BYTES)
        except uploads.UploadRejected as rejected:
            raise Refused(not_xlsx if rejected.code == "unsupported" else rejected.message) from None
        if inspected.content_type != uploads.XLSX:
            raise Refused(not_xlsx)
    data = read_bytes(uploaded_file)
    check_zip(data)
    return data


def read_table(data: bytes, layout: TableLayout) -> tuple[dict[str, int], list[tuple[int, tuple[Any, ...]]]]:
    """(column -> 0-based index, data rows as (Excel row number, values)) of the first sheet; raise ``Refused``
    for a file or header problem. Blank rows, repeated header rows, section rows and example rows are skipped."""
    keys = layout.header_keys
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds of errors on damaged or foreign files
        raise Refused(layout.not_xlsx) from None
    try:
        if not workbook.worksheets or not hasattr(workbook.worksheets[0], "iter_rows"):
            raise Refused(layout.not_xlsx)
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()
        try:
            numbered = enumerate(sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), start=1)
            head = list(islice(numbered, HEADER_SEARCH_ROWS))
            found = find_header(head, keys)
            if found is None:
                if any(not is_blank(v) for _, values in head for v in values):
                    raise Refused(" ".join(MSG_MISSING_COLUMN.format(column=c) for c in layout.required))
                raise Refused(MSG_FILE_EMPTY)
            header_row, positions = found
            problems = [MSG_REPEATED_COLUMN.format(column=c) for c in layout.columns if len(positions.get(c, [])) > 1]
            problems += [MSG_MISSING_COLUMN.format(column=c) for c in layout.required if c not in positions]
            if problems:
                raise Refused(" ".join(problems))
            columns = {column: indexes[0] for column, indexes in positions.items()}
            example = columns[layout.example_column]
            rows: list[tuple[int, tuple[Any, ...]]] = []
            for source in ((item for item in head if item[0] > header_row), numbered):
                for number, values in source:
                    if values.count(None) == len(values) or all(is_blank(v) for v in values):
                        continue
                    if _is_header_again(values, keys):
                        continue
                    filled = [v for v in values if not is_blank(v)]
                    if (layout.section_row is not None and len(filled) == 1
                            and layout.section_row.match(fold(cell_text(filled[0])))):
                        continue
                    first = cell_text(values[example]) if example < len(values) else ""
                    if fold(first).startswith(fold(EXAMPLE_MARK)):
                        continue
                    rows.append((number, values))
                    if len(rows) > MAX_DATA_ROWS:
                        raise Refused(MSG_TOO_MANY_ROWS)
        except Refused:
            raise
        except Exception:
            raise Refused(layout.not_xlsx) from None
    finally:
        workbook.close()
    if not rows:
        raise Refused(MSG_FILE_EMPTY)
    return columns, rows


def is_formula(value: Any) -> bool:
    """The rule of every import (``awards.core.sheets.formula_like``): refused with ``MSG_FORMULA``."""
    return formula_like(value)


def parse_year(value: Any) -> tuple[int | None, str | None]:
    """"2019", 2019, "Năm 2019", "2018-2019" / "Năm học 2018 - 2019" (the later year)."""
    text = cell_text(value)
    if not text:
        return None, MSG_YEAR_EMPTY
    years = [int(y) for y in re.findall(r"(?<!\d)(\d{4})(?!\d)", text)]
    rest = re.sub(r"(?<!\d)\d{4}(?!\d)", "", fold(text))
    rest = re.sub(r"\b(nam hoc|nam)\b", "", rest).strip(" -–/,.")
    if not years or len(years) > 2 or rest or (len(years) == 2 and years[1] != years[0] + 1):
        return None, MSG_YEAR_BAD.format(value=shown(text))
    year = years[-1]
    if year < MIN_YEAR or year > timezone.localdate().year:
        return None, MSG_YEAR_RANGE.format(value=year, this=timezone.localdate().year)
    return year, None
