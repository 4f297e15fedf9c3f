"""Phát động: the audience is the chosen units plus whole clusters (their members in the campaign's year);
the units' mailboxes get the launch e-mail, their officers a notice (e-mailed as each chose); staff draft a campaign with content groups, targets and its plan."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from campaigns import services
from campaigns.models import Campaign, CampaignAudience, CampaignDocument, CampaignStatus
from tests.campaigns.support import D, make_campaign
from tests.factories import ClusterFactory, UnitFactory, UserFactory
from units.models import ClusterMembership, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def cluster(unit_a):
    """A cluster whose 2019 members are unit A and a district; in 2020 the district left."""
    cluster = ClusterFactory(name="Cụm thi đua các huyện biên giới")
    district = UnitFactory(code="huyen-loc-binh", name="Huyện Lộc Bình", email="lb@example.vn")
    ClusterMembership.objects.create(cluster=cluster, unit=unit_a, year=2019)
    ClusterMembership.objects.create(cluster=cluster, unit=district, year=2019)
    ClusterMembership.objects.create(cluster=cluster, unit=unit_a, year=2020)
    return cluster


def test_audience_is_chosen_units_plus_cluster_members_of_the_year(staff, unit_a, unit_b, cluster):
    campaign = make_campaign(unit_a)
    services.launch(campaign, staff, [unit_b, unit_a], [cluster], launch_date=D(2019, 8, 19))
    rows = CampaignAudience.objects.filter(campaign=campaign).order_by("unit__name")
    assert [(r.unit.name, r.via_cluster.name if r.via_cluster else None, r.added_on) for r in rows] == [
        ("Huyện Lộc Bình", "Cụm thi đua các huyện biên giới", D(2019, 8, 19)),
        ("Sở Giáo dục và Đào tạo", None, D(2019, 8, 19)),  # chosen directly: recorded once, without the cluster
        ("Sở Y tế", None, D(2019, 8, 19)),
    ]
    fresh = Campaign.objects.get(pk=campaign.pk)
    assert (fresh.status, fresh.launch_date) == (CampaignStatus.LAUNCHED, D(2019, 8, 19))


def test_units_get_the_launch_email_and_officers_their_notice_once(staff, unit_a, unit_b, cluster, officer_b,
                                                                   django_capture_on_commit_callbacks):
    """The district's mailbox gets the launch e-mail; officer B (one e-mail per event) gets his notice's e-mail, the
    district's officer (the daily digest, the default) the day's digest: one e-mail per person for the launch."""
    from awards.models import EmailMode, NoticePreference
    from awards.notices.tasks import send_digests

    UserFactory(username="lb", unit=cluster.memberships.get(unit__code="huyen-loc-binh").unit,
                email="canbo.lb@example.vn", roles=[Role.UNIT_OFFICER])
    officer_b.email = "binh@example.vn"
    officer_b.save()
    NoticePreference.objects.create(user=officer_b, email_mode=EmailMode.EACH)
    campaign = make_campaign(unit_a)
    with django_capture_on_commit_callbacks(execute=True):
        services.launch(campaign, staff, [unit_b], [cluster])
    recipients = sorted(tuple(m.to) for m in mail.outbox)
    assert recipients == [("binh@example.vn",), ("lb@example.vn",)]
    assert mail.outbox[[m.to for m in mail.outbox].index(["binh@example.vn"])].subject == (
        'Phong trào "Đợt thi đua cao điểm 60 ngày đêm thử nghiệm" đã được phát động đến đơn vị: mời đăng ký thi đua')
    assert send_digests() == 1
    assert sorted(tuple(m.to) for m in mail.outbox) == [
        ("binh@example.vn",), ("canbo.lb@example.vn",), ("lb@example.vn",)]
    message = next(m for m in mail.outbox if "lb@example.vn" in m.to)
    assert message.subject == "Phát động: Đợt thi đua cao điểm 60 ngày đêm thử nghiệm"
    assert "Kính gửi Huyện Lộc Bình," in message.body and "đăng ký thi đua" in message.body
    # unit A has no address and no officer with one: nothing sent, nothing fails


def test_launch_mail_costs_the_same_queries_for_one_unit_or_many(staff, unit_a, django_assert_num_queries):
    """The e-mails go out from a worker; their addresses are read in one query whatever the audience size."""
    from campaigns.notifications import campaign_launched

    campaign = make_campaign(unit_a)
    few = [UnitFactory(email="u0@example.vn")]
    many = [UnitFactory(email=f"u{n}@example.vn") for n in range(1, 21)]
    for unit in [*few, *many]:
        UserFactory(unit=unit, email=f"canbo.{unit.pk}@example.vn", roles=[Role.UNIT_OFFICER])
    with django_assert_num_queries(3):  # the campaign, the units, their officers' addresses
        assert campaign_launched(campaign.pk, [u.pk for u in few]) == 1
    with django_assert_num_queries(3):
        assert campaign_launched(campaign.pk, [u.pk for u in many]) == 20
    # the units' own mailboxes only: their officers have their notices
    assert sorted(m.to for m in mail.outbox) == sorted([u.email] for u in [*few, *many]) and len(mail.outbox) == 21


def test_extending_the_audience_tells_only_the_new_units(staff, unit_a, unit_b, officer_b,
                                                         django_capture_on_commit_callbacks):
    unit_a.email = "sogddt@example.vn"
    unit_a.save()
    unit_b.email = "soyte@example.vn"
    unit_b.save()
    campaign = make_campaign(unit_a, status=CampaignStatus.IN_PROGRESS, audience=[unit_a])
    with django_capture_on_commit_callbacks(execute=True):
        added = services.extend_audience(campaign, staff, [unit_a, unit_b], [])
    assert added == [unit_b.pk]
    assert [m.to for m in mail.outbox] == [["soyte@example.vn"]]
    from awards.models import Notice

    assert list(Notice.objects.values_list("recipient__username", flat=True)) == [officer_b.username]


def test_launch_page(client, staff, unit_a, unit_b, cluster):
    campaign = make_campaign(unit_a)
    client.force_login(staff)
    page = client.get(reverse("campaigns:launch", args=[campaign.code]))
    assert "Cụm thi đua các huyện biên giới" in page.content.decode()
    empty = client.post(reverse("campaigns:launch", args=[campaign.code]), {"note": "Giữ ghi chú"})
    assert empty.status_code == 400
    assert "Hãy chọn ít nhất một đơn vị hoặc một cụm, khối thi đua." in empty.content.decode()
    assert "Giữ ghi chú" in empty.content.decode()
    response = client.post(reverse("campaigns:launch", args=[campaign.code]),
                           {"clusters": [cluster.pk], "units": [unit_b.pk], "expected_status": "draft"})
    assert response.status_code == 302
    assert set(CampaignAudience.objects.values_list("unit__name", flat=True)) == {
        "Sở Giáo dục và Đào tạo", "Huyện Lộc Bình", "Sở Y tế"}


def test_drafts_are_the_boards_until_launched(client_for, unit_a):
    campaign = make_campaign(unit_a)
    url = reverse("campaigns:detail", args=[campaign.code])
    assert {p: client_for(p).get(url).status_code for p in ("officer_a", "council_member", "staff", "leader")} == {
        "officer_a": 404, "council_member": 404, "staff": 200, "leader": 200}
    assert campaign.name not in client_for("officer_a").get(reverse("campaigns:list")).content.decode()


def test_a_launched_campaign_is_listed_for_the_units_it_was_launched_to(client_for, unit_a):
    campaign = make_campaign(unit_a, status=CampaignStatus.LAUNCHED, audience=[unit_a])
    html = client_for("officer_a").get(reverse("campaigns:list")).content.decode()
    assert 'data-testid="mine"' in html and campaign.name in html and "chưa đăng ký" in html
    assert 'data-testid="mine"' not in client_for("officer_b").get(reverse("campaigns:list")).content.decode()


def test_staff_draft_a_campaign_with_groups_targets_and_plan(client, staff, unit_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(staff)
    data = {
        "code": "chuyen-de-2026", "name": "Phong trào thi đua chuyển đổi số", "kind": "chuyen_de",
        "method": "chuyen_de", "scope": "dia_phuong", "launch_level": "tinh", "launching_unit": unit_a.pk,
        "theme": "Chuyển đổi số", "start_date": "2026-01-01", "end_date": "2026-12-31", "criteria": "Tiêu chí",
        "interim_report_deadline": "2026-06-30", "final_report_deadline": "2026-12-15", "document_kind": "ke_hoach",
        "document": SimpleUploadedFile("Kế hoạch.pdf", b"%PDF-1.4 ke hoach"),
        "groups-TOTAL_FORMS": "2", "groups-INITIAL_FORMS": "0",
        "groups-0-number": "1", "groups-0-title": "Hạ tầng số", "groups-1-number": "", "groups-1-title": "",
        "targets-TOTAL_FORMS": "2", "targets-INITIAL_FORMS": "0",
        "targets-0-code": "dich-vu-cong", "targets-0-indicator": "Hồ sơ trực tuyến toàn trình",
        "targets-0-unit_of_measure": "%", "targets-0-target_value": "80",
        "targets-1-code": "", "targets-1-indicator": "", "targets-1-unit_of_measure": "", "targets-1-target_value": "",
    }
    response = client.post(reverse("campaigns:create"), data)
    assert response.status_code == 302
    campaign = Campaign.objects.get(code="chuyen-de-2026")
    assert (campaign.status, campaign.final_report_deadline) == (CampaignStatus.DRAFT, D(2026, 12, 15))
    assert list(campaign.content_groups.values_list("number", "title")) == [(1, "Hạ tầng số")]
    assert list(campaign.targets.values_list("code", "target_value")) == [("dich-vu-cong", 80)]
    document = CampaignDocument.objects.get(campaign=campaign)
    assert (document.original_name, document.content_type, document.kind) == (
        "Kế hoạch.pdf", "application/pdf", "ke_hoach")
    assert client.get(reverse("campaigns:document", args=[campaign.code, document.pk])).status_code == 200


def test_draft_form_refuses_bad_dates_and_files_and_keeps_what_was_typed(client, staff, unit_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(staff)
    base = {"code": "x-2026", "name": "Phong trào giữ nguyên", "kind": "chuyen_de", "method": "chuyen_de",
            "scope": "dia_phuong", "launch_level": "tinh", "launching_unit": unit_a.pk,
            "groups-TOTAL_FORMS": "0", "groups-INITIAL_FORMS": "0",
            "targets-TOTAL_FORMS": "0", "targets-INITIAL_FORMS": "0"}
    response = client.post(reverse("campaigns:create"), {**base, "start_date": "2026-06-01",
                                                         "end_date": "2026-01-01",
                                                         "final_report_deadline": "2026-05-01"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Ngày kết thúc phải sau ngày bắt đầu." in html
    assert "Hạn báo cáo không được trước ngày bắt đầu phong trào." in html
    assert "Phong trào giữ nguyên" in html
    bad = client.post(reverse("campaigns:create"), {**base, "start_date": "2026-01-01",
                                                    "document": SimpleUploadedFile("virus.exe", b"MZ\x90\x00")})
    assert bad.status_code == 400
    assert "Định dạng tệp không được chấp nhận." in bad.content.decode()
    assert not Campaign.objects.exists()


def test_closed_campaigns_are_not_edited(client_for, unit_a):
    campaign = make_campaign(unit_a, status=CampaignStatus.CLOSED)
    assert client_for("staff").get(reverse("campaigns:edit", args=[campaign.code])).status_code == 403


def test_a_year_without_a_recorded_membership_uses_the_latest_earlier_one(staff, unit_a, cluster):
    campaign = make_campaign(unit_a, start_date=D(2021, 1, 1), end_date=None)
    assert [(u.name, c.name) for u, c in services.resolve_audience(campaign, [], [cluster])] == [
        ("Sở Giáo dục và Đào tạo", "Cụm thi đua các huyện biên giới")]  # 2020's list; the district left
    early = make_campaign(unit_a, code="som", start_date=D(2018, 1, 1), end_date=None)
    assert services.resolve_audience(early, [], [cluster]) == []  # nothing recorded before 2019
