"""The dashboard reproduces the seeds' figures from the award record, with a fixed number of queries."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from awards.catalogue.in_force import award_type_on
from awards.models import Award, AwardType
from awards.reports import selectors
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db

PARAGRAPH_2020 = (
    "04 tập thể được tặng Huân chương Lao động hạng Nhất, Nhì, Ba; "
    "16 tập thể, cá nhân được tặng Bằng khen của Thủ tướng Chính phủ; "
    "36 tập thể được tặng Cờ thi đua của UBND tỉnh; "
    "29 tập thể được tặng Bằng khen của Chủ tịch UBND tỉnh."
)
PARAGRAPH_2019 = "27 tập thể, 24 cá nhân và 02 hộ gia đình được tặng Bằng khen của Chủ tịch UBND tỉnh."


def test_summary_paragraph_2020_from_the_demo_records(demo_data):
    assert selectors.summary_paragraph(selectors.award_lines(2020)) == PARAGRAPH_2020


def test_summary_paragraph_2019_from_the_demo_records(demo_data):
    lines = selectors.award_lines(2019)
    assert selectors.summary_paragraph(lines) == PARAGRAPH_2019
    assert [(line.label, dict(line.counts)) for line in lines] == [
        ("Bằng khen của Chủ tịch UBND tỉnh", {"tap_the": 27, "ca_nhan": 24, "ho_gia_dinh": 2})]


def test_groupings_2020(demo_data):
    lines = selectors.award_lines(2020)
    assert [(label, [(line.label, line.total) for line in items], total)
            for label, items, total in selectors.by_level(lines)] == [
        ("Khen thưởng cấp Nhà nước", [("Huân chương Lao động hạng Nhất, Nhì, Ba", 4)], 4),
        ("Khen thưởng của Chính phủ, Thủ tướng Chính phủ", [("Bằng khen của Thủ tướng Chính phủ", 16)], 16),
        ("Khen thưởng cấp tỉnh", [("Cờ thi đua của UBND tỉnh", 36), ("Bằng khen của Chủ tịch UBND tỉnh", 29)], 65),
        # The demo units' 2019 rounds, decided in January 2020 (awards.demo.unit_rounds): 6 collectives, 13 persons.
        ("Khen thưởng cấp cơ sở", [("Chiến sĩ thi đua cơ sở", 1), ("Lao động tiên tiến", 10),
                                   ("Tập thể lao động tiên tiến", 3), ("Giấy khen của Chủ tịch UBND cấp xã", 3),
                                   ("Giấy khen", 2)], 19),
    ]
    assert selectors.by_kind(2020) == [("Tập thể", 78 + 6), ("Cá nhân", 7 + 13), ("Hộ gia đình", 0)]
    assert selectors.by_occasion(2020) == [("cong_trang", "Công trạng, thường xuyên", 69 + 19),
                                           ("chuyen_de", "Chuyên đề, theo đợt", 16)]
    assert selectors.trend(2020)[-2:] == [(2019, 27, 24, 2), (2020, 78 + 6, 7 + 13, 0)]


def test_dashboard_page_defaults_to_the_latest_year_and_drills_down(client, demo_data):
    client.login(username="lanhdao", password="thidua2021")
    response = client.get("/dashboard/")
    assert response.context["year"] == 2020
    assert f'data-testid="summary-paragraph">{PARAGRAPH_2020}</p>' in response.content.decode()
    older = client.get("/dashboard/", {"year": "2019"})
    assert older.context["paragraph"] == PARAGRAPH_2019
    drill = client.get("/dashboard/awards/", {"year": "2020", "codes": "co-thi-dua-ubnd-tinh", "kind": "tap_the"})
    page = drill.context["page"]
    assert page.paginator.count == 36
    assert {a.decision_number for a in page} == {"01/QĐ-UBND"}


def test_the_dashboard_opens_on_the_latest_year_the_province_decided(client, demo_data):
    """2021 holds only the demo units' own decisions (their 2020 rounds, decided in January 2021): it is listed,
    but the province's summary opens on 2020; once the province decides in 2021, 2021 is where it opens."""
    client.login(username="lanhdao", password="thidua2021")
    response = client.get("/dashboard/")
    assert (response.context["year"], response.context["years"][:3]) == (2020, [2021, 2020, 2019])
    assert selectors.latest_province_year() == 2020
    assert client.get("/dashboard/", {"year": "2021"}).context["base_total"] == 18
    unit = UnitFactory()
    make_awards(1, unit)  # a Bằng khen of the Chủ tịch UBND tỉnh in 2021
    assert client.get("/dashboard/").context["year"] == 2021


