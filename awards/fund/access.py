"""Who reads and who keeps a fund.

The province's fund (the Chủ tịch UBND tỉnh's) is kept by board staff and the Sở Nội vụ's accountant (role
``accountant``) and read by them and the province's leaders. A unit's own fund (its head's) is kept and read by
the unit's officers and leaders; board staff read it (they oversee the units' rounds) but do not keep it.
Every function answers ``(allowed, reason)``; the pages answer 403 with the reason."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from awards.core.permissions import is_body_leader, is_body_officer, is_staff
from awards.models import Fund, IssuingBody
from units.models import Role, User

Answer = tuple[bool, str]


def keeps_province_fund(user: User) -> bool:
    return is_staff(user) or user.has_role(Role.ACCOUNTANT)


def can_keep(user: User, body: IssuingBody) -> Answer:
    if body.is_province:
        if keeps_province_fund(user):
            return True, ""
        return False, _("Chỉ cán bộ Ban Thi đua - Khen thưởng và kế toán Sở Nội vụ mới ghi sổ quỹ của tỉnh.")
    if is_body_officer(user, body) or is_body_leader(user, body):
        return True, ""
    return False, _("Chỉ lãnh đạo, cán bộ thi đua - khen thưởng của %(unit)s mới ghi sổ quỹ của đơn vị.") % {
        "unit": body.unit.name}


def can_read(user: User, body: IssuingBody) -> Answer:
    if can_keep(user, body)[0]:
        return True, ""
    if body.is_province and user.is_province_leader:
        return True, ""
    if not body.is_province and is_staff(user):
        return True, ""
    if body.is_province:
        return False, _("Bạn không có quyền xem quỹ thi đua, khen thưởng của tỉnh.")
    return False, _("Bạn chỉ xem được quỹ thi đua, khen thưởng của đơn vị mình.")


def readable_bodies(user: User) -> list[IssuingBody]:
    """The bodies whose funds ``user`` reads, the province's first."""
    bodies: list[IssuingBody] = []
    province = IssuingBody.objects.province()
    if keeps_province_fund(user) or user.is_province_leader:
        bodies.append(province)
    if is_staff(user):
        ids = Fund.objects.exclude(body=province).values("body_id")
        bodies += list(IssuingBody.objects.filter(pk__in=ids).select_related("unit").order_by("unit__name", "pk"))
    elif user.unit_id and user.has_role(Role.UNIT_OFFICER, Role.LEADERSHIP):
        bodies += [body for body in IssuingBody.objects.filter(unit_id=user.unit_id).select_related("unit")
                   .order_by("-valid_from") if not body.is_province and can_keep(user, body)[0]]
    return bodies


def readable_funds(user: User) -> QuerySet[Fund]:
    return Fund.objects.filter(body__in=readable_bodies(user))
