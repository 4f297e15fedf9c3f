"""Business rules of campaigns: who sees one, launching to units and clusters, registering, reporting results,
closing with its summary and nomination round. Status changes go through ``campaigns.workflow``."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.core import uploads
from campaigns import rules, selectors, workflow
from campaigns.models import (
    Campaign,
    CampaignAudience,
    CampaignStatus,
    Registration,
    RegistrationStatus,
    Target,
    TargetReport,
)
from units.models import ClusterMembership, EmulationCluster, Role, Unit, User

S = CampaignStatus
REGISTRATION_OPEN = {S.LAUNCHED, S.IN_PROGRESS, S.PRELIMINARY_REVIEW}
REPORTING_OPEN = {S.LAUNCHED, S.IN_PROGRESS, S.PRELIMINARY_REVIEW}
NOMINATION_ROUND_DAYS = 30


# --------------------------------------------------------------------------------------------- who sees what


def sees_drafts(user: User) -> bool:
    return user.has_role(Role.BOARD_STAFF, Role.ADMINISTRATOR) or user.is_province_leader


def visible_campaigns(user: User) -> QuerySet[Campaign]:
    """Drafts are the board's (and leadership's, read-only); a launched campaign is public to every user."""
    if not user.is_authenticated:
        return Campaign.objects.none()
    if sees_drafts(user):
        return Campaign.objects.all()
    return Campaign.objects.exclude(status=S.DRAFT)


def is_board(user: User) -> bool:
    return user.has_role(Role.BOARD_STAFF, Role.ADMINISTRATOR)


def in_audience(campaign: Campaign, unit_id: int | None) -> bool:
    return unit_id is not None and CampaignAudience.objects.filter(campaign=campaign, unit_id=unit_id).exists()


def launched_to(campaign: Campaign, unit: Unit) -> bool:
    """Whether ``campaign`` was launched to ``unit`` or to a unit above it (a Sở's schools take part in what the
    Sở was launched): the campaigns a dossier of ``unit`` may be tied to."""
    ids, seen = [], set()
    current: Unit | None = unit
    while current is not None and current.pk not in seen:
        seen.add(current.pk)
        ids.append(current.pk)
        current = current.parent
    return CampaignAudience.objects.filter(campaign=campaign, unit_id__in=ids).exists()


def registration_of(campaign: Campaign, unit_id: int | None) -> Registration | None:
    if unit_id is None:
        return None
    return Registration.objects.filter(campaign=campaign, unit_id=unit_id).first()


def can_register(user: User, campaign: Campaign) -> tuple[bool, str]:
    if not (user.has_role(Role.UNIT_OFFICER) and user.unit_id):
        return False, _("Chỉ cán bộ thi đua của một đơn vị mới đăng ký thi đua cho đơn vị mình.")
    if campaign.status not in REGISTRATION_OPEN:
        return False, _("Phong trào đang ở trạng thái \"%(status)s\": không nhận đăng ký thi đua.") % {
            "status": campaign.get_status_display()}
    if not in_audience(campaign, user.unit_id):
        return False, _("Phong trào không được phát động đến %(unit)s nên đơn vị không đăng ký được.") % {
            "unit": user.unit.name}
    return True, ""


def can_report(user: User, campaign: Campaign) -> tuple[bool, str]:
    if not (user.has_role(Role.UNIT_OFFICER) and user.unit_id):
        return False, _("Chỉ cán bộ thi đua của một đơn vị mới báo cáo kết quả cho đơn vị mình.")
    if campaign.status not in REPORTING_OPEN:
        return False, _("Phong trào đang ở trạng thái \"%(status)s\": không nhận báo cáo kết quả.") % {
            "status": campaign.get_status_display()}
    registration = registration_of(campaign, user.unit_id)
    if registration is None or registration.status != RegistrationStatus.REGISTERED:
        return False, _("%(unit)s chưa đăng ký thi đua trong phong trào này; hãy đăng ký trước khi báo cáo.") % {
            "unit": user.unit.name}
    return True, ""


# --------------------------------------------------------------------------------------------- launch


def campaign_year(campaign: Campaign) -> int:
    return (campaign.launch_date or campaign.start_date).year


def resolve_audience(campaign: Campaign, units: Iterable[Unit], clusters: Iterable[EmulationCluster],
                     year: int | None = None) -> list[tuple[Unit, EmulationCluster | None]]:
    """Chosen units plus every member of the chosen clusters in the campaign's year (the year it is launched);
    a unit chosen directly is recorded without a cluster, a unit in two chosen clusters once."""
    out: dict[int, tuple[Unit, EmulationCluster | None]] = {unit.pk: (unit, None) for unit in units}
    wanted = year or campaign_year(campaign)
    condition = Q(pk__in=[])
    for cluster in clusters:
        # the membership of the year; when the year's list is not recorded yet, the latest earlier one
        latest = ClusterMembership.objects.filter(cluster=cluster, year__lte=wanted).aggregate(y=Max("year"))["y"]
        if latest is not None:
            condition |= Q(cluster=cluster, year=latest)
    memberships = ClusterMembership.objects.filter(condition).select_related("unit", "cluster") \
        .order_by("cluster__sort_order", "unit__sort_order", "unit__name")
    for membership in memberships:
        out.setdefault(membership.unit_id, (membership.unit, membership.cluster))
    return list(out.values())


def _add_audience(campaign: Campaign, members: list[tuple[Unit, EmulationCluster | None]],
                  day: datetime.date) -> list[int]:
    existing = set(CampaignAudience.objects.filter(campaign=campaign).values_list("unit_id", flat=True))
    new = [CampaignAudience(campaign=campaign, unit=unit, via_cluster=cluster, added_on=day)
           for unit, cluster in members if unit.pk not in existing]
    CampaignAudience.objects.bulk_create(new)
    return [row.unit_id for row in new]


def _notify_on_commit(campaign: Campaign, unit_ids: list[int]) -> None:
    """The units' officers hear of the launch in the app (notices written in this transaction, e-mailed as each
    chose) and the units' own mailboxes by e-mail (an outbox entry of this transaction, sent after the commit)."""
    from awards.core.outbox import defer
    from awards.models import NoticeKind
    from awards.notices.record import record, unit_officers

    if unit_ids:
        record(NoticeKind.CAMPAIGN_LAUNCHED, unit_officers(*unit_ids),
               f"Phong trào \"{campaign.name}\" đã được phát động đến đơn vị: mời đăng ký thi đua",
               reverse("campaigns:detail", args=[campaign.code]))
        defer("campaign_launch_emails", {"campaign_id": campaign.pk, "unit_ids": unit_ids})


