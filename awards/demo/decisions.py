"""The award figures of the two articles, as real records made by the product's own services.

Every dossier is built by a unit officer, submitted, received and appraised by ``bantdkt``; Cờ thi đua goes
through a council session; provincial awards are written by drafted and published decisions, central ones by
forwarded dossiers whose central decisions are recorded. Counts reproduced (``Award`` rows):

* 2019 (tổng kết 31/10/2019): Bằng khen of the Chủ tịch UBND tỉnh for 27 tập thể, 24 cá nhân and 02 hộ gia
  đình, one decision dated 31/10/2019 signed by Chủ tịch Phạm Ngọc Thưởng (he handed the Bằng khen).
* 2020 (conference of 06/02/2021): 04 tập thể with Huân chương Lao động (1 Nhất, 1 Nhì, 2 Ba; thành tích
  2015 - 2019, so the dossiers are of achievement year 2019); 16 tập thể, cá nhân (9 + 7) with Bằng khen of
  the Thủ tướng; 36 tập thể with Cờ thi đua of the UBND tỉnh (signed by Chủ tịch Hồ Tiến Thiệu, who handed
  them); 29 tập thể with Bằng khen of the UBND tỉnh from the cụm, khối reviews (signed KT. Chủ tịch by Phó
  Chủ tịch Dương Xuân Huyên, who handed them). Every decision is dated in 2020, so they count as year 2020.

Sources and certainty:

* From the articles: the counts, the reasons, who handed what, the named persons and households, the 2019
  themes and figures quoted in the achievements.
* Signers: Phạm Ngọc Thưởng, Chủ tịch from 22/4/2016 until his appointment as Thứ trưởng Bộ GD&ĐT
  (QĐ 242/QĐ-TTg, February 2020; the end day is ASSUMED); Hồ Tiến Thiệu, Chủ tịch from 17/7/2020 (his end
  day is ASSUMED: his successor was elected on 20/10/2025); Dương Xuân Huyên, Phó Chủ tịch from 17/01/2019
  until 20/10/2025 (press reports of the HĐND sessions).
* ILLUSTRATIVE (the articles give counts only): which collectives and individuals received each award,
  the 27 individuals other than the four named ones (fictional names holding non-unique posts), the units
  proposing them, every tờ trình number and date, the province's tờ trình to the central level, the central
  decision numbers 2177/QĐ-CTN and 1998/QĐ-TTg, the council session of 24/12/2020 and its members other
  than ``hoidong`` and Dương Xuân Huyên, the two khối thi đua added here (doanh nghiệp, đơn vị sự nghiệp)
  and their rotating leaders. Units named after a district end with the districts (30/6/2025), ASSUMED.
* Attachments are small generated PDFs saying they are demo data: one stored file per kind of document
  (``attachments/demo/``), shared by the demo dossiers, so reloading writes no new files.

Timestamps: the services stamp ``timezone.now()``; the story runs on a demo clock set to its historical
days (``clock``), so nothing depends on the day the loader runs. Decision numbers come from the product's
number sequence (the first demo decisions of 2019 and 2020 get 01, 02, ...).

Idempotence: the records are made once. When the demo dossiers (references ``DEMO19-…``/``DEMO20-…``)
exist, only the reference rows (units, clusters, persons, signers, users) are upserted again.

Modules: the cast (extra units, clusters, persons, signers, accounts) is ``awards.demo.cast``; the batches,
proposals, cụm/khối reviews, council session and decisions, as data, ``awards.demo.proposals``; the attachment files
``awards.demo.attachments``; the clock ``awards.demo.clock``. This module plays the story through the services.
"""

from __future__ import annotations

import datetime

