"""Reading a filled-in nominee list: the file checks of ``awards.core.sheets``, then the sheet holding the list (the
one whose first rows carry the most template headers: the data may sit on a second sheet, the first one empty or
holding instructions), its header row (every template column but "Tóm tắt thành tích" required, none twice) and
the data rows below it (blank rows and the template's example rows skipped, at most ``MAX_LIST_ROWS``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice
from typing import Any

from awards.core.sheets import (
    HEADER_SEARCH_ROWS,
    MAX_LIST_ROWS,
    MSG_EMPTY,
    MSG_TOO_MANY_LIST_ROWS,
    ImportError,
    Refused,
    Row,
    cell_text,
    check_zip,
    find_header,
    is_blank,
    read_bytes,
    workbook_sheets,
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
    with workbook_sheets(data, data_only=False) as sheets:  # a formula is read as written, to be refused
        return scan_rows(list_sheet(sheets))


def list_sheet(sheets: list[tuple[str, Iterator[Row]]]) -> Iterator[Row]:
    """The rows of the sheet holding the list: the one whose first rows carry the most template headers (the first
    such sheet on a tie), else the first sheet with anything in its first rows, else the first sheet."""
    heads = [(list(islice(numbered, HEADER_SEARCH_ROWS)), numbered) for _title, numbered in sheets]
    best, best_count = None, 0
    for head, numbered in heads:
        found = find_header(head, HEADER_KEYS)
        if found is not None and len(found[1]) > best_count:
            best, best_count = (head, numbered), len(found[1])
    if best is None:
        filled = [item for item in heads if any(not is_blank(value) for _, values in item[0] for value in values)]
        best = filled[0] if filled else heads[0]
    head, numbered = best
    return chain(head, numbered)


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
            if len(rows) > MAX_LIST_ROWS:
                raise Refused(MSG_TOO_MANY_LIST_ROWS)
    if not rows:
        raise Refused(MSG_EMPTY)
    return Sheet(columns=columns, rows=rows), []
