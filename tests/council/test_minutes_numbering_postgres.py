"""The Hội đồng's biên bản series under concurrency, on real PostgreSQL connections: closings at the same moment get
distinct, gapless numbers of the meeting's year."""

from __future__ import annotations

import datetime

import pytest

from awards.council import services as council
from awards.models import CouncilMinutesSequence, CouncilSession
from tests.dossiers.test_concurrency_postgres import race
from tests.factories import UserFactory, make_dossier
from units.models import Role

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_concurrent_allocations_are_distinct_and_gapless():
    results = race(*[lambda: council.allocate_minutes_number(2021) for _ in range(6)])
    assert sorted(results) == [1, 2, 3, 4, 5, 6], results
    assert CouncilMinutesSequence.objects.get(year=2021).last_number == 6


def test_two_sessions_closed_at_once_get_distinct_numbers(staff, unit_a, officer_a):
    members = [UserFactory(full_name=f"Thành viên {n}", roles=[Role.COUNCIL_MEMBER]) for n in range(3)]
    sessions = []
    for day in (datetime.date(2021, 1, 20), datetime.date(2021, 1, 21)):
        dossier = make_dossier(unit_a, officer_a, code="chien-si-thi-dua-cap-tinh", state="reviewed",
                               verdict="eligible")
        session = council.create_session(f"Phiên {day}", day, "", members, staff)
        council.add_to_agenda(session, list(dossier.nominations.all()), staff)
        council.set_presiding(session, staff, chair=members[0], secretary=members[1])
        sessions.append(session)
    race(*[(lambda s=session: council.close_session(s, staff).pk) for session in sessions])
    numbers = sorted(CouncilSession.objects.values_list("minutes_year", "minutes_number"))
    assert numbers == [(2021, 1), (2021, 2)]
