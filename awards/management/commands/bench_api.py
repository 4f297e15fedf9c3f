"""Benchmark: the API's award list, ``/api/v1/awards/?year=`` paginated (issue 19), on the data in the database
(``seed_bulk``: a million awards over 20 years), for a province-wide key and for a unit's key (its unit and the units
below it), pages 1, 2 and the last; and ``/api/v1/dashboard/?year=``. The keys are made inside a transaction that is
rolled back. Server time with Django's test client (authentication, scoping, paging, JSON; no network), p50/p95 and
queries, beside the login page. Use PostgreSQL (DATABASE_URL)."""

from __future__ import annotations

import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext, setup_test_environment

from awards.management.commands.bench_dashboard import percentile
from awards.management.commands.bench_pages import machine_line


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Time /api/v1/awards/?year= (pages 1, 2, last) and /api/v1/dashboard/ for two keys; rolled back."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=20)
        parser.add_argument("--year", type=int, default=0, help="default: the latest year with awards")

    def handle(self, *args, **options):
        setup_test_environment()
        try:
            with transaction.atomic():
                self.run(options["requests"], options["year"])
                raise Rollback
        except Rollback:
            pass

    def run(self, requests: int, year: int) -> None:
        from rest_framework.settings import api_settings
        from rest_framework.throttling import SimpleRateThrottle

        from awards.api.auth import create_client
        from awards.models import Award
        from awards.reports import selectors
        from units.models import Unit

        SimpleRateThrottle.THROTTLE_RATES = {**api_settings.DEFAULT_THROTTLE_RATES, "client": "100000/min"}
        year = year or (selectors.years_with_awards() or [0])[0]
        if not year:
            raise CommandError("bench_api: no awards; run seed_bulk first (PostgreSQL).")
        busiest = (Award.objects.filter(year=year, proposing_unit__isnull=False).values("proposing_unit_id")
                   .annotate(n=Count("pk")).order_by("-n").first())
        unit = Unit.objects.get(pk=busiest["proposing_unit_id"])
        keys = {"province": create_client("bench-province", ["read"])[1],
                f"unit {unit.code}": create_client("bench-unit", ["read"], unit)[1]}
        self.stdout.write(f"{machine_line()}; awards: {Award.objects.count()}, year {year}: "
                          f"{Award.objects.filter(year=year).count()}")
        client, anonymous = Client(), Client()
        for who, key in keys.items():
            headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
            pages = [("page 1", "/api/v1/awards/", {"year": year}),
                     ("last page", "/api/v1/awards/", {"year": year, "page": "last"}),
                     ("dashboard", "/api/v1/dashboard/", {"year": year})]
            if who == "province":
                pages.insert(1, ("page 2", "/api/v1/awards/", {"year": year, "page": 2}))
            for label, path, params in pages:
                client.get(path, params, **headers)  # warm-up
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(path, params, **headers)
                query_count = len(queries)  # read now: the query log is a bounded deque
                if response.status_code != 200:
                    raise CommandError(f"{path} {params} answered {response.status_code}: {response.content[:200]}")
                count = response.json().get("count", response.json().get("total"))
                times, anchor = [], []
                for _ in range(requests):
                    start = time.perf_counter()
                    anonymous.get("/accounts/login/")
                    anchor.append((time.perf_counter() - start) * 1000)
                    start = time.perf_counter()
                    client.get(path, params, **headers)
                    times.append((time.perf_counter() - start) * 1000)
                self.stdout.write(f"{who} {path} {label}: {count} awards, {query_count} queries; p50 "
                                  f"{statistics.median(times):.1f} ms, p95 {percentile(times, 95):.1f} ms; p95 "
                                  f"{percentile(times, 95) / percentile(anchor, 95):.1f}x the login page's "
                                  f"({percentile(anchor, 95):.2f} ms)")
