"""A cluster's year (cụm, khối thi đua): scoring table, self-scores, the trưởng cụm's check, the meeting's
ranking (suy tôn), the proposals the ranking and the quota generate, the election and the giao ước.

States: open -> self_scoring -> checked -> ranked -> closed. Every change goes through a function here, with
a compare-and-set on the version the user saw (``filter(pk, version).update(...)``): 0 rows means someone
else changed the year, the user is told and nothing is overwritten. Totals are computed from the scores,
never typed. Permission functions answer ``(allowed, reason)``."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from units.models import (
    ClusterCriterion,
    ClusterMembership,
    ClusterScore,
    ClusterYear,
    ClusterYearState,
    Role,
    TieBreak,
    Unit,
    User,
)
from units.templatetags.vn import num
from units.text import nfc

S = ClusterYearState
FLAG_AWARD = "co-thi-dua-ubnd-tinh"
MERIT_AWARD = "bang-khen-chu-tich-ubnd-tinh"
WOMEN_PREFERENCE_PERCENT = Decimal(70)  # NĐ 152/2025/NĐ-CP Điều 4: at equal merit, ≥ 70 % women preferred.


class ClusterError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotAllowed(ClusterError):
    """The user may not do this now; the message says why."""


class Conflict(ClusterError):
    """Someone else changed the cluster year since the user loaded the page."""


# --- who may ---------------------------------------------------------------------------------------------


def is_board(user: User) -> bool:
    return user.has_role(Role.BOARD_STAFF, Role.ADMINISTRATOR)


def is_leader_officer(user: User, cluster_year: ClusterYear) -> bool:
    return (user.has_role(Role.UNIT_OFFICER) and user.unit_id is not None
            and user.unit_id == cluster_year.leader_id)


def member_of(user: User, cluster_year: ClusterYear) -> ClusterMembership | None:
    """The user's own unit's membership in the cluster's year (unit officers only)."""
    if not user.has_role(Role.UNIT_OFFICER) or user.unit_id is None:
        return None
    return ClusterMembership.objects.filter(cluster_id=cluster_year.cluster_id, year=cluster_year.year,
                                            unit_id=user.unit_id).first()


def can_view(user: User, cluster_year: ClusterYear) -> bool:
    """Board staff, leadership and council members see every cluster year; a unit officer sees the years of
    the clusters its unit belongs to (others: 404)."""
    if is_board(user) or user.has_role(Role.LEADERSHIP, Role.COUNCIL_MEMBER):
        return True
    return member_of(user, cluster_year) is not None


def can_manage(user: User, cluster_year: ClusterYear) -> tuple[bool, str]:
    """Check scores, rank, generate the proposals, elect, close: the trưởng cụm's officer and board staff."""
    if is_board(user) or is_leader_officer(user, cluster_year):
        return True, ""
    leader = cluster_year.leader.name if cluster_year.leader_id else _("đơn vị trưởng cụm")
    return False, _("Chỉ cán bộ thi đua của %(unit)s (trưởng cụm, khối) và cán bộ Ban Thi đua - Khen thưởng mới "
                    "thực hiện được.") % {"unit": leader}


def can_self_score(user: User, cluster_year: ClusterYear) -> tuple[bool, str]:
    if member_of(user, cluster_year) is None:
        return False, _("Chỉ cán bộ thi đua của đơn vị thành viên mới tự chấm điểm cho đơn vị mình.")
    if cluster_year.state != S.SELF_SCORING:
        return False, _("Chỉ tự chấm điểm khi cụm, khối đang ở bước \"%(state)s\".") % {
            "state": S.SELF_SCORING.label}
    return True, ""


def _require_manager(user: User, cluster_year: ClusterYear) -> None:
    allowed, reason = can_manage(user, cluster_year)
    if not allowed:
        raise NotAllowed(reason)


