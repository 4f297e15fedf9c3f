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
    """``query`` must appear as a phrase, accents and case ignored, in one of ``fields``.

    A phrase rather than loose words: "co thi dua" should find "Cờ thi đua", not "Chiến sĩ thi đua cơ sở"."""
    phrase = fold(query)
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__unaccent__icontains": phrase})
    return condition


def search(queryset: QuerySet, fields: Iterable[str], query: str | None) -> QuerySet:
    if not query or not fold(query):
        return queryset
    return queryset.filter(accent_insensitive_q(fields, query))


def vietnamese_order(field: str, descending: bool = False):
    expression = Collate(field, COLLATION)
    return expression.desc() if descending else expression.asc()
