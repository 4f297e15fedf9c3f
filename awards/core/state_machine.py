"""One state-machine mechanism for every workflow (dossier, campaign, cluster year).

A workflow declares a ``Machine``: its moves table (``Move``: from-states, action, to-state, who may, guard),
its own words (``Texts``: every message the user reads is the workflow's, the engine only assembles), its
history model and its hooks. The machine then answers ``can`` as ``(allowed, reason)``, lists the ``available``
moves of a user, and performs a ``transition``: checks, one compare-and-set UPDATE on the state the user saw
(and, when given, the version the user saw; 0 rows = someone else changed the row: ``Conflict``, nothing is
overwritten), an append-only history row and the machine's in-transaction hook (the notices it writes), then its
on-commit hook. ``claim`` is the same compare-and-set for edits that do not change the state.
Every workflow raises the errors defined here."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from units.models import User

M = TypeVar("M", bound=models.Model)
Answer = tuple[bool, str]  # (allowed, the reason when not)


class WorkflowError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotAllowed(WorkflowError):
    """The user may not do this (or the object is not ready): the message says why."""


class Conflict(WorkflowError):
    """Someone else changed the object since the user loaded it; nothing was written."""


@dataclass(frozen=True)
class Move(Generic[M]):
    """One row of a moves table."""

    action: str
    label: Any  # the staff's words for the move (lazy text)
    sources: frozenset[str]
    target: str
    roles: frozenset[str] = frozenset()  # empty: any role; the permission decides
    permission: Callable[[User, M], Answer] | None = None  # who may, beyond the roles
    guard: Callable[[M], list[str]] | None = None  # what must hold of the object: the problems, or []
    needs_note: bool = False
    officer_label: Any = None  # the unit officer's words, when they differ from the staff's
    style: str = "primary"
    system: bool = False  # performed by another service, never offered as a button
    form: str = ""  # done through its own page (a URL name) rather than a plain button
    confirm: Any = ""  # the question asked before a plain button acts

    def label_for(self, officer: bool) -> Any:
        return (self.officer_label or self.label) if officer else self.label


def table(*moves: Move[M]) -> dict[str, Move[M]]:
    """A moves table keyed by action, in the order given (the order of the buttons)."""
    return {move.action: move for move in moves}


def _unknown() -> str:
    return _("Thao tác không hợp lệ.")


def _wrong_role(move: Move[Any], obj: Any) -> str:
    return _("Vai trò của bạn không được thực hiện thao tác \"%(action)s\".") % {"action": move.label}


def _missing_note(move: Move[Any]) -> str:
    return _("Cần ghi rõ lý do khi \"%(action)s\".") % {"action": move.label}


@dataclass(frozen=True)
class Texts(Generic[M]):
    """A workflow's own messages, built when needed (in the user's language). Every workflow words the wrong
    state and the conflict about its own object; the other three have common words it may replace."""

    wrong_state: Callable[[Move[M], M], str]
    conflict: Callable[[M], str]  # given the row as it is now
    unknown: Callable[[], str] = _unknown
    wrong_role: Callable[[Move[M], M], str] = _wrong_role
    missing_note: Callable[[Move[M]], str] = _missing_note


@dataclass(frozen=True)
class History:
    """The append-only history model: ``owner`` is its foreign key to the moved row."""

    model: type[models.Model]
    owner: str
    from_field: str = "from_state"
    to_field: str = "to_state"


@dataclass(frozen=True)
class Machine(Generic[M]):
    model: type[M]
    moves: Mapping[str, Move[M]]
    texts: Texts[M]
    history: History
    state_field: str = "state"
    version_field: str | None = None  # bumped by every transition and claim when the model has one
    stamp: Callable[[Move[M], M, datetime.datetime], dict[str, Any]] | None = None  # fields a move writes
    on_commit: Callable[[Any, Move[M]], None] | None = None  # run with (pk, move) after the commit
    in_transaction: Callable[[Any, Move[M]], None] | None = None  # run with (pk, move) inside it (outbox entries)
    # run with (obj reloaded, move, actor, note) INSIDE the transaction, after the history row: what must commit or
    # roll back with the move (the in-app notices, ``awards.notices.record``: the outbox of the change)
    on_transition: Callable[[M, Move[M], User, str], None] | None = None

    def state(self, obj: M) -> str:
        return getattr(obj, self.state_field)

    def can(self, user: User, action: str, obj: M) -> Answer:
        """May ``user`` do ``action`` on ``obj`` now? Roles, permission, state, guard, in that order."""
        move = self.moves.get(action)
        if move is None:
            return False, self.texts.unknown()
        if move.roles and not user.has_role(*move.roles):
            return False, self.texts.wrong_role(move, obj)
        if move.permission is not None:
            allowed, reason = move.permission(user, obj)
            if not allowed:
                return False, reason
        if self.state(obj) not in move.sources:
            return False, self.texts.wrong_state(move, obj)
        problems = move.guard(obj) if move.guard is not None else []
        if problems:
            return False, " ".join(problems)
        return True, ""

    def require(self, user: User, action: str, obj: M) -> Move[M]:
        """The move, or ``NotAllowed`` with the reason (for services that check their input in between)."""
        allowed, reason = self.can(user, action, obj)
        if not allowed:
            raise NotAllowed(reason)
        return self.moves[action]

    def available(self, user: User, obj: M) -> list[tuple[Move[M], bool, str]]:
        """The buttons a user sees: moves this user may make from this state, each with whether it works now
        (its guard) and why not. System moves and moves the user may never make are left out."""
        out = []
        for move in self.moves.values():
            if move.system or self.state(obj) not in move.sources:
                continue
            if (move.roles and not user.has_role(*move.roles)) or (
                    move.permission is not None and not move.permission(user, obj)[0]):
                continue
            out.append((move, *self.can(user, move.action, obj)))
        return out

    def transition(self, obj: M, action: str, actor: User, *, note: str = "", expected_state: str | None = None,
                   expected_version: int | None = None, fields: Mapping[str, Any] | None = None) -> M:
        """Move ``obj`` by ``action`` and return it reloaded. ``expected_state`` (default: the object's) and
        ``expected_version`` are what the user saw; ``fields`` are written in the same UPDATE."""
        move = self.moves.get(action)
        if move is None:
            raise NotAllowed(self.texts.unknown())
        seen = expected_state or self.state(obj)
        if seen != self.state(obj):
            raise self._conflict(obj)
        self.require(actor, action, obj)
        note = (note or "").strip()
        if move.needs_note and not note:
            raise NotAllowed(self.texts.missing_note(move))
        now = timezone.now()
        values = {self.state_field: move.target, **(self.stamp(move, obj, now) if self.stamp else {}),
                  **(fields or {})}
        with transaction.atomic():
            self._update(obj, values, {self.state_field: seen}, expected_version)
            self.history.model._default_manager.create(**{
                self.history.owner: obj, "action": action, self.history.from_field: seen,
                self.history.to_field: move.target, "actor": actor, "at": now, "note": note})
            obj.refresh_from_db()
            if self.in_transaction is not None:
                self.in_transaction(obj.pk, move)
            if self.on_transition is not None:
                self.on_transition(obj, move, actor, note)
            if self.on_commit is not None:
                transaction.on_commit(partial(self.on_commit, obj.pk, move))
        return obj

    def claim(self, obj: M, expected_version: int | None = None, *, in_state: str | None = None,
              fields: Mapping[str, Any] | None = None, conflict: Callable[[M], str] | None = None) -> None:
        """An edit that keeps the state: bump the version (and write ``fields``) only if the row still has
        ``expected_version`` (and is still ``in_state``); else ``Conflict`` (``conflict`` words it, when given)."""
        if not self.version_field:
            raise TypeError(f"{self.model.__name__} has no version to claim")
        condition = {self.state_field: in_state} if in_state is not None else {}
        self._update(obj, dict(fields or {}), condition, expected_version, conflict)
        for name, value in (fields or {}).items():
            setattr(obj, name, value)
        current = getattr(obj, self.version_field)
        setattr(obj, self.version_field, (current if expected_version is None else expected_version) + 1)

    def _update(self, obj: M, values: dict[str, Any], condition: dict[str, Any], expected_version: int | None,
                conflict: Callable[[M], str] | None = None) -> None:
        if self.version_field:
            values[self.version_field] = F(self.version_field) + 1
            if expected_version is not None:
                condition[self.version_field] = expected_version
        if not self.model._default_manager.filter(pk=obj.pk, **condition).update(**values):
            raise self._conflict(obj, conflict)

    def _conflict(self, obj: M, words: Callable[[M], str] | None = None) -> Conflict:
        fresh = self.model._default_manager.get(pk=obj.pk)
        return Conflict((words or self.texts.conflict)(fresh))
