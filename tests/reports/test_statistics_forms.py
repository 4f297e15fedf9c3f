"""Biểu 0601, 0602, 0603 (Thông tư 02/2023/TT-BNV) from the demo records, checked cell by cell."""

import io

import openpyxl
import pytest

from tests.factories import UnitFactory, make_body
from tests.reports.base_awards import decide_2020
from tests.reports.test_base_level import add_awards

pytestmark = pytest.mark.django_db


def rows(client, form, year):
    response = client.get(f"/dashboard/forms/{form}.xlsx", {"year": year})
    assert response["Content-Disposition"] == f'attachment; filename="bieu-{form}-{year}.xlsx"'
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == f"Biểu số {form}.N/BNV-TĐKT"
    return [list(row) for row in sheet.iter_rows(min_row=7, values_only=True)]


@pytest.fixture
def board(client, demo_data):
    client.login(username="bantdkt", password="thidua2021")
    return client


def test_form_0603_for_2020(board):
    table = rows(board, "0603", 2020)
    assert table[0] == ["A", "B", "C", "1", "2", "3", "4", "5"]
    by_code = {row[1]: row[3:] for row in table[1:] if row[1]}
    assert by_code["01"] == [65, 29, 0, 36, 0]
    assert by_code["02"] == [65, 29, 0, 36, 0]
    assert by_code["03"] == [5, 4, 0, 1, 0]
    assert by_code["05"] == [0, 0, 0, 0, 0]
    assert by_code["11"] == [65, 29, 0, 36, 0]
    assert [row[1] for row in table[1:] if row[1]] == [f"{n:02d}" for n in range(1, 18)]


def test_form_0603_for_2019_counts_households_and_campaign_awards(board):
    by_code = {row[1]: row[3:] for row in rows(board, "0603", 2019)[1:] if row[1]}
    assert by_code["01"] == [53, 53, 0, 0, 0]
    assert (by_code["02"][0], by_code["04"][0], by_code["05"][0], by_code["12"][0]) == (27, 2, 24, 53)


def test_form_0602_for_2020(board):
    table = rows(board, "0602", 2020)
    by_code = {row[1]: row[3:] for row in table[1:] if row[1]}
    assert table[0] == ["A", "B", "C", "1", "2", "3", "4", "5", "6", "7", "8"]
    assert by_code["01"] == [20, 4, 0, 0, 0, 0, 16, 0]
    assert by_code["02"] == [13, 4, 0, 0, 0, 0, 9, 0]
    assert by_code["05"] == [7, 0, 0, 0, 0, 0, 7, 0]
    assert (by_code["11"][0], by_code["12"][0]) == (4, 16)


def test_form_0601_counts_the_2019_campaigns(board):
    by_code = {row[1]: row[2:] for row in rows(board, "0601", 2019)[1:] if row[1]}
    assert by_code["01"] == [2, 0, 2, 0]
    assert (by_code["03"], by_code["06"], by_code["07"], by_code["11"], by_code["12"]) == (
        [2, 0, 2, 0], [1, 0, 1, 0], [1, 0, 1, 0], [2, 0, 2, 0], [0, 0, 0, 0])


def test_unit_officers_do_not_get_the_province_forms(client_for):
    assert client_for("officer_a").get("/dashboard/forms/0603.xlsx", {"year": "2020"}).status_code == 403
    assert client_for("staff").get("/dashboard/forms/9999.xlsx", {"year": "2020"}).status_code == 404


def test_awards_decided_below_the_province_are_in_none_of_the_three_forms(board, staff):
    """Biểu 0602 counts the awards of the Chủ tịch nước and the Thủ tướng, 0603 those of the Chủ tịch UBND tỉnh
    (Bằng khen, Chiến sĩ thi đua cấp tỉnh, Cờ thi đua, kỷ niệm chương), 0601 campaigns: no row or column of the
    three asks for Lao động tiên tiến, Chiến sĩ thi đua cơ sở, Tập thể lao động tiên tiến or Giấy khen. Thirteen
    of them in 2020 (tests/reports/base_awards.py) change no cell."""
    before = {form: rows(board, form, 2020) for form in ("0601", "0602", "0603")}
    decide_2020(staff)
    after = {form: rows(board, form, 2020) for form in ("0601", "0602", "0603")}
    assert after == before
    form_0603 = {row[1]: row[3:] for row in after["0603"][1:] if row[1]}
    assert (form_0603["01"], form_0603["02"], form_0603["03"], form_0603["05"], form_0603["11"]) == (
        [65, 29, 0, 36, 0], [65, 29, 0, 36, 0], [5, 4, 0, 1, 0], [0, 0, 0, 0, 0], [65, 29, 0, 36, 0])
    form_0602 = {row[1]: row[3:] for row in after["0602"][1:] if row[1]}
    assert (form_0602["01"], form_0602["05"]) == ([20, 4, 0, 0, 0, 0, 16, 0], [7, 0, 0, 0, 0, 0, 7, 0])


def test_a_year_of_base_level_awards_only_fills_no_cell(client, staff):
    for kind in ("so_ban_nganh", "xa_phuong", "su_nghiep", "doanh_nghiep", "huyen"):
        add_awards(make_body(UnitFactory(), kind=kind, symbol=f"QĐ-{kind}"), 12, year=2021)
    client.force_login(staff)
    for form, width in (("0602", 8), ("0603", 5)):
        by_code = {row[1]: row[3:] for row in rows(client, form, 2021)[1:] if row[1]}
        assert by_code == {f"{n:02d}": [0] * width for n in range(1, 18)}, form
