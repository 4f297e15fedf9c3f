"""Writing a workbook safely: the one way the product saves an .xlsx (``workbook_bytes``), with every text that a
spreadsheet program could read as a formula stored as text. In the lowest layer so that every writer can use it
(reports, history, the read log of ``units.security``); importers' refusal of formulas is ``awards.core.sheets``."""

from __future__ import annotations

import io
from typing import Any

# What a spreadsheet program may read as the start of a formula (OWASP "CSV injection"): in a written workbook such
# a text is stored as text with Excel's quote prefix; in an uploaded one it is refused (``formula_like``).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text(cell: Any) -> None:
    """Write ``cell`` as text when its text starts with a formula character: a string cell (never ``f``) with
    Excel's quote prefix, so that neither opening nor editing the cell runs it."""
    if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True


def workbook_bytes(workbook: Any) -> bytes:
    """The one way the product writes a workbook: every text cell of every sheet through ``as_text``, then the
    .xlsx bytes. A name such as ``=HYPERLINK("http://…","Bấm vào")`` is written as that text, not as a formula."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                as_text(cell)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
