"""Password change and reset for every kind of user (issue 15, finding 6): Django's views, Vietnamese pages,
the reset e-mail (console backend in the demo), links from the user menu and the login page."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client

pytestmark = pytest.mark.django_db


def _reset_link(body: str) -> str:
    return re.search(r"http://testserver(/accounts/password/reset/[^/\s]+/[^/\s]+/)", body).group(1)


@pytest.mark.parametrize("persona", ["officer_a", "council_member", "leader", "staff", "administrator"])
def test_full_reset_flow_for_every_kind_of_user(client, request, persona):
    user = request.getfixturevalue(persona)
    user.email = f"{persona}@langson.gov.vn"
    user.save()
    page = client.get("/accounts/password/reset/").content.decode()
    assert "Quên mật khẩu" in page and "Gửi liên kết đặt lại mật khẩu" in page
    sent = client.post("/accounts/password/reset/", {"email": f"{persona.upper()}@langson.gov.vn"})
    assert sent.url == "/accounts/password/reset/sent/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [f"{persona}@langson.gov.vn"]
    assert message.subject == "Đặt lại mật khẩu - Hệ thống Thi đua, Khen thưởng"
    assert f"Kính gửi {user.display_name}," in message.body
    assert f"cho tài khoản: {user.username}" in message.body
    assert not message.alternatives  # plain text only
    link = _reset_link(message.body)
    form_page = client.get(link)
    assert form_page.status_code == 302  # Django hides the token from the address bar
    form_url = form_page.url
    html = client.get(form_url).content.decode()
    assert "Đặt mật khẩu mới" in html and "Lưu mật khẩu mới" in html
    done = client.post(form_url, {"new_password1": "Hoa-ban-trang-2026", "new_password2": "Hoa-ban-trang-2026"})
    assert done.url == "/accounts/password/reset/done/"
    assert "Mật khẩu mới đã được lưu. Hãy đăng nhập bằng mật khẩu mới." in client.get(done.url).content.decode()
    assert Client().post("/accounts/login/", {"username": user.username, "password": "thidua2021"}).status_code == 200
    assert Client().post("/accounts/login/", {"username": user.username,
                                              "password": "Hoa-ban-trang-2026"}).status_code == 302
    # the link is used up
    again = client.get(link, follow=True).content.decode()
    assert "Liên kết đặt lại mật khẩu không hợp lệ hoặc đã được dùng. Hãy yêu cầu một liên kết mới." in again


def test_unknown_address_gets_the_same_answer_and_no_mail(client, officer_a):
    answer = client.post("/accounts/password/reset/", {"email": "ai-do@example.com"})
    assert answer.url == "/accounts/password/reset/sent/"
    assert mail.outbox == []
    html = client.get(answer.url).content.decode()
    assert "Nếu địa chỉ vừa nhập thuộc một tài khoản, thư có liên kết đặt lại mật khẩu đã được gửi đến đó." in html


def test_reset_refuses_mismatched_passwords(client, officer_a):
    officer_a.email = "hoa@langson.gov.vn"
    officer_a.save()
    client.post("/accounts/password/reset/", {"email": "hoa@langson.gov.vn"})
    form_url = client.get(_reset_link(mail.outbox[0].body)).url
    answer = client.post(form_url, {"new_password1": "Hoa-ban-trang-2026", "new_password2": "Hoa-ban-trang-2027"})
    assert answer.status_code == 200
    assert "Hai trường mật khẩu không giống nhau." in answer.content.decode()


def test_change_flow(client, officer_a):
    client.force_login(officer_a)
    page = client.get("/accounts/password/change/").content.decode()
    assert "Đổi mật khẩu" in page
    answer = client.post("/accounts/password/change/", {
        "old_password": "thidua2021", "new_password1": "Song-Ky-Cung-2026", "new_password2": "Song-Ky-Cung-2026"})
    assert answer.url == "/accounts/password/change/done/"
    assert "Mật khẩu đã được đổi. Lần đăng nhập sau hãy dùng mật khẩu mới." in client.get(answer.url).content.decode()
    assert client.get("/").status_code == 200  # still logged in (the session hash was updated)
    officer_a.refresh_from_db()
    assert officer_a.check_password("Song-Ky-Cung-2026")


def test_change_with_a_wrong_old_password_says_so(client, officer_a):
    client.force_login(officer_a)
    answer = client.post("/accounts/password/change/", {
        "old_password": "sai-roi", "new_password1": "Song-Ky-Cung-2026", "new_password2": "Song-Ky-Cung-2026"})
    assert answer.status_code == 200
    assert "Mật khẩu hiện tại không đúng. Vui lòng nhập lại." in answer.content.decode()
    officer_a.refresh_from_db()
    assert officer_a.check_password("thidua2021")


def test_change_refuses_a_weak_new_password(client, officer_a):
    client.force_login(officer_a)
    answer = client.post("/accounts/password/change/", {
        "old_password": "thidua2021", "new_password1": "12345678", "new_password2": "12345678"})
    assert answer.status_code == 200
    assert "Mật khẩu này quá phổ biến." in answer.content.decode()
    officer_a.refresh_from_db()
    assert officer_a.check_password("thidua2021")


def test_links_from_the_user_menu_and_the_login_page(client, officer_a):
    login = client.get("/accounts/login/").content.decode()
    assert 'href="/accounts/password/reset/" data-testid="forgot-password">Quên mật khẩu?</a>' in login
    client.force_login(officer_a)
    home = client.get("/").content.decode()
    assert 'href="/accounts/password/change/" data-testid="password-change-link">Đổi mật khẩu</a>' in home
    assert "second-factor-link" not in home  # officers have no second factor


def test_the_admin_password_change_uses_the_same_pages(client, staff):
    """Django's admin links "Đổi mật khẩu" to /admin/password_change/, which renders our templates."""
    client.force_login(staff)
    assert "Đổi mật khẩu" in client.get("/admin/password_change/").content.decode()
    answer = client.post("/admin/password_change/", {
        "old_password": "thidua2021", "new_password1": "Song-Ky-Cung-2026", "new_password2": "Song-Ky-Cung-2026"})
    assert answer.url == "/admin/password_change/done/"
    assert "Mật khẩu đã được đổi." in client.get(answer.url).content.decode()


