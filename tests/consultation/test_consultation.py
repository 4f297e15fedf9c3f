"""Public consultation: staff open one for a dossier's nominees (10 working days by default, holidays skipped);
the public page names each nominee without birth date or citizen ID; opinions are taken without an account,
a honeypot drops robots, an address is limited per hour, links and scripts are refused; opinions reach the
council's agenda and the minutes data; the council waits for the period to end unless staff give a reason."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client

from awards.consultation import services
from awards.council import services as council
from awards.council.minutes import context as minutes_context
from awards.models import CouncilOverride, CouncilSession, Holiday, Opinion
from tests.factories import PersonFactory, make_dossier

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2021, 3, 1)  # a Monday


@pytest.fixture
def nominee(unit_a):
    return PersonFactory(unit=unit_a, full_name="Hoàng Thị Hằng", birth_date=datetime.date(1979, 11, 23),
                         citizen_id="020179004321", position="Hiệu trưởng Trường THPT Việt Bắc")


@pytest.fixture
def dossier(unit_a, officer_a, nominee):
    return make_dossier(unit_a, officer_a, code="chien-si-thi-dua-cap-tinh", state="reviewed", verdict="eligible",
                        recipient=nominee)


@pytest.fixture
def consultation(dossier, staff):
    return services.open_consultation([dossier], TODAY, staff)


def test_period_is_ten_working_days_skipping_holidays(dossier, staff):
    Holiday.objects.create(date=datetime.date(2021, 3, 8), name="Ngày thử")
    opened = services.open_consultation([dossier], TODAY, staff)
    # 1-5 March (5 days), 9-12 March (4 days, the 8th a holiday), 15 March: the 10th working day
    assert (opened.working_days, opened.ends_on) == (10, datetime.date(2021, 3, 15))


def test_only_staff_open(dossier, officer_a):
    with pytest.raises(services.ConsultationError) as exc:
        services.open_consultation([dossier], TODAY, officer_a)
    assert exc.value.message == "Chỉ cán bộ Ban Thi đua - Khen thưởng mới mở lấy ý kiến nhân dân."


def test_public_page_shows_what_the_rules_allow(consultation, nominee, dossier):
    html = Client().get(f"/public/consultations/{consultation.pk}/").content.decode()
    assert "Hoàng Thị Hằng" in html
    assert "Hiệu trưởng Trường THPT Việt Bắc" in html
    assert "Chiến sĩ thi đua cấp tỉnh" in html
    assert "Hoàn thành xuất sắc nhiệm vụ" in html
    for secret in ("1979", "23/11", "020179004321"):
        assert secret not in html
    listing = Client().get("/public/consultations/").content.decode()
    assert "Lấy ý kiến nhân dân về danh sách đề nghị khen thưởng" in listing


def _send(consultation, nomination, address="203.0.113.7", **fields):
    data = {"nominee": nomination.pk, "name": "Lương Văn Minh", "contact": "0912 345 678",
            "text": "Tôi đồng ý với đề nghị này.", "website": "", **fields}
    return Client(REMOTE_ADDR=address).post(f"/public/consultations/{consultation.pk}/", data)


def test_opinion_is_taken_without_an_account(consultation, dossier, freezer_today):
    nomination = dossier.nominations.get()
    response = _send(consultation, nomination)
    assert response.status_code == 302
    opinion = Opinion.objects.get()
    assert (opinion.nomination, opinion.name, opinion.text) == (nomination, "Lương Văn Minh",
                                                                "Tôi đồng ý với đề nghị này.")
    assert "203.0.113.7" not in opinion.address_hash


def test_honeypot_stores_nothing(consultation, dossier, freezer_today):
    response = _send(consultation, dossier.nominations.get(), website="http://spam.example")
    assert response.status_code == 302
    assert Opinion.objects.count() == 0


def test_throttle_per_address(consultation, dossier, freezer_today, settings):
    settings.CONSULTATION_OPINIONS_PER_HOUR = 2
    nomination = dossier.nominations.get()
    assert [_send(consultation, nomination).status_code for _ in range(2)] == [302, 302]
    refused = _send(consultation, nomination)
    assert refused.status_code == 200
    assert "Địa chỉ của bạn đã gửi nhiều ý kiến trong một giờ. Vui lòng thử lại sau." in refused.content.decode()
    assert _send(consultation, nomination, address="198.51.100.9").status_code == 302
    assert Opinion.objects.count() == 3


@pytest.mark.parametrize(("text", "message"), [
    ("Xem thêm tại https://example.com", "Ý kiến không được chứa đường liên kết hoặc mã HTML."),
    ("<script>alert(1)</script>", "Ý kiến không được chứa đường liên kết hoặc mã HTML."),
    ("a" * 3001, "Giá trị này chỉ có tối đa 3000 kí tự (hiện có 3001)"),
])
def test_links_scripts_and_long_texts_are_refused(text, message, consultation, dossier, freezer_today):
    response = _send(consultation, dossier.nominations.get(), text=text)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Opinion.objects.count() == 0


def test_after_the_period_no_form(consultation, dossier):
    html = Client().get(f"/public/consultations/{consultation.pk}/").content.decode()  # today is long after
    assert "Đã kết thúc" in html and "Gửi ý kiến" not in html
    with pytest.raises(services.ConsultationError) as exc:
        services.submit_opinion(consultation, dossier.nominations.get().pk, name="A", contact="B", text="C",
                                address="1.2.3.4", today=datetime.date(2021, 3, 16))
    assert exc.value.message == "Thời gian lấy ý kiến đã kết thúc ngày 12/03/2021."


def test_opinions_reach_the_council_and_the_minutes(consultation, dossier, staff, council_member):
    nomination = dossier.nominations.get()
    opinion = services.submit_opinion(consultation, nomination.pk, name="Lương Văn Minh", contact="0912",
                                      text="Cô Hằng rất tận tụy.", address="1.2.3.4", today=TODAY)
    services.mark_handled(opinion, "Đã xác minh, đúng sự thật.", staff)
    session = CouncilSession.objects.create(title="Phiên tháng 3", held_on=datetime.date(2021, 3, 20),
                                            created_by=staff)
    session.members.add(council_member)
    council.add_to_agenda(session, [nomination], staff)  # the period ended on 12/03/2021 (today is later)
    client = Client()
    client.force_login(council_member)
    html = client.get(f"/awards/council/{session.pk}/").content.decode()
    assert "1 ý kiến nhân dân" in html
    assert "Cô Hằng rất tận tụy." in html and "Đã xác minh, đúng sự thật." in html
    rows = minutes_context(session)["rows"]
    assert [[o.text for o in r["opinions"]] for r in rows] == [["Cô Hằng rất tận tụy."]]
    assert services.statement(dossier) == (
        "Danh sách đề nghị đã được công khai, lấy ý kiến nhân dân từ ngày 01/03/2021 đến ngày 12/03/2021 "
        "(10 ngày làm việc); đã nhận 1 ý kiến.")


def test_council_waits_for_the_period_unless_a_reason(dossier, staff, council_member):
    today = datetime.date.today()
    running = services.open_consultation([dossier], today, staff)
    nomination = dossier.nominations.get()
    session = CouncilSession.objects.create(title="Phiên", held_on=today, created_by=staff)
    with pytest.raises(council.CouncilError) as exc:
        council.add_to_agenda(session, [nomination], staff)
    assert exc.value.message == (
        f"Chưa hết thời gian lấy ý kiến nhân dân: Hoàng Thị Hằng (đến hết ngày {running.ends_on:%d/%m/%Y}). Ghi lý "
        "do nếu vẫn đưa vào chương trình.")
    assert council.add_to_agenda(session, [nomination], staff, override_reason="Họp gấp theo chỉ đạo") == 1
    override = CouncilOverride.objects.get()
    assert (override.nomination, override.reason, override.actor) == (nomination, "Họp gấp theo chỉ đạo", staff)


def test_staff_mark_an_opinion_handled_on_the_page(consultation, dossier, staff, officer_a):
    opinion = services.submit_opinion(consultation, dossier.nominations.get().pk, name="A", contact="B",
                                      text="Ý kiến", address="1.2.3.4", today=TODAY)
    url = f"/awards/consultations/{consultation.pk}/opinions/{opinion.pk}/handled/"
    officer = Client()
    officer.force_login(officer_a)
    assert officer.post(url, {"note": "x"}).status_code == 403
    client = Client()
    client.force_login(staff)
    assert client.post(url, {"note": "Đã trả lời qua điện thoại."}).status_code == 302
    opinion.refresh_from_db()
    assert (opinion.handled, opinion.handled_note, opinion.handled_by) == (True, "Đã trả lời qua điện thoại.", staff)


def test_the_submission_states_the_consultation(unit_a, unit_b, officer_a, officer_b, staff, tmp_path, settings):
    """Issue 19 item 1: the Sở Nội vụ's tờ trình says the list was made public, from when to when, and how many
    opinions came in on the decision's nominees (read from the PDF's text)."""
    from awards.models import Signer
    from tests.documents.test_decision_pdf import build, flat, nominations_for, pdf_file, text_of
    from tests.factories import with_board_submission

    settings.MEDIA_ROOT = tmp_path / "media"
    chair = Signer.objects.create(full_name="Hồ Tiến Thiệu", position="Chủ tịch UBND tỉnh", capacity="chu_tich",
                                  valid_from=datetime.date(2020, 1, 1))
    nominations = nominations_for(unit_a, unit_b, officer_a, officer_b)
    dossiers = sorted({n.dossier for n in nominations}, key=lambda d: d.pk)
    from awards.models import Dossier

    ids = [d.pk for d in dossiers[:3]]
    Dossier.objects.filter(pk__in=ids).update(state="reviewed")  # the consultation ran before the council
    consultation = services.open_consultation(list(Dossier.objects.filter(pk__in=ids)), datetime.date(2021, 1, 4),
                                              staff)
    Dossier.objects.filter(pk__in=ids).update(state="awaiting_decision")
    for n, text in ((nominations[0], "Đồng ý"), (nominations[0], "Xứng đáng"), (nominations[2], "Đồng ý")):
        Opinion.objects.create(consultation=consultation, nomination=n, name="Dân", contact="x", text=text)
    decision = with_board_submission(build(staff, chair, nominations))
    words = flat(text_of(pdf_file(tmp_path, decision, "submission")[0]))
    assert ("Danh sách đề nghị đã được công khai, lấy ý kiến nhân dân từ ngày 04/01/2021 đến ngày 15/01/2021 (10 "
            "ngày làm việc); đã nhận 3 ý kiến.") in words
    # a decision whose nominees went through no consultation says nothing about one
    outside = [n.pk for n in nominations if n.dossier_id == dossiers[3].pk]
    assert services.statements_for(outside) == []
