"""Writing past awards into the record: the catalogue of a past year (``award_types_for_year``, ``version_on``),
the identity of a recorded award (award code, năm, decision number compared loosely: ``number_key``), and one past
award written with source "history" (``record_history_award``), refusing a duplicate (``DuplicateAward``)."""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.db import transaction

from awards.enums import OccasionType, RecipientKind
from awards.models import Award, AwardSource, AwardType
from units.models import Person, Unit
from units.text import fold, nfc

MAX_ISSUER = Award._meta.get_field("issuer").max_length
MAX_NUMBER = Award._meta.get_field("decision_number").max_length
MSG_DUPLICATE_RECORD = ('Đã có "{award}" năm {year} theo quyết định số {number} trong quá trình khen thưởng; '
                        "không ghi lại lần nữa.")


# --- the catalogue for a past year ---------------------------------------------------------------------------

def award_types_for_year(year: int, recipient_kind: str | None = None) -> list[AwardType]:
    """One version per award code for ``year``: the one in force on 31/12 of that year (or, if the award ended
    during the year, its last version that year); before the catalogue begins, the earliest version."""
    end, start = datetime.date(year, 12, 31), datetime.date(year, 1, 1)
    versions = AwardType.objects.order_by("code", "valid_from")
    if recipient_kind:
        versions = versions.for_recipient(recipient_kind)
    chosen: dict[str, AwardType] = {}
    earliest: dict[str, AwardType] = {}
    for version in versions:
        earliest.setdefault(version.code, version)
        overlaps = version.valid_from <= end and (version.valid_to is None or version.valid_to >= start)
        if overlaps:
            chosen[version.code] = version  # later versions replace earlier ones: ends with the one on 31/12
    for code, version in earliest.items():
        if code not in chosen and version.valid_from > end:
            chosen[code] = version
    return sorted(chosen.values(), key=lambda a: (a.sort_order, a.name))


def version_on(award: AwardType, day: datetime.date) -> AwardType:
    """The version of ``award``'s code in force on ``day``, or ``award`` itself when none is."""
    found = AwardType.objects.filter(code=award.code).active_on(day).order_by("-valid_from").first()
    return found or award


# --- one past award -------------------------------------------------------------------------------------------

def number_key(number: str) -> str:
    """Decision numbers compared without case, accents, spaces or dash style: "1234/QĐ-UBND" = "1234 / qd–ubnd"."""
    return re.sub(r"[\s\-–]+", "", fold(nfc(number)))


class DuplicateAward(Exception):
    def __init__(self, existing: Award) -> None:
        super().__init__(MSG_DUPLICATE_RECORD.format(
            award=existing.award_type.name, year=existing.achievement_year, number=existing.decision_number))
        self.message = str(self.args[0])
        self.existing = existing


def _recipient_filter(recipient: Person | Unit) -> dict[str, Any]:
    if isinstance(recipient, Person):
        return {"person": recipient}
    return {"unit": recipient, "recipient_kind": RecipientKind.COLLECTIVE}


def existing_keys(recipient: Person | Unit) -> dict[tuple[str, int, str], Award]:
    """(award code, năm, decision number key) -> award, for every award of ``recipient`` (any source)."""
    rows = Award.objects.filter(**_recipient_filter(recipient)).select_related("award_type")
    return {(a.award_code, a.achievement_year, number_key(a.decision_number)): a for a in rows}


def lock_recipient(recipient: Person | Unit) -> None:
    """One writer at a time per recipient, so two simultaneous entries of one award cannot both pass."""
    type(recipient).objects.select_for_update().filter(pk=recipient.pk).first()


def new_award(recipient: Person | Unit, award_type: AwardType, year: int, number: str,
              decided_on: datetime.date, issuer: str, occasion: str) -> Award:
    """The (unsaved) past award of ``recipient``, with the version of ``award_type`` in force on ``decided_on``."""
    award_type = version_on(award_type, decided_on)
    is_person = isinstance(recipient, Person)
    return Award(
        source=AwardSource.HISTORY, award_type=award_type, award_code=award_type.code,
        recipient_kind=RecipientKind.INDIVIDUAL if is_person else RecipientKind.COLLECTIVE,
        person=recipient if is_person else None, unit=None if is_person else recipient,
        recipient_name=nfc(recipient.full_name if is_person else recipient.name),
        year=decided_on.year, achievement_year=year, occasion=occasion, authority=award_type.authority,
        decision_number=nfc(number), decided_on=decided_on, issuer=nfc(issuer),
    )


@transaction.atomic
def record_history_award(recipient: Person | Unit, *, award_type: AwardType, year: int, decision_number: str,
                         decided_on: datetime.date, issuer: str, occasion: str = OccasionType.MERIT) -> Award:
    """Write one past award of ``recipient``; raise ``DuplicateAward`` when the same award type, year and
    decision number is already recorded for it (from any source)."""
    lock_recipient(recipient)
    key = (award_type.code, year, number_key(decision_number))
    existing = existing_keys(recipient).get(key)
    if existing is not None:
        raise DuplicateAward(existing)
    award = new_award(recipient, award_type, year, decision_number, decided_on, issuer, occasion)
    award.save()
    return award
