"""``seed_bulk`` fills PostgreSQL with exact numbers of bulk rows, the dashboard reads them with the same number of
queries as on an empty database, and SQLite is refused with a clear message."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from awards.models import Award, AwardType
from awards.reports import selectors
from units.models import Person, Unit

ON_SQLITE = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
TINY = ["--years", "3", "--awards", "3000", "--units", "50", "--persons", "500", "--last-year", "2025"]


def dashboard_queries(client, year: int) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/dashboard/", {"year": str(year)})
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_seed_bulk_creates_exact_counts_and_the_dashboard_keeps_its_query_count(client, leader):
    client.force_login(leader)
    empty_count, _ = dashboard_queries(client, 2025)

    call_command("seed_bulk", *TINY)

    units = Unit.objects.filter(code__startswith="bulk-unit-")
    assert units.count() == 50
    assert Person.objects.filter(full_name__startswith="Người thử ", unit__in=units).count() == 500
    awards = Award.objects.filter(proposing_unit__in=units)
    assert awards.count() == Award.objects.count() == 3000
    assert {year: awards.filter(year=year).count() for year in (2023, 2024, 2025)} == {2023: 1000, 2024: 1000,
                                                                                       2025: 1000}
    assert awards.filter(source="history").count() == 3000
    assert not awards.exclude(award_type__in=AwardType.objects.all()).exists()
    assert not awards.filter(recipient_kind="ca_nhan", person__isnull=True).exists()
    assert not awards.filter(recipient_kind="tap_the", unit__isnull=True).exists()
    # Kinds follow what the type allows (an individual-only title never goes to a collective).
    assert not awards.filter(recipient_kind="tap_the", award_type__for_collective=False).exists()
    assert not awards.filter(recipient_kind="ca_nhan", award_type__for_individual=False).exists()
    assert not awards.filter(recipient_kind="ho_gia_dinh", award_type__for_household=False).exists()
    assert awards.filter(occasion="cong_trang").count() > awards.exclude(occasion="cong_trang").count()
    assert awards.filter(revoked=True).count() < 60
    assert selectors.years_with_awards() == [2025, 2024, 2023]

    bulk_count, response = dashboard_queries(client, 2025)
    assert bulk_count == empty_count
    assert response.context["total"] == awards.filter(year=2025, revoked=False).count()
    assert sum(n for _code, _label, n in response.context["kinds"]) == response.context["total"]
    assert response.context["trend"][-3:] == [
        (year, *(awards.filter(year=year, revoked=False, recipient_kind=kind).count()
                 for kind in ("tap_the", "ca_nhan", "ho_gia_dinh"))) for year in (2023, 2024, 2025)]

    with pytest.raises(CommandError, match="--reset"):
        call_command("seed_bulk", *TINY)
    call_command("seed_bulk", *TINY, "--reset")
    assert (units.count(), Person.objects.filter(unit__in=units).count(), Award.objects.count()) == (50, 500, 3000)
    assert dashboard_queries(client, 2025)[0] == empty_count


@pytest.mark.skipif(not ON_SQLITE, reason="the refusal is about SQLite")
def test_seed_bulk_refuses_sqlite():
    with pytest.raises(CommandError) as refused:
        call_command("seed_bulk", *TINY)
    assert str(refused.value) == ("seed_bulk chỉ chạy trên PostgreSQL (đặt DATABASE_URL=postgres://...); "
                                  "cơ sở dữ liệu hiện tại là SQLite.")
