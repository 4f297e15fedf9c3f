"""Biểu 0601, 0602, 0603 (Thông tư 02/2023/TT-BNV) from the demo records, checked cell by cell: the header box,
the row codes, the column headers, the signature block, and the form in force for the year."""

import datetime
import io

import openpyxl
import pytest

from awards.catalogue.in_force import award_type_on
from awards.models import Award
from tests.factories import UnitFactory, make_body
from tests.reports.base_awards import decide_2020
from tests.reports.test_base_level import add_awards

pytestmark = pytest.mark.django_db

# The first row of figures: the table's header starts on row 9, then the numbering row.
FIRST_ROW = {"0601": 12, "0602": 13, "0603": 12}
CODES_0602 = ["01", "02", "03", *[f"{n:02d}" for n in range(6, 22)]]
NOTE_2020 = ("Mẫu biểu theo Thông tư 02/2023/TT-BNV áp dụng cho số liệu năm 2020; số liệu năm 2020 thuộc kỳ áp dụng "
             "Biểu {old}.N/BNV-TĐKT của Thông tư 03/2018/TT-BNV.")


def sheet_of(client, form, year):
    response = client.get(f"/dashboard/forms/{form}.xlsx", {"year": year})
    assert response.status_code == 200, response.content.decode()[-600:]
    assert response["Content-Disposition"] == f'attachment; filename="bieu-{form}-{year}.xlsx"'
    return openpyxl.load_workbook(io.BytesIO(response.content)).active


def figures(sheet, form, first_figure_column=3):
    """{code: figures} of the data rows (headings have no code)."""
    rows = sheet.iter_rows(min_row=FIRST_ROW[form], values_only=True)
    return {row[1]: list(row[first_figure_column:]) for row in rows if row[1]}


def rows(client, form, year, first_figure_column=3):
    return figures(sheet_of(client, form, year), form, first_figure_column)


@pytest.fixture
def board(client, demo_data):
    client.login(username="bantdkt", password="thidua2021")
    return client


def test_form_0602_has_its_own_rows_the_tờ_trình_block_and_column_9(board):
    sheet = sheet_of(board, "0602", 2020)
    assert [sheet[c].value for c in ("A1", "A2", "A3")] == [
        "Biểu số: 0602.N/BNV-TĐKT", "Ban hành theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023",
        "Ngày nhận báo cáo: ngày 15 tháng 12 năm báo cáo"]
    assert [sheet[c].value for c in ("H1", "H2", "H3")] == [
        "Đơn vị báo cáo: UBND tỉnh Lạng Sơn", "Đơn vị nhận báo cáo: Bộ Nội vụ", "Thời điểm báo cáo: năm 2020"]
    assert (sheet["A5"].value, sheet["A6"].value) == ("SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC", "Năm 2020")
    assert sheet["A7"].value == NOTE_2020.format(old="0702")
    assert [sheet.cell(10, col).value for col in range(5, 17)] == [
        "Các loại huân chương, huy chương", None, "Giải thưởng Hồ Chí Minh", "Giải thưởng Nhà nước",
        "Danh hiệu vinh dự nhà nước", None, "Cờ thi đua của Chính phủ", "Bằng khen của Thủ tướng Chính phủ", None,
        "Chiến sĩ thi đua toàn quốc", "Các hình thức khen thưởng khác", None]
    assert [sheet.cell(11, col).value for col in range(5, 17)] == [
        "Tập thể", "Cá nhân", None, None, "Tập thể", "Cá nhân", None, "Tập thể", "Cá nhân", None, "Tập thể", "Cá nhân"]
    assert [sheet.cell(12, col).value for col in range(1, 17)] == [
        "A", "B", "C", "1", "2", None, "3", "4", "5", None, "6", "7", None, "8", "9", None]
    assert {"E9:P9", "E10:F10", "L10:M10", "O10:P10", "A9:A11"} <= {str(r) for r in sheet.merged_cells.ranges}
    table = [row for row in sheet.iter_rows(min_row=13, max_row=34, values_only=True)]
    assert [row[1] for row in table if row[1]] == CODES_0602
    assert [row[0] for row in table if not row[1]] == [
        "1. Chia theo đơn vị ban hành tờ trình Thủ tướng Chính phủ về khen thưởng",
        "2. Chia theo đối tượng khen thưởng", "3. Chia theo phương thức khen thưởng"]
    by_code = figures(sheet, "0602")
    assert by_code["01"] == [20, 4, 0, 0, 0, 0, 0, 0, 9, 7, 0, 0, 0]
    assert by_code["02"] == [0] * 13  # every State award of 2020 was proposed by the province's tờ trình
    assert by_code["03"] == [20, 4, 0, 0, 0, 0, 0, 0, 9, 7, 0, 0, 0]
    assert by_code["06"] == [13, 4, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 0]
    assert by_code["09"] == [7, 0, 0, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0]
    assert (by_code["15"][:2], by_code["16"]) == ([4, 4], [16, 0, 0, 0, 0, 0, 0, 0, 9, 7, 0, 0, 0])
    assert (sheet["B13"].value, sheet["B15"].value, sheet["C15"].value) == ("01", "02", "Bộ, ngành")


