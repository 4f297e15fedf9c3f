"""Benchmark: the staff inbox with N dossiers (default 1,000): queries per page and server time.

Everything is created inside a transaction that is rolled back, so the database is left as it was.
Run with ``make bench`` (uses the configured database: SQLite by default, PostgreSQL with DATABASE_URL)."""

from __future__ import annotations

import os
import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, setup_test_environment


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Time the dossier inbox with many dossiers and count its queries."

    def add_arguments(self, parser):
        parser.add_argument("--dossiers", type=int, default=1000)
        parser.add_argument("--requests", type=int, default=30)

    def handle(self, *args, **options):
        setup_test_environment()  # lets the test client see the template context (rows shown)
        try:
            with transaction.atomic():
                self.run(options["dossiers"], options["requests"])
                raise Rollback
        except Rollback:
            pass

    def run(self, count: int, requests: int) -> None:
        from django.contrib.auth.models import Group

        from awards.catalogue.in_force import award_type_on
        from awards.enums import DossierState, RecipientKind
        from awards.models import Dossier, Nomination
        from units.models import Role, Unit, UnitKind, User

        award = award_type_on("bang-khen-chu-tich-ubnd-tinh", __import__("datetime").date(2020, 12, 31))
        staff = User.objects.create(username="bench-staff", full_name="Bench", is_staff=True)
        staff.groups.add(Group.objects.get(name=Role.BOARD_STAFF))
        units = Unit.objects.bulk_create(
            Unit(code=f"bench-unit-{i}", name=f"Đơn vị đo {i}", kind=UnitKind.DEPARTMENT) for i in range(50))
        states = [DossierState.SUBMITTED, DossierState.RECEIVED, DossierState.REVIEWED, DossierState.DRAFT]
        dossiers = Dossier.objects.bulk_create(
            Dossier(reference=f"B{i:09d}", unit=units[i % 50], title=f"Hồ sơ đo {i}", occasion="cong_trang",
                    year=2020, state=states[i % 4], created_by=staff)
            for i in range(count))
        Nomination.objects.bulk_create(
            Nomination(dossier=d, recipient_kind=RecipientKind.COLLECTIVE, unit=d.unit, award_type=award,
                       recipient_key=f"unit:{d.unit_id}")
            for d in dossiers for _ in range(3))
        client = Client()
        client.force_login(staff)
        counts, times = [], []
        for params in ({}, {"q": "don vi do 7"}, {"state": "received", "sort": "due"}, {"page": "3"}):
            with CaptureQueriesContext(connection) as queries:
                response = client.get("/awards/dossiers/", params)
            assert response.status_code == 200
            counts.append((params, len(queries), len(response.context["page"].object_list)))
        for _ in range(requests):
            start = time.perf_counter()
            client.get("/awards/dossiers/")
            times.append((time.perf_counter() - start) * 1000)
        cpus = os.cpu_count()
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
        self.stdout.write(f"machine: {cpus} cores, {mem:.0f} GiB; database: {connection.vendor}")
        self.stdout.write(f"inbox with {count} dossiers ({count * 3} nominations):")
        for params, queries, rows in counts:
            self.stdout.write(f"  {params or 'no filter'}: {queries} queries, {rows} rows shown")
        times.sort()
        p95 = times[max(0, int(len(times) * 0.95) - 1)]
        self.stdout.write(f"  time per page over {requests} requests: median {statistics.median(times):.1f} ms, "
                          f"p95 {p95:.1f} ms")
