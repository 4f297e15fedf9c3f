"""Benchmark: the main pages against the login page of the same server, in the same run.

Starts gunicorn (``--workers``, default 2) with DEBUG off on a loopback port, signs two bench users in through the
real login form, and runs ``wrk`` against each page interleaved with the login page (login, page, login, page...),
so a busy machine slows the anchor as much as the page: the ratio (page requests/s over login requests/s) comes
first, then the absolute figures with the machine's cores and load average. Pages: the staff inbox with
``--dossiers`` dossiers (default 1,000, three nominations each, created for the run and deleted afterwards), the
leadership dashboard for the latest year with awards, and its drill-down to the year's biggest line. Then the same
pages sequentially (``wrk -c1``) and in-process (Django's test client, medians), each against the login page.

Uses the configured database (``DATABASE_URL``; ``make bench`` points it at the bench database, where ``seed_bulk``
put a million awards). Needs ``wrk`` (Debian package, ``scripts/system-deps.sh``)."""

from __future__ import annotations

import http.client
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

PREFIX = "bench-pages"
LOGIN = "/accounts/login/"


@dataclass
class WrkResult:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int


def machine_line() -> str:
    load = " / ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else "?"
    return f"machine: {os.cpu_count()} cores, load average {load} (1/5/15 min); database: {connection.vendor}"


def _ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def parse_wrk(output: str) -> WrkResult:
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s|m)\b", output)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s|m)\b", output)
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    count = int(errors.group(1)) if errors else 0
    if socket:
        count += sum(int(n) for n in socket.groups())
    return WrkResult(rps, _ms(*p50.groups()) if p50 else 0.0, _ms(*p99.groups()) if p99 else 0.0, count)