def test_with_only_base_level_awards_the_dashboard_opens_on_their_latest_year(client, leader):
    Award.objects.exclude(authority__in=selectors.BASE_AUTHORITIES).delete()
    assert selectors.latest_province_year() is None
    client.force_login(leader)
    assert client.get("/dashboard/").context["year"] == 2021


def test_a_revoked_award_no_longer_counts(demo_data):
    award = Award.objects.filter(year=2020, award_code="co-thi-dua-ubnd-tinh").first()
    award.revoked = True
    award.save()
    lines = {line.label: line.total for line in selectors.award_lines(2020)}
    assert lines["Cờ thi đua của UBND tỉnh"] == 35


@pytest.mark.parametrize(("persona", "status"), [("anonymous", 302), ("council_member", 403), ("staff", 200),
                                                  ("leader", 200), ("officer_a", 200)])
def test_who_sees_the_dashboard(client_for, persona, status):
    assert client_for(persona).get("/dashboard/").status_code == status


def make_awards(count: int, unit) -> None:
    award_type = award_type_on("bang-khen-chu-tich-ubnd-tinh", datetime.date(2021, 12, 31))
    Award.objects.bulk_create(
        Award(source="history", award_type=award_type, award_code=award_type.code,
              recipient_kind=["tap_the", "ca_nhan"][i % 2], recipient_name=f"Người {i}", proposing_unit=unit,
              year=2021, achievement_year=2021, occasion="cong_trang", authority="chu_tich_ubnd_tinh",
              decision_number=f"{i}/QĐ-UBND", decided_on=datetime.date(2021, 6, 1), issuer="Chủ tịch UBND tỉnh")
        for i in range(count))


def test_query_count_is_the_same_at_10_and_1000_awards(client, leader):
    unit = UnitFactory()
    client.force_login(leader)
    already = Award.objects.filter(year=2021, revoked=False).count()
    make_awards(10, unit)
    with CaptureQueriesContext(connection) as few:
        client.get("/dashboard/", {"year": "2021"})
    make_awards(990, unit)
    with CaptureQueriesContext(connection) as many:
        response = client.get("/dashboard/", {"year": "2021"})
    assert response.context["total"] == already + 1000
    assert len(many) == len(few)


def test_unit_officers_see_their_units_figures_only(client, officer_a, unit_a, unit_b):
    make_awards(4, unit_a)
    make_awards(6, unit_b)
    client.force_login(officer_a)
    response = client.get("/dashboard/")
    assert (response.context["year"], response.context["total"]) == (2021, 4)


def test_trend_bars_are_plain_svg_numbers():
    bars = selectors.trend_bars([(2019, 27, 24, 2), (2020, 78, 7, 0)], width=500, height=160)
    assert [(b["year"], b["x"], b["w"], b["total"]) for b in bars] == [("2019", "37.5", "175.0", 53),
                                                                        ("2020", "287.5", "175.0", 85)]
    assert [s["h"] for s in bars[1]["segments"]] == ["146.8", "13.2", "0.0"]


def test_processing_figures_from_the_demo_records(demo_data):
    # DEMO20-H01 was returned once and received again (so that donvi has a "returned" notice, issue 17)
    assert selectors.processing(2020) == {"received": 35, "returned": 1, "pending": 0, "reviewed": 35, "on_time": 35,
                                          "on_time_pct": 100.0, "proposed": 85}
    assert selectors.processing(2019) == {"received": 22, "returned": 0, "pending": 0, "reviewed": 22, "on_time": 22,
                                          "on_time_pct": 100.0, "proposed": 53}


