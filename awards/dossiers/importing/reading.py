"""Reading a filled-in nominee list: the file checks of ``awards.core.sheets``, then the header row among the first
rows (every template column but "Tóm tắt thành tích" required, none twice) and the data rows below it (blank rows
and the template's example rows skipped, at most ``MAX_DATA_ROWS``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from awards.core.sheets import (
    HEADER_SEARCH_ROWS,
    MAX_DATA_ROWS,
    MSG_EMPTY,
    MSG_TOO_MANY_ROWS,
    ImportError,
    Refused,
    Row,
    cell_text,
    check_zip,
    find_header,
    first_sheet_rows,
    is_blank,
    read_bytes,
)
from awards.dossiers.importing.columns import (
    COL_STT,
    EXAMPLE_MARK,
    HEADER_KEYS,
    MSG_MISSING_COLUMN,
    MSG_REPEATED_COLUMN,
    REQUIRED_COLUMNS,
    TEMPLATE_COLUMNS,
)
from units.text import fold


@dataclass
class Sheet:
    columns: dict[str, int]  # template column -> 0-based index
    rows: list[Row]  # (Excel row number, cell values) of non-empty data rows


def read_sheet(uploaded_file: Any) -> tuple[Sheet | None, list[ImportError]]:
    """The nominee list of ``uploaded_file``, or the problems of its header row; raise ``Refused`` for a file
    refused as a whole (not an .xlsx, too large, no data)."""
    data = read_bytes(uploaded_file)
    check_zip(data)
    with first_sheet_rows(data, data_only=False) as numbered:  # a formula is read as written, to be refused
        return scan_rows(numbered)


def scan_rows(numbered: Iterator[Row]) -> tuple[Sheet | None, list[ImportError]]:
    head = list(islice(numbered, HEADER_SEARCH_ROWS))
    found = find_header(head, HEADER_KEYS)
    if found is None:
        if any(not is_blank(value) for _, values in head for value in values) or any(
            not is_blank(value) for _, values in numbered for value in values
        ):
            return None, [ImportError(0, column, MSG_MISSING_COLUMN.format(column=column))
                          for column in REQUIRED_COLUMNS]
        raise Refused(MSG_EMPTY)

    header_row, positions = found
    errors = [ImportError(0, column, MSG_REPEATED_COLUMN.format(column=column))
              for column in TEMPLATE_COLUMNS if len(positions.get(column, [])) > 1]
    errors += [ImportError(0, column, MSG_MISSING_COLUMN.format(column=column))
               for column in REQUIRED_COLUMNS if column not in positions]
    if errors:
        return None, errors
    columns = {column: indexes[0] for column, indexes in positions.items()}
    stt = columns[COL_STT]

    rows: list[Row] = []
    remaining: Iterable[Row] = (item for item in head if item[0] > header_row)
    for source in (remaining, numbered):
        for number, values in source:
            if values.count(None) == len(values):  # fast path: a file may claim a million empty rows
                continue
            if all(is_blank(value) for index, value in enumerate(values) if index != stt):
                continue
            if stt < len(values) and fold(cell_text(values[stt])) == fold(EXAMPLE_MARK):
                continue
            rows.append((number, values))
            if len(rows) > MAX_DATA_ROWS:
                raise Refused(MSG_TOO_MANY_ROWS)
    if not rows:
        raise Refused(MSG_EMPTY)
    return Sheet(columns=columns, rows=rows), []
