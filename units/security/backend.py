"""The password backend of the site (Django's ModelBackend) reading the signed-in user of each request in one query.

Every page asks who the user is (the session's user id) and what he may do (his roles: group names, and for an
officer or a leader his unit). Django's backend reads the user, then the roles and the unit on first use: three
round trips on every page. Here the user row comes with his unit (a join) and, on PostgreSQL, his group names (an
array subquery), so a page pays one. SQLite has no array subquery: there the roles are read on first use, as
before. Nothing is cached across requests: a role removed in the admin applies on the next page."""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group
from django.contrib.postgres.expressions import ArraySubquery
from django.db import connections, router
from django.db.models import OuterRef

from units.models import User


class SessionUserBackend(ModelBackend):
    def get_user(self, user_id):
        users = User._default_manager.select_related("unit")
        if roles_read_with_user():
            users = users.annotate(group_names=ArraySubquery(
                Group.objects.filter(user=OuterRef("pk")).order_by().values("name")))
        user = users.filter(pk=user_id).first()  # ``User.roles`` reads ``group_names`` when it is there
        return user if user is not None and self.user_can_authenticate(user) else None


def roles_read_with_user() -> bool:
    """Whether ``SessionUserBackend`` reads the roles in the user's query (PostgreSQL) or on first use (SQLite)."""
    return connections[router.db_for_read(User)].vendor == "postgresql"
