"""PostgreSQL: the trigger-maintained summary tables, 0006's (by award) and 0014's (by issuing body), stay equal to
the award table under any sequence of inserts, revocations, moves between bodies and years, bonus changes and
deletions (hypothesis), the bonuses' sums of 0031 included. The base level read from the second (``by_issuing_body_kind``) equals the same figures computed from
the award table, also after a body changes kind."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection, transaction
from django.db.models import Count, F, Sum
from django.db.models.functions import Coalesce
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awards.catalogue.in_force import award_type_on
from awards.models import Award, IssuingBody, province_body
from awards.reports import base_level
from awards.reports.selectors import BASE_AUTHORITIES, BODY_SUMMARY_TABLE, SUMMARY_TABLE
from tests.factories import UnitFactory, make_body, make_commune_body

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]
YEAR = 2022
KEY = ["year", "recipient_kind", "occasion", "award_type_id", "award_code", "authority"]
BODY_KEY = ["year", "authority", "body_id", "recipient_kind"]


class Rollback(Exception):
    """Raised at the end of one example so everything it wrote is rolled back."""


def summary_rows(table: str, key: list[str]) -> set[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(key)}, n FROM {table} WHERE n <> 0")
        return set(cursor.fetchall())


def bonus_rows() -> set[tuple]:
    """0006's key with the count and the bonuses' sum (migration 0031), as the award table gives them."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(KEY)}, n, bonus FROM {SUMMARY_TABLE} WHERE n <> 0 OR bonus <> 0")
        return set(cursor.fetchall())


def award_bonus_rows() -> set[tuple]:
    return set(Award.objects.filter(revoked=False).values(*KEY).annotate(
        n=Count("*"), bonus=Coalesce(Sum("bonus_amount"), 0)).values_list(*KEY, "n", "bonus").order_by())


def award_rows(key: list[str]) -> set[tuple]:
    """The award table grouped by ``key``, a missing body as 0 (the summary tables' convention)."""
    columns = {column: Coalesce("body_id", 0) if column == "body_id" else F(column) for column in key}
    return set(Award.objects.filter(revoked=False).values(**{f"k_{c}": e for c, e in columns.items()})
               .annotate(n=Count("*")).values_list(*(f"k_{c}" for c in key), "n").order_by())


def base_level_from_awards(year: int) -> list[tuple]:
    """The base level of ``year`` computed straight from the award table, as (kind, bodies, counts)."""
    awards = Award.objects.filter(year=year, revoked=False, authority__in=BASE_AUTHORITIES)
    rows: dict[str, tuple[set, dict]] = {kind.value: (set(), {}) for kind in base_level.BASE_KIND_ORDER}
    for kind, body_id, recipient_kind in awards.values_list("body__kind", "body_id", "recipient_kind"):
        bodies, counts = rows.setdefault(kind or "none", (set(), {}))
        if body_id:
            bodies.add(body_id)
        counts[recipient_kind] = counts.get(recipient_kind, 0) + 1
    return [(kind, len(bodies), counts) for kind, (bodies, counts) in rows.items()]


def read(year: int) -> list[tuple]:
    return [(row.kind, row.bodies, dict(row.counts)) for row in base_level.by_issuing_body_kind(year)]


insert = st.tuples(st.just("insert"), st.integers(0, 4), st.integers(1, 6), st.sampled_from(["tap_the", "ca_nhan"]),
                   st.sampled_from([YEAR, YEAR - 1]))
change = st.tuples(st.sampled_from(["revoke", "restore", "move", "year", "delete", "rekind", "bonus"]),
                   st.integers(0, 4), st.integers(0, 30), st.just(""), st.just(0))
steps = st.lists(st.one_of(insert, change), min_size=1, max_size=12)


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(actions=steps)
def test_the_summary_equals_the_award_table_by_body(actions):
    try:
        with transaction.atomic():
            bodies: list[IssuingBody | None] = [
                None, province_body(), make_commune_body("Đề Thám"), make_body(UnitFactory(name="Sở Y tế")),
                make_body(UnitFactory(name="Công ty Điện lực"), kind="doanh_nghiep", symbol="QĐ-PCLS"),
            ]
            types = {"province": award_type_on("bang-khen-chu-tich-ubnd-tinh", datetime.date(YEAR, 6, 1)),
                     "base": award_type_on("giay-khen", datetime.date(YEAR, 6, 1))}
            for action, which, n, kind, year in actions:
                body = bodies[which]
                if action == "insert":
                    authority = body.authority if body else ["thu_tuong", "thu_truong_don_vi"][n % 2]
                    award_type = types["base" if authority in BASE_AUTHORITIES else "province"]
                    Award.objects.bulk_create(
                        Award(source="history", award_type=award_type, award_code=award_type.code,
                              recipient_kind=kind, recipient_name=f"Người {i}", year=year, achievement_year=year - 1,
                              occasion="cong_trang", authority=authority, decision_number=f"{i}/QĐ",
                              decided_on=datetime.date(year, 6, 1), issuer="Thủ trưởng", body=body,
                              bonus_amount=[None, 351_000, 702_000][(i + n) % 3])
                        for i in range(n))
                    continue
                chosen = list(Award.objects.order_by("pk").values_list("pk", flat=True))[n % 5::3]
                rows = Award.objects.filter(pk__in=chosen)
                if action == "revoke":
                    rows.update(revoked=True)
                elif action == "restore":
                    rows.update(revoked=False)
                elif action == "move":  # to another body of the same level, or none
                    rows.filter(authority__in=BASE_AUTHORITIES).update(body=bodies[2 + n % 3])
                    rows.exclude(authority__in=BASE_AUTHORITIES).update(body=bodies[n % 2])
                elif action == "year":
                    rows.update(year=YEAR - 1 if n % 2 else YEAR)
                elif action == "delete":
                    rows.delete()
                elif action == "bonus":
                    rows.update(bonus_amount=[None, 1_170_000][n % 2])
                elif body is not None and not body.is_province:  # rekind: a unit's body is reclassified
                    IssuingBody.objects.filter(pk=body.pk).update(kind=["su_nghiep", "so_ban_nganh"][n % 2])
                assert summary_rows(SUMMARY_TABLE, KEY) == award_rows(KEY)
                assert bonus_rows() == award_bonus_rows()
                assert summary_rows(BODY_SUMMARY_TABLE, BODY_KEY) == award_rows(BODY_KEY)
                assert read(YEAR) == base_level_from_awards(YEAR)
                assert read(YEAR - 1) == base_level_from_awards(YEAR - 1)
            raise Rollback
    except Rollback:
        pass


def test_the_summary_tables_keys():
    """0006's table keeps its key (every dashboard figure reads it); the body has a table of its own."""
    def key(table):
        with connection.cursor() as cursor:
            cursor.execute("SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
                           "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = %s::regclass AND i.indisprimary "
                           "ORDER BY array_position(i.indkey::int2[], a.attnum)", [table])
            return [row[0] for row in cursor.fetchall()]

    assert (key(SUMMARY_TABLE), key(BODY_SUMMARY_TABLE)) == (KEY, BODY_KEY)