def _require_state(cluster_year: ClusterYear, *states: str) -> None:
    if cluster_year.state not in states:
        raise NotAllowed(_("Không thực hiện được khi cụm, khối đang ở trạng thái \"%(state)s\".") % {
            "state": cluster_year.get_state_display()})


# --- compare-and-set -----------------------------------------------------------------------------------


def _claim(cluster_year: ClusterYear, expected_version: int, **fields) -> None:
    """Bump the version (and write ``fields``) only if nobody changed the year since ``expected_version``."""
    updated = ClusterYear.objects.filter(pk=cluster_year.pk, version=expected_version).update(
        version=F("version") + 1, **fields)
    if updated == 0:
        fresh = ClusterYear.objects.get(pk=cluster_year.pk)
        raise Conflict(_("Năm %(year)s của %(cluster)s vừa được người khác thay đổi (hiện ở trạng thái \"%(state)s\");"
                         " thao tác của bạn chưa được lưu. Hãy tải lại trang rồi làm lại.") % {
            "year": fresh.year, "cluster": cluster_year.cluster.name, "state": fresh.get_state_display()})
    for name, value in fields.items():
        setattr(cluster_year, name, value)
    cluster_year.version = expected_version + 1


def _claim_in_state(cluster_year: ClusterYear, state: str) -> None:
    """Members save their own rows independently: they only need the year to still be in ``state`` (two
    members saving at once never conflict); the version still moves, so the trưởng cụm's open form is stale."""
    updated = ClusterYear.objects.filter(pk=cluster_year.pk, state=state).update(version=F("version") + 1)
    if updated == 0:
        fresh = ClusterYear.objects.get(pk=cluster_year.pk)
        raise Conflict(_("Năm %(year)s của %(cluster)s vừa chuyển sang \"%(state)s\"; điểm tự chấm chưa được lưu.") % {
            "year": fresh.year, "cluster": cluster_year.cluster.name, "state": fresh.get_state_display()})
    cluster_year.version += 1


def memberships(cluster_year: ClusterYear):
    return (ClusterMembership.objects.filter(cluster_id=cluster_year.cluster_id, year=cluster_year.year)
            .select_related("unit").order_by("unit__sort_order", "unit__name"))


# --- criteria -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CriterionSpec:
    number: str
    text: str
    max_points: Decimal
    group: str = ""


@transaction.atomic
def set_criteria(cluster_year: ClusterYear, specs: Iterable[CriterionSpec], actor: User,
                 expected_version: int) -> list[ClusterCriterion]:
    """Replace the scoring table while the year is open (no score exists yet)."""
    _require_manager(actor, cluster_year)
    _require_state(cluster_year, S.OPEN)
    _claim(cluster_year, expected_version)
    cluster_year.criteria.all().delete()
    rows = []
    for position, spec in enumerate(specs, start=1):
        criterion = ClusterCriterion(cluster_year=cluster_year, number=spec.number, text=spec.text,
                                     group=spec.group, max_points=Decimal(spec.max_points), position=position)
        criterion.full_clean(exclude=["cluster_year"])
        criterion.save()
        rows.append(criterion)
    return rows


@transaction.atomic
def update_settings(cluster_year: ClusterYear, actor: User, expected_version: int, *, flag_quota: int,
                    merit_quota: int, tie_break: str, tie_break_criterion: ClusterCriterion | None,
                    submission_number: str, submission_date: datetime.date | None) -> None:
    """Quota, tie-break rule and the tờ trình's number and date, until the proposals are generated."""
    _require_manager(actor, cluster_year)
    if cluster_year.state == S.CLOSED or cluster_year.dossier_id:
        raise NotAllowed(_("Đã lập hồ sơ đề nghị: không đổi được chỉ tiêu, quy tắc xếp hạng."))
    if tie_break not in TieBreak.values:
        raise NotAllowed(_("Quy tắc xếp hạng không hợp lệ."))
    if tie_break_criterion is not None and tie_break_criterion.cluster_year_id != cluster_year.pk:
        raise NotAllowed(_("Tiêu chí ưu tiên không thuộc bảng chấm điểm của cụm, khối."))
    if flag_quota < 0 or merit_quota < 0:
        raise NotAllowed(_("Chỉ tiêu đề nghị không được âm."))
    _claim(cluster_year, expected_version, flag_quota=flag_quota, merit_quota=merit_quota, tie_break=tie_break,
           tie_break_criterion=tie_break_criterion, submission_number=nfc(submission_number),
           submission_date=submission_date)
    if cluster_year.state == S.RANKED:
        for row in ranking_rows(cluster_year):
            ClusterMembership.objects.filter(pk=row.membership.pk).update(rank=row.rank)


