"""The dashboard of a year as a printable PDF (the same figures as the page, tables first)."""

from __future__ import annotations

from awards.core import pdf
from awards.reports import base_level, selectors


def render(year: int, unit=None) -> bytes:
    unit_id = unit.pk if unit is not None else None
    lines = selectors.award_lines(year, unit_id)
    trend = selectors.trend(year, unit_id)
    context = {
        "year": year, "unit": unit, "paragraph": selectors.summary_paragraph(lines),
        "levels": selectors.by_level(lines), "kinds": selectors.by_kind(year, unit_id),
        "occasions": selectors.by_occasion(year, unit_id), "trend": trend, "bars": selectors.trend_bars(trend),
        "total": sum(line.total for line in lines),
        "base_kinds": (base_kinds := base_level.by_issuing_body_kind(year, unit_id)),
        "base_total": sum(row.total for row in base_kinds), "base_bodies": sum(row.bodies for row in base_kinds),
    }
    return pdf.render_pdf("pdf/dashboard.html", context, pdf.report_metadata("Tổng hợp khen thưởng", year, unit))
