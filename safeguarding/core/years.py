"""The partnership's reporting year: 1 April to 31 March, written "2020-21"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.http import HttpRequest

_LABEL = re.compile(r"^(\d{4})[-/](\d{2}|\d{4})$")


@dataclass(frozen=True, order=True)
class ReportingYear:
    start_year: int

    @classmethod
    def parse(cls, label: str) -> ReportingYear:
        """Parse "2020-21", "2020/21" or "2020-2021"; raise ValueError otherwise."""
        match = _LABEL.match(label.strip())
        if not match:
            raise ValueError(f"'{label}' is not a reporting year: write it like 2020-21.")
        first = int(match.group(1))
        second = match.group(2)
        end = int(second) if len(second) == 4 else (first // 100) * 100 + int(second)
        if end != first + 1:
            raise ValueError(f"'{label}' is not a reporting year: the years must be consecutive.")
        return cls(first)

    @classmethod
    def containing(cls, day: date) -> ReportingYear:
        return cls(day.year if day.month >= 4 else day.year - 1)

    @property
    def start(self) -> date:
        return date(self.start_year, 4, 1)

    @property
    def end(self) -> date:
        return date(self.start_year + 1, 3, 31)

    @property
    def label(self) -> str:
        return f"{self.start_year}-{(self.start_year + 1) % 100:02d}"

    @property
    def previous(self) -> ReportingYear:
        return ReportingYear(self.start_year - 1)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def __str__(self) -> str:
        return self.label


def year_asked(request: HttpRequest, *, default: ReportingYear) -> ReportingYear:
    """The reporting year a page's `?year=` names ("2020-21"), or `default` when it names none
    or one that cannot be read."""
    try:
        return ReportingYear.parse(request.GET.get("year", ""))
    except ValueError:
        return default


def year_label_checked(text: str, *, field: str = "year_label") -> str:
    """A reporting year a person typed, as it is stored and looked up ("2020/21" and "2020-2021"
    become "2020-21"): for services, so that a record is never kept under a year no page or
    report will find. Anything else is a ValidationError on `field` saying how to write it."""
    from django.core.exceptions import ValidationError

    try:
        return ReportingYear.parse(text).label
    except ValueError as exc:
        raise ValidationError({field: str(exc)}) from exc


def reporting_year_or_404(label: str) -> ReportingYear:
    """The reporting year a URL names ("2020-21"), or 404 for anything else."""
    from django.http import Http404

    try:
        return ReportingYear.parse(label)
    except ValueError as exc:
        raise Http404 from exc
