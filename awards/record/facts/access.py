"""Who may write a unit's yearly facts: ratings and collective figures (``can_import``), initiatives and hold
periods (``can_record``). Who may see them is ``awards.record.history.access.visible_units``."""

from __future__ import annotations

from django.utils.translation import gettext as _

from awards.core import permissions
from units.models import Role, Unit, User
from units.selectors import subtree_ids


def can_import(user: User, unit: Unit) -> tuple[bool, str]:
    """Ratings and collective figures: the Board for any unit, a unit officer for his unit and its sub-units."""
    if permissions.is_staff(user):
        return True, ""
    if user.has_role(Role.UNIT_OFFICER) and user.unit_id and (
            user.unit_id == unit.pk or unit.pk in subtree_ids(user.unit_id)):
        return True, ""
    return False, _("Chỉ cán bộ Ban Thi đua - Khen thưởng hoặc cán bộ thi đua của đơn vị (hoặc đơn vị cấp trên) mới "
                    "nhập được xếp loại và số liệu của đơn vị này.")


def can_record(user: User) -> tuple[bool, str]:
    """Initiatives (recognised by a decision) and hold periods (discipline, investigations...): the Board only."""
    if permissions.is_staff(user):
        return True, ""
    return False, _("Chỉ cán bộ Ban Thi đua - Khen thưởng mới ghi sáng kiến và thời gian chưa xét khen thưởng.")