def launch_emails_state(campaign: Campaign, since_pk: int = 0) -> str:
    """Where the launch e-mails of ``campaign`` queued after outbox entry ``since_pk`` are: "done", "queued",
    "waiting" (the queue is unavailable), "failed", or "none" when no unit was added."""
    from awards.core import outbox
    from awards.models import DeferredTask

    entry = DeferredTask.objects.filter(kind="campaign_launch_emails", payload__campaign_id=campaign.pk,
                                        pk__gt=since_pk).order_by("-pk").first()
    return outbox.state_of(entry)


def last_outbox_pk() -> int:
    from awards.models import DeferredTask

    return DeferredTask.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


@dataclass(frozen=True)
class Reach:
    """Who a launch reached, as the staff are told: units whose officers got a notice, units whose own mailbox gets
    the launch e-mail, units with an officer who gets notices by e-mail (each event or the day's digest), units
    reached by no e-mail at all."""

    units: int
    in_app: int
    emailed: int
    without_officer: list[str]
    without_address: list[str]
    personal: int = 0


def reach(unit_ids: list[int]) -> Reach:
    from awards.models import EmailMode
    from awards.notices.record import unit_mailboxes

    units = list(Unit.objects.filter(pk__in=unit_ids).order_by("name"))
    mailboxes = unit_mailboxes(units)
    officers = list(User.objects.filter(unit_id__in=unit_ids, is_active=True, groups__name=Role.UNIT_OFFICER)
                    .values_list("unit_id", "email", "notice_preference__email_mode"))
    with_officer = {unit_id for unit_id, _email, _mode in officers}
    by_mail = {unit_id for unit_id, email, mode in officers if email and mode != EmailMode.OFF}
    return Reach(
        units=len(units), in_app=sum(1 for u in units if u.pk in with_officer),
        emailed=sum(1 for u in units if mailboxes[u.pk]),
        without_officer=[u.name for u in units if u.pk not in with_officer],
        without_address=[u.name for u in units if not mailboxes[u.pk] and u.pk not in by_mail],
        personal=sum(1 for u in units if u.pk in by_mail))


@transaction.atomic
def launch(campaign: Campaign, actor: User, units: Iterable[Unit], clusters: Iterable[EmulationCluster],
           note: str = "", expected_status: str | None = None, launch_date: datetime.date | None = None) -> Campaign:
    """Phát động: record the audience, move draft -> launched, notify the units' officers after commit."""
    members = resolve_audience(campaign, units, clusters)
    if not members:
        raise workflow.NotAllowed(_("Hãy chọn ít nhất một đơn vị hoặc một cụm, khối có thành viên trong năm %(year)s.")
                                  % {"year": campaign_year(campaign)})
    allowed, reason = workflow.can(actor, "launch", campaign)
    if not allowed and (expected_status or campaign.status) == campaign.status:
        raise workflow.NotAllowed(reason)
    day = launch_date or timezone.localdate()
    fields = {} if campaign.launch_date else {"launch_date": day}
    campaign = workflow.transition(campaign, "launch", actor, note=note, expected_status=expected_status,
                                   fields=fields)
    added = _add_audience(campaign, members, day)
    _notify_on_commit(campaign, added)
    return campaign


