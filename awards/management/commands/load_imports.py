"""Load test of big nominee lists (issue 15): N unit officers upload N lists of R rows AT ONCE to a running server
(gunicorn) whose imports run in a real Celery worker; then the database is read: every list must be saved whole
(R nominations, its job "done"), none lost, none half-imported.

Run by ``scripts/load_imports.sh`` (PostgreSQL, Redis, gunicorn and a worker on loopback). The command itself only
needs the server's address and the same database: it makes the units, officers and draft dossiers it uploads to
(named ``load-<run>-<n>``), signs each officer in through the login form, posts the file through the import form,
and waits for the jobs."""

from __future__ import annotations

import datetime
import os
import re
import statistics
import threading
import time
from typing import Any

import requests
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from awards.enums import OccasionType
from awards.management.commands.bench_import import nominee_workbook
from awards.models import Dossier, ImportJob
from units.models import Role, Unit, UnitKind, User

PASSWORD = "tai-thu-2026"
FINISHED = {"done", "refused", "failed"}
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _csrf(session: requests.Session, url: str) -> str:
    response = session.get(url, timeout=60)
    response.raise_for_status()
    found = CSRF.search(response.text)
    if not found:
        raise RuntimeError(f"no CSRF token on {url}")
    return found.group(1)


def upload(base: str, username: str, dossier: Dossier, data: bytes, out: dict[str, Any]) -> None:
    """One officer: sign in through the form, post the list through the import form; the job's address is kept."""
    started = time.monotonic()
    try:
        session = requests.Session()
        login = f"{base}/accounts/login/"
        token = _csrf(session, login)
        response = session.post(login, data={"username": username, "password": PASSWORD,
                                             "csrfmiddlewaretoken": token}, headers={"Referer": login}, timeout=60)
        if "/accounts/login/" in response.url:
            raise RuntimeError(f"{username} could not sign in ({response.status_code})")
        page = f"{base}/awards/dossiers/{dossier.reference}/import/"
        token = _csrf(session, page)
        response = session.post(page, data={"csrfmiddlewaretoken": token, "version": dossier.version},
                                files={"file": ("danh-sach.xlsx", data)}, headers={"Referer": page}, timeout=300)
        out["status"], out["url"] = response.status_code, response.url
    except Exception as exc:  # reported per list, never hidden
        out["error"] = repr(exc)
    out["upload_seconds"] = time.monotonic() - started


class Command(BaseCommand):
    help = "Tải thử: nhiều đơn vị cùng nhập danh sách lớn vào máy chủ đang chạy (gunicorn + worker)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--url", default=os.environ.get("LOAD_URL", "http://127.0.0.1:8091"))
        parser.add_argument("--lists", type=int, default=20)
        parser.add_argument("--rows", type=int, default=5000)
        parser.add_argument("--timeout", type=int, default=1800, help="giây chờ tối đa cho mọi việc nhập")

    def handle(self, *args: Any, **options: Any) -> None:
        base, lists, rows = options["url"].rstrip("/"), options["lists"], options["rows"]
        run = datetime.datetime.now().strftime("%H%M%S")
        root = Unit.objects.filter(kind=UnitKind.PROVINCE).first()
        officers = Group.objects.get(name=Role.UNIT_OFFICER)
        targets = []
        for n in range(lists):
            unit = Unit.objects.create(code=f"load-{run}-{n}", name=f"Đơn vị tải thử {run} số {n + 1}",
                                       kind=UnitKind.DEPARTMENT, parent=root)
            user = User.objects.create(username=f"load-{run}-{n}", full_name=f"Cán bộ tải thử {n + 1}", unit=unit)
            user.set_password(PASSWORD)
            user.save(update_fields=["password"])
            user.groups.add(officers)
            dossier = Dossier.objects.create(unit=unit, year=2024, occasion=OccasionType.MERIT,
                                             authority="chu_tich_ubnd_tinh", title=f"Danh sách tải thử {n + 1}",
                                             created_by=user, submission_number=f"{n + 1:02d}/TTr",
                                             submission_date=datetime.date(2025, 1, 10))
            targets.append((user.username, dossier, nominee_workbook(rows, tag=f"T{n}-")))
        self.stdout.write(f"{lists} danh sách x {rows} dòng -> {base} (load average "
                          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}, {os.cpu_count()} lõi)")

        started = time.monotonic()
        results = [{} for _ in targets]
        threads = [threading.Thread(target=upload, args=(base, username, dossier, data, out))
                   for (username, dossier, data), out in zip(targets, results, strict=True)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        uploaded = time.monotonic() - started
        errors = [out["error"] for out in results if "error" in out]
        if errors:
            raise CommandError("Tải lên lỗi: " + "; ".join(errors[:5]))

        dossiers = [dossier for _u, dossier, _d in targets]
        deadline = time.monotonic() + options["timeout"]
        while time.monotonic() < deadline:
            jobs = list(ImportJob.objects.filter(dossier__in=dossiers).values_list("status", flat=True))
            if len(jobs) == lists and set(jobs) <= FINISHED:
                break
            time.sleep(2)
        finished = time.monotonic() - started

        report = []
        for dossier in dossiers:
            job = ImportJob.objects.filter(dossier=dossier).order_by("-pk").first()
            saved = dossier.nominations.count()
            report.append((dossier.reference, job.status if job else "none", job.created if job else 0, saved))
        whole = [r for r in report if r[1] == "done" and r[3] == rows]
        lost = [r for r in report if r[1] in ("none", "pending", "running")]
        half = [r for r in report if r[3] not in (0, rows)]
        uploads = [out["upload_seconds"] for out in results]
        self.stdout.write(f"Tải lên: {uploaded:.1f} s (trung vị mỗi yêu cầu {statistics.median(uploads):.2f} s, "
                          f"lâu nhất {max(uploads):.2f} s); xong cả {lists} việc nhập sau {finished:.1f} s")
        self.stdout.write(f"Nhập trọn vẹn: {len(whole)}/{lists}; mất: {len(lost)}; nhập dở: {len(half)}; "
                          f"dòng đã lưu: {sum(r[3] for r in report)}")
        for reference, status, created, saved in report:
            if (reference, status, created, saved) not in whole:
                self.stdout.write(f"  {reference}: {status}, {saved} đề nghị")
        if len(whole) != lists or half:
            raise CommandError("Có danh sách bị mất hoặc nhập dở.")
