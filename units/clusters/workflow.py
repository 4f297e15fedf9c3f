"""The states of a cluster's year: open -> self_scoring -> checked -> ranked -> closed.

The moves are one plain table (``MOVES``) run by ``awards.core.state_machine``: who may (the trưởng cụm's
officer and board staff), from which states, the guard, a compare-and-set on the state and the version the
user saw (0 rows = someone else changed the year: the user is told, nothing is overwritten) and an
append-only ``ClusterYearTransition``. The step services (``scoring.start_self_scoring``,
``scoring.finish_check``, ``ranking.record_ranking``, ``closing.close``) pass through ``transition``; edits
that keep the state (criteria, settings, scores, proposals, election) go through ``claim``."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from awards.core.state_machine import History, Machine, Move, Texts, table
from units.clusters.access import can_manage, memberships, wrong_state
from units.models import ClusterYear, ClusterYearState, ClusterYearTransition, User

S = ClusterYearState


def _guard_start(cluster_year: ClusterYear) -> list[str]:
    if not cluster_year.criteria.exists():
        return [_("Chưa có bảng tiêu chí chấm điểm.")]
    if not memberships(cluster_year).exists():
        return [_("Cụm, khối chưa có đơn vị thành viên trong năm.")]
    return []


def _guard_checked(cluster_year: ClusterYear) -> list[str]:
    missing = [m.unit.name for m in memberships(cluster_year) if m.checked_total is None]
    if missing:
        return [_("Chưa chấm đủ các tiêu chí cho: %(units)s.") % {"units": "; ".join(missing)}]
    return []


def _guard_not_proposed(cluster_year: ClusterYear) -> list[str]:
    if cluster_year.dossier_id:
        return [_("Đã lập hồ sơ đề nghị khen thưởng từ kết quả xếp hạng: không xếp hạng lại được.")]
    return []


def _guard_proposed(cluster_year: ClusterYear) -> list[str]:
    if cluster_year.flag_quota + cluster_year.merit_quota > 0 and not cluster_year.dossier_id:
        return [_("Chưa lập hồ sơ đề nghị khen thưởng từ kết quả xếp hạng.")]
    return []


MOVES: dict[str, Move[ClusterYear]] = table(
    Move("start_self_scoring", gettext_lazy("Mở bước tự chấm điểm"), frozenset({S.OPEN}), S.SELF_SCORING,
         permission=can_manage, guard=_guard_start),
    Move("finish_check", gettext_lazy("Hoàn thành chấm điểm"), frozenset({S.SELF_SCORING}), S.CHECKED,
         permission=can_manage, guard=_guard_checked),
    # Re-ranking is allowed until the proposals are generated.
    Move("record_ranking", gettext_lazy("Ghi kết quả họp suy tôn"), frozenset({S.CHECKED, S.RANKED}), S.RANKED,
         permission=can_manage, guard=_guard_not_proposed),
    Move("close", gettext_lazy("Kết thúc năm"), frozenset({S.RANKED}), S.CLOSED, permission=can_manage,
         guard=_guard_proposed),
)


def _wrong_state(move: Move[ClusterYear], cluster_year: ClusterYear) -> str:
    if move.action == "close" and cluster_year.state == S.CLOSED:
        return _("Năm %(year)s của cụm, khối đã kết thúc.") % {"year": cluster_year.year}
    return wrong_state(cluster_year)


def _conflict(fresh: ClusterYear) -> str:
    return _("Năm %(year)s của %(cluster)s vừa được người khác thay đổi (hiện ở trạng thái \"%(state)s\"); thao "
             "tác của bạn chưa được lưu. Hãy tải lại trang rồi làm lại.") % {
        "year": fresh.year, "cluster": fresh.cluster.name, "state": fresh.get_state_display()}


def _self_scores_conflict(fresh: ClusterYear) -> str:
    return _("Năm %(year)s của %(cluster)s vừa chuyển sang \"%(state)s\"; điểm tự chấm chưa được lưu.") % {
        "year": fresh.year, "cluster": fresh.cluster.name, "state": fresh.get_state_display()}


def _stamp(move: Move[ClusterYear], cluster_year: ClusterYear, now: datetime.datetime) -> dict[str, Any]:
    return {"closed_at": now} if move.target == S.CLOSED else {}


MACHINE: Machine[ClusterYear] = Machine(
    model=ClusterYear,
    moves=MOVES,
    texts=Texts(
        wrong_state=_wrong_state,
        conflict=_conflict,
    ),
    history=History(ClusterYearTransition, "cluster_year"),
    version_field="version",
    stamp=_stamp,
)


def can(user: User, action: str, cluster_year: ClusterYear) -> tuple[bool, str]:
    """May ``user`` make the move ``action`` on the year now? The reason says why not."""
    return MACHINE.can(user, action, cluster_year)


def require(user: User, action: str, cluster_year: ClusterYear) -> None:
    """``NotAllowed`` unless ``can``: for a step that checks its own input after who may and the state."""
    MACHINE.require(user, action, cluster_year)


def transition(cluster_year: ClusterYear, action: str, actor: User, expected_version: int,
               fields: Mapping[str, Any] | None = None) -> ClusterYear:
    """Move the year by ``action`` if nobody changed it since ``expected_version``; ``fields`` are written in the
    same update. The year is reloaded."""
    return MACHINE.transition(cluster_year, action, actor, expected_version=expected_version, fields=fields)


def claim(cluster_year: ClusterYear, expected_version: int, **fields: Any) -> None:
    """An edit that keeps the state: bump the version (and write ``fields``) only if nobody changed the year
    since ``expected_version``."""
    MACHINE.claim(cluster_year, expected_version, fields=fields)


def claim_in_state(cluster_year: ClusterYear, state: str) -> None:
    """Members save their own rows independently: they only need the year to still be in ``state`` (two
    members saving at once never conflict); the version still moves, so the trưởng cụm's open form is stale."""
    MACHINE.claim(cluster_year, in_state=state, conflict=_self_scores_conflict)