@transaction.atomic
def start_self_scoring(cluster_year: ClusterYear, actor: User, expected_version: int) -> None:
    _require_manager(actor, cluster_year)
    _require_state(cluster_year, S.OPEN)
    if not cluster_year.criteria.exists():
        raise NotAllowed(_("Chưa có bảng tiêu chí chấm điểm."))
    if not memberships(cluster_year).exists():
        raise NotAllowed(_("Cụm, khối chưa có đơn vị thành viên trong năm."))
    _claim(cluster_year, expected_version, state=S.SELF_SCORING)


# --- scores -------------------------------------------------------------------------------------------


def plain(value: Decimal | None) -> str:
    """A form's initial value: "38.5", never "3.85E+1"."""
    return "" if value is None else format(value.normalize(), "f")


def _points(value, criterion: ClusterCriterion) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        points = Decimal(str(value).replace(",", "."))
    except ArithmeticError:
        raise NotAllowed(_("Tiêu chí %(n)s: điểm không hợp lệ.") % {"n": criterion.number}) from None
    if not points.is_finite():
        raise NotAllowed(_("Tiêu chí %(n)s: điểm không hợp lệ.") % {"n": criterion.number})
    if points < 0:
        raise NotAllowed(_("Tiêu chí %(n)s: điểm không được âm.") % {"n": criterion.number})
    if points > criterion.max_points:
        raise NotAllowed(_("Tiêu chí %(n)s: điểm %(value)s vượt điểm tối đa %(max)s.") % {
            "n": criterion.number, "value": num(points), "max": num(criterion.max_points)})
    return points.quantize(Decimal("0.01"))


def recompute_totals(membership: ClusterMembership) -> ClusterMembership:
    """The totals are sums of the scores: a self total, and a checked total once every criterion is checked."""
    scores = ClusterScore.objects.filter(membership=membership)
    self_total = scores.aggregate(total=Sum("self_points"))["total"] or Decimal(0)
    criteria = ClusterCriterion.objects.filter(cluster_year__cluster_id=membership.cluster_id,
                                               cluster_year__year=membership.year).count()
    checked = scores.filter(checked_points__isnull=False)
    checked_total = checked.aggregate(total=Sum("checked_points"))["total"] if checked.count() == criteria else None
    ClusterMembership.objects.filter(pk=membership.pk).update(self_total=self_total, checked_total=checked_total)
    membership.self_total, membership.checked_total = self_total, checked_total
    return membership


