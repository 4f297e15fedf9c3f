"""The fund's pages and files (issue 20): the payment list's PDF text and Excel cells compared exactly, formula-safe
text cells, the year's report in Excel, paying and allocating through the pages with the refusals' reasons."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from awards.models import Fund, FundEntry, FundLine, FundRule, LineStatus
from tests.fund.conftest import publish_for
from tests.fund.test_ledger import C91
from tests.pdf_tools import flat, info, pdfa_part, text

D = datetime.date
pytestmark = pytest.mark.django_db

PAYMENT_LIST_TEXT = (
    "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
    "BẢNG KÊ CHI TIỀN THƯỞNG Kèm theo Quyết định số 01/QĐ-UBND ngày 06/02/2021 của Chủ tịch UBND tỉnh Lạng Sơn về "
    "việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Danh hiệu thi đua, hình thức khen thưởng: Bằng khen của "
    "Chủ tịch Ủy ban nhân dân tỉnh. Nguồn chi: Quỹ Thi đua, khen thưởng tỉnh. "
    "STT Họ tên / tập thể Đơn vị Số tiền (đồng) Bằng chữ Ký nhận "
    "Sở Giáo dục và Đào tạo "
    "1 Sở Giáo dục và Đào tạo Sở Giáo dục và Đào tạo 2.980.000 Hai triệu chín trăm tám mươi nghìn đồng "
    "2 Lương Thị Trang Giáo viên, Sở Giáo dục và Đào tạo 1.490.000 Một triệu bốn trăm chín mươi nghìn đồng "
    "Cộng Sở Giáo dục và Đào tạo 4.470.000 Bốn triệu bốn trăm bảy mươi nghìn đồng "
    "Sở Y tế "
    "3 Sở Y tế Sở Y tế 2.980.000 Hai triệu chín trăm tám mươi nghìn đồng "
    "Tổng cộng 7.450.000 Bảy triệu bốn trăm năm mươi nghìn đồng "
    "Tổng số tiền bằng chữ: Bảy triệu bốn trăm năm mươi nghìn đồng. "
    "Lạng Sơn, ngày ...... tháng ...... năm ...... "
    "NGƯỜI LẬP BIỂU (Ký, ghi rõ họ tên) KẾ TOÁN TRƯỞNG (Ký, ghi rõ họ tên) "
    "THỦ TRƯỞNG ĐƠN VỊ (Ký, ghi rõ họ tên, đóng dấu) 2"
)


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def test_the_payment_list_pdf(two_units_decision, staff_client):
    answer = staff_client.get(f"/fund/decisions/{two_units_decision.pk}/payment-list.pdf")
    assert answer["Content-Type"] == "application/pdf"
    assert flat(text(answer.content, raw=True)) == PAYMENT_LIST_TEXT
    meta = info(answer.content)
    assert (meta["Title"], meta["Author"], meta["Keywords"], meta["CreationDate"], meta["Page size"]) == (
        "Bảng kê chi tiền thưởng - Quyết định số 01/QĐ-UBND", "Chủ tịch UBND tỉnh Lạng Sơn", "01/QĐ-UBND",
        "2021-02-06T00:00:00+07", "841.89 x 595.276 pts (A4)")
    assert pdfa_part(answer.content) == ("2", "B")


def test_the_payment_list_workbook(two_units_decision, staff_client):
    answer = staff_client.get(f"/fund/decisions/{two_units_decision.pk}/payment-list.xlsx")
    sheet = load_workbook(io.BytesIO(answer.content)).active
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
        ["BẢNG KÊ CHI TIỀN THƯỞNG", None, None, None, None, None],
        ["Kèm theo Quyết định số 01/QĐ-UBND ngày 06/02/2021 của Chủ tịch UBND tỉnh Lạng Sơn về việc tặng Bằng khen "
         "của Chủ tịch Ủy ban nhân dân tỉnh", None, None, None, None, None],
        ["Nguồn chi: Quỹ Thi đua, khen thưởng tỉnh", None, None, None, None, None],
        [None, None, None, None, None, None],
        ["STT", "Họ tên / tập thể", "Đơn vị", "Số tiền (đồng)", "Bằng chữ", "Ký nhận"],
        [None, "Sở Giáo dục và Đào tạo", None, None, None, None],
        [1, "Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo", 2980000, "Hai triệu chín trăm tám mươi nghìn đồng",
         None],
        [2, "Lương Thị Trang", "Giáo viên, Sở Giáo dục và Đào tạo", 1490000,
         "Một triệu bốn trăm chín mươi nghìn đồng", None],
        [None, "Cộng Sở Giáo dục và Đào tạo", None, 4470000, "Bốn triệu bốn trăm bảy mươi nghìn đồng", None],
        [None, "Sở Y tế", None, None, None, None],
        [3, "Sở Y tế", "Sở Y tế", 2980000, "Hai triệu chín trăm tám mươi nghìn đồng", None],
        [None, "Tổng cộng", None, 7450000, "Bảy triệu bốn trăm năm mươi nghìn đồng", None],
    ]
    assert sheet["D7"].number_format == "#,##0"
    assert sheet["D7"].data_type == "n"


def test_names_that_look_like_formulas_stay_text(unit_a, officer_a, staff, staff_client):
    decision = publish_for(staff, [(unit_a, officer_a, '=HYPERLINK("http://x","y")')])
    sheet = load_workbook(io.BytesIO(staff_client.get(
        f"/fund/decisions/{decision.pk}/payment-list.xlsx").content)).active
    assert sheet["B7"].value == '\'=HYPERLINK("http://x","y")'
    assert sheet["B7"].data_type == "s"


def test_the_years_report_workbook(two_units_decision, staff_client):
    line = FundLine.objects.filter(decision=two_units_decision).order_by("position").first()
    staff_client.post(f"/fund/{line.fund_id}/entries/", {"kind": "estimate", "amount": "100000000",
                                                         "day": "2021-01-05", "document_number": "01/QĐ-UBND"})
    staff_client.post(f"/fund/decisions/{two_units_decision.pk}/pay/", {"line": [line.pk], "number": "PC-01",
                                                                         "day": "2021-03-01"})
    book = load_workbook(io.BytesIO(staff_client.get(
        f"/fund/report.xlsx?body={line.fund.body_id}&year=2021&on=2021-12-31").content))
    assert [list(row) for row in book["Tổng hợp"].iter_rows(min_row=6, values_only=True)] == [
        ["Số dư đầu năm", 0, "Không đồng"],
        ["Dự toán được giao", 100000000, "Một trăm triệu đồng"],
        ["Bổ sung", 0, "Không đồng"],
        ["Thu hồi tiền thưởng về quỹ", 0, "Không đồng"],
        ["Cam kết chi theo quyết định", 7450000, "Bảy triệu bốn trăm năm mươi nghìn đồng"],
        ["Đã chi tiền thưởng", 2980000, "Hai triệu chín trăm tám mươi nghìn đồng"],
        ["Chi tổ chức, chỉ đạo phong trào thi đua", 0, "Không đồng"],
        ["Còn phải chi theo quyết định", 4470000, "Bốn triệu bốn trăm bảy mươi nghìn đồng"],
        ["Số dư quỹ", 97020000, "Chín mươi bảy triệu không trăm hai mươi nghìn đồng"],
        ["Số dư sau khi chi hết các quyết định", 92550000, "Chín mươi hai triệu năm trăm năm mươi nghìn đồng"],
    ]
    assert book["Tổng hợp"]["A3"].value == "Số liệu đến ngày 31/12/2021"
    assert [list(row) for row in book["Theo đơn vị nhận"].iter_rows(min_row=2, values_only=True)] == [
        [1, "Sở Giáo dục và Đào tạo", 2, 4470000, 2980000, 1490000, 0],
        [2, "Sở Y tế", 1, 2980000, 0, 2980000, 0],
    ]
    assert [list(row) for row in book["Qua các năm"].iter_rows(min_row=2, values_only=True)] == [
        [2021, 0, 100000000, 2980000, 0, 0, 97020000, 4470000]]


def test_paying_through_the_page_and_the_reasons_of_refusals(two_units_decision, staff_client):
    first, second, _third = FundLine.objects.filter(decision=two_units_decision).order_by("position")
    url = f"/fund/decisions/{two_units_decision.pk}/pay/"
    page = staff_client.post(url, {"line": [first.pk], f"amount_{first.pk}": "3.000.000", "number": "PC-01",
                                   "day": "2021-03-01"}, follow=True).content.decode()
    assert "Sở Giáo dục và Đào tạo: số chi 3.000.000 đồng lớn hơn số còn phải chi 2.980.000 đồng." in page
    page = staff_client.post(url, {"line": [first.pk, second.pk], f"amount_{first.pk}": "1.000.000",
                                   "number": "PC-01", "day": "2021-03-01"}, follow=True).content.decode()
    assert "Đã ghi chứng từ PC-01: 2 người, tập thể." in page
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.paid, first.status, second.paid, second.status) == (
        Decimal(1_000_000), LineStatus.OPEN, Decimal(2_980_000), LineStatus.PAID)
    page = staff_client.post(url, {"line": [first.pk], "number": "PC-01", "day": "2021-03-02"},
                             follow=True).content.decode()
    assert "Chứng từ số PC-01 đã được ghi ngày 01/03/2021; không ghi lại." in page
    page = staff_client.post(url, {"line": [first.pk], "number": "PC-02", "day": ""}, follow=True).content.decode()
    assert "Cần ghi ngày chứng từ." in page


def test_an_allocation_over_the_formation_limit_asks_for_confirmation_on_the_page(two_units_decision,
                                                                                  staff_client):
    """Once the Board has entered the formation limit (the rule's percent and the year's base), an allocation
    above it is not written until confirmed; the refusal gives the figures and the citation."""
    FundRule.objects.filter(valid_from=datetime.date(2017, 7, 31)).update(
        formation_max_percent=Decimal(20), formation_base_label="tổng quỹ tiền lương")
    fund = FundLine.objects.filter(decision=two_units_decision).first().fund
    Fund.objects.filter(pk=fund.pk).update(formation_base=Decimal(50_000_000))
    url = f"/fund/{fund.pk}/entries/"
    page = staff_client.post(url, {"kind": "estimate", "amount": "12000000", "day": "2021-01-05",
                                   "document_number": "01/QĐ-UBND"}, follow=True).content.decode()
    assert ("Chưa ghi: Tổng kinh phí trích lập năm 2021 sẽ là 12.000.000 đồng, vượt mức tối đa 10.000.000 đồng (20% "
            f"của tổng quỹ tiền lương 50.000.000 đồng theo {C91}) là 2.000.000 đồng." in page)
    assert not FundEntry.objects.filter(kind="estimate").exists()
    staff_client.post(url, {"kind": "estimate", "amount": "12000000", "day": "2021-01-05",
                            "document_number": "01/QĐ-UBND", "confirm": "on"})
    entry = FundEntry.objects.get(kind="estimate")
    assert (entry.amount, entry.confirmed_over_limit) == (Decimal(12_000_000), True)


def test_an_allocation_over_the_campaign_share_asks_for_confirmation_on_the_page(two_units_decision, staff_client):
    fund = FundLine.objects.filter(decision=two_units_decision).first().fund
    url = f"/fund/{fund.pk}/entries/"
    staff_client.post(url, {"kind": "estimate", "amount": "10000000", "day": "2021-01-05", "document_number": "01"})
    page = staff_client.post(url, {"kind": "campaign", "amount": "3000000", "day": "2021-03-01",
                                   "note": "Hội nghị phát động"}, follow=True).content.decode()
    assert ("Chưa ghi: Chi tổ chức, chỉ đạo phong trào thi đua năm 2021 sẽ là 3.000.000 đồng, vượt 20% tổng quỹ "
            f"(10.000.000 đồng) theo {C91}: tối đa 2.000.000 đồng, vượt 1.000.000 đồng. Đánh dấu “Tôi đã xem mức giới "
            "hạn và vẫn ghi” để ghi." in page)
    assert not FundEntry.objects.filter(kind="campaign").exists()
    staff_client.post(url, {"kind": "campaign", "amount": "3000000", "day": "2021-03-01", "confirm": "on",
                            "note": "Hội nghị phát động"})
    assert FundEntry.objects.get(kind="campaign").confirmed_over_limit


def test_the_report_page_shows_the_years_figures_and_the_rule(two_units_decision, staff_client):
    page = staff_client.get("/fund/?year=2021").content.decode()
    assert 'data-testid="fig-committed">7.450.000<' in page
    assert C91 in page
    assert "Chưa đối chiếu văn bản gốc" in page
    assert "01/QĐ-UBND" in page


def test_the_decision_page_links_to_its_bonuses(two_units_decision, staff_client):
    page = staff_client.get(f"/awards/decisions/{two_units_decision.pk}/").content.decode()
    assert f'href="/fund/decisions/{two_units_decision.pk}/"' in page


def test_the_dashboard_shows_the_years_bonus_total(two_units_decision, staff_client):
    page = staff_client.get("/dashboard/?year=2021").content.decode()
    assert "Tiền thưởng kèm theo các quyết định của năm: <strong>7.450.000 đồng</strong>" in page
