"""Counters in the shared cache (Redis, or the database cache: ``config.cache``), for every throttle of the site:
failed logins (``units.security.throttle``), password-reset requests (``units.security.views``). Keys carry a
keyed hash of what they count (an e-mail address, a user name, a client address), never the value itself."""

from __future__ import annotations

import hashlib
import hmac
import logging

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)


def key(kind: str, value: str) -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()[:40]
    return f"{kind}:{digest}"


def count(name: str, window: int, *, extend: bool = False) -> int:
    """One more under ``name``; the count now. A new counter lives ``window`` seconds from its first event, or from
    its latest one with ``extend`` (a lock that each new failure prolongs). The cache unreachable (Redis down):
    nothing is counted and the error is logged; logins and resets keep working (they fail open, not closed)."""
    try:
        if cache.add(name, 1, window):
            return 1
        try:
            value = cache.incr(name)
        except ValueError:  # expired between add and incr
            cache.set(name, 1, window)
            return 1
        if extend:
            cache.touch(name, window)
        return value
    except Exception:
        logger.exception("Bộ nhớ đệm dùng chung không trả lời: không đếm được %s.", name.split(":")[0])
        return 0


def current(name: str) -> int:
    try:
        return cache.get(name) or 0
    except Exception:
        logger.exception("Bộ nhớ đệm dùng chung không trả lời.")
        return 0


def forget(*names: str) -> int:
    """Delete counters; how many existed."""
    try:
        return sum(1 for name in names if cache.delete(name))
    except Exception:
        logger.exception("Bộ nhớ đệm dùng chung không trả lời.")
        return 0
