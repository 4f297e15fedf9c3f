"""Attacks on the keeper's payment form (issue 20), whose rules the bank-statement import shares
(``payments.record_payment``): voucher numbers and notes beyond their columns, NUL, invisible characters that
would make a recorded voucher look new; each refused with a Vietnamese message and nothing written."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from awards.fund import payments
from awards.models import FundEntry, FundLine, PaymentVoucher

pytestmark = pytest.mark.django_db


@pytest.fixture
def line(two_units_decision):
    return FundLine.objects.get(decision=two_units_decision, recipient_name="Sở Y tế")


def _pay(client, line, number, note="", amount="1000"):
    return client.post(f"/fund/decisions/{line.decision_id}/pay/", {
        "line": [line.pk], f"amount_{line.pk}": amount, "day": "2021-03-02", "number": number, "note": note},
        follow=True)


@pytest.mark.parametrize(("number", "note", "message"), [
    ("PC-" + "1" * 70, "", "Số chứng từ dài quá 60 ký tự."),
    ("PC-01", "x" * 400, None),
])
def test_overlong_or_nul_values_are_refused_or_trimmed(number, note, message, line, client_for):
    response = _pay(client_for("staff"), line, number, note)
    assert response.status_code == 200
    if message:
        assert message in response.content.decode()
        assert not PaymentVoucher.objects.exists()
    else:
        voucher = PaymentVoucher.objects.get()
        assert (voucher.number, len(voucher.note) <= 300, "\x00" in voucher.note) == ("PC-01", True, False)


def test_nul_is_refused_by_the_site_and_by_the_service(line, staff, client_for):
    from urllib.parse import urlencode

    body = urlencode({"line": line.pk, f"amount_{line.pk}": "1000", "day": "2021-03-02", "number": "PC-01\x00"})
    assert client_for("staff").post(f"/fund/decisions/{line.decision_id}/pay/", body,
                                    content_type="application/x-www-form-urlencoded").status_code == 400
    multipart = _pay(client_for("staff"), line, "PC-01\x00")  # not parsed by the middleware: the service refuses
    assert "Số chứng từ có ký tự không hợp lệ." in multipart.content.decode()
    assert not PaymentVoucher.objects.exists()
    with pytest.raises(payments.FundError) as refused:
        payments.record_payment(line.fund, "PC-01\x00", datetime.date(2021, 3, 2), [(line, Decimal(1000))], staff)
    assert str(refused.value) == "Số chứng từ có ký tự không hợp lệ."
    voucher = payments.record_payment(line.fund, "PC-01", datetime.date(2021, 3, 2), [(line, Decimal(1000))], staff,
                                      note="ghi\x00chú")
    assert voucher.note == "ghichú"


def test_invisible_characters_do_not_make_a_recorded_voucher_new(line, staff, client_for):
    payments.record_payment(line.fund, "PC-01", datetime.date(2021, 3, 2), [(line, Decimal(1000))], staff)
    for number in ("PC-01\u200b", "\u202aPC-01", "PC\u00ad-01"):
        response = _pay(client_for("staff"), line, number)
        assert "Chứng từ số PC-01 đã được ghi ngày 02/03/2021; không ghi lại." in response.content.decode()
    line.refresh_from_db()
    assert line.paid == Decimal(1000)
    assert FundEntry.objects.filter(kind="payment").count() == 1


def test_a_recovery_number_beyond_its_column(line, two_units_decision, staff, client_for):
    from awards.decisions import services as decisions

    payments.record_payment(line.fund, "PC-01", datetime.date(2021, 3, 2), [(line, Decimal(1000))], staff)
    decisions.revoke(two_units_decision, "Kê khai thành tích không đúng", staff)
    url = f"/fund/decisions/{two_units_decision.pk}/lines/{line.pk}/recover/"
    response = client_for("staff").post(url, {"amount": "1000", "day": "2021-06-01", "number": "PT-" + "9" * 120},
                                        follow=True)
    assert "Số chứng từ dài quá 100 ký tự." in response.content.decode()
    assert not FundEntry.objects.filter(kind="recovery").exists()
    response = client_for("staff").post(url, {"amount": "1000", "day": "2021-06-01", "number": "PT-01\u200b"},
                                        follow=True)
    assert "Đã ghi tiền thưởng thu hồi về quỹ." in response.content.decode()
    assert FundEntry.objects.get(kind="recovery").document_number == "PT-01"
