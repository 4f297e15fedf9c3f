"""Bulk data for load tests: 20 years of a province (1,000,000 awards, 5,000 units, 200,000 persons by default).

PostgreSQL only: every table is filled by one ``INSERT ... SELECT ... FROM generate_series`` inside a single
transaction, then the award table is vacuumed and analysed (outside the transaction) so that index-only scans
work. Bulk rows are recognisable: units have codes ``bulk-unit-<n>``, persons are ``Người thử <n>`` attached to
those units and every bulk award is proposed by a bulk unit. ``--reset`` deletes earlier bulk rows first.

Award types are the catalogue's own rows (real ids), the version in force on the decision date (the earliest
version for years before the catalogue begins); recipient kinds follow what each type allows."""

from __future__ import annotations

import datetime
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from awards.enums import Authority, RecipientKind
from awards.models import AwardType

UNIT_PREFIX = "bulk-unit-"
PERSON_PREFIX = "Người thử "
SQLITE_REFUSAL = ("seed_bulk chỉ chạy trên PostgreSQL (đặt DATABASE_URL=postgres://...); "
                  "cơ sở dữ liệu hiện tại là SQLite.")

# Relative frequency of each award in a province's year (per 10,000 awards); unknown codes get DEFAULT_WEIGHT.
WEIGHTS = {
    "giay-khen": 3000, "lao-dong-tien-tien": 2500, "tap-the-lao-dong-tien-tien": 800, "chien-si-thi-dua-co-so": 800,
    "bang-khen-chu-tich-ubnd-tinh": 1200, "gia-dinh-van-hoa": 500, "thon-to-dan-pho-van-hoa": 200,
    "tap-the-lao-dong-xuat-sac": 200, "chien-si-thi-dua-cap-tinh": 150, "ky-niem-chuong-tinh": 200,
    "co-thi-dua-ubnd-tinh": 100, "xa-phuong-tieu-bieu": 50, "ky-niem-chuong-bo-nganh-doan-the": 100,
    "bang-khen-quan-khu-dhqg": 50, "chien-si-tien-tien": 50, "don-vi-tien-tien": 30, "don-vi-quyet-thang": 10,
    "bang-khen-thu-tuong": 60, "co-thi-dua-chinh-phu": 10, "chien-si-thi-dua-toan-quoc": 5,
    "huan-chuong-lao-dong-hang-ba": 12, "huan-chuong-lao-dong-hang-nhi": 6, "huan-chuong-lao-dong-hang-nhat": 3,
}
DEFAULT_WEIGHT = 2
SYMBOL = {
    Authority.PRESIDENT: "QĐ-CTN", Authority.PRIME_MINISTER: "QĐ-TTg", Authority.MINISTRY: "QĐ-BNV",
    Authority.PROVINCE_CHAIR: "QĐ-UBND", Authority.COMMUNE_CHAIR: "QĐ-UBND", Authority.UNIT_HEAD: "QĐ-TTĐV",
}
ISSUER = {
    Authority.PRESIDENT: "Chủ tịch nước", Authority.PRIME_MINISTER: "Thủ tướng Chính phủ",
    Authority.MINISTRY: "Bộ trưởng Bộ Nội vụ", Authority.PROVINCE_CHAIR: "Chủ tịch UBND tỉnh",
    Authority.COMMUNE_CHAIR: "Chủ tịch UBND xã", Authority.UNIT_HEAD: "Thủ trưởng cơ quan, đơn vị",
}
# Share of each recipient kind when a type allows several.
KIND_SHARE = {RecipientKind.COLLECTIVE: 45, RecipientKind.INDIVIDUAL: 50, RecipientKind.HOUSEHOLD: 5}

