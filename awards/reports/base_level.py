"""Khen thưởng cấp cơ sở: the awards units decide themselves (Lao động tiên tiến, Chiến sĩ thi đua cơ sở, Tập thể
lao động tiên tiến, Giấy khen...), by the Giám đốc Sở, the Chủ tịch UBND xã (and huyện until 30/6/2025), the head
of a public service unit or the director of an enterprise. They are a level of their own on the dashboard: counted
by the kind of their issuing body, then drilled down to each body's decisions and their recipients.

An award is of this level by its authority (``AUTHORITY_LEVEL``), so awards entered from archives without an
issuing body still count here, in a row of their own. Each figure is one query whatever the data size."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from awards.enums import BodyKind, RecipientKind
from awards.reports.selectors import BASE_AUTHORITIES, NO_BODY, awards_in, bodies_by_kind, standing_counts
from units.search import vietnamese_order

# The kinds of body below the province, in the order the board reports them.
BASE_KIND_ORDER = [BodyKind.DEPARTMENT, BodyKind.COMMUNE, BodyKind.PUBLIC_SERVICE, BodyKind.ENTERPRISE,
                   BodyKind.DISTRICT]
NO_BODY_LABEL = _("Chưa ghi cơ quan ban hành (nhập từ hồ sơ lưu trữ)")


def _by_kind(kind: str):
    return Count("id", filter=Q(recipient_kind=kind))


@dataclass
class BodyKindRow:
    """One kind of issuing body in a year: how many bodies decided, and their awards by recipient kind."""

    kind: str  # a BodyKind value, or NO_BODY for awards recorded without their body
    label: str
    bodies: int = 0
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def by_issuing_body_kind(year: int, unit_id: int | None = None) -> list[BodyKindRow]:
    """The base level of a year per kind of issuing body, every kind listed (zero when none decided); awards of
    this level recorded without a body come last, when there are any. Two queries with a few rows each (the
    summary by body on PostgreSQL), whatever the number of bodies and awards."""
    rows = {kind: BodyKindRow(kind=kind.value, label=str(kind.label)) for kind in BASE_KIND_ORDER}
    for kind, recipient_kind, n in standing_counts(["body_kind", "recipient_kind"], year - 1, year, unit_id,
                                                    authorities=BASE_AUTHORITIES):
        key = kind or NO_BODY
        if key not in rows:
            rows[key] = BodyKindRow(kind=key, label=str(BodyKind(kind).label) if kind else str(NO_BODY_LABEL))
        rows[key].counts[recipient_kind] += n
    for kind, bodies in bodies_by_kind(year - 1, year, unit_id, authorities=BASE_AUTHORITIES).items():
        if kind in rows:
            rows[kind].bodies = bodies
    no_body = rows.pop(NO_BODY, None)
    return [*rows.values(), *([no_body] if no_body else [])]


def bodies_in(year: int, kind: str | None = None, unit_id: int | None = None) -> QuerySet:
    """The bodies that decided awards of this level in a year (of one kind, or all), with how many decisions and
    awards by recipient kind: rows of ``body_id, head_title, kind, unit, decisions, collectives, individuals,
    households, n``, in Vietnamese order of the head's title. One query."""
    awards = awards_in(year, unit_id).filter(authority__in=BASE_AUTHORITIES, body__isnull=False)
    if kind in BodyKind.values:
        awards = awards.filter(body__kind=kind)
    return (awards.values("body_id", "body__head_title", "body__kind", "body__unit__name")
            .annotate(decisions=Count("decision_id", distinct=True), collectives=_by_kind(RecipientKind.COLLECTIVE),
                      individuals=_by_kind(RecipientKind.INDIVIDUAL), households=_by_kind(RecipientKind.HOUSEHOLD),
                      n=Count("id"))
            .order_by(vietnamese_order("body__head_title"), "body_id"))


def decisions_of(year: int, body_id: int, unit_id: int | None = None) -> list[dict]:
    """A body's decisions of a year as the record holds them: number ("12/QĐ-SGDĐT"), date, the head's title
    written on the awards, the award, and the standing awards by recipient kind. One query."""
    awards = awards_in(year, unit_id).filter(body_id=body_id)
    return list(awards.values("decision_id", "decision_number", "decided_on", "issuer", "award_type__name")
                .annotate(collectives=_by_kind(RecipientKind.COLLECTIVE),
                          individuals=_by_kind(RecipientKind.INDIVIDUAL),
                          households=_by_kind(RecipientKind.HOUSEHOLD), n=Count("id"))
                .order_by("decided_on", "decision_id", "decision_number"))
