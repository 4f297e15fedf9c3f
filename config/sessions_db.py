"""``SESSION_ENGINE`` without Redis: Django's database store, reading the session row in one plain statement."""

from config.sessions import DatabaseStore as SessionStore

__all__ = ["SessionStore"]
