"""Attacks on the bank-statement import (issue 20): another unit's fund, hostile cells (formulas hidden behind
invisible characters, voucher numbers beyond the column), the same statement twice, odd amounts and encodings."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from awards.fund import bank_import
from awards.models import Fund, FundEntry, PaymentVoucher
from tests.fund.test_bank_import import csv_bytes, paid, xlsx

pytestmark = pytest.mark.django_db
FORMULA = ('ô bắt đầu bằng dấu =, +, - hoặc @ (công thức hoặc dễ bị hiểu là công thức); hãy dán giá trị (Paste '
           'Values) và bỏ dấu đó ở đầu ô.')


def test_an_officer_of_unit_a_on_unit_bs_fund(health, client_for, officer_b):
    fund_b = Fund.objects.create(body=health, year=2021)
    url = f"/fund/{fund_b.pk}/bank-statement/"
    assert client_for("officer_b").get(url).status_code == 200
    officer_a = client_for("officer_a")
    assert officer_a.get(url).status_code == 403
    upload = SimpleUploadedFile("sk.csv", csv_bytes("Số chứng từ;Ngày;Người nhận;Số tiền\nPC-01;02/03/2021;X;1000\n"))
    assert officer_a.post(url, {"file": upload}).status_code == 403
    assert not PaymentVoucher.objects.exists()


@pytest.mark.parametrize("persona", ["officer_a", "officer_b", "council_member", "leader"])
def test_the_province_fund_is_not_theirs(persona, fund, two_units_decision, client_for):
    url = f"/fund/{fund.pk}/bank-statement/"
    upload = SimpleUploadedFile("sk.xlsx", xlsx([["", "PC-01", "02/03/2021", "Sở Y tế", 2_980_000, ""]]))
    assert client_for(persona).get(url).status_code == 403
    assert client_for(persona).post(url, {"file": upload}).status_code == 403
    assert not PaymentVoucher.objects.exists()


@pytest.mark.parametrize("cell", ["\u200b=HYPERLINK(\"http://x\")", "\u202e=1+1", "\ufeff@SUM(A1)",
                                  "\t=1+1", "\r\n+1+1", "\u00ad-1+1"])
def test_a_formula_behind_invisible_characters_is_refused(cell, fund, two_units_decision, staff):
    report = bank_import.import_statement(fund, xlsx([["", cell, "02/03/2021", "Sở Y tế", 2_980_000, ""]]), staff)
    assert report.error_texts == [f'Dòng 3, cột "Số chứng từ": {FORMULA}']
    assert not PaymentVoucher.objects.exists()


def test_a_csv_formula_with_a_tab_or_cr_is_refused(fund, two_units_decision, staff):
    data = csv_bytes('Số chứng từ;Ngày;Người nhận;Số tiền\n"\t=1+1";02/03/2021;Sở Y tế;2980000\n'
                     '"\r@A1";02/03/2021;Sở Y tế;1\n')
    assert bank_import.import_statement(fund, data, staff).error_texts == [
        f'Dòng 2, cột "Số chứng từ": {FORMULA}', f'Dòng 3, cột "Số chứng từ": {FORMULA}']


def test_invisible_characters_do_not_make_a_new_voucher(fund, two_units_decision, staff):
    """The same statement again with a zero-width space or a bidi mark in the voucher number pays nothing twice."""
    first = bank_import.import_statement(fund, xlsx([["", "UNC-015", "02/03/2021", "Sở Y tế", 1_000_000, ""]]), staff)
    assert first.ok
    for number in ("UNC-015\u200b", "\u202aUNC-015", "UNC\u00ad-015", " UNC-015 "):
        again = bank_import.import_statement(fund, xlsx([["", number, "02/03/2021", "Sở Y\u200b tế", 1_000_000, ""]]),
                                             staff)
        assert again.error_texts == [
            'Dòng 3, cột "Số chứng từ": Chứng từ số UNC-015 đã được ghi ngày 02/03/2021; không ghi lại.']
    assert paid(two_units_decision)["Sở Y tế"] == Decimal(1_000_000)
    assert PaymentVoucher.objects.count() == 1


def test_the_same_statement_posted_twice_pays_once(fund, two_units_decision, client_for):
    staff = client_for("staff")
    data = xlsx([["", "UNC-1", "02/03/2021", "Sở Y tế", 1_000_000, ""],
                 ["", "UNC-2", "02/03/2021", "Lương Thị Trang", 490_000, ""]])
    url = f"/fund/{fund.pk}/bank-statement/"
    assert staff.post(url, {"file": SimpleUploadedFile("sk.xlsx", data)}).status_code == 302
    response = staff.post(url, {"file": SimpleUploadedFile("sk.xlsx", data)})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Chứng từ số UNC-1 đã được ghi ngày 02/03/2021; không ghi lại." in page
    assert "Chứng từ số UNC-2 đã được ghi ngày 02/03/2021; không ghi lại." in page
    assert paid(two_units_decision)["Sở Y tế"] == Decimal(1_000_000)
    assert paid(two_units_decision)["Lương Thị Trang"] == Decimal(490_000)
    assert FundEntry.objects.filter(kind="payment").count() == 2


def test_a_voucher_number_beyond_its_column(fund, two_units_decision, staff, client_for):
    number = "UNC-" + "9" * 70
    report = bank_import.import_statement(fund, xlsx([["", number, "02/03/2021", "Sở Y tế", 1_000, ""]]), staff)
    assert report.error_texts == ['Dòng 3, cột "Số chứng từ": Số chứng từ dài quá 60 ký tự.']
    upload = SimpleUploadedFile("sk.xlsx", xlsx([["", number, "02/03/2021", "Sở Y tế", 1_000, ""]]))
    assert client_for("staff").post(f"/fund/{fund.pk}/bank-statement/", {"file": upload}).status_code == 400
    assert not PaymentVoucher.objects.exists()


@pytest.mark.parametrize(("amount", "expected"), [
    ("1 000 000", Decimal(1_000_000)), ("1\u00a0000\u00a0000", Decimal(1_000_000)), ("1,000,000", Decimal(1_000_000)),
    ("1.000.000 VNĐ", Decimal(1_000_000)), (1_000_000.0, Decimal(1_000_000)),
])
def test_amounts_written_with_separators(amount, expected, fund, two_units_decision, staff):
    report = bank_import.import_statement(fund, xlsx([["", "PC-1", "02/03/2021", "Sở Y tế", amount, ""]]), staff)
    assert report.error_texts == []
    assert paid(two_units_decision)["Sở Y tế"] == expected


@pytest.mark.parametrize(("amount", "shown"), [
    (0, "0"), (-1000, "-1000"), ("0", "0"), ("1.000,50", "1.000,50"), (1000.5, "1000.5"), ("1e6", "1e6"),
    (float("nan"), ""), (float("inf"), ""), (True, "True"), ("10.00.000", "10.00.000"),
])
def test_zero_negative_and_odd_amounts_are_refused(amount, shown, fund, two_units_decision, staff):
    report = bank_import.import_statement(fund, xlsx([["", "PC-1", "02/03/2021", "Sở Y tế", amount, ""]]), staff)
    assert report.error_texts == [
        f'Dòng 3, cột "Số tiền": Số tiền không hợp lệ: "{shown}" (số đồng, không lẻ, lớn hơn 0).']
    assert not PaymentVoucher.objects.exists()


def test_a_negative_amount_as_text_in_a_csv(fund, two_units_decision, staff):
    data = csv_bytes("Số chứng từ;Ngày;Người nhận;Số tiền\nPC-1;02/03/2021;Sở Y tế;-1000\n")
    assert bank_import.import_statement(fund, data, staff).error_texts == [f'Dòng 2, cột "Số tiền": {FORMULA}']


@pytest.mark.parametrize("encoding", ["cp1258", "utf-16", "latin-1"])
def test_a_csv_not_in_utf8(encoding, fund, two_units_decision, client_for):
    import unicodedata

    text = "Số chứng từ;Ngày;Người nhận;Số tiền\nPC-1;02/03/2021;Sở Y tế;1000\n"
    if encoding == "cp1258":  # Windows' Vietnamese code page: base letters and combining tone marks
        text = unicodedata.normalize("NFD", text)
    data = text.encode(encoding, errors="replace")
    upload = SimpleUploadedFile("sk.csv", data)
    response = client_for("staff").post(f"/fund/{fund.pk}/bank-statement/", {"file": upload})
    assert response.status_code == 400
    assert "Tệp CSV phải được lưu với mã UTF-8." in response.content.decode()
    assert not PaymentVoucher.objects.exists()


def test_a_zip_bomb_workbook(fund, staff):
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * (60 * 1024 * 1024))
    data = out.getvalue()
    assert len(data) < 200_000
    assert bank_import.import_statement(fund, data, staff).error_texts == [
        "Tệp quá lớn: dữ liệu giải nén vượt quá 50 MB. Hãy chia danh sách thành nhiều tệp."]


def test_a_huge_upload_is_refused_before_reading(fund, client_for, settings):
    big = SimpleUploadedFile("sk.csv", b"a" * (50 * 1024 * 1024 + 1))
    response = client_for("staff").post(f"/fund/{fund.pk}/bank-statement/", {"file": big})
    assert response.status_code == 400
    assert "Tệp quá lớn" in response.content.decode()


def test_a_bidi_file_name_is_not_kept_in_the_voucher(fund, two_units_decision, client_for):
    upload = SimpleUploadedFile("saoke\u202excsl.csv", csv_bytes(
        "Số chứng từ;Ngày;Người nhận;Số tiền\nPC-1;02/03/2021;Sở Y tế;1000\n"))
    assert client_for("staff").post(f"/fund/{fund.pk}/bank-statement/", {"file": upload}).status_code == 302
    assert PaymentVoucher.objects.get().note == "Nhập từ sao kê ngân hàng saokexcsl.csv"

