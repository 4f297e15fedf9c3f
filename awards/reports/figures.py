"""The figures of one year as the dashboard shows them, from the selectors, in one place: the page
(``awards.reports.views.dashboard``) and the API (``/api/v1/dashboard/``) read the same dictionary."""

from __future__ import annotations

from awards.reports import base_level, selectors
from awards.reports.selectors import Units
from campaigns import selectors as campaign_selectors


def year_figures(year: int, unit_id: Units = None) -> dict:
    """Everything the dashboard shows for ``year``: the whole province (``None``), one unit (an id) or a unit and
    those below it (a list of ids)."""
    lines = selectors.award_lines(year, unit_id)
    previous = {line.key: line.total for line in selectors.award_lines(year - 1, unit_id)}
    base_kinds = base_level.by_issuing_body_kind(year, unit_id)
    trend = selectors.trend(year, unit_id)
    figures = {
        "lines": lines,
        "levels": selectors.by_level(lines),
        "paragraph": selectors.summary_paragraph(lines),
        "kinds": [(code, label, n) for code, (label, n) in zip(selectors.KIND_ORDER,
                                                               selectors.by_kind(year, unit_id), strict=True)],
        "occasions": selectors.by_occasion(year, unit_id),
        "trend": trend,
        "previous": previous,
        "processing": selectors.processing(year, unit_id),
        "campaign_targets": campaign_selectors.targets_in(year, unit_id),
        "clusters": selectors.by_cluster(year, unit_id),
        "total": sum(line.total for line in lines),
        "bonus_total": selectors.bonus_total(year, unit_id),
        "previous_total": sum(previous.values()),
        "base_kinds": base_kinds,
        "base_total": sum(row.total for row in base_kinds),
        "base_bodies": sum(row.bodies for row in base_kinds),
    }
    figures["board_total"] = figures["total"] - figures["base_total"]
    return figures
