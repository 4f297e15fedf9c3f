"""E-mail to a unit's mailbox when its dossier is returned or decided (Django's e-mail backend; console in
development). The unit's officers hear of it through their notices (``awards.dossiers.notices``), e-mailed as each
chose, so this message goes to the unit's own address only (``awards.notices.record.unit_mailboxes``)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string

from awards.notices.record import unit_mailboxes

logger = logging.getLogger(__name__)

SUBJECTS = {
    "return": "Hồ sơ {ref} bị trả lại: cần bổ sung, chỉnh sửa",
    "oversee_return": "Hồ sơ {ref} bị Ban Thi đua - Khen thưởng trả lại: cần bổ sung, chỉnh sửa",
    "decide": "Hồ sơ {ref} đã có quyết định khen thưởng",
    "record_central": "Hồ sơ {ref} đã có quyết định của cấp trên",
}


def returner(dossier, action: str) -> str:
    """Who returned the dossier, as the unit reads it: the Board, or the unit whose head the round is addressed to."""
    if dossier.body_id and action == "return":
        return dossier.body.unit.name
    return "Ban Thi đua - Khen thưởng"


def dossier_moved(dossier_id: int, action: str) -> int:
    """Tell the proposing unit's mailbox; returns how many messages were sent (0 when it has no address)."""
    from awards.models import Dossier

    dossier = Dossier.objects.select_related("unit", "body__unit").get(pk=dossier_id)
    if action not in SUBJECTS:
        return 0
    recipients = unit_mailboxes([dossier.unit])[dossier.unit_id]
    if not recipients:
        # The usual case (the officers have their notices), not news: kept out of make run's console.
        logger.debug("Dossier %s: unit %s has no mailbox of its own; its officers have their notices.",
                     dossier.reference, dossier.unit_id)
        return 0
    last = dossier.history.order_by("-at", "-pk").first()
    body = render_to_string(
        "awards/email/dossier_moved.txt",
        {"dossier": dossier, "action": action, "note": last.note if last else "",
         "province": settings.PROVINCE_NAME, "returner": returner(dossier, action)},
    )
    try:
        return send_mail(SUBJECTS[action].format(ref=dossier.reference), body, None, recipients)
    except Exception:  # the state change stands even if the mail server is down
        logger.exception("Could not send e-mail for dossier %s", dossier.reference)
        return 0
