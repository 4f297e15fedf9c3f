"""The cluster year's papers as a records clerk reads them: the tờ trình is the leader unit's own document (the
province as cơ quan chủ quản over a sở, a huyện's own "ỦY BAN NHÂN DÂN" form), Số and place-date on one row, a
person signs as trưởng cụm (never the unit); the biên bản cites the women preference only where a text in force on
the meeting day lays it down (NĐ 98/2023 from 2024, NĐ 152/2025 from 01/7/2025; nothing before)."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from awards.models import Signer
from tests import pdf_tools
from tests.clusters.test_clusters import cluster_year, members, ranked_year  # noqa: F401 (cluster_year is a fixture)
from tests.factories import ClusterFactory, make_body
from units.clusters import pdf as cluster_pdf
from units.clusters import ranking
from units.models import ClusterMembership, ClusterYear, UnitKind

pytestmark = pytest.mark.django_db
D = datetime.date


def lines(data: bytes) -> list[str]:
    return [line.strip() for line in pdf_tools.text(data).splitlines() if line.strip()]


@pytest.mark.parametrize(("day", "basis"), [
    (D(2021, 1, 8), ""), (D(2023, 12, 31), ""),
    (D(2024, 1, 1), "Nghị định số 98/2023/NĐ-CP, Điều 4"), (D(2025, 6, 30), "Nghị định số 98/2023/NĐ-CP, Điều 4"),
    (D(2025, 7, 1), "Nghị định số 152/2025/NĐ-CP, Điều 4"), (D(2026, 12, 5), "Nghị định số 152/2025/NĐ-CP, Điều 4"),
])
def test_the_women_preference_is_cited_from_the_text_in_force(day, basis):
    assert ranking.women_preference_basis(day) == basis


def test_2020_minutes_cite_no_2025_decree(cluster_year, officer_a):  # noqa: F811
    cy = ranked_year(cluster_year, officer_a)
    words = pdf_tools.flat(pdf_tools.text(cluster_pdf.render_minutes(cy)))
    assert ("nếu vẫn bằng nhau, ưu tiên tập thể có tỷ lệ nữ từ 70% trở lên. II. Đề nghị khen thưởng") in words
    assert "152/2025" not in words and "98/2023" not in words


def test_minutes_of_a_meeting_after_july_2025_cite_nd_152(cluster_year, officer_a):  # noqa: F811
    cy = ranked_year(cluster_year, officer_a)
    ClusterYear.objects.filter(pk=cy.pk).update(meeting_date=D(2025, 12, 5))
    cy.refresh_from_db()
    words = pdf_tools.flat(pdf_tools.text(cluster_pdf.render_minutes(cy)))
    assert ("nếu vẫn bằng nhau, ưu tiên tập thể có tỷ lệ nữ từ 70% trở lên (Nghị định số 152/2025/NĐ-CP, "
            "Điều 4).") in words
    ClusterYear.objects.filter(pk=cy.pk).update(meeting_date=D(2024, 12, 20))
    cy.refresh_from_db()
    words = pdf_tools.flat(pdf_tools.text(cluster_pdf.render_minutes(cy)))
    assert "(Nghị định số 98/2023/NĐ-CP, Điều 4)." in words and "152/2025" not in words


def test_a_sos_submission_prints_the_province_over_the_leader_and_a_person_signs(cluster_year, officer_a):  # noqa: F811
    cy = ranked_year(cluster_year, officer_a)
    ClusterYear.objects.filter(pk=cy.pk).update(signer_name="Nguyễn Thị Bích",
                                                signer_title="Giám đốc Sở Giáo dục và Đào tạo")
    cy.refresh_from_db()
    data = cluster_pdf.render_submission(cy)
    rows = lines(data)
    assert rows[0].startswith("UBND TỈNH LẠNG SƠN") and rows[0].endswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert rows[1].startswith("SỞ GIÁO DỤC VÀ ĐÀO TẠO") and rows[1].endswith("Độc lập - Tự do - Hạnh phúc")
    assert rows[2].startswith("Số: 05/TTr-CTĐ") and rows[2].endswith("Lạng Sơn, ngày 12 tháng 01 năm 2021")
    assert not any("CỤM THI ĐUA CÁC HUYỆN NỘI ĐỊA" in row for row in rows[:3])
    closing = rows[rows.index(next(r for r in rows if r.startswith("Nơi nhận:"))):]
    assert closing[0].endswith("TRƯỞNG CỤM")
    assert any(row.endswith("GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO") for row in closing[1:3]), closing
    assert closing[-1] == "Nguyễn Thị Bích"
    assert not any(row.startswith("TM.") for row in rows)


def test_a_district_leader_prints_its_own_form_and_place(cluster_year, officer_a, unit_a):  # noqa: F811
    unit_a.name, unit_a.kind = "Huyện Hữu Lũng", UnitKind.DISTRICT
    unit_a.save()
    cy = ranked_year(cluster_year, officer_a)
    ClusterYear.objects.filter(pk=cy.pk).update(signer_name="Hoàng Văn Phúc",
                                                signer_title="Chủ tịch UBND huyện Hữu Lũng")
    cy.refresh_from_db()
    rows = lines(cluster_pdf.render_submission(cy))
    assert rows[0].startswith("ỦY BAN NHÂN DÂN") and rows[1].startswith("HUYỆN HỮU LŨNG")
    assert rows[2].startswith("Số: 05/TTr-CTĐ") and rows[2].endswith("Hữu Lũng, ngày 12 tháng 01 năm 2021")
    assert "UBND TỈNH LẠNG SƠN" not in rows[0]
    closing = rows[rows.index(next(r for r in rows if r.startswith("Nơi nhận:"))):]
    assert closing[0].endswith("TRƯỞNG CỤM") and closing[-1] == "Hoàng Văn Phúc"
    assert any(row.endswith("CHỦ TỊCH UBND HUYỆN HỮU LŨNG") for row in closing)
    assert not any(row.endswith("Huyện Hữu Lũng") for row in closing)  # never the unit where a name belongs


def test_without_a_typed_signer_the_head_of_the_leaders_body_signs(cluster_year, officer_a, unit_a):  # noqa: F811
    body = make_body(unit_a, parent_name="UBND TỈNH LẠNG SƠN", issuer_name="SỞ GIÁO DỤC VÀ ĐÀO TẠO")
    Signer.objects.create(body=body, full_name="Trần Văn Hải", position="Giám đốc Sở Giáo dục và Đào tạo",
                          capacity="chu_tich", valid_from=D(2020, 1, 1))
    cy = ranked_year(cluster_year, officer_a)
    assert cluster_pdf.signer(cy, D(2021, 1, 12)) == {"name": "Trần Văn Hải",
                                                      "title": "Giám đốc Sở Giáo dục và Đào tạo"}
    rows = lines(cluster_pdf.render_submission(cy))
    assert rows[-1] == "Trần Văn Hải"
    minutes = lines(cluster_pdf.render_minutes(cy))
    assert minutes[-1].endswith("Trần Văn Hải")


def test_without_anyone_known_the_name_is_left_blank(cluster_year, officer_a, unit_a):  # noqa: F811
    cy = ranked_year(cluster_year, officer_a)
    assert cluster_pdf.signer(cy, D(2021, 1, 12)) == {"name": "", "title": ""}
    rows = lines(cluster_pdf.render_submission(cy))
    closing = rows[rows.index(next(r for r in rows if r.startswith("Nơi nhận:"))):]
    assert closing[0].endswith("TRƯỞNG CỤM") and closing[-1] == "- Lưu: VT."  # no name printed, the unit's neither
    assert not any(row.endswith(unit_a.name) for row in closing)


def test_minutes_are_signed_by_the_secretary_and_the_leaders_head(cluster_year, officer_a):  # noqa: F811
    cy = ranked_year(cluster_year, officer_a)
    ClusterYear.objects.filter(pk=cy.pk).update(signer_name="Nguyễn Thị Bích",
                                                signer_title="Giám đốc Sở Giáo dục và Đào tạo",
                                                secretary_name="Lường Văn Hải")
    cy.refresh_from_db()
    rows = lines(cluster_pdf.render_minutes(cy))
    words = pdf_tools.flat("\n".join(rows))
    assert ("Chủ trì: Nguyễn Thị Bích, Giám đốc Sở Giáo dục và Đào tạo (đơn vị trưởng cụm: Sở Giáo dục và Đào "
            "tạo); Sở Y tế (phó cụm). Thư ký: Lường Văn Hải.") in words
    title_row = next(i for i, row in enumerate(rows) if row.startswith("THƯ KÝ"))
    assert rows[title_row].split() == ["THƯ", "KÝ", "TRƯỞNG", "CỤM"]
    assert rows[title_row + 1] == "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO"
    assert rows[title_row + 2].split() == ["Lường", "Văn", "Hải", "Nguyễn", "Thị", "Bích"]


def test_settings_page_names_who_signs(unit_a, officer_a, client_for):
    cluster = ClusterFactory()
    ClusterMembership.objects.create(cluster=cluster, unit=unit_a, year=2021)
    cy = ClusterYear.objects.create(cluster=cluster, year=2021, leader=unit_a)
    url = reverse("units:cluster_year_settings", args=[cluster.pk, 2021])
    data = {"version": cy.version, "criteria": "1 | A | Nhiệm vụ chính trị | 100", "flag_quota": "1",
            "merit_quota": "1", "tie_break": "criterion_votes", "tie_break_criterion": "",
            "submission_number": "09/TTr-SGDĐT", "submission_date": "2022-01-10", "signer_name": " Nguyễn  Thị Bích ",
            "signer_title": "Giám đốc Sở Giáo dục và Đào tạo", "secretary_name": "Lường Văn Hải"}
    assert client_for("officer_a").post(url, data).status_code == 302
    cy.refresh_from_db()
    assert (cy.signer_name, cy.signer_title, cy.secretary_name) == (
        "Nguyễn Thị Bích", "Giám đốc Sở Giáo dục và Đào tạo", "Lường Văn Hải")
    page = client_for("officer_a").get(url).content.decode()
    assert 'value="Nguyễn Thị Bích"' in page
    assert "ưu tiên (Nghị định số" not in page  # a 2021 review: no text cited

