"""The English catalogue is complete: no empty and no fuzzy entry, and the compiled .mo holds what the .po says.

Read with a small PO reader (no gettext tools needed in the test run). `make messages` refreshes the catalogue."""

from __future__ import annotations

import ast
import gettext
from pathlib import Path

from django.conf import settings

PO = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")


def _entries() -> list[dict]:
    entries = []
    for block in PO.read_text(encoding="utf-8").strip("\n").split("\n\n"):
        entry: dict = {"flags": set(), "ctx": None, "id": None, "plural": None, "str": {}}
        field: tuple | None = None
        obsolete = False
        for line in block.split("\n"):
            if line.startswith("#~"):
                obsolete = True
            elif line.startswith("#,"):
                entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                value = ast.literal_eval(line)
                if field[0] == "str":
                    entry["str"][field[1]] += value
                else:
                    entry[field[0]] += value
            else:
                keyword, _, rest = line.partition(" ")
                value = ast.literal_eval(rest)
                if keyword == "msgctxt":
                    entry["ctx"], field = value, ("ctx",)
                elif keyword == "msgid":
                    entry["id"], field = value, ("id",)
                elif keyword == "msgid_plural":
                    entry["plural"], field = value, ("plural",)
                elif keyword == "msgstr":
                    entry["str"][0], field = value, ("str", 0)
                else:  # msgstr[N]
                    n = int(keyword[len("msgstr["):-1])
                    entry["str"][n], field = value, ("str", n)
        if not obsolete and entry["id"]:
            entries.append(entry)
    return entries


def _name(entry: dict) -> str:
    return f"[{entry['ctx']}] {entry['id']}" if entry["ctx"] else entry["id"]


def test_the_catalogue_has_many_entries():
    assert len(_entries()) > 2000


def test_no_entry_is_fuzzy():
    assert [_name(e) for e in _entries() if "fuzzy" in e["flags"]] == []


def test_no_entry_is_left_untranslated():
    assert [_name(e) for e in _entries() if not e["str"] or any(v == "" for v in e["str"].values())] == []


def test_placeholders_are_kept_in_the_translation():
    import re

    placeholder = re.compile(r"%\(\w+\)s|\{\{ ?\w+ ?\}\}")
    wrong = []
    for e in _entries():
        wanted = sorted(set(placeholder.findall(e["id"]))) if "python-format" in e["flags"] else []
        for text in e["str"].values():
            if wanted and sorted(set(placeholder.findall(text))) != wanted:
                # A singular form may leave the number out ("one nomination"), never add or rename one.
                if not set(placeholder.findall(text)) <= set(wanted) or e["plural"] is None:
                    wrong.append(_name(e))
    assert wrong == []


def test_the_compiled_catalogue_matches_the_source():
    with MO.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = []
    for e in _entries():
        key = f"{e['ctx']}\x04{e['id']}" if e["ctx"] else e["id"]
        if e["plural"] is None:
            if compiled._catalog.get(key) != e["str"][0]:
                stale.append(_name(e))
        elif compiled._catalog.get((key, 1)) != e["str"][1]:
            stale.append(_name(e))
    assert stale == []
