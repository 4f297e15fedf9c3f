"""A cluster year's ranking: the suy tôn meeting's votes, the order by the checked totals and the tie-break
rules, the settings the ranking follows (quota, tie-break, the tờ trình's number and date), and who the quota
proposes. The PDFs and the generated dossier read the ranking from here."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from awards.core.state_machine import NotAllowed
from units.clusters import workflow
from units.clusters.access import memberships, require_manager
from units.models import (
    ClusterCriterion,
    ClusterMembership,
    ClusterScore,
    ClusterYear,
    ClusterYearState,
    TieBreak,
    Unit,
    User,
)
from units.text import nfc

S = ClusterYearState
FLAG_AWARD = "co-thi-dua-ubnd-tinh"
MERIT_AWARD = "bang-khen-chu-tich-ubnd-tinh"
WOMEN_PREFERENCE_PERCENT = Decimal(70)  # at equal merit, a collective with ≥ 70 % women is preferred
# Where that rule is written, by the day it is applied (docs/legal-sources.md): NĐ 98/2023/NĐ-CP Điều 4 from
# 01/01/2024, NĐ 152/2025/NĐ-CP Điều 4 from 01/7/2025. Before 2024 the same preference is reported under the
# 2003 law and its guidance, but the article was not found: nothing is cited.
WOMEN_PREFERENCE_BASES = (
    (datetime.date(2025, 7, 1), "Nghị định số 152/2025/NĐ-CP, Điều 4"),
    (datetime.date(2024, 1, 1), "Nghị định số 98/2023/NĐ-CP, Điều 4"),
)


def women_preference_basis(day: datetime.date) -> str:
    """The text that lays down the women preference on ``day`` ("" before 2024: no article found)."""
    return next((text for start, text in WOMEN_PREFERENCE_BASES if day >= start), "")


def review_day(cluster_year: ClusterYear) -> datetime.date:
    """The day the year's ranking is (or will be) made: the suy tôn meeting, else the year's last day."""
    return cluster_year.meeting_date or datetime.date(cluster_year.year, 12, 31)


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
    workflow.require(actor, "record_ranking", cluster_year)
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
    workflow.transition(cluster_year, "record_ranking", actor, expected_version, fields={
        "meeting_date": meeting_date, "meeting_place": nfc(meeting_place), "attendance": nfc(attendance),
        "voters": voters})
    for membership_id, count in votes.items():
        ClusterMembership.objects.filter(pk=int(membership_id)).update(votes=int(count))
    rows = ranking_rows(cluster_year)
    for row in rows:
        ClusterMembership.objects.filter(pk=row.membership.pk).update(rank=row.rank)
        row.membership.rank = row.rank
    return rows


@transaction.atomic
def update_settings(cluster_year: ClusterYear, actor: User, expected_version: int, *, flag_quota: int,
                    merit_quota: int, tie_break: str, tie_break_criterion: ClusterCriterion | None,
                    submission_number: str, submission_date: datetime.date | None, signer_name: str | None = None,
                    signer_title: str | None = None, secretary_name: str | None = None) -> None:
    """Quota, tie-break rule, the tờ trình's number and date and who signs the cluster's papers (the trưởng cụm's
    name and title, the meeting's thư ký; None leaves one as it is), until the proposals are generated."""
    require_manager(actor, cluster_year)
    if cluster_year.state == S.CLOSED or cluster_year.dossier_id:
        raise NotAllowed(_("Đã lập hồ sơ đề nghị: không đổi được chỉ tiêu, quy tắc xếp hạng."))
    if tie_break not in TieBreak.values:
        raise NotAllowed(_("Quy tắc xếp hạng không hợp lệ."))
    if tie_break_criterion is not None and tie_break_criterion.cluster_year_id != cluster_year.pk:
        raise NotAllowed(_("Tiêu chí ưu tiên không thuộc bảng chấm điểm của cụm, khối."))
    if flag_quota < 0 or merit_quota < 0:
        raise NotAllowed(_("Chỉ tiêu đề nghị không được âm."))
    people = {name: " ".join(nfc(value).split()) for name, value in (
        ("signer_name", signer_name), ("signer_title", signer_title), ("secretary_name", secretary_name))
        if value is not None}
    workflow.claim(cluster_year, expected_version, flag_quota=flag_quota, merit_quota=merit_quota,
                   tie_break=tie_break, tie_break_criterion=tie_break_criterion,
                   submission_number=nfc(submission_number), submission_date=submission_date, **people)
    if cluster_year.state == S.RANKED:
        for row in ranking_rows(cluster_year):
            ClusterMembership.objects.filter(pk=row.membership.pk).update(rank=row.rank)


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
