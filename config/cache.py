"""The shared cache without Redis: Django's database cache with an atomic ``incr``.

Without ``CACHE_URL`` the cache (failed-login and password-reset counters, API and /verify/ rate limits) lives in
the application's database, which every web process and node shares. Django's own ``DatabaseCache.incr`` reads,
adds and writes back without a lock and resets the entry's expiry to the default timeout: two processes counting
the same failed login at once would lose one. Here the row is locked (``SELECT … FOR UPDATE`` where the database
has it; SQLite serialises writers) and the expiry is kept, as Redis' ``INCRBY`` does.
"""

from __future__ import annotations

import base64
import pickle

from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction
from django.utils import timezone

TABLE = "tdkt_cache"


class SharedDatabaseCache(DatabaseCache):
    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote = connection.ops.quote_name
        table = quote(self._table)
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        now = connection.ops.adapt_datetimefield_value(timezone.now().replace(microsecond=0))
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {quote('value')} FROM {table} WHERE {quote('cache_key')} = %s "
                f"AND {quote('expires')} >= %s{lock}", [key, now])
            row = cursor.fetchone()
            if row is None:
                raise ValueError(f"Key '{key}' not found.")
            value = pickle.loads(base64.b64decode(row[0].encode())) + delta
            encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            cursor.execute(f"UPDATE {table} SET {quote('value')} = %s WHERE {quote('cache_key')} = %s",
                           [encoded, key])
        return value

    def decr(self, key, delta=1, version=None):
        return self.incr(key, -delta, version)
