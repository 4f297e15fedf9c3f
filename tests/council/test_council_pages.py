"""Council pages: who sees sessions, members vote through the page, staff record written votes and close."""

import datetime

import pytest

from awards.council import services as council
from awards.enums import DossierState, SessionStatus
from awards.models import Vote
from tests.factories import PersonFactory, UserFactory, make_dossier
from units.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(staff, council_member, unit_a, officer_a):
    others = [UserFactory(full_name=f"Thành viên {i}", roles=[Role.COUNCIL_MEMBER]) for i in range(4)]
    person = PersonFactory(full_name="Nguyễn Khắc Phương", unit=unit_a)
    dossier = make_dossier(unit_a, officer_a, code="chien-si-thi-dua-cap-tinh", state=DossierState.REVIEWED,
                           verdict="eligible", recipient=person)
    session = council.create_session("Phiên họp tháng 01/2021", datetime.date(2021, 1, 20), "UBND tỉnh",
                                     [council_member, *others], staff)
    council.add_to_agenda(session, list(dossier.nominations.all()), staff)
    return session


@pytest.mark.parametrize(("persona", "status"), [
    ("anonymous", 302), ("officer_a", 403), ("staff", 200), ("council_member", 200), ("leader", 200)])
def test_who_opens_the_council_list(client_for, persona, status):
    assert client_for(persona).get("/awards/council/").status_code == status


def test_a_member_outside_the_session_gets_404(client, session):
    outsider = UserFactory(roles=[Role.COUNCIL_MEMBER])
    client.force_login(outsider)
    assert client.get(f"/awards/council/{session.pk}/").status_code == 404


def test_member_votes_and_changes_the_vote_through_the_page(client, council_member, session):
    item = session.items.get()
    client.force_login(council_member)
    client.post(f"/awards/council/{session.pk}/items/{item.pk}/vote/", {"choice": "no"})
    client.post(f"/awards/council/{session.pk}/items/{item.pk}/vote/", {"choice": "yes"})
    assert list(Vote.objects.filter(item=item).order_by("pk").values_list("choice", "voided")) == [
        ("no", True), ("yes", False)]
    page = client.get(f"/awards/council/{session.pk}/").content.decode()
    assert 'aria-pressed="true">Đồng ý</button>' in page


def test_staff_record_a_written_vote_and_close(client, staff, session, settings, tmp_path,
                                               django_capture_on_commit_callbacks):
    settings.MEDIA_ROOT = tmp_path
    item = session.items.get()
    absent = session.members.exclude(full_name="Nông Thị Mai").first()
    client.force_login(staff)
    client.post(f"/awards/council/{session.pk}/written-vote/", {"item": item.pk, "member": absent.pk,
                                                                "choice": "yes"})
    assert Vote.objects.get(item=item, member=absent).written is True
    client.post(f"/awards/council/{session.pk}/close/", {})
    session.refresh_from_db()
    assert session.status == SessionStatus.OPEN  # not confirmed
    page = client.get(f"/awards/council/{session.pk}/").content.decode()
    assert ("Chưa kết thúc được phiên họp: chưa có chủ tọa và thư ký (chọn trong thành viên Hội đồng hoặc ghi "
            "họ tên).") in page
    response = client.post(f"/awards/council/{session.pk}/close/", {"confirm": "1"}, follow=True)
    assert "Chưa kết thúc được phiên họp: chưa có chủ tọa và thư ký" in response.content.decode()
    session.refresh_from_db()
    assert (session.status, session.minutes_number) == (SessionStatus.OPEN, None)
    chair = session.members.get(full_name="Nông Thị Mai")
    client.post(f"/awards/council/{session.pk}/presiding/", {
        "chair": chair.pk, "chair_position": "Phó Chủ tịch UBND tỉnh", "secretary": "",
        "secretary_name": "Lăng Văn Hưng", "secretary_position": "Chuyên viên Sở Nội vụ"})
    session.refresh_from_db()
    assert (session.chair, session.secretary_display, session.secretary_position) == (
        chair, "Lăng Văn Hưng", "Chuyên viên Sở Nội vụ")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/awards/council/{session.pk}/close/", {"confirm": "1"})
    session.refresh_from_db()
    assert session.status == SessionStatus.CLOSED
    assert session.minutes_code == "01/BB-HĐTĐKT"
    assert bool(session.minutes_pdf)
    assert "Biên bản số 01/BB-HĐTĐKT" in client.get(f"/awards/council/{session.pk}/").content.decode()
    response = client.get(f"/awards/council/{session.pk}/minutes.pdf")
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_member_cannot_record_written_votes(client, council_member, session):
    item = session.items.get()
    client.force_login(council_member)
    response = client.post(f"/awards/council/{session.pk}/written-vote/", {"item": item.pk, "member": council_member.pk,
                                                                           "choice": "yes"})
    assert response.status_code == 403
