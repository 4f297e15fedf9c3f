"""One search box for the whole site (``/search/?q=``): persons, units (with their other names), dossiers and
decisions, accents and case ignored (``units.search``), each kind limited to what the user may see:

* persons and units: ``record.history.access.visible_persons`` / ``visible_units`` (an officer: his unit's subtree
  and the nominees of his dossiers; staff and leadership: everyone; a council member: the nominees he votes on);
* dossiers: ``core.permissions.visible_dossiers``;
* decisions: ``decisions.access.visible_decisions`` (none for a role that may not read decisions).

Each hit carries the address of the page that holds it: a person's award history, a unit's page, a dossier, a
decision."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from awards.core.permissions import visible_dossiers
from awards.decisions.access import visible_decisions
from awards.models import Decision, Dossier
from awards.record.history.access import visible_persons, visible_units
from units.models import User
from units.search import accent_insensitive_q
from units.text import fold, without_generic_prefix

LIMIT = 20
MIN_LENGTH = 2
_NUMBER = re.compile(r"^\s*(\d{1,5})\s*(?:/\s*(\S+))?\s*$")


@dataclass(frozen=True)
class Hit:
    title: str
    detail: str
    url: str


@dataclass
class Group:
    key: str
    title: str
    hits: list[Hit] = field(default_factory=list)
    more: bool = False


def _limited(queryset) -> tuple[list, bool]:
    rows = list(queryset[: LIMIT + 1])
    return rows[:LIMIT], len(rows) > LIMIT


def persons(user: User, query: str) -> Group:
    found = visible_persons(user).filter(accent_insensitive_q(["full_name"], query)).select_related("unit")
    rows, more = _limited(found.order_by("full_name", "pk"))
    hits = [Hit(p.full_name, ", ".join(v for v in (p.position, p.unit.name if p.unit_id else "") if v),
                reverse("history:person", args=[p.pk])) for p in rows]
    return Group("persons", _("Cá nhân"), hits, more)


def units(user: User, query: str) -> Group:
    folded = fold(without_generic_prefix(query))
    condition = accent_insensitive_q(["name", "short_name", "aliases__name"], query)
    if folded:
        condition |= Q(aliases__folded__contains=folded)
    found = visible_units(user).filter(condition).distinct()
    rows, more = _limited(found.order_by("name", "pk"))
    hits = [Hit(u.name, u.get_kind_display(), reverse("units:detail", args=[u.pk])) for u in rows]
    return Group("units", _("Đơn vị"), hits, more)


def dossiers(user: User, query: str) -> Group:
    condition = accent_insensitive_q(["title", "unit__name"], query) | Q(reference__icontains=query.strip())
    found = visible_dossiers(user).filter(pk__in=Dossier.objects.filter(condition).values("pk"))
    rows, more = _limited(found.select_related("unit").order_by("-created_at", "-pk"))
    hits = [Hit(f"{d.reference} · {d.title}", f"{d.unit.name} · {d.get_state_display()}",
                reverse("awards:dossier", args=[d.reference])) for d in rows]
    return Group("dossiers", _("Hồ sơ đề nghị"), hits, more)


def decisions(user: User, query: str) -> Group:
    try:
        scope = visible_decisions(user)
    except PermissionDenied:
        return Group("decisions", _("Quyết định khen thưởng"))
    condition = accent_insensitive_q(["subject", "award_type__name", "lines__recipient_name"], query)
    number = _NUMBER.match(query)
    if number:
        by_number = Q(number=int(number.group(1)))
        if number.group(2):
            by_number &= Q(symbol__iexact=number.group(2))
        condition |= by_number
    found = scope.filter(pk__in=Decision.objects.filter(condition).values("pk"))
    rows, more = _limited(found.select_related("award_type").order_by("-decided_on", "-number", "-pk"))
    hits = [Hit(f"{d.code} {_('ngày')} {date_format(d.decided_on, 'd/m/Y')}", f"{d.subject} · {d.get_state_display()}",
                reverse("awards:decision", args=[d.pk])) for d in rows]
    return Group("decisions", _("Quyết định khen thưởng"), hits, more)


def search_all(user: User, query: str) -> list[Group]:
    """The four groups, in the order a clerk looks: persons, units, dossiers, decisions; nothing for a query
    shorter than two letters."""
    if len(fold(query)) < MIN_LENGTH:
        return []
    return [persons(user, query), units(user, query), dossiers(user, query), decisions(user, query)]