def test_the_signature_block_closes_every_form(board):
    for form, year, right, last in (("0601", 2019, "D", "12"), ("0602", 2020, "H", "21"), ("0603", 2020, "F", "17")):
        sheet = sheet_of(board, form, year)
        sign = next(row for row in range(1, sheet.max_row + 1) if sheet[f"A{row}"].value == "NGƯỜI LẬP BIỂU")
        assert sheet[f"B{sign - 3}"].value == last  # two rows under the last row of the table
        assert [sheet[f"{right}{sign - 1}"].value, sheet[f"{right}{sign}"].value, sheet[f"A{sign + 1}"].value,
                sheet[f"{right}{sign + 1}"].value] == [
            "Lạng Sơn, ngày ..... tháng ..... năm ......", "THỦ TRƯỞNG ĐƠN VỊ", "(Ký, họ tên)",
            "(Ký, họ tên, đóng dấu)"], form
        assert sheet[f"{right}1"].value == "Đơn vị báo cáo: UBND tỉnh Lạng Sơn"


def test_a_state_award_proposed_through_a_ministry_is_row_02(staff, client):
    """A central agency's award recorded from the archives (no dossier of the province): its ministry sent the
    tờ trình, so it is row 02 of Biểu 0602, not row 03."""
    agency = UnitFactory(kind="trung_uong", name="Kho bạc Nhà nước khu vực")
    award_type = award_type_on("bang-khen-thu-tuong", datetime.date(2023, 6, 1))
    Award.objects.create(source="history", award_type=award_type, award_code=award_type.code,
                         recipient_kind="tap_the", recipient_name="Phòng Kiểm soát chi", proposing_unit=agency,
                         year=2023, achievement_year=2022, occasion="cong_trang", authority="thu_tuong",
                         decision_number="812/QĐ-TTg", decided_on=datetime.date(2023, 6, 1),
                         issuer="Thủ tướng Chính phủ")
    client.force_login(staff)
    sheet = sheet_of(client, "0602", 2023)
    assert sheet["A7"].value is None  # 2023: the form in force, no note
    by_code = figures(sheet, "0602")
    assert (by_code["01"][0], by_code["02"][0], by_code["03"][0], by_code["02"][8]) == (1, 1, 0, 1)


def test_column_9_counts_the_state_awards_of_no_other_column(staff, client):
    award_type = award_type_on("bang-khen-thu-tuong", datetime.date(2023, 6, 1))
    award_type.pk, award_type.code, award_type.family = None, "huy-hieu-thu-nghiem", "ky_niem_chuong"
    award_type.save()
    Award.objects.create(source="history", award_type=award_type, award_code=award_type.code,
                         recipient_kind="ca_nhan", recipient_name="Hoàng Văn Nam", year=2023, achievement_year=2023,
                         occasion="cong_hien", authority="thu_tuong", decision_number="9/QĐ-TTg",
                         decided_on=datetime.date(2023, 3, 1), issuer="Thủ tướng Chính phủ")
    client.force_login(staff)
    by_code = figures(sheet_of(client, "0602", 2023), "0602")
    assert by_code["01"] == [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]
    assert by_code["19"] == [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]


