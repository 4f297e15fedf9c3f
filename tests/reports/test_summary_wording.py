"""The summary sentences of the seed articles, from the demo records, on the dashboard, its Excel export and its
PDF: the Bằng khen is the Chủ tịch UBND tỉnh's, and households are counted as their own recipient kind."""

import io
import subprocess

import openpyxl
import pytest

from awards.reports import pdf as dashboard_pdf

pytestmark = pytest.mark.django_db

SENTENCE_2019 = "27 tập thể, 24 cá nhân và 02 hộ gia đình được tặng Bằng khen của Chủ tịch UBND tỉnh."
SENTENCE_2020 = "16 tập thể, cá nhân được tặng Bằng khen của Thủ tướng Chính phủ;"


@pytest.fixture
def leader_client(client, demo_data):
    client.login(username="lanhdao", password="thidua2021")
    return client


def test_the_2019_sentence_on_the_page_and_in_the_workbook(leader_client):
    html = leader_client.get("/dashboard/", {"year": "2019"}).content.decode()
    assert f'data-testid="summary-paragraph">{SENTENCE_2019}</p>' in html
    assert "Bằng khen của UBND tỉnh" not in html
    book = openpyxl.load_workbook(io.BytesIO(leader_client.get("/dashboard/export.xlsx", {"year": "2019"}).content))
    assert book["Tổng hợp"]["A2"].value == SENTENCE_2019
    assert book["Tổng hợp"]["B5"].value == "Bằng khen của Chủ tịch UBND tỉnh"


def test_the_2020_sentence_keeps_collectives_and_individuals_together(leader_client):
    html = leader_client.get("/dashboard/", {"year": "2020"}).content.decode()
    assert SENTENCE_2020 in html
    assert "29 tập thể được tặng Bằng khen của Chủ tịch UBND tỉnh." in html


def test_the_dashboard_pdf_of_2019_says_chủ_tịch(demo_data, tmp_path):
    path = tmp_path / "2019.pdf"
    path.write_bytes(dashboard_pdf.render(2019))
    text = " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert SENTENCE_2019 in text
    assert "Bằng khen của UBND tỉnh" not in text
