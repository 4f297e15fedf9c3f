"""Benchmark: the leadership dashboard on the data already in the database (``seed_bulk`` for a million awards).

Requests ``/dashboard/?year=Y`` N times (default 50) per chosen year with Django's test client as a leadership
user, and prints p50/p95 server time, the number of queries and the drill-down page time. The timed requests run
without Django's test instrumentation (which copies every template context rendered); one request apart reads the
figures and counts the queries. The user is ``lanhdao``
when present, otherwise a temporary one created inside a transaction that is rolled back. Run with ``make bench``
(uses the configured database: set DATABASE_URL=postgres://... for the bulk data)."""

from __future__ import annotations

import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, setup_test_environment, teardown_test_environment

from awards.management.commands.bench_pages import machine_line


class Rollback(Exception):
    pass


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(len(ordered) * pct / 100) - 1))]


class Command(BaseCommand):
    help = "Time the leadership dashboard (p50/p95 over N requests) and count its queries on the current data."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=50)
        parser.add_argument("--years", default="", help="comma-separated years (default: latest, middle, oldest)")

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                self.run(options["requests"], options["years"])
                raise Rollback
        except Rollback:
            pass

    @staticmethod
    def with_context(client, path: str, params: dict):
        """One request whose template context is kept (Django's test instrumentation, which copies every context
        rendered): for the figures and the query count only, never for a timed request."""
        setup_test_environment()
        try:
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path, params)
            return response, len(queries)
        finally:
            teardown_test_environment()

    def run(self, requests: int, years_option: str) -> None:
        from django.contrib.auth.models import Group

        from awards.models import Award
        from awards.reports import selectors
        from units.models import Role, User

        user = User.objects.filter(username="lanhdao", is_active=True).first()
        if user is None or not user.has_role(Role.LEADERSHIP):
            user = User.objects.create(username="bench-leader", full_name="Lãnh đạo (đo)")
            user.groups.add(Group.objects.get_or_create(name=Role.LEADERSHIP)[0])
        available = selectors.years_with_awards()
        if not available:  # not an error: ``make bench`` goes on with the other benchmarks
            self.stdout.write("bench_dashboard: no awards in this database; run seed_bulk first (PostgreSQL).")
            return
        if years_option:
            years = [int(y) for y in years_option.split(",") if y.strip()]
        else:
            years = sorted({available[0], available[len(available) // 2], available[-1]}, reverse=True)
        client, anonymous = Client(), Client()
        client.force_login(user)
        self.stdout.write(f"{machine_line()}; awards: {Award.objects.count()} ({len(available)} years)")
        anonymous.get("/accounts/login/")
        client.get("/dashboard/", {"year": str(years[0])})  # warm-up: connection, templates, caches
        for year in years:
            response, query_count = self.with_context(client, "/dashboard/", {"year": str(year)})
            if response.status_code != 200:
                raise CommandError(f"/dashboard/?year={year} answered {response.status_code}")
            times, anchor, cpu, anchor_cpu = [], [], [], []
            for _ in range(requests):  # interleaved with the login page, the floor of any page of this server
                start, start_cpu = time.perf_counter(), time.process_time()
                anonymous.get("/accounts/login/")
                anchor.append((time.perf_counter() - start) * 1000)
                anchor_cpu.append((time.process_time() - start_cpu) * 1000)
                start, start_cpu = time.perf_counter(), time.process_time()
                client.get("/dashboard/", {"year": str(year)})
                times.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - start_cpu) * 1000)
            self.stdout.write(f"dashboard {year}: p95 {percentile(times, 95) / percentile(anchor, 95):.1f}x, "
                              f"p50 {statistics.median(times) / statistics.median(anchor):.1f}x the login page's")
            self.stdout.write(f"  {response.context['total']} awards, {query_count} queries; over {requests} requests "
                              f"p50 {statistics.median(times):.1f} ms, p95 {percentile(times, 95):.1f} ms, "
                              f"max {max(times):.1f} ms; login page p50 {statistics.median(anchor):.2f} ms, "
                              f"p95 {percentile(anchor, 95):.2f} ms (goal: p95 at most 30 ms)")
            self.stdout.write(f"  CPU of this process per request (the load-independent part; PostgreSQL's own work "
                              f"not included): p50 {statistics.median(cpu):.1f} ms, p95 {percentile(cpu, 95):.1f} ms; "
                              f"login page p50 {statistics.median(anchor_cpu):.2f} ms "
                              f"({statistics.median(cpu) / statistics.median(anchor_cpu):.1f}x)")
            lines = response.context["lines"]
            if not lines:
                continue
            biggest = max(lines, key=lambda line: line.total)
            params = {"year": str(year), "codes": ",".join(biggest.codes)}
            drill_times, drill_anchor = {}, []
            for _ in range(max(3, requests // 5)):
                for page in ("1", "2", "last"):
                    start = time.perf_counter()
                    anonymous.get("/accounts/login/")
                    drill_anchor.append((time.perf_counter() - start) * 1000)
                    start = time.perf_counter()
                    client.get("/dashboard/awards/", {**params, "page": page})
                    drill_times.setdefault(page, []).append((time.perf_counter() - start) * 1000)
            drill, drill_count = self.with_context(client, "/dashboard/awards/", {**params, "page": "last"})
            paginator = drill.context["page"].paginator
            medians = {page: statistics.median(values) for page, values in drill_times.items()}
            ratio = max(medians.values()) / statistics.median(drill_anchor)
            self.stdout.write(f"  drill-down {biggest.label}: {ratio:.1f}x the login page ({paginator.count} awards, "
                              f"{paginator.num_pages} pages of {paginator.per_page}, {drill_count} queries); "
                              "medians of pages 1, 2, last "
                              + ", ".join(f"{t:.1f}" for t in medians.values()) + " ms (goal: at most 30 ms)")