@transaction.atomic
def save_self_scores(cluster_year: ClusterYear, actor: User, points: Mapping[int, tuple[object, str]],
                     expected_version: int, women_percent: Decimal | None = None,
                     files: Mapping[int, object] | None = None) -> ClusterMembership:
    """The officer's own unit's scores: ``points`` maps a criterion id to (points, evidence); ``files`` maps a
    criterion id to an evidence file already checked by ``awards.core.uploads.inspect_upload`` (content type set)."""
    allowed, reason = can_self_score(actor, cluster_year)
    if not allowed:
        raise NotAllowed(reason)
    membership = member_of(actor, cluster_year)
    criteria = {c.pk: c for c in cluster_year.criteria.all()}
    cleaned = {}
    for criterion_id, (value, evidence) in points.items():
        criterion = criteria.get(int(criterion_id))
        if criterion is None:
            raise NotAllowed(_("Tiêu chí không thuộc bảng chấm điểm của cụm, khối."))
        cleaned[criterion.pk] = (_points(value, criterion), nfc(evidence))
    if women_percent is not None and not (0 <= women_percent <= 100):
        raise NotAllowed(_("Tỷ lệ nữ phải từ 0 đến 100 %."))
    _claim_in_state(cluster_year, S.SELF_SCORING)
    for criterion_id, (value, evidence) in cleaned.items():
        score, _created = ClusterScore.objects.update_or_create(
            membership=membership, criterion_id=criterion_id, defaults={"self_points": value, "evidence": evidence})
        upload = (files or {}).get(criterion_id)
        if upload is not None:
            score.evidence_file.save("evidence", upload, save=False)
            score.evidence_name = nfc(getattr(upload, "original_name", "") or upload.name)
            score.evidence_type = getattr(upload, "checked_content_type", "")
            score.save(update_fields=["evidence_file", "evidence_name", "evidence_type"])
    ClusterMembership.objects.filter(pk=membership.pk).update(self_submitted_at=timezone.now(),
                                                              women_percent=women_percent)
    membership.women_percent = women_percent
    return recompute_totals(membership)


@transaction.atomic
def save_checked_scores(cluster_year: ClusterYear, actor: User, points: Mapping[tuple[int, int], object],
                        expected_version: int) -> None:
    """The trưởng cụm's scores: ``points`` maps (membership id, criterion id) to points."""
    _require_manager(actor, cluster_year)
    _require_state(cluster_year, S.SELF_SCORING)
    criteria = {c.pk: c for c in cluster_year.criteria.all()}
    members = {m.pk: m for m in memberships(cluster_year)}
    cleaned = {}
    for (membership_id, criterion_id), value in points.items():
        criterion, membership = criteria.get(int(criterion_id)), members.get(int(membership_id))
        if criterion is None or membership is None:
            raise NotAllowed(_("Điểm không thuộc cụm, khối này."))
        try:
            cleaned[(membership.pk, criterion.pk)] = _points(value, criterion)
        except NotAllowed as exc:
            raise NotAllowed(f"{membership.unit.name}: {exc.message}") from None
    _claim(cluster_year, expected_version)
    for (membership_id, criterion_id), value in cleaned.items():
        ClusterScore.objects.update_or_create(membership_id=membership_id, criterion_id=criterion_id,
                                              defaults={"checked_points": value})
    for membership in members.values():
        recompute_totals(membership)


@transaction.atomic
def finish_check(cluster_year: ClusterYear, actor: User, expected_version: int) -> None:
    _require_manager(actor, cluster_year)
    _require_state(cluster_year, S.SELF_SCORING)
    missing = [m.unit.name for m in memberships(cluster_year) if recompute_totals(m).checked_total is None]
    if missing:
        raise NotAllowed(_("Chưa chấm đủ các tiêu chí cho: %(units)s.") % {"units": "; ".join(missing)})
    _claim(cluster_year, expected_version, state=S.CHECKED)


# --- ranking -----------------------------------------------------------------------------------------


@dataclass
class RankRow:
    membership: ClusterMembership
    total: Decimal
    criterion_points: Decimal
    votes: int
    women_preferred: bool
    rank: int = 0

    @property
    def unit(self) -> Unit:
        return self.membership.unit


def _sort_key(row: RankRow, rule: str) -> tuple:
    if rule == TieBreak.VOTES_THEN_CRITERION:
        middle = (row.votes, row.criterion_points)
    elif rule == TieBreak.VOTES:
        middle = (row.votes,)
    else:
        middle = (row.criterion_points, row.votes)
    return (row.total, *middle, row.women_preferred)


