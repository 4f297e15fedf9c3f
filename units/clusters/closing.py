"""The end of a cluster's year: the election of next year's trưởng and phó cụm with the giao ước signed at the
same meeting, and closing the year (which opens the next one with the elected leader and deputy)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _

from awards.core.state_machine import NotAllowed
from units.clusters import workflow
from units.clusters.access import memberships, require_manager, require_state
from units.models import ClusterMembership, ClusterYear, ClusterYearState, Unit, User
from units.text import nfc

S = ClusterYearState


@transaction.atomic
def elect(cluster_year: ClusterYear, actor: User, next_leader: Unit | None, next_deputy: Unit | None,
          covenant: str, signatories: Iterable[Unit], expected_version: int) -> None:
    """Next year's trưởng and phó cụm, and the giao ước thi đua signed for next year (at the same meeting)."""
    require_manager(actor, cluster_year)
    require_state(cluster_year, S.RANKED)
    member_ids = set(memberships(cluster_year).values_list("unit_id", flat=True))
    if next_leader is None or next_deputy is None:
        raise NotAllowed(_("Cần bầu cả trưởng cụm và phó cụm năm sau."))
    if next_leader.pk == next_deputy.pk:
        raise NotAllowed(_("Trưởng cụm và phó cụm phải là hai đơn vị khác nhau."))
    signatories = list(signatories)
    if any(u.pk not in member_ids for u in [next_leader, next_deputy, *signatories]):
        raise NotAllowed(_("Chỉ bầu và ký giao ước giữa các đơn vị thành viên của cụm, khối."))
    workflow.claim(cluster_year, expected_version, next_leader=next_leader, next_deputy=next_deputy,
                   covenant=nfc(covenant))
    cluster_year.covenant_signatories.set(signatories)


@transaction.atomic
def close(cluster_year: ClusterYear, actor: User, expected_version: int) -> ClusterYear | None:
    """End the year. The proposals must have been generated (unless the quota is zero). The elected leader and
    deputy become next year's; next year's members are this year's when none are recorded yet. Returns next
    year's cluster year (None when nobody was elected)."""
    workflow.transition(cluster_year, "close", actor, expected_version)
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