UNITS_SQL = f"""
INSERT INTO units_unit (code, name, short_name, kind, valid_from, valid_to, email, address, sort_order, parent_id)
SELECT '{UNIT_PREFIX}' || n, 'Đơn vị thử ' || n, '',
       CASE WHEN n %% 100 < 35 THEN 'xa_phuong' WHEN n %% 100 < 55 THEN 'thon' WHEN n %% 100 < 70 THEN 'su_nghiep'
            WHEN n %% 100 < 80 THEN 'phong_ban' WHEN n %% 100 < 90 THEN 'doanh_nghiep'
            WHEN n %% 100 < 95 THEN 'so_ban_nganh' WHEN n %% 100 < 98 THEN 'doan_the' ELSE 'trung_uong' END,
       NULL, NULL, '', '', 100000 + n, NULL
FROM generate_series(1, %(units)s) AS n
"""
UNIT_MAP_SQL = f"""
CREATE TEMP TABLE bulk_unit ON COMMIT DROP AS
SELECT substr(code, {len(UNIT_PREFIX) + 1})::int - 1 AS k, id, name FROM units_unit WHERE code LIKE '{UNIT_PREFIX}%%'
"""
PERSONS_SQL = f"""
INSERT INTO units_person (full_name, gender, birth_date, position, category, citizen_id, created_at, updated_at,
                          unit_id)
SELECT '{PERSON_PREFIX}' || n, CASE WHEN n %% 2 = 0 THEN 'nu' ELSE 'nam' END,
       DATE '1960-01-01' + (n * 7919) %% 14600, CASE WHEN n %% 20 = 0 THEN 'Trưởng phòng' ELSE 'Chuyên viên' END,
       CASE WHEN n %% 50 = 0 THEN 'lanh_dao_khac' ELSE 'truc_tiep' END, '', now(), now(), u.id
FROM generate_series(1, %(persons)s) AS n JOIN bulk_unit u ON u.k = (n - 1) %% %(units)s
"""
PERSON_MAP_SQL = f"""
CREATE TEMP TABLE bulk_person ON COMMIT DROP AS
SELECT substr(p.full_name, {len(PERSON_PREFIX) + 1})::int - 1 AS k, p.id, p.full_name, p.unit_id
FROM units_person p JOIN bulk_unit u ON u.id = p.unit_id WHERE p.full_name LIKE '{PERSON_PREFIX}%%'
"""
CHOICE_TABLE_SQL = """
CREATE TEMP TABLE bulk_choice (period int, slot int, award_type_id bigint, code text, authority text, kind text,
                               symbol text, issuer text) ON COMMIT DROP
"""
CHOICE_SQL = """
INSERT INTO bulk_choice SELECT %s, s, %s, %s, %s, %s, %s, %s FROM generate_series(%s, %s) AS s
"""
# One row per award: years in consecutive blocks, as a province records them (equal counts when the sizes divide;
# rows of a year stay together on disk), a day of the year, a catalogue period
# (halves of a year map to the catalogue version in force), a weighted (type, kind) slot, a recipient.
AWARDS_SQL = """
INSERT INTO awards_award (source, award_code, recipient_kind, recipient_name, year, achievement_year, occasion,
                          authority, decision_number, decided_on, issuer, bonus_amount, revoked, revoked_on,
                          revoke_reason, created_at, award_type_id, campaign_id, household_id, nomination_id,
                          person_id, proposing_unit_id, unit_id, decision_id)
WITH base AS (
    SELECT n, %(first)s + ((n - 1)::bigint * %(years)s / %(awards)s)::int AS yr, floor(random() * 365)::int AS doy,
           floor(random() * %(units)s)::int AS uk, floor(random() * %(persons)s)::int AS pk,
           random() AS r_slot, random() AS r_occasion, random() AS r_revoked
    FROM generate_series(1, %(awards)s) AS n
), dated AS (
    SELECT b.*, make_date(b.yr, 1, 1) + b.doy AS day,
           (%(periods)s::int[])[1 + (b.yr - %(first)s) * 2 + (b.doy >= 181)::int] AS period
    FROM base b
), picked AS (
    SELECT d.*, c.award_type_id, c.code, c.authority, c.kind, c.symbol, c.issuer
    FROM dated d JOIN bulk_choice c
      ON c.period = d.period AND c.slot = floor(d.r_slot * (%(slots)s::int[])[d.period + 1])::int
)
SELECT 'history', x.code, x.kind,
       CASE x.kind WHEN 'tap_the' THEN u.name WHEN 'ca_nhan' THEN p.full_name ELSE 'Hộ gia đình thử ' || x.n END,
       x.yr, x.yr,
       CASE WHEN x.r_occasion < 0.85::float8 THEN 'cong_trang' WHEN x.r_occasion < 0.95::float8 THEN 'chuyen_de'
            ELSE 'dot_xuat' END,
       x.authority, lpad((1 + (x.n / %(years)s) %% 997)::text, 2, '0') || '/' || x.symbol, x.day, x.issuer, NULL,
       x.r_revoked < 0.005::float8, CASE WHEN x.r_revoked < 0.005::float8 THEN x.day + 60 END,
       CASE WHEN x.r_revoked < 0.005::float8 THEN 'Thu hồi (dữ liệu thử)' ELSE '' END,
       now(), x.award_type_id, NULL, NULL, NULL,
       CASE WHEN x.kind = 'ca_nhan' THEN p.id END,
       CASE WHEN x.kind = 'ca_nhan' THEN p.unit_id ELSE u.id END,
       CASE WHEN x.kind = 'tap_the' THEN u.id END, NULL
FROM picked x JOIN bulk_unit u ON u.k = x.uk JOIN bulk_person p ON p.k = x.pk
"""
BULK_UNITS = f"SELECT id FROM units_unit WHERE code LIKE '{UNIT_PREFIX}%%'"
RESET_SQL = [
    ("awards", f"DELETE FROM awards_award WHERE proposing_unit_id IN ({BULK_UNITS}) OR unit_id IN ({BULK_UNITS})"
               f" OR person_id IN (SELECT id FROM units_person WHERE unit_id IN ({BULK_UNITS}))"),
    ("persons", f"DELETE FROM units_person WHERE unit_id IN ({BULK_UNITS})"),
    ("units", f"DELETE FROM units_unit WHERE code LIKE '{UNIT_PREFIX}%%'"),
]


