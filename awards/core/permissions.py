"""Who may see and change dossiers. Functions answer ``(allowed, reason)`` so the page can say why a
button is missing; querysets are scoped so an out-of-scope dossier is a 404, never a 403."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from awards.enums import DossierState
from awards.models import Dossier
from units.models import Role, User

EDITABLE_STATES = {DossierState.DRAFT, DossierState.RETURNED}
STAFF_ROLES = (Role.BOARD_STAFF, Role.ADMINISTRATOR)


def visible_dossiers(user: User) -> QuerySet[Dossier]:
    if not user.is_authenticated:
        return Dossier.objects.none()
    if user.has_role(*STAFF_ROLES, Role.LEADERSHIP):
        return Dossier.objects.all()
    scopes = Dossier.objects.none()
    if user.has_role(Role.UNIT_OFFICER) and user.unit_id:
        scopes = Dossier.objects.filter(unit_id=user.unit_id)
    if user.has_role(Role.COUNCIL_MEMBER):
        in_sessions = Dossier.objects.filter(nominations__agenda_items__session__members=user).distinct()
        scopes = scopes | in_sessions
    return scopes


def is_own_unit_officer(user: User, dossier: Dossier) -> bool:
    return user.has_role(Role.UNIT_OFFICER) and user.unit_id is not None and user.unit_id == dossier.unit_id


def can_edit(user: User, dossier: Dossier) -> tuple[bool, str]:
    """Content (fields, nominations, attachments) is edited by the unit's officer, in draft or returned."""
    if not is_own_unit_officer(user, dossier):
        return False, _("Chỉ cán bộ thi đua của %(unit)s mới sửa được hồ sơ này.") % {"unit": dossier.unit.name}
    if dossier.state not in EDITABLE_STATES:
        return False, _("Hồ sơ đang ở trạng thái \"%(state)s\": chỉ sửa được khi còn là dự thảo hoặc bị trả lại.") % {
            "state": dossier.get_state_display()
        }
    return True, ""


def can_create(user: User) -> tuple[bool, str]:
    if user.has_role(Role.UNIT_OFFICER) and user.unit_id:
        return True, ""
    return False, _("Chỉ cán bộ thi đua của một đơn vị mới lập được hồ sơ đề nghị.")


def is_staff(user: User) -> bool:
    return user.has_role(*STAFF_ROLES)
