"""Who hears of a dossier's move, in the app (written in the move's transaction: ``Machine.on_transition``).

The proposing unit's officers hear that their dossier was received, returned (with the reason) or decided (with
the decision number); whoever receives it hears that it came in: the Board's staff for the province, the body's
officers for a unit's own round. The person who made the move is not told of it."""

from __future__ import annotations

from django.urls import reverse
from django.utils.formats import date_format

from awards.core.state_machine import Move
from awards.enums import DossierState
from awards.models import Dossier, NoticeKind
from awards.notices.record import board_staff, record, unit_officers
from units.models import User


def _returner(dossier: Dossier, action: str) -> str:
    if dossier.body_id and action == "return":
        return dossier.body.unit.name
    return "Ban Thi đua - Khen thưởng"


def dossier_moved(dossier: Dossier, move: Move[Dossier], actor: User, note: str) -> int:
    """Write the notices of one move; returns how many."""
    ref, url = dossier.reference, reverse("awards:dossier", args=[dossier.reference])
    officers = unit_officers(dossier.unit_id).exclude(pk=actor.pk)
    if move.action == "submit":
        if dossier.is_round:
            audience = unit_officers(dossier.body.unit_id)
        else:
            audience = board_staff()
        return record(NoticeKind.DOSSIER_SUBMITTED, audience.exclude(pk=actor.pk),
                      f"Hồ sơ {ref} của {dossier.unit.name} đã gửi đến, chờ tiếp nhận", url, dossier.title)
    if move.action == "receive":
        due = f"; hạn giải quyết {date_format(dossier.due_date, 'd/m/Y')}" if dossier.due_date else ""
        return record(NoticeKind.DOSSIER_RECEIVED, officers, f"Hồ sơ {ref} đã được tiếp nhận{due}", url, dossier.title)
    if move.target == DossierState.RETURNED:
        return record(NoticeKind.DOSSIER_RETURNED, officers,
                      f"Hồ sơ {ref} bị {_returner(dossier, move.action)} trả lại: {note}", url,
                      "Đơn vị sửa hồ sơ theo yêu cầu và gửi lại.")
    if move.action == "decide":
        return record(NoticeKind.DOSSIER_DECIDED, officers, f"Hồ sơ {ref} đã có quyết định {note}".strip(), url,
                      dossier.title)
    if move.action == "record_central":
        return record(NoticeKind.DOSSIER_DECIDED, officers,
                      f"Hồ sơ {ref} đã có quyết định của cấp trên {note}".strip(), url, dossier.title)
    return 0
