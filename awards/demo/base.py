"""Upsert by natural key: a second run finds every row and changes nothing.

A row is saved only when one of its seeded values differs, so ``auto_now`` stamps and primary keys stay
as they were; every value passes ``full_clean`` before it is written.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from django.db import models

from units.text import nfc

M = TypeVar("M", bound=models.Model)

D = datetime.date


def label(model: type[models.Model]) -> str:
    """The key used in the counts returned by the loaders, e.g. ``units.Unit``."""
    return f"{model._meta.app_label}.{model.__name__}"


def _normal(value: Any) -> Any:
    # Strings are stored NFC with single spaces (the models' save() does the same for names).
    return nfc(value) if isinstance(value, str) else value


def differs(obj: models.Model, name: str, value: Any) -> bool:
    field = obj._meta.get_field(name)
    if field.is_relation and field.many_to_one:
        wanted = value.pk if isinstance(value, models.Model) else value
        return getattr(obj, field.attname) != wanted
    return getattr(obj, name) != value


def upsert(model: type[M], lookup: Mapping[str, Any], values: Mapping[str, Any] | None = None) -> M:
    """Find ``model`` by ``lookup`` (its natural key) and make ``values`` hold; create it if missing."""
    lookup = {name: _normal(value) for name, value in lookup.items()}
    values = {name: _normal(value) for name, value in (values or {}).items()}
    obj = model._default_manager.filter(**lookup).order_by("pk").first()
    if obj is None:
        obj = model(**lookup, **values)
    else:
        changed = [name for name, value in values.items() if differs(obj, name, value)]
        if not changed:
            return obj
        for name in changed:
            setattr(obj, name, values[name])
    obj.full_clean()
    obj.save()
    return obj
