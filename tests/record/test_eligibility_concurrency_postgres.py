"""Two nominations claiming the same initiative at the same moment, on real PostgreSQL connections: one wins,
the other is refused; an initiative is used for one award only."""

from __future__ import annotations

import datetime

import pytest

from awards.catalogue.in_force import award_type_on
from awards.dossiers import workflow
from awards.dossiers.from_candidates import create_draft_nominations
from awards.models import Award, Dossier, Initiative, Nomination
from awards.record.eligibility.candidates import candidates_for
from awards.record.eligibility.claims import claim_initiatives
from tests.dossiers.test_concurrency_postgres import race
from tests.factories import PersonFactory, make_dossier

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CSTDCS, CSTD_TINH = "chien-si-thi-dua-co-so", "chien-si-thi-dua-cap-tinh"


def ready_for_provincial_fighter(unit):
    """A person with Chiến sĩ thi đua cơ sở 2023-2025 and a province-scope initiative: a 2026 candidate."""
    person = PersonFactory(full_name="Hoàng Thị Lan", unit=unit)
    award_type = award_type_on(CSTDCS, datetime.date(2025, 12, 31))
    for year in (2023, 2024, 2025):
        Award.objects.create(source="history", award_type=award_type, award_code=CSTDCS, recipient_kind="ca_nhan",
                             person=person, recipient_name=person.full_name, year=year + 1, achievement_year=year,
                             occasion="cong_trang", authority=award_type.authority, decision_number=f"{year}/QĐ",
                             decided_on=datetime.date(year + 1, 1, 10), issuer="Sở")
    initiative = Initiative.objects.create(title="Số hóa học bạ", person=person, year=2025, scope="tinh")
    return person, initiative


@pytest.fixture
def two_dossiers(unit_a, officer_a):
    person, initiative = ready_for_provincial_fighter(unit_a)
    first = make_dossier(unit_a, officer_a, code=CSTD_TINH, year=2026, recipient=person)
    second = make_dossier(unit_a, officer_a, code=CSTD_TINH, year=2026, recipient=person)
    return initiative, first, second


def test_two_claims_of_one_initiative(two_dossiers):
    initiative, first, second = two_dossiers
    results = race(
        lambda: claim_initiatives(first.nominations.get().pk, [initiative.pk]),
        lambda: claim_initiatives(second.nominations.get().pk, [initiative.pk]),
    )
    assert sorted(type(r).__name__ for r in results) == ["InitiativeTaken", "NoneType"], results
    initiative.refresh_from_db()
    assert initiative.used_by_id in {first.nominations.get().pk, second.nominations.get().pk}


def test_two_submissions_relying_on_one_initiative(two_dossiers, officer_a):
    initiative, first, second = two_dossiers
    results = race(
        lambda: workflow.transition(Dossier.objects.get(pk=first.pk), "submit", officer_a),
        lambda: workflow.transition(Dossier.objects.get(pk=second.pk), "submit", officer_a),
    )
    winners = [r for r in results if isinstance(r, Dossier)]
    losers = [r for r in results if isinstance(r, workflow.NotAllowed)]
    assert (len(winners), len(losers)) == (1, 1), results
    assert sorted(Dossier.objects.values_list("state", flat=True)) == ["draft", "submitted"]
    initiative.refresh_from_db()
    assert initiative.used_by.dossier_id == winners[0].pk


def test_two_people_creating_drafts_for_one_candidate_at_once(unit_a, officer_a, staff):
    """Both pressed "create draft nominations" for the same nominee at the same moment: the nominee's row lock
    makes the second wait and find the first one's nomination, so there is exactly one nomination."""
    person, _initiative = ready_for_provincial_fighter(unit_a)
    on = datetime.date(2026, 3, 1)
    groups = candidates_for(unit_a, 2026, CSTD_TINH, on=on)["groups"]
    [(code, _name, items)] = groups
    assert (code, [item["subject"].pk for item in items]) == (CSTD_TINH, [person.pk])

    def press(actor, proposer):
        return create_draft_nominations(items, CSTD_TINH, 2026, actor, proposer)

    results = race(lambda: press(officer_a, unit_a), lambda: press(staff, None))
    assert not [r for r in results if isinstance(r, Exception)], results
    created = sorted(sum(len(v) for v in r[0].values()) for r in results)
    skipped = sorted(r[1] for r in results)
    assert (created, skipped) == ([0, 1], [[], ["Hoàng Thị Lan"]])
    assert Nomination.objects.filter(person=person, award_type__code=CSTD_TINH, dossier__year=2026).count() == 1
