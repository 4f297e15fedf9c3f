"""Benchmark: rendering the PDF of a decision (decision + annex) with 50, 500 and 2,000 recipients.

Units, persons, dossiers and nominations are bulk-created inside a transaction that is rolled back at the
end, so the database is left as it was; each decision is drafted with ``draft_decision`` (the real code
path) and rendered in-process with ``awards.documents.decision_pdf.render``. Time: median of 3 renders (1 for the
largest size). Memory: the process's peak resident set during the renders of one size (Linux VmHWM, reset
before each size through /proc/self/clear_refs) and its growth over the resident set before them; where
the peak cannot be reset, the growth of ``getrusage(RUSAGE_SELF).ru_maxrss`` is reported instead."""

from __future__ import annotations

import datetime
import gc
import logging
import os
import platform
import resource
import statistics
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

DECIDED_ON = datetime.date(2026, 11, 23)
ACHIEVEMENT_YEAR = 2025
FAMILY = ["Nguyễn", "Trần", "Hoàng", "Lường", "Nông", "Hà", "Vi", "Lộc", "Đinh", "Triệu"]
MIDDLE = ["Văn", "Thị", "Mạnh", "Thu", "Đức", "Ngọc"]
GIVEN = ["Cương", "Lư", "Hòa", "Thắng", "Huyền", "Dũng", "Phượng", "Thiệu", "Hiền", "Tuấn", "Lượng"]
POSITIONS = ["Chuyên viên", "Trưởng phòng Kế hoạch tổng hợp", "Phó Trưởng phòng Tổ chức cán bộ", "Giáo viên",
             "Điều dưỡng trưởng", "Kế toán trưởng"]


class Rollback(Exception):
    pass


