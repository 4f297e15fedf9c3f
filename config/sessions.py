"""Sessions: in the database (``DatabaseStore``), or in Redis in front of it (``SessionStore``, ``cached_db``).

Both read the session row with one plain statement instead of the ORM's ``get`` (whose query building cost more CPU
than the database's answer, on every page of a signed-in user); saving and deleting stay Django's.


Django's ``cached_db`` store already saves to the database when the cache fails; loading a session (it refills the
cache), checking whether a new key exists (at every login) and deleting a session (logout) still ask the cache
without a guard, so a Redis outage would stop every page. Here they fall back to the database (logged)."""

from __future__ import annotations

import logging
from functools import cache

from django.contrib.sessions.backends import cached_db, db
from django.db import connections, router
from django.utils import timezone

from config import rawrows

logger = logging.getLogger("django.contrib.sessions")


def read_session(store: db.SessionStore):
    """The store's unexpired session row (a ``Session`` built from one SELECT) or None, as Django's
    ``_get_session_from_db`` (which also forgets the key of a session not found)."""
    model = store.model
    alias = router.db_for_read(model)
    connection = connections[alias]
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT session_key, session_data, expire_date FROM {table} "
                       "WHERE session_key = %s AND expire_date > %s",
                       [store.session_key, connection.ops.adapt_datetimefield_value(timezone.now())])
        row = cursor.fetchone()
    if row is None:
        store._session_key = None
        return None
    return rawrows.instance(connection, alias, model, FIELDS, row, session_converters(alias, model))


FIELDS = ("session_key", "session_data", "expire_date")


@cache
def session_converters(alias: str, model) -> rawrows.Converters:
    return rawrows.converters(connections[alias], model, FIELDS)


class DatabaseStore(db.SessionStore):
    def _get_session_from_db(self):
        return read_session(self)


class SessionStore(cached_db.SessionStore):
    def _get_session_from_db(self):
        return read_session(self)

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
