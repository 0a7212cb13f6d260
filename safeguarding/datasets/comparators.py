"""National, regional and statistical-neighbour comparators: reading the Department's CSV (or
our own layout) and showing them beside an area's figure ("Peterborough 45.2, England 41.4,
neighbours 47.0").

The CSV is read all or nothing: every problem is listed with its row and column, and nothing is
stored unless every row is right. Columns (a header row, any order, case and spaces ignored):
`figure`, `year` (2025-26, the Department's 202526, or 2025), `geography` (England, Region,
Neighbours), `la_number` (blank for England), `value` (a rate, to one decimal place),
`source`. Writes are in `services.comparators_import` / `services.comparator_set`.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from safeguarding.core.years import ReportingYear
from safeguarding.datasets.figures import FIGURES
from safeguarding.datasets.figures_returns_2026 import LATER_FIGURES
from safeguarding.datasets.models import Comparator

COLUMNS = ("figure", "year", "geography", "la_number", "value", "source")
GEOGRAPHIES = {
    "england": Comparator.Geography.ENGLAND,
    "national": Comparator.Geography.ENGLAND,
    "region": Comparator.Geography.REGION,
    "regional": Comparator.Geography.REGION,
    "neighbours": Comparator.Geography.NEIGHBOURS,
    "statistical neighbours": Comparator.Geography.NEIGHBOURS,
}
SHORT_NAMES = {
    Comparator.Geography.ENGLAND: "England",
    Comparator.Geography.REGION: "region",
    Comparator.Geography.NEIGHBOURS: "neighbours",
}


def figure_keys() -> set[str]:
    return {figure.key for figure in FIGURES} | set(LATER_FIGURES)


@dataclass(frozen=True)
class ComparatorRow:
    figure: str
    year: ReportingYear
    geography: str
    la_number: str
    value: Decimal
    source: str


@dataclass(frozen=True)
class CsvProblem:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"Row {self.row}, column '{self.column}': {self.message}"


def read_comparator_csv(
    text: str, *, la_numbers: set[str]
) -> tuple[list[ComparatorRow], list[CsvProblem]]:
    """Every row, or every problem (row numbers as a spreadsheet shows them, the header is 1)."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = [" ".join(cell.lower().split()).replace(" ", "_") for cell in next(reader, [])]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        return [], [CsvProblem(1, name, "is missing from the header row") for name in missing]
    at = {name: header.index(name) for name in COLUMNS}
    rows: list[ComparatorRow] = []
    problems: list[CsvProblem] = []
    known = figure_keys()
    seen: dict[tuple[str, int, str, str], int] = {}
    for number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        cell = {name: (cells[i].strip() if i < len(cells) else "") for name, i in at.items()}
        row, found = _row(number, cell, known, la_numbers)
        problems.extend(found)
        if row is None:
            continue
        key = (row.figure, row.year.start_year, row.geography, row.la_number)
        if key in seen:
            problems.append(CsvProblem(number, "figure", f"repeats row {seen[key]}"))
            continue
        seen[key] = number
        rows.append(row)
    return ([] if problems else rows), problems


def _row(  # noqa: C901 - one check a column, in the order of the columns
    number: int, cell: dict[str, str], known: set[str], la_numbers: set[str]
) -> tuple[ComparatorRow | None, list[CsvProblem]]:
    problems = []
    if cell["figure"] not in known:
        problems.append(CsvProblem(number, "figure", f"'{cell['figure']}' is not a figure"))
    year = None
    try:
        text = cell["year"]
        year = ReportingYear(int(text[:4])) if text.isdigit() else ReportingYear.parse(text)
        if text.isdigit() and len(text) == 6 and int(text[4:]) != (year.start_year + 1) % 100:
            raise ValueError(text)  # the Department's time_period: 202526
    except (ValueError, TypeError):
        problems.append(CsvProblem(number, "year", f"'{cell['year']}' is not a year (2025-26)"))
    geography = GEOGRAPHIES.get(cell["geography"].lower())
    if geography is None:
        problems.append(CsvProblem(number, "geography", "is not England, Region or Neighbours"))
    la_number = cell["la_number"]
    if geography == Comparator.Geography.ENGLAND and la_number:
        problems.append(CsvProblem(number, "la_number", "is for England: leave it blank"))
    elif geography not in (None, Comparator.Geography.ENGLAND) and la_number not in la_numbers:
        problems.append(
            CsvProblem(number, "la_number", f"'{la_number}' is not an area's LA number")
        )
    value = None
    try:
        value = Decimal(cell["value"].replace(",", ""))
        if not value.is_finite() or value < 0:
            raise InvalidOperation
    except InvalidOperation:
        problems.append(CsvProblem(number, "value", f"'{cell['value']}' is not a number"))
    if not cell["source"]:
        problems.append(CsvProblem(number, "source", "is blank: say where it was published"))
    if problems or year is None or geography is None or value is None:
        return None, problems
    value = value.quantize(Decimal("0.1"))
    row = ComparatorRow(cell["figure"], year, geography, la_number, value, cell["source"])
    return row, []


@dataclass(frozen=True)
class Shown:
    label: str
    value: Decimal | int | str
    source: str


def comparison(
    area_name: str, area_value: Decimal | int | str | None, comparators: list[Comparator]
) -> list[Shown]:
    """The area's figure, then England's, the region's and the neighbours' (in that order)."""
    order = [str(geography) for geography in SHORT_NAMES]
    shown = [Shown(area_name, "x" if area_value is None else area_value, "")]
    for comparator in sorted(comparators, key=lambda c: order.index(c.geography)):
        label = SHORT_NAMES[Comparator.Geography(comparator.geography)]
        shown.append(Shown(label, comparator.value, comparator.source))
    return shown


def comparison_text(shown: list[Shown]) -> str:
    """'Peterborough 45.2, England 41.4, neighbours 47.0'."""
    return ", ".join(f"{item.label} {item.value}" for item in shown)
