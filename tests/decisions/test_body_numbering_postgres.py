"""A unit's own number series under concurrency, on real PostgreSQL connections: drafts of the same body at the
same moment get distinct, gapless numbers; another body's series is untouched."""

from __future__ import annotations

import datetime

import pytest

from awards.decisions import services as decisions
from awards.models import NumberSequence, Signer, province_body
from tests.dossiers.test_concurrency_postgres import race
from tests.factories import PersonFactory, make_body, make_dossier

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
D = datetime.date


def test_concurrent_allocations_of_one_body_are_distinct_and_gapless(unit_a):
    education = make_body(unit_a)
    results = race(*[lambda: decisions.allocate_number(education, 2026) for _ in range(6)])
    assert sorted(results) == [1, 2, 3, 4, 5, 6], results
    assert NumberSequence.objects.get(body=education, year=2026).last_number == 6
    assert not NumberSequence.objects.filter(body=province_body(), year=2026).exists()


def test_two_drafts_of_the_same_unit_at_once_get_distinct_numbers(unit_a, officer_a, staff):
    education = make_body(unit_a)
    director = Signer.objects.create(body=education, full_name="Trần Văn Hải", position="Giám đốc",
                                     capacity="chu_tich", valid_from=D(2020, 1, 1))
    dossiers = [
        make_dossier(unit_a, officer_a, code="lao-dong-tien-tien", authority="thu_truong_don_vi",
                     state="awaiting_decision", verdict="eligible", year=2025,
                     recipient=PersonFactory(full_name=name, unit=unit_a))
        for name in ("Lương Thị Trang", "Hoàng Văn Nam")
    ]
    day = D(2026, 1, 20)
    results = race(*[
        (lambda d=dossier: decisions.draft_decision(list(d.nominations.all()), staff, day, director, "x",
                                                    body=education).code)
        for dossier in dossiers
    ])
    assert sorted(results) == ["01/QĐ-SGDĐT", "02/QĐ-SGDĐT"], results
