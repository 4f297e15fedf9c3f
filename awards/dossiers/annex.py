"""What the annex (danh sách kèm theo) prints after each name, as it stood on the decision date: an individual's
position and unit (the unit once: "Phó Giám đốc Sở Tư pháp", not "Phó Giám đốc Sở Tư pháp, Sở Tư pháp"; a
division, village or commune with the unit above it: "Trưởng phòng Quản lý ngân sách, Sở Tài chính"), a
collective with the unit it belongs to ("Phòng Quản lý Văn hóa, Sở Văn hóa, Thể thao và Du lịch"), a household's
address without the district once districts are gone (from 01/7/2025 local government has two levels, tỉnh and
xã: Luật Tổ chức chính quyền địa phương số 72/2025/QH15). Unit names are those in force on the day
(``units.names.name_on``); inside the line an administrative unit's common noun is in lower case ("Xã Hiệp Hạ,
huyện Lộc Bình": NĐ 30/2020/NĐ-CP Phụ lục II, ``units.names.as_place``)."""

from __future__ import annotations

import datetime
import re

from awards.models import Nomination
from units.models import Unit, UnitKind
from units.names import as_place, name_on
from units.text import fold

# The first day without districts (huyện, thị xã, thành phố thuộc tỉnh): docs/legal-sources.md, "Decision wording".
TWO_LEVEL_START = datetime.date(2025, 7, 1)
_DISTRICT = re.compile(r"^(huyện|thị xã|quận|thành phố)\s", re.IGNORECASE)
# A parent that adds nothing to a collective's name: the province itself.
_NO_PARENT = {UnitKind.PROVINCE}
# Units a person's line names together with the unit above them: a division of which Sở, a village or a commune
# of which district (a school or a Sở is known by its own name).
_NAMED_WITH_PARENT = {UnitKind.DIVISION, UnitKind.VILLAGE, UnitKind.COMMUNE}


def _contains(text: str, name: str) -> bool:
    return bool(name) and fold(name) in fold(text)


def _parent_name(unit: Unit, day: datetime.date) -> str:
    parent = unit.parent
    return "" if parent is None or parent.kind in _NO_PARENT else name_on(parent, day)


def person_detail(position: str, unit: Unit | None, day: datetime.date) -> str:
    """"Trưởng phòng Kế hoạch tổng hợp, Bệnh viện Đa khoa tỉnh"; the unit left out when the position names it,
    the unit above a division, village or commune added unless the line already names it."""
    position = position.strip()
    if unit is None:
        return position
    unit_name = name_on(unit, day)
    parts = [position, "" if _contains(position, unit_name) else as_place(unit_name)]
    parent_name = _parent_name(unit, day) if unit.kind in _NAMED_WITH_PARENT else ""
    if parent_name and not _contains(", ".join(parts), parent_name):
        parts.append(as_place(parent_name))
    return ", ".join(part for part in parts if part)


def collective_detail(unit: Unit | None, collective_name: str, proposer: Unit, day: datetime.date) -> str:
    """The unit a collective belongs to: its parent in the tree (not the province), or, for a collective named in
    words, the proposing unit unless the name already says it."""
    if unit is not None:
        parent_name = _parent_name(unit, day)
        return "" if not parent_name or _contains(name_on(unit, day), parent_name) else as_place(parent_name)
    proposer_name = name_on(proposer, day)
    return "" if _contains(collective_name, proposer_name) else as_place(proposer_name)


def household_address(address: str, day: datetime.date) -> str:
    """The address as written on ``day``: from 01/7/2025 the district part ("huyện Bình Gia") is dropped."""
    parts = [part.strip() for part in (address or "").split(",") if part.strip()]
    if day >= TWO_LEVEL_START:
        parts = [part for part in parts if not _DISTRICT.match(part)]
    return ", ".join(as_place(part) for part in parts)


def line_detail(nomination: Nomination, day: datetime.date) -> str:
    if nomination.person_id:
        person = nomination.person
        return person_detail(person.position or "", person.unit if person.unit_id else None, day)
    if nomination.household_id:
        return household_address(nomination.household.address, day)
    if nomination.unit_id or nomination.collective_name:
        return collective_detail(nomination.unit if nomination.unit_id else None, nomination.collective_name or "",
                                 nomination.dossier.unit, day)
    return ""


def collective_name(nomination: Nomination, day: datetime.date) -> str:
    """A collective of the unit tree by its name on ``day``; one named in words as written."""
    if nomination.unit_id and not nomination.collective_name:
        return name_on(nomination.unit, day)
    return nomination.recipient_name
