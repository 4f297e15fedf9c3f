"""The optional second factor (TOTP) of staff and administrators: enrolment with a QR code, the verification
step after the password (site and admin), recovery codes, turning it off, the staff reset. Codes are computed
with pyotp from the device's real secret, as a phone would."""

from __future__ import annotations

import base64
import re
import time

import pyotp
import pytest
from django.test import Client
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db


def _code(device: TOTPDevice, offset: int = 0) -> str:
    """The phone's code ``offset`` seconds from now (a code already used is refused: the next one is at +30)."""
    device.refresh_from_db()
    return pyotp.TOTP(base64.b32encode(device.bin_key).decode()).at(time.time() + offset)


def _enrol(client: Client, user) -> list[str]:
    client.force_login(user)
    page = client.get("/accounts/second-factor/setup/").content.decode()
    assert "<svg" in page  # the QR code, drawn by segno
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    secret = re.search(r'data-testid="secret">([A-Z2-7 ]+)<', page).group(1).replace(" ", "")
    assert pyotp.TOTP(secret).now() == _code(device)
    answer = client.post("/accounts/second-factor/setup/", {"code": pyotp.TOTP(secret).now()})
    html = answer.content.decode()
    assert "Đã bật xác thực hai lớp." in html
    return re.findall(r'<li class="col">([a-z2-7]{8})</li>', html)


def _password_login(client: Client, username: str, path: str = "/accounts/login/") -> None:
    answer = client.post(path, {"username": username, "password": "thidua2021"})
    assert answer.status_code == 302


def test_staff_enrols_with_the_qr_code_and_gets_ten_recovery_codes(client, staff):
    codes = _enrol(client, staff)
    assert len(codes) == 10
    assert TOTPDevice.objects.get(user=staff).confirmed
    assert sorted(StaticToken.objects.filter(device__user=staff).values_list("token", flat=True)) == sorted(codes)
    page = client.get("/accounts/second-factor/setup/").content.decode()
    assert "Xác thực hai lớp đang bật" in page


def test_a_wrong_first_code_does_not_enrol(client, staff):
    client.force_login(staff)
    client.get("/accounts/second-factor/setup/")
    answer = client.post("/accounts/second-factor/setup/", {"code": "000000"})
    assert "Mã xác thực không đúng. Hãy nhập mã đang hiện trên ứng dụng." in answer.content.decode()
    assert not TOTPDevice.objects.filter(user=staff, confirmed=True).exists()


def test_after_the_password_an_enrolled_user_must_give_a_code(client, staff):
    _enrol(Client(), staff)
    _password_login(client, "staff")
    blocked = client.get("/awards/dossiers/")
    assert blocked.status_code == 302
    assert blocked.url == "/accounts/second-factor/?next=%2Fawards%2Fdossiers%2F"
    page = client.get(blocked.url).content.decode()
    assert "Nhập mã 6 chữ số đang hiện trên ứng dụng xác thực" in page
    wrong = client.post("/accounts/second-factor/", {"code": "123456", "next": "/awards/dossiers/"})
    assert "Mã xác thực không đúng hoặc đã hết hạn." in wrong.content.decode()
    assert client.get("/awards/dossiers/").status_code == 302
    device = TOTPDevice.objects.get(user=staff)
    device.throttling_failure_count = 0  # the wrong code above started django-otp's back-off
    device.throttling_failure_timestamp = None
    device.save()
    right = client.post("/accounts/second-factor/", {"code": _code(device, offset=30), "next": "/awards/dossiers/"})
    assert right.url == "/awards/dossiers/"
    assert client.get("/awards/dossiers/").status_code == 200


def test_the_admin_login_also_asks_for_the_code(client, administrator):
    _enrol(Client(), administrator)
    _password_login(client, "root", "/admin/login/?next=/admin/")
    answer = client.get("/admin/units/person/")
    assert answer.status_code == 302
    assert answer.url.startswith("/accounts/second-factor/?next=")
    device = TOTPDevice.objects.get(user=administrator)
    client.post("/accounts/second-factor/", {"code": _code(device, offset=30), "next": "/admin/units/person/"})
    assert client.get("/admin/units/person/").status_code == 200


def test_a_recovery_code_works_once(client, staff):
    codes = _enrol(Client(), staff)
    _password_login(client, "staff")
    assert client.post("/accounts/second-factor/", {"code": codes[0].upper()}).url == "/"
    assert client.get("/").status_code == 200
    second = Client()
    _password_login(second, "staff")
    again = second.post("/accounts/second-factor/", {"code": codes[0]})
    assert again.status_code == 200
    assert "Mã xác thực không đúng hoặc đã hết hạn." in again.content.decode()


def test_users_without_a_second_factor_are_not_asked(client, staff, officer_a):
    _password_login(client, "officer_a")
    assert client.get("/").status_code == 200
    other = Client()
    _password_login(other, "staff")
    assert other.get("/").status_code == 200


def test_officers_cannot_enrol(client, officer_a, leader):
    client.force_login(officer_a)
    assert client.get("/accounts/second-factor/setup/").status_code == 403
    assert client.post("/accounts/second-factor/setup/", {"code": "123456"}).status_code == 403
    assert not TOTPDevice.objects.exists()


def test_turning_it_off_needs_a_code(client, staff):
    _enrol(client, staff)
    refused = client.post("/accounts/second-factor/disable/", {"code": "000000"}, follow=True)
    assert "Mã xác thực không đúng; xác thực hai lớp vẫn bật." in refused.content.decode()
    assert TOTPDevice.objects.filter(user=staff).exists()
    device = TOTPDevice.objects.get(user=staff)
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    done = client.post("/accounts/second-factor/disable/", {"code": _code(device, offset=30)}, follow=True)
    assert "Đã tắt xác thực hai lớp." in done.content.decode()
    assert not TOTPDevice.objects.filter(user=staff, confirmed=True).exists()
    assert "Bật xác thực hai lớp" in done.content.decode()  # back on the enrolment page, a new secret waiting


def test_staff_reset_a_lost_phone_from_the_user_admin(client, staff, administrator):
    _enrol(Client(), staff)
    admin = Client()
    admin.force_login(administrator)
    answer = admin.post("/admin/units/user/", {"action": "reset_second_factor", "_selected_action": [staff.pk]},
                        follow=True)
    assert "Đã xóa xác thực hai lớp của 1 tài khoản; lần đăng nhập sau chỉ cần mật khẩu." in answer.content.decode()
    _password_login(client, "staff")
    assert client.get("/").status_code == 200