class Command(BaseCommand):
    help = "Inbox, dashboard and drill-down against the login page (gunicorn + wrk, sequential, in-process)."

    def add_arguments(self, parser):
        parser.add_argument("--dossiers", type=int, default=1000)
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--connections", type=int, default=16)
        parser.add_argument("--seconds", type=int, default=8, help="length of each wrk run")
        parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds (the median is kept)")
        parser.add_argument("--requests", type=int, default=40, help="in-process requests per page")
        parser.add_argument("--port", type=int, default=8768)
        parser.add_argument("--skip-http", action="store_true", help="in-process figures only (no gunicorn, wrk)")

    def handle(self, *args, **options):
        if not options["skip_http"] and shutil.which("wrk") is None:
            raise CommandError("wrk is not installed: bash scripts/system-deps.sh")
        password = secrets.token_urlsafe(16)
        staff, leader = self.users(password)
        created = self.dossiers(staff, options["dossiers"])
        try:
            pages = self.pages(staff, leader)
            in_process = self.in_process(pages, options["requests"])
            http_rows = [] if options["skip_http"] else self.over_http(pages, password, options)
        finally:
            self.cleanup(created)
        self.report(pages, in_process, http_rows, options)

    # --- data ---------------------------------------------------------------------------------------------------
    def users(self, password: str):
        from django.contrib.auth.models import Group

        from units.models import Role, User

        made = []
        for name, role, staff_flag in ((f"{PREFIX}-staff", Role.BOARD_STAFF, True),
                                       (f"{PREFIX}-leader", Role.LEADERSHIP, False)):
            user, _new = User.objects.get_or_create(username=name, defaults={"full_name": name, "is_staff": staff_flag})
            user.set_password(password)
            user.is_active = True
            user.save()
            user.groups.set([Group.objects.get_or_create(name=role)[0]])
            made.append(user)
        return made

    def dossiers(self, staff, count: int) -> bool:
        import datetime

        from awards.catalogue.in_force import award_type_on
        from awards.enums import DossierState, RecipientKind
        from awards.models import Dossier, Nomination
        from units.models import Unit, UnitKind

        self.cleanup(True)  # a run stopped half-way
        award = award_type_on("bang-khen-chu-tich-ubnd-tinh", datetime.date(2020, 12, 31))
        units = Unit.objects.bulk_create(
            Unit(code=f"{PREFIX}-unit-{i}", name=f"Đơn vị đo {i}", kind=UnitKind.DEPARTMENT) for i in range(50))
        states = [DossierState.SUBMITTED, DossierState.RECEIVED, DossierState.REVIEWED, DossierState.DRAFT]
        made = Dossier.objects.bulk_create(
            Dossier(reference=f"BP{i:08d}", unit=units[i % 50], title=f"Hồ sơ đo {i}", occasion="cong_trang",
                    year=2020, state=states[i % 4], created_by=staff)
            for i in range(count))
        Nomination.objects.bulk_create(
            Nomination(dossier=d, recipient_kind=RecipientKind.COLLECTIVE, unit=d.unit, award_type=award,
                       recipient_key=f"unit:{d.unit_id}")
            for d in made for _ in range(3))
        return True

    def cleanup(self, created: bool) -> None:
        from awards.models import Dossier
        from units.models import Unit

        if created:
            Dossier.objects.filter(unit__code__startswith=f"{PREFIX}-unit-").delete()
            Unit.objects.filter(code__startswith=f"{PREFIX}-unit-").delete()

    def pages(self, staff, leader) -> list[tuple[str, str, object]]:
        from awards.reports import selectors

        pages = [("inbox", "/awards/dossiers/", staff)]
        years = selectors.years_with_awards()
        if years:
            year = max(years)
            pages.append(("dashboard", f"/dashboard/?year={year}", leader))
            lines = selectors.award_lines(year, None)
            if lines:
                biggest = max(lines, key=lambda line: line.total)
                query = urllib.parse.urlencode({"year": year, "codes": ",".join(biggest.codes)})
                pages.append((f"drill-down ({biggest.total:,} awards)", f"/dashboard/awards/?{query}", leader))
        return pages

    # --- in-process ----------------------------------------------------------------------------------------------
    def in_process(self, pages, requests: int) -> list[tuple[str, float, float, float, float]]:
        from django.test import Client

        rows = []
        for label, url, user in pages:
            anonymous, client = Client(), Client()
            client.force_login(user)
            for warm in (anonymous.get(LOGIN), client.get(url)):
                if warm.status_code != 200:
                    raise CommandError(f"{url} answered {warm.status_code}")
            anchor, measured, anchor_cpu, cpu = [], [], [], []
            for _ in range(requests):
                for target, times, cpus, path in ((anonymous, anchor, anchor_cpu, LOGIN), (client, measured, cpu, url)):
                    start, start_cpu = time.perf_counter(), time.process_time()
                    target.get(path)
                    times.append((time.perf_counter() - start) * 1000)
                    cpus.append((time.process_time() - start_cpu) * 1000)
            rows.append((label, statistics.median(measured), statistics.median(anchor), statistics.median(cpu),
                         statistics.median(anchor_cpu)))
        return rows

    # --- over HTTP -------------------------------------------------------------------------------------------------
    def over_http(self, pages, password: str, options) -> list[tuple]:
        port = options["port"]
        base = f"http://127.0.0.1:{port}"
        env = {**os.environ, "DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(40), "ALLOWED_HOSTS": "127.0.0.1",
               "SECURE_SSL_REDIRECT": "0", "SECURE_HSTS_SECONDS": "0"}
        subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], env=env, check=True,
                       cwd=settings.BASE_DIR)
        gunicorn = Path(sys.executable).with_name("gunicorn")
        server = subprocess.Popen([str(gunicorn), "config.wsgi", "-w", str(options["workers"]),
                                   "-b", f"127.0.0.1:{port}", "--log-level", "warning"], env=env, cwd=settings.BASE_DIR)
        try:
            self.wait_for(base)
            cookies = {user.username: self.sign_in(base, user.username, password) for _l, _u, user in pages}
            rows = []
            for label, url, user in pages:
                header = f"Cookie: sessionid={cookies[user.username]}"
                for mode, connections in (("wrk", options["connections"]), ("sequential", 1)):
                    anchor, measured = [], []
                    for _ in range(options["rounds"]):
                        anchor.append(self.wrk(base + LOGIN, None, connections, options["seconds"]))
                        measured.append(self.wrk(base + url, header, connections, options["seconds"]))
                    rows.append((label, mode, connections, self.median(measured), self.median(anchor)))
            return rows
        finally:
            server.terminate()
            server.wait(timeout=30)

    @staticmethod
    def median(results: list[WrkResult]) -> WrkResult:
        return WrkResult(statistics.median(r.rps for r in results), statistics.median(r.p50_ms for r in results),
                         statistics.median(r.p99_ms for r in results), sum(r.errors for r in results))

    @staticmethod
    def wait_for(base: str) -> None:
        for _ in range(120):
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=2):
                    return
            except OSError:
                time.sleep(0.5)
        raise CommandError("gunicorn did not answer /healthz")

    def sign_in(self, base: str, username: str, password: str) -> str:
        """The real form: GET the login page (CSRF cookie and token), POST the credentials, then GET the page the
        redirect names; answers the session cookie. Cookies are carried by hand: with DEBUG off they are marked
        Secure, which a cookie jar would not send over plain HTTP."""
        host = urllib.parse.urlsplit(base)

        def call(method: str, path: str, cookies: dict, body: str | None = None):
            conn = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
            headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()), "Referer": base + LOGIN}
            if body is not None:
                headers["Content-Type"] = "application/x-www-form-urlencoded"
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            text = response.read().decode()
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    key, _sep, rest = value.partition("=")
                    cookies[key.strip()] = rest.split(";", 1)[0]
            conn.close()
            return response, text

        cookies: dict[str, str] = {}
        _response, page = call("GET", LOGIN, cookies)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        form = urllib.parse.urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token})
        response, _text = call("POST", LOGIN, cookies, form)
        if response.status != 302 or settings.SESSION_COOKIE_NAME not in cookies:
            raise CommandError(f"sign-in of {username} failed ({response.status})")
        landing, _text = call("GET", response.getheader("Location"), cookies)
        if landing.status != 200:
            raise CommandError(f"the page after sign-in answered {landing.status}")
        return cookies[settings.SESSION_COOKIE_NAME]

    @staticmethod
    def wrk(url: str, header: str | None, connections: int, seconds: int) -> WrkResult:
        command = ["wrk", "-t", str(min(2, connections)), "-c", str(connections), "-d", f"{seconds}s", "--latency"]
        if header:
            command += ["-H", header]
        output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
        return parse_wrk(output)

    # --- report --------------------------------------------------------------------------------------------------
    def report(self, pages, in_process, http_rows, options) -> None:
        write = self.stdout.write
        write("ratios (page / login page of the same server, same run; throughput: higher is better, "
              "time: lower is better)")
        for label, mode, connections, page, login in http_rows:
            if mode == "wrk":
                write(f"  {label}: wrk -c{connections} throughput {page.rps / login.rps:.2f}x the login page")
            else:
                write(f"  {label}: sequential over HTTP {page.p50_ms / login.p50_ms:.2f}x the login page's time")
        for label, page_ms, login_ms, page_cpu, login_cpu in in_process:
            write(f"  {label}: in-process median {page_ms / login_ms:.1f}x the login page's time, "
                  f"{page_cpu / login_cpu:.1f}x its CPU")
        write(machine_line())
        write(f"gunicorn {options['workers']} workers, DEBUG=0, wrk {options['seconds']} s per run, "
              f"{options['rounds']} interleaved rounds (medians); inbox with {options['dossiers']:,} dossiers")
        for label, mode, connections, page, login in http_rows:
            write(f"  {label} [{mode} -c{connections}]: {page.rps:.0f} req/s, p50 {page.p50_ms:.1f} ms, "
                  f"p99 {page.p99_ms:.1f} ms, errors {page.errors} | login {login.rps:.0f} req/s, "
                  f"p50 {login.p50_ms:.1f} ms, errors {login.errors}")
        for label, page_ms, login_ms, page_cpu, login_cpu in in_process:
            write(f"  {label} [in-process, {options['requests']} requests]: median {page_ms:.1f} ms, CPU "
                  f"{page_cpu:.1f} ms | login {login_ms:.2f} ms, CPU {login_cpu:.2f} ms")
