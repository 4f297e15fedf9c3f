"""Official documents rendered with WeasyPrint from templates under ``templates/pdf/``.

The fonts are the vendored Liberation Serif 2.x TTFs (Times New Roman metrics, every Vietnamese glyph),
loaded by ``@font-face`` from ``static/fonts`` so rendering never depends on the machine's fonts."""

from __future__ import annotations

import datetime
import unicodedata
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

FONT_DIR = Path(settings.BASE_DIR) / "static" / "fonts"


def render_pdf(template: str, context: dict) -> bytes:
    from weasyprint import HTML  # imported lazily: only workers need it loaded

    html = render_to_string(template, {**context, "font_dir": FONT_DIR.as_uri(),
                                       "province": settings.PROVINCE_NAME})
    html = unicodedata.normalize("NFC", html)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def place_date(day: datetime.date, place: str | None = None) -> str:
    """"Lạng Sơn, ngày 06 tháng 02 năm 2021": days below 10 and months 1-2 get a leading zero (NĐ 30/2020)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place or settings.PROVINCE_NAME}, ngày {day.day:02d} tháng {month} năm {day.year}"
