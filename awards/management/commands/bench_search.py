"""Benchmark: the site search (``/search/?q=``) over N persons (default 200,000): server time per page, p50/p95.

Persons with realistic Vietnamese names (family, middle and given names drawn in turn) in 500 units are created
inside a transaction that is rolled back, so the database is left as it was. Every page is fetched with Django's
test client (search, scoping and rendering; no network) by a Board staff account (searches everyone) and by a
unit officer (his unit's subtree). Use PostgreSQL for figures that mean something (DATABASE_URL)."""

from __future__ import annotations

import os
import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vi", "Lường", "Nông", "Hà", "Lộc", "Đặng", "Bùi", "Đỗ",
          "Hồ", "Ngô", "Dương", "Lý", "Chu", "Triệu", "Mã"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thu", "Ngọc", "Quang", "Thanh", "Hồng", "Xuân", "Mạnh", "Kim"]
GIVEN = ["Hằng", "Hoa", "Lan", "Bình", "Cương", "Phương", "Sơn", "Thiệu", "Huyên", "Mai", "Dũng", "Hùng", "Linh",
         "Trang", "Tuấn", "Hải", "Hương", "Nga", "Thảo", "Yến", "Khánh", "Quân", "Lư", "Thắng", "Tâm", "Vân", "Long"]
QUERIES = ["hang", "Nguyễn Thị Hằng", "tran van", "lo thi hoa", "vi van son", "Người", "ho tien thieu",
           "so giao duc", "HS-2026", "01/QĐ-UBND", "khong co ai ten nay"]


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Time /search/ over many persons (p50/p95), for staff and for a unit officer."

    def add_arguments(self, parser):
        parser.add_argument("--persons", type=int, default=200_000)
        parser.add_argument("--rounds", type=int, default=5)

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                self.run(options["persons"], options["rounds"])
                raise Rollback
        except Rollback:
            pass

    def run(self, count: int, rounds: int) -> None:
        from django.contrib.auth.models import Group

        from units.models import Person, Role, Unit, UnitKind, User

        started = time.perf_counter()
        root = Unit.objects.create(code="bench-search-root", name="Sở Đo Tìm Kiếm", kind=UnitKind.DEPARTMENT)
        units = [root, *Unit.objects.bulk_create(
            Unit(code=f"bench-search-{i}", name=f"Trường đo {i}", kind=UnitKind.PUBLIC_SERVICE,
                 parent=root if i < 50 else None) for i in range(499))]
        batch = []
        for n in range(count):
            name = f"{FAMILY[n % 20]} {MIDDLE[(n // 20) % 12]} {GIVEN[(n // 240) % 27]}"
            batch.append(Person(full_name=name, gender="nu" if n % 2 else "nam", unit=units[n % 500],
                                position="Giáo viên"))
            if len(batch) == 10_000:
                Person.objects.bulk_create(batch)
                batch = []
        Person.objects.bulk_create(batch)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE units_person")
        seeded = time.perf_counter() - started
        staff = User.objects.create(username="bench-search-staff", full_name="Bench", is_staff=True)
        staff.groups.add(Group.objects.get(name=Role.BOARD_STAFF))
        officer = User.objects.create(username="bench-search-officer", full_name="Bench", unit=root)
        officer.groups.add(Group.objects.get(name=Role.UNIT_OFFICER))
        cpus = os.cpu_count()
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
        self.stdout.write(f"machine: {cpus} cores, {mem:.0f} GiB; database: {connection.vendor}; "
                          f"{count:,} persons in 500 units created in {seeded:.1f} s (rolled back at the end)")
        for label, user in (("staff", staff), ("officer (his unit and 50 schools)", officer)):
            client = Client()
            client.force_login(user)
            client.get("/search/", {"q": "warm up"})
            times, slowest, queries = [], {}, 0
            for _ in range(rounds):
                for query in QUERIES:
                    with CaptureQueriesContext(connection) as captured:
                        start = time.perf_counter()
                        response = client.get("/search/", {"q": query})
                        elapsed = (time.perf_counter() - start) * 1000
                    assert response.status_code == 200
                    times.append(elapsed)
                    slowest[query] = max(slowest.get(query, 0), elapsed)
                    queries = max(queries, len(captured))
            times.sort()
            p95 = times[max(0, int(len(times) * 0.95) - 1)]
            worst = max(slowest, key=slowest.get)
            self.stdout.write(f"{label}: {len(times)} searches, median {statistics.median(times):.0f} ms, "
                              f"p95 {p95:.0f} ms, max {times[-1]:.0f} ms (\"{worst}\"), at most {queries} queries")
