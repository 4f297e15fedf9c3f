"""Official documents rendered with WeasyPrint from templates under ``templates/pdf/``.

The fonts are the vendored Liberation Serif 2.x TTFs (Times New Roman metrics, every Vietnamese glyph),
loaded by ``@font-face`` from ``static/fonts`` so rendering never depends on the machine's fonts.

Every document is written as PDF/A-2b (ISO 19005-2, adopted in Viet Nam as TCVN 14159-2:2024; sources in
docs/legal-sources.md) with its records metadata: title, author (the issuing body), subject (the trích yếu),
keywords (the number and symbol) and the document's own date as the creation date. The date is the document's,
not the clock's, so the same content always gives the same bytes."""

from __future__ import annotations

import datetime
import functools
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

FONT_DIR = Path(settings.BASE_DIR) / "static" / "fonts"
PDF_VARIANT = "pdf/a-2b"  # one place: every rendered document
CREATOR = "Phần mềm quản lý thi đua, khen thưởng"


@dataclass(frozen=True)
class Metadata:
    """What a records clerk (văn thư) files a document under; ``pdfinfo`` prints it."""

    title: str
    author: str
    subject: str = ""
    keywords: tuple[str, ...] = ()
    created: datetime.date | datetime.datetime | None = None


def board_name() -> str:
    """The author of documents the Ban itself produces (dashboards, exports)."""
    return f"Ban Thi đua - Khen thưởng tỉnh {settings.PROVINCE_NAME}"


def report_metadata(title: str, year: int, unit=None) -> Metadata:
    """A report of the Ban for a year, of the province or of one unit (the dashboard PDF)."""
    scope = unit.name if unit is not None else f"tỉnh {settings.PROVINCE_NAME}"
    return Metadata(title=f"{title} năm {year} - {scope}", author=board_name(),
                    subject=f"{title} năm {year} của {scope}", keywords=(f"Năm {year}",),
                    created=timezone.localdate())


def w3c_date(value: datetime.date | datetime.datetime) -> str:
    """"2021-02-06T00:00:00+07:00": a date at midnight in the project's time zone, a datetime as it is."""
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time())
    if timezone.is_naive(value):
        value = timezone.make_aware(value, timezone.get_default_timezone())
    return value.isoformat(timespec="seconds")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join((text or "").split()))


def render_pdf(template: str, context: dict, metadata: Metadata | None = None) -> bytes:
    """The PDF/A-2b of ``template``. Without ``metadata`` the title is the template's <title>, the author the
    Ban Thi đua - Khen thưởng and the date today's."""
    from weasyprint import HTML  # imported lazily: only workers need it loaded

    html = render_to_string(template, {**context, "font_dir": FONT_DIR.as_uri(),
                                       "province": settings.PROVINCE_NAME})
    html = unicodedata.normalize("NFC", html)
    document = HTML(string=html, base_url=str(settings.BASE_DIR)).render(pdf_variant=PDF_VARIANT)
    info = document.metadata
    if metadata is not None and metadata.title:
        info.title = _nfc(metadata.title)
    info.title = _nfc(info.title or "")
    info.authors = [_nfc(metadata.author if metadata is not None and metadata.author else board_name())]
    info.description = _nfc(metadata.subject) if metadata is not None and metadata.subject else None
    info.keywords = [_nfc(k) for k in (metadata.keywords if metadata is not None else ()) if k and k.strip()]
    info.generator = CREATOR
    created = metadata.created if metadata is not None and metadata.created else timezone.localdate()
    info.created = w3c_date(created)
    info.modified = None
    return document.write_pdf(pdf_variant=PDF_VARIANT)


def text_width_mm(text: str, size_pt: float, bold: bool = True) -> float:
    """The printed width of ``text`` in Liberation Serif at ``size_pt``, from the vendored font's advance widths."""
    font = _font("LiberationSerif-Bold.ttf" if bold else "LiberationSerif-Regular.ttf")
    cmap, metrics = font.getBestCmap(), font["hmtx"].metrics
    units = sum(metrics[cmap.get(ord(char), ".notdef")][0] for char in unicodedata.normalize("NFC", text))
    return units / font["head"].unitsPerEm * size_pt * 25.4 / 72


@functools.cache
def _font(name: str):
    from fontTools.ttLib import TTFont  # a WeasyPrint dependency

    return TTFont(FONT_DIR / name, lazy=True)


ORGAN_WIDTH_MM = 69.0  # the left column of pdf/_header.html (44 % of 165 mm) less a margin for kerning


def _split_score(words: list[str], i: int) -> int:
    first, second = " ".join(words[:i]), " ".join(words[i:])
    return max(len(first), len(second)) - (6 if first.endswith(",") else 0)


def organ_header(lines: list[str], width_mm: float = ORGAN_WIDTH_MM) -> tuple[list[str], float]:
    """The issuer's name as printed in capitals: the largest size NĐ 30/2020 allows (13, then 12.5, 12 pt) at which
    each line fits on one line; a line that fits at none is split in two at 13 pt where the halves are most even,
    after a comma if there is one, never before " - " (["Sở Văn hóa,", "Thể thao và Du lịch"])."""
    for size in (13, 12.5, 12):
        if all(text_width_mm(line.upper(), size) <= width_mm for line in lines):
            return lines, size
    out: list[str] = []
    for line in lines:
        words = line.split()
        if text_width_mm(line.upper(), 13) <= width_mm or len(words) < 2:
            out.append(line)
            continue
        cuts = [i for i in range(1, len(words)) if words[i] != "-" and words[i - 1] != "-"]
        cut = min(cuts, key=lambda i, w=words: _split_score(w, i)) if cuts else len(words) // 2
        out += [" ".join(words[:cut]), " ".join(words[cut:])]
    return out, 13


def place_date(day: datetime.date, place: str | None = None) -> str:
    """"Lạng Sơn, ngày 06 tháng 02 năm 2021": days below 10 and months 1-2 get a leading zero (NĐ 30/2020)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place or settings.PROVINCE_NAME}, ngày {day.day:02d} tháng {month} năm {day.year}"
