"""Calendar arithmetic the apps share (working days are in core.working_days), and the one
way dates and times are written (GOV.UK style: "24 December 2026", "9:40am"). Templates use
the filters govuk_date / govuk_time / govuk_datetime (core/templatetags/govuk.py), which call
these; Python code writing a date into a message calls these directly."""

from __future__ import annotations

import calendar
from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.utils import timezone


def format_date(value: date | datetime | None) -> str:
    """24 December 2026 (a datetime is shown in local time)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{value.day} {value:%B %Y}"


def format_time(value: datetime | time | None) -> str:
    """9:40am, 5:05pm, midday, midnight (GOV.UK style: 12-hour clock, no leading zero)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = (timezone.localtime(value) if timezone.is_aware(value) else value).time()
    if value.minute == 0 and value.hour == 12:
        return "midday"
    if value.minute == 0 and value.hour == 0:
        return "midnight"
    hour = value.hour % 12 or 12
    return f"{hour}:{value.minute:02d}{'am' if value.hour < 12 else 'pm'}"


def format_datetime(value: datetime | None) -> str:
    """24 December 2026 at 9:40am."""
    if value is None:
        return ""
    return f"{format_date(value)} at {format_time(value)}"


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when that month is shorter)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def require_not_future(day: date | None, *, field: str) -> None:
    """Refuse a date after today for `field` (the day something was done cannot be to come);
    no date is left to the caller's own rules."""
    if day is not None and day > timezone.localdate():
        raise ValidationError({field: "The date cannot be in the future."})