from awards.catalogue import in_force
from awards.council import services as council
from awards.decisions import central as central_decisions
from awards.decisions import issuing, submissions
from awards.decisions import services as decisions
from awards.demo import cast, cluster_reviews
from awards.demo.attachments import attach
from awards.demo.base import D, label
from awards.demo.cast import ACCOUNTS_JOINED, CLUSTERS, COUNCIL_MEMBERS, PEOPLE, SIGNERS, STAFF, UNITS
from awards.demo.clock import clock
from awards.demo.clusters import YEARS
from awards.demo.people import HOUSEHOLDS, PERSONS
from awards.demo.proposals import (
    BATCH_2019,
    BATCH_2020,
    BATCH_ORDERS,
    BATCH_PM,
    BATCHES,
    CLUSTER_SIZES,
    COUNCIL_CREATED,
    COUNCIL_HELD,
    COUNCIL_PLACE,
    COUNCIL_TITLE,
    DECISIONS,
    ORDERS_CENTRAL,
    PM_CENTRAL,
    REFERENCES,
    REVIEW_OF,
    REVIEWS,
    ROTATIONS,
    SYMBOLS,
    Batch,
    Central,
    DecisionSpec,
    Nom,
    Proposal,
    proposers,
)
from awards.dossiers import services, workflow
from awards.enums import AttachmentKind, CentralOutcome, RecipientKind, Verdict, VoteChoice
from awards.models import (
    AgendaItem,
    Attachment,
    Award,
    CouncilSession,
    Decision,
    DecisionLine,
    Dossier,
    DossierRevision,
    DossierTransition,
    Nomination,
    Signer,
    Vote,
)
from campaigns.models import Campaign
from units.models import (
    ClusterCriterion,
    ClusterMembership,
    ClusterScore,
    ClusterYear,
    ClusterYearState,
    EmulationCluster,
    Household,
    Person,
    Unit,
    UnitKind,
    User,
)

# A dossier the Board returned once (ILLUSTRATIVE: the articles do not say any was returned), so that the Sở Giáo dục
# và Đào tạo's officer ``donvi`` finds every kind of dossier notice in the app: received, returned, decided.
RETURNS = {"DEMO20-H01": "Bổ sung biên bản họp Hội đồng Thi đua - Khen thưởng của Sở xét đề nghị khen thưởng"}


# --- playing the story ----------------------------------------------------------------------------------


