"""Figure provenance: where each figure of the report comes from.

Every figure has a definition page (its catalogue entry: key, label, unit, definition, owning
module, and its value now). A figure that counts records has a record list besides: the owning
module's `provenance.RECORDS` entry (core/provenance.py) gives the query the figure is counted
from, the columns to show and who may see which records. The list page shows the viewer's part
of exactly those records, a page at a time, and every viewing is logged.

Figures without records say why instead: a percentage links to the counts it is worked out
from, a context figure to its published source, a sum of money or of visits to its module.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.paginator import Page
from django.db.models import QuerySet
from django.utils.module_loading import import_string

from safeguarding.annual_reports import catalogue
from safeguarding.core.paging import page_at
from safeguarding.core.provenance import RecordList
from safeguarding.core.years import ReportingYear

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

PAGE_SIZE = 50
STATIC = {figure.key: figure for figure in catalogue.FIGURES}


@dataclass(frozen=True)
class FigureDefinition:
    year: ReportingYear
    figure: catalogue.CatalogueFigure
    value: catalogue.Value
    based_on: list[catalogue.CatalogueFigure]

    @property
    def module_label(self) -> str:
        return catalogue.MODULE_LABELS.get(self.figure.module, self.figure.module)

    @property
    def value_text(self) -> str:
        return catalogue.format_value(self.value, self.figure.unit)

    @property
    def records(self) -> RecordList | None:
        return self.figure.records

    @property
    def why_no_records(self) -> str:
        """Why a figure has no list of records, in plain English."""
        figure = self.figure
        if figure.source is not None:
            return "It comes from a published source, not from the partnership's records."
        if figure.unit == catalogue.PERCENT:
            return "It is a percentage: see the counts it is worked out from."
        if figure.unit != catalogue.COUNT:
            return f"It is not a count of records (its unit is {figure.unit})."
        return "Its records are not listed here yet: see the module's own pages."


def _section_figures(year: ReportingYear, module: str) -> Any:
    """The figures of one module's computed section (the others are not computed)."""
    for module_path, (key, _title) in catalogue.MODULE_SECTION_TITLES.items():
        if key == module:
            return import_string(f"{module_path}.report_section")(year).figures
    return None


def figure_definition_get(*, year: ReportingYear, key: str) -> FigureDefinition:
    """The definition of a catalogued figure with its value for the year; KeyError when the
    key is not in the year's catalogue."""
    figure = STATIC.get(key)
    if figure is not None and figure.path == catalogue.RECORDS_COUNT:
        value = catalogue.records_count(figure, year)
    elif figure is not None:
        figures = _section_figures(year, figure.module)
        value = catalogue.read_figure(figures, figure.path) if figures is not None else None
    else:
        found = catalogue.figure_values(year)[key]
        figure, value = found.figure, found.value
    based_on = [STATIC[k] for k in figure.based_on if k in STATIC]
    return FigureDefinition(year, figure, value, based_on)


def may_see_exact(user: User, figure: catalogue.CatalogueFigure) -> bool:
    """The exact value of a disclosure-controlled count of records: for partnership staff (who
    write the report) and for people who may open those records; everyone else sees the value
    as it would be published."""
    records = figure.records
    return figure.exact or records is None or user.is_partnership_staff or records.allowed(user)


def figure_record_list_get(*, key: str) -> RecordList:
    """The record list of a figure; KeyError when it has none."""
    records = STATIC[key].records if key in STATIC else None
    if records is None:
        raise KeyError(key)
    return records


@dataclass(frozen=True)
class RecordPage:
    total: int  # the figure: every record it counts
    visible: int  # the records this viewer may see
    page: Page[Any]
    rows: list[tuple[str, list[object]]]  # (link to the record or "", cells)


def figure_records_for_user(
    *, user: User, year: ReportingYear, records: RecordList, page: str | None
) -> RecordPage:
    """One page of the records a figure counts that the user may see."""
    everything: QuerySet[Any] = records.records(year)
    mine = records.scope(user, everything)
    found = page_at(mine, page, per_page=PAGE_SIZE)
    rows = [
        (
            records.link(item) if records.link is not None else "",
            [column.value(item) for column in records.columns],
        )
        for item in found.object_list
    ]
    return RecordPage(everything.count(), found.paginator.count, found, rows)
