"""Set-up shared by the campaign test modules: a campaign in a given status, launched to some units."""

from __future__ import annotations

import datetime

from campaigns.models import (
    Campaign,
    CampaignAudience,
    CampaignKind,
    CampaignMethod,
    CampaignScope,
    CampaignStatus,
    LaunchLevel,
    Registration,
    Target,
)

D = datetime.date


def make_campaign(launching_unit, *, code="cao-diem-thu", status=CampaignStatus.DRAFT, audience=(), registered=(),
                  **fields) -> Campaign:
    """``status`` is set directly: this is test set-up; the workflow's own tests go through ``transition``."""
    values = {
        "name": "Đợt thi đua cao điểm 60 ngày đêm thử nghiệm", "kind": CampaignKind.PEAK,
        "method": CampaignMethod.THEMATIC, "scope": CampaignScope.PROVINCE, "launch_level": LaunchLevel.PROVINCE,
        "theme": "60 ngày đêm ra sức thi đua", "start_date": D(2019, 8, 19), "end_date": D(2019, 10, 17),
        **fields,
    }
    campaign = Campaign.objects.create(code=code, launching_unit=launching_unit, status=status, **values)
    for unit in audience:
        CampaignAudience.objects.create(campaign=campaign, unit=unit, added_on=values["start_date"])
    for unit in registered:
        Registration.objects.create(campaign=campaign, unit=unit, registered_on=values["start_date"])
    return campaign


def make_target(campaign, code="thu-ngan-sach", target_value="100", unit=None, **fields) -> Target:
    values = {"indicator": "Thu ngân sách so với dự toán", "unit_of_measure": "%", **fields}
    return Target.objects.create(campaign=campaign, code=code, target_value=target_value, unit=unit, **values)
