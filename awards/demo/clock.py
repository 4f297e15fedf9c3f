"""The demo clock: the story runs on its historical days, so nothing depends on the day the loader runs."""

from __future__ import annotations

import contextlib
import datetime
import itertools
from collections.abc import Iterator
from unittest import mock

from django.utils import timezone

from awards.demo.base import D


@contextlib.contextmanager
def clock(day: D, hour: int = 8, minute: int = 0) -> Iterator[None]:
    """Make ``timezone.now()`` read ``day`` at ``hour:minute`` (local time), one second later at each call, so
    every stamp the services write (history, votes, publication) falls on the story's own days, in order."""
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))
    ticks = itertools.count()
    with mock.patch("django.utils.timezone.now", lambda: start + datetime.timedelta(seconds=next(ticks))):
        yield