@transaction.atomic
def extend_audience(campaign: Campaign, actor: User, units: Iterable[Unit],
                    clusters: Iterable[EmulationCluster]) -> list[int]:
    """Phát động thêm to more units while the campaign runs; returns the ids of the units added."""
    if not is_board(actor):
        raise workflow.NotAllowed(_("Chỉ cán bộ Ban Thi đua - Khen thưởng mới phát động phong trào."))
    if campaign.status not in REGISTRATION_OPEN:
        raise workflow.NotAllowed(_("Phong trào đang ở trạng thái \"%(status)s\": không phát động thêm được.") % {
            "status": campaign.get_status_display()})
    added = _add_audience(campaign, resolve_audience(campaign, units, clusters), timezone.localdate())
    _notify_on_commit(campaign, added)
    return added


# --------------------------------------------------------------------------------------------- register, report


@transaction.atomic
def register(campaign: Campaign, actor: User, commitments: str, titles: Iterable,
             own_targets: Iterable[dict]) -> Registration:
    """Đăng ký thi đua (or update it) for the actor's own unit, with the titles aimed for and own targets."""
    allowed, reason = can_register(actor, campaign)
    if not allowed:
        raise workflow.NotAllowed(reason)
    unit = actor.unit
    registration = registration_of(campaign, unit.pk)
    if registration is None:
        registration = Registration(campaign=campaign, unit=unit, registered_on=timezone.localdate(),
                                    registered_by=actor)
    registration.commitments = commitments
    registration.status = RegistrationStatus.REGISTERED
    registration.save()
    registration.target_titles.set(list(titles))
    taken = Target.objects.filter(campaign=campaign, code__startswith=f"{unit.code}-").count()
    for number, values in enumerate(own_targets, start=taken + 1):
        Target.objects.create(campaign=campaign, unit=unit, code=f"{unit.code}-{number}", **values)
    return registration


def reportable_targets(campaign: Campaign, unit_id: int) -> QuerySet[Target]:
    """Province-wide targets and the unit's own ones."""
    return campaign.targets.filter(Q(unit__isnull=True) | Q(unit_id=unit_id)).order_by("unit_id", "pk")


@transaction.atomic
def submit_report(campaign: Campaign, actor: User, *, target: Target, period: str, as_of: datetime.date,
                  value: Decimal, note: str = "", evidence=None) -> TargetReport:
    """A unit reports its result on a target for a period (again = replaces the figures). The evidence is
    accepted by content (``awards.core.uploads``); the report is late when submitted after the period's deadline."""
    allowed, reason = can_report(actor, campaign)
    if not allowed:
        raise workflow.NotAllowed(reason)
    if not reportable_targets(campaign, actor.unit_id).filter(pk=target.pk).exists():
        raise workflow.NotAllowed(_("Chỉ tiêu này không thuộc phong trào hoặc là chỉ tiêu riêng của đơn vị khác."))
    now = timezone.now()
    report = TargetReport.objects.filter(unit_id=actor.unit_id, target=target, period=period).first()
    if report is None:
        report = TargetReport(campaign=campaign, unit_id=actor.unit_id, target=target, period=period)
    if evidence is not None:
        inspected = uploads.inspect_upload(evidence, settings.ATTACHMENT_MAX_BYTES)
        report.evidence = evidence
        report.evidence_name = inspected.original_name
        report.evidence_type = inspected.content_type
        report.evidence_size = inspected.size
        report.evidence_sha256 = inspected.sha256
    report.as_of, report.value, report.note = as_of, value, note
    report.submitted_by, report.submitted_at = actor, now
    report.is_late = rules.is_late(campaign, period, timezone.localdate(now))
    report.save()
    return report


# --------------------------------------------------------------------------------------------- close


@transaction.atomic
def close_campaign(campaign: Campaign, actor: User, *, note: str = "", expected_status: str | None = None,
                   closed_on: datetime.date | None = None, nomination_open_from: datetime.date | None = None,
                   nomination_open_until: datetime.date | None = None) -> Campaign:
    """Tổng kết: compute the summary figures and sentence, store them on the campaign, open the nomination round
    (by default from the closing day for ``NOMINATION_ROUND_DAYS`` days) and move the campaign to closed."""
    allowed, reason = workflow.can(actor, "close", campaign)
    if not allowed and (expected_status or campaign.status) == campaign.status:
        raise workflow.NotAllowed(reason)
    day = closed_on or timezone.localdate()
    opens = nomination_open_from or day
    until = nomination_open_until or opens + datetime.timedelta(days=NOMINATION_ROUND_DAYS)
    if until < opens:
        raise workflow.NotAllowed(_("Ngày kết thúc nhận hồ sơ phải sau ngày bắt đầu nhận hồ sơ."))
    figures = selectors.summary_figures(campaign, day)
    return workflow.transition(
        campaign, "close", actor, note=note, expected_status=expected_status,
        fields={"summary": selectors.summary_sentence(campaign, figures, day), "summary_figures": figures,
                "nomination_open_from": opens, "nomination_open_until": until},
    )


def open_rounds(day: datetime.date) -> QuerySet[Campaign]:
    """Closed campaigns whose nomination round accepts dossiers on ``day``."""
    return Campaign.objects.filter(status=S.CLOSED, nomination_open_from__lte=day).filter(
        Q(nomination_open_until__isnull=True) | Q(nomination_open_until__gte=day)).order_by("-nomination_open_from")
