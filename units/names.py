"""Turning a unit's name as people write it into a unit: "UBND xã Hiệp Hạ", "Ủy ban nhân dân xã Hiệp Hạ", "xã Hiệp
Hạ" and "Xã Hiệp Hạ" are one unit. Every place that reads a typed unit name (the nominee import, the collective
name of the nomination form) asks ``resolve_unit`` or, for many names at once, a ``UnitNames`` index.

How a text is compared with a unit's name, short name and aliases (``UnitAlias``):

* NFC, case and punctuation ignored; a leading "UBND" / "Ủy ban nhân dân" / "Uỷ ban nhân dân" dropped
  (``units.text.without_generic_prefix``), on both sides.
* A text typed without any Vietnamese mark ("ubnd xa hiep ha") is compared without accents. A text written with
  marks must carry the right ones, wherever the tone sits ("Uỷ" = "Ủy", "Hoà" = "Hòa"): "Hiệp Ha" is not taken for
  "Hiệp Hạ" (Hà, Hạ, Hả are different places) but offered as a suggestion.
* Names and aliases in force on the day (the unit active, the alias valid) come first, then short names; a name
  that is no longer in force resolves to the unit as it stood on the day (an old commune's name after the 2025
  merger gives the commune formed from it); last, any unit of that name.
* ``scope_ids`` (the units a dossier may name, ``units.scope``): a unit outside it is never returned; a name found
  only outside it is a ``Miss`` of its own kind, worded the same as a person or household outside the scope.

An unknown name is reported with the closest names (by folded similarity) of the units in scope.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from django.conf import settings

from units.models import Unit, UnitAlias
from units.scope import MSG_OUTSIDE_SCOPE
from units.text import fold, has_marks, nfc, tone_key, without_generic_prefix

UNKNOWN, AMBIGUOUS, OUTSIDE = "unknown", "ambiguous", "outside"

MSG_UNKNOWN = "Không tìm thấy đơn vị '{value}'."
MSG_SUGGESTIONS = " Có phải: {names}?"
MSG_AMBIGUOUS = ("Tên '{value}' khớp với nhiều đơn vị trong danh mục, không xác định được đơn vị nào; "
                 "hãy ghi tên đầy đủ.")
MSG_OUTSIDE = "Đơn vị '{value}' " + MSG_OUTSIDE_SCOPE

MAX_SUGGESTIONS = 3
SUGGESTION_CUTOFF = 0.75


@dataclass(frozen=True)
class Miss:
    """A name that gives no unit: ``reason`` is ``UNKNOWN`` (with the closest names in scope), ``AMBIGUOUS`` or
    ``OUTSIDE`` (the name is a unit outside the scope)."""

    text: str
    reason: str
    suggestions: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        if self.reason == OUTSIDE:
            return MSG_OUTSIDE.format(value=self.text)
        if self.reason == AMBIGUOUS:
            return MSG_AMBIGUOUS.format(value=self.text)
        message = MSG_UNKNOWN.format(value=self.text)
        if self.suggestions:
            message += MSG_SUGGESTIONS.format(names=", ".join(self.suggestions))
        return message


def name_keys(text: str | None) -> tuple[str, str]:
    """(accent-free key, key keeping vowel shapes and tones) of a unit name as typed."""
    core = without_generic_prefix(text)
    return fold(core), tone_key(core)


@dataclass(frozen=True)
class _Entry:
    unit: Unit
    toned: str
    short: bool = False
    alias: UnitAlias | None = None

    def in_force(self, day: datetime.date) -> bool:
        return self.unit.is_active_on(day) and (self.alias is None or self.alias.is_valid_on(day))


@dataclass
class UnitNames:
    """Every unit's names, short names and aliases in memory (three queries: units, aliases, merger links), for
    resolving many names against one day and one scope."""

    day: datetime.date
    scope_ids: Collection[int] | None = None
    _by_key: dict[str, list[_Entry]] = field(default_factory=dict, init=False)
    _units: dict[int, Unit] = field(default_factory=dict, init=False)
    _successors: dict[int, list[int]] = field(default_factory=dict, init=False)
    _suggested: dict[str, tuple[str, ...]] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        if self.scope_ids is not None:
            self.scope_ids = frozenset(self.scope_ids)
        self._units = {unit.pk: unit for unit in Unit.objects.order_by("pk")}
        for unit in self._units.values():
            self._add(unit.name, _Entry(unit, name_keys(unit.name)[1]))
            if unit.short_name:
                self._add(unit.short_name, _Entry(unit, name_keys(unit.short_name)[1], short=True))
        for alias in UnitAlias.objects.order_by("pk"):
            unit = self._units[alias.unit_id]
            folded = alias.folded or name_keys(alias.name)[0]  # a row written around save() has no folded form
            self._by_key.setdefault(folded, []).append(_Entry(unit, name_keys(alias.name)[1], alias=alias))
        links = Unit.predecessors.through.objects.values_list("to_unit_id", "from_unit_id")
        for predecessor, successor in links:
            self._successors.setdefault(predecessor, []).append(successor)

    def _add(self, text: str, entry: _Entry) -> None:
        self._by_key.setdefault(name_keys(text)[0], []).append(entry)

    def in_scope(self, unit: Unit) -> bool:
        return self.scope_ids is None or unit.pk in self.scope_ids

    def resolve(self, text: str, suggest: bool = True) -> Unit | Miss:
        """The unit ``text`` names, or why there is none (with the closest names unless ``suggest`` is off)."""
        text = nfc(text)
        folded, toned = name_keys(text)
        entries = self._by_key.get(folded, []) if folded else []
        if has_marks(without_generic_prefix(text)):
            entries = [entry for entry in entries if entry.toned == toned]
        found = self._pick(entries)
        if isinstance(found, Unit):
            return found
        if found == AMBIGUOUS:
            return Miss(text, AMBIGUOUS)
        if entries:  # every entry's unit is outside the scope
            return Miss(text, OUTSIDE)
        return Miss(text, UNKNOWN, self._suggestions(folded) if suggest else ())

    def resolve_collective(self, text: str) -> Unit | Miss | None:
        """A collective nominee's name: the unit it names, a ``Miss`` to refuse (a unit outside the scope, a name
        several units share), or None for a name no unit has, kept as written ("Tổ Toán - Tin, Trường THPT Việt
        Bắc")."""
        found = self.resolve(text, suggest=False)  # a free-text name needs no suggestion
        if isinstance(found, Miss) and found.reason == UNKNOWN:
            return None
        return found

    def _pick(self, entries: list[_Entry]) -> Unit | str | None:
        """The unit in scope named by the first tier that names one, ``AMBIGUOUS`` when that tier names several,
        else None."""
        current = [entry for entry in entries if entry.in_force(self.day)]
        tiers: list[Iterable[Unit]] = [
            [entry.unit for entry in current if not entry.short],
            [entry.unit for entry in current if entry.short],
            [unit for entry in entries if not entry.in_force(self.day) for unit in self._as_it_stood(entry.unit)],
            [entry.unit for entry in entries],
        ]
        for tier in tiers:
            units = {unit.pk: unit for unit in tier if self.in_scope(unit)}
            if len(units) == 1:
                return next(iter(units.values()))
            if units:
                return AMBIGUOUS
        return None

    def _as_it_stood(self, unit: Unit) -> list[Unit]:
        """The units in force on the day that ``unit`` is or became (following mergers forward)."""
        if unit.is_active_on(self.day):
            return [unit]
        if unit.valid_to is None or unit.valid_to >= self.day:
            return []  # not yet formed on the day
        found, frontier, seen = [], [unit.pk], {unit.pk}
        while frontier:
            following = [pk for current in frontier for pk in self._successors.get(current, []) if pk not in seen]
            seen.update(following)
            found += [self._units[pk] for pk in following if self._units[pk].is_active_on(self.day)]
            frontier = [pk for pk in following if not self._units[pk].is_active_on(self.day)]
        return found

    def _suggestions(self, folded: str) -> tuple[str, ...]:
        if not folded:
            return ()
        if folded not in self._suggested:
            self._suggested[folded] = self._closest(folded)
        return self._suggested[folded]

    def _closest(self, folded: str) -> tuple[str, ...]:
        keys = [key for key, entries in self._by_key.items() if any(self.in_scope(e.unit) for e in entries)]
        names: list[str] = []
        for key in difflib.get_close_matches(folded, keys, n=MAX_SUGGESTIONS, cutoff=SUGGESTION_CUTOFF):
            entries = [entry for entry in self._by_key[key] if self.in_scope(entry.unit)]
            entries.sort(key=lambda entry: not entry.in_force(self.day))
            for entry in entries:
                if entry.unit.name not in names:
                    names.append(entry.unit.name)
        return tuple(names[:MAX_SUGGESTIONS])


def resolve_unit(text: str, day: datetime.date, scope_ids: Collection[int] | None = None) -> Unit | Miss:
    """The unit ``text`` names on ``day`` among ``scope_ids`` (None: the whole province), or why there is none."""
    return UnitNames(day, scope_ids).resolve(text)


def name_on(unit: Unit, day: datetime.date) -> str:
    """``unit``'s name as it stood on ``day``: a dated alias in force that day (a name it bore before a renaming or a
    merger, kept as an alias with its end date), else its current name."""
    for alias in unit.aliases.filter(valid_to__isnull=False).order_by("-valid_to", "pk"):
        if alias.is_valid_on(day):
            return alias.name
    return unit.name


# NĐ 30/2020/NĐ-CP Phụ lục II (viết hoa tên địa lý): in a phrase the common noun of an administrative unit is
# written in lower case ("thành phố Thái Nguyên", "tỉnh Nam Định", "huyện Cao Lộc"); with a number it keeps its
# capital ("Quận 1"), and so with a name of a person or an event ("Xã Hoàng Văn Thụ", "Phường Điện Biên Phủ"),
# which the name alone does not tell: the province lists them (settings.PLACE_NAMES_KEEPING_CAPITAL). Unit names
# are stored as they start a line ("Huyện Cao Lộc").
_PLACE_NOUN = re.compile(r"^(Tỉnh|Thành phố|Thị xã|Huyện|Quận|Thị trấn|Xã|Phường|Thôn|Tổ dân phố|Bản|Khối)\s")
# Kinds whose papers are sent by their People's Committee ("UBND huyện Tràng Định tại Tờ trình số …/TTr-UBND").
_COMMITTEE_KINDS = frozenset({"huyen", "xa_phuong"})


def as_place(name: str) -> str:
    """``name`` inside a phrase: "Huyện Cao Lộc" → "huyện Cao Lộc", "Quận 1" unchanged, other names unchanged."""
    match = _PLACE_NOUN.match(name)
    proper = name[match.end():].strip() if match else ""
    # a proper name follows (not "Huyện đoàn …"), not a number ("Quận 1"), not one the province keeps capital
    if not proper[:1].isupper() or proper in settings.PLACE_NAMES_KEEPING_CAPITAL:
        return name
    return name[:match.end()].lower() + name[match.end():]


def sender_name(unit: Unit, day: datetime.date) -> str:
    """Who sends ``unit``'s papers on ``day``: a district or a commune by its People's Committee ("UBND huyện
    Tràng Định"), any other unit by its name."""
    name = name_on(unit, day)
    if unit.kind in _COMMITTEE_KINDS and _PLACE_NOUN.match(name) and not fold(name).startswith("ubnd"):
        return f"UBND {as_place(name)}"
    return name
