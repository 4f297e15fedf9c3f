"""Login throttling (issue 15, findings 2 and 3): counted in the shared cache every process uses (django-axes with
units.security.throttle's cache handler; Redis when configured, the database cache otherwise),
per account across addresses and per address across accounts, on the site's and the admin's login; the lock
message never tells whether the account exists; the owner ends it by a password reset, staff from the admin."""

from __future__ import annotations

import re

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.core.cache import cache
from django.test import Client, override_settings

from tests.factories import UserFactory
from units.security.throttle import failures

pytestmark = pytest.mark.django_db

LOCKED = ("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút. Chủ tài khoản có thể mở khóa ngay bằng "
          "cách đặt lại mật khẩu (&quot;Quên mật khẩu?&quot;).")
WRONG = "Tên đăng nhập hoặc mật khẩu không đúng."


def _post(client, username, password, address="10.0.0.1", path="/accounts/login/", **headers):
    return client.post(path, {"username": username, "password": password}, REMOTE_ADDR=address, **headers)


def test_fifth_failure_locks_the_account_and_the_right_password_is_refused(client, officer_a):
    for _attempt in range(4):
        assert WRONG in _post(client, "officer_a", "sai").content.decode()
    fifth = _post(client, "officer_a", "sai")
    assert fifth.status_code == 429
    assert LOCKED in fifth.content.decode()
    refused = _post(client, "officer_a", "thidua2021")
    assert refused.status_code == 429
    assert LOCKED in refused.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_count_lives_in_the_shared_cache_not_in_a_process(client, officer_a):
    """Two gunicorn workers = two Django processes: the counter is in the shared cache (the database cache here, a
    table of the test database; Redis with CACHE_URL), not in a process's memory
    (tests/site/test_shared_state_processes.py counts from another process)."""
    assert django_settings.CACHES["default"]["BACKEND"] in ("config.cache.SharedDatabaseCache",
                                                            "django.core.cache.backends.redis.RedisCache")
    for _attempt in range(4):
        _post(Client(), "officer_a", "sai")
    assert failures(username="officer_a") == failures(username="OFFICER_A") == 4
    assert failures(address="10.0.0.1") == 4
    _post(Client(), "officer_a", "sai")
    assert _post(Client(), "officer_a", "thidua2021").status_code == 429


def test_the_account_is_locked_across_addresses(client, officer_a):
    for number in range(5):
        _post(Client(), "officer_a", "sai", address=f"10.0.1.{number}")
    refused = _post(client, "officer_a", "thidua2021", address="10.0.9.9")
    assert refused.status_code == 429
    assert LOCKED in refused.content.decode()


def test_a_spray_of_names_from_one_address_locks_that_address(client, officer_a, settings):
    assert settings.LOGIN_MAX_FAILURES_PER_ADDRESS == 10
    for number in range(10):
        assert _post(client, f"khong-co-{number}", "sai", address="10.0.2.2").status_code in (200, 429)
    # the 11th name, a real account with its right password: refused from that address...
    refused = _post(client, "officer_a", "thidua2021", address="10.0.2.2")
    assert refused.status_code == 429
    assert LOCKED in refused.content.decode()
    # ...but the account itself is not locked: its owner logs in from another address
    assert _post(Client(), "officer_a", "thidua2021", address="10.0.3.3").status_code == 302


def test_thirty_names_sprayed_are_stopped_after_ten(client, db):
    answers = [_post(client, f"ten{number}", "123456", address="10.0.4.4").status_code for number in range(30)]
    assert answers[:9] == [200] * 9
    assert answers[9:] == [429] * 21


def test_unknown_and_existing_names_get_the_same_lock_message(client, officer_a):
    for _attempt in range(5):
        _post(Client(), "officer_a", "sai", address="10.0.5.1")
        _post(Client(), "khong_ton_tai", "sai", address="10.0.5.2")
    real = _post(Client(), "officer_a", "x", address="10.0.5.3")
    unknown = _post(Client(), "khong_ton_tai", "x", address="10.0.5.4")
    assert real.status_code == unknown.status_code == 429
    body = lambda response: re.sub(r"[A-Za-z0-9]{64}", "TOKEN", response.content.decode())  # noqa: E731
    assert body(real).replace("officer_a", "NAME") == body(unknown).replace("khong_ton_tai", "NAME")


