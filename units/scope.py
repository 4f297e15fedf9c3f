"""Whom a dossier may name, the one rule the nominee import and the nomination form share.

A unit's officer names his unit and the units below it (``units.selectors.subtree_ids``), the persons of those
units and the households recorded under them; board staff and administrators name anyone in the province.
Anything else is refused with ``MSG_OUTSIDE_SCOPE``, worded the same whether the unit, person or household exists
or not, so a refusal never tells an officer that a person of another unit exists (nor her birth date)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from units.models import Household, Person, Unit, User
from units.selectors import subtree_ids

MSG_OUTSIDE_SCOPE = ("không thuộc phạm vi của đơn vị lập hồ sơ: chỉ đề nghị được đơn vị đó, các đơn vị trực thuộc "
                     "và cá nhân, hộ gia đình của các đơn vị này.")
MSG_CHOICE_OUTSIDE = "Đối tượng đã chọn " + MSG_OUTSIDE_SCOPE


@dataclass(frozen=True)
class RecipientScope:
    """``unit_ids``: the units a dossier may name; None for the whole province."""

    unit_ids: frozenset[int] | None

    def allows(self, unit_id: int | None) -> bool:
        return self.unit_ids is None or unit_id in self.unit_ids

    def units(self) -> QuerySet[Unit]:
        return Unit.objects.all() if self.unit_ids is None else Unit.objects.filter(pk__in=self.unit_ids)

    def persons(self) -> QuerySet[Person]:
        return Person.objects.all() if self.unit_ids is None else Person.objects.filter(unit_id__in=self.unit_ids)

    def households(self) -> QuerySet[Household]:
        if self.unit_ids is None:
            return Household.objects.all()
        return Household.objects.filter(commune_id__in=self.unit_ids)


def recipient_scope(user: User | None, unit: Unit) -> RecipientScope:
    """What a dossier of ``unit`` built by ``user`` may name: the whole province for board staff and
    administrators, otherwise (the unit's officer, or nobody known) ``unit`` and every unit below it."""
    if user is not None and user.is_authenticated and user.is_board:
        return RecipientScope(None)
    return RecipientScope(frozenset(subtree_ids(unit.pk)))
