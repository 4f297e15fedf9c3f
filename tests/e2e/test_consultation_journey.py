"""The public consultation in the browser: a citizen reads the list (no birth date), sends an opinion without an
account, at 1366 px and at 390 px; staff see the opinion on the council agenda."""

from __future__ import annotations

import datetime

import pytest

from awards.consultation import services
from awards.models import Opinion
from tests.factories import PersonFactory, make_dossier

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def running(unit_a, officer_a, staff):
    person = PersonFactory(unit=unit_a, full_name="Hoàng Thị Hằng", birth_date=datetime.date(1979, 11, 23),
                           citizen_id="020179004321", position="Hiệu trưởng Trường THPT Việt Bắc")
    dossier = make_dossier(unit_a, officer_a, code="chien-si-thi-dua-cap-tinh", state="reviewed",
                           verdict="eligible", recipient=person)
    other = PersonFactory(unit=unit_a, full_name="Lường Văn Khải", birth_date=datetime.date(1982, 4, 2),
                          position="Giáo viên Trường THPT Chu Văn An")
    nomination = dossier.nominations.get()
    nomination.achievement = ("Ba năm liền đạt danh hiệu Chiến sĩ thi đua cơ sở (2018, 2019, 2020); sáng kiến "
                              "\"Dạy học theo dự án môn Hóa học\" được Hội đồng sáng kiến tỉnh công nhận năm 2020.")
    nomination.save()
    dossier.nominations.create(recipient_kind="ca_nhan", person=other, award_type=nomination.award_type,
                               achievement="Hoàn thành xuất sắc nhiệm vụ năm học 2019 - 2020.", verdict="eligible")
    return services.open_consultation([dossier], datetime.date.today(), staff)


def test_citizen_reads_and_sends_an_opinion(page, live_server, shoot, running):
    for width in (1366, 390):
        _journey(page, live_server, shoot, running, width)
    assert list(Opinion.objects.values_list("text", flat=True)) == ["Cô Hằng tận tụy với học sinh vùng cao."] * 2


def _journey(page, live_server, shoot, running, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/public/consultations/")
    shoot(f"consultations-list-{width}")
    page.get_by_role("link", name="Lấy ý kiến nhân dân về danh sách đề nghị khen thưởng").click()
    body = page.content()
    assert "Hoàng Thị Hằng" in body and "1979" not in body and "020179004321" not in body
    page.locator("#nominee-" + str(running.dossiers.get().nominations.first().pk)).get_by_role(
        "link", name="Góp ý").click()
    page.get_by_label("Họ và tên").fill("Lương Văn Minh")
    page.get_by_label("Địa chỉ, điện thoại hoặc thư điện tử").fill("Thôn Pò Nhùng, xã Văn Quan")
    page.get_by_label("Nội dung ý kiến").fill("Cô Hằng tận tụy với học sinh vùng cao.")
    shoot(f"consultation-detail-{width}")
    assert page.locator("#id_website").bounding_box()["x"] < -5000  # the honeypot is off-screen
    page.get_by_role("button", name="Gửi ý kiến").click()
    assert "Cảm ơn bạn đã góp ý" in page.content()
    shoot(f"consultation-sent-{width}")
