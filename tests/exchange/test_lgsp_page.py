"""The staff's LGSP page: every exchange with its answer, and push / pull now (against the stand-in LGSP of
test_exchange); the Board's only; the staff's user menu leads to it and to the consultations."""

from __future__ import annotations

import pytest

from awards.models import ExchangeMessage
from tests.exchange.test_exchange import stand_in  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def test_push_and_pull_from_the_page(stand_in, world, settings, client_for):  # noqa: F811
    url, received = stand_in
    settings.LGSP_URL = url
    staff = client_for("staff")
    page = staff.get("/awards/lgsp/")
    assert page.status_code == 200
    assert "Chưa trao đổi lần nào." in page.content.decode()
    response = staff.post("/awards/lgsp/push/", {"year": "2021"}, follow=True)
    body = response.content.decode()
    assert "Đã gửi 2 khen thưởng năm 2021 lên LGSP." in body
    assert len(received) == 1
    response = staff.post("/awards/lgsp/pull/", {"since": "2021-11-01"})
    body = response.content.decode()
    assert "Đã nhận 1 quyết định của cấp trên từ LGSP." in body
    assert "2150/QĐ-TTg" in body and "HS-2021-000001" in body and "không tìm thấy hồ sơ" in body
    rows = list(ExchangeMessage.objects.order_by("at").values_list("direction", "kind", "status", "records", "error"))
    assert rows == [("push", "awards", 202, 2, ""), ("pull", "central-decisions", 200, 1, "")]
    listed = staff.get("/awards/lgsp/").content.decode()
    assert listed.count("Thành công") == 2


def test_unconfigured_and_unreachable_are_shown(world, settings, client_for):
    settings.LGSP_URL = ""
    staff = client_for("staff")
    assert 'data-testid="lgsp-not-configured"' in staff.get("/awards/lgsp/").content.decode()
    body = staff.post("/awards/lgsp/push/", {"year": "2021"}, follow=True).content.decode()
    assert "Chưa gửi được: Chưa cấu hình địa chỉ LGSP (LGSP_URL)." in body
    settings.LGSP_URL, settings.LGSP_TIMEOUT = "http://127.0.0.1:9/lgsp", 1
    body = staff.post("/awards/lgsp/pull/", {}).content.decode()
    assert "Chưa nhận được: Không kết nối được LGSP:" in body
    assert ExchangeMessage.objects.filter(error__startswith="Không kết nối được LGSP:").count() == 1


@pytest.mark.parametrize(("path", "data"), [("/awards/lgsp/push/", {"year": "năm ngoái"}),
                                            ("/awards/lgsp/pull/", {"since": "31/02/2021"})])
def test_bad_input_comes_back_with_a_message(path, data, client_for, settings):
    settings.LGSP_URL = "http://127.0.0.1:9/lgsp"
    response = client_for("staff").post(path, data)
    assert response.status_code == 400
    assert not ExchangeMessage.objects.exists()
    assert "Nhập" in response.content.decode()


@pytest.mark.parametrize("persona", ["officer_a", "council_member", "leader"])
def test_only_the_board(persona, client_for):
    client = client_for(persona)
    assert client.get("/awards/lgsp/").status_code == 403
    assert client.post("/awards/lgsp/push/", {"year": "2021"}).status_code == 403
    assert not ExchangeMessage.objects.exists()


def test_user_menu_links(client_for):
    staff_page = client_for("staff").get("/awards/lgsp/").content.decode()
    assert 'href="/awards/consultations/" data-testid="consultations-link">Lấy ý kiến nhân dân</a>' in staff_page
    assert 'href="/awards/lgsp/" data-testid="lgsp-link">Trao đổi dữ liệu LGSP</a>' in staff_page
    officer_page = client_for("officer_a").get("/").content.decode()
    assert "consultations-link" not in officer_page and "lgsp-link" not in officer_page
