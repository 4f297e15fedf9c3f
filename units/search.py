"""Accent-insensitive search and Vietnamese ordering on PostgreSQL and SQLite alike.

PostgreSQL uses the ``unaccent`` extension and the ICU collation ``vi-x-icu``; on SQLite the app
registers a ``UNACCENT`` function and a ``vi-x-icu`` collation on every new connection
(``units.apps``), so the same query code runs on both.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q, QuerySet
from django.db.models.functions import Collate

from units.text import COLLATION, fold


def accent_insensitive_q(fields: Iterable[str], query: str) -> Q:
    """Every word of ``query`` must appear, accents and case ignored, in one of ``fields``."""
    fields = list(fields)
    condition = Q()
    for word in fold(query).split():
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__unaccent__icontains": word})
        condition &= any_field
    return condition


def search(queryset: QuerySet, fields: Iterable[str], query: str | None) -> QuerySet:
    if not query or not fold(query):
        return queryset
    return queryset.filter(accent_insensitive_q(fields, query))


def vietnamese_order(field: str, descending: bool = False):
    expression = Collate(field, COLLATION)
    return expression.desc() if descending else expression.asc()
