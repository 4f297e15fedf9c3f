"""A whole unit round in one call, through the same doors the pages use: for seeding demo rounds (a Sở's or a
commune's Lao động tiên tiến, Chiến sĩ thi đua cơ sở, Giấy khen of a year) and for tests.

``run_round(body, proposer, year, nominees, ...)`` creates the proposer's list addressed to ``body``, sends it up
(or, for the body's own unit, puts it up for review), receives it, finds every nomination eligible, records the
unit council's vote when an award type needs one, drafts one decision per award type from the body's series and
publishes it, which writes the Award rows and moves the round to "decided". Every step is the workflow's or a
service's: a refusal (an award the body may not decide that year, an eligibility block, a vote below the
threshold) stops the round with that service's own message."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction

from awards.catalogue.in_force import award_type_on
from awards.catalogue.powers import may_decide
from awards.council.unit_vote import record_unit_vote, voting_nominations
from awards.decisions import issuing
from awards.decisions import services as decisions
from awards.dossiers import workflow
from awards.dossiers.services import dossier_day, is_own_list, offered_award_types, set_verdict
from awards.enums import OccasionType, RecipientKind, Verdict
from awards.models import Decision, Dossier, IssuingBody, Nomination, Signer
from awards.record.eligibility import claims
from awards.record.eligibility.results import ELIGIBLE
from units.models import Household, Person, Unit, User


@dataclass(frozen=True)
class Nominee:
    """One line of a round's list: a person, a unit, a named collective or a household, and the award's code."""

    award_code: str
    person: Person | None = None
    unit: Unit | None = None
    collective_name: str = ""
    household: Household | None = None
    achievement: str = ""


@dataclass(frozen=True)
class Meeting:
    """The unit council's meeting (when an award of the round needs a vote): ``yes`` is the yes count of every
    nomination voted on, unless ``yes_by_name`` gives a recipient's own."""

    held_on: datetime.date
    member_count: int
    present_count: int
    chair_name: str
    secretary_name: str
    yes: int
    yes_by_name: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class People:
    """Who acts: the proposer's officer, the body's officer (the same person for the body's own list) and the body's
    publisher (a leader, or the body's officer when the unit has no leadership account)."""

    proposer_officer: User
    body_officer: User
    publisher: User


def _nomination(dossier: Dossier, nominee: Nominee, position: int, offered: dict) -> Nomination:
    award = offered.get(nominee.award_code)
    if award is None:
        day = dossier_day(dossier)
        raise decisions.DecisionError(may_decide(dossier.body, award_type_on(nominee.award_code, day), day)[1])
    kind = (RecipientKind.INDIVIDUAL if nominee.person else RecipientKind.HOUSEHOLD if nominee.household
            else RecipientKind.COLLECTIVE)
    return Nomination.objects.create(
        dossier=dossier, recipient_kind=kind, person=nominee.person, household=nominee.household,
        unit=nominee.unit if not nominee.collective_name else None, collective_name=nominee.collective_name,
        award_type=award, achievement=nominee.achievement, position=position)


@transaction.atomic
def run_round(body: IssuingBody, proposer: Unit, year: int, nominees: list[Nominee], people: People, *,
              signer: Signer, decided_on: datetime.date, reason: str, meeting: Meeting | None = None,
              title: str = "", submission_number: str = "", submission_date: datetime.date | None = None,
              judgement: str = "", bonus_enabled: bool = True,
              prepare: Callable[[Dossier], None] | None = None) -> list[Decision]:
    """Play one round to its published decisions (one per award type) and return them. ``prepare`` is called with
    the new dossier before it is sent (to attach the documents its award types require: tờ trình, báo cáo thành
    tích, biên bản). ``judgement``, when given, is the body's officer's recorded reason for concluding "eligible"
    where the automatic check blocks (a criterion the record cannot show, e.g. an initiative recognised on paper)."""
    dossier = Dossier.objects.create(
        unit=proposer, body=body, authority=body.authority, year=year, occasion=OccasionType.MERIT,
        title=title or f"Đề nghị khen thưởng năm {year} trình {body.head_title}", created_by=people.proposer_officer,
        submission_number=submission_number, submission_date=submission_date)
    offered = {award.code: award for award in offered_award_types(dossier)}
    for position, nominee in enumerate(nominees, start=1):
        _nomination(dossier, nominee, position, offered)
    if prepare is not None:
        prepare(dossier)
    if judgement:
        for pk, result in claims.evaluate_dossier(dossier).items():
            if result.hard_unmet:
                claims.override(Nomination.objects.get(pk=pk), ELIGIBLE, judgement, people.body_officer)
    if is_own_list(dossier):
        workflow.transition(dossier, "open_review", people.body_officer)
    else:
        workflow.transition(dossier, "submit", people.proposer_officer)
        workflow.transition(dossier, "receive", people.body_officer)
    for nomination in dossier.nominations.all():
        set_verdict(nomination, Verdict.ELIGIBLE, "", people.body_officer)
    workflow.transition(dossier, "complete_review", people.body_officer)
    voted = voting_nominations(dossier)
    if voted:
        if meeting is None:
            raise decisions.DecisionError(f"{voted[0].award_type.name}: cần kết quả họp Hội đồng Thi đua - Khen "
                                          "thưởng của đơn vị.")
        record_unit_vote(dossier, people.body_officer, held_on=meeting.held_on, member_count=meeting.member_count,
                         present_count=meeting.present_count, chair_name=meeting.chair_name,
                         secretary_name=meeting.secretary_name,
                         yes_counts={n.pk: meeting.yes_by_name.get(n.recipient_name, meeting.yes) for n in voted})
    else:
        workflow.transition(dossier, "mark_ready", people.body_officer)
    groups: dict[int, list[Nomination]] = defaultdict(list)
    for nomination in decisions.ready_nominations(body).filter(dossier=dossier):
        groups[nomination.award_type_id].append(nomination)
    made = []
    for items in groups.values():
        decision = decisions.draft_decision(items, people.body_officer, decided_on, signer, reason,
                                            bonus_enabled=bonus_enabled, body=body)
        issuing.issue_with_demo_keys(decision, people.publisher)
        made.append(Decision.objects.get(pk=decision.pk))
    return made
