"""Attacks on the staff's page that lifts login locks (issue 15): every other role, GET and POST, gets 403 and no
lock is lifted; hostile look-ups are shown escaped; an address typed in another spelling of the same IP lifts its
lock; the reset throttle answers alike whether the account exists."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import UserFactory
from units.models import Role
from units.security.throttle import failures

pytestmark = pytest.mark.django_db


def _fail(username, address="10.0.0.1", times=5):
    for _attempt in range(times):
        Client().post("/accounts/login/", {"username": username, "password": "sai"}, REMOTE_ADDR=address)


@pytest.fixture
def accountant(db):
    return UserFactory(username="accountant", full_name="Vi Thị Lan", roles=[Role.ACCOUNTANT])


@pytest.mark.parametrize("persona", ["officer_b", "council_member", "leader", "accountant", "school_officer",
                                     "sở_leader"])
def test_no_other_role_looks_up_or_lifts_a_lock(persona, officer_a, request):
    _fail("officer_a", address="10.0.9.2")
    client = Client()
    client.force_login(request.getfixturevalue(persona))
    assert client.get("/accounts/login-locks/").status_code == 403
    assert client.get("/accounts/login-locks/", {"username": "officer_a"}).status_code == 403
    assert client.post("/accounts/login-locks/", {"username": "officer_a"}).status_code == 403
    assert client.post("/accounts/login-locks/", {"address": "10.0.9.2"}).status_code == 403
    assert (failures(username="officer_a"), failures(address="10.0.9.2")) == (5, 5)


def test_anonymous_is_sent_to_the_login_page(officer_a):
    _fail("officer_a")
    answer = Client().post("/accounts/login-locks/", {"username": "officer_a"})
    assert answer.status_code == 302 and answer["Location"].startswith("/accounts/login/")
    assert failures(username="officer_a") == 5


def test_a_post_without_the_csrf_token_lifts_nothing(officer_a, staff):
    _fail("officer_a")
    board = Client(enforce_csrf_checks=True)
    board.force_login(staff)
    assert board.post("/accounts/login-locks/", {"username": "officer_a"}).status_code == 403
    assert failures(username="officer_a") == 5


def test_hostile_look_ups_are_escaped(staff):
    board = Client()
    board.force_login(staff)
    answer = board.get("/accounts/login-locks/", {"username": "<script>alert(1)</script>", "address": "<b>" * 3000})
    assert answer.status_code == 200
    page = answer.content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b><b>" not in page


@pytest.mark.parametrize(("counted", "typed"), [("2001:db8::1", "2001:DB8:0:0:0:0:0:1"),
                                                 ("2001:db8::1", "2001:0db8::0001"),
                                                 ("::ffff:10.0.9.7", "10.0.9.7")])
def test_an_address_typed_in_another_spelling_lifts_its_lock(counted, typed, staff):
    _fail("ten", address=counted, times=10)
    assert failures(address=counted) == 10
    board = Client()
    board.force_login(staff)
    looked = board.get("/accounts/login-locks/", {"address": typed}).content.decode()
    assert f"Địa chỉ {typed}: 10 lần sai." in looked
    board.post("/accounts/login-locks/", {"address": typed})
    assert failures(address=counted) == 0


def test_the_reset_limit_counts_one_address_under_every_spelling(officer_a, settings):
    from django.core import mail

    officer_a.email = "hoa@langson.gov.vn"
    officer_a.save()
    spellings = ["hoa@langson.gov.vn", " HOA@langson.gov.vn ", "Hoa@LangSon.Gov.Vn", "hoa@langson.gov.vn"]
    answers = [Client().post("/accounts/password/reset/", {"email": email}, REMOTE_ADDR=f"10.4.0.{n}").status_code
               for n, email in enumerate(spellings)]
    assert answers == [302, 302, 302, 429]
    assert len(mail.outbox) == 3
