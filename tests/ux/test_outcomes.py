"""Outcomes visible to the unit officer (issue 17, item 3): each nominee's outcome, a partly decided dossier."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from awards.decisions import services as decisions
from awards.enums import DossierState
from awards.models import Nomination, Signer
from tests.factories import PersonFactory, issue_decision, make_dossier, with_board_submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def partly_decided(unit_a, officer_a, staff):
    """Four nominees of one dossier; three named in the published 01/QĐ-UBND, one still awaiting."""
    signer = Signer.objects.create(full_name="Hồ Tiến Thiệu", position="Chủ tịch UBND tỉnh", capacity="chu_tich",
                                   valid_from=datetime.date(2020, 1, 1))
    people = [PersonFactory(full_name=name, unit=unit_a) for name in
              ("Hoàng Thị Hằng", "Lý Văn Minh", "Nông Thị Lan", "Vi Văn Tú")]
    dossier = make_dossier(unit_a, officer_a, state=DossierState.AWAITING_DECISION, verdict="eligible",
                           recipient=people[0], code="bang-khen-chu-tich-ubnd-tinh")
    award = dossier.nominations.get().award_type
    for person in people[1:]:
        Nomination.objects.create(dossier=dossier, recipient_kind="ca_nhan", person=person, award_type=award,
                                  verdict="eligible")
    chosen = list(dossier.nominations.order_by("pk"))[:3]
    decision = with_board_submission(decisions.draft_decision(
        chosen, staff, datetime.date(2021, 2, 6), signer, "đã có thành tích xuất sắc năm 2020"))
    issue_decision(decision, staff)
    dossier.refresh_from_db()
    return dossier, decision


def test_officer_list_says_how_many_are_decided_by_which_decision(partly_decided, client_for):
    dossier, decision = partly_decided
    assert decision.code == "01/QĐ-UBND"
    assert dossier.state == DossierState.AWAITING_DECISION
    page = client_for("officer_a").get(reverse("awards:dossiers")).content.decode()
    assert "3/4 đã có quyết định 01/QĐ-UBND" in page
    assert '<span class="badge state-awaiting_decision">3/4 đã có quyết định 01/QĐ-UBND</span>' in page


def test_officer_page_shows_each_nominee_outcome_with_the_decision_link(partly_decided, client_for):
    dossier, decision = partly_decided
    response = client_for("officer_a").get(reverse("awards:dossier", args=[dossier.reference]))
    page = response.content.decode()
    assert "3/4 đã có quyết định 01/QĐ-UBND" in page
    link = f'<a href="/awards/decisions/{decision.pk}/">Đã có quyết định 01/QĐ-UBND ngày 06/02/2021</a>'
    assert page.count(link) == 3
    assert response.context["progress"].decided == 3


def test_ineligible_nominee_shows_the_reason(unit_a, officer_a, client_for):
    person = PersonFactory(full_name="Hà Thị Lư", unit=unit_a)
    dossier = make_dossier(unit_a, officer_a, state=DossierState.REVIEWED, verdict="ineligible", recipient=person)
    dossier.nominations.update(verdict_reason="Chưa đủ 2 năm Chiến sĩ thi đua cơ sở")
    page = client_for("officer_a").get(reverse("awards:dossier", args=[dossier.reference])).content.decode()
    assert "Không được đề nghị: Chưa đủ 2 năm Chiến sĩ thi đua cơ sở" in page


def test_forwarded_nominee_awaits_the_central_decision(unit_a, officer_a, client_for):
    person = PersonFactory(full_name="Hà Thị Lư", unit=unit_a)
    dossier = make_dossier(unit_a, officer_a, state=DossierState.FORWARDED, verdict="eligible", recipient=person)
    page = client_for("officer_a").get(reverse("awards:dossier", args=[dossier.reference])).content.decode()
    assert "Tỉnh đã trình cấp trên, chờ quyết định của cấp trên" in page


def test_central_award_shows_the_central_decision_number(unit_a, officer_a, client_for):
    person = PersonFactory(full_name="Hà Thị Lư", unit=unit_a)
    dossier = make_dossier(unit_a, officer_a, state=DossierState.FORWARDED, verdict="eligible", recipient=person)
    dossier.nominations.update(central_outcome="awarded", central_decision_number="123/QĐ-TTg",
                               central_decision_date=datetime.date(2021, 5, 4))
    page = client_for("officer_a").get(reverse("awards:dossier", args=[dossier.reference])).content.decode()
    assert "Cấp trên đã quyết định khen thưởng: 123/QĐ-TTg ngày 04/05/2021" in page


def test_new_dossier_gets_a_readable_reference_and_old_ones_keep_resolving(unit_a, officer_a, client_for):
    from django.utils import timezone

    from awards.models import Dossier

    dossier = make_dossier(unit_a, officer_a)
    assert dossier.reference == f"HS-{timezone.localdate().year}-{dossier.pk:06d}"
    assert Dossier.objects.get(pk=dossier.pk).reference == dossier.reference
    old = make_dossier(unit_a, officer_a)
    Dossier.objects.filter(pk=old.pk).update(reference="5A403996E4")
    client = client_for("officer_a")
    assert client.get(reverse("awards:dossier", args=["5A403996E4"])).status_code == 200
    assert client.get(reverse("awards:dossier", args=[dossier.reference.lower()])).status_code == 200
