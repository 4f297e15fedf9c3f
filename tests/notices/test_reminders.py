"""Reminders (issue 17 item 2), with a frozen clock: each fires once per threshold, never on every beat."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core.management import call_command

from awards.catalogue.calendar import add_working_days, working_days_left
from awards.council import services as council
from awards.dossiers import workflow
from awards.models import Decision, Holiday, Notice, NoticeKind, SentReminder, Vote
from awards.notices import reminders
from awards.notices.tasks import send_reminders
from campaigns.models import CampaignAudience, CampaignStatus, ReportPeriod, Target, TargetReport
from tests.factories import PersonFactory, UserFactory, make_dossier, make_draft_decision
from units.models import Role

pytestmark = pytest.mark.django_db
D = datetime.date
TZ = datetime.timezone(datetime.timedelta(hours=7))


def at(day: datetime.date, hour: int = 8):
    return time_machine.travel(datetime.datetime(day.year, day.month, day.day, hour, tzinfo=TZ), tick=False)


def titles(user, kind):
    return list(Notice.objects.filter(recipient=user, kind=kind).order_by("pk").values_list("title", flat=True))


def test_working_days_left_skips_weekends_and_holidays(db):
    Holiday.objects.get_or_create(date=D(2026, 4, 30), defaults={"name": "Ngày Giải phóng miền Nam"})
    Holiday.objects.get_or_create(date=D(2026, 5, 1), defaults={"name": "Quốc tế Lao động"})
    assert working_days_left(D(2026, 4, 28), D(2026, 5, 4)) == 2  # 29/4, (30/4, 1/5 off, weekend), 4/5
    assert working_days_left(D(2026, 5, 4), D(2026, 5, 4)) == 0
    assert working_days_left(D(2026, 5, 6), D(2026, 5, 4)) == -2


def test_a_dossier_nearing_its_due_date_reminds_the_staff_once_per_threshold(unit_a, officer_a, staff):
    other_staff = UserFactory(username="staff2", roles=[Role.BOARD_STAFF])
    dossier = make_dossier(unit_a, officer_a, state="submitted")
    with at(D(2026, 3, 2)):  # a Monday
        dossier = workflow.transition(dossier, "receive", staff)
    due = dossier.due_date
    head = f"Hồ sơ {dossier.reference} của Sở Giáo dục và Đào tạo"
    four_left = next(d for d in (due - datetime.timedelta(days=n) for n in range(30))
                     if working_days_left(d, due) == 4)
    assert reminders.run(four_left)["dossier_due"] == 0
    three_left = add_working_days(four_left, 1)
    for hour in (8, 9, 10):  # the beat runs hourly: one reminder
        with at(three_left, hour):
            send_reminders()
    assert titles(staff, NoticeKind.DOSSIER_DUE) == [
        f"{head} còn 3 ngày làm việc đến hạn giải quyết ({due:%d/%m/%Y})"]
    assert reminders.run(add_working_days(three_left, 1))["dossier_due"] == 0  # 2 left: no threshold
    assert reminders.run(add_working_days(three_left, 2))["dossier_due"] == 1  # 1 left
    assert reminders.run(due)["dossier_due"] == 1
    assert reminders.run(due)["dossier_due"] == 0
    late = add_working_days(due, 2)
    assert reminders.run(late)["dossier_due"] == 1
    assert reminders.run(add_working_days(due, 5))["dossier_due"] == 0  # overdue is said once
    assert titles(staff, NoticeKind.DOSSIER_DUE)[1:] == [
        f"{head} còn 1 ngày làm việc đến hạn giải quyết ({due:%d/%m/%Y})",
        f"{head} đến hạn giải quyết hôm nay ({due:%d/%m/%Y})",
        f"{head} đã quá hạn giải quyết ({due:%d/%m/%Y}): 2 ngày làm việc",
    ]
    assert titles(other_staff, NoticeKind.DOSSIER_DUE) == titles(staff, NoticeKind.DOSSIER_DUE)
    assert titles(officer_a, NoticeKind.DOSSIER_DUE) == []


def test_a_run_past_several_thresholds_sends_only_the_tightest(unit_a, officer_a, staff):
    dossier = make_dossier(unit_a, officer_a, state="submitted")
    with at(D(2026, 3, 2)):
        dossier = workflow.transition(dossier, "receive", staff)
    assert reminders.run(dossier.due_date)["dossier_due"] == 1
    assert reminders.run(add_working_days(dossier.due_date, 1))["dossier_due"] == 1  # then overdue
    assert len(titles(staff, NoticeKind.DOSSIER_DUE)) == 2
    assert SentReminder.objects.filter(key__startswith=f"dossier-due:{dossier.pk}:").count() == 4


def test_a_decided_dossier_is_not_reminded(unit_a, officer_a, staff):
    dossier = make_dossier(unit_a, officer_a, state="submitted")
    with at(D(2026, 3, 2)):
        dossier = workflow.transition(dossier, "receive", staff)
    type(dossier).objects.filter(pk=dossier.pk).update(state="decided")
    assert reminders.run(dossier.due_date)["dossier_due"] == 0


@pytest.fixture
def campaign_with_report(unit_a, unit_b, staff):
    from tests.campaigns.test_campaign_launch import make_campaign

    campaign = make_campaign(unit_a, status=CampaignStatus.IN_PROGRESS, audience=[unit_a, unit_b])
    type(campaign).objects.filter(pk=campaign.pk).update(interim_report_deadline=D(2026, 6, 30))
    campaign.refresh_from_db()
    target = Target.objects.create(campaign=campaign, code="t1", indicator="Số sáng kiến", unit_of_measure="sáng kiến")
    return campaign, target


def test_campaign_reports_due_remind_the_units_that_have_not_reported(campaign_with_report, unit_a, officer_a,
                                                                      officer_b, staff):
    campaign, target = campaign_with_report
    assert CampaignAudience.objects.filter(campaign=campaign).count() == 2
    TargetReport.objects.create(campaign=campaign, unit=unit_a, target=target, period=ReportPeriod.INTERIM,
                                as_of=D(2026, 6, 15), value=3, submitted_at=datetime.datetime(2026, 6, 16, tzinfo=TZ))
    assert reminders.run(D(2026, 6, 22))["report_due"] == 0
    assert reminders.run(D(2026, 6, 23))["report_due"] == 1  # 7 days left, unit B only
    assert reminders.run(D(2026, 6, 24))["report_due"] == 0
    assert reminders.run(D(2026, 6, 29))["report_due"] == 1
    assert reminders.run(D(2026, 7, 1))["report_due"] == 1
    assert reminders.run(D(2026, 7, 9))["report_due"] == 0
    what = f"Báo cáo sơ kết (giữa kỳ) phong trào \"{campaign.name}\""
    assert titles(officer_b, NoticeKind.REPORT_DUE) == [
        f"{what} đến hạn ngày 30/06/2026; đơn vị chưa báo cáo",
        f"{what} đến hạn ngày 30/06/2026; đơn vị chưa báo cáo",
        f"{what} đã quá hạn ngày 30/06/2026; đơn vị chưa báo cáo",
    ]
    assert titles(officer_a, NoticeKind.REPORT_DUE) == []  # reported
    assert Notice.objects.filter(recipient=officer_b, kind=NoticeKind.REPORT_DUE).first().url == \
        f"/campaigns/{campaign.code}/report/"


def test_council_votes_not_cast_remind_the_members_who_have_not_voted(unit_a, officer_a, staff):
    members = [UserFactory(username=f"m{i}", roles=[Role.COUNCIL_MEMBER]) for i in range(2)]
    person = PersonFactory(full_name="Hoàng Mạnh Cương", unit=unit_a)
    dossier = make_dossier(unit_a, officer_a, state="reviewed", verdict="eligible", code="chien-si-thi-dua-cap-tinh",
                           recipient=person)
    session = council.create_session("Phiên họp tháng 3", D(2026, 3, 10), "", members, staff)
    council.add_to_agenda(session, list(dossier.nominations.all()), staff)
    council.cast_vote(session.items.get(), members[0], "yes")
    assert reminders.run(D(2026, 3, 8))["vote_needed"] == 0
    assert reminders.run(D(2026, 3, 9))["vote_needed"] == 1
    assert reminders.run(D(2026, 3, 9))["vote_needed"] == 0
    assert reminders.run(D(2026, 3, 10))["vote_needed"] == 1
    assert reminders.run(D(2026, 3, 12))["vote_needed"] == 1
    assert reminders.run(D(2026, 3, 13))["vote_needed"] == 0
    prefix = "Nhắc bỏ phiếu: còn 1 đề nghị chưa có phiếu của bạn trong phiên họp \"Phiên họp tháng 3\""
    assert [t for t in titles(members[1], NoticeKind.VOTE_NEEDED) if t.startswith("Nhắc")] == [
        f"{prefix} (ngày mai)", f"{prefix} (hôm nay)", f"{prefix} (ngày 10/03/2026)"]
    assert [t for t in titles(members[0], NoticeKind.VOTE_NEEDED) if t.startswith("Nhắc")] == []
    assert Vote.objects.count() == 1


def test_draft_decisions_remind_the_province_leaders(unit_a, officer_a, staff, leader):
    with at(D(2026, 3, 2)):
        decision = make_draft_decision(unit_a, officer_a, staff)
    assert reminders.run(D(2026, 3, 3))["signature_awaited"] == 0
    assert reminders.run(D(2026, 3, 4))["signature_awaited"] == 1
    assert reminders.run(D(2026, 3, 5))["signature_awaited"] == 0
    assert reminders.run(D(2026, 3, 12))["signature_awaited"] == 1  # 10 days: only the tightest
    assert reminders.run(D(2026, 3, 20))["signature_awaited"] == 0
    name = decision.award_type.name
    assert titles(leader, NoticeKind.SIGNATURE_AWAITED) == [
        f"Dự thảo quyết định 01/QĐ-UBND ({name}) chờ ký, ban hành đã 2 ngày",
        f"Dự thảo quyết định 01/QĐ-UBND ({name}) chờ ký, ban hành đã 10 ngày"]
    Decision.objects.filter(pk=decision.pk).update(state="cancelled")
    assert reminders.run(D(2026, 4, 20))["signature_awaited"] == 0


def test_once_the_signer_has_signed_the_staff_are_reminded_of_the_vanthu_step(unit_a, officer_a, staff, leader,
                                                                            settings, tmp_path):
    """The province's decisions: the leaders hear while the signer's signature is missing; after it, the draft
    waits for the văn thư's step, which the Board's staff take (the same key per threshold: still once each)."""
    from awards.decisions import issuing
    from awards.signing import demokeys

    settings.MEDIA_ROOT = tmp_path
    with at(D(2026, 3, 2)):
        decision = make_draft_decision(unit_a, officer_a, staff)
    assert reminders.run(D(2026, 3, 4))["signature_awaited"] == 1
    issuing.sign_as_signer(Decision.objects.get(pk=decision.pk), staff, demokeys.signer_key(decision.signer))
    assert reminders.run(D(2026, 3, 7))["signature_awaited"] == 1
    assert reminders.run(D(2026, 3, 8))["signature_awaited"] == 0
    name = decision.award_type.name
    assert titles(leader, NoticeKind.SIGNATURE_AWAITED) == [
        f"Dự thảo quyết định 01/QĐ-UBND ({name}) chờ ký, ban hành đã 2 ngày"]
    assert titles(staff, NoticeKind.SIGNATURE_AWAITED) == [
        f"Dự thảo quyết định 01/QĐ-UBND ({name}) đã được ký, chờ văn thư ký phát hành đã 5 ngày"]


def test_the_command_runs_for_a_given_day(unit_a, officer_a, staff, capsys):
    call_command("send_reminders", "--today", "2026-03-04")
    assert capsys.readouterr().out.strip() == \
        "Nhắc việc đã gửi: dossier_due 0, report_due 0, vote_needed 0, signature_awaited 0"
