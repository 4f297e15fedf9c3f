"""Read-side queries for units and clusters."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from units.models import ClusterMembership, ClusterYear, EmulationCluster, Unit
from units.search import search, vietnamese_order


@dataclass
class TreeNode:
    unit: Unit
    children: list[TreeNode] = field(default_factory=list)
    matched: bool = True


def unit_tree(on: datetime.date | None, query: str = "", kind: str = "") -> list[TreeNode]:
    """The unit forest active on ``on`` (all dates when None), in two queries.

    With a search or kind filter, matching units are shown with their ancestors for context."""
    units = Unit.objects.all()
    if on is not None:
        units = units.active_on(on)
    units = list(units.order_by("sort_order", vietnamese_order("name")))
    nodes = {u.pk: TreeNode(u) for u in units}
    if query or kind:
        matching = Unit.objects.filter(pk__in=nodes)
        if kind:
            matching = matching.filter(kind=kind)
        # Other names count too ("UBND xã Hiệp Hạ", "Ủy ban nhân dân xã Hiệp Hạ": units.models_aliases).
        matched_ids = set(search(matching, ["name", "short_name", "aliases__name"], query).values_list("pk", flat=True))
        keep = set()
        for pk in matched_ids:
            node = nodes[pk]
            while node is not None and node.unit.pk not in keep:
                keep.add(node.unit.pk)
                node = nodes.get(node.unit.parent_id)
        for pk, node in nodes.items():
            node.matched = pk in matched_ids
        nodes = {pk: node for pk, node in nodes.items() if pk in keep}
    successor_of = _active_successors(set(nodes)) if on is not None else {}
    roots: list[TreeNode] = []
    for node in nodes.values():
        parent = nodes.get(node.unit.parent_id) or nodes.get(successor_of.get(node.unit.parent_id))
        (parent.children if parent else roots).append(node)
    return roots


def _active_successors(active_ids: set[int]) -> dict[int, int]:
    """Ended unit id -> the id of an active unit formed from it (a village whose commune was merged in
    2025 is shown under the new commune). One query."""
    links = Unit.predecessors.through.objects.filter(from_unit_id__in=active_ids).values_list(
        "to_unit_id", "from_unit_id"
    )
    return {predecessor: successor for predecessor, successor in links}


def membership_years() -> list[int]:
    return list(ClusterMembership.objects.values_list("year", flat=True).distinct().order_by("-year"))


@dataclass
class ClusterRow:
    cluster: EmulationCluster
    members: list[Unit]
    leader: Unit | None
    deputy: Unit | None


def clusters_in_year(year: int) -> list[ClusterRow]:
    """Every cluster with members in ``year``, its members and its leaders, in three queries."""
    memberships = (
        ClusterMembership.objects.filter(year=year)
        .select_related("unit")
        .order_by("unit__sort_order", vietnamese_order("unit__name"))
    )
    members_by_cluster: dict[int, list[Unit]] = defaultdict(list)
    for membership in memberships:
        members_by_cluster[membership.cluster_id].append(membership.unit)
    leadership = {
        cy.cluster_id: cy
        for cy in ClusterYear.objects.filter(year=year).select_related("leader", "deputy")
    }
    rows = []
    for cluster in EmulationCluster.objects.filter(pk__in=members_by_cluster).order_by("sort_order", "name"):
        cy = leadership.get(cluster.pk)
        rows.append(
            ClusterRow(
                cluster=cluster,
                members=members_by_cluster[cluster.pk],
                leader=cy.leader if cy else None,
                deputy=cy.deputy if cy else None,
            )
        )
    return rows


def cluster_history(cluster: EmulationCluster) -> list[tuple[int, list[Unit], ClusterYear | None]]:
    years = {
        cy.year: cy for cy in cluster.years.select_related("leader", "deputy")
    }
    by_year: dict[int, list[Unit]] = defaultdict(list)
    for membership in cluster.memberships.select_related("unit").order_by("unit__sort_order", "unit__name"):
        by_year[membership.year].append(membership.unit)
    return [(year, by_year.get(year, []), years.get(year)) for year in sorted(set(by_year) | set(years), reverse=True)]


def unit_with_relations(pk: int) -> QuerySet:
    return Unit.objects.select_related("parent", "parent__parent").prefetch_related(
        Prefetch("children", queryset=Unit.objects.order_by("sort_order", "name")),
        "predecessors",
        "successors",
        Prefetch("cluster_memberships", queryset=ClusterMembership.objects.select_related("cluster").order_by("-year")),
    ).filter(pk=pk)


def subtree_ids(unit_id: int) -> list[int]:
    """The unit and every unit below it, the unit first: an officer answers for his unit's sub-units too."""
    scope, frontier = [unit_id], [unit_id]
    while frontier:
        frontier = list(Unit.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        scope += frontier
    return scope

