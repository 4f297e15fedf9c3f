"""Benchmark: the year's fund report (``/fund/?body=&year=``, issue 20) when the province's fund holds a million
bonus lines over 20 years (one line per award: 50,000 a year), with a commitment entry per line and payment entries
for most of them. The rows are written with SQL inside a transaction that is rolled back (the database is left as it
was); the foreign-key triggers are off for that transaction (``session_replication_role = replica``, superuser) so
that the lines need no decision lines or nominations, which the report never reads. The page, its Excel file and
the year's figures are timed with Django's test client as a Board staff account: p50/p95 and the number of
queries, beside the login page (the floor of any page of this server). PostgreSQL only."""

from __future__ import annotations

import datetime
import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, setup_test_environment

from awards.management.commands.bench_dashboard import percentile
from awards.management.commands.bench_pages import machine_line


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Time the fund's year report at a million bonus lines (rolled back afterwards)."

    def add_arguments(self, parser):
        parser.add_argument("--lines", type=int, default=1_000_000)
        parser.add_argument("--years", type=int, default=20)
        parser.add_argument("--last-year", type=int, default=2020)
        parser.add_argument("--decisions", type=int, default=60, help="decisions per year")
        parser.add_argument("--requests", type=int, default=30)

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError("bench_fund: PostgreSQL only (DATABASE_URL=postgres://...).")
        setup_test_environment()
        try:
            with transaction.atomic():
                self.run(**{k: options[k] for k in ("lines", "years", "last_year", "decisions", "requests")})
                raise Rollback
        except Rollback:
            pass

    def seed(self, lines: int, years: int, last_year: int, decisions: int) -> tuple[object, int]:
        from awards.catalogue.bodies import province_body
        from awards.models import AwardType, Decision, Fund
        from units.models import Unit, User

        body = province_body()
        staff = User.objects.filter(is_superuser=True).first()
        template = Decision.objects.filter(body=body).order_by("pk").first()
        if template is None or staff is None:
            raise CommandError("bench_fund: run seed_demo first (a province decision and an administrator).")
        types = list(AwardType.objects.filter(code__in=[
            "bang-khen-chu-tich-ubnd-tinh", "chien-si-thi-dua-cap-tinh", "tap-the-lao-dong-xuat-sac",
            "co-thi-dua-cua-ubnd-tinh", "lao-dong-tien-tien"]).values_list("pk", flat=True).distinct()) or list(
            AwardType.objects.values_list("pk", flat=True)[:5])
        units = list(Unit.objects.values_list("pk", flat=True)[:400])
        per_year = lines // years
        columns = [f.column for f in Decision._meta.concrete_fields if f.column != "id"]
        override = {"number": "90000 + g", "year": "%(year)s", "decided_on": "%(day)s::date + (g %% 300)",
                    "state": "'published'"}
        select = ", ".join(override.get(c, f'd."{c}"') for c in columns)
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL session_replication_role = replica")
            for offset in range(years):
                year = last_year - offset
                fund = Fund.objects.get_or_create(body=body, year=year)[0]
                cursor.execute(
                    f'INSERT INTO awards_decision ({", ".join(chr(34) + c + chr(34) for c in columns)}) '
                    f"SELECT {select} FROM awards_decision d, generate_series(1, %(n)s) g WHERE d.id = %(t)s "
                    "RETURNING id", {"year": year, "day": datetime.date(year, 1, 15), "n": decisions,
                                     "t": template.pk})
                ids = [row[0] for row in cursor.fetchall()]
                # Lines: 60 % paid in full, 10 % in part, 2 % of a revoked decision (reversed), the rest due.
                cursor.execute("""
                    INSERT INTO awards_fundline (fund_id, decision_id, decision_line_id, award_type_id, position,
                        recipient_kind, recipient_name, detail, receiving_unit_id, amount, paid, recovered, status)
                    SELECT %(fund)s, (%(ids)s::int[])[1 + g %% %(nd)s], %(base)s + g,
                        (%(types)s::int[])[1 + g %% %(nt)s], g,
                        CASE WHEN g %% 3 = 0 THEN 'tap_the' ELSE 'ca_nhan' END, 'Người nhận ' || g, '',
                        (%(units)s::int[])[1 + g %% %(nu)s], a.amount,
                        CASE WHEN g %% 100 < 60 THEN a.amount WHEN g %% 100 < 70 THEN a.amount / 2 ELSE 0 END, 0,
                        CASE WHEN g %% 100 < 60 THEN 'paid' WHEN g %% 100 >= 98 THEN 'reversed' ELSE 'open' END
                    FROM generate_series(1, %(n)s) g,
                         LATERAL (SELECT (ARRAY[1490000, 2980000, 745000, 4470000])[1 + g %% 4] AS amount) a
                """, {"fund": fund.pk, "ids": ids, "nd": len(ids), "base": 2_000_000_000 + offset * per_year,
                      "types": types, "nt": len(types), "units": units, "nu": len(units), "n": per_year})
                cursor.execute("""
                    INSERT INTO awards_fundentry (fund_id, kind, amount, day, line_id, document_number, note,
                        confirmed_over_limit, created_by_id, created_at)
                    SELECT l.fund_id, 'commitment', l.amount, %(day)s, l.id, '', '', false, %(staff)s, now()
                    FROM awards_fundline l WHERE l.fund_id = %(fund)s
                    UNION ALL
                    SELECT l.fund_id, 'payment', l.paid, %(paid_day)s, l.id, 'UNC', '', false, %(staff)s, now()
                    FROM awards_fundline l WHERE l.fund_id = %(fund)s AND l.paid > 0
                    UNION ALL
                    SELECT l.fund_id, 'reversal', l.amount, %(paid_day)s, l.id, '', '', false, %(staff)s, now()
                    FROM awards_fundline l WHERE l.fund_id = %(fund)s AND l.status = 'reversed'
                """, {"fund": fund.pk, "day": datetime.date(year, 2, 1), "paid_day": datetime.date(year, 6, 1),
                      "staff": staff.pk})
                cursor.execute("""
                    INSERT INTO awards_fundentry (fund_id, kind, amount, day, document_number, note,
                        confirmed_over_limit, created_by_id, created_at)
                    VALUES (%(fund)s, 'estimate', 120000000000, %(day)s, 'DT-' || %(year)s, '', false, %(staff)s,
                            now()),
                           (%(fund)s, 'campaign', 2000000000, %(day)s, '', 'Tổ chức phong trào', false, %(staff)s,
                            now())
                """, {"fund": fund.pk, "day": datetime.date(year, 1, 5), "year": year, "staff": staff.pk})
            cursor.execute("SET LOCAL session_replication_role = origin")
            cursor.execute("ANALYZE awards_fundline")
            cursor.execute("ANALYZE awards_fundentry")
            cursor.execute("ANALYZE awards_decision")
        return body, per_year

    def run(self, lines: int, years: int, last_year: int, decisions: int, requests: int) -> None:
        from awards.fund import selectors
        from awards.models import Fund, FundEntry, FundLine
        from units.models import User

        started = time.perf_counter()
        body, per_year = self.seed(lines, years, last_year, decisions)
        seeded = time.perf_counter() - started
        staff = User.objects.filter(is_superuser=True).first()
        self.stdout.write(f"{machine_line()}; seeded {FundLine.objects.count()} fund lines, "
                          f"{FundEntry.objects.count()} ledger entries, {years} years in {seeded:.0f} s")
        client, anonymous = Client(), Client()
        client.force_login(staff)
        fund = Fund.objects.get(body=body, year=last_year)
        targets = [("page", "/fund/", {"body": str(body.pk), "year": str(last_year)}),
                   ("excel", "/fund/report.xlsx", {"body": str(body.pk), "year": str(last_year)})]
        for name, path, params in targets:
            client.get(path, params)  # warm-up
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path, params)
            count = len(queries)
            if response.status_code != 200:
                raise CommandError(f"{path} answered {response.status_code}")
            times, anchor = [], []
            for _ in range(requests if name == "page" else max(5, requests // 3)):
                start = time.perf_counter()
                anonymous.get("/accounts/login/")
                anchor.append((time.perf_counter() - start) * 1000)
                start = time.perf_counter()
                client.get(path, params)
                times.append((time.perf_counter() - start) * 1000)
            self.stdout.write(f"{name} {path} year {last_year}: p50 {statistics.median(times):.1f} ms, p95 "
                              f"{percentile(times, 95):.1f} ms, {count} queries; p95 "
                              f"{percentile(times, 95) / percentile(anchor, 95):.1f}x the login page's "
                              f"({percentile(anchor, 95):.2f} ms)")
        times = []
        with CaptureQueriesContext(connection) as queries:
            report = selectors.year_report(fund)
        for _ in range(requests):
            start = time.perf_counter()
            selectors.year_report(fund)
            times.append((time.perf_counter() - start) * 1000)
        f = report.figures
        self.stdout.write(f"year_report() alone: p50 {statistics.median(times):.1f} ms, p95 "
                          f"{percentile(times, 95):.1f} ms, {len(queries)} queries; {per_year} lines this year: "
                          f"committed {int(f.committed):,} đ, paid {int(f.paid):,} đ, due {int(f.due):,} đ, "
                          f"{len(report.decisions)} decisions, {len(report.years)} years")
