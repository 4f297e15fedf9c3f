"""Closing a campaign: the summary (participants, targets met, the seeds' sentence style) is computed and
stored, a nomination round opens, dossiers filed in it carry the campaign and the chuyên đề occasion, and the
awards they lead to are never counted as công trạng."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from awards.decisions import services as decisions
from awards.enums import Authority, DossierState, OccasionType
from awards.models import Dossier, Signer
from awards.reports import selectors, statistics
from campaigns import selectors as campaign_selectors
from campaigns import services, workflow
from campaigns.models import Campaign, CampaignStatus, Registration, ReportPeriod, TargetReport
from tests.campaigns.support import D, make_campaign, make_target
from tests.factories import UnitFactory, make_dossier, with_board_submission

S = CampaignStatus


@pytest.fixture
def running(unit_a, unit_b, officer_a, db):
    """Launched to three units; A and B registered; targets: two met, one not met, one without a figure."""
    district = UnitFactory(code="huyen-x", name="Huyện Đình Lập")
    campaign = make_campaign(unit_a, status=S.IN_PROGRESS, audience=[unit_a, unit_b, district],
                             registered=[unit_a, unit_b], end_date=D(2019, 10, 17),
                             final_report_deadline=D(2019, 10, 5))
    budget = make_target(campaign, "thu-ngan-sach", "100", result_value=Decimal("92.2"))  # official: not met
    cases = make_target(campaign, "ho-so", "12000", indicator="Hồ sơ tiếp nhận", unit_of_measure="hồ sơ")
    own = make_target(campaign, "so-a-1", "5", unit=unit_a, indicator="Trường đạt chuẩn", unit_of_measure="trường")
    make_target(campaign, "chua-co", "10", indicator="Chỉ tiêu chưa báo cáo")
    at = datetime.datetime(2019, 10, 3, 2, tzinfo=datetime.UTC)
    late = datetime.datetime(2019, 10, 7, 2, tzinfo=datetime.UTC)
    for unit, target, value, when, is_late in [(unit_a, cases, 7000, at, False), (unit_b, cases, 5537, late, True),
                                               (unit_a, own, 6, at, False), (unit_b, budget, 90, at, False)]:
        TargetReport.objects.create(campaign=campaign, unit=unit, target=target, period=ReportPeriod.FINAL,
                                    as_of=D(2019, 9, 30), value=value, submitted_at=when, is_late=is_late)
    return campaign


def test_closing_summary_has_exact_figures_and_sentence(running, staff):
    closed = services.close_campaign(running, staff, closed_on=D(2019, 10, 31), note="Hội nghị tổng kết")
    assert closed.status == S.CLOSED
    assert closed.summary_figures == {
        "audience": 3, "registered": 2, "reported": 2, "late_reports": 1, "missing": 0, "targets": 4,
        "targets_with_value": 4, "targets_met": 2, "targets_not_met": 1, "targets_no_result": 1,
    }
    assert closed.summary == (
        "Ngày 31/10/2019, tỉnh Lạng Sơn tổng kết đợt thi đua cao điểm 60 ngày đêm thử nghiệm: phát động đến 03 đơn "
        "vị; 02 đơn vị đăng ký thi đua, 02 đơn vị báo cáo kết quả (01 báo cáo nộp muộn); 02/04 chỉ tiêu đạt và "
        "vượt, 01 chỉ tiêu chưa đạt.")
    assert (closed.nomination_open_from, closed.nomination_open_until) == (D(2019, 10, 31), D(2019, 11, 30))
    assert closed.history.get().note == "Hội nghị tổng kết"


def test_progress_per_target(running):
    rows = {p.target.code: (p.value, p.source, p.pct, p.met) for p in campaign_selectors.target_progress(running)}
    assert rows == {
        "thu-ngan-sach": (Decimal("92.2"), "official", Decimal("92.2"), False),  # the board's figure wins
        "ho-so": (Decimal("12537"), "reports", Decimal("104.5"), True),  # units' figures added up
        "so-a-1": (Decimal("6"), "reports", Decimal("120.0"), True),
        "chua-co": (None, "", None, None),
    }


def test_close_page_shows_the_preview_and_closes(client, staff, running):
    client.force_login(staff)
    page = client.get(reverse("campaigns:close", args=[running.code]))
    assert "02 đơn vị đăng ký thi đua" in page.content.decode()
    bad = client.post(reverse("campaigns:close", args=[running.code]), {
        "closed_on": "2019-10-31", "nomination_open_from": "2019-11-10", "nomination_open_until": "2019-11-01",
        "note": "Giữ ghi chú", "expected_status": S.IN_PROGRESS})
    assert bad.status_code == 400
    assert "Ngày kết thúc nhận hồ sơ phải sau ngày bắt đầu nhận hồ sơ." in bad.content.decode()
    assert "Giữ ghi chú" in bad.content.decode()
    ok = client.post(reverse("campaigns:close", args=[running.code]), {
        "closed_on": "2019-10-31", "nomination_open_from": "2019-11-01", "nomination_open_until": "2019-11-15",
        "expected_status": S.IN_PROGRESS}, follow=True)
    assert 'data-testid="summary"' in ok.content.decode()
    fresh = Campaign.objects.get(pk=running.pk)
    assert (fresh.status, fresh.nomination_open_until) == (S.CLOSED, D(2019, 11, 15))


def test_close_page_is_refused_when_closing_is_not_possible(client_for, unit_a):
    launched = make_campaign(unit_a, status=S.LAUNCHED, audience=[unit_a])
    response = client_for("staff").get(reverse("campaigns:close", args=[launched.code]))
    assert response.status_code == 403
    assert "Không thực hiện được &quot;Tổng kết&quot; khi phong trào đang ở trạng thái" in response.content.decode()


def _closed_with_open_round(unit_a, staff):
    campaign = make_campaign(unit_a, status=S.IN_PROGRESS, audience=[unit_a], registered=[unit_a])
    today = datetime.date.today()
    return services.close_campaign(campaign, staff, nomination_open_from=today - datetime.timedelta(days=1),
                                   nomination_open_until=today + datetime.timedelta(days=10))


def test_a_dossier_filed_in_the_round_carries_campaign_and_occasion(client, officer_a, staff, unit_a):
    campaign = _closed_with_open_round(unit_a, staff)
    client.force_login(officer_a)
    form = client.get(reverse("awards:dossier_create") + f"?round={campaign.code}").content.decode()
    assert f'<option value="{campaign.code}" selected>' in form
    response = client.post(reverse("awards:dossier_create"), {
        "nomination_round": campaign.code, "title": "Đề nghị tặng Bằng khen tổng kết đợt thi đua cao điểm",
        "occasion": "", "year": "2019", "authority": Authority.PROVINCE_CHAIR})
    assert response.status_code == 302
    dossier = Dossier.objects.get()
    assert (dossier.campaign, dossier.occasion, dossier.unit) == (campaign, OccasionType.CAMPAIGN, unit_a)


def test_the_round_overrides_a_merit_occasion_and_closed_rounds_are_not_offered(client, officer_a, staff, unit_a):
    campaign = _closed_with_open_round(unit_a, staff)
    old = make_campaign(unit_a, code="da-dong", status=S.CLOSED, nomination_open_from=D(2019, 10, 1),
                        nomination_open_until=D(2019, 10, 8))
    client.force_login(officer_a)
    form = client.get(reverse("awards:dossier_create")).content.decode()
    assert f'value="{campaign.code}"' in form and f'value="{old.code}"' not in form
    client.post(reverse("awards:dossier_create"), {
        "nomination_round": campaign.code, "title": "Đề nghị", "occasion": OccasionType.MERIT, "year": "2019",
        "authority": Authority.PROVINCE_CHAIR})
    assert Dossier.objects.get().occasion == OccasionType.CAMPAIGN
    refused = client.post(reverse("awards:dossier_create"), {
        "nomination_round": old.code, "title": "Đề nghị", "year": "2019", "authority": Authority.PROVINCE_CHAIR})
    assert refused.status_code == 200 and Dossier.objects.count() == 1
    assert "Hãy chọn một lựa chọn hợp lệ." in refused.content.decode()


def test_without_a_round_the_occasion_is_still_required(client, officer_a):
    client.force_login(officer_a)
    response = client.post(reverse("awards:dossier_create"), {
        "title": "Đề nghị", "year": "2020", "authority": Authority.PROVINCE_CHAIR})
    assert "Cần chọn loại hình khen thưởng (hoặc chọn một đợt nhận hồ sơ của phong trào)." in \
        response.content.decode()
    assert not Dossier.objects.exists()


def test_an_award_from_the_round_is_counted_as_campaign_never_as_merit(client, officer_a, staff, unit_a):
    campaign = _closed_with_open_round(unit_a, staff)
    from_round = make_dossier(unit_a, officer_a, state=DossierState.AWAITING_DECISION, verdict="eligible",
                              occasion=OccasionType.CAMPAIGN)
    Dossier.objects.filter(pk=from_round.pk).update(campaign=campaign)
    merit = make_dossier(UnitFactory(name="Trường THPT Việt Bắc"), officer_a, state=DossierState.AWAITING_DECISION,
                         verdict="eligible")
    signer = Signer.objects.create(full_name="Hồ Tiến Thiệu", position="Chủ tịch UBND tỉnh", capacity="chu_tich",
                                   valid_from=D(2020, 1, 1))
    for dossier in (from_round, merit):
        decision = decisions.draft_decision(list(dossier.nominations.all()), staff, D(2021, 2, 6), signer, "x")
        decisions.publish(with_board_submission(decision), staff)
    award = from_round.nominations.get().awards.get()
    assert (award.occasion, award.campaign) == (OccasionType.CAMPAIGN, campaign)
    # the dashboard's occasion grouping keeps it apart from công trạng
    assert selectors.by_occasion(2021) == [("cong_trang", "Công trạng, thường xuyên", 1),
                                           ("chuyen_de", "Chuyên đề, theo đợt", 1)]
    # and so does the statistics form (Biểu 0603: row 11 Thường xuyên, row 12 Chuyên đề)
    groups = statistics.award_groups(2021, [Authority.PROVINCE_CHAIR])
    assert sum(g["n"] for g in groups if statistics.occasion_is(OccasionType.MERIT)(g)) == 1
    assert sum(g["n"] for g in groups if statistics.occasion_is(OccasionType.CAMPAIGN)(g)) == 1
    # the campaign page lists the award made under it
    client.force_login(staff)
    html = client.get(reverse("campaigns:detail", args=[campaign.code])).content.decode()
    assert "01 tập thể được tặng Bằng khen của Chủ tịch UBND tỉnh." in html


def test_closing_is_refused_for_non_staff(running, officer_a, leader):
    for user in (officer_a, leader):
        with pytest.raises(workflow.NotAllowed):
            services.close_campaign(running, user)
    assert Campaign.objects.get(pk=running.pk).summary == ""


def test_registrations_survive_closing(running, staff):
    services.close_campaign(running, staff, closed_on=D(2019, 10, 31))
    assert Registration.objects.filter(campaign=running).count() == 2


@pytest.mark.django_db
def test_demo_2019_campaigns_are_closed_with_their_summary(demo_data, client):
    peak = Campaign.objects.get(code="cao-diem-60-ngay-dem-2019")
    special = Campaign.objects.get(code="dac-biet-2019")
    assert peak.summary == (
        "Ngày 31/10/2019, tỉnh Lạng Sơn tổng kết đợt thi đua cao điểm 60 ngày đêm chào mừng kỷ niệm 110 năm ngày "
        "sinh đồng chí Hoàng Văn Thụ và 188 năm ngày thành lập tỉnh: phát động đến 43 đơn vị; 04 đơn vị đăng ký thi "
        "đua, 02 đơn vị báo cáo kết quả (02 báo cáo nộp muộn); 01 chỉ tiêu chưa đạt.")
    assert (peak.summary_figures["missing"], special.summary_figures["targets_met"]) == (2, 3)
    assert special.summary.endswith("phát động đến 43 đơn vị; 04 đơn vị đăng ký thi đua, 04 đơn vị báo cáo kết "
                                    "quả; 03/04 chỉ tiêu đạt và vượt, 01 chỉ tiêu chưa đạt.")
    # the seeds' 27 tập thể, 24 cá nhân and 02 gia đình, split between the two campaigns they were proposed under
    assert campaign_selectors.awards_sentence(special) == (
        "21 tập thể và 19 cá nhân được tặng Bằng khen của Chủ tịch UBND tỉnh.")
    assert campaign_selectors.awards_sentence(peak) == (
        "06 tập thể, 05 cá nhân và 02 hộ gia đình được tặng Bằng khen của Chủ tịch UBND tỉnh.")
    assert list(peak.history.values_list("action", flat=True)) == ["launch", "start", "close"]
    assert TargetReport.objects.get(target__code="ho-so-tiep-nhan-hcc").value == 12537


AUDIENCE_REFUSAL = ("Phong trào \"Đợt thi đua cao điểm 60 ngày đêm thử nghiệm\" không được phát động đến Sở Y tế hoặc "
                    "đơn vị cấp trên của đơn vị này: không gắn hồ sơ với phong trào này được.")


def test_a_dossier_is_not_tied_to_a_campaign_launched_to_other_units(client, officer_b, staff, unit_a):
    """Launched to unit A only: unit B's officer can pick neither its nomination round nor the campaign itself."""
    campaign = _closed_with_open_round(unit_a, staff)
    before = Dossier.objects.count()
    client.force_login(officer_b)
    by_round = client.post(reverse("awards:dossier_create"), {
        "nomination_round": campaign.code, "title": "Đề nghị", "year": "2019", "authority": Authority.PROVINCE_CHAIR})
    by_campaign = client.post(reverse("awards:dossier_create"), {
        "campaign": campaign.pk, "title": "Đề nghị", "occasion": OccasionType.CAMPAIGN, "year": "2019",
        "authority": Authority.PROVINCE_CHAIR})

    for response in (by_round, by_campaign):
        assert response.status_code == 200
        assert AUDIENCE_REFUSAL.replace('"', "&quot;") in response.content.decode()
    assert Dossier.objects.count() == before


def test_a_school_takes_part_in_what_its_department_was_launched(client, staff, unit_a):
    """Launched to the Sở: a school under it files in the round."""
    from tests.factories import UnitFactory, UserFactory
    from units.models import Role

    school = UnitFactory(code="thpt-viet-bac", name="Trường THPT Việt Bắc", parent=unit_a)
    teacher = UserFactory(username="thpt", unit=school, roles=[Role.UNIT_OFFICER])
    campaign = _closed_with_open_round(unit_a, staff)
    client.force_login(teacher)
    response = client.post(reverse("awards:dossier_create"), {
        "nomination_round": campaign.code, "title": "Đề nghị", "year": "2019", "authority": Authority.PROVINCE_CHAIR})
    assert response.status_code == 302
    assert Dossier.objects.get(unit=school).campaign == campaign
