"""Awards decided above the province: the province's tờ trình goes up, and the central decision's number
and date are recorded against each forwarded nomination."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from awards.enums import DossierState, Verdict
from awards.models import Dossier


@transaction.atomic
def forward_dossier(dossier, number: str, date: datetime.date, actor) -> None:
    """The province's tờ trình goes up (Huân chương, Thủ tướng's awards, CSTĐ toàn quốc)."""
    from awards.dossiers.workflow import NotAllowed, transition
    from units.text import nfc

    number = nfc(number)
    if not number or date is None:
        raise NotAllowed(_("Cần ghi số và ngày tờ trình của tỉnh trước khi trình cấp trên."))
    Dossier.objects.filter(pk=dossier.pk, state=DossierState.AWAITING_DECISION).update(
        forward_number=number, forward_date=date)
    dossier.refresh_from_db()
    transition(dossier, "forward", actor, note=_("Tờ trình số %(n)s ngày %(d)s") % {
        "n": number, "d": date.strftime("%d/%m/%Y")})


@transaction.atomic
def record_central_decision(nomination, outcome: str, number: str, date: datetime.date | None, actor) -> None:
    """The central decision's number and date (or a refusal) for one forwarded nomination; when every
    forwarded nomination has its answer, the dossier is decided."""
    from awards.dossiers.workflow import NotAllowed, transition
    from awards.enums import CentralOutcome
    from units.text import nfc

    dossier = Dossier.objects.select_for_update().get(pk=nomination.dossier_id)
    if dossier.state != DossierState.FORWARDED:
        raise NotAllowed(_("Chỉ ghi quyết định của cấp trên khi hồ sơ đã được trình cấp trên."))
    if outcome not in (CentralOutcome.AWARDED, CentralOutcome.REFUSED):
        raise NotAllowed(_("Chọn kết quả: được khen thưởng hoặc không được khen thưởng."))
    number = nfc(number)
    if outcome == CentralOutcome.AWARDED and (not number or date is None):
        raise NotAllowed(_("Cần ghi số và ngày quyết định khen thưởng của cấp trên."))
    nomination.central_outcome, nomination.central_decision_number = outcome, number
    nomination.central_decision_date = date
    nomination.save(update_fields=["central_outcome", "central_decision_number", "central_decision_date"])
    from awards.decisions.services import record_central_award

    record_central_award(nomination)
    waiting = dossier.nominations.filter(verdict=Verdict.ELIGIBLE, central_outcome=CentralOutcome.PENDING)
    if not waiting.exists():
        transition(dossier, "record_central", actor, note=number)