LIMITED = ("Đã có quá nhiều yêu cầu đặt lại mật khẩu từ máy này hoặc cho địa chỉ thư điện tử này. "
           "Vui lòng thử lại sau 60 phút.")


def _ask(email, address):
    return Client().post("/accounts/password/reset/", {"email": email}, REMOTE_ADDR=address)


def test_reset_requests_for_one_email_are_throttled_across_addresses(officer_a, settings):
    assert (settings.PASSWORD_RESET_MAX_PER_EMAIL, settings.PASSWORD_RESET_WINDOW_SECONDS) == (3, 3600)
    officer_a.email = "hoa@langson.gov.vn"
    officer_a.save()
    answers = [_ask("Hoa@LangSon.gov.vn", f"10.1.0.{n}") for n in range(5)]
    assert [a.status_code for a in answers] == [302, 302, 302, 429, 429]
    assert len(mail.outbox) == 3
    assert LIMITED in answers[3].content.decode()
    # another address's owner is not held back
    officer_a.email = "lan@langson.gov.vn"
    officer_a.save()
    assert _ask("lan@langson.gov.vn", "10.1.0.9").status_code == 302
    assert len(mail.outbox) == 4


def test_reset_requests_from_one_address_are_throttled_across_emails(officer_a, settings):
    assert settings.PASSWORD_RESET_MAX_PER_ADDRESS == 10
    answers = [_ask(f"nguoi{n}@example.com", "10.2.0.1").status_code for n in range(12)]
    assert answers == [302] * 10 + [429] * 2
    officer_a.email = "hoa@langson.gov.vn"
    officer_a.save()
    assert _ask("hoa@langson.gov.vn", "10.2.0.1").status_code == 429
    assert mail.outbox == []
    assert _ask("hoa@langson.gov.vn", "10.2.0.2").status_code == 302
    assert len(mail.outbox) == 1


def test_the_limit_says_the_same_whether_the_account_exists_or_not(officer_a):
    officer_a.email = "hoa@langson.gov.vn"
    officer_a.save()
    for _n in range(3):
        _ask("hoa@langson.gov.vn", "10.3.0.1")
        _ask("khong-co@langson.gov.vn", "10.3.0.2")
    real, unknown = _ask("hoa@langson.gov.vn", "10.3.0.3"), _ask("khong-co@langson.gov.vn", "10.3.0.4")
    assert real.status_code == unknown.status_code == 429
    strip = lambda r: re.sub(r'value="[^"]*"|[A-Za-z0-9]{64}', "", r.content.decode())  # noqa: E731  (typed, tokens)
    assert strip(real) == strip(unknown)
    assert LIMITED in strip(real)
