"""Benchmark: every ladder rule for 10,000 persons with 20-year histories
(``awards.record.eligibility.engine.evaluate_many``).

Creates, inside a transaction that is rolled back, 50 units and ``--persons`` persons (default 10,000), each with
20 years (2006-2025) of yearly ratings, titles (Lao động tiên tiến most years, Chiến sĩ thi đua cơ sở in runs,
some Bằng khen and Chiến sĩ thi đua cấp tỉnh, 10 % of the titles đột xuất or chuyên đề, 1 % revoked),
initiatives and a few hold periods. Then evaluates every individual ladder rule in force on 2026-03-01 for the
year 2026 for all of them, ``--runs`` times (default 3), and prints the machine, the median and the number of
queries (the same for 100 persons as for 10,000). Run with ``make bench``; the target is 5 s."""

from __future__ import annotations

import datetime
import os
import random
import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Time every ladder rule for N persons with 20-year histories (median of runs, query count)."

    def add_arguments(self, parser):
        parser.add_argument("--persons", type=int, default=10_000)
        parser.add_argument("--runs", type=int, default=3)

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                self.run(options["persons"], options["runs"])
                raise Rollback
        except Rollback:
            pass

    def build(self, count: int) -> list:
        from awards.catalogue.in_force import award_type_on
        from awards.models import Award, HoldPeriod, Initiative, YearlyRating
        from units.models import Gender, Person, Unit, UnitKind

        rng = random.Random(2026)
        units = Unit.objects.bulk_create([Unit(code=f"bench-elig-{n}", name=f"Đơn vị đo {n}", kind=UnitKind.COMMUNE)
                                          for n in range(50)])
        persons = Person.objects.bulk_create([
            Person(full_name=f"Người đo {n}", gender=Gender.FEMALE if n % 2 else Gender.MALE, unit=units[n % 50])
            for n in range(count)], batch_size=2000)
        types: dict[tuple[str, int], object] = {}

        def award_type(code, year):
            if (code, year) not in types:
                types[(code, year)] = award_type_on(code, datetime.date(max(year, 2017), 12, 31))  # catalogue: 2017-
            return types[(code, year)]

        awards, ratings, initiatives, holds = [], [], [], []
        for person in persons:
            streak = 0
            for year in range(2006, 2026):
                rating = rng.choices(["htxs", "htt", "ht", "kht"], [35, 50, 12, 3])[0]
                ratings.append(YearlyRating(person=person, year=year, rating=rating))
                codes = []
                if rating in ("htxs", "htt"):
                    codes.append("lao-dong-tien-tien")
                    if rating == "htxs" and rng.random() < 0.6:
                        codes.append("chien-si-thi-dua-co-so")
                        streak += 1
                        if streak % 3 == 0 and rng.random() < 0.4:
                            codes.append("chien-si-thi-dua-cap-tinh")
                    else:
                        streak = 0
                if rng.random() < 0.08:
                    codes.append("bang-khen-chu-tich-ubnd-tinh")
                for code in codes:
                    kind = award_type(code, year)
                    occasion = rng.choices(["cong_trang", "chuyen_de", "dot_xuat"], [90, 6, 4])[0]
                    awards.append(Award(
                        source="history", award_type=kind, award_code=code, recipient_kind="ca_nhan", person=person,
                        recipient_name=person.full_name, year=year + 1, achievement_year=year, occasion=occasion,
                        authority=kind.authority, decision_number=f"{year}-{person.pk}/QĐ", issuer="Đo",
                        decided_on=datetime.date(year + 1, 3, 1), revoked=rng.random() < 0.01,
                    ))
                if rng.random() < 0.15:
                    initiatives.append(Initiative(
                        title=f"Sáng kiến {person.pk}-{year}", person=person, year=year,
                        scope=rng.choices(["co_so", "tinh", "toan_quoc"], [80, 18, 2])[0]))
            if rng.random() < 0.01:
                holds.append(HoldPeriod(person=person, kind="ky_luat", discipline_level="khien_trach",
                                        start=datetime.date(2024, 5, 1), end=datetime.date(2025, 4, 30)))
        Award.objects.bulk_create(awards, batch_size=5000)
        YearlyRating.objects.bulk_create(ratings, batch_size=5000)
        Initiative.objects.bulk_create(initiatives, batch_size=5000)
        HoldPeriod.objects.bulk_create(holds)
        self.stdout.write(f"data: {len(persons)} persons, {len(awards)} awards, {len(ratings)} ratings, "
                          f"{len(initiatives)} initiatives, {len(holds)} hold periods")
        return units

    def run(self, count: int, runs: int) -> None:
        from awards.record.eligibility import engine
        from units.models import Person

        cpus = os.cpu_count()
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
        self.stdout.write(f"machine: {cpus} cores, {mem:.0f} GiB; database: {connection.vendor}")
        start = time.perf_counter()
        units = self.build(count)
        self.stdout.write(f"setup: {time.perf_counter() - start:.1f} s (not measured)")
        on = datetime.date(2026, 3, 1)
        book = engine.RuleBook()
        codes = book.ladder_awards("ca_nhan", on)
        everyone = Person.objects.filter(unit__in=units).values("pk")
        few = Person.objects.filter(unit=units[0]).values("pk")[:100]
        with CaptureQueriesContext(connection) as small:
            engine.evaluate_many(persons=few, year=2026, on=on, book=book)
        times, verdicts, queries = [], {}, 0
        for _ in range(runs):
            with CaptureQueriesContext(connection) as captured:
                begin = time.perf_counter()
                results = engine.evaluate_many(persons=everyone, year=2026, on=on, book=book)
                times.append(time.perf_counter() - begin)
            queries = len(captured)
            verdicts = {}
            for result in results:
                verdicts[result.verdict] = verdicts.get(result.verdict, 0) + 1
        self.stdout.write(f"rules: {', '.join(codes)}")
        self.stdout.write(f"evaluations: {len(results)} ({count} persons x {len(codes)} rules); verdicts: "
                          + ", ".join(f"{k} {v}" for k, v in sorted(verdicts.items())))
        self.stdout.write(f"queries: {queries} for {count} persons, {len(small)} for 100 persons")
        self.stdout.write(f"time: median {statistics.median(times):.2f} s of {runs} runs "
                          f"(min {min(times):.2f} s, max {max(times):.2f} s); target 5 s")
