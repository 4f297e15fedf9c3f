"""Load mix for `make loadtest`: 50 users against gunicorn + PostgreSQL + a Celery worker on Redis.

30 unit officers (their dossier list, a dossier page, the dashboard of their unit, and creating a draft
dossier), 15 Ban TĐKT staff (the inbox with filters and pages, dossier pages), 5 leaders (dashboard for a year,
its Excel export, a dashboard PDF report queued to the worker). Every user signs in through the login form
(CSRF token included) once (sessions last 8 hours; LOADTEST_RELOGIN_SECONDS makes users sign in again). Think
time between pages 2-8 s, a person reading a page (LOADTEST_WAIT="0.5,2.5" gives the harsher mix of earlier runs).

With LOADTEST_HOSTS="http://127.0.0.1:8090,http://127.0.0.1:8091" (scripts/loadtest.sh with LOADTEST_NODES=2) every
request goes to the next node in turn (round robin, like a balancer without sticky sessions): a user's session
made on one node is used on the other, which works only because sessions live in the shared cache.

Created dossiers carry the run's marker in their title; scripts/loadtest.sh compares the number of rows with
the number of successful creations counted here (written to $LOADTEST_DIR/creates.txt)."""

from __future__ import annotations

import itertools
import os
import random
import re
import threading
import time
from pathlib import Path

from locust import HttpUser, between, events, task
from locust.clients import HttpSession

PASSWORD = os.environ.get("LOADTEST_PASSWORD", "thidua2021")
MARKER = os.environ.get("LOADTEST_MARKER", "loadtest")
OUT = Path(os.environ.get("LOADTEST_DIR", "."))
OFFICERS = [name for name in os.environ.get("LOADTEST_OFFICERS", "donvi").split(",") if name]
REFERENCE = re.compile(r'href="/awards/dossiers/([A-Z0-9][A-Z0-9-]+)/"')
CREATED = re.compile(r"/awards/dossiers/[A-Z0-9][A-Z0-9-]+/")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
RELOGIN_AFTER = float(os.environ.get("LOADTEST_RELOGIN_SECONDS", "28800"))
WAIT = tuple(float(x) for x in os.environ.get("LOADTEST_WAIT", "2,8").split(","))
HOSTS = [host.rstrip("/") for host in os.environ.get("LOADTEST_HOSTS", "").split(",") if host]
_officer_cycle = itertools.cycle(OFFICERS)
_host_cycle = itertools.cycle(HOSTS)
_lock = threading.Lock()
created = {"ok": 0, "failed": 0}
per_node: dict[str, int] = {}


class RoundRobinSession(HttpSession):
    """Sends each request to the next of HOSTS (cookies are per host name, not per port: the session follows)."""

    def request(self, method, url, *args, **kwargs):
        if HOSTS and url.startswith("/"):
            with _lock:
                self.base_url = next(_host_cycle)
                per_node[self.base_url] = per_node.get(self.base_url, 0) + 1
        return super().request(method, url, *args, **kwargs)


class Person(HttpUser):
    abstract = True
    wait_time = between(*WAIT)
    username = ""

    def on_start(self):
        if HOSTS:
            self.client.__class__ = RoundRobinSession
        self.login()

    def login(self):
        self.logged_in_at = time.monotonic()
        page = self.client.get("/accounts/login/", name="login (form)")
        token = CSRF.search(page.text).group(1)
        with self.client.post("/accounts/login/", {"username": self.username, "password": PASSWORD,
                                                   "csrfmiddlewaretoken": token},
                              name="login (post)", allow_redirects=False, catch_response=True) as response:
            if response.status_code != 302:
                response.failure(f"login of {self.username} answered {response.status_code}")

    def relogin(self):
        if time.monotonic() - self.logged_in_at < RELOGIN_AFTER:
            return
        self.client.cookies.clear()
        self.login()

    def csrf(self) -> str:
        return self.client.cookies.get("csrftoken", "")

    def references(self, html: str) -> list[str]:
        return [ref for ref in REFERENCE.findall(html) if ref not in {"new", "batch"}]


