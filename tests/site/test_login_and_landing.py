"""Vietnamese login at /accounts/login/, the landing page per role, and the role-driven navigation."""

import pytest

pytestmark = pytest.mark.django_db

NAV = {
    "officer_a": ["Trang chủ", "Tổng hợp", "Hồ sơ", "Đủ điều kiện", "Quyết định", "Phong trào", "Đơn vị", "Cụm, khối", "Danh mục"],
    "council_member": ["Trang chủ", "Hội đồng", "Phong trào", "Đơn vị", "Cụm, khối", "Danh mục"],
    "leader": ["Trang chủ", "Tổng hợp", "Hồ sơ", "Quyết định", "Quỹ TĐKT", "Hội đồng", "Phong trào", "Đơn vị", "Cụm, khối", "Danh mục"],
    "staff": ["Trang chủ", "Tổng hợp", "Hồ sơ", "Đủ điều kiện", "Quyết định", "Hội đồng", "Phong trào", "Đơn vị",
              "Cụm, khối", "Danh mục"],
    "administrator": ["Trang chủ", "Tổng hợp", "Hồ sơ", "Đủ điều kiện", "Quyết định", "Hội đồng", "Phong trào", "Đơn vị",
                      "Cụm, khối", "Danh mục"],
}
LANDING = {
    "officer_a": ("landing-officer", "Cán bộ thi đua - khen thưởng của đơn vị · Sở Giáo dục và Đào tạo"),
    "council_member": ("landing-council", "Thành viên Hội đồng Thi đua - Khen thưởng"),
    "leader": ("landing-leadership", "Lãnh đạo"),
    "staff": ("landing-staff", "Cán bộ Ban Thi đua - Khen thưởng"),
    "administrator": ("landing-staff", "Quản trị hệ thống"),
}


def test_login_page_is_vietnamese(client):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "<title>Đăng nhập · Ban Thi đua - Khen thưởng tỉnh Lạng Sơn</title>" in html
    assert 'for="id_username">Tên đăng nhập</label>' in html
    assert 'for="id_password">Mật khẩu</label>' in html


def test_login_page_in_english_through_i18n(client):
    client.cookies["django_language"] = "en"
    html = client.get("/accounts/login/").content.decode()
    assert '<html lang="en">' in html
    assert 'for="id_username">Username</label>' in html
    assert ">Sign in</button>" in html


def test_anonymous_home_redirects_to_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/"


@pytest.mark.parametrize("persona", list(LANDING))
def test_login_lands_on_the_role_page(client, request, persona):
    user = request.getfixturevalue(persona)
    response = client.post("/accounts/login/", {"username": user.username, "password": "thidua2021"})
    assert response.status_code == 302
    assert response["Location"] == "/"
    page = client.get("/")
    testid, role_line = LANDING[persona]
    html = page.content.decode()
    assert f'data-testid="{testid}"' in html
    assert f'data-testid="landing-role">{role_line}</p>' in html
    assert [item["label"] for item in page.context["nav_items"]] == NAV[persona]
    # The data administration sits in the user menu of the Board's staff and the administrator only.
    admin_link = '<a class="dropdown-item" href="/admin/" data-testid="admin-link">Quản trị dữ liệu</a>'
    assert (admin_link in html) is (persona in {"staff", "administrator"})


def test_wrong_password_keeps_username_and_says_why(client, officer_a):
    response = client.post("/accounts/login/", {"username": "officer_a", "password": "sai-mat-khau"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="officer_a"' in html
    assert "Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý: mật khẩu phân biệt chữ hoa và chữ thường." in html


def test_logout_is_a_post_and_returns_to_login(client, staff):
    client.force_login(staff)
    assert client.get("/accounts/logout/").status_code == 405
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    assert client.get("/").status_code == 302


def test_user_without_role_is_told_so(client, db):
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="norole"))
    html = client.get("/").content.decode()
    assert 'data-testid="landing-norole"' in html


def test_inactive_user_cannot_log_in(client, officer_a):
    officer_a.is_active = False
    officer_a.save()
    assert client.login(username="officer_a", password="thidua2021") is False


def test_browser_language_does_not_override_vietnamese(client):
    html = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="vi">' in html
    assert ">Đăng nhập</button>" in html


def test_language_switch_sets_the_choice(client, staff):
    client.force_login(staff)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/awards/catalogue/"})
    assert response.status_code == 302
    assert response["Location"] == "/awards/catalogue/"
    html = client.get("/awards/catalogue/").content.decode()
    assert '<html lang="en">' in html
    assert "Catalogue of emulation titles and forms of award" in html


def test_exactly_one_navigation_item_is_active(client, staff):
    client.force_login(staff)
    for path, label in [("/", "Trang chủ"), ("/units/", "Đơn vị"), ("/units/clusters/", "Cụm, khối"),
                        ("/awards/catalogue/", "Danh mục")]:
        items = client.get(path).context["nav_items"]
        assert [item["label"] for item in items if item["active"]] == [label]


def test_years_are_not_grouped_like_amounts(client, staff):
    from tests.factories import ClusterFactory, UnitFactory
    from units.models import ClusterMembership

    ClusterMembership.objects.create(cluster=ClusterFactory(), unit=UnitFactory(), year=2020)
    client.force_login(staff)
    html = client.get("/units/clusters/", {"year": "2020"}).content.decode()
    assert "Cụm, khối thi đua năm 2020</h1>" in html
