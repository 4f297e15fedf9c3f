"""Units join and report: a unit registers and reports only for itself, only when the campaign was launched
to it; figures and dates are checked; a report after the deadline is flagged late; staff see who is late or
missing."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from awards.catalogue.in_force import award_type_on
from campaigns import selectors, services, workflow
from campaigns.models import CampaignStatus, Registration, ReportPeriod, Target, TargetReport
from tests.campaigns.support import D, make_campaign, make_target

pytestmark = pytest.mark.django_db
S = CampaignStatus


@pytest.fixture
def campaign(unit_a, unit_b):
    """In progress, launched to units A and B; nobody registered yet; deadlines long past."""
    return make_campaign(unit_a, status=S.IN_PROGRESS, audience=[unit_a, unit_b], start_date=D(2019, 8, 19),
                         end_date=None, interim_report_deadline=D(2019, 9, 30), final_report_deadline=D(2019, 10, 5))


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_officer_registers_own_unit_with_titles_and_own_targets(client, officer_a, unit_a, unit_b, campaign):
    flag = award_type_on("co-thi-dua-ubnd-tinh", timezone.localdate())
    client.force_login(officer_a)
    response = client.post(reverse("campaigns:register", args=[campaign.code]), {
        "commitments": "Hoàn thành vượt mức chỉ tiêu", "target_titles": [flag.pk], "unit": unit_b.pk,
        "own-TOTAL_FORMS": "3", "own-INITIAL_FORMS": "0",
        "own-0-indicator": "Trường đạt chuẩn quốc gia", "own-0-unit_of_measure": "trường", "own-0-target_value": "5",
    })
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert (registration.unit, registration.commitments, registration.status, registration.registered_by) == (
        unit_a, "Hoàn thành vượt mức chỉ tiêu", "registered", officer_a)  # the posted unit B is ignored
    assert list(registration.target_titles.values_list("code", flat=True)) == ["co-thi-dua-ubnd-tinh"]
    assert list(Target.objects.values_list("code", "unit__code", "indicator", "target_value")) == [
        ("so-a-1", "so-a", "Trường đạt chuẩn quốc gia", Decimal("5"))]


def test_registration_form_keeps_what_was_typed(client, officer_a, campaign):
    client.force_login(officer_a)
    response = client.post(reverse("campaigns:register", args=[campaign.code]), {
        "commitments": "Giữ lại nội dung này", "own-TOTAL_FORMS": "3", "own-INITIAL_FORMS": "0",
        "own-0-indicator": "Chỉ tiêu thiếu đơn vị tính", "own-0-target_value": "-1"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Cần ghi đơn vị tính của chỉ tiêu." in html and "Giữ lại nội dung này" in html
    assert not Registration.objects.exists()


@pytest.mark.parametrize(("persona", "status"), [("officer_a", 200), ("officer_b", 200), ("staff", 403),
                                                 ("council_member", 403), ("leader", 403), ("administrator", 403)])
def test_who_may_open_the_registration(client_for, persona, status, campaign):
    assert client_for(persona).get(reverse("campaigns:register", args=[campaign.code])).status_code == status


def test_a_unit_outside_the_audience_cannot_register(client, officer_b, unit_a):
    campaign = make_campaign(unit_a, status=S.LAUNCHED, audience=[unit_a])
    client.force_login(officer_b)
    response = client.get(reverse("campaigns:register", args=[campaign.code]))
    assert response.status_code == 403
    assert "Phong trào không được phát động đến Sở Y tế nên đơn vị không đăng ký được." in response.content.decode()
    with pytest.raises(workflow.NotAllowed):
        services.register(campaign, officer_b, "x", [], [])
    assert not Registration.objects.exists()


@pytest.mark.parametrize("status", [S.DRAFT, S.CLOSED])
def test_no_registration_before_launch_or_after_closing(client, officer_a, unit_a, status):
    campaign = make_campaign(unit_a, status=status, audience=[unit_a])
    client.force_login(officer_a)
    assert client.get(reverse("campaigns:register", args=[campaign.code])).status_code == (
        404 if status == S.DRAFT else 403)


def test_reporting_needs_registration_and_is_for_own_unit_only(client, officer_a, officer_b, unit_a, unit_b,
                                                               campaign):
    target = make_target(campaign)
    own_b = make_target(campaign, code="so-b-1", unit=unit_b, indicator="Chỉ tiêu riêng của Sở Y tế")
    client.force_login(officer_a)
    refused = client.get(reverse("campaigns:report", args=[campaign.code]))
    assert refused.status_code == 403
    assert "Sở Giáo dục và Đào tạo chưa đăng ký thi đua" in refused.content.decode()
    Registration.objects.create(campaign=campaign, unit=unit_a, registered_on=D(2019, 8, 20))
    # officer A cannot report on unit B's own target: it is not even offered
    response = client.post(reverse("campaigns:report", args=[campaign.code]), {
        "target": own_b.pk, "period": "so_ket", "as_of": "2019-09-01", "value": "3"})
    assert response.status_code == 400
    assert "Hãy chọn một lựa chọn hợp lệ." in response.content.decode()
    with pytest.raises(workflow.NotAllowed) as refused_service:
        services.submit_report(campaign, officer_a, target=own_b, period="so_ket", as_of=D(2019, 9, 1),
                               value=Decimal(3))
    assert refused_service.value.message == ("Chỉ tiêu này không thuộc phong trào hoặc là chỉ tiêu riêng của đơn vị "
                                              "khác.")
    ok = client.post(reverse("campaigns:report", args=[campaign.code]), {
        "target": target.pk, "period": "so_ket", "as_of": "2019-09-01", "value": "45,5", "unit": unit_b.pk})
    assert ok.status_code == 302
    report = TargetReport.objects.get()
    assert (report.unit, report.target, report.value, report.submitted_by) == (unit_a, target, Decimal("45.5"),
                                                                               officer_a)
    client.force_login(officer_b)  # B is in the audience but has not registered
    assert client.get(reverse("campaigns:report", args=[campaign.code])).status_code == 403


@pytest.mark.parametrize(("value", "as_of", "message"), [
    ("-1", "2019-09-01", "Kết quả không được âm."),
    ("nhiều", "2019-09-01", "Kết quả phải là một số"),
    ("10", "2019-08-01", "Ngày số liệu không được trước ngày bắt đầu phong trào (19/08/2019)."),
    ("10", "2999-01-01", "Ngày số liệu không được sau ngày hôm nay."),
])
def test_report_values_and_dates_are_checked(client, officer_a, unit_a, campaign, value, as_of, message):
    target = make_target(campaign)
    Registration.objects.create(campaign=campaign, unit=unit_a, registered_on=D(2019, 8, 20))
    client.force_login(officer_a)
    response = client.post(reverse("campaigns:report", args=[campaign.code]), {
        "target": target.pk, "period": "so_ket", "as_of": as_of, "value": value, "note": "Giữ ghi chú"})
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html and "Giữ ghi chú" in html
    assert not TargetReport.objects.exists()


def test_as_of_after_the_campaigns_end_is_refused(client, officer_a, unit_a, campaign):
    campaign.end_date = D(2019, 10, 17)
    campaign.save()
    target = make_target(campaign)
    Registration.objects.create(campaign=campaign, unit=unit_a, registered_on=D(2019, 8, 20))
    client.force_login(officer_a)
    response = client.post(reverse("campaigns:report", args=[campaign.code]), {
        "target": target.pk, "period": "tong_ket", "as_of": "2019-11-01", "value": "1"})
    assert "Ngày số liệu không được sau ngày kết thúc phong trào (17/10/2019)." in response.content.decode()


def test_late_means_submitted_after_the_periods_deadline(officer_a, unit_a, campaign, settings):
    target = make_target(campaign)
    Registration.objects.create(campaign=campaign, unit=unit_a, registered_on=D(2019, 8, 20))
    campaign.interim_report_deadline = timezone.localdate()  # on the deadline day: on time
    campaign.save()
    on_time = services.submit_report(campaign, officer_a, target=target, period="so_ket", as_of=D(2019, 9, 1),
                                     value=Decimal(10))
    late = services.submit_report(campaign, officer_a, target=target, period="tong_ket", as_of=D(2019, 10, 1),
                                  value=Decimal(20))  # final deadline 05/10/2019 has passed
    assert (on_time.is_late, late.is_late) == (False, True)
    campaign.final_report_deadline = None  # no deadline: never late
    campaign.save()
    again = services.submit_report(campaign, officer_a, target=target, period="tong_ket", as_of=D(2019, 10, 1),
                                   value=Decimal(25))
    assert (again.pk, again.value, again.is_late) == (late.pk, Decimal(25), False)  # replaced, not duplicated


def test_late_report_is_flagged_on_the_page(client, officer_a, unit_a, campaign):
    target = make_target(campaign)
    Registration.objects.create(campaign=campaign, unit=unit_a, registered_on=D(2019, 8, 20))
    client.force_login(officer_a)
    response = client.post(reverse("campaigns:report", args=[campaign.code]), {
        "target": target.pk, "period": "tong_ket", "as_of": "2019-10-01", "value": "20"}, follow=True)
    html = response.content.decode()
    assert "báo cáo nộp sau hạn 05/10/2019 nên được đánh dấu nộp muộn" in html
    assert "nộp muộn</span>" in html


def test_evidence_is_accepted_by_content_and_served_to_the_right_people(client_for, officer_a, unit_a, campaign):
    target = make_target(campaign)
    Registration.objects.create(campaign=campaign, unit=unit_a, registered_on=D(2019, 8, 20))
    client = client_for("officer_a")
    url = reverse("campaigns:report", args=[campaign.code])
    bad = client.post(url, {"target": target.pk, "period": "so_ket", "as_of": "2019-09-01", "value": "1",
                            "evidence": SimpleUploadedFile("bang-chung.pdf", b"MZ\x90\x00 not a pdf")})
    assert bad.status_code == 400
    assert "Định dạng tệp không được chấp nhận." in bad.content.decode()
    assert not TargetReport.objects.exists()
    good = client.post(url, {"target": target.pk, "period": "so_ket", "as_of": "2019-09-01", "value": "1",
                             "evidence": SimpleUploadedFile("Biên bản.pdf", b"%PDF-1.4 minh chung")})
    assert good.status_code == 302
    report = TargetReport.objects.get()
    assert (report.evidence_name, report.evidence_type, report.evidence_size) == ("Biên bản.pdf",
                                                                                  "application/pdf", 19)
    evidence = reverse("campaigns:evidence", args=[campaign.code, report.pk])
    assert {p: client_for(p).get(evidence).status_code for p in
            ("officer_a", "officer_b", "staff", "leader", "council_member")} == {
        "officer_a": 200, "officer_b": 404, "staff": 200, "leader": 200, "council_member": 404}


def test_staff_see_late_and_missing_reports(client, staff, officer_a, unit_a, unit_b, campaign):
    target = make_target(campaign)
    Registration.objects.create(campaign=campaign, unit=unit_a, registered_on=D(2019, 8, 20))
    Registration.objects.create(campaign=campaign, unit=unit_b, registered_on=D(2019, 8, 20))
    TargetReport.objects.create(campaign=campaign, unit=unit_a, target=target, period=ReportPeriod.INTERIM,
                                as_of=D(2019, 9, 1), value=10, submitted_at=datetime.datetime(2019, 9, 2, tzinfo=datetime.UTC))
    services.submit_report(campaign, officer_a, target=target, period="tong_ket", as_of=D(2019, 10, 1),
                           value=Decimal(20))
    rows, counts = selectors.report_matrix(campaign, D(2019, 10, 6))
    assert counts == {"audience": 2, "registered": 2, "so_ket_reported": 1, "so_ket_late": 0, "so_ket_missing": 1,
                      "tong_ket_reported": 1, "tong_ket_late": 1, "tong_ket_missing": 1}
    assert [(r.unit_name, r.reports["so_ket"]["missing"], r.reports["tong_ket"]["late"]) for r in rows] == [
        ("Sở Giáo dục và Đào tạo", False, True), ("Sở Y tế", True, False)]
    _rows, before_deadline = selectors.report_matrix(campaign, D(2019, 9, 30))
    assert before_deadline["so_ket_missing"] == 0  # nothing is missing until the deadline has passed
    client.force_login(staff)
    html = client.get(reverse("campaigns:reports", args=[campaign.code])).content.decode()
    assert "thiếu báo cáo" in html and "nộp muộn" in html