def test_a_late_appraisal_and_a_return_are_counted(unit_a, officer_a, staff):
    from awards.dossiers import workflow
    from awards.enums import DossierState
    from awards.models import Dossier
    from tests.factories import make_dossier

    late = make_dossier(unit_a, officer_a, state=DossierState.SUBMITTED)
    workflow.transition(late, "receive", staff)
    Dossier.objects.filter(pk=late.pk).update(due_date=datetime.date(2000, 1, 1))
    late.nominations.update(verdict="eligible")
    workflow.transition(Dossier.objects.get(pk=late.pk), "complete_review", staff)
    back = make_dossier(unit_a, officer_a, state=DossierState.SUBMITTED)
    workflow.transition(back, "return", staff, note="Thiếu biên bản")
    year = datetime.date.today().year
    figures = selectors.processing(year)
    assert (figures["received"], figures["returned"], figures["reviewed"], figures["on_time"],
            figures["on_time_pct"], figures["pending"]) == (1, 1, 1, 0, 0.0, 1)


def test_excel_export_cell_by_cell(client, demo_data):
    import io

    import openpyxl

    client.login(username="lanhdao", password="thidua2021")
    response = client.get("/dashboard/export.xlsx", {"year": "2020"})
    assert response["Content-Disposition"] == 'attachment; filename="tong-hop-khen-thuong-2020.xlsx"'
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Tổng hợp", "Cấp cơ sở", "Theo đối tượng", "Theo loại hình", "Mười năm"]
    sheet = book["Tổng hợp"]
    assert sheet["A1"].value == "BẢNG TỔNG HỢP KHEN THƯỞNG NĂM 2020"
    assert sheet["A2"].value == PARAGRAPH_2020
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=4)]
    assert rows == [
        ["Cấp khen thưởng", "Danh hiệu, hình thức", "Tập thể", "Cá nhân", "Hộ gia đình", "Tổng", "Năm 2019"],
        ["Khen thưởng cấp Nhà nước", "Huân chương Lao động hạng Nhất, Nhì, Ba", 4, 0, 0, 4, 0],
        ["Khen thưởng của Chính phủ, Thủ tướng Chính phủ", "Bằng khen của Thủ tướng Chính phủ", 9, 7, 0, 16, 0],
        ["Khen thưởng cấp tỉnh", "Cờ thi đua của UBND tỉnh", 36, 0, 0, 36, 0],
        ["Khen thưởng cấp tỉnh", "Bằng khen của Chủ tịch UBND tỉnh", 29, 0, 0, 29, 53],
        ["Khen thưởng cấp cơ sở", "Chiến sĩ thi đua cơ sở", 0, 1, 0, 1, 0],
        ["Khen thưởng cấp cơ sở", "Lao động tiên tiến", 0, 10, 0, 10, 0],
        ["Khen thưởng cấp cơ sở", "Tập thể lao động tiên tiến", 3, 0, 0, 3, 0],
        ["Khen thưởng cấp cơ sở", "Giấy khen của Chủ tịch UBND cấp xã", 2, 1, 0, 3, 0],
        ["Khen thưởng cấp cơ sở", "Giấy khen", 1, 1, 0, 2, 0],
        [None, "Tổng cộng", None, None, None, 85 + 19, 53],
    ]
    assert [[c.value for c in r] for r in book["Theo đối tượng"].iter_rows()] == [
        ["Đối tượng", "Số lượng"], ["Tập thể", 78 + 6], ["Cá nhân", 7 + 13], ["Hộ gia đình", 0]]
    assert [[c.value for c in r] for r in book["Mười năm"].iter_rows(min_row=10)] == [
        [2019, 27, 24, 2, 53], [2020, 84, 20, 0, 104]]


def test_campaign_targets_against_results_2019(client, demo_data):
    client.login(username="lanhdao", password="thidua2021")
    response = client.get("/dashboard/", {"year": "2019"})
    rows = [(c.code, [(t.unit_of_measure, t.result_value, t.achievement_pct) for t in c.targets.all()])
            for c in response.context["campaign_targets"]]
    from decimal import Decimal

    assert rows[0][0] == "cao-diem-60-ngay-dem-2019"
    assert ("%", Decimal("92.20"), Decimal("92.20")) in rows[0][1]
    assert ("hồ sơ", Decimal("12537.00"), None) in rows[0][1]
    html = response.content.decode()
    assert 'data-testid="campaign-targets"' in html and ">12.537<" in html and ">99,08<" in html


