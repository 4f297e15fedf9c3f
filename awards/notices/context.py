"""The bell in the header: the user's unread notices, read with the user himself (one query per page, see
``units.security.backend``), or counted here when the user came another way (a test's ``force_login`` keeps the
backend's object; a user built by hand)."""

from __future__ import annotations

from functools import cache

from awards.models import Notice

FIGURE = "unread_notice_count"


def unread_sql() -> str:
    """The unread count as a figure of the per-request user query (``settings.USER_FIGURES``)."""
    meta = Notice._meta
    recipient, read_at = meta.get_field("recipient").column, meta.get_field("read_at").column
    return f"(SELECT COUNT(*) FROM {meta.db_table} WHERE {recipient} = {{user}} AND {read_at} IS NULL)"


def bell(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    known = getattr(user, FIGURE, None)
    if known is not None:
        return {"notice_unread": known}

    @cache
    def notice_unread() -> int:  # templates call it; the first call queries, the others reuse the number
        return Notice.objects.filter(recipient_id=user.pk, read_at__isnull=True).count()

    return {"notice_unread": notice_unread}
