"""Biểu 0604 and 0605: Board staff enter the figures of the TĐKT apparatus and its staff for the province and a
year, the page refuses figures that do not add up, and the forms are exported from what was entered."""

import io

import openpyxl
import pytest

from awards.models import StatisticsFigure
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db

URL = "/dashboard/forms/figures/"
STAFF_2024 = {"01": (7, 4), "02": (1, 1), "03": (3, 2), "04": (2, 1), "05": (1, 0), "06": (0, 0), "07": (0, 0),
              "08": (0, 0), "09": (0, 0), "10": (0, 0), "11": (5, 3), "12": (2, 1), "13": (3, 2), "14": (2, 1),
              "15": (2, 1)}


@pytest.fixture
def province(db):
    return UnitFactory(kind="tinh", name="Ủy ban nhân dân tỉnh Lạng Sơn", code="ubnd-tinh")


def apparatus(**values):
    return {"statistics_form": "0604", **{f"0604_{code}": values.get(f"r{code}", 0) for code in ("02", "03", "04",
                                                                                                  "05")}}


def staff_post(figures):
    data = {"statistics_form": "0605"}
    for code, (value, women) in figures.items():
        data[f"0605_{code}"], data[f"0605_{code}_nu"] = value, women
    return data


def workbook(client, form, year):
    response = client.get(f"/dashboard/forms/{form}.xlsx", {"year": year})
    assert response.status_code == 200, response.content.decode()[-500:]
    return openpyxl.load_workbook(io.BytesIO(response.content)).active


def test_staff_enter_0604_and_the_form_is_exported_from_it(client, staff, province):
    client.force_login(staff)
    page = client.get(URL, {"year": "2024"})
    assert page.status_code == 200 and 'data-testid="figures-0604"' in page.content.decode()
    response = client.post(f"{URL}?year=2024", apparatus(r04=1, r05=2))
    assert (response.status_code, response["Location"]) == (302, f"{URL}?year=2024")
    assert sorted(StatisticsFigure.objects.filter(form="0604", year=2024, unit=province).values_list(
        "code", "value", "women", "entered_by")) == [("02", 0, None, staff.pk), ("03", 0, None, staff.pk),
                                                      ("04", 1, None, staff.pk), ("05", 2, None, staff.pk)]
    sheet = workbook(client, "0604", 2024)
    assert [sheet[c].value for c in ("A1", "A2", "A3", "B1", "B2", "B3")] == [
        "Biểu số: 0604.N/BNV-TĐKT", "Ban hành theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023", None,
        "Đơn vị báo cáo: UBND tỉnh Lạng Sơn", "Đơn vị nhận báo cáo: Bộ Nội vụ", "Thời điểm báo cáo: năm 2024"]
    assert sheet["A5"].value == ("SỐ LƯỢNG TỔ CHỨC LÀM CÔNG TÁC THI ĐUA, KHEN THƯỞNG CỦA BỘ, BAN, NGÀNH, ĐOÀN THỂ "
                                 "TRUNG ƯƠNG, TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG")
    assert sheet["A7"].value is None  # 2024: the form in force, no note
    assert [[c.value for c in row] for row in sheet.iter_rows(min_row=9, max_row=16)] == [
        [None, "Mã số", "Đơn vị tính", "Số lượng"],
        ["A", "B", "C", "1"],
        ["Tổng số", "01", "Tổ chức", 3],
        ["Chia theo cơ cấu tổ chức bộ máy", None, None, None],
        ["- Cấp Vụ thuộc bộ, ban, ngành, đoàn thể Trung ương", "02", "Vụ", 0],
        ["- Cấp phòng, ban hoặc bộ phận thuộc Vụ", "03", "Phòng", 0],
        ["- Cấp ban thuộc Sở Nội vụ", "04", "Ban", 1],
        ["- Cấp phòng thuộc Sở Nội vụ", "05", "Phòng", 2],
    ]
    assert [sheet[c].value for c in ("B18", "A19", "B19", "A20", "B20")] == [
        "Lạng Sơn, ngày ..... tháng ..... năm ......", "NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ", "(Ký, họ tên)",
        "(Ký, họ tên, đóng dấu)"]


