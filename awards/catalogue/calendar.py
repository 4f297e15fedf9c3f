"""Working days: weekends and the holiday table do not count toward deadlines."""

from __future__ import annotations

import datetime

from awards.models import Holiday, ProcessingTimeLimit


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The date ``days`` working days after ``start`` (``start`` itself does not count). One query."""
    horizon = start + datetime.timedelta(days=days * 3 + 30)
    holidays = set(Holiday.objects.filter(date__gt=start, date__lte=horizon).values_list("date", flat=True))
    day, remaining = start, days
    while remaining > 0:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5 and day not in holidays:
            remaining -= 1
    return day


def working_days_for(occasion: str) -> int:
    """The appraisal limit for an occasion: its own row, else the default row, else 15."""
    rows = ProcessingTimeLimit.objects.filter(occasion__in=[occasion, ""]).values_list("occasion", "working_days")
    limits = dict(rows)
    return limits.get(occasion) or limits.get("") or 15


def due_date(received_on: datetime.date, occasion: str) -> datetime.date:
    return add_working_days(received_on, working_days_for(occasion))


def working_days_left(today: datetime.date, due: datetime.date) -> int:
    """Working days after ``today`` up to and including ``due``: 0 on the due date (or when only days off lie
    between), negative once it has passed (the working days overdue, counting ``due``'s day off as none). One query."""
    if due < today:
        holidays = set(Holiday.objects.filter(date__gt=due, date__lte=today).values_list("date", flat=True))
        span = [due + datetime.timedelta(days=n) for n in range(1, (today - due).days + 1)]
        return -sum(1 for day in span if day.weekday() < 5 and day not in holidays)
    holidays = set(Holiday.objects.filter(date__gt=today, date__lte=due).values_list("date", flat=True))
    span = [today + datetime.timedelta(days=n) for n in range(1, (due - today).days + 1)]
    return sum(1 for day in span if day.weekday() < 5 and day not in holidays)
