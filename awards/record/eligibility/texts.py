"""Translations cached while evaluating.

Evaluating 50,000 rules would spend most of its time in gettext; while ``cached_translations`` is active (the
engine enters it around ``evaluate_record`` / ``evaluate_many``), ``_`` and ``choice_label`` read a per-language
cache (per thread); outside it they are plain gettext and ``choices(value).label``.
"""

from __future__ import annotations

import threading
from typing import Any

from django.utils.translation import get_language, gettext

_CACHES: dict[str, dict] = {}
_local = threading.local()


def _(message: str) -> str:
    cache = getattr(_local, "cache", None)
    if cache is None:
        return gettext(message)
    text = cache.get(message)
    if text is None:
        text = cache[message] = gettext(message)
    return text


def choice_label(choices: Any, value: str) -> str:
    """The label of ``value`` among the ``choices`` enumeration, as text in the active language."""
    cache = getattr(_local, "cache", None)
    if cache is None:
        return str(choices(value).label)
    key = (choices, value)
    text = cache.get(key)
    if text is None:
        text = cache[key] = str(choices(value).label)
    return text


def cached_text(key: tuple, make: Any) -> str:
    """``make()`` (a text built from translations), computed once per language while the cache is active: the
    same sentence for thousands of subjects is formatted once. ``key`` must name everything the text depends on."""
    cache = getattr(_local, "cache", None)
    if cache is None:
        return make()
    text = cache.get(key)
    if text is None:
        text = cache[key] = make()
    return text


class cached_translations:
    """Context manager: use the cache of the active language inside (re-entrant)."""

    def __enter__(self) -> cached_translations:
        self.outer = getattr(_local, "cache", None)
        if self.outer is None:
            _local.cache = _CACHES.setdefault(get_language() or "", {})
        return self

    def __exit__(self, *exc: object) -> bool:
        if self.outer is None:
            _local.cache = None
        return False
