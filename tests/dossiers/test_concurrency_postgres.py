"""Two people acting on the same dossier at the same moment, on real PostgreSQL connections: one wins,
the other is told; nothing is overwritten."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from awards.dossiers import services, workflow
from awards.enums import DossierState
from awards.models import Dossier, DossierTransition
from tests.factories import PersonFactory, make_dossier

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def race(*calls):
    """Run the calls in threads released together; return what each returned or raised."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except Exception as exc:  # the outcome under test
            results[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_receive_and_return_at_once(unit_a, officer_a, staff, administrator):
    dossier = make_dossier(unit_a, officer_a, state=DossierState.SUBMITTED)
    results = race(
        lambda: workflow.transition(Dossier.objects.get(pk=dossier.pk), "receive", staff,
                                    expected_state=DossierState.SUBMITTED),
        lambda: workflow.transition(Dossier.objects.get(pk=dossier.pk), "return", administrator,
                                    note="Thiếu hồ sơ", expected_state=DossierState.SUBMITTED),
    )
    winners = [r for r in results if isinstance(r, Dossier)]
    losers = [r for r in results if isinstance(r, workflow.Conflict)]
    assert (len(winners), len(losers)) == (1, 1), results
    dossier.refresh_from_db()
    assert dossier.state == winners[0].state
    assert DossierTransition.objects.filter(dossier=dossier).count() == 1


def test_two_edits_from_the_same_version(unit_a, officer_a):
    dossier = make_dossier(unit_a, officer_a)
    version = dossier.version
    results = race(
        lambda: services.claim_edit(Dossier.objects.get(pk=dossier.pk), version),
        lambda: services.claim_edit(Dossier.objects.get(pk=dossier.pk), version),
    )
    assert sorted(type(r).__name__ for r in results) == ["DossierChanged", "NoneType"]
    dossier.refresh_from_db()
    assert dossier.version == version + 1


def test_inbox_search_uses_unaccent_on_postgres(client, staff, unit_a, officer_a):
    from tests.factories import PersonFactory

    person = PersonFactory(full_name="Hoàng Văn Thụ", unit=unit_a)
    dossier = make_dossier(unit_a, officer_a, recipient=person, state=DossierState.SUBMITTED)
    client.force_login(staff)
    response = client.get("/awards/dossiers/", {"q": "hoang van thu"})
    assert [d.reference for d in response.context["page"]] == [dossier.reference]
    response = client.get("/awards/dossiers/", {"q": "HOÀNG VĂN"})
    assert [d.reference for d in response.context["page"]] == [dossier.reference]


def test_two_concurrent_drafts_get_different_numbers(unit_a, officer_a, staff):
    import datetime

    from awards.decisions import services as decisions
    from awards.models import Signer

    signer = Signer.objects.create(full_name="Hồ Tiến Thiệu", position="Chủ tịch UBND tỉnh", capacity="chu_tich",
                                   valid_from=datetime.date(2020, 1, 1))
    # Two different recipients: the same one twice would make the later draft a duplicate of the earlier.
    first = make_dossier(unit_a, officer_a, state=DossierState.AWAITING_DECISION, verdict="eligible")
    second = make_dossier(unit_a, officer_a, state=DossierState.AWAITING_DECISION, verdict="eligible",
                          recipient=PersonFactory(unit=unit_a))
    day = datetime.date(2021, 2, 6)
    results = race(
        lambda: decisions.draft_decision(list(first.nominations.all()), staff, day, signer, "x").number,
        lambda: decisions.draft_decision(list(second.nominations.all()), staff, day, signer, "x").number,
    )
    assert sorted(results) == [1, 2], results


def test_concurrent_number_allocation_without_a_sequence_row():
    from awards.decisions.services import allocate_number
    from awards.models import province_body

    body = province_body()
    results = race(*[lambda: allocate_number(body, 2030) for _ in range(4)])
    assert sorted(results) == [1, 2, 3, 4], results
