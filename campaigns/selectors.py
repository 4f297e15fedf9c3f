"""Read-side queries for campaigns."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet

from campaigns import rules
from campaigns.models import (
    Campaign,
    CampaignAudience,
    Registration,
    RegistrationStatus,
    ReportPeriod,
    Target,
    TargetReport,
)


def campaigns_in(year: int) -> QuerySet[Campaign]:
    """Campaigns running at some point of ``year``."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return Campaign.objects.filter(start_date__lte=end).filter(Q(end_date__isnull=True) | Q(end_date__gte=start))


def targets_in(year: int, unit_id: int | Sequence[int] | None = None) -> list[Campaign]:
    """Campaigns of the year with their targets and recorded results (two queries): the province-wide targets,
    plus the unit's own ones when ``unit_id`` is given (units' own targets are not province figures; a list of
    ids: those units' own)."""
    targets = Target.objects.select_related("unit").order_by("pk")
    if isinstance(unit_id, int):
        targets = targets.filter(Q(unit_id=unit_id) | Q(unit__isnull=True))
    elif unit_id is not None:
        targets = targets.filter(Q(unit_id__in=list(unit_id)) | Q(unit__isnull=True))
    else:
        targets = targets.filter(unit__isnull=True)
    campaigns = campaigns_in(year).prefetch_related(Prefetch("targets", queryset=targets)).order_by("start_date")
    return [c for c in campaigns if c.targets.all()]


# --------------------------------------------------------------------------------------------- one campaign


@dataclass
class Progress:
    """A target against what was reported on it."""

    target: Target
    value: Decimal | None
    source: str  # "official" (result recorded by the board), "reports" (units' latest figures) or ""
    reporters: int

    @property
    def pct(self) -> Decimal | None:
        if self.value is None or self.target.target_value in (None, 0):
            return None
        return round(self.value * 100 / self.target.target_value, 1)

    @property
    def met(self) -> bool | None:
        if self.value is None or self.target.target_value is None:
            return None
        return self.value >= self.target.target_value


def latest_values(campaign: Campaign) -> dict[tuple[int, int], Decimal]:
    """(target id, unit id) -> the unit's latest figure: the final report when there is one, else the interim."""
    out: dict[tuple[int, int], tuple[int, Decimal]] = {}
    rank = {ReportPeriod.INTERIM: 0, ReportPeriod.FINAL: 1}
    for target_id, unit_id, period, value in TargetReport.objects.filter(campaign=campaign).values_list(
            "target_id", "unit_id", "period", "value"):
        key = (target_id, unit_id)
        if key not in out or rank[period] > out[key][0]:
            out[key] = (rank[period], value)
    return {key: value for key, (_rank, value) in out.items()}


def target_progress(campaign: Campaign) -> list[Progress]:
    """Each target with its achieved value: the result recorded by the board wins; otherwise a province-wide
    target adds up the units' latest figures and a unit's own target takes that unit's. Two queries."""
    values = latest_values(campaign)
    by_target: dict[int, list[Decimal]] = {}
    for (target_id, _unit_id), value in values.items():
        by_target.setdefault(target_id, []).append(value)
    rows = []
    for target in campaign.targets.select_related("unit", "content_group").order_by("unit_id", "pk"):
        reported = by_target.get(target.pk, [])
        if target.result_value is not None:
            rows.append(Progress(target, target.result_value, "official", len(reported)))
        elif reported:
            rows.append(Progress(target, sum(reported, Decimal(0)), "reports", len(reported)))
        else:
            rows.append(Progress(target, None, "", 0))
    return rows


@dataclass
class MatrixRow:
    unit_id: int
    unit_name: str
    via_cluster: str
    registered: bool
    reports: dict[str, dict[str, object]] = field(default_factory=dict)  # period -> {count, late, missing}


def report_matrix(campaign: Campaign, today: datetime.date) -> tuple[list[MatrixRow], dict[str, int]]:
    """Audience units x reporting periods: joined? reported? late? missing (deadline passed, nothing sent)?
    Three queries whatever the number of units."""
    audience = list(CampaignAudience.objects.filter(campaign=campaign)
                    .values_list("unit_id", "unit__name", "via_cluster__name").order_by("unit__sort_order",
                                                                                         "unit__name"))
    registered = set(Registration.objects.filter(campaign=campaign, status=RegistrationStatus.REGISTERED)
                     .values_list("unit_id", flat=True))
    reports: dict[tuple[int, str], list[bool]] = {}
    for unit_id, period, late in TargetReport.objects.filter(campaign=campaign).values_list(
            "unit_id", "period", "is_late"):
        reports.setdefault((unit_id, period), []).append(late)
    counts = {"audience": len(audience), "registered": 0}
    for period in ReportPeriod.values:
        counts.update({f"{period}_reported": 0, f"{period}_late": 0, f"{period}_missing": 0})
    rows = []
    for unit_id, name, cluster in audience:
        row = MatrixRow(unit_id, name, cluster or "", unit_id in registered)
        counts["registered"] += row.registered
        for period in ReportPeriod.values:
            sent = reports.get((unit_id, period), [])
            deadline = rules.deadline_for(campaign, period)
            missing = row.registered and not sent and deadline is not None and today > deadline
            late = any(sent)
            row.reports[period] = {"count": len(sent), "late": late, "missing": missing}
            counts[f"{period}_reported"] += bool(sent)
            counts[f"{period}_late"] += late
            counts[f"{period}_missing"] += missing
        rows.append(row)
    return rows, counts


