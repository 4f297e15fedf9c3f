"""The bell in the header: the user's unread notices, counted in one query, only when a page shows it."""

from __future__ import annotations

from functools import cache

from awards.models import Notice


def bell(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    @cache
    def notice_unread() -> int:  # templates call it; the first call queries, the others reuse the number
        return Notice.objects.filter(recipient_id=user.pk, read_at__isnull=True).count()

    return {"notice_unread": notice_unread}
