"""The dossier page with many nominees (issue 15 item 9, issue 16): one page of rows, the same queries and a
bounded size whatever the list's length, eligibility evaluated once and only for the rows shown, and the submission
guard still evaluating every nomination when the officer submits."""

from __future__ import annotations

import datetime
import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awards.catalogue.in_force import award_type_on
from awards.dossiers import workflow
from awards.enums import DossierState
from awards.models import Nomination
from awards.record.eligibility import claims
from tests.factories import PersonFactory, make_dossier
from units.models import Person

pytestmark = pytest.mark.django_db

CSTD_TINH = "chien-si-thi-dua-cap-tinh"
PAGE = 50


def grow(dossier, count: int, unit) -> None:
    """Add ``count`` individuals to ``dossier`` (same award as its first nomination), in bulk."""
    award = dossier.nominations.first().award_type
    persons = Person.objects.bulk_create(
        Person(full_name=f"Nông Văn Bảy {n}", gender="nam", unit=unit) for n in range(count))
    Nomination.objects.bulk_create(
        Nomination(dossier=dossier, recipient_kind="ca_nhan", person=person, award_type=award, position=n + 2,
                   recipient_key=f"person:{person.pk}", achievement="Hoàn thành xuất sắc nhiệm vụ")
        for n, person in enumerate(persons))


def page_cost(client, dossier) -> tuple[int, int]:
    url = reverse("awards:dossier", args=[dossier.reference])
    client.get(url)  # warm caches (catalogue, roles)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), len(response.content)


def test_the_page_costs_the_same_queries_with_10_and_200_nominees(client_for, unit_a, officer_a):
    small = make_dossier(unit_a, officer_a, code=CSTD_TINH, year=2026, recipient=PersonFactory(unit=unit_a))
    big = make_dossier(unit_a, officer_a, code=CSTD_TINH, year=2026, recipient=PersonFactory(unit=unit_a))
    grow(small, 9, unit_a)
    grow(big, 199, unit_a)
    client = client_for("officer_a")

    small_queries, small_size = page_cost(client, small)
    big_queries, big_size = page_cost(client, big)

    assert big_queries == small_queries
    assert big_size < small_size * PAGE / 10 * 1.2  # 50 rows shown, not 200


def test_the_page_size_does_not_grow_past_one_page(client_for, unit_a, officer_a):
    dossier = make_dossier(unit_a, officer_a, code=CSTD_TINH, year=2026, recipient=PersonFactory(unit=unit_a))
    grow(dossier, 99, unit_a)
    client = client_for("officer_a")
    url = reverse("awards:dossier", args=[dossier.reference])
    hundred = len(client.get(url).content)
    grow(dossier, 300, unit_a)

    response = client.get(url)
    html = response.content.decode()

    assert abs(len(response.content) - hundred) < 2000
    assert html.count('class="eligibility-row"') == PAGE
    assert "400 đề nghị" in html
    assert "Đang hiện đề nghị 1–50 trong 400. Điều kiện khen thưởng của cả 400 đề nghị được kiểm tra lại khi gửi hồ sơ." in html
    assert "Trang 1/8" in html
    second = client.get(url + "?page=8").content.decode()
    assert "Đang hiện đề nghị 351–400 trong 400." in second
    assert "<td>351</td>" in second and "<td>400</td>" in second and "<td>350</td>" not in second


def test_eligibility_is_evaluated_once_and_only_for_the_rows_shown(client_for, unit_a, officer_a, monkeypatch):
    dossier = make_dossier(unit_a, officer_a, code=CSTD_TINH, year=2026, recipient=PersonFactory(unit=unit_a))
    grow(dossier, 120, unit_a)
    calls = []
    original = claims.evaluate_record if hasattr(claims, "evaluate_record") else None
    assert original is not None

    def counting(*args, **kwargs):
        calls.append(kwargs.get("nomination_id"))
        return original(*args, **kwargs)

    monkeypatch.setattr(claims, "evaluate_record", counting)
    response = client_for("officer_a").get(reverse("awards:dossier", args=[dossier.reference]))

    assert response.status_code == 200
    assert len(calls) == PAGE and len(set(calls)) == PAGE


def test_a_blocked_nominee_on_another_page_still_stops_the_submission(client_for, unit_a, officer_a):
    dossier = make_dossier(unit_a, officer_a, code=CSTD_TINH, year=2026, recipient=PersonFactory(unit=unit_a))
    grow(dossier, 60, unit_a)
    last = dossier.nominations.order_by("-position").select_related("person").first()
    last.person.full_name = "Vi Văn Tám"
    last.person.save()
    client = client_for("officer_a")
    page = client.get(reverse("awards:dossier", args=[dossier.reference])).content.decode()
    assert 'data-testid="why-submit"' not in page  # the page does not evaluate the 61 rows; the submission does

    response = client.post(reverse("awards:move", args=[dossier.reference, "submit"]),
                           {"expected_state": "draft"}, follow=True)

    dossier.refresh_from_db()
    assert dossier.state == DossierState.DRAFT
    assert ("Vi Văn Tám chưa đạt tiêu chuẩn bắt buộc \"03 lần liên tục đạt Chiến sĩ thi đua cơ sở (tính đến năm xét "
            "hoặc năm trước)\" (Luật TĐKT 2022 Điều 22; NĐ 152/2025/NĐ-CP).") in html.unescape(response.content.decode())
    allowed, reason = workflow.can(officer_a, "submit", dossier)
    assert not allowed and "Vi Văn Tám chưa đạt tiêu chuẩn bắt buộc" in reason


def test_a_one_page_dossier_still_says_why_it_cannot_be_submitted(client_for, unit_a, officer_a):
    dossier = make_dossier(unit_a, officer_a, code=CSTD_TINH, year=2026,
                           recipient=PersonFactory(full_name="Vi Văn Tám", unit=unit_a))

    html = client_for("officer_a").get(reverse("awards:dossier", args=[dossier.reference])).content.decode()

    assert 'data-testid="why-submit"' in html
    assert "Vi Văn Tám chưa đạt tiêu chuẩn bắt buộc" in html
    assert 'data-testid="page-note"' not in html


def test_rows_duplicated_elsewhere_are_counted_for_the_whole_list(client_for, unit_a, officer_a):
    dossier = make_dossier(unit_a, officer_a, code=CSTD_TINH, year=2026, recipient=PersonFactory(unit=unit_a))
    grow(dossier, 60, unit_a)
    other = make_dossier(unit_a, officer_a, code=CSTD_TINH, year=2026, recipient=PersonFactory(unit=unit_a))
    award = award_type_on(CSTD_TINH, datetime.date(2026, 12, 31))
    for nomination in dossier.nominations.order_by("-position")[:2]:
        Nomination.objects.create(dossier=other, recipient_kind="ca_nhan", person_id=nomination.person_id,
                                  award_type=award)

    html = client_for("officer_a").get(reverse("awards:dossier", args=[dossier.reference])).content.decode()

    assert '<span class="text-danger" data-testid="duplicated-count">2 đề nghị trùng với hồ sơ khác.</span>' in html