def catalogue_periods(first: int, last: int) -> tuple[list[int], list[list[tuple]]]:
    """For each half year, the index of its catalogue period; for each period, weighted (type, kind) rows."""
    types = list(AwardType.objects.order_by("code", "valid_from"))
    periods: list[int] = []
    seen: dict[tuple[int, ...], int] = {}
    rows: list[list[tuple]] = []
    for year in range(first, last + 1):
        for day in (datetime.date(year, 6, 30), datetime.date(year, 12, 31)):
            chosen: dict[str, AwardType] = {}
            for award_type in types:  # in force on the day, else the earliest version (before the catalogue)
                if award_type.is_active_on(day) or (award_type.code not in chosen and award_type.valid_from > day):
                    chosen[award_type.code] = award_type
            key = tuple(sorted(t.pk for t in chosen.values()))
            if key not in seen:
                seen[key] = len(rows)
                rows.append(weighted_rows(list(chosen.values())))
            periods.append(seen[key])
    return periods, rows


def weighted_rows(types: list[AwardType]) -> list[tuple]:
    """(award type, kind, weight) with the type's weight split over the recipient kinds it allows."""
    rows = []
    for award_type in types:
        kinds = award_type.recipient_kinds
        total = sum(KIND_SHARE[kind] for kind in kinds)
        weight = WEIGHTS.get(award_type.code, DEFAULT_WEIGHT)
        for kind in kinds:
            share = max(1, round(weight * KIND_SHARE[kind] / total))
            rows.append((award_type, str(kind), share))
    return rows


