"""Benchmark: the nominee import of an N-row list (default 5,000) against its anchor, openpyxl reading the same file
in read-only mode, interleaved in the same run; then the dossier page holding those N nominees against the login
page of the same process.

Prints the ratios first, then the absolute figures with the machine's cores and load average. Everything runs
inside a transaction that is rolled back, so the database is left as it was (each import in its own savepoint).
``--profile`` prints a pyinstrument profile of one import."""

from __future__ import annotations

import datetime
import io
import os
import statistics
import time
from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from awards.dossiers.importing.columns import TEMPLATE_COLUMNS
from awards.dossiers.importing.save import import_nominees
from awards.enums import OccasionType
from awards.models import Dossier
from units.models import Role, Unit, UnitKind, User

FAMILY = ["Nguyễn", "Trần", "Hoàng", "Lường", "Nông", "Hà", "Vi", "Lộc", "Đinh", "Triệu"]
GIVEN = ["Cương", "Lư", "Hòa", "Thắng", "Huyền", "Dũng", "Phượng", "Thiệu", "Hiền", "Tuấn", "Lượng"]
AWARD = "Bằng khen của UBND tỉnh"


class Rollback(Exception):
    pass


def nominee_workbook(rows: int, award: str = AWARD, tag: str = "") -> bytes:
    """An N-row nominee list as people fill it: individuals with gender, birth date and position, in the dossier's
    unit (the "Đơn vị công tác" column left empty)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Danh sách")
    sheet.append(["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"])
    sheet.append(TEMPLATE_COLUMNS)
    for n in range(rows):
        name = f"{FAMILY[n % 10]} Văn {GIVEN[n % 11]} {tag}{n + 1}"
        birth = datetime.date(1965, 1, 1) + datetime.timedelta(days=n * 3 % 15000)
        sheet.append([n + 1, name, "Nam" if n % 2 else "Nữ", birth.strftime("%d/%m/%Y"), "Chuyên viên", None,
                      award, "Cá nhân", "Hoàn thành xuất sắc nhiệm vụ năm 2024"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def openpyxl_parse(data: bytes) -> int:
    """The anchor: openpyxl reading every row of the file, read-only, values only."""
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    count = sum(1 for _row in workbook.worksheets[0].iter_rows(values_only=True))
    workbook.close()
    return count


def timed(step: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = step()
    return time.perf_counter() - start, result


class Command(BaseCommand):
    help = "Đo thời gian nhập danh sách N dòng so với openpyxl đọc cùng tệp, và trang hồ sơ có N đề nghị."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--rows", type=int, default=5000)
        parser.add_argument("--repeat", type=int, default=3)
        parser.add_argument("--requests", type=int, default=10)
        parser.add_argument("--profile", action="store_true", help="pyinstrument profile of one import")
        parser.add_argument("--profile-page", action="store_true",
                            help="pyinstrument profile of one dossier page request, and its queries by time")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            with transaction.atomic():
                self.run(options["rows"], options["repeat"], options["requests"], options["profile"],
                         options["profile_page"])
                raise Rollback
        except Rollback:
            pass

    def run(self, rows: int, repeat: int, requests: int, profile: bool, profile_page: bool = False) -> None:
        data = nominee_workbook(rows)
        root = Unit.objects.filter(kind=UnitKind.PROVINCE).first()
        unit = Unit.objects.create(code="bench-import", name="Sở đo hiệu năng nhập danh sách",
                                   kind=UnitKind.DEPARTMENT, parent=root)
        officer = User.objects.create(username="bench-import-officer", full_name="Cán bộ đo hiệu năng", unit=unit)
        officer.groups.add(Group.objects.get(name=Role.UNIT_OFFICER))
        dossier = Dossier.objects.create(unit=unit, year=2024, occasion=OccasionType.MERIT,
                                         authority="chu_tich_ubnd_tinh", title="Danh sách đo hiệu năng",
                                         created_by=officer, submission_number="01/TTr",
                                         submission_date=datetime.date(2025, 1, 10))

        anchors, imports = [], []
        report = None
        for attempt in range(repeat):
            anchors.append(timed(lambda: openpyxl_parse(data))[0])
            keep = attempt == repeat - 1
            sid = transaction.savepoint()
            seconds, report = timed(lambda: import_nominees(dossier, SimpleUploadedFile("ds.xlsx", data), officer))
            imports.append(seconds)
            if report.errors:
                raise SystemExit("\n".join(report.error_texts[:5]))
            if keep:
                transaction.savepoint_commit(sid)
            else:
                transaction.savepoint_rollback(sid)
        if profile:
            from pyinstrument import Profiler

            sid = transaction.savepoint()
            dossier.nominations.all().delete()
            with Profiler() as profiler:
                import_nominees(dossier, SimpleUploadedFile("ds.xlsx", data), officer)
            transaction.savepoint_rollback(sid)
            self.stdout.write(profiler.output_text(unicode=True, color=False, show_all=False))

        client = Client()
        client.force_login(officer)
        page = reverse("awards:dossier", args=[dossier.reference])
        login = reverse("login")
        anonymous = Client()
        client.get(page)
        anonymous.get(login)  # warm both
        logins, pages, sizes, queries = [], [], [], 0
        for _ in range(requests):
            logins.append(timed(lambda: anonymous.get(login))[0])
            with CaptureQueriesContext(connection) as captured:
                seconds, response = timed(lambda: client.get(page))
            assert response.status_code == 200, response.status_code
            pages.append(seconds)
            sizes.append(len(response.content))
            queries = len(captured)

        if profile_page:
            self.profile_page(client, page)

        anchor, spent = statistics.median(anchors), statistics.median(imports)
        login_ms, page_ms = statistics.median(logins) * 1000, statistics.median(pages) * 1000
        self.stdout.write(f"Nhập {rows} dòng / openpyxl đọc cùng tệp: {spent / anchor:.2f} × (mục tiêu ≤ 3 ×)")
        self.stdout.write(f"Trang hồ sơ {rows} đề nghị / trang đăng nhập: {page_ms / login_ms:.1f} ×")
        load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
        self.stdout.write(f"Máy: {os.cpu_count()} lõi, tải {load}; {connection.vendor}; {repeat} lần xen kẽ.")
        runs = ", ".join(f"{a:.2f}" for a in anchors), ", ".join(f"{a:.2f}" for a in imports)
        self.stdout.write(f"  openpyxl đọc tệp (mốc)      trung vị {anchor:6.2f} s  ({runs[0]})")
        self.stdout.write(f"  nhập (kiểm tra và lưu)      trung vị {spent:6.2f} s  ({runs[1]})")
        self.stdout.write(f"  đã nhập {report.created} đề nghị, {report.persons_created} người mới.")
        self.stdout.write(f"  trang đăng nhập             trung vị {login_ms:6.1f} ms")
        self.stdout.write(f"  trang hồ sơ                 trung vị {page_ms:6.1f} ms, {queries} truy vấn, "
                          f"{max(sizes) / 1024:.0f} KB HTML (mục tiêu ≤ 300 ms)")

    def profile_page(self, client: Client, page: str) -> None:
        from pyinstrument import Profiler

        with CaptureQueriesContext(connection) as captured, Profiler() as profiler:
            client.get(page)
        self.stdout.write(profiler.output_text(unicode=True, color=False, show_all=False))
        slowest = sorted(captured.captured_queries, key=lambda q: -float(q["time"]))[:8]
        for query in slowest:
            self.stdout.write(f"  {float(query['time']) * 1000:7.1f} ms  {query['sql'][:300]}")
