"""Hội đồng Thi đua - Khen thưởng sessions: the agenda, one live vote per member per nomination,
written votes of absent members, voiding with a reason, and the tally at closing.

The tally is a share of ALL members of the session (absent members count in the denominator), compared
in exact integer arithmetic with the award type's threshold: 17 of 19 (89.47 %) fails a 90 % rule,
18 of 19 passes."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.consultation import services as consultation
from awards.core.outbox import defer
from awards.core.permissions import is_staff
from awards.dossiers import workflow
from awards.enums import CouncilResult, DossierState, SessionStatus, Verdict, VoteChoice
from awards.models import AgendaItem, CouncilMinutesSequence, CouncilSession, Dossier, Nomination, NoticeKind, Vote
from awards.notices.record import record
from units.models import Role, User

CHANGED_MIND = "Thành viên đổi ý kiến trước khi kết thúc phiên họp"


class CouncilError(workflow.WorkflowError):
    """A council action that cannot be done; the message says why."""


def _require_staff(actor: User) -> None:
    if not is_staff(actor):
        raise CouncilError(_("Chỉ cán bộ Ban Thi đua - Khen thưởng mới chuẩn bị và điều hành phiên họp."))


def _require_open(session: CouncilSession) -> None:
    if session.status != SessionStatus.OPEN:
        raise CouncilError(_("Phiên họp đã kết thúc; không thay đổi được nữa."))


@transaction.atomic
def create_session(title: str, held_on: datetime.date, place: str, members: list[User], actor: User) -> CouncilSession:
    _require_staff(actor)
    outsiders = [m.display_name for m in members if not m.has_role(Role.COUNCIL_MEMBER)]
    if outsiders:
        raise CouncilError(_("Không phải thành viên Hội đồng: %(names)s.") % {"names": ", ".join(outsiders)})
    if not members:
        raise CouncilError(_("Phiên họp cần có thành viên Hội đồng."))
    session = CouncilSession.objects.create(title=title, held_on=held_on, place=place, created_by=actor)
    session.members.set(members)
    where = f" tại {place}" if place else ""
    record(NoticeKind.COUNCIL_OPENED, members,
           f"Phiên họp \"{title}\" ngày {held_on:%d/%m/%Y}{where} đã mở: mời thành viên Hội đồng xem chương trình",
           reverse("awards:council_session", args=[session.pk]))
    return session


def candidates() -> list[Nomination]:
    """Eligible nominations of reviewed dossiers whose award type needs the council's vote. A unit's own round is
    voted by the unit's council (``council.unit_vote``), never put on the province's agenda."""
    return list(
        Nomination.objects.filter(
            verdict=Verdict.ELIGIBLE, award_type__requires_council_vote=True,
            dossier__state__in=[DossierState.REVIEWED, DossierState.IN_COUNCIL], dossier__body__isnull=True,
        )
        .exclude(agenda_items__session__status=SessionStatus.OPEN)
        .exclude(council_result=CouncilResult.PASSED)
        .select_related("dossier", "dossier__unit", "award_type", "person", "unit", "household")
        .order_by("dossier__unit__name", "dossier_id", "position")
    )


@transaction.atomic
def add_to_agenda(session: CouncilSession, nominations: list[Nomination], actor: User, *,
                  override_reason: str = "") -> int:
    """Put nominations on the agenda; their dossiers move to "Đang trình Hội đồng" (one door). A nominee whose
    public consultation has not ended is refused unless staff give the reason to go on (recorded)."""
    _require_staff(actor)
    _require_open(session)
    blocks = consultation.council_blocks(nominations)
    if blocks and not override_reason.strip():
        raise CouncilError(_("Chưa hết thời gian lấy ý kiến nhân dân: %(names)s (đến hết ngày %(day)s). Ghi lý do "
                             "nếu vẫn đưa vào chương trình.") % {
            "names": ", ".join(n.recipient_name for n in nominations if n.pk in blocks),
            "day": f"{max(c.ends_on for c in blocks.values()):%d/%m/%Y}"})
    consultation.record_override(nominations, blocks, override_reason, actor)
    allowed = {n.pk for n in candidates()}
    refused = [n for n in nominations if n.pk not in allowed]
    if refused:
        raise CouncilError(_("Không đưa được vào chương trình: %(names)s (chưa thẩm định đủ điều kiện, không cần "
                             "bỏ phiếu, hoặc đang ở phiên họp khác).") % {
            "names": ", ".join(n.recipient_name for n in refused)})
    start = session.items.count()
    for offset, nomination in enumerate(nominations, start=1):
        AgendaItem.objects.create(session=session, nomination=nomination, position=start + offset)
    for dossier in {n.dossier_id: n.dossier for n in nominations}.values():
        fresh = Dossier.objects.get(pk=dossier.pk)
        if fresh.state == DossierState.REVIEWED:
            workflow.transition(fresh, "send_to_council", actor, note=session.title)
    if nominations:
        record(NoticeKind.VOTE_NEEDED, session.members.all(),
               f"Cần bỏ phiếu: {len(nominations)} đề nghị mới trong phiên họp \"{session.title}\"",
               reverse("awards:council_session", args=[session.pk]))
    return len(nominations)


@transaction.atomic
def cast_vote(item: AgendaItem, member: User, choice: str, actor: User | None = None) -> Vote:
    """A member votes (or staff record an absent member's written vote). A member may change the vote
    until the session closes: the old vote is voided with a reason, never deleted."""
    actor = actor or member
    session = CouncilSession.objects.select_for_update().get(pk=item.session_id)
    _require_open(session)
    if choice not in VoteChoice.values:
        raise CouncilError(_("Ý kiến không hợp lệ."))
    if not session.members.filter(pk=member.pk).exists():
        raise CouncilError(_("%(name)s không phải thành viên của phiên họp này.") % {"name": member.display_name})
    written = actor.pk != member.pk
    if written and not is_staff(actor):
        raise CouncilError(_("Chỉ thành viên tự bỏ phiếu; phiếu bằng văn bản do Ban Thi đua - Khen thưởng ghi nhận."))
    live = Vote.objects.select_for_update().filter(item=item, member=member, voided=False).first()
    if live is not None:
        if live.choice == choice and live.written == written:
            return live
        _void(live, CHANGED_MIND, actor)
    try:
        with transaction.atomic():
            return Vote.objects.create(item=item, member=member, choice=choice, written=written, recorded_by=actor)
    except IntegrityError:
        raise CouncilError(_("Thành viên này đã bỏ phiếu cho nội dung này.")) from None


def _void(vote: Vote, reason: str, actor: User) -> None:
    vote.voided, vote.void_reason, vote.voided_by, vote.voided_at = True, reason, actor, timezone.now()
    vote.save(update_fields=["voided", "void_reason", "voided_by", "voided_at"])


@transaction.atomic
def void_vote(vote: Vote, reason: str, actor: User) -> None:
    _require_staff(actor)
    _require_open(vote.item.session)
    reason = (reason or "").strip()
    if not reason:
        raise CouncilError(_("Hủy phiếu phải ghi rõ lý do."))
    if vote.voided:
        raise CouncilError(_("Phiếu này đã bị hủy trước đó."))
    _void(vote, reason, actor)


@transaction.atomic
def set_presiding(session: CouncilSession, actor: User, *, chair: User | None = None, chair_name: str = "",
                  chair_position: str = "", secretary: User | None = None, secretary_name: str = "",
                  secretary_position: str = "") -> CouncilSession:
    """Who chairs the session (chủ tọa) and who keeps the minutes (thư ký): a member of the session, or a name
    typed with its position (the thư ký is often a Ban Thi đua - Khen thưởng officer who does not vote)."""
    _require_staff(actor)
    session = CouncilSession.objects.select_for_update().get(pk=session.pk)
    _require_open(session)
    members = set(session.members.values_list("pk", flat=True))
    for person in (chair, secretary):
        if person is not None and person.pk not in members:
            raise CouncilError(_("%(name)s không phải thành viên của phiên họp này.") % {"name": person.display_name})
    if chair is not None and chair == secretary:
        raise CouncilError(_("Chủ tọa và thư ký phải là hai người khác nhau."))
    session.chair, session.secretary = chair, secretary
    session.chair_name = "" if chair else " ".join(chair_name.split())
    session.secretary_name = "" if secretary else " ".join(secretary_name.split())
    session.chair_position = " ".join(chair_position.split())
    session.secretary_position = " ".join(secretary_position.split())
    session.save(update_fields=["chair", "chair_name", "chair_position", "secretary", "secretary_name",
                                "secretary_position"])
    return session


def presiding_problem(session: CouncilSession) -> str:
    """Why the session cannot be closed yet for want of its chủ tọa or thư ký ("" when both are named)."""
    missing = [word for word, name in ((_("chủ tọa"), session.chair_display),
                                       (_("thư ký"), session.secretary_display)) if not name]
    if not missing:
        return ""
    return _("Chưa kết thúc được phiên họp: chưa có %(who)s (chọn trong thành viên Hội đồng hoặc ghi họ tên).") % {
        "who": _(" và ").join(missing)}


def allocate_minutes_number(year: int) -> int:
    """The next number of the Hội đồng's biên bản series in ``year``: gapless and distinct under concurrent
    closings (the sequence row is locked until the closing transaction ends)."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                CouncilMinutesSequence.objects.get_or_create(year=year)
        except IntegrityError:
            pass  # created by a concurrent closing a moment ago
        sequence = CouncilMinutesSequence.objects.select_for_update().get(year=year)
        sequence.last_number = F("last_number") + 1
        sequence.save(update_fields=["last_number"])
        sequence.refresh_from_db(fields=["last_number"])
        return sequence.last_number


def tally(yes: int, members: int, threshold: Decimal) -> bool:
    """Passed when yes / members >= threshold %, in integers (no rounding): 17/19 fails 90 %, 18/19 passes."""
    return members > 0 and yes * 100 >= threshold * members


@transaction.atomic
def close_session(session: CouncilSession, actor: User) -> CouncilSession:
    """Tally every item against its award type's threshold, record the result on the nominations, move
    dossiers whose votes are all in to "Chờ quyết định", number the biên bản in the Hội đồng's series of the
    meeting's year and queue its PDF. Refused while the chủ tọa or the thư ký is not named."""
    _require_staff(actor)
    updated = CouncilSession.objects.filter(pk=session.pk, status=SessionStatus.OPEN).update(
        status=SessionStatus.CLOSED, closed_at=timezone.now())
    if updated == 0:
        raise CouncilError(_("Phiên họp đã được kết thúc (có thể bởi người khác)."))
    session.refresh_from_db()
    problem = presiding_problem(session)
    if problem:
        raise CouncilError(problem)  # the transaction is rolled back: the session stays open
    year = session.held_on.year
    CouncilSession.objects.filter(pk=session.pk).update(minutes_year=year, minutes_number=allocate_minutes_number(year))
    session.refresh_from_db()
    members = session.members.count()
    items = list(session.items.select_related("nomination", "nomination__award_type", "nomination__dossier"))
    live = Vote.objects.filter(item__session=session, voided=False)
    yes_by_item: dict[int, int] = {}
    no_by_item: dict[int, int] = {}
    for item_id, choice in live.values_list("item_id", "choice"):
        target = yes_by_item if choice == VoteChoice.YES else no_by_item
        target[item_id] = target.get(item_id, 0) + 1
    for item in items:
        threshold = item.nomination.award_type.vote_threshold_pct or Decimal("100")
        item.yes_count = yes_by_item.get(item.pk, 0)
        item.no_count = no_by_item.get(item.pk, 0)
        item.member_count = members
        item.threshold_pct = threshold
        item.passed = tally(item.yes_count, members, threshold)
        item.save(update_fields=["yes_count", "no_count", "member_count", "threshold_pct", "passed"])
        nomination = item.nomination
        nomination.council_result = CouncilResult.PASSED if item.passed else CouncilResult.FAILED
        nomination.save(update_fields=["council_result"])
    for dossier_id in {item.nomination.dossier_id for item in items}:
        dossier = Dossier.objects.get(pk=dossier_id)
        waiting = dossier.nominations.filter(verdict=Verdict.ELIGIBLE, award_type__requires_council_vote=True,
                                             council_result=CouncilResult.NONE)
        if dossier.state == DossierState.IN_COUNCIL and not waiting.exists():
            workflow.transition(dossier, "close_council", actor, note=session.title)
    defer("council_minutes", {"session_id": session.pk}, key=f"council_minutes:{session.pk}")
    return session