def test_staff_enter_0605_and_the_form_is_exported_from_it(client, staff, province):
    client.force_login(staff)
    assert client.post(f"{URL}?year=2024", staff_post(STAFF_2024)).status_code == 302
    sheet = workbook(client, "0605", 2024)
    assert (sheet["A1"].value, sheet["B3"].value) == ("Biểu số: 0605.N/BNV-TĐKT", "Thời điểm báo cáo: năm 2024")
    assert [[c.value for c in row] for row in sheet.iter_rows(min_row=9, max_row=12)] == [
        [None, "Mã số", "Số lượng (Người)", None], [None, None, "Tổng số", "Trong đó: Nữ"], ["A", "B", "1", "2"],
        ["Tổng số", "01", 7, 4]]
    by_code = {row[1]: list(row[2:]) for row in sheet.iter_rows(min_row=12, max_row=29, values_only=True) if row[1]}
    assert by_code == {code: list(pair) for code, pair in STAFF_2024.items()}
    assert [row[0] for row in sheet.iter_rows(min_row=12, max_row=29, values_only=True) if not row[1]] == [
        "1. Chia theo độ tuổi", "2. Chia theo trình độ đào tạo",
        "3. Chia theo thâm niên công tác trong lĩnh vực thi đua, khen thưởng"]
    assert (sheet["A32"].value, sheet["B32"].value) == ("NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ")


def test_figures_that_do_not_add_up_are_refused_and_nothing_is_saved(client, staff, province):
    client.force_login(staff)
    wrong = {**STAFF_2024, "02": (2, 1), "12": (5, 1), "15": (2, 3)}
    response = client.post(f"{URL}?year=2024", staff_post(wrong))
    assert response.status_code == 400
    assert response.context["sections"][1]["problems"] == [
        "Dòng 15 (Từ 10 năm trở lên): số nữ (3) lớn hơn tổng số (2).",
        "Chia theo độ tuổi: cộng tổng số các dòng 02-07 được 8, phải bằng dòng 01 (7).",
        "Chia theo trình độ đào tạo: cộng tổng số các dòng 08-12 được 10, vượt dòng 01 (7).",
        "Chia theo thâm niên công tác: cộng số nữ các dòng 13-15 được 6, phải bằng dòng 01 (4).",
    ]
    assert "Chia theo độ tuổi: cộng tổng số các dòng 02-07 được 8, phải bằng dòng 01 (7)." in response.content.decode()
    assert not StatisticsFigure.objects.exists()
    negative = client.post(f"{URL}?year=2024", apparatus(r04=-1))
    assert negative.status_code == 400 and not StatisticsFigure.objects.exists()


def test_an_export_without_figures_entered_says_so(client, staff, province):
    client.force_login(staff)
    response = client.get("/dashboard/forms/0605.xlsx", {"year": "2024"})
    assert response.status_code == 404
    assert ('data-testid="form-refusal">Chưa nhập số liệu Biểu 0605.N/BNV-TĐKT năm 2024: cán bộ Ban nhập tại trang '
            '“Số liệu bộ máy và công chức làm công tác thi đua, khen thưởng”.</div>') in response.content.decode()
    assert f'href="{URL}?year=2024"' in response.content.decode()


def test_no_entry_for_a_year_without_the_forms(client, staff, province):
    client.force_login(staff)
    message = ("Chưa có Biểu 0604.N/BNV-TĐKT cho số liệu năm 2020: biểu này do Thông tư số 02/2023/TT-BNV (hiệu lực "
               "từ 10/05/2023) đặt ra, áp dụng từ số liệu năm 2023; các biểu thi đua, khen thưởng của Thông tư số "
               "03/2018/TT-BNV áp dụng cho năm 2020 (0701, 0702, 0703) không có biểu tương ứng.")
    for response in (client.get(URL, {"year": "2020"}), client.post(f"{URL}?year=2020", apparatus(r04=1))):
        assert response.status_code == 200
        assert f'data-testid="figures-refusal">{message}</div>' in response.content.decode()
    assert not StatisticsFigure.objects.exists()


@pytest.mark.parametrize(("persona", "status"), [("anonymous", 302), ("leader", 403), ("officer_a", 403),
                                                  ("council_member", 403), ("staff", 200)])
def test_only_board_staff_enter_the_figures(client_for, persona, status, province):
    client = client_for(persona)
    assert client.get(URL, {"year": "2024"}).status_code == status
    assert client.post(f"{URL}?year=2024", apparatus(r04=1)).status_code == (302 if persona in ("anonymous", "staff")
                                                                             else 403)
