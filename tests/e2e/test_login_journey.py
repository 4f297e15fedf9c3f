"""In a real browser: each role signs in through the Vietnamese form and lands on its own page."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LANDING = {
    "officer_a": ("landing-officer", "Công tác thi đua, khen thưởng của Sở Giáo dục và Đào tạo"),
    "staff": ("landing-staff", "Công việc của Ban Thi đua - Khen thưởng"),
    "council_member": ("landing-council", "Hội đồng Thi đua - Khen thưởng tỉnh"),
    "leader": ("landing-leadership", "Tổng quan dành cho lãnh đạo"),
}


def sign_in(page, base_url: str, username: str, password: str = "thidua2021") -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


@pytest.mark.parametrize("persona", list(LANDING))
def test_role_signs_in_and_lands(page, live_server, request, shoot, persona):
    user = request.getfixturevalue(persona)
    sign_in(page, live_server.url, user.username)
    testid, heading = LANDING[persona]
    expect(page.get_by_test_id(testid)).to_contain_text(heading)
    expect(page.get_by_test_id("current-user")).to_contain_text(user.full_name)
    shoot(f"landing-{persona}")
    page.get_by_test_id("current-user").get_by_role("button", name=user.full_name).click()
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.get_by_role("heading", name="Đăng nhập")).to_be_visible()


def test_wrong_password_is_explained_and_username_kept(page, live_server, shoot, officer_a):
    sign_in(page, live_server.url, "officer_a", "khong-dung")
    expect(page.get_by_role("alert")).to_have_text(
        "Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý: mật khẩu phân biệt chữ hoa và chữ thường."
    )
    expect(page.get_by_label("Tên đăng nhập")).to_have_value("officer_a")
    shoot("login-wrong-password")


def test_switch_to_english_and_back(page, live_server, staff):
    sign_in(page, live_server.url, staff.username)
    page.get_by_label("Ngôn ngữ").select_option("en")
    page.get_by_role("button", name="Chọn").click()
    expect(page.get_by_role("link", name="Catalogue", exact=True)).to_be_visible()
    page.get_by_label("Language").select_option("vi")
    page.get_by_role("button", name="Select").click()
    expect(page.get_by_role("link", name="Danh mục", exact=True)).to_be_visible()