def test_a_success_forgets_the_account_failures(client, officer_a):
    for _attempt in range(4):
        _post(client, "officer_a", "sai")
    assert _post(client, "officer_a", "thidua2021").status_code == 302
    client.post("/accounts/logout/")
    for _attempt in range(4):
        _post(client, "officer_a", "sai")
    assert _post(client, "officer_a", "thidua2021").status_code == 302


def test_the_name_is_counted_case_insensitively(client, officer_a):
    for name in ["officer_a", "OFFICER_A", "Officer_A", "officer_A", "OfFiCeR_a"]:
        _post(Client(), name, "sai", address="10.0.6.6")
    assert _post(client, "officer_a", "thidua2021", address="10.0.6.7").status_code == 429


def test_admin_login_is_throttled_twelve_wrong_then_right_does_not_log_in(client, staff):
    """The audit: 12 wrong passwords for a staff account at /admin/login/, then the right one logged in."""
    for _attempt in range(12):
        _post(client, "staff", "sai", path="/admin/login/?next=/admin/")
    refused = _post(client, "staff", "thidua2021", path="/admin/login/?next=/admin/")
    assert refused.status_code == 429
    assert LOCKED in refused.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_admin_and_site_share_one_counter(client, staff):
    for _attempt in range(3):
        _post(client, "staff", "sai", path="/admin/login/")
    for _attempt in range(2):
        _post(client, "staff", "sai")
    assert _post(client, "staff", "thidua2021").status_code == 429


def test_forwarded_for_is_ignored_without_trusted_proxies(client, officer_a):
    """A client cannot pretend to be another address (to spread his spray or to lock someone else's)."""
    for number in range(10):
        _post(Client(), f"ten{number}", "sai", address="10.0.7.7", HTTP_X_FORWARDED_FOR=f"172.16.0.{number}")
    assert _post(client, "officer_a", "thidua2021", address="10.0.7.7",
                 HTTP_X_FORWARDED_FOR="172.16.9.9").status_code == 429


