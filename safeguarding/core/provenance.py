"""The contract for a figure's provenance: the records a report figure counts.

A domain app that offers figures to the annual report (core/reporting.py) may also offer, for
each count figure, the list of records it counts. It does so in `<app>/provenance.py`, with

    RECORDS: dict[str, RecordList]   # by the figure's catalogue key ("child_deaths.notified")

The annual report's figure catalogue finds these the same way it finds the modules' sections
(settings.ANNUAL_REPORT_SECTIONS, by import path), so a domain app never imports the report.

`records(year)` is the query the figure is counted from: its `count()` is the figure. A list
page shows `scope(user, records(year))`: the part of those records the viewer may see by the
module's own rules (an agency's lead sees their agency's). `allowed(user)` says whether the
viewer may open the records at all (else 404). Most modules scope a list as their own list
page is scoped: `scope=scoped_to(selectors.<entity>_list_for_user)`. Dates in a column are
written with `core.dates.format_date` (the Europe/London date of a moment).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet

from safeguarding.core.years import ReportingYear

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


# The query a figure is counted from, for a year.
Records = Callable[[ReportingYear], QuerySet[Any]]


@dataclass(frozen=True)
class Column:
    heading: str
    value: Callable[[Any], object]


def _unscoped(_user: User, records: QuerySet[Any]) -> QuerySet[Any]:
    return records


Scope = Callable[["User", QuerySet[Any]], QuerySet[Any]]


def scoped_to(
    list_for_user: Callable[..., QuerySet[Any]], *, field: str = "pk", **options: Any
) -> Scope:
    """A `RecordList.scope` that keeps the records the module's own list shows the viewer:
    those whose `field` ("pk", or a foreign key such as "notification_id") is among
    `list_for_user(user=user, **options)` (a `selectors.<entity>_list_for_user`)."""

    def scope(user: User, records: QuerySet[Any]) -> QuerySet[Any]:
        visible = list_for_user(user=user, **options).values("pk")
        return records.filter(**{f"{field}__in": visible})

    return scope


@dataclass(frozen=True)
class RecordList:
    """The records one figure counts, and how a viewer may see them."""

    noun: str  # what one row is, in the plural: "child death notifications"
    records: Records
    allowed: Callable[[User], bool]
    columns: tuple[Column, ...]
    scope: Scope = _unscoped
    link: Callable[[Any], str] | None = None  # the record's own page, if it has one

    def count(self, year: ReportingYear) -> int:
        """The figure, counted from the same query the list shows."""
        return self.records(year).count()

    def for_user(self, user: User, year: ReportingYear) -> QuerySet[Any]:
        return self.scope(user, self.records(year))
