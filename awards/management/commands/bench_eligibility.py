"""Benchmark: every ladder rule for 10,000 persons with 20-year histories
(``awards.record.eligibility.engine.evaluate_many``).

Creates, inside a transaction that is rolled back, 50 units and ``--persons`` persons (default 10,000), each with
20 years (2006-2025) of yearly ratings, titles (Lao động tiên tiến most years, Chiến sĩ thi đua cơ sở in runs,
some Bằng khen and Chiến sĩ thi đua cấp tỉnh, 10 % of the titles đột xuất or chuyên đề, 1 % revoked),
initiatives and a few hold periods. Then evaluates every individual ladder rule in force on 2026-03-01 for the
year 2026 for all of them, ``--runs`` times (default 3), and prints the machine, the median and the number of
queries (the same for 100 persons as for 10,000), interleaved with its floor: the same facts read by one SQL
query. Run with ``make bench``; the goal is 1.5 s."""

from __future__ import annotations

import datetime
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

    def anchor(self, units) -> int:
        """The floor: the same facts (awards standing, ratings, initiatives, hold periods of these persons) read by
        one SQL query into Python tuples, nothing evaluated. Answers the number of rows."""
        ids = [unit.pk for unit in units]
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT a.person_id, a.award_code, a.achievement_year, a.occasion, a.decision_number, NULL::bigint, "
                "NULL::bigint "
                "FROM awards_award a JOIN units_person p ON p.id = a.person_id "
                "WHERE p.unit_id = ANY(%s) AND NOT a.revoked AND a.recipient_kind = 'ca_nhan' "
                "UNION ALL SELECT r.person_id, r.rating, r.year, NULL, NULL, NULL, NULL "
                "FROM awards_yearlyrating r JOIN units_person p ON p.id = r.person_id WHERE p.unit_id = ANY(%s) "
                "UNION ALL SELECT i.person_id, i.kind, i.year, i.scope, i.title, i.used_by_id, i.id "
                "FROM awards_initiative i JOIN units_person p ON p.id = i.person_id WHERE p.unit_id = ANY(%s) "
                "UNION ALL SELECT h.person_id, h.kind, NULL, h.discipline_level, NULL, NULL, NULL "
                "FROM awards_holdperiod h JOIN units_person p ON p.id = h.person_id WHERE p.unit_id = ANY(%s)",
                [ids, ids, ids, ids])
            return len(cursor.fetchall())

    def run(self, count: int, runs: int) -> None:
        from awards.management.commands.bench_pages import machine_line
        from awards.record.eligibility import engine
        from units.models import Person

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
        times, cpu, anchors, verdicts, queries, rows = [], [], [], {}, 0, 0
        for _ in range(runs):  # interleaved: the floor, then the evaluation, so both see the same machine
            begin = time.perf_counter()
            rows = self.anchor(units)
            anchors.append(time.perf_counter() - begin)
            with CaptureQueriesContext(connection) as captured:
                begin, begin_cpu = time.perf_counter(), time.process_time()
                results = engine.evaluate_many(persons=everyone, year=2026, on=on, book=book)
                times.append(time.perf_counter() - begin)
                cpu.append(time.process_time() - begin_cpu)
            queries = len(captured)
            verdicts = {}
            for result in results:
                verdicts[result.verdict] = verdicts.get(result.verdict, 0) + 1
        median, floor = statistics.median(times), statistics.median(anchors)
        self.stdout.write(f"ratio: eligibility {median / floor:.1f}x the same facts read by one SQL query "
                          f"(medians of {runs} interleaved runs)")
        self.stdout.write(machine_line())
        self.stdout.write(f"rules: {', '.join(codes)}")
        self.stdout.write(f"evaluations: {len(results)} ({count} persons x {len(codes)} rules); verdicts: "
                          + ", ".join(f"{k} {v}" for k, v in sorted(verdicts.items())))
        self.stdout.write(f"queries: {queries} for {count} persons, {len(small)} for 100 persons")
        self.stdout.write(f"time: median {median:.2f} s (min {min(times):.2f} s, max {max(times):.2f} s; CPU of this "
                          f"process {statistics.median(cpu):.2f} s); one SQL query for the same facts: median "
                          f"{floor:.2f} s ({rows:,} rows); goal 1.5 s")
