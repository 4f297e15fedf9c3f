"""Sessions in Redis in front of the database (``cached_db``) that survive a Redis outage.

Django's ``cached_db`` store already saves to the database when the cache fails; loading a session (it refills the
cache), checking whether a new key exists (at every login) and deleting a session (logout) still ask the cache
without a guard, so a Redis outage would stop every page. Here they fall back to the database (logged)."""

from __future__ import annotations

import logging

from django.contrib.sessions.backends import cached_db
from django.contrib.sessions.backends.db import SessionStore as DatabaseStore

logger = logging.getLogger("django.contrib.sessions")


class SessionStore(cached_db.SessionStore):
    def load(self):
        try:
            return super().load()
        except Exception:
            logger.exception("Error reading from cache (%s)", self._cache)
            return DatabaseStore.load(self)

    def exists(self, session_key):
        try:
            return super().exists(session_key)
        except Exception:
            logger.exception("Error reading from cache (%s)", self._cache)
            return DatabaseStore.exists(self, session_key)

    def delete(self, session_key=None):
        try:
            super().delete(session_key)
        except Exception:
            logger.exception("Error deleting from cache (%s)", self._cache)
