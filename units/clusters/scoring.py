"""A cluster year's scoring: the criteria table (while open), opening self-scoring, the members' self-scores,
the trưởng cụm's checked scores and finishing the check. Totals are computed from the scores, never typed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.core.state_machine import NotAllowed
from units.clusters import workflow
from units.clusters.access import can_self_score, member_of, memberships, require_manager, require_state
from units.models import ClusterCriterion, ClusterMembership, ClusterScore, ClusterYear, ClusterYearState, User
from units.templatetags.vn import num
from units.text import nfc

S = ClusterYearState


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
    require_manager(actor, cluster_year)
    require_state(cluster_year, S.OPEN)
    workflow.claim(cluster_year, expected_version)
    cluster_year.criteria.all().delete()
    rows = []
    for position, spec in enumerate(specs, start=1):
        criterion = ClusterCriterion(cluster_year=cluster_year, number=spec.number, text=spec.text,
                                     group=spec.group, max_points=Decimal(spec.max_points), position=position)
        criterion.full_clean(exclude=["cluster_year"])
        criterion.save()
        rows.append(criterion)
    return rows


def start_self_scoring(cluster_year: ClusterYear, actor: User, expected_version: int) -> ClusterYear:
    """Open self-scoring: the table and the members are set."""
    return workflow.transition(cluster_year, "start_self_scoring", actor, expected_version)


def plain(value: Decimal | None) -> str:
    """A form's initial value: "38.5", never "3.85E+1"."""
    return "" if value is None else format(value.normalize(), "f")


def _points(value: object, criterion: ClusterCriterion) -> Decimal | None:
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
    workflow.claim_in_state(cluster_year, S.SELF_SCORING)
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
    require_manager(actor, cluster_year)
    require_state(cluster_year, S.SELF_SCORING)
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
    workflow.claim(cluster_year, expected_version)
    for (membership_id, criterion_id), value in cleaned.items():
        ClusterScore.objects.update_or_create(membership_id=membership_id, criterion_id=criterion_id,
                                              defaults={"checked_points": value})
    for membership in members.values():
        recompute_totals(membership)


@transaction.atomic
def finish_check(cluster_year: ClusterYear, actor: User, expected_version: int) -> ClusterYear:
    """The trưởng cụm has checked every member on every criterion: on to the suy tôn meeting."""
    for membership in memberships(cluster_year):
        recompute_totals(membership)  # the guard reads the totals: the sums of the scores as they are now
    return workflow.transition(cluster_year, "finish_check", actor, expected_version)
