"""The contract between the domain apps and the annual report.

Each app that contributes to the annual report has a `reporting.py` with plain functions that
return typed values for a ReportingYear, and one entry point:

    def report_section(year: ReportingYear) -> ReportSection

`annual_reports` calls the entry points listed in settings.ANNUAL_REPORT_SECTIONS, in order, and
renders each section's `template` with `{"year": year, "figures": section.figures}`. Figures are
computed from records every time; nothing in a section template is a hard-coded number.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ReportSection:
    key: str
    title: str
    template: str
    figures: Any


def percent(part: int, whole: int) -> int | None:
    """A whole-number percentage rounded half up, as the partnership's reports do
    (22.5% shows as 23%). None when the whole is zero."""
    if whole == 0:
        return None
    return (200 * part + whole) // (2 * whole)


@dataclass(frozen=True)
class AttendanceRate:
    """Of the seats someone (`name`: a group, an agency) was expected in, how many they took."""

    name: str
    expected: int
    attended: int

    @property
    def percent(self) -> int | None:
        return percent(self.attended, self.expected)


def attendance_rates(seats: Iterable[tuple[str, bool]]) -> list[AttendanceRate]:
    """One rate per name, by name, from (name, whether they came) for each seat."""
    expected: dict[str, int] = defaultdict(int)
    attended: dict[str, int] = defaultdict(int)
    for name, came in seats:
        expected[name] += 1
        attended[name] += int(came)
    return [AttendanceRate(name, expected[name], attended[name]) for name in sorted(expected)]