class Officer(Person):
    weight = 30

    def on_start(self):
        with _lock:
            self.username = next(_officer_cycle)
        super().on_start()
        self.refs = self.references(self.client.get("/awards/dossiers/", name="officer dossier list").text)

    @task(6)
    def dossier_list(self):
        page = self.client.get("/awards/dossiers/", name="officer dossier list")
        self.refs = self.references(page.text) or self.refs

    @task(6)
    def dossier_page(self):
        if self.refs:
            self.client.get(f"/awards/dossiers/{random.choice(self.refs)}/", name="dossier page")

    @task(2)
    def dashboard(self):
        self.client.get("/dashboard/?year=2020", name="dashboard (officer)")

    @task(2)
    def create_dossier(self):
        form = self.client.get("/awards/dossiers/new/", name="dossier form")
        token = CSRF.search(form.text).group(1)
        data = {"csrfmiddlewaretoken": token, "title": f"{MARKER} Đề nghị tặng Bằng khen năm 2025",
                "occasion": "cong_trang", "year": "2025", "authority": "chu_tich_ubnd_tinh"}
        with self.client.post("/awards/dossiers/new/", data, name="dossier create (post)", allow_redirects=False,
                              catch_response=True) as response:
            ok = response.status_code == 302 and CREATED.fullmatch(response.headers.get("Location", "")) is not None
            with _lock:
                created["ok" if ok else "failed"] += 1
            if not ok:
                response.failure(f"create answered {response.status_code}")

    @task(1)
    def login_again(self):
        self.relogin()


class Staff(Person):
    weight = 15
    username = os.environ.get("LOADTEST_STAFF", "bantdkt")

    def on_start(self):
        super().on_start()
        self.refs = self.references(self.client.get("/awards/dossiers/", name="staff inbox").text)

    @task(5)
    def inbox(self):
        page = self.client.get("/awards/dossiers/", name="staff inbox")
        self.refs = self.references(page.text) or self.refs

    @task(3)
    def inbox_filtered(self):
        query = random.choice(["?state=submitted", "?q=truong", "?year=2020", "?page=2", "?q=hoang+van"])
        self.client.get(f"/awards/dossiers/{query}", name="staff inbox (filter/page)")

    @task(5)
    def dossier_page(self):
        if self.refs:
            self.client.get(f"/awards/dossiers/{random.choice(self.refs)}/", name="dossier page")

    @task(1)
    def login_again(self):
        self.relogin()


class Leader(Person):
    weight = 5
    username = os.environ.get("LOADTEST_LEADER", "lanhdao")

    @task(6)
    def dashboard(self):
        self.client.get(f"/dashboard/?year={random.choice([2019, 2020, 2021, 2022, 2023, 2024, 2025])}",
                        name="dashboard (year)")

    @task(2)
    def export(self):
        self.client.get("/dashboard/export.xlsx?year=2020", name="dashboard export.xlsx")

    @task(1)
    def pdf_report(self):
        """At most one PDF per leader per run (rendered by the Celery worker)."""
        if getattr(self, "requested_pdf", False):
            return
        self.requested_pdf = True
        with self.client.post("/dashboard/reports/", {"csrfmiddlewaretoken": self.csrf(), "year": "2020"},
                              headers={"Referer": self.host + "/dashboard/"}, name="dashboard PDF request (post)",
                              allow_redirects=False, catch_response=True) as response:
            if response.status_code != 302:
                response.failure(f"report request answered {response.status_code}")

    @task(1)
    def login_again(self):
        self.relogin()


@events.quitting.add_listener
def write_counts(environment, **_kwargs):
    (OUT / "creates.txt").write_text(f"{created['ok']} {created['failed']}\n")
    (OUT / "per_node.txt").write_text("".join(f"{host} {count}\n" for host, count in sorted(per_node.items())))