class Story:
    """The demo records, made once through the services, on the demo clock."""

    def __init__(self, officers: dict[str, User], signers: dict[str, Signer]):
        self.officers = officers
        self.signers = signers
        self.staff = User.objects.get(username=STAFF)
        self.units = {u.code: u for u in Unit.objects.all()}
        self.campaigns = {c.code: c for c in Campaign.objects.all()}
        self.person_units = {spec.full_name: spec.unit for spec in [*PERSONS, *PEOPLE] if spec.unit}
        self.households = {spec.name: Household.objects.get(name=spec.name, commune__code=spec.commune)
                           for spec in HOUSEHOLDS}
        self.dossiers: dict[str, Dossier] = {}
        self.cluster_years: dict = {}

    def play(self) -> None:
        self.prepare(BATCH_2019)
        self.decide(DECISIONS[0])
        self.prepare(BATCH_ORDERS)
        self.forward(BATCH_ORDERS, ORDERS_CENTRAL)
        self.prepare(BATCH_PM)
        self.forward(BATCH_PM, PM_CENTRAL)
        self.cluster_years = cluster_reviews.prepare(REVIEWS, self.officers)
        self.prepare(BATCH_2020)
        cluster_reviews.close(self.cluster_years, self.officers, REVIEWS, ROTATIONS)
        self.record_central(BATCH_PM, PM_CENTRAL)
        self.vote(BATCH_2020)
        for spec in DECISIONS[1:]:
            self.decide(spec)
        self.record_central(BATCH_ORDERS, ORDERS_CENTRAL)

    # Unit officers build and send; staff receive and appraise.
    def prepare(self, batch: Batch) -> None:
        for index, proposal in enumerate(batch.proposals):
            officer = self.officers[proposal.unit]
            with clock(batch.proposed_on, 9, index):
                dossier = self.build(batch, proposal, index, officer)
            with clock(batch.submitted_on, 9, index):
                dossier = workflow.transition(dossier, "submit", officer)
            self.dossiers[proposal.reference] = dossier
        for index, proposal in enumerate(batch.proposals):
            with clock(batch.received_on, 8, index):
                self.dossiers[proposal.reference] = workflow.transition(
                    self.dossiers[proposal.reference], "receive", self.staff)
            if proposal.reference in RETURNS:
                self.return_and_resend(proposal, RETURNS[proposal.reference], batch.received_on)
        for index, proposal in enumerate(batch.proposals):
            dossier = self.dossiers[proposal.reference]
            with clock(batch.reviewed_on, 8, index):
                for nomination in dossier.nominations.all():
                    services.set_verdict(nomination, Verdict.ELIGIBLE, "", self.staff)
                dossier = workflow.transition(dossier, "complete_review", self.staff)
                if not services.nominations_needing_vote(dossier).exists():
                    dossier = workflow.transition(dossier, "mark_ready", self.staff)
            self.dossiers[proposal.reference] = dossier

    def return_and_resend(self, proposal: Proposal, reason: str, received_on: D) -> None:
        """The Board returns a dossier with a reason the day it receives it; the unit sends it again the next
        day and the Board receives it (the unit's officer hears of each step in the app)."""
        officer = self.officers[proposal.unit]
        with clock(received_on, 15):
            dossier = workflow.transition(self.dossiers[proposal.reference], "return", self.staff, note=reason)
        with clock(received_on + datetime.timedelta(days=1), 9):
            dossier = workflow.transition(dossier, "submit", officer)
        with clock(received_on + datetime.timedelta(days=1), 14):
            self.dossiers[proposal.reference] = workflow.transition(dossier, "receive", self.staff)

    def build(self, batch: Batch, proposal: Proposal, index: int, officer: User) -> Dossier:
        unit = self.units[proposal.unit]
        symbol = "UBND" if unit.kind == UnitKind.DISTRICT else SYMBOLS.get(proposal.unit, "")
        number = 10 + (batch.proposed_on.toordinal() + index * 37) % 190
        submission_number = f"{number}/TTr-{symbol}" if symbol else f"{number}/TTr"
        review = REVIEW_OF.get(proposal.reference)
        if review is not None:
            # The cụm/khối's proposal is generated from its ranking and quota by units.clusters.proposals.
            dossier = cluster_reviews.generate(self.cluster_years[review.cluster], officer, proposal.reference,
                                               submission_number, batch.proposed_on)
            generated = list(dossier.nominations.order_by("position").values_list("unit__code", "award_type__code",
                                                                                   "achievement"))
            assert generated == [(n.unit, n.award, n.achievement) for n in proposal.nominations], proposal.reference
            kinds = [k for n in dossier.nominations.all() for k in n.award_type.required_attachments]
            for kind in AttachmentKind.values:
                if kind in kinds:
                    attach(dossier, kind, proposal, officer)
            return dossier
        dossier = Dossier.objects.create(
            reference=proposal.reference, unit=unit, title=proposal.title, occasion=batch.occasion,
            year=batch.year, campaign=self.campaigns[proposal.campaign] if proposal.campaign else None,
            authority=batch.authority, submission_number=submission_number,
            submission_date=batch.proposed_on, created_by=officer,
        )
        day = D(batch.year, 12, 31)
        kinds: list[str] = []
        for position, spec in enumerate(proposal.nominations, start=1):
            award = in_force.award_type_on(spec.award, day)
            recipient = self.recipient(spec)
            nomination = Nomination(
                dossier=dossier, award_type=award, achievement=spec.achievement or batch.achievement,
                period=batch.period, position=position, **recipient,
            )
            nomination.recipient_key = nomination.compute_recipient_key()
            nomination.full_clean()
            nomination.save()
            kinds += [kind for kind in award.required_attachments if kind not in kinds]
        for kind in AttachmentKind.values:
            if kind in kinds:
                attach(dossier, kind, proposal, officer)
        return dossier

    def recipient(self, spec: Nom) -> dict:
        if spec.person:
            person = Person.objects.get(full_name=spec.person, unit__code=self.person_units[spec.person])
            return {"recipient_kind": RecipientKind.INDIVIDUAL, "person": person}
        if spec.household:
            return {"recipient_kind": RecipientKind.HOUSEHOLD, "household": self.households[spec.household]}
        if spec.name:
            return {"recipient_kind": RecipientKind.COLLECTIVE, "collective_name": spec.name}
        return {"recipient_kind": RecipientKind.COLLECTIVE, "unit": self.units[spec.unit]}

    # Awards the province decides.
    def vote(self, batch: Batch) -> None:
        members = [User.objects.get(username="hoidong"),
                   *User.objects.filter(username__in=[m[0] for m in COUNCIL_MEMBERS]).order_by("username")]
        refs = [p.reference for p in batch.proposals]
        with clock(COUNCIL_CREATED, 10):
            session = council.create_session(COUNCIL_TITLE, COUNCIL_HELD, COUNCIL_PLACE, members, self.staff)
            agenda = [n for n in council.candidates() if n.dossier.reference in refs]
            council.add_to_agenda(session, agenda, self.staff)
            council.set_presiding(session, self.staff, **presiding())
        with clock(COUNCIL_HELD, 14):
            for item in AgendaItem.objects.filter(session=session).order_by("position"):
                for member in members:
                    council.cast_vote(item, member, VoteChoice.YES)
        with clock(COUNCIL_HELD, 16, 30):
            council.close_session(session, self.staff)

    def decide(self, spec: DecisionSpec) -> Decision:
        refs = [p.reference for p in spec.batch.proposals]
        ready = list(decisions.ready_nominations().filter(dossier__reference__in=refs, award_type__code=spec.award))
        with clock(spec.drafted_on, 15):
            decision = decisions.draft_decision(ready, self.staff, spec.decided_on,
                                                self.signers[spec.signer.full_name], spec.reason)
            submissions.record_board_submission(decision, *spec.submission, self.staff)
        with clock(spec.decided_on, 7, 30):
            issuing.issue_with_demo_keys(decision, self.staff, certificates=True)
        return decision

    # Awards decided above the province.
    def forward(self, batch: Batch, central: Central) -> None:
        with clock(central.forward_on, 10):
            for proposal in batch.proposals:
                dossier = Dossier.objects.get(reference=proposal.reference)
                central_decisions.forward_dossier(dossier, central.forward_number, central.forward_on, self.staff)

    def record_central(self, batch: Batch, central: Central) -> None:
        with clock(central.recorded_on, 9):
            for proposal in batch.proposals:
                for nomination in Nomination.objects.filter(dossier__reference=proposal.reference).order_by("position"):
                    central_decisions.record_central_decision(
                        nomination, CentralOutcome.AWARDED, central.decision_number, central.decided_on, self.staff)


