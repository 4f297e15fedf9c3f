"""Helpers of a unit's own round, shared by the round tests (the fixtures, ``education``, ``school``,
``school_officer``, ``sở_leader``, ``health``..., are personas: ``tests/conftest.py``)."""

from __future__ import annotations

import datetime

from tests.factories import PersonFactory, make_dossier
from units.models import Gender

D = datetime.date
LDTT, CSTDCS, TTLDTT, GIAY_KHEN = ("lao-dong-tien-tien", "chien-si-thi-dua-co-so", "tap-the-lao-dong-tien-tien",
                                   "giay-khen")


def teacher(unit, name: str = "Lương Thị Trang", gender: str = Gender.FEMALE):
    return PersonFactory(full_name=name, gender=gender, unit=unit, position="Giáo viên")


def round_of(unit, officer, body, *, code: str = LDTT, person=None, state: str = "draft", verdict: str = "pending",
             year: int = 2024, complete: bool = True):
    """A round of ``unit`` addressed to ``body`` with one nomination: of ``person`` (a new teacher by default), or of
    the unit itself for a collective title."""
    recipient = None if code == TTLDTT else person or teacher(unit)
    return make_dossier(unit, officer, code=code, body=body, state=state, verdict=verdict, year=year,
                        recipient=recipient, complete=complete)
