"""Rows read with one plain SQL statement turned into model instances as the ORM would give them.

Two reads happen on every page (the session, then the user with his unit and roles); building their statements
through the ORM costs more CPU than the database spends answering them. ``converters`` finds once per process what
the ORM would do to each column's raw value (SQLite returns dates as text and booleans as integers; a field's own
``from_db_value``), ``instance`` applies it and builds the object with ``Model.from_db``."""

from __future__ import annotations

from typing import Any

from django.db.models import Model

Converters = list[tuple[int, list, Any]]


def converters(connection, model: type[Model], fields: tuple[str, ...]) -> Converters:
    """(position, converter functions, column) of the fields whose raw value the ORM converts on ``connection``."""
    found = []
    for position, name in enumerate(fields):
        field = model._meta.get_field(name)
        column = field.get_col(model._meta.db_table)
        functions = connection.ops.get_db_converters(column) + field.get_db_converters(connection)
        if functions:
            found.append((position, functions, column))
    return found


def instance(connection, alias: str, model: type[Model], fields: tuple[str, ...], values,
             found: Converters) -> Model:
    """``model`` built from the raw ``values`` of ``fields`` (in that order), converted by ``found``."""
    values = list(values)
    for position, functions, column in found:
        for function in functions:
            values[position] = function(values[position], column, connection)
    return model.from_db(alias, fields, values)
