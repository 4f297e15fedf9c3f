"""Who may decide which award on a date (thẩm quyền quyết định): the effective-dated ``DecidingPower`` rows, asked
through ``may_decide`` before a body drafts a decision.

The power belongs to the award's code, not to one version of it: a Lao động tiên tiến decided by a xã is the same
title as one decided by a Sở, and counts the same in every ladder of the eligibility rules."""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from awards.enums import BODY_AUTHORITY, Authority, BodyKind
from awards.models import AwardType, DecidingPower, IssuingBody

__all__ = ["award_codes_for", "may_decide", "powers_on"]


def powers_on(code: str, day: datetime.date) -> list[DecidingPower]:
    """The powers over award ``code`` in force on ``day``, in the order of ``BodyKind``."""
    order = {kind: index for index, kind in enumerate(BodyKind)}
    rows = list(DecidingPower.objects.filter(award_code=code).active_on(day))
    return sorted(rows, key=lambda row: (order[BodyKind(row.body_kind)], row.valid_from))


def award_codes_for(body: IssuingBody, day: datetime.date) -> set[str]:
    """Codes of the awards ``body`` may decide on ``day``."""
    return set(DecidingPower.objects.filter(body_kind=body.kind).active_on(day).values_list("award_code", flat=True))


def _holders(rows: list[DecidingPower]) -> str:
    """Who holds the power, each authority once with its citations: "Thủ trưởng cơ quan, đơn vị, doanh nghiệp,
    Chủ tịch Ủy ban nhân dân cấp huyện (Luật … Điều 80 khoản 1)"."""
    by_citation: dict[str, list[str]] = {}
    for row in rows:
        label = str(Authority(BODY_AUTHORITY[BodyKind(row.body_kind)]).label)
        kinds = by_citation.setdefault(row.legal_citation, [])
        if label not in kinds:
            kinds.append(label)
    by_holders: dict[tuple[str, ...], list[str]] = {}
    for citation, kinds in by_citation.items():
        by_holders.setdefault(tuple(kinds), []).append(citation)
    return "; ".join(f"{', '.join(kinds)} ({'; '.join(citations)})" for kinds, citations in by_holders.items())


def may_decide(body: IssuingBody, award_type: AwardType, day: datetime.date) -> tuple[bool, str]:
    """Whether ``body`` may decide ``award_type`` on ``day``, and why (with the legal citation)."""
    when = f"{day:%d/%m/%Y}"
    if not body.is_active_on(day):
        return False, _("%(body)s không ban hành quyết định khen thưởng ngày %(day)s "
                        "(hiệu lực từ %(start)s%(end)s).") % {
            "body": body.head_title, "day": when, "start": f"{body.valid_from:%d/%m/%Y}",
            "end": f" đến {body.valid_to:%d/%m/%Y}" if body.valid_to else ""}
    rows = powers_on(award_type.code, day)
    mine = [row for row in rows if row.body_kind == body.kind]
    if mine:
        return True, _("%(award)s thuộc thẩm quyền của %(body)s (%(citation)s).") % {
            "award": award_type.name, "body": body.head_title, "citation": mine[0].legal_citation}
    if rows:
        holders = _holders(rows)
    else:
        holders = str(Authority(award_type.authority).label)
    return False, _("%(award)s không thuộc thẩm quyền của %(body)s ngày %(day)s: thuộc thẩm quyền %(holders)s.") % {
        "award": award_type.name, "body": body.head_title, "day": when, "holders": holders}
