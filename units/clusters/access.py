"""Who may do what in a cluster's year (cụm, khối thi đua), and the members of the year.

Permission functions answer ``(allowed, reason)``; ``require_*`` raise ``NotAllowed`` with the reason."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from awards.core.state_machine import NotAllowed
from units.models import ClusterMembership, ClusterYear, ClusterYearState, Role, User

S = ClusterYearState


def is_board(user: User) -> bool:
    return user.has_role(Role.BOARD_STAFF, Role.ADMINISTRATOR)


def is_leader_officer(user: User, cluster_year: ClusterYear) -> bool:
    return (user.has_role(Role.UNIT_OFFICER) and user.unit_id is not None
            and user.unit_id == cluster_year.leader_id)


def memberships(cluster_year: ClusterYear) -> QuerySet[ClusterMembership]:
    return (ClusterMembership.objects.filter(cluster_id=cluster_year.cluster_id, year=cluster_year.year)
            .select_related("unit").order_by("unit__sort_order", "unit__name"))


def member_of(user: User, cluster_year: ClusterYear) -> ClusterMembership | None:
    """The user's own unit's membership in the cluster's year (unit officers only)."""
    if not user.has_role(Role.UNIT_OFFICER) or user.unit_id is None:
        return None
    return ClusterMembership.objects.filter(cluster_id=cluster_year.cluster_id, year=cluster_year.year,
                                            unit_id=user.unit_id).first()


def can_view(user: User, cluster_year: ClusterYear) -> bool:
    """Board staff, leadership and council members see every cluster year; a unit officer sees the years of
    the clusters its unit belongs to (others: 404)."""
    if is_board(user) or user.is_province_leader or user.has_role(Role.COUNCIL_MEMBER):
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


def wrong_state(cluster_year: ClusterYear) -> str:
    return _("Không thực hiện được khi cụm, khối đang ở trạng thái \"%(state)s\".") % {
        "state": cluster_year.get_state_display()}


def require_manager(user: User, cluster_year: ClusterYear) -> None:
    allowed, reason = can_manage(user, cluster_year)
    if not allowed:
        raise NotAllowed(reason)


def require_state(cluster_year: ClusterYear, *states: str) -> None:
    if cluster_year.state not in states:
        raise NotAllowed(wrong_state(cluster_year))
