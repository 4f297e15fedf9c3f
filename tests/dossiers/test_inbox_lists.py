"""The inbox's filter lists are read by one statement built once per shape (awards/dossiers/views/inbox.py): a
second reader with the same shape of visible dossiers gets his own lists through the stored statement, with his
own parameters, never the first reader's."""

from __future__ import annotations

import pytest

from awards.dossiers.views import inbox
from tests.factories import make_dossier


@pytest.fixture
def rounds(unit_a, unit_b, officer_a, officer_b, education, health):
    """A school year's list of unit A addressed to the Giám đốc Sở GDĐT, one of unit B to the Giám đốc Sở Y tế."""
    return (make_dossier(unit_a, officer_a, body=education, state="submitted", year=2023),
            make_dossier(unit_b, officer_b, body=health, state="submitted", year=2024))


@pytest.fixture(autouse=True)
def _no_stored_statements():
    inbox.STATEMENTS.clear()
    yield
    inbox.STATEMENTS.clear()


def bodies(client) -> list[tuple[str, str]]:
    return client.get("/awards/dossiers/").context["bodies"]


def test_two_officers_of_the_same_shape_share_the_statement_not_the_lists(client_for, rounds, education, health):
    assert bodies(client_for("officer_a")) == [(str(education.pk), education.head_title)]
    assert len(inbox.STATEMENTS) == 1
    assert bodies(client_for("officer_b")) == [(str(health.pk), health.head_title)]
    assert len(inbox.STATEMENTS) == 1  # the same statement, the second officer's parameters
    assert bodies(client_for("officer_a")) == [(str(education.pk), education.head_title)]


def test_the_board_reads_every_list_the_same_from_the_stored_statement(client_for, rounds, unit_a, unit_b, education,
                                                                       health):
    client = client_for("staff")
    first = client.get("/awards/dossiers/").context
    assert inbox.STATEMENTS and next(iter(inbox.STATEMENTS.values()))[1] == 0  # no parameters at all
    second = client.get("/awards/dossiers/").context
    for name in ("bodies", "units", "years", "clusters", "awards"):
        assert first[name] == second[name], name
    assert sorted(first["bodies"]) == sorted([(str(education.pk), education.head_title),
                                              (str(health.pk), health.head_title)])
    assert sorted(first["units"]) == sorted([(str(unit_a.pk), unit_a.name), (str(unit_b.pk), unit_b.name)])
    assert first["years"] == [("2024", "2024"), ("2023", "2023")]


def test_a_statement_is_not_stored_past_the_bound(client_for, rounds, monkeypatch, education):
    monkeypatch.setattr(inbox, "MAX_STATEMENTS", 0)
    assert bodies(client_for("officer_a")) == [(str(education.pk), education.head_title)]
    assert inbox.STATEMENTS == {}