def test_awards_by_cluster_of_the_proposing_unit_2020(demo_data):
    rows = selectors.by_cluster(2020)
    # The province's 85 and the 10 base-level awards of the Sở GD&ĐT (a member of a khối); the communes' 9 are
    # proposed by communes, which no cluster counts.
    assert sum(n for _id, _name, _c, n in rows) == 85 + 10
    assert [row[1:] for row in rows[:2]] == [("Cụm thi đua các huyện nội địa", 10, 10),
                                             ("Cụm thi đua các huyện biên giới", 9, 9)]
    assert len(rows) == 9
    inland = rows[0][0]
    assert selectors.drill_down(2020, [], None, cluster_id=inland).count() == 10


def test_every_table_drills_down(client, demo_data):
    client.login(username="lanhdao", password="thidua2021")
    def count(**params):
        return client.get("/dashboard/awards/", {"year": "2020", **params}).context["page"].paginator.count
    assert count(kind="ca_nhan") == 7 + 13
    assert count(kind="ca_nhan", level="chinh_phu") == 7 and count(kind="ca_nhan", level="co_so") == 13
    assert count(occasion="chuyen_de") == 16
    assert count(codes="bang-khen-thu-tuong", kind="tap_the") == 9
    html = client.get("/dashboard/", {"year": "2020"}).content.decode()
    assert "kind=ca_nhan&amp;title=" in html and "occasion=chuyen_de" in html and "cluster=" in html


def test_dashboard_pdf_is_rendered_by_a_task(client, demo_data, settings, tmp_path,
                                            django_capture_on_commit_callbacks):
    import subprocess

    from awards.models import DashboardReport

    settings.MEDIA_ROOT = tmp_path
    client.login(username="lanhdao", password="thidua2021")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/dashboard/reports/", {"year": "2020"})
    report = DashboardReport.objects.get()
    assert response["Location"] == f"/dashboard/reports/{report.pk}/"
    assert (report.status, report.year, report.unit) == ("done", 2020, None)
    from awards.reports.tasks import render_dashboard_report

    assert render_dashboard_report(report.pk) == "skipped"
    download = client.get(f"/dashboard/reports/{report.pk}/file.pdf")
    path = tmp_path / "copy.pdf"
    path.write_bytes(b"".join(download.streaming_content))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert "TỔNG HỢP KẾT QUẢ KHEN THƯỞNG NĂM 2020" in flat
    assert PARAGRAPH_2020 in flat


def test_drill_down_pages_keep_the_order_and_read_only_the_rows_shown(client, leader):
    """A line of one award type is listed by recipient kind, then name, then id, page after page; the last page
    holds the rest; each page costs the same queries."""
    unit = UnitFactory()
    award_type = award_type_on("bang-khen-chu-tich-ubnd-tinh", datetime.date(2021, 12, 31))
    names = [f"Người {n:03d}" for n in (7, 3, 120, 55, 9)] * 24  # 120 awards, names repeated
    Award.objects.bulk_create(
        Award(source="history", award_type=award_type, award_code=award_type.code,
              recipient_kind=["tap_the", "ca_nhan"][i % 2], recipient_name=name, proposing_unit=unit, year=2021,
              achievement_year=2021, occasion="cong_trang", authority="chu_tich_ubnd_tinh",
              decision_number=f"{i}/QĐ-UBND", decided_on=datetime.date(2021, 6, 1), issuer="Chủ tịch UBND tỉnh")
        for i, name in enumerate(names))
    expected = list(Award.objects.filter(year=2021, award_code=award_type.code).order_by("recipient_kind", "recipient_name", "pk")
                    .values_list("pk", flat=True))
    client.force_login(leader)
    shown, counts = [], []
    for page in ("1", "2", "3"):
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/dashboard/awards/", {"year": "2021", "codes": award_type.code, "page": page})
        counts.append(len(queries))
        shown += [award.pk for award in response.context["page"]]
        assert all(award.kind_label in {"Tập thể", "Cá nhân"} for award in response.context["page"])
    assert shown == expected
    assert [len(shown[:50]), len(shown[50:100]), len(shown[100:])] == [50, 50, 20]
    assert len(set(counts)) == 1
    html = response.content.decode()
    assert "<td>Tập thể</td>" in html and "<td>Cá nhân</td>" not in html  # ca_nhan sorts first


