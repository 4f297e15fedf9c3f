"""The dashboard's repeated table rows written in one pass of Python instead of the template engine: the award
lines by level (about 60 rows of six cells and four links each at a million awards) and the ten-year trend (its SVG
bars and its table). The template engine costs a few microseconds per variable, filter and tag; these rows were
about 1,100 of them per request. Every value is escaped here as the template would; numbers are written as the
template writes an integer (no grouping: ``USE_THOUSAND_SEPARATOR`` is off)."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from awards.enums import RecipientKind

KINDS = (RecipientKind.COLLECTIVE.value, RecipientKind.INDIVIDUAL.value, RecipientKind.HOUSEHOLD.value)


def award_rows(levels: list[tuple[str, list, int]], previous: dict[str, int]) -> SafeString:
    """The ``<tr>`` of the table by level and award (``selectors.by_level``; each line carries ``href`` and
    ``title_q`` from the view), with last year's total of the same line or an em dash."""
    out: list[str] = []
    for level_label, items, subtotal in levels:
        out.append(f'<tr class="table-light"><th colspan="4">{escape(level_label)}</th><th class="num">{subtotal}'
                   '</th><th class="d-none d-md-table-cell"></th></tr>\n')
        for line in items:
            href, title = escape(line.href), escape(line.title_q)
            cells = [f'<tr><td><a href="{href}&amp;title={title}">{escape(line.label)}</a></td>']
            for kind in KINDS:
                n = line.counts.get(kind)
                cells.append(f'<td class="num"><a href="{href}&amp;kind={kind}&amp;title={title}">{n}</a></td>' if n
                             else '<td class="num">—</td>')
            before = previous.get(line.key)
            cells.append(f'<td class="num fw-semibold">{line.total}</td><td class="num text-muted d-none '
                         f'd-md-table-cell">{before if before else "—"}</td></tr>\n')
            out.append("".join(cells))
    return mark_safe("".join(out))


def trend_svg(bars: list[dict]) -> SafeString:
    """The bars of ``selectors.trend_bars`` as SVG groups (a title, a rect per non-empty segment, the year)."""
    out = []
    for bar in bars:
        rects = "".join(f'<rect class="{seg["css"]}" x="{bar["x"]}" y="{seg["y"]}" width="{bar["w"]}" '
                        f'height="{seg["h"]}"></rect>' for seg in bar["segments"] if seg["value"])
        out.append(f'<g><title>{bar["year"]}: {bar["total"]}</title>{rects}<text x="{bar["label_x"]}" y="178" '
                   f'text-anchor="middle" font-size="11">{bar["year"]}</text></g>')
    return mark_safe("\n".join(out))


def trend_rows(trend: list[tuple[int, int, int, int]], year: int) -> SafeString:
    """The rows of the ten-year table, the chosen year highlighted, each year a link to its dashboard."""
    chosen = ' class="table-primary"'
    return mark_safe("".join(
        f'<tr{chosen if y == year else ""}><td><a href="?year={y}">{y}</a></td>'
        f'<td class="num">{c}</td><td class="num">{i}</td><td class="num">{h}</td></tr>' for y, c, i, h in trend))


def drill_rows(awards: list, start: int) -> SafeString:
    """The ``<tr>`` of a drill-down page (the view sets ``kind_label`` and ``decision_url`` on each award), numbered
    from ``start``; a row saying so when there is none."""
    if not awards:
        return mark_safe(f'<tr><td colspan="7" class="text-muted">{escape(_("Không có khen thưởng nào."))}</td></tr>\n')
    out = []
    for index, award in enumerate(awards, start):
        number = escape(award.decision_number)
        decision = f'<a href="{escape(award.decision_url)}">{number}</a>' if award.decision_url else number
        day = award.decided_on.strftime("%d/%m/%Y") if award.decided_on else ""
        out.append(f"<tr><td>{index}</td><td>{escape(award.recipient_name)}</td><td>{escape(award.kind_label)}</td>"
                   f"<td>{escape(award.award_type.name)}</td>\n<td>{decision}</td><td>{day}</td>"
                   f"<td>{escape(award.issuer)}</td></tr>\n")
    return mark_safe("".join(out))
