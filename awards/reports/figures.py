"""The figures of one year as the dashboard shows them, from the selectors, in one place: the page
(``awards.reports.views.dashboard``) and the API (``/api/v1/dashboard/``) read the same dictionary."""

from __future__ import annotations

from awards.reports import base_level, selectors
from awards.reports.selectors import Units
from campaigns import selectors as campaign_selectors


def year_figures(year: int, unit_id: Units = None) -> dict:
    """Everything the dashboard shows for ``year``: the whole province (``None``), one unit (an id) or a unit and
    those below it (a list of ids)."""
    # The year's and the previous year's lines in one query, the kinds read from the trend's last row, the
    # occasions and the bonuses in one query: each figure group costs one query on the summary table.
    both = selectors.award_lines_of(year - 1, year, unit_id)
    lines = both[year]
    previous = {line.key: line.total for line in both[year - 1]}
    base_kinds = base_level.by_issuing_body_kind(year, unit_id)
    trend = selectors.trend(year, unit_id)
    occasions, bonus = selectors.occasions_and_bonus(year, unit_id)
    figures = {
        "lines": lines,
        "levels": selectors.by_level(lines),
        "paragraph": selectors.summary_paragraph(lines),
        "kinds": [(code, label, n) for code, (label, n) in zip(selectors.KIND_ORDER,
                                                               selectors.kinds_of(trend, year), strict=True)],
        "occasions": occasions,
        "trend": trend,
        "previous": previous,
        "processing": selectors.processing(year, unit_id),
        "campaign_targets": campaign_selectors.targets_in(year, unit_id),
        "clusters": selectors.by_cluster(year, unit_id),
        "total": sum(line.total for line in lines),
        "bonus_total": bonus,
        "previous_total": sum(previous.values()),
        "base_kinds": base_kinds,
        "base_total": sum(row.total for row in base_kinds),
        "base_bodies": sum(row.bodies for row in base_kinds),
    }
    figures["board_total"] = figures["total"] - figures["base_total"]
    return figures
