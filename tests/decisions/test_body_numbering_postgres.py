"""A unit's own number series under concurrency, on real PostgreSQL connections: drafts of the same body at the
same moment get distinct, gapless numbers; another body's series is untouched."""

from __future__ import annotations

import datetime

import pytest

from awards.decisions import services as decisions
from awards.models import Decision, NumberSequence, Signer, province_body
from tests.dossiers.test_concurrency_postgres import race
from tests.factories import PersonFactory, UserFactory, make_body, make_dossier
from units.models import Role

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
D = datetime.date


def test_concurrent_allocations_of_one_body_are_distinct_and_gapless(unit_a):
    education = make_body(unit_a)
    results = race(*[lambda: decisions.allocate_number(education, 2026) for _ in range(6)])
    assert sorted(results) == [1, 2, 3, 4, 5, 6], results
    assert NumberSequence.objects.get(body=education, year=2026).last_number == 6
    assert not NumberSequence.objects.filter(body=province_body(), year=2026).exists()


def test_two_officers_of_the_same_unit_drafting_at_once_get_distinct_gapless_numbers(unit_a, officer_a):
    """Both officers of the Sở press "Lập dự thảo" at the same moment, each for a round of the Sở's body."""
    colleague = UserFactory(username="officer_a2", unit=unit_a, roles=[Role.UNIT_OFFICER])
    education = make_body(unit_a)
    director = Signer.objects.create(body=education, full_name="Trần Văn Hải", position="Giám đốc",
                                     capacity="chu_tich", valid_from=D(2020, 1, 1))
    dossiers = [
        make_dossier(unit_a, officer_a, code="lao-dong-tien-tien", body=education,
                     state="awaiting_decision", verdict="eligible", year=2025,
                     recipient=PersonFactory(full_name=name, unit=unit_a))
        for name in ("Lương Thị Trang", "Hoàng Văn Nam")
    ]
    day = D(2026, 1, 20)
    results = race(*[
        (lambda d=dossier, who=actor: decisions.draft_decision(list(d.nominations.all()), who, day, director, "x",
                                                               body=education).code)
        for dossier, actor in zip(dossiers, (officer_a, colleague), strict=True)
    ])
    assert sorted(results) == ["01/QĐ-SGDĐT", "02/QĐ-SGDĐT"], results
    drafted = dict(Decision.objects.values_list("created_by__username", "number"))
    assert (sorted(drafted), sorted(drafted.values())) == (["officer_a", "officer_a2"], [1, 2])
    assert NumberSequence.objects.get(body=education, year=2026).last_number == 2
