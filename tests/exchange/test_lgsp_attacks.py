"""Attacks on the staff's LGSP page (issue 21): every other role, GET and POST, gets 403 and nothing is sent nor
recorded; a POST without the CSRF token is refused; a faulty or hostile LGSP answer never breaks the page."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import Client

from awards.models import ExchangeMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def lgsp_answering(settings):
    """A stand-in LGSP whose answer to a pull is ``state["body"]``; what it was sent is in ``state["calls"]``."""
    state: dict = {"body": b"{}", "calls": []}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _answer(self):
            state["calls"].append((self.command, self.path))
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(state["body"])

        do_GET = do_POST = _answer

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.LGSP_URL = f"http://127.0.0.1:{server.server_address[1]}/lgsp"
    yield state
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("persona", ["anonymous", "officer_a", "officer_b", "council_member", "leader",
                                     "school_officer", "sở_leader"])
def test_no_other_role_reaches_the_page_nor_runs_an_exchange(persona, lgsp_answering, client_for):
    client = client_for(persona)
    expected = 302 if persona == "anonymous" else 403
    assert client.get("/awards/lgsp/").status_code == expected
    assert client.post("/awards/lgsp/push/", {"year": "2021"}).status_code == expected
    assert client.post("/awards/lgsp/pull/", {"since": "2021-01-01"}).status_code == expected
    assert lgsp_answering["calls"] == []
    assert not ExchangeMessage.objects.exists()


def test_a_post_without_the_csrf_token(lgsp_answering, staff):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    assert client.post("/awards/lgsp/push/", {"year": "2021"}).status_code == 403
    assert client.post("/awards/lgsp/pull/", {}).status_code == 403
    assert lgsp_answering["calls"] == []
    assert not ExchangeMessage.objects.exists()


@pytest.mark.parametrize("body", [
    b'{"decisions": null}', b'{"decisions": 5}', b'{"decisions": "abc"}', b'{"decisions": {"a": 1}}', b"[1, 2]",
    b"not json", b'"text"', b"\xff\xfe",
])
def test_a_faulty_answer_is_recorded_not_a_500(body, lgsp_answering, client_for):
    lgsp_answering["body"] = body
    response = client_for("staff").post("/awards/lgsp/pull/", {})
    assert response.status_code == 200
    message = ExchangeMessage.objects.get()
    assert (message.records, message.error) == (0, "LGSP trả về dữ liệu không đọc được.")
    assert "Chưa nhận được: LGSP trả về dữ liệu không đọc được." in response.content.decode()


def test_items_that_are_not_decisions_are_skipped(lgsp_answering, client_for):
    lgsp_answering["body"] = b'{"decisions": [null, 1, "x", []]}'
    response = client_for("staff").post("/awards/lgsp/pull/", {})
    assert "Không có quyết định mới." in response.content.decode()
    assert list(ExchangeMessage.objects.values_list("records", "error")) == [(0, "")]


def test_hostile_records_are_shown_escaped(lgsp_answering, client_for):
    lgsp_answering["body"] = json.dumps({"decisions": [
        {"number": "<script>alert(1)</script>", "date": "<b>x</b>", "dossier": {"reference": "<i>HS</i>"},
         "found": "<img src=x>"}]}).encode()
    page = client_for("staff").post("/awards/lgsp/pull/", {}).content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>x</b>" not in page and "<img src=x>" not in page and "<i>HS</i>" not in page
