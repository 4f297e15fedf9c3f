"""Issue 13: the 2019-2020 rounds of the Sở GD&ĐT and of xã Đề Thám, xã Hiệp Hạ, decided through the product
(``awards.demo.unit_rounds``), played by ``seed_demo`` after the articles' records."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest
from django.apps import apps
from django.db import transaction
from django.test import Client, override_settings

from awards.demo import seed_demo
from awards.demo.unit_rounds import seed_unit_rounds
from awards.models import Award, Decision, DecisionState, Dossier
from tests.demo.test_seed_demo import FAST_HASHERS, snapshot
from units.models import User

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture(scope="module")
def rounds(django_db_setup, django_db_blocker) -> Iterator[dict[str, int]]:
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS), transaction.atomic():
        seed_demo()
        counts = seed_unit_rounds()  # a second run: adds nothing, counts the rounds' rows
        yield counts
        transaction.set_rollback(True)


def _decisions(unit_code):
    return [(d.code, d.decided_on, d.award_type.code, d.lines.filter(active=True).count(), d.state)
            for d in Decision.objects.filter(body__unit__code=unit_code).order_by("decided_on", "number")]


P = DecisionState.PUBLISHED


def test_the_sở_s_rounds_are_decided_in_its_own_series(rounds):
    assert _decisions("so-giao-duc-dao-tao") == [
        ("01/QĐ-SGDĐT", D(2020, 1, 15), "chien-si-thi-dua-co-so", 1, P),
        ("02/QĐ-SGDĐT", D(2020, 1, 15), "lao-dong-tien-tien", 4, P),
        ("03/QĐ-SGDĐT", D(2020, 1, 15), "tap-the-lao-dong-tien-tien", 3, P),
        ("04/QĐ-SGDĐT", D(2020, 1, 15), "giay-khen", 2, P),
        ("01/QĐ-SGDĐT", D(2021, 1, 14), "chien-si-thi-dua-co-so", 1, P),
        ("02/QĐ-SGDĐT", D(2021, 1, 14), "lao-dong-tien-tien", 5, P),
        ("03/QĐ-SGDĐT", D(2021, 1, 14), "tap-the-lao-dong-tien-tien", 3, P),
        ("04/QĐ-SGDĐT", D(2021, 1, 14), "giay-khen", 1, P),
    ]
    cstdcs = Dossier.objects.get(body__unit__code="so-giao-duc-dao-tao", year=2019).unit_votes.get()
    assert (cstdcs.held_on, cstdcs.member_count, cstdcs.present_count) == (D(2020, 1, 9), 11, 10)


def test_the_communes_decide_only_lđtt_and_their_giấy_khen(rounds):
    assert _decisions("xa-de-tham") == [
        ("01/QĐ-UBND", D(2020, 1, 10), "lao-dong-tien-tien", 3, P),
        ("02/QĐ-UBND", D(2020, 1, 10), "giay-khen-chu-tich-ubnd-xa", 2, P),
        ("01/QĐ-UBND", D(2021, 1, 12), "lao-dong-tien-tien", 3, P),
        ("02/QĐ-UBND", D(2021, 1, 12), "giay-khen-chu-tich-ubnd-xa", 1, P),
    ]
    assert _decisions("xa-hiep-ha") == [
        ("01/QĐ-UBND", D(2020, 1, 13), "lao-dong-tien-tien", 3, P),
        ("02/QĐ-UBND", D(2020, 1, 13), "giay-khen-chu-tich-ubnd-xa", 1, P),
        ("01/QĐ-UBND", D(2021, 1, 15), "lao-dong-tien-tien", 3, P),
        ("02/QĐ-UBND", D(2021, 1, 15), "giay-khen-chu-tich-ubnd-xa", 1, P),
    ]
    assert Award.objects.filter(body__unit__code__in=["xa-de-tham", "xa-hiep-ha"],
                                award_code="chien-si-thi-dua-co-so").count() == 0
    assert set(Dossier.objects.filter(body__unit__code__in=["so-giao-duc-dao-tao", "xa-de-tham", "xa-hiep-ha"])
               .values_list("state", flat=True)) == {"decided"}


def test_counts_match_and_a_second_run_adds_nothing(rounds):
    """The demo's counts, which include the rounds', are the table's (as ``test_counts_match_the_database``)."""
    first = snapshot()
    demo = seed_demo()
    assert seed_unit_rounds() == rounds
    assert snapshot() == first
    for model_label in demo:
        assert apps.get_model(model_label)._default_manager.count() == demo[model_label], model_label
    assert all(demo[model_label] >= count for model_label, count in rounds.items())
    assert (rounds["awards.Decision"], rounds["awards.Award"], rounds["awards.Dossier"]) == (16, 37, 6)


def test_donvi_sees_the_sở_s_decisions(rounds):
    client = Client()
    client.force_login(User.objects.get(username="donvi"))
    page = client.get("/awards/decisions/")
    assert page.status_code == 200
    shown = {(d.code, d.decided_on) for d in page.context["page"]}
    assert {(d.code, d.decided_on) for d in Decision.objects.filter(body__unit__code="so-giao-duc-dao-tao")} <= shown
    assert not any(d.body.unit.code.startswith("xa-") for d in page.context["page"])
