"""Khen thưởng cấp cơ sở on the dashboard: awards units decide themselves are a level of their own, counted by the
kind of their issuing body and drilled down to each body's decisions and recipients; the province's figures of the
seeds stay exactly as they were; every page takes the same number of queries whatever the number of bodies and
awards."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from awards.catalogue.in_force import award_type_on
from awards.decisions import services as decisions
from awards.models import Award, Decision
from awards.reports import base_level, selectors
from tests.factories import UnitFactory, UserFactory, drafter_for, make_body, make_dossier
from tests.reports.base_awards import decide_2020
from tests.reports.test_dashboard import PARAGRAPH_2019, PARAGRAPH_2020
from units.models import Role

pytestmark = pytest.mark.django_db
D = datetime.date

# The bodies of tests/reports/base_awards.py beside the demo's own rounds (Sở GD&ĐT: 1 body, 4 collectives and 6
# persons; xã Đề Thám and xã Hiệp Hạ: 2 bodies, 2 collectives and 7 persons).
BASE_2020 = [
    ("so_ban_nganh", "Sở, ban, ngành", 1 + 1, {"tap_the": 2 + 4, "ca_nhan": 3 + 6}, 5 + 10),
    ("xa_phuong", "Xã, phường", 1 + 2, {"tap_the": 1 + 2, "ca_nhan": 2 + 7}, 3 + 9),
    ("su_nghiep", "Đơn vị sự nghiệp", 1, {"ca_nhan": 1}, 1),
    ("doanh_nghiep", "Doanh nghiệp", 1, {"ca_nhan": 2}, 2),
    ("huyen", "Huyện, thành phố (đến 30/6/2025)", 1, {"ca_nhan": 1}, 1),
    ("none", "Chưa ghi cơ quan ban hành (nhập từ hồ sơ lưu trữ)", 0, {"ca_nhan": 1}, 1),
]


@pytest.fixture
def bodies(demo_data, staff):
    return decide_2020(staff)


def rows(year, unit_id=None):
    return [(r.kind, r.label, r.bodies, dict(r.counts), r.total)
            for r in base_level.by_issuing_body_kind(year, unit_id)]


def test_base_level_2020_by_kind_of_issuing_body(bodies):
    assert rows(2020) == BASE_2020


def test_the_province_figures_of_the_seeds_stay_exact_and_the_base_level_is_a_level_of_its_own(bodies):
    lines = selectors.award_lines(2020)
    assert selectors.summary_paragraph(lines) == PARAGRAPH_2020
    assert selectors.summary_paragraph(selectors.award_lines(2019)) == PARAGRAPH_2019
    assert [(label, [(line.label, dict(line.counts)) for line in items], total)
            for label, items, total in selectors.by_level(lines)] == [
        ("Khen thưởng cấp Nhà nước", [("Huân chương Lao động hạng Nhất, Nhì, Ba", {"tap_the": 4})], 4),
        ("Khen thưởng của Chính phủ, Thủ tướng Chính phủ",
         [("Bằng khen của Thủ tướng Chính phủ", {"tap_the": 9, "ca_nhan": 7})], 16),
        ("Khen thưởng cấp tỉnh", [("Cờ thi đua của UBND tỉnh", {"tap_the": 36}),
                                  ("Bằng khen của Chủ tịch UBND tỉnh", {"tap_the": 29})], 65),
        # 13 of base_awards and the demo's 19 (1 CSTĐCS, 10 LĐTT, 3 TTLĐTT, 3 + 2 Giấy khen).
        ("Khen thưởng cấp cơ sở", [("Chiến sĩ thi đua cơ sở", {"ca_nhan": 1 + 1}),
                                   ("Lao động tiên tiến", {"ca_nhan": 5 + 10}),
                                   ("Tập thể lao động tiên tiến", {"tap_the": 2 + 3}),
                                   ("Giấy khen của Chủ tịch UBND cấp xã", {"tap_the": 1 + 2, "ca_nhan": 1}),
                                   ("Giấy khen", {"ca_nhan": 4 + 1, "tap_the": 1})], 13 + 19),
    ]
    # The board's processing figures count only dossiers it handles.
    assert selectors.processing(2020)["proposed"] == 85


def test_an_award_code_decided_at_two_levels_makes_two_lines(bodies):
    """A Giấy khen recorded (wrongly or not) with the province's authority stays out of the base level's line."""
    from tests.reports.base_awards import archived_award

    archived_award("giay-khen", 2020, "Vi Thị Hồng", "12/QĐ-UBND", D(2020, 5, 4), "Chủ tịch UBND tỉnh",
                   authority="chu_tich_ubnd_tinh")
    lines = [(line.level, line.label, line.total) for line in selectors.award_lines(2020) if "Giấy khen" == line.label]
    assert lines == [("tinh", "Giấy khen", 1), ("co_so", "Giấy khen", 4 + 2)]
    assert rows(2020)[-1] == BASE_2020[-1]


def test_the_dashboard_shows_the_base_level_and_drills_down(client, bodies):
    client.login(username="lanhdao", password="thidua2021")
    response = client.get("/dashboard/", {"year": "2020"})
    context = response.context
    assert (context["total"], context["base_total"], context["base_bodies"], context["board_total"]) == (
        85 + 13 + 19, 13 + 19, 5 + 3, 85)
    assert context["paragraph"] == PARAGRAPH_2020
    html = response.content.decode()
    assert 'data-testid="base-level"' in html
    assert 'href="/dashboard/bodies/?year=2020&amp;kind=xa_phuong">Xã, phường</a>' in html
    assert "/dashboard/awards/?year=2020&amp;level=co_so&amp;body=none&amp;title=" in html

    def count(**params):
        return client.get("/dashboard/awards/", {"year": "2020", **params}).context["page"].paginator.count

    assert count(level="co_so") == 13 + 19
    assert count(level="co_so", body="none") == 1
    assert count(codes="giay-khen", level="co_so") == 4 + 2
    assert count(codes="bang-khen-chu-tich-ubnd-tinh", level="tinh") == 29

    listing = client.get("/dashboard/bodies/", {"year": "2020"})
    assert [(r["body__head_title"], r["kind_label"], r["decisions"], r["collectives"], r["individuals"],
             r["households"], r["n"]) for r in listing.context["page"]] == [
        ("Chủ tịch UBND huyện Cao Lộc", "Huyện, thành phố (đến 30/6/2025)", 1, 0, 1, 0, 1),
        ("Chủ tịch UBND xã Đề Thám", "Xã, phường", 2, 1, 4, 0, 5),
        ("Chủ tịch UBND xã Hiệp Hạ", "Xã, phường", 2, 1, 3, 0, 4),
        ("Chủ tịch UBND xã Hữu Lễ", "Xã, phường", 2, 1, 2, 0, 3),
        ("Giám đốc Công ty Điện lực Lạng Sơn", "Doanh nghiệp", 1, 0, 2, 0, 2),
        ("Giám đốc Sở Giáo dục và Đào tạo", "Sở, ban, ngành", 4, 4, 6, 0, 10),
        ("Giám đốc Sở Khoa học và Công nghệ", "Sở, ban, ngành", 2, 2, 3, 0, 5),
        ("Hiệu trưởng Trường Cao đẳng Sư phạm Lạng Sơn", "Đơn vị sự nghiệp", 1, 0, 1, 0, 1),
    ]
    older = client.get("/dashboard/", {"year": "2019"})
    assert older.context["base_total"] == 0
    assert 'data-testid="base-level-empty">Chưa ghi nhận khen thưởng cấp cơ sở nào trong năm.</p>' in \
        older.content.decode()
    communes = client.get("/dashboard/bodies/", {"year": "2020", "kind": "xa_phuong"})
    assert [r["body__head_title"] for r in communes.context["page"]] == [
        "Chủ tịch UBND xã Đề Thám", "Chủ tịch UBND xã Hiệp Hạ", "Chủ tịch UBND xã Hữu Lễ"]
    assert f'href="/dashboard/bodies/{bodies["commune"].pk}/?year=2020">Chủ tịch UBND xã Hữu Lễ</a>' in \
        communes.content.decode()


def test_a_body_page_lists_its_decisions_then_their_recipients(client, bodies):
    client.login(username="lanhdao", password="thidua2021")
    education = bodies["education"]
    page = client.get(f"/dashboard/bodies/{education.pk}/", {"year": "2020"})
    assert [(d["decision_number"], d["decided_on"], d["issuer"], d["award_type__name"], d["collectives"],
             d["individuals"], d["households"], d["n"]) for d in page.context["decisions"]] == [
        ("01/QĐ-SKHCN", D(2020, 1, 10), "Giám đốc Sở Khoa học và Công nghệ", "Lao động tiên tiến", 0, 3, 0, 3),
        ("02/QĐ-SKHCN", D(2020, 1, 12), "Giám đốc Sở Khoa học và Công nghệ", "Tập thể lao động tiên tiến", 2, 0, 0, 2),
    ]
    assert [(a.recipient_name, a.decision_number) for a in page.context["page"]] == [
        ("Hoàng Văn Nam", "01/QĐ-SKHCN"), ("Lương Thị Thu Trang", "01/QĐ-SKHCN"), ("Nông Thị Hà", "01/QĐ-SKHCN"),
        ("Phòng Quản lý khoa học", "02/QĐ-SKHCN"), ("Trung tâm Ứng dụng khoa học", "02/QĐ-SKHCN")]
    second = Decision.objects.get(body=education, number=2)
    one = client.get(f"/dashboard/bodies/{education.pk}/", {"year": "2020", "decision": str(second.pk)})
    assert [a.recipient_name for a in one.context["page"]] == ["Phòng Quản lý khoa học", "Trung tâm Ứng dụng khoa học"]
    assert "Được khen thưởng theo Quyết định số 02/QĐ-SKHCN" in one.content.decode()
    # A decision of another body is not a filter of this page: every recipient of the body is listed.
    other = Decision.objects.get(body=bodies["commune"], number=1)
    assert client.get(f"/dashboard/bodies/{education.pk}/", {"year": "2020", "decision": str(other.pk)}
                      ).context["page"].paginator.count == 5
    assert client.get("/dashboard/bodies/999999/", {"year": "2020"}).status_code == 404


def test_a_revoked_decision_leaves_the_base_level(bodies, staff):
    decisions.revoke(Decision.objects.get(body=bodies["education"], number=1), "ghi nhầm người",
                     drafter_for(bodies["education"], staff))  # revoked by the Sở's own people
    # The demo's Sở GD&ĐT (1 body, 4 collectives, 6 persons) stays; of base_awards' Sở, 2 collectives are left.
    assert rows(2020)[0] == ("so_ban_nganh", "Sở, ban, ngành", 1 + 1, {"tap_the": 4 + 2, "ca_nhan": 6}, 10 + 2)
    assert [d["n"] for d in base_level.decisions_of(2020, bodies["education"].pk)] == [2]


def test_a_unit_officer_sees_their_own_units_proposals_at_the_base_level(client, bodies):
    education = bodies["education"]
    officer = UserFactory(username="can_bo_sgd", unit=education.unit, roles=[Role.UNIT_OFFICER])
    client.force_login(officer)
    response = client.get("/dashboard/", {"year": "2020"})
    assert [(r.kind, r.total) for r in response.context["base_kinds"]] == [
        ("so_ban_nganh", 3), ("xa_phuong", 0), ("su_nghiep", 0), ("doanh_nghiep", 0), ("huyen", 0)]
    body = client.get(f"/dashboard/bodies/{education.pk}/", {"year": "2020"})
    assert [d["n"] for d in body.context["decisions"]] == [3]
    commune = client.get(f"/dashboard/bodies/{bodies['commune'].pk}/", {"year": "2020"})
    assert (commune.context["decisions"], commune.context["page"].paginator.count) == ([], 0)


@pytest.mark.parametrize(("persona", "status"), [("anonymous", 302), ("council_member", 403), ("staff", 200),
                                                  ("leader", 200), ("officer_a", 200)])
def test_who_sees_the_base_level_pages(client_for, persona, status):
    body = make_body(UnitFactory(name="Sở Tư pháp"))
    assert client_for(persona).get("/dashboard/bodies/").status_code == status
    assert client_for(persona).get(f"/dashboard/bodies/{body.pk}/").status_code == status


def test_dossiers_a_unit_decides_are_not_the_boards_to_process(unit_a, officer_a):
    before = selectors.processing(datetime.date.today().year)
    base = make_dossier(unit_a, officer_a, code="lao-dong-tien-tien", authority="thu_truong_don_vi",
                        state="submitted")
    type(base).objects.filter(pk=base.pk).update(submitted_at=timezone.now(), received_at=timezone.now())
    assert selectors.processing(datetime.date.today().year) == before


# --- the number of queries ---------------------------------------------------------------------------

def add_awards(body, count: int, year: int = 2021, first: int = 0) -> None:
    """``count`` awards of ``body`` as its published decisions write them (body, authority, number), ten per
    decision."""
    award_type = award_type_on("lao-dong-tien-tien", D(year, 6, 1))
    Award.objects.bulk_create(
        Award(source="province", award_type=award_type, award_code=award_type.code, recipient_kind="ca_nhan",
              recipient_name=f"Người {body.pk}-{i}", year=year, achievement_year=year - 1, occasion="cong_trang",
              authority=body.authority, decision_number=f"{1 + i // 10:02d}/{body.symbol}",
              decided_on=D(year, 3, 1 + i // 10), issuer=body.head_title, body=body)
        for i in range(first, first + count))


def make_bodies(count: int, per_body: int) -> list:
    kinds = ["so_ban_nganh", "xa_phuong", "su_nghiep", "doanh_nghiep", "huyen"]
    made = [make_body(UnitFactory(), kind=kinds[index % 5], symbol=f"QĐ-{index}") for index in range(count)]
    for body in made:
        add_awards(body, per_body)
    return made


def queries(client, path, params) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, params)
    assert response.status_code == 200
    return len(captured), response


def test_query_counts_do_not_depend_on_the_number_of_bodies_and_awards(client, leader):
    client.force_login(leader)
    demo = client.get("/dashboard/", {"year": "2021"}).context  # the demo's 2020 rounds, decided in January 2021
    body = make_bodies(2, 5)[0]
    paths = ("/dashboard/", "/dashboard/bodies/", f"/dashboard/bodies/{body.pk}/")
    few = {path: queries(client, path, {"year": "2021"})[0] for path in paths}
    make_bodies(40, 25)
    add_awards(body, 60, first=5)
    many = {}
    for path in paths:
        many[path], response = queries(client, path, {"year": "2021"})
    assert many == few
    assert (len(response.context["decisions"]), response.context["page"].paginator.count) == (7, 65)
    dashboard = client.get("/dashboard/", {"year": "2021"}).context
    assert (dashboard["base_total"], dashboard["base_bodies"]) == (demo["base_total"] + 1070, demo["base_bodies"] + 42)
    assert (demo["base_total"], demo["base_bodies"]) == (18, 3)


# --- exports -----------------------------------------------------------------------------------------

def test_the_excel_export_has_the_base_level(client, bodies):
    import io

    import openpyxl

    client.login(username="lanhdao", password="thidua2021")
    book = openpyxl.load_workbook(io.BytesIO(client.get("/dashboard/export.xlsx", {"year": "2020"}).content))
    assert book.sheetnames == ["Tổng hợp", "Cấp cơ sở", "Theo đối tượng", "Theo loại hình", "Mười năm"]
    summary = book["Tổng hợp"]
    assert summary["A2"].value == PARAGRAPH_2020
    assert [list(row) for row in summary.iter_rows(min_row=8, values_only=True)] == [
        ["Khen thưởng cấp tỉnh", "Bằng khen của Chủ tịch UBND tỉnh", 29, 0, 0, 29, 53],
        ["Khen thưởng cấp cơ sở", "Chiến sĩ thi đua cơ sở", 0, 2, 0, 2, 0],
        ["Khen thưởng cấp cơ sở", "Lao động tiên tiến", 0, 15, 0, 15, 0],
        ["Khen thưởng cấp cơ sở", "Tập thể lao động tiên tiến", 5, 0, 0, 5, 0],
        ["Khen thưởng cấp cơ sở", "Giấy khen của Chủ tịch UBND cấp xã", 3, 1, 0, 4, 0],
        ["Khen thưởng cấp cơ sở", "Giấy khen", 1, 5, 0, 6, 0],
        [None, "Tổng cộng", None, None, None, 85 + 32, 53],
    ]
    assert [list(row) for row in book["Cấp cơ sở"].iter_rows(values_only=True)] == [
        ["KHEN THƯỞNG CẤP CƠ SỞ NĂM 2020", None, None, None, None, None, None],
        [None] * 7,
        ["Cơ quan ban hành", "Số cơ quan", "Tập thể", "Cá nhân", "Hộ gia đình", "Tổng", None],
        ["Sở, ban, ngành", 2, 6, 9, 0, 15, None],
        ["Xã, phường", 3, 3, 9, 0, 12, None],
        ["Đơn vị sự nghiệp", 1, 0, 1, 0, 1, None],
        ["Doanh nghiệp", 1, 0, 2, 0, 2, None],
        ["Huyện, thành phố (đến 30/6/2025)", 1, 0, 1, 0, 1, None],
        ["Chưa ghi cơ quan ban hành (nhập từ hồ sơ lưu trữ)", None, 0, 1, 0, 1, None],
        ["Cộng cấp cơ sở", 8, None, None, None, 32, None],
        [None] * 7,
        ["Cơ quan ban hành", "Loại cơ quan", "Số quyết định", "Tập thể", "Cá nhân", "Hộ gia đình", "Tổng"],
        ["Chủ tịch UBND huyện Cao Lộc", "Huyện, thành phố (đến 30/6/2025)", 1, 0, 1, 0, 1],
        ["Chủ tịch UBND xã Đề Thám", "Xã, phường", 2, 1, 4, 0, 5],
        ["Chủ tịch UBND xã Hiệp Hạ", "Xã, phường", 2, 1, 3, 0, 4],
        ["Chủ tịch UBND xã Hữu Lễ", "Xã, phường", 2, 1, 2, 0, 3],
        ["Giám đốc Công ty Điện lực Lạng Sơn", "Doanh nghiệp", 1, 0, 2, 0, 2],
        ["Giám đốc Sở Giáo dục và Đào tạo", "Sở, ban, ngành", 4, 4, 6, 0, 10],
        ["Giám đốc Sở Khoa học và Công nghệ", "Sở, ban, ngành", 2, 2, 3, 0, 5],
        ["Hiệu trưởng Trường Cao đẳng Sư phạm Lạng Sơn", "Đơn vị sự nghiệp", 1, 0, 1, 0, 1],
    ]


def test_the_dashboard_pdf_has_the_base_level(bodies):
    import subprocess

    from awards.reports import pdf

    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf.render(2020), capture_output=True,
                          check=True).stdout.decode()
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    assert PARAGRAPH_2020 in " ".join(text.split())
    assert "Khen thưởng cấp cơ sở 32" in lines
    assert "Khen thưởng cấp cơ sở theo cơ quan ban hành (giám đốc sở, ban, ngành," in lines
    assert [line for line in lines if line.split(" ")[-1].isdigit() and line.startswith(
        ("Sở, ban", "Xã, phường", "Đơn vị sự nghiệp", "Doanh nghiệp", "Huyện, thành phố", "Cộng cấp cơ sở"))] == [
        "Sở, ban, ngành 2 6 9 0 15", "Xã, phường 3 3 9 0 12", "Đơn vị sự nghiệp 1 0 1 0 1", "Doanh nghiệp 1 0 2 0 2",
        "Huyện, thành phố (đến 30/6/2025) 1 0 1 0 1", "Cộng cấp cơ sở 8 32"]
