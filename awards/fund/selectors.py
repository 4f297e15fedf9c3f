"""What the fund's pages and files show: a decision's payment list grouped by receiving unit, and a fund's year
(figures, allocations, by award type, by receiving unit, the balance over the years). Every figure is one
aggregate query over the ledger or the lines, so the year's report costs the same at a million awards."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum

from awards.fund.ledger import ZERO, Figures, figures, figures_of
from awards.models import ALLOCATIONS, AwardType, Decision, EntryKind, Fund, FundEntry, FundLine, LineStatus
from units.models import Unit

LIVE = (LineStatus.OPEN, LineStatus.PAID)


@dataclass
class UnitGroup:
    unit: Unit
    lines: list[FundLine] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), ZERO)


@dataclass
class PaymentList:
    decision: Decision
    fund: Fund | None
    groups: list[UnitGroup]

    @property
    def lines(self) -> list[FundLine]:
        return [line for group in self.groups for line in group.lines]

    @property
    def total(self) -> Decimal:
        return sum((group.total for group in self.groups), ZERO)


def payment_list(decision: Decision) -> PaymentList:
    """The decision's committed lines, grouped by receiving unit (in the decision's order of first appearance)."""
    lines = list(FundLine.objects.filter(decision=decision).select_related("receiving_unit", "fund")
                 .order_by("position", "pk"))
    groups: dict[int, UnitGroup] = {}
    for line in lines:
        groups.setdefault(line.receiving_unit_id, UnitGroup(unit=line.receiving_unit)).lines.append(line)
    return PaymentList(decision=decision, fund=lines[0].fund if lines else None, groups=list(groups.values()))


@dataclass(frozen=True)
class Breakdown:
    label: str
    count: int
    committed: Decimal
    paid: Decimal
    revoked_paid: Decimal

    @property
    def due(self) -> Decimal:
        return self.committed - self.paid


def _breakdown(fund: Fund, key: str) -> list[tuple[int, dict]]:
    rows = (FundLine.objects.filter(fund=fund).values(key).annotate(
        n=Count("pk", filter=Q(status__in=LIVE)),
        sum_committed=Sum("amount", filter=Q(status__in=LIVE), default=ZERO),
        sum_paid=Sum("paid", filter=Q(status__in=LIVE), default=ZERO),
        sum_revoked_paid=Sum("paid", filter=~Q(status__in=LIVE), default=ZERO)).order_by())
    return [(row[key], row) for row in rows]


def by_award_type(fund: Fund) -> list[Breakdown]:
    rows = _breakdown(fund, "award_type_id")
    names = dict(AwardType.objects.filter(pk__in=[key for key, _ in rows]).values_list("pk", "name"))
    out = [Breakdown(names[key], row["n"], row["sum_committed"], row["sum_paid"], row["sum_revoked_paid"])
           for key, row in rows]
    return sorted(out, key=lambda b: (-b.committed, b.label))


def by_receiving_unit(fund: Fund) -> list[Breakdown]:
    rows = _breakdown(fund, "receiving_unit_id")
    names = dict(Unit.objects.filter(pk__in=[key for key, _ in rows]).values_list("pk", "name"))
    out = [Breakdown(names[key], row["n"], row["sum_committed"], row["sum_paid"], row["sum_revoked_paid"])
           for key, row in rows]
    return sorted(out, key=lambda b: (-b.committed, b.label))


@dataclass(frozen=True)
class YearRow:
    year: int
    fund: Fund
    figures: Figures


def over_the_years(fund: Fund) -> list[YearRow]:
    """Every year of the same body's fund, latest first."""
    funds = list(Fund.objects.filter(body_id=fund.body_id).order_by("-year"))
    by_fund = figures_of(funds)  # one query, whatever the number of years
    return [YearRow(other.year, other, by_fund[other.pk]) for other in funds]


def allocations(fund: Fund) -> list[FundEntry]:
    return list(fund.entries.filter(kind__in=[*ALLOCATIONS, EntryKind.CAMPAIGN, EntryKind.RECOVERY])
                .select_related("corrects").order_by("day", "pk"))


def decisions_of(fund: Fund) -> list[dict]:
    """The fund's decisions with their committed, paid and due figures."""
    rows = (FundLine.objects.filter(fund=fund).values("decision_id").annotate(
        n=Count("pk"), sum_committed=Sum("amount", filter=Q(status__in=LIVE), default=ZERO),
        sum_paid=Sum("paid", default=ZERO), n_revoked=Count("pk", filter=~Q(status__in=LIVE)),
        sum_live_paid=Sum("paid", filter=Q(status__in=LIVE), default=ZERO)).order_by())
    by_id = {row["decision_id"]: row for row in rows}
    decisions = Decision.objects.filter(pk__in=by_id).select_related("award_type").order_by("decided_on", "number")
    return [{"decision": decision, "count": by_id[decision.pk]["n"], "committed": by_id[decision.pk]["sum_committed"],
             "paid": by_id[decision.pk]["sum_paid"], "revoked": by_id[decision.pk]["n_revoked"],
             "due": by_id[decision.pk]["sum_committed"] - by_id[decision.pk]["sum_live_paid"]}
            for decision in decisions]


def recoveries(fund: Fund) -> list[FundLine]:
    return list(FundLine.objects.filter(fund=fund, status__in=[LineStatus.RECOVERY, LineStatus.RECOVERED])
                .select_related("decision", "receiving_unit").order_by("decision", "position"))


@dataclass
class YearReport:
    fund: Fund
    on: datetime.date | None
    figures: Figures
    by_award_type: list[Breakdown]
    by_unit: list[Breakdown]
    years: list[YearRow]
    allocations: list[FundEntry]
    decisions: list[dict]
    recoveries: list[FundLine]


def year_report(fund: Fund, on: datetime.date | None = None) -> YearReport:
    return YearReport(fund=fund, on=on, figures=figures(fund, on), by_award_type=by_award_type(fund),
                      by_unit=by_receiving_unit(fund), years=over_the_years(fund), allocations=allocations(fund),
                      decisions=decisions_of(fund), recoveries=recoveries(fund))
