"""/public/decisions/ is linked from the login page and the footer, searched by name, number and award, by year."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from awards.decisions import services as decisions
from awards.enums import DossierState
from awards.models import Signer
from tests.factories import PersonFactory, issue_decision, make_dossier, with_board_submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(unit_a, officer_a, staff):
    signer = Signer.objects.create(full_name="Hồ Tiến Thiệu", position="Chủ tịch UBND tỉnh", capacity="chu_tich",
                                   valid_from=datetime.date(2020, 1, 1))
    person = PersonFactory(full_name="Hoàng Thị Hằng", unit=unit_a, gender="nu")
    dossier = make_dossier(unit_a, officer_a, state=DossierState.AWAITING_DECISION, verdict="eligible",
                           recipient=person)
    decision = with_board_submission(decisions.draft_decision(
        list(dossier.nominations.all()), staff, datetime.date(2021, 2, 6), signer, "đã có thành tích xuất sắc"))
    issue_decision(decision, staff)
    return decision


def test_linked_from_the_login_page_and_the_footer(client_for):
    login = client_for("anonymous").get(reverse("login")).content.decode()
    assert '<a href="/public/decisions/" data-testid="login-public-decisions">' in login
    assert 'data-testid="footer-public-decisions"' in login
    assert 'href="/public/decisions/" data-testid="footer-public-decisions"' in client_for("staff").get(
        reverse("home")).content.decode()


@pytest.mark.parametrize("query", ["hang", "Hoàng Thị Hằng", "01/QĐ-UBND", "1", "bang khen cua chu tich"])
def test_search_by_name_number_and_award(published, client_for, query):
    response = client_for("anonymous").get(reverse("public_decisions"), {"q": query})
    assert [d.pk for d in response.context["page"]] == [published.pk]


def test_a_query_matching_nothing_lists_nothing(published, client_for):
    response = client_for("anonymous").get(reverse("public_decisions"), {"q": "Lương Văn Khác"})
    assert list(response.context["page"]) == []


def test_year_select_offers_the_years_with_decisions(published, client_for):
    client = client_for("anonymous")
    response = client.get(reverse("public_decisions"))
    assert response.context["years"] == [2021]
    assert '<option value="2021">2021</option>' in response.content.decode()
    selected = client.get(reverse("public_decisions"), {"year": "2021"}).content.decode()
    assert '<option value="2021" selected>2021</option>' in selected
    assert list(client.get(reverse("public_decisions"), {"year": "2020"}).context["page"]) == []