def summary_figures(campaign: Campaign, day: datetime.date) -> dict[str, int]:
    """The closing figures: audience, registered and reporting units, late reports, targets met / not met."""
    rows, counts = report_matrix(campaign, day)
    progress = target_progress(campaign)
    with_value = [p for p in progress if p.target.target_value is not None]
    return {
        "audience": counts["audience"],
        "registered": counts["registered"],
        "reported": sum(1 for row in rows if any(r["count"] for r in row.reports.values())),
        "late_reports": TargetReport.objects.filter(campaign=campaign, is_late=True).count(),
        "missing": sum(1 for row in rows if row.registered and not any(r["count"] for r in row.reports.values())),
        "targets": len(progress),
        "targets_with_value": len(with_value),
        "targets_met": sum(1 for p in with_value if p.met),
        "targets_not_met": sum(1 for p in with_value if p.met is False),
        "targets_no_result": sum(1 for p in progress if p.value is None),
    }


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def summary_sentence(campaign: Campaign, figures: dict[str, int], day: datetime.date) -> str:
    """The conference phrasing with zero-padded counts: "Ngày 31/10/2019, tỉnh Lạng Sơn tổng kết đợt thi đua ...:
    phát động đến 24 đơn vị; 08 đơn vị đăng ký thi đua, 06 đơn vị báo cáo kết quả; 05/06 chỉ tiêu đạt và vượt, 01
    chỉ tiêu chưa đạt."."""
    from django.conf import settings

    parts = [f"phát động đến {figures['audience']:02d} đơn vị",
             f"{figures['registered']:02d} đơn vị đăng ký thi đua, {figures['reported']:02d} đơn vị báo cáo kết quả"
             + (f" ({figures['late_reports']:02d} báo cáo nộp muộn)" if figures["late_reports"] else "")]
    targets = []
    if figures["targets_met"]:
        targets.append(f"{figures['targets_met']:02d}/{figures['targets_with_value']:02d} chỉ tiêu đạt và vượt")
    if figures["targets_not_met"]:
        targets.append(f"{figures['targets_not_met']:02d} chỉ tiêu chưa đạt")
    if targets:
        parts.append(", ".join(targets))
    return (f"Ngày {day:%d/%m/%Y}, tỉnh {settings.PROVINCE_NAME} tổng kết {_lower_first(campaign.name)}: "
            + "; ".join(parts) + ".")


def awards_under(campaign: Campaign) -> QuerySet:
    """Standing awards made under the campaign (the award record's ``campaign``)."""
    from awards.models import Award

    return Award.objects.filter(campaign=campaign, revoked=False).select_related("award_type").order_by(
        "award_type__sort_order", "recipient_kind", "recipient_name", "pk")


def awards_sentence(campaign: Campaign) -> str:
    """"27 tập thể, 24 cá nhân và 02 hộ gia đình được tặng Bằng khen của Chủ tịch UBND tỉnh" per award type."""
    from awards.enums import RecipientKind
    from awards.models import AwardType

    rows = awards_under(campaign).values_list("award_type_id", "recipient_kind").annotate(n=Count("*")).order_by()
    by_type: dict[int, dict[str, int]] = {}
    for type_id, kind, n in rows:
        by_type.setdefault(type_id, {})[kind] = n
    names = {pk: short or name for pk, short, name in
             AwardType.objects.filter(pk__in=by_type).values_list("pk", "short_name", "name")}
    phrases = []
    words = [(RecipientKind.COLLECTIVE, "tập thể"), (RecipientKind.INDIVIDUAL, "cá nhân"),
             (RecipientKind.HOUSEHOLD, "hộ gia đình")]
    for type_id, counts in sorted(by_type.items(), key=lambda item: names[item[0]]):
        bits = [f"{counts[kind]:02d} {word}" for kind, word in words if counts.get(kind)]
        joined = bits[0] if len(bits) == 1 else ", ".join(bits[:-1]) + " và " + bits[-1]
        phrases.append(f"{joined} được tặng {names[type_id]}")
    return "; ".join(phrases) + "." if phrases else ""
