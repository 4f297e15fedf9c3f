"""E-mail to the mailboxes of the units a campaign is launched to (Django's e-mail backend; console in development).
The units' officers hear of the launch through their notices, e-mailed as each chose: the message goes to each
unit's own address only (``awards.notices.record.unit_mailboxes``), so nobody gets the launch twice."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from awards.notices.record import unit_mailboxes
from campaigns.models import Campaign
from units.models import Unit

logger = logging.getLogger(__name__)


def campaign_launched(campaign_id: int, unit_ids: list[int]) -> int:
    """One message per unit with a mailbox of its own; returns how many were sent."""
    campaign = Campaign.objects.get(pk=campaign_id)
    units = list(Unit.objects.filter(pk__in=unit_ids).order_by("name"))
    addresses = unit_mailboxes(units)
    sent = 0
    without = []
    for unit in units:
        recipients = addresses[unit.pk]
        if not recipients:
            without.append(unit.pk)
            continue
        body = render_to_string("campaigns/email/launched.txt", {
            "campaign": campaign, "unit": unit, "province": settings.PROVINCE_NAME,
            "path": reverse("campaigns:detail", args=[campaign.code]),
        })
        try:
            sent += send_mail(f"Phát động: {campaign.name}"[:200], body, None, recipients)
        except Exception:  # the launch stands even if the mail server is down
            logger.exception("Could not send launch e-mail for campaign %s to unit %s", campaign.code, unit.pk)
    if without:  # one summary line, not one line per unit
        logger.info("Campaign %s: %s e-mail(s) sent; %s of %s unit(s) have no e-mail address.", campaign.code, sent,
                    len(without), len(units))
    return sent
