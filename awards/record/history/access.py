"""Who may see and write award histories: out-of-scope persons and units are a 404 (``visible_persons`` /
``visible_units``), writing without the right a 403 (``can_record``)."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from awards.core import permissions
from units.models import Person, Unit, User
from units.selectors import subtree_ids


def sees_everything(user: User) -> bool:
    return user.has_role(*permissions.STAFF_ROLES) or user.is_province_leader


def visible_persons(user: User) -> QuerySet[Person]:
    """Staff, administrators and leadership: everyone. A unit officer: the persons of his unit and its
    sub-units, and the nominees of his unit's dossiers. A council member: the nominees of the dossiers he
    may read (those voted on in his sessions), as on the dossier pages."""
    if not user.is_authenticated:
        return Person.objects.none()
    if sees_everything(user):
        return Person.objects.all()
    condition = Q(pk__in=Person.objects.filter(
        nominations__dossier__in=permissions.visible_dossiers(user)).values("pk"))
    if user.reads_own_unit:
        condition |= Q(unit_id__in=subtree_ids(user.unit_id))
    return Person.objects.filter(condition)


def visible_units(user: User) -> QuerySet[Unit]:
    """As ``visible_persons``: an officer sees his unit and its sub-units; a council member the units whose
    dossiers he may read and the collectives nominated in them."""
    if not user.is_authenticated:
        return Unit.objects.none()
    if sees_everything(user):
        return Unit.objects.all()
    dossiers = permissions.visible_dossiers(user)
    condition = Q(pk__in=dossiers.values("unit_id")) | Q(
        pk__in=Unit.objects.filter(nominations__dossier__in=dossiers).values("pk"))
    if user.reads_own_unit:
        condition |= Q(pk__in=subtree_ids(user.unit_id))
    return Unit.objects.filter(condition)


def can_record(user: User) -> tuple[bool, str]:
    """Past awards become part of the permanent record read by eligibility checks: only the Board writes them
    (``Award`` keeps no author, so an entry by a unit could not be traced)."""
    if permissions.is_staff(user):
        return True, ""
    return False, _("Chỉ cán bộ Ban Thi đua - Khen thưởng mới nhập khen thưởng từ hồ sơ lưu trữ; đơn vị gửi báo cáo "
                    "thành tích để Ban nhập.")