# --- entry point --------------------------------------------------------------------------------------------


def seed_decisions() -> dict[str, int]:
    """Upsert the extra units, clusters, persons, signers and accounts; make the award records once."""
    with clock(ACCOUNTS_JOINED):
        signers, officers = cast.seed_cast(proposers())
    if not Dossier.objects.filter(reference__in=REFERENCES).exists():
        Story(officers, signers).play()
    else:
        _adopt_cluster_reviews(officers)
        _name_presiding()
        cluster_reviews.name_signers(REVIEWS)
        _record_board_submissions()
    return _counts()


def presiding() -> dict:
    """The session's chủ tọa (Dương Xuân Huyên, a member) and thư ký (the Ban's officer ``bantdkt``, who does not
    vote): ILLUSTRATIVE, the articles do not say who chaired or kept the minutes."""
    staff = User.objects.get(username=STAFF)
    return {"chair": User.objects.get(username=COUNCIL_MEMBERS[0][0]), "secretary_name": staff.full_name,
            "secretary_position": staff.position}


def _name_presiding() -> None:
    """A database seeded before sessions named their chủ tọa and thư ký: name them on the demo session."""
    names = presiding()
    CouncilSession.objects.filter(title=COUNCIL_TITLE, held_on=COUNCIL_HELD, chair__isnull=True, chair_name="",
                                  secretary__isnull=True, secretary_name="").update(
        chair=names["chair"], secretary_name=names["secretary_name"], secretary_position=names["secretary_position"])