def test_drill_down_of_several_places_in_the_catalogue_keeps_the_catalogue_order(client, leader):
    unit = UnitFactory()
    first = award_type_on("bang-khen-chu-tich-ubnd-tinh", datetime.date(2021, 12, 31))
    other = AwardType.objects.exclude(code=first.code).exclude(sort_order=first.sort_order).filter(
        valid_to__isnull=True).order_by("sort_order").first()
    Award.objects.bulk_create(
        Award(source="history", award_type=kind, award_code=kind.code, recipient_kind="ca_nhan",
              recipient_name=f"A{i}", proposing_unit=unit, year=2021, achievement_year=2021, occasion="cong_trang",
              authority="chu_tich_ubnd_tinh", decision_number="1/QĐ-UBND", decided_on=datetime.date(2021, 6, 1),
              issuer="Chủ tịch UBND tỉnh")
        for i, kind in enumerate([first, other] * 3))
    client.force_login(leader)
    response = client.get("/dashboard/awards/", {"year": "2021", "codes": f"{first.code},{other.code}"})
    orders = [award.award_type.sort_order for award in response.context["page"]]
    assert orders == sorted(orders) and len(set(orders)) == 2


def test_an_appraisal_the_morning_after_the_due_date_is_late_and_a_unit_sees_its_own(unit_a, unit_b, officer_a,
                                                                                     officer_b, staff):
    """On time means the appraisal's local date (Asia/Ho_Chi_Minh) is at most the due date: 05:00 on the next
    morning is 22:00 UTC of the due date itself, and still late. A unit's figures count its own dossiers only."""
    from zoneinfo import ZoneInfo

    from awards.dossiers import workflow
    from awards.enums import DossierState
    from awards.models import Dossier, DossierTransition
    from tests.factories import make_dossier

    hanoi = ZoneInfo("Asia/Ho_Chi_Minh")
    reviewed = []
    for unit, officer in ((unit_a, officer_a), (unit_b, officer_b)):
        dossier = make_dossier(unit, officer, state=DossierState.SUBMITTED)
        workflow.transition(dossier, "receive", staff)
        dossier.nominations.update(verdict="eligible")
        workflow.transition(Dossier.objects.get(pk=dossier.pk), "complete_review", staff)
        reviewed.append(dossier)
    Dossier.objects.filter(pk__in=[d.pk for d in reviewed]).update(due_date=datetime.date(2024, 3, 9))
    late, in_time = reviewed
    DossierTransition.objects.filter(dossier=late, action__in=["receive", "complete_review"]).update(
        at=datetime.datetime(2024, 3, 10, 5, 0, tzinfo=hanoi))
    DossierTransition.objects.filter(dossier=in_time, action__in=["receive", "complete_review"]).update(
        at=datetime.datetime(2024, 3, 9, 23, 30, tzinfo=hanoi))
    Dossier.objects.filter(pk__in=[d.pk for d in reviewed]).update(
        received_at=datetime.datetime(2024, 3, 1, 8, 0, tzinfo=hanoi))
    figures = selectors.processing(2024)
    assert (figures["received"], figures["reviewed"], figures["on_time"], figures["on_time_pct"]) == (2, 2, 1, 50.0)
    assert selectors.processing(2024, unit_a.pk)["on_time"] == 0
    assert selectors.processing(2024, [unit_b.pk])["on_time"] == 1
    assert selectors.processing(2024, [])["reviewed"] == 0
    assert selectors.processing(2023)["reviewed"] == 0
