"""Who may see and change a decision. A decision of the Chủ tịch UBND tỉnh is the Board's alone (drafted, published,
cancelled and revoked by board staff). A decision of a unit's head is its body's: the body's officers (unit
officers of its unit) draft it and edit the draft; its leaders (leadership accounts bound to its unit) publish
and revoke it; when the unit has no leadership account, its officers publish and revoke what the head signed on
paper. The Board reads every unit's decisions and may only return a unit's draft (``decisions.oversight``).

Every function answers ``(allowed, reason)``; the services refuse with the reason, the pages answer 403 with it."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from awards.core.permissions import body_has_leader, is_body_leader, is_body_officer, is_staff
from awards.enums import BodyKind
from awards.models import Decision, DecisionState, IssuingBody
from units.models import Role, User

Answer = tuple[bool, str]
STAFF_ONLY_CHANGE = "Chỉ cán bộ Ban Thi đua - Khen thưởng mới thay đổi được quyết định."


def visible_decisions(user: User) -> QuerySet[Decision]:
    """Staff and leadership see everything; unit officers see the published decisions naming their unit's dossiers
    and every decision of their own unit's head (drafts included: they draft them); others none (403)."""
    if is_staff(user) or user.is_province_leader:
        return Decision.objects.all()
    if user.reads_own_unit:
        published = Q(state__in=[DecisionState.PUBLISHED, DecisionState.REVOKED],
                      lines__nomination__dossier__unit_id=user.unit_id, lines__active=True)
        own = Q(body__unit_id=user.unit_id) & ~Q(body__kind=BodyKind.PROVINCE)
        return Decision.objects.filter(published | own).distinct()
    raise PermissionDenied(_("Bạn không có quyền xem quyết định khen thưởng."))


def drafting_bodies(user: User) -> list[IssuingBody]:
    """The bodies whose decisions ``user`` drafts: the province's for board staff, his unit's heads for an officer."""
    if is_staff(user):
        return [IssuingBody.objects.province()]
    if user.has_role(Role.UNIT_OFFICER) and user.unit_id:
        own = IssuingBody.objects.filter(unit_id=user.unit_id).exclude(kind=BodyKind.PROVINCE)
        return list(own.select_related("unit").order_by("-valid_from"))
    return []


def can_draft(user: User, body: IssuingBody) -> Answer:
    if body.is_province:
        if is_staff(user):
            return True, ""
        return False, _("Chỉ cán bộ Ban Thi đua - Khen thưởng mới dự thảo quyết định.")
    if is_body_officer(user, body):
        return True, ""
    return False, _("Chỉ cán bộ thi đua - khen thưởng của %(unit)s mới dự thảo quyết định của %(body)s.") % {
        "unit": body.unit.name, "body": body.head_title}


def can_edit(user: User, decision: Decision) -> Answer:
    """The draft's texts and its PDFs: whoever drafts the body's decisions."""
    return can_draft(user, decision.body)


def can_publish(user: User, decision: Decision) -> Answer:
    """Publishing (and revoking) records what the head signed: his leaders; his officers only when the unit has no
    leadership account."""
    body = decision.body
    if body.is_province:
        return (True, "") if is_staff(user) else (False, _(STAFF_ONLY_CHANGE))
    names = {"unit": body.unit.name, "body": body.head_title}
    if is_body_leader(user, body):
        return True, ""
    if is_body_officer(user, body):
        if not body_has_leader(body):
            return True, ""
        return False, _("%(unit)s có tài khoản lãnh đạo: lãnh đạo đơn vị ban hành, thu hồi quyết định của "
                        "%(body)s.") % names
    return False, _("Chỉ lãnh đạo %(unit)s (hoặc cán bộ thi đua - khen thưởng khi đơn vị chưa có tài khoản lãnh đạo) "
                    "mới ban hành, thu hồi quyết định của %(body)s.") % names


can_revoke = can_publish


def can_cancel(user: User, decision: Decision) -> Answer:
    """A draft is cancelled by the people of its body (the Board: its own; a unit: its officers and leaders)."""
    body = decision.body
    if body.is_province:
        return (True, "") if is_staff(user) else (False, _(STAFF_ONLY_CHANGE))
    if is_body_officer(user, body) or is_body_leader(user, body):
        return True, ""
    return False, _("Chỉ lãnh đạo, cán bộ thi đua - khen thưởng của %(unit)s mới hủy dự thảo của %(body)s.") % {
        "unit": body.unit.name, "body": body.head_title}


def can_oversee(user: User, decision: Decision) -> Answer:
    """The Board's oversight of a unit's decision: return its draft to the unit, with a reason."""
    if decision.body.is_province:
        return False, _("Quyết định của Chủ tịch UBND tỉnh không trả lại theo chế độ giám sát.")
    if not is_staff(user):
        return False, _("Chỉ cán bộ Ban Thi đua - Khen thưởng mới trả lại quyết định của đơn vị.")
    return True, ""
