"""Who may see and change dossiers. Functions answer ``(allowed, reason)`` so the page can say why a
button is missing; querysets are scoped so an out-of-scope dossier is a 404, never a 403."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from awards.enums import DossierState
from awards.models import Dossier, IssuingBody
from units.models import Role, User

EDITABLE_STATES = {DossierState.DRAFT, DossierState.RETURNED}
STAFF_ROLES = (Role.BOARD_STAFF, Role.ADMINISTRATOR)


def visible_dossiers(user: User) -> QuerySet[Dossier]:
    if not user.is_authenticated:
        return Dossier.objects.none()
    if user.has_role(*STAFF_ROLES) or user.is_province_leader:
        return Dossier.objects.all()
    scopes = Dossier.objects.none()
    if user.reads_own_unit:
        # His unit's dossiers, and the rounds addressed to his unit's head (a school's list to the Giám đốc Sở).
        scopes = Dossier.objects.filter(Q(unit_id=user.unit_id) | Q(body__unit_id=user.unit_id))
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


# --- the people of a deciding body (a unit's own rounds) -------------------------------------------------------

def is_body_officer(user: User, body: IssuingBody | None) -> bool:
    """The body's TĐKT officers: the unit officers of the body's unit (never for the province, which is the Board's)."""
    return (body is not None and not body.is_province and user.has_role(Role.UNIT_OFFICER)
            and user.unit_id is not None and user.unit_id == body.unit_id)


def is_body_leader(user: User, body: IssuingBody | None) -> bool:
    """The body's leaders, who sign its decisions: leadership accounts bound to the body's unit."""
    return (body is not None and not body.is_province and user.has_role(Role.LEADERSHIP)
            and user.unit_id is not None and user.unit_id == body.unit_id)


def body_has_leader(body: IssuingBody) -> bool:
    """Whether the body's unit has an active leadership account (else its officers publish what the head signed)."""
    return User.objects.filter(unit_id=body.unit_id, is_active=True, groups__name=Role.LEADERSHIP).exists()


def can_review(user: User, dossier: Dossier) -> tuple[bool, str]:
    """Who appraises a dossier's nominations: the Board for the province and above, the body's officers for a
    unit's round (the Board oversees rounds read-only)."""
    if dossier.is_round:
        if is_body_officer(user, dossier.body):
            return True, ""
        return False, _("Chỉ cán bộ thi đua - khen thưởng của %(unit)s mới xét hồ sơ trình %(body)s.") % {
            "unit": dossier.body.unit.name, "body": dossier.body.head_title}
    if is_staff(user):
        return True, ""
    return False, _("Chỉ cán bộ Ban Thi đua - Khen thưởng mới thẩm định đề nghị.")
