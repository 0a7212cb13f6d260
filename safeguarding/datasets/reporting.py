"""Annual report figures: the seven figures for each area with rates per 10,000 children and the
change from the previous year, each with its comparators (England, region, statistical
neighbours) where entered; then one table of the later layouts' figures (pre-proceedings, family
group decision-making, early help and family help, care leavers, adoption). All with disclosure
control (the report is published) and the symbols key."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from safeguarding.core.reporting import ReportSection
from safeguarding.core.years import ReportingYear
from safeguarding.datasets import figures, selectors


@dataclass(frozen=True)
class AreaFigure:
    area: str
    count: int | str | None
    rate: Decimal | str | None
    previous: int | str | None
    change: int | str | None
    source: str


@dataclass(frozen=True)
class FigureRow:
    key: str
    label: str
    values: list[AreaFigure]
    comparisons: list[selectors.ComparisonLine] = field(default_factory=list)


@dataclass(frozen=True)
class LaterRow:
    key: str
    label: str
    counts: list[int | str | None]  # one a column (each area, then the partnership)


@dataclass(frozen=True)
class DataFigures:
    year: str
    previous_year: str
    rows: list[FigureRow]
    populations: list[tuple[str, int | None, str]]
    has_data: bool
    columns: list[str] = field(default_factory=list)
    later_rows: list[LaterRow] = field(default_factory=list)


def data_figures(year: ReportingYear) -> DataFigures:
    grid = selectors.figures_grid(user=None, years=[year.previous, year], exact=False)
    rows = []
    has_data = False
    lines = selectors.comparison_lines(grid=grid, year=year)
    for figure in figures.REPORT_FIGURES:
        values = []
        for column in grid.columns:
            cell = grid.cell(figure.key, column.key, year)
            has_data = has_data or cell.value is not None
            values.append(
                AreaFigure(
                    area=column.label,
                    count=cell.value,
                    rate=cell.rate,
                    previous=grid.cell(figure.key, column.key, year.previous).value,
                    change=grid.change(figure.key, column.key, year),
                    source=cell.source,
                )
            )
        rows.append(
            FigureRow(
                figure.key,
                figure.label,
                values,
                [line for line in lines if line.key == figure.key],
            )
        )
    later_rows = [
        LaterRow(
            figure.key,
            figure.label,
            [grid.cell(figure.key, column.key, year).value for column in grid.columns],
        )
        for figure in figures.LATER_REPORT_FIGURES
    ]
    populations = [
        (
            c.label,
            grid.populations.get((c.key, year.start_year)),
            grid.population_sources.get((c.key, year.start_year), ""),
        )
        for c in grid.columns
    ]
    return DataFigures(
        year.label,
        year.previous.label,
        rows,
        populations,
        has_data,
        [c.label for c in grid.columns],
        later_rows,
    )


def report_section(year: ReportingYear) -> ReportSection:
    return ReportSection(
        key="datasets",
        title="Safeguarding children data",
        template="datasets/report_section.html",
        figures=data_figures(year),
    )