def _status_kb(field: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _maxrss_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux


class Command(BaseCommand):
    help = "Time the decision PDF (decision + annex) with 50, 500 and 2,000 recipients; peak memory and pages."

    def add_arguments(self, parser):
        parser.add_argument("--sizes", default="50,500,2000", help="comma-separated recipient counts")
        parser.add_argument("--runs", type=int, default=3, help="renders per size (the largest size runs once)")
        parser.add_argument("--keep", metavar="DIR", help="write each PDF to DIR for a look")

    def handle(self, *args, **options):
        try:
            sizes = sorted({int(size) for size in options["sizes"].split(",") if size.strip()})
        except ValueError:
            raise CommandError("--sizes takes numbers, e.g. 50,500,2000") from None
        if not sizes or min(sizes) < 1:
            raise CommandError("--sizes takes positive numbers")
        logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)  # one line per page otherwise
        self.describe_machine()
        results = []
        try:
            with transaction.atomic():
                for size in sizes:
                    decision = self.make_decision(size)
                    runs = 1 if size == max(sizes) and len(sizes) > 1 else options["runs"]
                    results.append(self.measure(decision, size, runs, options["keep"]))
                raise Rollback
        except Rollback:
            pass
        self.stdout.write("")
        self.stdout.write("| recipients | pages | PDF size | time (s) | runs | peak RSS (MB) | growth (MB) |")
        self.stdout.write("|---|---|---|---|---|---|---|")
        for row in results:
            self.stdout.write(
                f"| {row['size']:,} | {row['pages']} | {row['bytes'] / 1024:,.0f} KiB | {row['seconds']:.2f} | "
                f"{row['runs']} | {row['peak_mb']} | {row['growth_mb']:.0f} |")

    def describe_machine(self) -> None:
        import weasyprint

        cpus = os.cpu_count()
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
        self.stdout.write(f"machine: {cpus} cores ({platform.processor() or platform.machine()}), {mem:.0f} GiB RAM; "
                          f"Python {platform.python_version()}, WeasyPrint {weasyprint.__version__}; "
                          f"database: {connection.vendor}")

    def make_decision(self, size: int):
        """A decision of Bằng khen của Chủ tịch UBND tỉnh for ``size`` recipients: one collective per unit
        (one unit per 20 recipients), the rest individuals, one dossier per unit awaiting the decision."""
        from django.contrib.auth.models import Group

        from awards.catalogue.in_force import award_type_on
        from awards.decisions.services import draft_decision
        from awards.enums import Authority, DossierState, RecipientKind, Verdict
        from awards.models import Dossier, Nomination, Signer
        from units.models import Gender, Person, Role, Unit, UnitKind, User

        started = time.perf_counter()
        award = award_type_on("bang-khen-chu-tich-ubnd-tinh", datetime.date(ACHIEVEMENT_YEAR, 12, 31))
        staff = User.objects.create(username=f"bench-decision-staff-{size}", full_name="Bench", is_staff=True)
        staff.groups.add(Group.objects.get(name=Role.BOARD_STAFF))
        signer = Signer.objects.create(full_name="Hồ Tiến Thiệu", position="Chủ tịch UBND tỉnh", capacity="chu_tich",
                                       valid_from=datetime.date(2020, 1, 1))
        unit_count = max(1, size // 20)
        units = Unit.objects.bulk_create(
            Unit(code=f"bench-decision-{size}-{i}", name=f"Trường Trung học phổ thông Việt Bắc số {i + 1}",
                 kind=UnitKind.DEPARTMENT) for i in range(unit_count))
        dossiers = Dossier.objects.bulk_create(
            Dossier(reference=f"D{size:05d}{i:05d}", unit=unit, title=f"Đề nghị tặng Bằng khen năm {ACHIEVEMENT_YEAR}",
                    occasion="cong_trang", year=ACHIEVEMENT_YEAR, authority=Authority.PROVINCE_CHAIR,
                    state=DossierState.AWAITING_DECISION, submission_number=f"{i + 1}/TTr-THPT",
                    submission_date=datetime.date(ACHIEVEMENT_YEAR + 1, 10, 15), created_by=staff)
            for i, unit in enumerate(units))
        people = size - unit_count
        persons = Person.objects.bulk_create(
            Person(full_name=f"{FAMILY[i % 10]} {MIDDLE[i // 10 % 6]} {GIVEN[i // 60 % 11]}",
                   gender=Gender.FEMALE if MIDDLE[i // 10 % 6] in {"Thị", "Thu", "Ngọc"} else Gender.MALE,
                   position=POSITIONS[i % len(POSITIONS)], unit=units[i % unit_count])
            for i in range(people))
        nominations = [
            Nomination(dossier=dossier, recipient_kind=RecipientKind.COLLECTIVE, unit=dossier.unit, award_type=award,
                       verdict=Verdict.ELIGIBLE, recipient_key=f"unit:{dossier.unit_id}")
            for dossier in dossiers
        ] + [
            Nomination(dossier=dossiers[i % unit_count], recipient_kind=RecipientKind.INDIVIDUAL, person=person,
                       award_type=award, verdict=Verdict.ELIGIBLE, position=i, recipient_key=f"person:{person.pk}")
            for i, person in enumerate(persons)
        ]
        Nomination.objects.bulk_create(nominations)
        ready = list(Nomination.objects.filter(dossier__in=dossiers).select_related(
            "award_type", "dossier", "dossier__unit", "person", "person__unit", "unit", "household"))
        decision = draft_decision(ready, staff, DECIDED_ON, signer, "đã có thành tích xuất sắc năm học 2024 - 2025")
        self.stdout.write(f"{size:,} recipients: data and draft in {time.perf_counter() - started:.1f} s "
                          f"({unit_count} units, {people} individuals)")
        return decision

    def measure(self, decision, size: int, runs: int, keep: str | None) -> dict:
        from awards.documents import decision_pdf

        gc.collect()
        resettable = _reset_peak()
        rss_before = _status_kb("VmRSS") if resettable else None
        maxrss_before = _maxrss_kb()
        times, data, pages = [], b"", 0
        for _run in range(runs):
            start = time.perf_counter()
            data, pages = decision_pdf.render(decision, "decision")
            times.append(time.perf_counter() - start)
        peak_kb = _status_kb("VmHWM") if resettable else None
        if resettable and peak_kb is not None and rss_before is not None:
            peak_mb, growth_mb = f"{peak_kb / 1024:.0f}", (peak_kb - rss_before) / 1024
        else:
            peak_mb, growth_mb = f"{_maxrss_kb() / 1024:.0f} (ru_maxrss)", (_maxrss_kb() - maxrss_before) / 1024
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            (Path(keep) / f"decision-{size}.pdf").write_bytes(data)
        seconds = statistics.median(times)
        self.stdout.write(f"  render: {', '.join(f'{t:.2f}' for t in times)} s -> median {seconds:.2f} s; "
                          f"{pages} pages, {len(data) / 1024:,.0f} KiB; peak RSS {peak_mb} MB, "
                          f"growth {growth_mb:.0f} MB")
        return {"size": size, "pages": pages, "bytes": len(data), "seconds": seconds, "runs": runs,
                "peak_mb": peak_mb, "growth_mb": growth_mb}