def _record_board_submissions() -> None:
    """A database seeded before decisions kept the Sở Nội vụ's tờ trình: write it on the demo decisions."""
    for spec in DECISIONS:
        refs = [p.reference for p in spec.batch.proposals]
        number, day = spec.submission
        Decision.objects.filter(lines__nomination__dossier__reference__in=refs, award_type__code=spec.award,
                                decided_on=spec.decided_on, submission_number="").update(
            submission_number=number, submission_date=day)


def _adopt_cluster_reviews(officers: dict[str, User]) -> None:
    """A database seeded before cluster years had reviews: play the 2020 reviews now and link each to its
    existing dossier (checked to be exactly what the ranking and quota propose)."""
    pending = [review for review in REVIEWS if ClusterYear.objects.filter(
        cluster__code=review.cluster, year=cluster_reviews.YEAR, state=ClusterYearState.OPEN,
        criteria__isnull=True, dossier__isnull=True).exists()]
    if not pending:
        return
    years = cluster_reviews.prepare(pending, officers)
    references = {review.cluster: reference for reference, review in REVIEW_OF.items()}
    for review in pending:
        cluster_reviews.adopt(years[review.cluster], Dossier.objects.get(reference=references[review.cluster]))
    cluster_reviews.close(years, officers, pending, ROTATIONS)


def _counts() -> dict[str, int]:
    in_demo = {"dossier__reference__in": REFERENCES}
    of_nominations = {"nomination__dossier__reference__in": REFERENCES}
    sessions = CouncilSession.objects.filter(title=COUNCIL_TITLE, held_on=COUNCIL_HELD)
    return {
        label(Unit): len(UNITS),
        label(EmulationCluster): len(CLUSTERS),
        label(ClusterMembership): sum(len(spec.members) for spec in CLUSTERS) * len(YEARS),
        label(ClusterYear): len(CLUSTERS) * len(YEARS),
        label(Person): len(PEOPLE),
        label(User): len(proposers()) + len(COUNCIL_MEMBERS),
        label(Signer): len(SIGNERS),
        label(Dossier): len(REFERENCES),
        label(Nomination): sum(len(p.nominations) for batch in BATCHES for p in batch.proposals),
        label(Attachment): Attachment.objects.filter(**in_demo).count(),
        label(DossierRevision): DossierRevision.objects.filter(**in_demo).count(),
        label(DossierTransition): DossierTransition.objects.filter(**in_demo).count(),
        label(CouncilSession): sessions.count(),
        label(AgendaItem): AgendaItem.objects.filter(session__in=sessions).count(),
        label(Vote): Vote.objects.filter(item__session__in=sessions).count(),
        label(Decision): Decision.objects.filter(lines__nomination__dossier__reference__in=REFERENCES)
        .distinct().count(),
        label(DecisionLine): DecisionLine.objects.filter(**of_nominations).count(),
        label(Award): Award.objects.filter(**of_nominations).count(),
        label(ClusterCriterion): len(REVIEWS) * len(cluster_reviews.CRITERIA),
        label(ClusterScore): sum(CLUSTER_SIZES[r.cluster] for r in REVIEWS) * len(cluster_reviews.CRITERIA),
    }