def test_form_0603_for_2020(board):
    sheet = sheet_of(board, "0603", 2020)
    assert sheet["A1"].value == "Biểu số: 0603.N/BNV-TĐKT"
    assert sheet["A7"].value == NOTE_2020.format(old="0703")
    assert [sheet.cell(10, col).value for col in range(5, 9)] == [
        "Bằng khen", "Chiến sĩ thi đua cấp bộ, cấp tỉnh",
        "Cờ thi đua của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương",
        "Huy hiệu (kỷ niệm chương) của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương"]
    assert [sheet.cell(11, col).value for col in range(1, 9)] == ["A", "B", "C", "1", "2", "3", "4", "5"]
    by_code = figures(sheet, "0603")
    assert list(by_code) == [f"{n:02d}" for n in range(1, 18)]
    assert by_code["01"] == [65, 29, 0, 36, 0]
    assert by_code["02"] == [65, 29, 0, 36, 0]
    assert by_code["03"] == [5, 4, 0, 1, 0]
    assert by_code["05"] == [0, 0, 0, 0, 0]
    assert by_code["11"] == [65, 29, 0, 36, 0]


def test_form_0603_for_2019_counts_households_and_campaign_awards(board):
    by_code = rows(board, "0603", 2019)
    assert by_code["01"] == [53, 53, 0, 0, 0]
    assert (by_code["02"][0], by_code["04"][0], by_code["05"][0], by_code["12"][0]) == (27, 2, 24, 53)


def test_form_0601_counts_the_2019_campaigns(board):
    sheet = sheet_of(board, "0601", 2019)
    assert (sheet["A8"].value, sheet["D9"].value, sheet["C11"].value) == (
        "Đơn vị tính: Phong trào", "Số phong trào thi đua chia theo cấp chủ trì phát động thi đua", "1=(2+3+4)")
    by_code = figures(sheet, "0601", 2)
    assert by_code["01"] == [2, 0, 2, 0]
    assert (by_code["03"], by_code["06"], by_code["07"], by_code["11"], by_code["12"]) == (
        [2, 0, 2, 0], [1, 0, 1, 0], [1, 0, 1, 0], [2, 0, 2, 0], [0, 0, 0, 0])


@pytest.mark.parametrize(("form", "year", "message"), [
    ("0602", 2017, "Không có mẫu biểu thống kê thi đua, khen thưởng cho số liệu năm 2017: các biểu của Thông tư số "
                   "03/2018/TT-BNV áp dụng từ số liệu năm 2018, các biểu của Thông tư số 02/2023/TT-BNV từ số liệu "
                   "năm 2023; mẫu biểu cho các năm trước 2018 chưa có trong phần mềm."),
    ("0604", 2020, "Chưa có Biểu 0604.N/BNV-TĐKT cho số liệu năm 2020: biểu này do Thông tư số 02/2023/TT-BNV "
                   "(hiệu lực từ 10/05/2023) đặt ra, áp dụng từ số liệu năm 2023; các biểu thi đua, khen thưởng của "
                   "Thông tư số 03/2018/TT-BNV áp dụng cho năm 2020 (0701, 0702, 0703) không có biểu tương ứng."),
])
def test_a_year_without_the_form_in_force_says_so(client, staff, form, year, message):
    client.force_login(staff)
    response = client.get(f"/dashboard/forms/{form}.xlsx", {"year": year})
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert f'data-testid="form-refusal">{message}</div>' in response.content.decode()


def test_unit_officers_do_not_get_the_province_forms(client_for):
    assert client_for("officer_a").get("/dashboard/forms/0603.xlsx", {"year": "2020"}).status_code == 403
    assert client_for("officer_a").get("/dashboard/forms/0605.xlsx", {"year": "2024"}).status_code == 403
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
    assert (after["0603"]["01"], after["0603"]["03"]) == ([65, 29, 0, 36, 0], [5, 4, 0, 1, 0])
    assert after["0602"]["01"] == [20, 4, 0, 0, 0, 0, 0, 0, 9, 7, 0, 0, 0]


def test_a_year_of_base_level_awards_only_fills_no_cell(client, staff):
    for kind in ("so_ban_nganh", "xa_phuong", "su_nghiep", "doanh_nghiep", "huyen"):
        add_awards(make_body(UnitFactory(), kind=kind, symbol=f"QĐ-{kind}"), 12, year=2021)
    client.force_login(staff)
    assert rows(client, "0602", 2021) == {code: [0] * 13 for code in CODES_0602}
    assert rows(client, "0603", 2021) == {f"{n:02d}": [0] * 5 for n in range(1, 18)}