def rank_rows(rows: list[RankRow], rule: str) -> list[RankRow]:
    """Order by the checked total, then the configured tie-breaks, then (the law's tie-break at equal merit)
    a collective with ≥ 70 % women first. Rows still equal share a rank (1, 2, 2, 4)."""
    ordered = sorted(rows, key=lambda r: _sort_key(r, rule), reverse=True)
    previous = None
    for index, row in enumerate(ordered, start=1):
        key = _sort_key(row, rule)
        row.rank = previous[1] if previous and previous[0] == key else index
        previous = (key, row.rank)
    return ordered


def ranking_rows(cluster_year: ClusterYear, votes: Mapping[int, int] | None = None) -> list[RankRow]:
    criterion_id = cluster_year.tie_break_criterion_id
    rows = []
    for membership in memberships(cluster_year):
        criterion_points = Decimal(0)
        if criterion_id:
            score = ClusterScore.objects.filter(membership=membership, criterion_id=criterion_id).first()
            criterion_points = (score.checked_points or Decimal(0)) if score else Decimal(0)
        women = membership.women_percent
        rows.append(RankRow(
            membership=membership, total=membership.checked_total or Decimal(0), criterion_points=criterion_points,
            votes=(votes or {}).get(membership.pk, membership.votes or 0),
            women_preferred=women is not None and women >= WOMEN_PREFERENCE_PERCENT,
        ))
    return rank_rows(rows, cluster_year.tie_break)


@transaction.atomic
def record_ranking(cluster_year: ClusterYear, actor: User, votes: Mapping[int, int], meeting_date: datetime.date,
                   meeting_place: str, attendance: str, voters: int, expected_version: int) -> list[RankRow]:
    """The meeting's vote record (số phiếu suy tôn per member) and the resulting ranking. Re-ranking is allowed
    until the proposals are generated; never after closing."""
    _require_manager(actor, cluster_year)
    _require_state(cluster_year, S.CHECKED, S.RANKED)
    if cluster_year.dossier_id:
        raise NotAllowed(_("Đã lập hồ sơ đề nghị khen thưởng từ kết quả xếp hạng: không xếp hạng lại được."))
    if meeting_date is None:
        raise NotAllowed(_("Cần ghi ngày họp suy tôn."))
    members = {m.pk: m for m in memberships(cluster_year)}
    if set(int(k) for k in votes) != set(members):
        raise NotAllowed(_("Cần ghi số phiếu suy tôn cho mọi đơn vị thành viên."))
    if voters is None or voters < 1:
        raise NotAllowed(_("Cần ghi số đại biểu bỏ phiếu."))
    for membership_id, count in votes.items():
        if count is None or int(count) < 0 or int(count) > voters:
            raise NotAllowed(_("%(unit)s: số phiếu phải từ 0 đến số đại biểu bỏ phiếu (%(n)s).") % {
                "unit": members[int(membership_id)].unit.name, "n": voters})
    _claim(cluster_year, expected_version, state=S.RANKED, meeting_date=meeting_date,
           meeting_place=nfc(meeting_place), attendance=nfc(attendance), voters=voters)
    for membership_id, count in votes.items():
        ClusterMembership.objects.filter(pk=int(membership_id)).update(votes=int(count))
    rows = ranking_rows(cluster_year)
    for row in rows:
        ClusterMembership.objects.filter(pk=row.membership.pk).update(rank=row.rank)
        row.membership.rank = row.rank
    return rows


# --- proposals ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Proposed:
    membership: ClusterMembership
    award_code: str
    rank: int


def proposals(cluster_year: ClusterYear) -> list[Proposed]:
    """Who the quota proposes: ranks 1..flag_quota for the Cờ, the next merit_quota for the Bằng khen. A tie
    across a quota boundary cannot be settled by the software: the meeting must break it."""
    rows = sorted(memberships(cluster_year).filter(rank__isnull=False), key=lambda m: (m.rank, m.unit.name))
    out = []
    limits = [(FLAG_AWARD, cluster_year.flag_quota), (MERIT_AWARD, cluster_year.merit_quota)]
    start = 0
    for code, quota in limits:
        chosen = rows[start:start + quota]
        end = start + quota
        if chosen and end < len(rows) and rows[end].rank == chosen[-1].rank:
            raise NotAllowed(_("%(a)s và %(b)s bằng nhau ở ranh giới chỉ tiêu đề nghị: cuộc họp cần suy tôn lại.") % {
                "a": chosen[-1].unit.name, "b": rows[end].unit.name})
        out += [Proposed(m, code, m.rank) for m in chosen]
        start = end
    return out


