"""The bodies that issue decisions, as other packages ask for them: the bodies of a unit on a date, the one a
unit decides through, and a body's signers in force."""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet

from awards.enums import BodyKind
from awards.models import IssuingBody, Signer, province_body
from units.models import Unit, UnitKind
from units.names import name_on
from units.text import fold

__all__ = ["board_department_body", "bodies_for_proposer", "bodies_of", "body_of", "head_title_of", "province_body",
           "signer_on", "signers_of"]
BOARD_DEPARTMENT = "so noi vu"  # the Sở Nội vụ, folded: the department of the Ban Thi đua - Khen thưởng


def bodies_of(unit: Unit, day: datetime.date) -> QuerySet[IssuingBody]:
    """The bodies of ``unit`` in force on ``day`` (usually one; none for a unit that decides nothing)."""
    return IssuingBody.objects.filter(unit=unit).active_on(day).order_by("-valid_from", "pk")


def body_of(unit: Unit, day: datetime.date) -> IssuingBody | None:
    """The body through which ``unit`` decides on ``day``, or None when it decides nothing itself."""
    return bodies_of(unit, day).first()


def board_department_body(day: datetime.date) -> IssuingBody | None:
    """The Sở Nội vụ's issuing body in force on ``day``, or None when the Sở Nội vụ has none: it submits the
    province's award decisions to the Chủ tịch UBND tỉnh (its Giám đốc, or a deputy, signs that tờ trình)."""
    bodies = (IssuingBody.objects.filter(kind=BodyKind.DEPARTMENT, unit__isnull=False).active_on(day)
              .select_related("unit").order_by("-valid_from", "pk"))
    return next((body for body in bodies if fold(body.unit.name) == BOARD_DEPARTMENT), None)


def bodies_for_proposer(unit: Unit) -> list[IssuingBody]:
    """The heads a dossier of ``unit`` may be addressed to besides the province and above: the bodies of ``unit`` and
    of the units above it, below the province (a school: its Hiệu trưởng, then the Giám đốc Sở; a commune before
    1/7/2025: its Chủ tịch, then the Chủ tịch UBND huyện). Every version, whatever its dates (a dossier of 2020 may
    be addressed to a body that has ended since): the unit's own first, the latest version first."""
    chain: list[int] = []
    node: Unit | None = unit
    while node is not None and node.pk not in chain and node.kind != UnitKind.PROVINCE:
        chain.append(node.pk)
        node = node.parent
    order = {pk: index for index, pk in enumerate(chain)}
    found = IssuingBody.objects.filter(unit_id__in=chain).exclude(kind=BodyKind.PROVINCE).select_related("unit")
    return sorted(found, key=lambda body: (order[body.unit_id], -body.valid_from.toordinal(), body.pk))


def signers_of(body: IssuingBody, day: datetime.date) -> QuerySet[Signer]:
    """Who may sign ``body``'s decisions on ``day``: the head first, then the deputies signing for him (KT.)."""
    return (Signer.objects.filter(body=body, valid_from__lte=day)
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
            .order_by("capacity", "-valid_from", "full_name"))


def signer_on(body: IssuingBody, day: datetime.date, capacity: str | None = None) -> Signer | None:
    signers = signers_of(body, day)
    if capacity:
        signers = signers.filter(capacity=capacity)
    return signers.first()


# The head of a unit that issues no decision in the product, by the first words of its name (folded), per kind:
# "Sở Y tế" -> "Giám đốc Sở Y tế", "Cục Thuế tỉnh" -> "Cục trưởng Cục Thuế tỉnh", "Huyện Bình Gia" -> "Chủ tịch UBND
# huyện Bình Gia". A unit matching none has no title here: the decision then names "Thủ trưởng các cơ quan, đơn
# vị có liên quan" rather than invent one ("Thủ trưởng Huyện Bình Gia").
HEAD_BY_PREFIX: list[tuple[str, str]] = [
    ("so ", "Giám đốc {name}"), ("cuc ", "Cục trưởng {name}"), ("chi cuc ", "Chi cục trưởng {name}"),
    ("cong an ", "Giám đốc {name}"), ("kho bac ", "Giám đốc {name}"), ("bao hiem xa hoi ", "Giám đốc {name}"),
    ("ngan hang ", "Giám đốc {name}"), ("benh vien ", "Giám đốc {name}"), ("trung tam ", "Giám đốc {name}"),
    ("dai phat thanh ", "Giám đốc {name}"), ("bao ", "Tổng Biên tập {name}"), ("cong ty ", "Giám đốc {name}"),
    ("truong ", "Hiệu trưởng {name}"), ("ban quan ly ", "Trưởng {name}"), ("ban ", "Trưởng {name}"),
    ("thanh tra ", "Chánh Thanh tra {rest}"), ("van phong ", "Chánh {name}"),
    ("bo chi huy ", "Chỉ huy trưởng {name}"), ("hoi ", "Chủ tịch {name}"), ("lien doan ", "Chủ tịch {name}"),
    ("uy ban mat tran ", "Chủ tịch {name}"), ("tinh doan", "Bí thư {name}"), ("phong ", "Trưởng {name_lower}"),
    ("huyen ", "Chủ tịch UBND {name_lower}"), ("thanh pho ", "Chủ tịch UBND {name_lower}"),
    ("thi xa ", "Chủ tịch UBND {name_lower}"), ("xa ", "Chủ tịch UBND {name_lower}"),
    ("phuong ", "Chủ tịch UBND {name_lower}"), ("thi tran ", "Chủ tịch UBND {name_lower}"),
]


def head_title_of(unit: Unit, day: datetime.date) -> str:
    """The title of ``unit``'s head on ``day``, as decisions write it: the head title of its issuing body in force
    that day ("Giám đốc Sở Giáo dục và Đào tạo", "Chủ tịch UBND xã Đề Thám"), else one made from the unit's kind
    of name as it stood that day (``HEAD_BY_PREFIX``); "" when neither says."""
    body = body_of(unit, day)
    if body is not None:
        return body.head_title
    name = name_on(unit, day)
    folded = fold(name) + " "
    for prefix, pattern in HEAD_BY_PREFIX:
        if folded.startswith(prefix):
            first, _sep, rest = name.partition(" ")
            return pattern.format(name=name, name_lower=first.lower() + " " + rest if rest else name.lower(),
                                  rest=name.split(" ", 2)[2] if name.count(" ") >= 2 else name)
    return ""
