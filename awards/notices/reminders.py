"""Reminders, run by Celery beat (``awards.notices.tasks.send_reminders``, hourly) or ``manage.py send_reminders``.

Four kinds, each sent once per threshold: a ``SentReminder`` row with a unique key is written in the same
transaction as the notices, and a reminder whose key exists is not sent again, however often the beat runs. When a
run first finds an object past several thresholds (the beat was down), only the tightest is sent and the looser
ones are recorded as passed.

- dossiers nearing their working-day due date (``Dossier.due_date``, set on receipt from the catalogue's calendar):
  3 and 1 working days left, due today, overdue -> the Board's staff;
- campaign reports due and missing (interim and final deadline): 7 days and 1 day before, overdue -> the officers
  of each unit of the audience that has reported nothing for the period;
- council votes not cast: the day before the session, the day itself, after it while the session is still open
  -> each member with agenda items he has not voted on;
- decisions awaiting signature and publication (drafts): 2, 5 and 10 days after the draft was made -> the leaders
  who sign (the province's leadership for the province's decisions; the unit's leaders, else its officers); once
  the signer has signed, a province decision waits for the văn thư's step, which the Board's staff take: they are
  reminded instead, and the title says the signer has signed."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from awards.catalogue.calendar import working_days_left
from awards.enums import DossierState, SessionStatus
from awards.models import (
    AgendaItem,
    CouncilSession,
    Decision,
    DecisionSignature,
    DecisionState,
    Dossier,
    NoticeKind,
    SentReminder,
    SigningStep,
    Vote,
)
from awards.notices.record import board_staff, province_leaders, record, unit_leaders, unit_officers
from campaigns.models import Campaign, CampaignAudience, CampaignStatus, ReportPeriod, Target, TargetReport

DOSSIER_THRESHOLDS = (3, 1, 0, -1)  # working days left; -1: overdue
REPORT_THRESHOLDS = (7, 1, -1)  # days left; -1: overdue
VOTE_THRESHOLDS = (1, 0, -1)  # days to the session; -1: the session day has passed, still open
DECISION_THRESHOLDS = (2, 5, 10)  # days the draft has waited
OPEN_DOSSIER = (DossierState.RECEIVED, DossierState.REVIEWED, DossierState.IN_COUNCIL, DossierState.AWAITING_DECISION)
RUNNING = (CampaignStatus.LAUNCHED, CampaignStatus.IN_PROGRESS, CampaignStatus.PRELIMINARY_REVIEW)


def _reached_before(left: int, thresholds: Iterable[int]) -> list[int]:
    """The thresholds reached when ``left`` remain (counting down), loosest first."""
    return [t for t in thresholds if left <= t]


def _reached_after(waited: int, thresholds: Iterable[int]) -> list[int]:
    """The thresholds reached after waiting ``waited`` (counting up), loosest first."""
    return [t for t in thresholds if waited >= t]


def _once(prefix: str, reached: list[int], send) -> bool:
    """Send (``send(threshold)``) the tightest reached threshold unless its key exists; record every reached one."""
    if not reached:
        return False
    tightest = reached[-1]
    now = timezone.now()
    with transaction.atomic():
        existing = set(SentReminder.objects.filter(key__in=[f"{prefix}:{t}" for t in reached])
                       .values_list("key", flat=True))
        if f"{prefix}:{tightest}" in existing:
            return False
        try:
            with transaction.atomic():
                SentReminder.objects.bulk_create([SentReminder(key=f"{prefix}:{t}", sent_at=now) for t in reached
                                                  if f"{prefix}:{t}" not in existing])
        except IntegrityError:  # another run got there first
            return False
        send(tightest)
    return True


def run(today: datetime.date | None = None) -> Counter:
    """Every reminder due on ``today`` (default: today); returns how many reminders of each kind were sent."""
    today = today or timezone.localdate()
    sent: Counter = Counter()
    sent["dossier_due"] = dossiers_due(today)
    sent["report_due"] = reports_due(today)
    sent["vote_needed"] = votes_not_cast(today)
    sent["signature_awaited"] = decisions_waiting(today)
    return sent


def dossiers_due(today: datetime.date) -> int:
    count = 0
    staff = list(board_staff())
    dossiers = (Dossier.objects.filter(state__in=OPEN_DOSSIER, due_date__isnull=False, body__isnull=True)
                .select_related("unit").order_by("due_date", "pk"))
    for dossier in dossiers:
        left = working_days_left(today, dossier.due_date)
        due = f"{dossier.due_date:%d/%m/%Y}"

        def send(threshold: int, dossier=dossier, left=left, due=due) -> None:
            head = f"Hồ sơ {dossier.reference} của {dossier.unit.name}"
            if threshold > 0:
                title = f"{head} còn {left} ngày làm việc đến hạn giải quyết ({due})"
            elif threshold == 0:
                title = f"{head} đến hạn giải quyết hôm nay ({due})"
            else:
                title = f"{head} đã quá hạn giải quyết ({due}): {-left} ngày làm việc"
            record(NoticeKind.DOSSIER_DUE, staff, title, reverse("awards:dossier", args=[dossier.reference]),
                   f"Trạng thái: {dossier.get_state_display()}.")

        count += _once(f"dossier-due:{dossier.pk}:{dossier.due_date}", _reached_before(left, DOSSIER_THRESHOLDS),
                       send)
    return count


def reports_due(today: datetime.date) -> int:
    count = 0
    campaigns = Campaign.objects.filter(status__in=RUNNING, targets__isnull=False).distinct().order_by("pk")
    for campaign in campaigns:
        for period, deadline in ((ReportPeriod.INTERIM, campaign.interim_report_deadline),
                                 (ReportPeriod.FINAL, campaign.final_report_deadline)):
            if deadline is None or (period == ReportPeriod.INTERIM
                                    and campaign.status == CampaignStatus.PRELIMINARY_REVIEW):
                continue
            reached = _reached_before((deadline - today).days, REPORT_THRESHOLDS)
            if not reached:
                continue
            reported = set(TargetReport.objects.filter(campaign=campaign, period=period)
                           .values_list("unit_id", flat=True))
            has_targets = Target.objects.filter(campaign=campaign).exists()
            audience = (CampaignAudience.objects.filter(campaign=campaign).exclude(unit_id__in=reported)
                        .select_related("unit").order_by("unit__name"))
            for member in audience if has_targets else []:
                def send(threshold: int, unit=member.unit, period=period, deadline=deadline, campaign=campaign) -> None:
                    what = f"Báo cáo {ReportPeriod(period).label.lower()} phong trào \"{campaign.name}\""
                    if threshold >= 0:
                        title = f"{what} đến hạn ngày {deadline:%d/%m/%Y}; đơn vị chưa báo cáo"
                    else:
                        title = f"{what} đã quá hạn ngày {deadline:%d/%m/%Y}; đơn vị chưa báo cáo"
                    record(NoticeKind.REPORT_DUE, unit_officers(unit.pk), title,
                           reverse("campaigns:report", args=[campaign.code]))

                count += _once(f"report-due:{campaign.pk}:{member.unit_id}:{period}:{deadline}", reached, send)
    return count


def votes_not_cast(today: datetime.date) -> int:
    count = 0
    for session in CouncilSession.objects.filter(status=SessionStatus.OPEN).prefetch_related("members").order_by("pk"):
        reached = _reached_before((session.held_on - today).days, VOTE_THRESHOLDS)
        items = AgendaItem.objects.filter(session=session).count()
        if not reached or not items:
            continue
        voted = Counter(Vote.objects.filter(item__session=session, voided=False).values_list("member_id", flat=True))
        for member in session.members.all():
            missing = items - voted.get(member.pk, 0)
            if missing <= 0:
                continue

            def send(threshold: int, member=member, missing=missing, session=session) -> None:
                when = {1: "ngày mai", 0: "hôm nay"}.get(threshold, f"ngày {session.held_on:%d/%m/%Y}")
                title = (f"Nhắc bỏ phiếu: còn {missing} đề nghị chưa có phiếu của bạn trong phiên họp "
                         f"\"{session.title}\" ({when})")
                record(NoticeKind.VOTE_NEEDED, [member], title,
                       reverse("awards:council_session", args=[session.pk]))

            count += _once(f"vote:{session.pk}:{member.pk}", reached, send)
    return count


def _signed_by_the_signer(decision: Decision) -> bool:
    """The signer's digital signature is on the draft's current content (the văn thư's step is next)."""
    return DecisionSignature.objects.filter(decision=decision, step=SigningStep.SIGNER,
                                            content_version=decision.content_version).exists()


def decisions_waiting(today: datetime.date) -> int:
    count = 0
    for decision in (Decision.objects.filter(state=DecisionState.DRAFT).select_related("body", "body__unit")
                     .order_by("pk")):
        waited = (today - timezone.localdate(decision.created_at)).days
        reached = _reached_after(waited, DECISION_THRESHOLDS)
        if not reached:
            continue
        body = decision.body
        signed = _signed_by_the_signer(decision)
        if body is None or body.is_province:
            signers = list(board_staff()) if signed else list(province_leaders())
        else:
            signers = list(unit_leaders(body.unit_id)) or list(unit_officers(body.unit_id))

        def send(threshold: int, decision=decision, waited=waited, signers=signers, signed=signed) -> None:
            waits = "đã được ký, chờ văn thư ký phát hành" if signed else "chờ ký, ban hành"
            title = (f"Dự thảo quyết định {decision.code} ({decision.award_type.name}) {waits} đã "
                     f"{waited} ngày")
            record(NoticeKind.SIGNATURE_AWAITED, signers, title, reverse("awards:decision", args=[decision.pk]))

        count += _once(f"decision:{decision.pk}", reached, send)
    return count