class Command(BaseCommand):
    help = "Fill PostgreSQL with years of bulk awards, units and persons for load tests (fast raw SQL)."

    def add_arguments(self, parser):
        parser.add_argument("--years", type=int, default=20)
        parser.add_argument("--awards", type=int, default=1_000_000)
        parser.add_argument("--units", type=int, default=5000)
        parser.add_argument("--persons", type=int, default=200_000)
        parser.add_argument("--last-year", type=int, default=2025)
        parser.add_argument("--reset", action="store_true", help="delete earlier bulk rows first")
        parser.add_argument("--seed", type=float, default=0.42, help="random seed (setseed), for repeatable data")

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError(SQLITE_REFUSAL if connection.vendor == "sqlite" else
                               f"seed_bulk chỉ chạy trên PostgreSQL; cơ sở dữ liệu hiện tại là {connection.vendor}.")
        years, awards, units, persons = (options[k] for k in ("years", "awards", "units", "persons"))
        if min(years, awards, units, persons) < 1:
            raise CommandError("--years, --awards, --units và --persons phải là số dương.")
        last = options["last_year"]
        first = last - years + 1
        if first < 1945 or last > 2100:
            raise CommandError("Các năm phải nằm trong khoảng 1945 - 2100.")
        started = time.perf_counter()
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM units_unit WHERE code LIKE '{UNIT_PREFIX}%%'", {})
            existing = cursor.fetchone()[0]
            if existing and not options["reset"]:
                raise CommandError(f"Đã có {existing} đơn vị {UNIT_PREFIX}*: chạy lại với --reset để xóa dữ liệu cũ.")
            if existing:
                for label, sql in RESET_SQL:
                    self.step(cursor, f"reset: delete bulk {label}", sql)
            cursor.execute("SELECT setseed(%s)", [options["seed"]])
            self.step(cursor, f"units ({units})", UNITS_SQL, {"units": units})
            self.step(cursor, "unit map", UNIT_MAP_SQL)
            self.step(cursor, f"persons ({persons})", PERSONS_SQL, {"persons": persons, "units": units})
            self.step(cursor, "person map", PERSON_MAP_SQL)
            cursor.execute("ANALYZE bulk_unit")
            cursor.execute("ANALYZE bulk_person")
            t0 = time.perf_counter()
            periods, choice_rows = catalogue_periods(first, last)
            cursor.execute(CHOICE_TABLE_SQL)
            slots = []
            for period, rows in enumerate(choice_rows):
                at = 0
                for award_type, kind, weight in rows:
                    authority = Authority(award_type.authority)
                    cursor.execute(CHOICE_SQL, [period, award_type.pk, award_type.code, award_type.authority, kind,
                                                SYMBOL[authority], ISSUER[authority], at, at + weight - 1])
                    at += weight
                slots.append(at)
            cursor.execute("ANALYZE bulk_choice")
            self.report(f"catalogue: {len(choice_rows)} period(s), {sum(len(r) for r in choice_rows)} "
                        f"(type, kind) rows", t0)
            self.step(cursor, f"awards ({awards}, {first}-{last})", AWARDS_SQL, {
                "first": first, "years": years, "units": units, "persons": persons, "awards": awards,
                "periods": periods, "slots": slots})
            t0 = time.perf_counter()
        self.report("commit (deferred foreign-key checks)", t0)
        self.step(connection.cursor(), "VACUUM ANALYZE awards_award", "VACUUM ANALYZE awards_award")
        self.step(connection.cursor(), "ANALYZE units_unit, units_person", "ANALYZE units_unit, units_person")
        self.stdout.write(f"total: {time.perf_counter() - started:.1f} s "
                          f"({units} units, {persons} persons, {awards} awards over {years} years)")

    def step(self, cursor, label: str, sql: str, params: dict | None = None) -> None:
        t0 = time.perf_counter()
        cursor.execute(sql, params or {})
        rows = f", {cursor.rowcount} rows" if cursor.rowcount and cursor.rowcount > 0 else ""
        self.report(f"{label}{rows}", t0)

    def report(self, label: str, t0: float) -> None:
        self.stdout.write(f"  {label}: {time.perf_counter() - t0:.2f} s")
        self.stdout.flush()
