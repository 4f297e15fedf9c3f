"""The password backend of the site (Django's ModelBackend) reading the signed-in user of each request in one query.

Every page asks who the user is (the session's user id), what he may do (his roles: group names, and for an officer
or a leader his unit) and, in the header, how many notices he has not read. Django's backend reads the user, then
the roles and the unit on first use: three round trips on every page, and a fourth for the bell. Here one SQL
statement reads the user row, his unit (a join), his group names (an array on PostgreSQL, a JSON array on SQLite)
and the scalar figures named in ``settings.USER_FIGURES`` (the bell's unread count), each stored on the user object
under its name. The statement is written once per process from the models' metadata (the ORM's
compiler would build the same statement again on every page, about a millisecond of CPU). Nothing is cached across
requests: a role removed in the admin or a notice read applies on the next page."""

from __future__ import annotations

import json
from functools import cache

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ValidationError
from django.db import connections, router
from django.utils.module_loading import import_string

from config import rawrows
from units.models import Unit, User


def user_figures() -> dict[str, str]:
    """name -> SQL of a scalar subquery (constant table and column names, "{user}" for the user's id), from
    ``settings.USER_FIGURES`` (name -> dotted path of a function returning that SQL)."""
    return {name: import_string(path)() for name, path in getattr(settings, "USER_FIGURES", {}).items()}


@cache
def statement(alias: str) -> tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...], list, list]:
    """(SQL, user field names, unit field names, figure names, user converters, unit converters) for a database."""
    vendor = connections[alias].vendor
    user_fields = tuple(f.attname for f in User._meta.concrete_fields)
    unit_fields = tuple(f.attname for f in Unit._meta.concrete_fields)
    through = User.groups.through._meta
    group = User.groups.field.related_model._meta
    names = (f"SELECT g.name FROM {group.db_table} g JOIN {through.db_table} ug ON ug.group_id = g.id "
             "WHERE ug.user_id = u.id")
    roles = f"ARRAY({names})" if vendor == "postgresql" else f"(SELECT json_group_array(name) FROM ({names}))"
    columns = [f"u.{User._meta.get_field(f).column}" for f in user_fields]
    columns += [f"n.{Unit._meta.get_field(f).column}" for f in unit_fields]
    columns.append(roles)
    figures = user_figures()
    columns += [sql.format(user="u.id") for sql in figures.values()]
    sql = (f"SELECT {', '.join(columns)} FROM {User._meta.db_table} u "
           f"LEFT JOIN {Unit._meta.db_table} n ON n.id = u.unit_id WHERE u.id = %s")
    return (sql, user_fields, unit_fields, tuple(figures),
            rawrows.converters(connections[alias], User, user_fields),
            rawrows.converters(connections[alias], Unit, unit_fields))


def read_user(user_id) -> User | None:
    """The user with his unit, group names and registered figures, or None."""
    try:
        user_id = User._meta.pk.to_python(user_id)
    except (ValidationError, TypeError, ValueError):  # a session naming no valid id: an anonymous visitor
        return None
    alias = router.db_for_read(User)
    connection = connections[alias]
    sql, user_fields, unit_fields, figures, user_converters, unit_converters = statement(alias)
    with connection.cursor() as cursor:
        cursor.execute(sql, [user_id])
        row = cursor.fetchone()
    if row is None:
        return None
    width = len(user_fields)
    user = rawrows.instance(connection, alias, User, user_fields, row[:width], user_converters)
    unit_values = row[width:width + len(unit_fields)]
    user._state.fields_cache["unit"] = (
        rawrows.instance(connection, alias, Unit, unit_fields, unit_values, unit_converters)
        if user.unit_id is not None else None)
    rest = row[width + len(unit_fields):]
    names = rest[0]
    user.group_names = json.loads(names) if isinstance(names, str) else list(names or [])
    for name, value in zip(figures, rest[1:], strict=True):
        setattr(user, name, value)
    return user


class SessionUserBackend(ModelBackend):
    def get_user(self, user_id):
        user = read_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
