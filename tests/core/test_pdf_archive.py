"""Every rendered document is PDF/A-2b (ISO 19005-2 = TCVN 14159-2:2024) and carries its records metadata:
title, author (the issuing body), subject (trích yếu), keywords (the number) and the document's date. Read back
with pdfinfo and the XMP packet (pdfinfo -meta); veraPDF is not installable here (not in Debian)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from awards.core import pdf
from awards.reports import pdf as report_pdf
from tests import pdf_tools

pytestmark = pytest.mark.django_db
EMPTY_DASHBOARD = {"year": 2020, "paragraph": "", "levels": [], "kinds": [], "occasions": [], "trend": [],
                   "bars": [], "total": 0}


def test_render_pdf_writes_pdfa_2b_with_the_metadata_it_is_given():
    data = pdf.render_pdf("pdf/dashboard.html", EMPTY_DASHBOARD, pdf.Metadata(
        title="Quyết định số 163/QĐ-UBND ngày 06/02/2021", author="Chủ tịch UBND tỉnh Lạng Sơn",
        subject="Về việc tặng Bằng khen của Chủ tịch UBND tỉnh", keywords=("163/QĐ-UBND",),
        created=datetime.date(2021, 2, 6)))
    info = pdf_tools.info(data)
    assert info["Title"] == "Quyết định số 163/QĐ-UBND ngày 06/02/2021"
    assert info["Author"] == "Chủ tịch UBND tỉnh Lạng Sơn"
    assert info["Subject"] == "Về việc tặng Bằng khen của Chủ tịch UBND tỉnh"
    assert info["Keywords"] == "163/QĐ-UBND"
    assert info["Creator"] == "Phần mềm quản lý thi đua, khen thưởng"
    assert info["CreationDate"] == "2021-02-06T00:00:00+07"
    assert info["PDF version"] == "1.7"
    assert pdf_tools.pdfa_part(data) == ("2", "B")
    packet = pdf_tools.xmp(data)
    assert "<rdf:li>Chủ tịch UBND tỉnh Lạng Sơn</rdf:li>" in packet
    assert "<pdf:Keywords>163/QĐ-UBND</pdf:Keywords>" in packet
    assert "<xmp:CreateDate>2021-02-06T00:00:00+07:00</xmp:CreateDate>" in packet


def test_without_metadata_the_board_is_the_author_and_the_title_is_the_templates():
    info = pdf_tools.info(pdf.render_pdf("pdf/dashboard.html", EMPTY_DASHBOARD))
    assert info["Title"] == "Tổng hợp khen thưởng năm 2020"
    assert info["Author"] == "Ban Thi đua - Khen thưởng tỉnh Lạng Sơn"
    assert info["CreationDate"] == f"{timezone.localdate():%Y-%m-%d}T00:00:00+07"
    assert "Subject" not in info and "Keywords" not in info


def test_same_content_same_bytes():
    meta = pdf.Metadata(title="Biên bản", author="Hội đồng", created=datetime.date(2021, 1, 20))
    assert pdf.render_pdf("pdf/dashboard.html", EMPTY_DASHBOARD, meta) == pdf.render_pdf(
        "pdf/dashboard.html", EMPTY_DASHBOARD, meta)


def test_dashboard_pdf_is_the_boards_report_of_the_year():
    data = report_pdf.render(2020)
    info = pdf_tools.info(data)
    assert info["Title"] == "Tổng hợp khen thưởng năm 2020 - tỉnh Lạng Sơn"
    assert info["Author"] == "Ban Thi đua - Khen thưởng tỉnh Lạng Sơn"
    assert info["Subject"] == "Tổng hợp khen thưởng năm 2020 của tỉnh Lạng Sơn"
    assert info["Keywords"] == "Năm 2020"
    assert pdf_tools.pdfa_part(data) == ("2", "B")


@pytest.mark.parametrize(("name", "expected"), [
    (["Sở Tài chính"], (["Sở Tài chính"], 13)),
    (["Khối các cơ quan tổng hợp"], (["Khối các cơ quan tổng hợp"], 12)),  # fits on one line at 12 pt
    (["Cụm thi đua các huyện nội địa"], (["Cụm thi đua các", "huyện nội địa"], 13)),
    (["Sở Văn hóa, Thể thao và Du lịch"], (["Sở Văn hóa,", "Thể thao và Du lịch"], 13)),  # after the comma
    (["Hội đồng", "Thi đua - Khen thưởng"], (["Hội đồng", "Thi đua - Khen thưởng"], 13)),
])
def test_the_issuers_name_is_set_at_the_largest_size_that_fits(name, expected):
    assert pdf.organ_header(name) == expected