def test_behind_a_trusted_proxy_each_client_is_counted_apart(client, officer_a, settings):
    """Behind the proxy every request comes from 10.0.0.2: one sprayer must not lock every other client out."""
    settings.TRUSTED_PROXIES = ["10.0.0.2"]
    for number in range(10):
        _post(Client(), f"ten{number}", "sai", address="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert (failures(address="203.0.113.5"), failures(address="10.0.0.2")) == (10, 0)
    sprayer = _post(Client(), "officer_a", "thidua2021", address="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert sprayer.status_code == 429
    # a forged left-most hop does not help the sprayer: the proxy appends the real address on the right
    forged = _post(Client(), "officer_a", "thidua2021", address="10.0.0.2",
                   HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.5")
    assert forged.status_code == 429
    other = _post(client, "officer_a", "thidua2021", address="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.77")
    assert other.status_code == 302


def test_the_owner_ends_the_lock_with_the_reset_link(client, officer_a):
    officer_a.email = "hoa@sogddt.langson.gov.vn"
    officer_a.save()
    for _attempt in range(5):
        _post(Client(), "officer_a", "sai", address="10.0.8.8")
    assert _post(client, "officer_a", "thidua2021").status_code == 429
    client.post("/accounts/password/reset/", {"email": "hoa@sogddt.langson.gov.vn"})
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", mail.outbox[0].body).group(1)
    form_url = client.get(link).url
    done = client.post(form_url, {"new_password1": "Mua-xuan-2026!", "new_password2": "Mua-xuan-2026!"})
    assert done.url == "/accounts/password/reset/done/"
    assert failures(username="officer_a") == 0
    assert _post(client, "officer_a", "Mua-xuan-2026!").status_code == 302


def test_staff_lift_a_lock_from_the_user_admin(client, officer_a, administrator):
    for _attempt in range(5):
        _post(Client(), "officer_a", "sai")
    admin = Client()
    admin.force_login(administrator)
    answer = admin.post("/admin/units/user/", {"action": "unlock_login", "_selected_action": [officer_a.pk]},
                        follow=True)
    assert "Đã mở khóa đăng nhập cho 1 tài khoản." in answer.content.decode()
    assert _post(client, "officer_a", "thidua2021").status_code == 302


def test_an_officer_cannot_lift_locks(client, officer_a, officer_b):
    for _attempt in range(5):
        _post(Client(), "officer_a", "sai")
    other = Client()
    other.force_login(officer_b)
    answer = other.post("/admin/units/user/", {"action": "unlock_login", "_selected_action": [officer_a.pk]})
    assert answer.status_code == 302 and answer["Location"].startswith("/admin/login/")
    assert failures(username="officer_a") == 5


def test_the_lock_ends_when_the_window_has_passed(client, officer_a):
    for _attempt in range(5):
        _post(Client(), "officer_a", "sai")
    assert _post(client, "officer_a", "thidua2021").status_code == 429
    cache.clear()  # what LOGIN_LOCKOUT_SECONDS without a new failure does to the counters
    assert _post(client, "officer_a", "thidua2021").status_code == 302


def test_a_user_without_throttle_row_is_unaffected(client, db):
    UserFactory(username="moi")
    assert _post(client, "moi", "thidua2021").status_code == 302


def test_board_staff_look_up_and_lift_an_account_lock_and_an_address_lock(client, officer_a, staff):
    for number in range(10):
        _post(Client(), f"ten{number}", "sai", address="10.0.9.1")
    for _attempt in range(5):
        _post(Client(), "officer_a", "sai", address="10.0.9.2")
    board = Client()
    board.force_login(staff)
    counts = board.get("/accounts/login-locks/", {"username": "Officer_A", "address": "10.0.9.1"}).content.decode()
    assert "Tài khoản Officer_A: 5 lần sai." in counts and "Địa chỉ 10.0.9.1: 10 lần sai." in counts
    lifted = board.post("/accounts/login-locks/", {"username": "officer_a"}, follow=True).content.decode()
    assert "Đã mở khóa đăng nhập: officer_a." in lifted
    assert _post(client, "officer_a", "thidua2021", address="10.0.9.3").status_code == 302
    client.post("/accounts/logout/")
    assert _post(client, "officer_a", "thidua2021", address="10.0.9.1").status_code == 429
    board.post("/accounts/login-locks/", {"address": "10.0.9.1"})
    assert _post(client, "officer_a", "thidua2021", address="10.0.9.1").status_code == 302


def test_the_lock_page_asks_for_a_name_or_an_address(staff):
    board = Client()
    board.force_login(staff)
    answer = board.post("/accounts/login-locks/", {"username": "\u200b", "address": ""})
    assert answer.status_code == 200
    assert "Không được để trống: nội dung chỉ gồm khoảng trắng hoặc ký tự không nhìn thấy." in answer.content.decode()
    answer = board.post("/accounts/login-locks/", {"username": "", "address": "khong-phai-ip"})
    assert "Địa chỉ IP không hợp lệ (ví dụ 203.0.113.5)." in answer.content.decode()


def test_a_redis_outage_leaves_logins_working_and_is_logged(client, officer_a, caplog):
    """Redis down (CACHE_URL on a closed port): the counters count nothing (logged), the sessions fall back to the
    database (config.sessions), so people still log in, browse and log out; nothing answers 500."""
    down = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}}
    with override_settings(CACHES=down, SESSION_ENGINE="config.sessions"):
        assert [_post(Client(), "officer_a", "sai").status_code for _ in range(6)] == [200] * 6
        assert _post(client, "officer_a", "thidua2021").status_code == 302
        assert client.get("/").status_code == 200
        assert client.post("/accounts/logout/").status_code == 302
    assert "Bộ nhớ đệm dùng chung không trả lời" in caplog.text


def test_the_database_cache_adds_in_place_and_keeps_the_expiry(db):
    """Without CACHE_URL the counters are rows of tdkt_cache (config.cache): incr changes the value under a row
    lock and leaves the expiry alone (Django's own incr rewrites the row with the default 5-minute timeout)."""
    from django.db import connection

    assert django_settings.CACHES["default"]["BACKEND"] == "config.cache.SharedDatabaseCache"

    def expires():
        with connection.cursor() as cursor:
            cursor.execute("SELECT expires FROM tdkt_cache")
            return [row[0] for row in cursor.fetchall()]

    assert cache.add("dem", 1, 900)
    before = expires()
    assert [cache.incr("dem"), cache.incr("dem", 3), cache.decr("dem")] == [2, 5, 4]
    assert (cache.get("dem"), expires()) == (4, before)
    with pytest.raises(ValueError):
        cache.incr("khong-co")
