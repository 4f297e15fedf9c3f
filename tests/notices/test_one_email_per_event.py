"""One e-mail per person per event: the unit's own mailbox gets the unit's e-mail of a dossier returned or decided or
a campaign launched; its officers hear of the event through their notices, e-mailed as each chose (one per event,
the day's digest, none), never also through the unit's e-mail (issue 17, item 1)."""

from __future__ import annotations

from collections import Counter

import pytest
from django.core import mail

from awards.dossiers import workflow
from awards.models import EmailMode, EmailStatus, Notice, NoticePreference
from awards.notices.delivery import deliver
from awards.notices.record import unit_mailboxes
from awards.notices.tasks import send_digests
from campaigns import services
from tests.campaigns.support import make_campaign
from tests.factories import UserFactory, make_dossier
from units.models import Role

pytestmark = pytest.mark.django_db


def officer(unit, username, email, mode=None):
    user = UserFactory(username=username, unit=unit, email=email, roles=[Role.UNIT_OFFICER])
    if mode:
        NoticePreference.objects.create(user=user, email_mode=mode)
    return user


def received() -> Counter:
    return Counter(address for message in mail.outbox for address in message.to)


def test_a_returned_dossier_reaches_each_person_once(unit_a, officer_a, staff, django_capture_on_commit_callbacks):
    unit_a.email = "vanphong@sogddt.example.vn"
    unit_a.save()
    officer_a.email = "hoa@sogddt.example.vn"
    officer_a.save()
    NoticePreference.objects.create(user=officer_a, email_mode=EmailMode.EACH)
    digest = officer(unit_a, "lan", "lan@sogddt.example.vn", EmailMode.DIGEST)
    silent = officer(unit_a, "minh", "minh@sogddt.example.vn", EmailMode.OFF)
    dossier = make_dossier(unit_a, officer_a, state="received")

    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(dossier, "return", staff, note="Thiếu biên bản bình xét")

    assert received() == Counter({"vanphong@sogddt.example.vn": 1, "hoa@sogddt.example.vn": 1})
    assert sorted((m.to[0], m.subject) for m in mail.outbox) == [
        ("hoa@sogddt.example.vn",
         f"Hồ sơ {dossier.reference} bị Ban Thi đua - Khen thưởng trả lại: Thiếu biên bản bình xét"),
        ("vanphong@sogddt.example.vn", f"Hồ sơ {dossier.reference} bị trả lại: cần bổ sung, chỉnh sửa")]
    assert send_digests() == 1  # Lan's digest holds the return
    assert deliver(digest=True).sent == 0  # run again: nothing more
    assert received() == Counter({"vanphong@sogddt.example.vn": 1, "hoa@sogddt.example.vn": 1,
                                  "lan@sogddt.example.vn": 1})
    assert Notice.objects.get(recipient=silent).email_status == EmailStatus.SKIPPED
    assert Notice.objects.get(recipient=digest).email_status == EmailStatus.SENT
    assert Notice.objects.filter(recipient__unit=unit_a).count() == 3  # everyone has it in the bell


def test_a_unit_address_that_is_an_officers_own_is_written_to_once(unit_a, officer_a, staff,
                                                                    django_capture_on_commit_callbacks):
    unit_a.email = "Hoa@SoGDDT.example.vn"  # a small unit: the officer's address is the unit's
    unit_a.save()
    officer_a.email = "hoa@sogddt.example.vn"
    officer_a.save()
    NoticePreference.objects.create(user=officer_a, email_mode=EmailMode.EACH)
    dossier = make_dossier(unit_a, officer_a, state="received")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(dossier, "return", staff, note="Thiếu tờ trình")
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["hoa@sogddt.example.vn"], f"Hồ sơ {dossier.reference} bị Ban Thi đua - Khen thưởng trả lại: Thiếu tờ trình")]


def test_an_officer_who_wants_no_email_does_not_silence_the_units_mailbox(unit_a, officer_a):
    unit_a.email = "hoa@sogddt.example.vn"
    unit_a.save()
    officer_a.email = "hoa@sogddt.example.vn"
    officer_a.save()
    NoticePreference.objects.create(user=officer_a, email_mode=EmailMode.OFF)
    assert unit_mailboxes([unit_a]) == {unit_a.pk: ["hoa@sogddt.example.vn"]}
    NoticePreference.objects.filter(user=officer_a).update(email_mode=EmailMode.DIGEST)
    assert unit_mailboxes([unit_a]) == {unit_a.pk: []}  # the digest will carry it


def test_a_campaign_launch_reaches_each_person_once(staff, unit_a, unit_b, officer_b,
                                                     django_capture_on_commit_callbacks):
    unit_b.email = "soyte@example.vn"
    unit_b.save()
    officer_b.email = "binh@example.vn"
    officer_b.save()
    NoticePreference.objects.create(user=officer_b, email_mode=EmailMode.EACH)
    officer(unit_b, "thu", "thu@example.vn")  # never chose: the daily digest
    campaign = make_campaign(unit_a)
    with django_capture_on_commit_callbacks(execute=True):
        services.launch(campaign, staff, [unit_b], [])
    assert received() == Counter({"soyte@example.vn": 1, "binh@example.vn": 1})
    assert send_digests() == 1
    assert received() == Counter({"soyte@example.vn": 1, "binh@example.vn": 1, "thu@example.vn": 1})


def test_the_preferences_page_tells_an_officer_where_the_units_mail_goes(client, unit_a, officer_a, staff):
    client.force_login(officer_a)
    assert 'data-testid="unit-mailbox-note"' not in client.get("/notifications/preferences/").content.decode()
    unit_a.email = "vanphong@sogddt.example.vn"
    unit_a.save()
    page = client.get("/notifications/preferences/").content.decode()
    assert ("Thư báo hồ sơ bị trả lại, có quyết định và thư phát động phong trào gửi đến hộp thư chung của Sở Giáo "
            "dục và Đào tạo; bạn nhận các việc đó một lần, theo cách chọn ở đây.") in page
    client.force_login(staff)
    assert 'data-testid="unit-mailbox-note"' not in client.get("/notifications/preferences/").content.decode()
