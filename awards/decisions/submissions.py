"""The Sở Nội vụ's tờ trình that a draft decision of the province answers: its number and date, recorded on the
draft (the decision texts form does the same through its ModelForm). Publishing checks them
(``awards.documents.board_submission.missing``, called by ``services.publish``)."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from awards.core.permissions import is_staff
from awards.decisions.services import DecisionError
from awards.models import Decision, DecisionState
from units.models import User
from units.text import nfc


def date_problem(decision: Decision, day: datetime.date | None) -> str:
    """A tờ trình answered by a decision cannot be dated after it."""
    if day is not None and day > decision.decided_on:
        return _("Ngày Tờ trình của Sở Nội vụ không được sau ngày ký quyết định (%(day)s).") % {
            "day": f"{decision.decided_on:%d/%m/%Y}"}
    return ""


@transaction.atomic
def record_board_submission(decision: Decision, number: str, day: datetime.date, actor: User) -> Decision:
    """Write the number ("245/TTr-SNV") and date of the Sở Nội vụ's tờ trình on a draft; its documents are then
    rendered again (a new content version)."""
    if not is_staff(actor):
        raise DecisionError(_("Chỉ cán bộ Ban Thi đua - Khen thưởng mới thay đổi được quyết định."))
    number = " ".join(nfc(number or "").split())
    if not number or day is None:
        raise DecisionError(_("Ghi đủ số và ngày Tờ trình của Sở Nội vụ."))
    problem = date_problem(decision, day)
    if problem:
        raise DecisionError(problem)
    updated = Decision.objects.filter(pk=decision.pk, state=DecisionState.DRAFT).update(
        submission_number=number, submission_date=day, content_version=F("content_version") + 1)
    if updated == 0:
        raise DecisionError(_("Chỉ sửa được quyết định còn là dự thảo."))
    decision.refresh_from_db()
    return decision
