"""Importing the bank's statement of paid bonuses (issue 20): rows matched to the fund's lines by recipient (with or
without accents) and decision, vouchers recorded with the payment rules, all or nothing with Vietnamese messages by
row and column; formulas refused; the keeper's page."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from awards.decisions import services as decisions
from awards.fund import bank_import
from awards.models import FundEntry, FundLine, PaymentVoucher

pytestmark = pytest.mark.django_db
HEADER = ["STT", "Số chứng từ", "Ngày", "Người nhận", "Số tiền (đồng)", "Ghi chú"]


def xlsx(rows, header=HEADER) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["SAO KÊ CHI TIỀN THƯỞNG"])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_bytes(text: str) -> bytes:
    return ("\ufeff" + text).encode("utf-8")


def paid(decision) -> dict[str, Decimal]:
    return dict(FundLine.objects.filter(decision=decision).values_list("recipient_name", "paid"))


def test_a_statement_records_its_vouchers(fund, two_units_decision, staff):
    data = xlsx([[1, "UNC-015", datetime.date(2021, 3, 2), "Sở Giáo dục và Đào tạo", 2_980_000, "CK"],
                 [2, "UNC-015", datetime.date(2021, 3, 2), "LUONG THI TRANG", "1.000.000", ""],
                 [3, "UNC-016", "05/03/2021", "Sở Y tế", "2.980.000 đ", ""]])
    report = bank_import.import_statement(fund, data, staff, "saoke-03.xlsx")
    assert report.error_texts == []
    assert report.vouchers == [("UNC-015", 2, Decimal(3_980_000)), ("UNC-016", 1, Decimal(2_980_000))]
    assert paid(two_units_decision) == {"Sở Giáo dục và Đào tạo": Decimal(2_980_000),
                                        "Lương Thị Trang": Decimal(1_000_000), "Sở Y tế": Decimal(2_980_000)}
    voucher = PaymentVoucher.objects.get(number="UNC-015")
    assert (voucher.day, voucher.note) == (datetime.date(2021, 3, 2), "Nhập từ sao kê ngân hàng saoke-03.xlsx")
    assert FundEntry.objects.filter(kind="payment").count() == 3


def test_csv_with_semicolons(fund, two_units_decision, staff):
    data = csv_bytes("Số chứng từ;Ngày;Người nhận;Số tiền\nPC-01;02/03/2021;Lương Thị Trang;1490000\n")
    report = bank_import.import_statement(fund, data, staff)
    assert report.ok and paid(two_units_decision)["Lương Thị Trang"] == Decimal(1_490_000)


@pytest.mark.parametrize(("rows", "expected"), [
    ([["", "PC-01", "02/03/2021", "Lương Thị Trang", 2_000_000, ""]],
     ['Dòng 3, cột "Người nhận": Lương Thị Trang: số chi 2.000.000 đồng lớn hơn số còn phải chi 1.490.000 đồng.']),
    ([["", "PC-01", "02/03/2021", "Lương Thị Trang", 1_000_000, ""],
      ["", "PC-02", "03/03/2021", "Lương Thị Trang", 1_000_000, ""]],
     ['Dòng 4, cột "Người nhận": Lương Thị Trang: số chi 1.000.000 đồng lớn hơn số còn phải chi 490.000 đồng.']),
    ([["", "PC-01", "02/03/2021", "Nông Văn Dũng", 1_000_000, ""]],
     ['Dòng 3, cột "Người nhận": Không có "Nông Văn Dũng" trong các khoản thưởng của quỹ.']),
    ([["", "PC-01", "02/03/2020", "Lương Thị Trang", 1_000, ""]],
     ['Dòng 3, cột "Ngày": Ngày chứng từ phải thuộc năm 2021 của quỹ.']),
    ([["", "PC-01", "01/02/2021", "Lương Thị Trang", 1_000, ""]],
     ['Dòng 3, cột "Ngày": Ngày chứng từ trước ngày quyết định 01/QĐ-UBND.']),
    ([["", "PC-01", "02/03/2021", "Lương Thị Trang", 1_000, ""], ["", "PC-01", "04/03/2021", "Sở Y tế", 1_000, ""]],
     ['Dòng 4, cột "Ngày": Chứng từ số PC-01 đã ghi ngày 02/03/2021 ở dòng 3.']),
    ([["", "=HYPERLINK(\"http://x\")", "02/03/2021", "@SUM(A1)", "1000", ""]],
     ['Dòng 3, cột "Số chứng từ": ô bắt đầu bằng dấu =, +, - hoặc @ (công thức hoặc dễ bị hiểu là công thức); hãy dán '
      'giá trị (Paste Values) và bỏ dấu đó ở đầu ô.',
      'Dòng 3, cột "Người nhận": ô bắt đầu bằng dấu =, +, - hoặc @ (công thức hoặc dễ bị hiểu là công thức); hãy dán '
      'giá trị (Paste Values) và bỏ dấu đó ở đầu ô.']),
    ([["", "PC-01", "31/02/2021", "Lương Thị Trang", "1.000,5", ""]],
     ['Dòng 3, cột "Ngày": Ngày không đọc được: "31/02/2021" (ghi dd/mm/yyyy).',
      'Dòng 3, cột "Số tiền": Số tiền không hợp lệ: "1.000,5" (số đồng, không lẻ, lớn hơn 0).']),
])
def test_refusals_write_nothing(rows, expected, fund, two_units_decision, staff):
    report = bank_import.import_statement(fund, xlsx(rows), staff)
    assert report.error_texts == expected
    assert not PaymentVoucher.objects.exists()
    assert set(paid(two_units_decision).values()) == {Decimal(0)}


def test_one_bad_row_keeps_the_good_ones_out(fund, two_units_decision, staff):
    report = bank_import.import_statement(fund, xlsx([
        ["", "PC-01", "02/03/2021", "Sở Y tế", 2_980_000, ""],
        ["", "PC-02", "02/03/2021", "Lương Thị Trang", 9_000_000, ""]]), staff)
    assert len(report.errors) == 1
    assert not PaymentVoucher.objects.exists()


def test_a_voucher_already_recorded(fund, two_units_decision, staff):
    from awards.fund import payments

    line = FundLine.objects.get(decision=two_units_decision, recipient_name="Sở Y tế")
    payments.record_payment(fund, "PC-01", datetime.date(2021, 3, 1), [(line, None)], staff)
    report = bank_import.import_statement(fund, xlsx([["", "PC-01", "01/03/2021", "Lương Thị Trang", 1_000, ""]]),
                                          staff)
    assert report.error_texts == [
        'Dòng 3, cột "Số chứng từ": Chứng từ số PC-01 đã được ghi ngày 01/03/2021; không ghi lại.']


def test_a_revoked_decisions_line(fund, two_units_decision, staff):
    decisions.revoke(two_units_decision, "Kê khai thành tích không đúng", staff)
    report = bank_import.import_statement(fund, xlsx([["", "PC-09", "01/03/2021", "Sở Y tế", 1_000, ""]]), staff)
    assert report.error_texts == [
        'Dòng 3, cột "Người nhận": Sở Y tế: quyết định 01/QĐ-UBND đã bị thu hồi, không chi tiền thưởng.']


@pytest.mark.parametrize(("data", "expected"), [
    (b"\xff\xfe\x00garbage", "Tệp CSV phải được lưu với mã UTF-8."),
    (b"PK\x03\x04broken", "Tệp không phải bảng tính Excel (.xlsx). Hãy dùng tệp mẫu tải từ trang hồ sơ."),
    (csv_bytes("Tên;Tiền\nA;1\n"), "Không tìm thấy dòng tiêu đề có các cột: Số chứng từ, Ngày, Người nhận, Số tiền."),
    (csv_bytes("Số chứng từ,Ngày,Người nhận,Số tiền\n"), "Bảng tính không có dòng dữ liệu nào."),
])
def test_files_refused_as_a_whole(data, expected, fund, staff):
    assert bank_import.import_statement(fund, data, staff).error_texts == [expected]


def test_the_keepers_page(fund, two_units_decision, client_for, staff):
    from django.core.files.uploadedfile import SimpleUploadedFile

    staff_client = client_for("staff")
    page = staff_client.get(f"/fund/?body={fund.body_id}&year=2021").content.decode()
    assert f'href="/fund/{fund.pk}/bank-statement/" data-testid="bank-statement-link"' in page
    bad = SimpleUploadedFile("sk.xlsx", xlsx([["", "PC-01", "02/03/2021", "Nông Văn Dũng", 1_000, ""]]))
    response = staff_client.post(f"/fund/{fund.pk}/bank-statement/", {"file": bad})
    assert response.status_code == 400
    assert "Dòng 3, cột &quot;Người nhận&quot;: Không có &quot;Nông Văn Dũng&quot;" in response.content.decode()
    good = SimpleUploadedFile("sk.xlsx", xlsx([["", "PC-01", "02/03/2021", "Lương Thị Trang", 1_490_000, ""]]))
    response = staff_client.post(f"/fund/{fund.pk}/bank-statement/", {"file": good}, follow=True)
    assert "Đã ghi 1 chứng từ chi, 1 khoản, tổng 1.490.000 đồng từ sao kê." in response.content.decode()
    assert client_for("officer_b").get(f"/fund/{fund.pk}/bank-statement/").status_code == 403
