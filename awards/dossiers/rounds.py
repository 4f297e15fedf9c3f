"""What a unit's own round adds to a dossier: the titles its body already gave (flagged like duplicates), a new
list started from last year's, and the unit decisions a dossier sent to the province may cite.

A round is a dossier addressed to the head of a unit (``Dossier.body``); its moves are the round table of
``awards.dossiers.workflow``; its decision is the body's (``awards.decisions``)."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Max, QuerySet

from awards.dossiers.services import offered_award_types
from awards.enums import BodyKind, DossierState
from awards.models import Award, Decision, DecisionState, Dossier, Nomination
from units.models import Unit, User
from units.scope import recipient_scope
from units.selectors import subtree_ids


def award_key(award: Award) -> str:
    """``Nomination.recipient_key`` of an award's recipient ("" when it cannot be known)."""
    if award.person_id:
        return f"person:{award.person_id}"
    if award.household_id:
        return f"household:{award.household_id}"
    if award.nomination_id:
        return award.nomination.recipient_key
    return f"unit:{award.unit_id}" if award.unit_id else ""


def prior_awards(nominations: list[Nomination]) -> dict[int, list[Award]]:
    """For the nominations of rounds: the awards the same body (any version of the head of the same unit) already
    gave the same recipient, same title, same achievement year, not revoked, other than the nomination's own award.
    Nomination id -> those awards (only nominations that have some). Province dossiers are left out."""
    rounds = [n for n in nominations if n.dossier.body_id]
    if not rounds:
        return {}
    awards = (Award.objects.filter(revoked=False, body__unit_id__in={n.dossier.body.unit_id for n in rounds},
                                   award_code__in={n.award_type.code for n in rounds},
                                   achievement_year__in={n.dossier.year for n in rounds})
              .select_related("nomination", "body"))
    index: dict[tuple, list[Award]] = defaultdict(list)
    for award in awards:
        index[(award.body.unit_id, award.award_code, award.achievement_year, award_key(award))].append(award)
    found = {}
    for n in rounds:
        key = (n.dossier.body.unit_id, n.award_type.code, n.dossier.year, n.recipient_key)
        others = [award for award in index.get(key, []) if award.nomination_id != n.pk]
        if others:
            found[n.pk] = others
    return found


def copy_previous_year(dossier: Dossier, actor: User) -> tuple[int, int]:
    """"Bắt đầu từ danh sách năm trước": add to ``dossier`` (a round) last year's nominees of the same unit to the
    same head (any version of its body), for the titles the body may still decide, without their achievement text.
    Recipients no longer in the officer's scope, and titles no longer offered, are left out. Returns (copied, left
    out); a recipient already in the dossier for the same title is neither copied nor counted."""
    if not dossier.body_id:
        return 0, 0
    offered = {award.code: award for award in offered_award_types(dossier)}
    scope = recipient_scope(actor, dossier.unit)
    previous = (Nomination.objects.filter(dossier__body__unit_id=dossier.body.unit_id, dossier__unit_id=dossier.unit_id,
                                          dossier__year=dossier.year - 1)
                .exclude(dossier__state=DossierState.WITHDRAWN)
                .select_related("award_type", "person", "household")
                .order_by("dossier__created_at", "dossier_id", "position", "pk"))
    present = set(dossier.nominations.values_list("recipient_key", "award_type__code"))
    position = dossier.nominations.aggregate(last=Max("position"))["last"] or 0
    copied = left_out = 0
    for old in previous:
        key = (old.recipient_key, old.award_type.code)  # same proposing unit: same key
        if key in present:
            continue
        award = offered.get(old.award_type.code)
        unit_id = (old.person.unit_id if old.person_id else old.household.commune_id if old.household_id
                   else old.unit_id)
        if award is None or (unit_id is not None and not scope.allows(unit_id)):
            left_out += 1
            continue
        position += 1
        Nomination.objects.create(
            dossier=dossier, recipient_kind=old.recipient_kind, unit_id=old.unit_id,
            collective_name=old.collective_name, person_id=old.person_id, household_id=old.household_id,
            award_type=award, position=position)
        present.add(key)
        copied += 1
    return copied, left_out


def citable_decisions(unit: Unit) -> QuerySet[Decision]:
    """The unit decisions a dossier of ``unit`` sent to the province may cite: published decisions of the heads of
    ``unit``, of the units below it and of the units above it below the province (a school's dossier cites the
    Giám đốc Sở's Chiến sĩ thi đua cơ sở)."""
    ids = set(subtree_ids(unit.pk))
    node = unit.parent
    while node is not None and node.pk not in ids:
        ids.add(node.pk)
        node = node.parent
    return (Decision.objects.filter(state=DecisionState.PUBLISHED, body__unit_id__in=ids)
            .exclude(body__kind=BodyKind.PROVINCE).select_related("body", "award_type")
            .order_by("-decided_on", "-number"))