def _achievement(code: str, cluster_year: ClusterYear) -> str:
    name, year = cluster_year.cluster.name, cluster_year.year
    if code == FLAG_AWARD:
        return f"Dẫn đầu {name} năm {year}."
    return f"Có thành tích xuất sắc, được bình xét trong {name} năm {year}."


@transaction.atomic
def generate_proposals(cluster_year: ClusterYear, actor: User, expected_version: int, *, reference: str = "",
                       attach_documents: bool = True):
    """One dossier of the trưởng cụm's unit, in draft, with one nomination per proposed member (as a
    collective), award types from the quota, occasion công trạng; it then follows the normal dossier workflow
    (the leader's officer adds the báo cáo thành tích and submits it). The cluster's tờ trình and biên bản are
    attached as rendered PDFs."""
    from awards.catalogue.in_force import award_type_on
    from awards.enums import Authority, OccasionType, RecipientKind
    from awards.models import Dossier, Nomination

    _require_manager(actor, cluster_year)
    _require_state(cluster_year, S.RANKED)
    if cluster_year.dossier_id:
        raise NotAllowed(_("Hồ sơ đề nghị khen thưởng của cụm, khối đã được lập."))
    if cluster_year.leader_id is None:
        raise NotAllowed(_("Cụm, khối chưa có trưởng cụm trong năm."))
    chosen = proposals(cluster_year)
    if not chosen:
        raise NotAllowed(_("Chỉ tiêu đề nghị bằng 0: không có đề nghị nào."))
    creator = actor
    if not is_leader_officer(actor, cluster_year):
        creator = (User.objects.filter(unit_id=cluster_year.leader_id, groups__name=Role.UNIT_OFFICER,
                                       is_active=True).order_by("pk").first() or actor)
    _claim(cluster_year, expected_version)
    day = datetime.date(cluster_year.year, 12, 31)
    fields = {"reference": reference} if reference else {}
    dossier = Dossier.objects.create(
        unit_id=cluster_year.leader_id, title=f"Đề nghị khen thưởng tổng kết {cluster_year.cluster.name} năm "
                                              f"{cluster_year.year}",
        occasion=OccasionType.MERIT, year=cluster_year.year, authority=Authority.PROVINCE_CHAIR,
        submission_number=cluster_year.submission_number, submission_date=cluster_year.submission_date,
        created_by=creator, **fields,
    )
    for position, item in enumerate(chosen, start=1):
        nomination = Nomination(
            dossier=dossier, recipient_kind=RecipientKind.COLLECTIVE, unit=item.membership.unit,
            award_type=award_type_on(item.award_code, day), achievement=_achievement(item.award_code, cluster_year),
            period=f"Năm {cluster_year.year}", position=position,
        )
        nomination.full_clean()
        nomination.save()
    ClusterYear.objects.filter(pk=cluster_year.pk).update(dossier=dossier)
    cluster_year.dossier = dossier
    if attach_documents:
        attach_documents_to(cluster_year, dossier, creator)
    return dossier


