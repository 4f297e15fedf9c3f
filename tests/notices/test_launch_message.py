"""The campaign launch says what it did (issue 17 item 3): units told in the app, e-mails sent, units without an
address or an officer account; the units are picked in a grouped checkbox list with a filter (item 5)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from awards.models import Notice
from tests.campaigns.test_campaign_launch import make_campaign

pytestmark = pytest.mark.django_db


def launch(client, campaign, units, capture):
    with capture(execute=True):
        response = client.post(reverse("campaigns:launch", args=[campaign.code]),
                               {"units": [u.pk for u in units], "expected_status": "draft"}, follow=True)
    assert response.status_code == 200
    return [str(m) for m in response.context["messages"]]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_launch_says_how_many_were_told_and_who_has_no_address(client, staff, unit_a, unit_b, officer_b,
                                                                   django_capture_on_commit_callbacks):
    """Committed for real: the launch's outbox entry has run (no broker: in-process) when the page words it."""
    unit_a.email = "sogddt@langson.gov.vn"
    unit_a.save()
    campaign = make_campaign(unit_a)
    client.force_login(staff)
    assert launch(client, campaign, [unit_a, unit_b], django_capture_on_commit_callbacks) == [
        "Đã phát động đến 2 đơn vị. Cán bộ thi đua của 1 đơn vị được báo trên hệ thống. 1 đơn vị chưa có tài khoản "
        "cán bộ thi đua: Sở Giáo dục và Đào tạo. Thư điện tử đã gửi đến 1 đơn vị có địa chỉ. 1 đơn vị chưa có địa "
        "chỉ thư: Sở Y tế."]
    assert [m.to for m in mail.outbox] == [["sogddt@langson.gov.vn"]]
    assert Notice.objects.filter(recipient=officer_b).count() == 1


def test_a_launch_with_no_address_does_not_claim_an_email(client, staff, unit_a, unit_b, officer_a, officer_b,
                                                          django_capture_on_commit_callbacks):
    campaign = make_campaign(unit_a)
    client.force_login(staff)
    assert launch(client, campaign, [unit_a, unit_b], django_capture_on_commit_callbacks) == [
        "Đã phát động đến 2 đơn vị. Cán bộ thi đua của 2 đơn vị được báo trên hệ thống. Không gửi thư điện tử nào: "
        "chưa đơn vị nào có địa chỉ thư."]
    assert mail.outbox == []


def test_queued_waiting_and_failed_emails_are_said_as_they_are(unit_a, unit_b):
    from campaigns import views

    unit_b.email = "soyte@langson.gov.vn"
    unit_b.save()
    reach = views.services.reach([unit_a.pk, unit_b.pk])
    tail = " 1 đơn vị chưa có địa chỉ thư: Sở Giáo dục và Đào tạo."
    assert views.launch_message(reach, "queued").endswith(
        "Thư điện tử đến 1 đơn vị có địa chỉ đã vào hàng đợi, sẽ được gửi trong ít phút." + tail)
    assert views.launch_message(reach, "waiting").endswith(
        "Thư điện tử đến 1 đơn vị có địa chỉ đang chờ hàng đợi: chưa gửi, sẽ gửi khi hàng đợi hoạt động trở lại." + tail)
    assert views.launch_message(reach, "failed").endswith(
        "Chưa gửi được thư điện tử đến 1 đơn vị có địa chỉ; hãy báo quản trị hệ thống." + tail)


def test_units_are_picked_in_groups_by_kind_with_a_filter(client, staff, unit_a, unit_b):
    from tests.factories import UnitFactory
    from units.models import UnitKind

    UnitFactory(code="xa-mau-son", name="Xã Mẫu Sơn", kind=UnitKind.COMMUNE)
    village = UnitFactory(code="thon-a", name="Thôn Nà Lệnh", kind=UnitKind.VILLAGE)  # never offered
    campaign = make_campaign(unit_a)
    client.force_login(staff)
    page = client.get(reverse("campaigns:launch", args=[campaign.code])).content.decode()
    assert 'name="units"' in page and '<select name="units"' not in page and 'multiple' not in page
    assert 'data-picker-filter' in page and "onsubmit" not in page and "<script>" not in page
    assert page.index("Sở, ban, ngành") < page.index("Sở Y tế") < page.index("Xã, phường") < page.index("Xã Mẫu Sơn")
    assert 'data-picker-item="xa mau son"' in page
    assert "Thôn Nà Lệnh" not in page
    response = client.post(reverse("campaigns:launch", args=[campaign.code]),
                           {"units": [unit_b.pk, village.pk], "expected_status": "draft"})
    assert response.status_code == 400  # a refusal keeps the ticks
    assert f'value="{unit_b.pk}" id="unit-{unit_b.pk}" checked>' in response.content.decode()
