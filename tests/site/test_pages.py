"""Reference pages on the Lạng Sơn demo data: campaigns, the award catalogue, base salary, home figures."""

import datetime

import pytest

from units.models import Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, demo_data, db):
    client.login(username="bantdkt", password="thidua2021")
    return client


def test_campaign_list_filters_by_kind_and_year_and_searches_without_accents(staff_client):
    page = staff_client.get("/campaigns/").context["page"]
    assert [c.code for c in page] == ["dac-biet-2021", "thuong-xuyen-2021", "cao-diem-60-ngay-dem-2019",
                                      "dac-biet-2019"]
    page = staff_client.get("/campaigns/", {"kind": "dac_biet"}).context["page"]
    assert [c.code for c in page] == ["dac-biet-2021", "dac-biet-2019"]
    page = staff_client.get("/campaigns/", {"year": "2019"}).context["page"]
    assert [c.code for c in page] == ["cao-diem-60-ngay-dem-2019", "dac-biet-2019"]
    page = staff_client.get("/campaigns/", {"q": "60 ngay dem"}).context["page"]
    assert [c.code for c in page] == ["cao-diem-60-ngay-dem-2019"]
    page = staff_client.get("/campaigns/", {"q": "hoang van thu"}).context["page"]
    assert sorted(c.code for c in page) == ["cao-diem-60-ngay-dem-2019", "dac-biet-2019"]


def test_peak_campaign_page_shows_six_content_groups_and_the_quoted_results(staff_client):
    response = staff_client.get("/campaigns/cao-diem-60-ngay-dem-2019/")
    assert len(response.context["groups"]) == 6
    html = response.content.decode()
    assert "6 nhóm nội dung thi đua" in html
    results = [(t.unit_of_measure, t.result_value) for t in response.context["targets"]]
    assert ("%", 6.86) in [(u, float(v)) for u, v in results]
    # Vietnamese number formatting: decimal comma, dot for thousands
    for shown in (">6,86<", ">5.027<", ">92,2<", ">12.537<", ">99,08<"):
        assert shown in html


def test_catalogue_page_groups_by_family_and_filters(staff_client):
    response = staff_client.get("/awards/catalogue/", {"on": "2026-11-23"})
    families = [label for label, _types in response.context["groups"]]
    assert families == ["Danh hiệu thi đua", "Huân chương", "Huy chương", "Danh hiệu vinh dự Nhà nước",
                        "Giải thưởng", "Kỷ niệm chương", "Bằng khen", "Giấy khen"]
    assert response.context["salary"] == 2_340_000
    filtered = staff_client.get("/awards/catalogue/", {"on": "2026-11-23", "family": "bang_khen",
                                                       "recipient": "ho_gia_dinh"})
    names = [t.name for _label, types in filtered.context["groups"] for t in types]
    assert names == ["Bằng khen của Thủ tướng Chính phủ", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"]
    searched = staff_client.get("/awards/catalogue/", {"q": "co thi dua"})
    assert sorted(t.code for _l, types in searched.context["groups"] for t in types) == [
        "co-thi-dua-chinh-phu", "co-thi-dua-ubnd-tinh"]


def test_award_type_page_computes_bonus_at_the_base_salary_of_the_day(staff_client):
    response = staff_client.get("/awards/catalogue/bang-khen-chu-tich-ubnd-tinh/", {"on": "2026-11-23"})
    assert response.context["amounts"] == [("Tập thể", 3, 7_020_000), ("Cá nhân", 1.5, 3_510_000),
                                           ("Hộ gia đình", 2.25, 5_265_000)]
    html = response.content.decode()
    assert 'data-testid="amount">3.510.000<' in html
    assert [v.valid_from for v in response.context["versions"]] == [datetime.date(2025, 7, 1),
                                                                    datetime.date(2017, 7, 31)]
    old = staff_client.get("/awards/catalogue/bang-khen-chu-tich-ubnd-tinh/", {"on": "2020-02-06"})
    assert old.context["amounts"] == [("Tập thể", 2, 2_980_000), ("Cá nhân", 1, 1_490_000),
                                      ("Hộ gia đình", 1.5, 2_235_000)]


def test_unknown_award_code_is_404(staff_client):
    assert staff_client.get("/awards/catalogue/khong-co/").status_code == 404


def test_base_salary_page_lists_every_level(staff_client):
    rows = list(staff_client.get("/awards/base-salary/").context["rows"])
    assert [(r.valid_from.isoformat(), r.amount) for r in rows] == [
        ("2024-07-01", 2_340_000), ("2023-07-01", 1_800_000), ("2019-07-01", 1_490_000), ("2018-07-01", 1_390_000)]


def test_staff_home_counts_active_units(staff_client):
    today = datetime.date.today()
    active = [u for u in Unit.objects.all() if u.is_active_on(today)]
    figures = staff_client.get("/").context["figures"]
    assert figures["units"] == len(active)
    assert figures["campaigns"] == 4


def test_unit_page_shows_predecessors_and_cluster_years(staff_client):
    unit = Unit.objects.get(code="huyen-bac-son") if Unit.objects.filter(code="huyen-bac-son").exists() else \
        Unit.objects.get(name="Huyện Bắc Sơn")
    response = staff_client.get(f"/units/{unit.pk}/")
    years = [m.year for m in response.context["unit"].cluster_memberships.all()]
    assert years == [2021, 2020, 2019]
