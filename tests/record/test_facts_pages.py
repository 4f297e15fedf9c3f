"""The page "Dữ liệu xét thi đua" of a unit, and the Board's forms for an initiative and a hold period."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from awards.models import CollectiveFigures, HoldPeriod, Initiative, YearlyRating
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = timezone.localdate()


@pytest.fixture
def people(unit_a):
    return {name: PersonFactory(full_name=name, unit=unit_a, position=position)
            for name, position in (("Nông Văn Hải", "Giáo viên Toán"), ("Hoàng Thị Thu Hà", ""),
                                   ("Lăng Thị Mai", "Giáo viên Ngữ văn"))}


@pytest.fixture
def recorded(unit_a, people):
    ha, hai, mai = people["Hoàng Thị Thu Hà"], people["Nông Văn Hải"], people["Lăng Thị Mai"]
    for person, year, rating in ((ha, 2017, "htxs"), (ha, 2018, "htxs"), (hai, 2018, "htt"), (mai, 2019, "kht")):
        YearlyRating.objects.create(person=person, year=year, rating=rating)
    YearlyRating.objects.create(unit=unit_a, year=2019, rating="htxs")
    Initiative.objects.create(title="Ứng dụng bản đồ số trong dạy học Địa lí", person=ha, year=2018, scope="tinh",
                              recognised_by="Chủ tịch UBND tỉnh", decision_number="1502/QĐ-UBND",
                              decision_date=D(2018, 11, 20))
    Initiative.objects.create(title="Quy trình một cửa điện tử", unit=unit_a, year=2019, kind="de_tai",
                              used_note="QĐ 12/QĐ-UBND năm 2020")
    HoldPeriod.objects.create(person=mai, kind="khieu_nai", start=D(2019, 3, 2), end=D(2019, 4, 15),
                              reference="Kết luận số 21/KL-SGDĐT")
    HoldPeriod.objects.create(person=hai, kind="ky_luat", discipline_level="khien_trach", start=TODAY,
                              reference="QĐ kỷ luật số 5/QĐ-SGDĐT")
    CollectiveFigures.objects.create(unit=unit_a, year=2019, members=62, completed_tasks=62, with_ldtt=51,
                                     with_cstdcs=9, women=44, disciplined_canh_cao_or_above=0)
    return people


def page_url(unit) -> str:
    return reverse("facts:unit", args=[unit.pk])


# --- what the page shows ---------------------------------------------------------------------------

def test_page_shows_the_grid_and_every_fact(client_for, unit_a, recorded):
    response = client_for("staff").get(page_url(unit_a))
    assert response.status_code == 200
    data = response.context["facts"]
    assert data.years == [2017, 2018, 2019]
    assert [(row.label, [cell.short if cell else None for cell in row.cells]) for row in data.grid] == [
        ("Tập thể Sở GD&ĐT", [None, None, "HTXSNV"]),
        ("Hoàng Thị Thu Hà", ["HTXSNV", "HTXSNV", None]),
        ("Lăng Thị Mai", [None, None, "KHTNV"]),
        ("Nông Văn Hải", [None, "HTTNV", None]),
    ]
    assert data.rated == 5
    assert [(i.title, i.year) for i in data.initiatives] == [
        ("Quy trình một cửa điện tử", 2019), ("Ứng dụng bản đồ số trong dạy học Địa lí", 2018)]
    assert [(row.subject, row.hold.kind, row.active) for row in data.holds] == [
        ("Nông Văn Hải", "ky_luat", True), ("Lăng Thị Mai", "khieu_nai", False)]
    assert [(row.figures.year, row.ldtt_percent, row.women_percent) for row in data.figures] == [(2019, 82, 71)]
    html = response.content.decode()
    assert "Dữ liệu xét thi đua: Sở Giáo dục và Đào tạo" in html
    assert '<span class="badge text-bg-danger" title="Không hoàn thành nhiệm vụ">KHTNV</span>' in html
    assert "Chủ tịch UBND tỉnh, QĐ số 1502/QĐ-UBND ngày 20/11/2018" in html
    assert "QĐ 12/QĐ-UBND năm 2020" in html
    assert "Khiếu nại" not in html and "Có đơn thư khiếu nại, tố cáo đang xác minh" in html
    assert "Kỷ luật: Khiển trách" in html and "đang áp dụng" in html and "chưa kết thúc" in html
    assert "51 <span class=\"small text-muted\">(82%)</span>" in html


def test_empty_page(client_for, unit_b):
    html = client_for("staff").get(page_url(unit_b)).content.decode()
    assert "Chưa có xếp loại nào." in html
    assert html.count("Chưa có.") == 3


@pytest.mark.parametrize(("persona", "imports", "records"), [
    ("staff", True, True), ("administrator", True, True), ("officer_a", True, False), ("leader", False, False)])
def test_buttons_follow_the_rights(client_for, unit_a, persona, imports, records):
    html = client_for(persona).get(page_url(unit_a)).content.decode()
    assert (reverse("facts:import_ratings", args=[unit_a.pk]) in html) is imports
    assert (reverse("facts:import_figures", args=[unit_a.pk]) in html) is imports
    assert (reverse("facts:initiative_add", args=[unit_a.pk]) in html) is records
    assert (reverse("facts:hold_add", args=[unit_a.pk]) in html) is records


@pytest.mark.parametrize(("persona", "status"), [
    ("anonymous", 302), ("officer_a", 200), ("officer_b", 404), ("council_member", 404), ("leader", 200)])
def test_who_reads_the_page(client_for, unit_a, persona, status):
    assert client_for(persona).get(page_url(unit_a)).status_code == status


def test_reachable_from_the_unit_and_history_pages(client_for, unit_a, people):
    client = client_for("staff")
    link = f'href="{page_url(unit_a)}'
    assert link in client.get(reverse("units:detail", args=[unit_a.pk])).content.decode()
    assert link in client.get(reverse("history:unit", args=[unit_a.pk])).content.decode()
    person = people["Nông Văn Hải"]
    assert link in client.get(reverse("history:person", args=[person.pk])).content.decode()
    assert link in client_for("officer_a").get(reverse("history:person", args=[person.pk])).content.decode()
    assert link not in client_for("officer_b").get(reverse("units:detail", args=[unit_a.pk])).content.decode()


# --- a constant number of queries -----------------------------------------------------------------

# session, the user (with his unit, roles and the bell's count: units.security.backend), the unit (with its
# parent), persons, ratings, initiatives, holds, figures
STAFF_QUERIES = 9  # including the read log's INSERT (units.security.read_log)
OFFICER_QUERIES = 10  # + his unit's sub-units (visibility)


def test_query_count_does_not_grow(client_for, unit_a, recorded, django_assert_num_queries):
    url = page_url(unit_a)
    staff, officer = client_for("staff"), client_for("officer_a")
    with django_assert_num_queries(STAFF_QUERIES):
        assert staff.get(url).status_code == 200
    with django_assert_num_queries(OFFICER_QUERIES):
        assert officer.get(url).status_code == 200
    for index in range(25):
        person = PersonFactory(unit=unit_a)
        for year in (2016, 2017, 2018, 2019, 2020):
            YearlyRating.objects.create(person=person, year=year, rating="htt")
        Initiative.objects.create(title=f"Sáng kiến {index}", person=person, year=2020)
        HoldPeriod.objects.create(person=person, kind="thanh_tra", start=D(2020, 1, 1))
        CollectiveFigures.objects.create(unit=unit_a, year=1990 + index, members=10, completed_tasks=10,
                                         with_ldtt=5, with_cstdcs=1, women=5)
    with django_assert_num_queries(STAFF_QUERIES):
        assert len(staff.get(url).context["facts"].grid) == 29
    with django_assert_num_queries(OFFICER_QUERIES):
        assert officer.get(url).status_code == 200


# --- the Board's forms ----------------------------------------------------------------------------

def initiative_data(subject, **changes):
    data = {"subject": str(subject), "kind": "sang_kien", "title": "Dạy học theo dự án", "year": "2019",
            "scope": "co_so", "recognised_by": "Giám đốc Sở GD&ĐT", "decision_number": "1215/QĐ-SGDĐT",
            "decision_date": "2019-12-10"}
    data.update(changes)
    return data


def test_staff_records_an_initiative(client_for, unit_a, people):
    mai = people["Lăng Thị Mai"]
    url = reverse("facts:initiative_add", args=[unit_a.pk])
    response = client_for("staff").post(url, initiative_data(mai.pk, title="Dạy  học theo dự án"))
    assert response.status_code == 302
    assert response["Location"] == f"{page_url(unit_a)}#initiatives"
    assert list(Initiative.objects.values_list("title", "person_id", "unit_id", "year", "scope", "kind",
                                               "recognised_by", "decision_number", "decision_date")) == [
        ("Dạy học theo dự án", mai.pk, None, 2019, "co_so", "sang_kien", "Giám đốc Sở GD&ĐT", "1215/QĐ-SGDĐT",
         D(2019, 12, 10))]
    collective = client_for("staff").post(url, initiative_data("unit", title="Đề tài tập thể", kind="de_tai"))
    assert collective.status_code == 302
    assert Initiative.objects.filter(title="Đề tài tập thể", unit=unit_a, person=None).count() == 1


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"scope": "the_gioi"}, "scope", "Hãy chọn một lựa chọn hợp lệ"),
    ({"decision_date": "2018-12-31"}, "decision_date", "Ngày quyết định 31/12/2018 ở trước năm công nhận 2019."),
    ({"decision_date": (TODAY + datetime.timedelta(days=1)).isoformat()}, "decision_date",
     "Ngày quyết định không được sau hôm nay."),
    ({"year": str(TODAY.year + 1), "decision_date": ""}, "year", str(TODAY.year)),
    ({"subject": "999999"}, "subject", "Hãy chọn một lựa chọn hợp lệ"),
    ({"title": ""}, "title", ""),
])
def test_rejected_initiative_keeps_what_was_typed(client_for, unit_a, people, changes, field, message):
    data = initiative_data(people["Nông Văn Hải"].pk, title="Sáng kiến đang gõ dở")
    data.update(changes)
    response = client_for("staff").post(reverse("facts:initiative_add", args=[unit_a.pk]), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == [field]
    assert message in " ".join(form.errors[field])
    html = response.content.decode()
    if data["title"]:
        assert 'value="Sáng kiến đang gõ dở"' in html
    assert 'value="1215/QĐ-SGDĐT"' in html
    assert Initiative.objects.count() == 0


def hold_data(subject, **changes):
    data = {"subject": str(subject), "kind": "ky_luat", "discipline_level": "canh_cao", "start": "2020-03-01",
            "end": "2021-03-01", "reference": "QĐ số 7/QĐ-SGDĐT"}
    data.update(changes)
    return data


def test_staff_records_a_hold_period(client_for, unit_a, people):
    hai = people["Nông Văn Hải"]
    url = reverse("facts:hold_add", args=[unit_a.pk])
    response = client_for("staff").post(url, hold_data(hai.pk, start="01/03/2020", end=""))
    assert response.status_code == 302
    assert response["Location"] == f"{page_url(unit_a)}#holds"
    assert list(HoldPeriod.objects.values_list("person_id", "unit_id", "kind", "discipline_level", "start", "end",
                                               "reference")) == [
        (hai.pk, None, "ky_luat", "canh_cao", D(2020, 3, 1), None, "QĐ số 7/QĐ-SGDĐT")]
    page = client_for("staff").get(page_url(unit_a)).content.decode()
    assert "Kỷ luật: Cảnh cáo" in page


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"end": "2020-02-29"}, "end", "Ngày kết thúc (29/02/2020) ở trước ngày bắt đầu (01/03/2020)."),
    ({"discipline_level": ""}, "discipline_level", "Kỷ luật cần ghi hình thức kỷ luật."),
    ({"kind": "thanh_tra"}, "discipline_level", "Chỉ ghi hình thức kỷ luật khi loại là Kỷ luật."),
    ({"start": "31/02/2020"}, "start", ""),
    ({"start": ""}, "start", ""),
])
def test_rejected_hold_keeps_what_was_typed(client_for, unit_a, changes, field, message):
    response = client_for("staff").post(reverse("facts:hold_add", args=[unit_a.pk]), hold_data("unit", **changes))
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == [field]
    assert message in " ".join(form.errors[field])
    html = response.content.decode()
    assert 'value="QĐ số 7/QĐ-SGDĐT"' in html
    assert '<option value="unit" selected>' in html
    assert HoldPeriod.objects.count() == 0


@pytest.mark.parametrize(("persona", "status"), [("officer_a", 403), ("officer_b", 404), ("leader", 403)])
def test_only_the_board_records(client_for, unit_a, people, persona, status):
    client = client_for(persona)
    hai = people["Nông Văn Hải"].pk
    assert client.post(reverse("facts:initiative_add", args=[unit_a.pk]), initiative_data(hai)).status_code == status
    assert client.post(reverse("facts:hold_add", args=[unit_a.pk]), hold_data(hai)).status_code == status
    assert Initiative.objects.count() == 0 and HoldPeriod.objects.count() == 0
