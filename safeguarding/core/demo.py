"""What every app's demo seeding (`<app>/demo.py`) shares: its progress lines and its times of day.

The demo data itself is each app's own; only these steps are the same everywhere.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TextIO

from django.utils import timezone


def say(stdout: TextIO | None, text: str) -> None:
    """Write one progress line to the command's output, if it has one (tests pass none)."""
    if stdout is not None:
        stdout.write(text + "\n")


def aware_at(day: date, hour: int = 10) -> datetime:
    """The day at the hour, in the project's time zone."""
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))