def attach_documents_to(cluster_year: ClusterYear, dossier, uploader: User) -> None:
    """The cluster's tờ trình and biên bản, rendered now, as the dossier's attachments."""
    from django.core.files.base import ContentFile

    from awards.core import uploads
    from awards.enums import AttachmentKind
    from awards.models import Attachment
    from units.clusters import pdf as cluster_pdf

    vote = cluster_pdf.vote_summary(cluster_year)
    for kind, data, name in [
        (AttachmentKind.SUBMISSION, cluster_pdf.render_submission(cluster_year), "to-trinh-cum"),
        (AttachmentKind.REVIEW_MINUTES, cluster_pdf.render_minutes(cluster_year), "bien-ban-hop-cum"),
    ]:
        upload = ContentFile(data, name=f"{name}-{cluster_year.year}.pdf")
        inspected = uploads.inspect_upload(upload, len(data) + 1)
        Attachment.objects.create(
            dossier=dossier, kind=kind, file=upload, original_name=upload.name, content_type=inspected.content_type,
            size=inspected.size, sha256=inspected.sha256, uploaded_by=uploader,
            vote_result=vote if kind == AttachmentKind.REVIEW_MINUTES else "",
        )


# --- election, giao ước, closing -----------------------------------------------------------------------


@transaction.atomic
def elect(cluster_year: ClusterYear, actor: User, next_leader: Unit | None, next_deputy: Unit | None,
          covenant: str, signatories: Iterable[Unit], expected_version: int) -> None:
    """Next year's trưởng and phó cụm, and the giao ước thi đua signed for next year (at the same meeting)."""
    _require_manager(actor, cluster_year)
    _require_state(cluster_year, S.RANKED)
    member_ids = set(memberships(cluster_year).values_list("unit_id", flat=True))
    if next_leader is None or next_deputy is None:
        raise NotAllowed(_("Cần bầu cả trưởng cụm và phó cụm năm sau."))
    if next_leader.pk == next_deputy.pk:
        raise NotAllowed(_("Trưởng cụm và phó cụm phải là hai đơn vị khác nhau."))
    signatories = list(signatories)
    if any(u.pk not in member_ids for u in [next_leader, next_deputy, *signatories]):
        raise NotAllowed(_("Chỉ bầu và ký giao ước giữa các đơn vị thành viên của cụm, khối."))
    _claim(cluster_year, expected_version, next_leader=next_leader, next_deputy=next_deputy, covenant=nfc(covenant))
    cluster_year.covenant_signatories.set(signatories)


@transaction.atomic
def close(cluster_year: ClusterYear, actor: User, expected_version: int) -> ClusterYear | None:
    """End the year. The proposals must have been generated (unless the quota is zero). The elected leader and
    deputy become next year's; next year's members are this year's when none are recorded yet."""
    _require_manager(actor, cluster_year)
    if cluster_year.state == S.CLOSED:
        raise NotAllowed(_("Năm %(year)s của cụm, khối đã kết thúc.") % {"year": cluster_year.year})
    _require_state(cluster_year, S.RANKED)
    if cluster_year.flag_quota + cluster_year.merit_quota > 0 and not cluster_year.dossier_id:
        raise NotAllowed(_("Chưa lập hồ sơ đề nghị khen thưởng từ kết quả xếp hạng."))
    _claim(cluster_year, expected_version, state=S.CLOSED, closed_at=timezone.now())
    if not cluster_year.next_leader_id:
        return None
    next_year = cluster_year.year + 1
    current = memberships(cluster_year)
    later = ClusterMembership.objects.filter(cluster_id=cluster_year.cluster_id, year=next_year)
    if not later.exists():
        taken = set(ClusterMembership.objects.filter(year=next_year).values_list("unit_id", flat=True))
        ClusterMembership.objects.bulk_create([
            ClusterMembership(cluster_id=cluster_year.cluster_id, unit_id=m.unit_id, year=next_year)
            for m in current if m.unit_id not in taken])
    following, _created = ClusterYear.objects.get_or_create(cluster_id=cluster_year.cluster_id, year=next_year)
    members = set(later.values_list("unit_id", flat=True))
    if cluster_year.next_leader_id in members and cluster_year.next_deputy_id in members:
        ClusterYear.objects.filter(pk=following.pk).update(leader_id=cluster_year.next_leader_id,
                                                           deputy_id=cluster_year.next_deputy_id)
        following.refresh_from_db()
    return following
