"""The notification centre (issue 17 item 1): notices written by the workflows in the same transaction as the move,
read and unread, the bell's count in one query, mark all read, links to the object, preferences."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from awards.council import services as council
from awards.dossiers import workflow
from awards.models import EmailMode, Notice, NoticeKind, NoticePreference
from campaigns import services as campaigns
from tests.factories import PersonFactory, UserFactory, make_dossier, make_draft_decision
from tests.record.test_eligibility_pages import ladder_person  # noqa: F401 - the fixture
from units.models import Role

pytestmark = pytest.mark.django_db


def titles(user):
    return list(Notice.objects.filter(recipient=user).order_by("pk").values_list("title", flat=True))


def test_a_dossier_received_returned_and_decided_tells_its_unit_officers(unit_a, officer_a, officer_b, staff):
    dossier = make_dossier(unit_a, officer_a, state="submitted")
    workflow.transition(dossier, "receive", staff)
    dossier.refresh_from_db()
    workflow.transition(dossier, "return", staff, note="Thiếu biên bản bình xét")
    ref = dossier.reference
    assert titles(officer_a) == [
        f"Hồ sơ {ref} đã được tiếp nhận; hạn giải quyết {dossier.due_date:%d/%m/%Y}",
        f"Hồ sơ {ref} bị Ban Thi đua - Khen thưởng trả lại: Thiếu biên bản bình xét",
    ]
    assert titles(officer_b) == [] and titles(staff) == []  # another unit's officer, and the actor, hear nothing
    notice = Notice.objects.filter(recipient=officer_a).first()
    assert (notice.url, notice.kind, notice.email_status) == (f"/awards/dossiers/{ref}/", NoticeKind.DOSSIER_RETURNED,
                                                              "pending")


def test_a_submitted_dossier_tells_the_board_staff(unit_a, officer_a, staff):
    other_staff = UserFactory(username="staff2", roles=[Role.BOARD_STAFF])
    dossier = make_dossier(unit_a, officer_a)
    workflow.transition(dossier, "submit", officer_a)
    expected = [f"Hồ sơ {dossier.reference} của Sở Giáo dục và Đào tạo đã gửi đến, chờ tiếp nhận"]
    assert titles(staff) == expected and titles(other_staff) == expected and titles(officer_a) == []


def test_a_published_decision_tells_the_unit_its_number(unit_a, officer_a, staff):
    from tests.factories import issue_decision

    decision = make_draft_decision(unit_a, officer_a, staff)
    issue_decision(decision, staff)
    dossier = decision.lines.get().nomination.dossier
    assert titles(officer_a) == [f"Hồ sơ {dossier.reference} đã có quyết định 01/QĐ-UBND"]


def test_a_move_that_rolls_back_leaves_no_notice(unit_a, officer_a, staff):
    dossier = make_dossier(unit_a, officer_a, state="submitted")
    with pytest.raises(RuntimeError), transaction.atomic():
        workflow.transition(dossier, "receive", staff)
        assert Notice.objects.count() == 1
        raise RuntimeError("the page failed after the move")
    assert Notice.objects.count() == 0


def test_council_members_hear_of_the_session_and_the_votes_needed(unit_a, officer_a, staff, council_member):
    person = PersonFactory(full_name="Hoàng Mạnh Cương", unit=unit_a)
    dossier = make_dossier(unit_a, officer_a, state="reviewed", verdict="eligible",
                           code="chien-si-thi-dua-cap-tinh", recipient=person)
    session = council.create_session("Phiên họp tháng 3", datetime.date(2021, 3, 10), "Phòng họp số 2",
                                     [council_member], staff)
    council.add_to_agenda(session, list(dossier.nominations.all()), staff)
    assert titles(council_member) == [
        "Phiên họp \"Phiên họp tháng 3\" ngày 10/03/2021 tại Phòng họp số 2 đã mở: mời thành viên Hội đồng "
        "xem chương trình",
        "Cần bỏ phiếu: 1 đề nghị mới trong phiên họp \"Phiên họp tháng 3\""]
    assert titles(staff) == []
    assert Notice.objects.filter(recipient=council_member).first().url == f"/awards/council/{session.pk}/"


def test_a_campaign_launch_tells_the_officers_of_the_audience(unit_a, unit_b, officer_a, officer_b, staff):
    from tests.campaigns.test_campaign_launch import make_campaign

    campaign = make_campaign(unit_a)
    campaigns.launch(campaign, staff, [unit_b], [])
    assert titles(officer_b) == [f"Phong trào \"{campaign.name}\" đã được phát động đến đơn vị: mời đăng ký thi đua"]
    assert titles(officer_a) == []


# --- the pages --------------------------------------------------------------------------------------------------

def _notices(user, n):
    for i in range(n):
        Notice.objects.create(recipient=user, kind=NoticeKind.DOSSIER_RECEIVED, title=f"Thông báo {i}",
                              url="/awards/dossiers/", created_at=datetime.datetime(2026, 3, 1, 8, i,
                                                                                     tzinfo=datetime.UTC))


def test_the_bell_shows_the_unread_count_in_one_query(client, officer_a, officer_b):
    _notices(officer_a, 3)
    _notices(officer_b, 5)
    client.force_login(officer_a)
    client.get("/units/")  # warm: sessions, content types
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/units/").content.decode()
    bell = [q["sql"] for q in queries.captured_queries if "awards_notice" in q["sql"]]
    assert len(bell) == 1
    assert 'data-testid="notice-count">3</span>' in page
    assert 'aria-label="Thông báo: 3 chưa đọc"' in page


def test_pages_without_unread_notices_show_no_count(client, officer_a):
    client.force_login(officer_a)
    page = client.get("/").content.decode()
    assert 'data-testid="notice-bell"' in page and 'data-testid="notice-count"' not in page


def test_the_list_shows_only_my_notices_and_marks_read(client, officer_a, officer_b):
    _notices(officer_a, 2)
    _notices(officer_b, 1)
    mine = Notice.objects.filter(recipient=officer_a).order_by("pk")
    client.force_login(officer_a)
    page = client.get("/notifications/").content.decode()
    assert page.count('data-testid="notice"') == 2 and "Chưa đọc (2)" in page
    response = client.post(f"/notifications/{mine[0].pk}/open/")
    assert (response.status_code, response["Location"]) == (302, "/awards/dossiers/")
    assert Notice.objects.get(pk=mine[0].pk).read_at is not None
    assert client.get("/notifications/?show=unread").content.decode().count('data-testid="notice"') == 1
    response = client.post("/notifications/read-all/", follow=True)
    assert "Đã đánh dấu 1 thông báo là đã đọc." in response.content.decode()
    assert Notice.objects.filter(recipient=officer_a, read_at__isnull=True).count() == 0
    assert Notice.objects.filter(recipient=officer_b, read_at__isnull=True).count() == 1  # not mine: untouched


def test_another_users_notice_cannot_be_opened(client, officer_a, officer_b):
    _notices(officer_b, 1)
    theirs = Notice.objects.get(recipient=officer_b)
    client.force_login(officer_a)
    assert client.post(f"/notifications/{theirs.pk}/open/").status_code == 404
    assert client.get(f"/notifications/{theirs.pk}/open/").status_code == 405
    assert Notice.objects.get(pk=theirs.pk).read_at is None


def test_a_notice_link_to_another_site_is_not_followed(client, officer_a):
    notice = Notice.objects.create(recipient=officer_a, kind=NoticeKind.DOSSIER_RECEIVED, title="x",
                                   url="https://evil.example/", created_at=datetime.datetime.now(datetime.UTC))
    client.force_login(officer_a)
    assert client.post(f"/notifications/{notice.pk}/open/")["Location"] == "/notifications/"


def test_anonymous_users_go_to_the_login(client):
    assert client.get("/notifications/")["Location"].startswith("/accounts/login/")


def test_preferences_page(client, officer_a):
    client.force_login(officer_a)
    page = client.get("/notifications/preferences/").content.decode()
    assert 'value="digest" class="form-check-input" id="id_email_mode_1" required checked>' in page
    response = client.post("/notifications/preferences/", {"email_mode": "each"}, follow=True)
    assert "Đã lưu cách nhận thông báo." in response.content.decode()
    assert NoticePreference.objects.get(user=officer_a).email_mode == EmailMode.EACH
    assert client.post("/notifications/preferences/", {"email_mode": "x"}).status_code == 400


def test_a_staff_draft_from_the_eligibility_page_tells_the_units_officers(client_for, staff, officer_a, officer_b,
                                                                         ladder_person):  # noqa: F811
    """A draft the Board makes is not a dead end: the unit's officer is told where it is and what to do."""
    from awards.models import Dossier
    from tests.record.test_eligibility_pages import CSTD_TINH

    data = {"year": 2026, "award": CSTD_TINH, "candidate": [f"person:{ladder_person.pk}"]}
    client_for("staff").post("/awards/eligibility/create/", data)
    dossier = Dossier.objects.get(year=2026)
    assert titles(officer_a) == [
        f"Ban Thi đua - Khen thưởng đã lập dự thảo hồ sơ {dossier.reference} (1 đề nghị Chiến sĩ thi đua cấp tỉnh): "
        "đơn vị viết thành tích, bổ sung tài liệu và gửi hồ sơ"]
    assert titles(officer_b) == []
    page = client_for("staff").get(f"/awards/dossiers/{dossier.reference}/").content.decode()
    assert 'data-testid="staff-draft-note"' in page and "được báo đến cán bộ thi đua của đơn vị" in page
    officer_page = client_for("officer_a").get(f"/awards/dossiers/{dossier.reference}/").content.decode()
    assert 'data-testid="actions"' in officer_page and "Gửi hồ sơ" in officer_page
