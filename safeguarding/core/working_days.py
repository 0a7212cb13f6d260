"""Working days in England and Wales: Monday to Friday except bank holidays.

Bank holidays come from the maintained `holidays` library (subdivision ENG; England and Wales share
the same bank holidays), never from dates written into the code. Day 1 is the first working day
after the clock starts (statutory-rules.md).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> frozenset[date]:
    calendar = holidays.country_holidays("GB", subdiv="ENG", years=year)
    return frozenset(calendar.keys())


def bank_holidays(year: int) -> list[date]:
    """The England and Wales bank holidays of a calendar year, in date order."""
    return sorted(_bank_holidays(year))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def _step_working_days(day: date, days: int, step: timedelta) -> date:
    """The date `days` working days from `day`, a `step` (a day on or a day back) at a time."""
    if days < 0:
        raise ValueError("days must not be negative")
    remaining = days
    while remaining:
        day += step
        if is_working_day(day):
            remaining -= 1
    return day


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days after `start` (start itself is day 0, whatever it is)."""
    return _step_working_days(start, days, timedelta(days=1))


def subtract_working_days(end: date, days: int) -> date:
    """The date `days` working days before `end`."""
    return _step_working_days(end, days, timedelta(days=-1))


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    if end <= start:
        return 0
    count = 0
    current = start
    while current < end:
        current += timedelta(days=1)
        if is_working_day(current):
            count += 1
    return count
