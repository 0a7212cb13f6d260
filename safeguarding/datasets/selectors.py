"""Reads: imports scoped to the user, and the figures tables (exact or with disclosure control),
read from the stored figures (computed when imports are put in use), in a fixed number of
queries whatever the number of areas and years."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.utils import timezone

from safeguarding.core.years import ReportingYear
from safeguarding.datasets import comparators, conventions, disclosure, figures, permissions
from safeguarding.datasets.models import Comparator, ImportBatch, Population, StoredFigure
from safeguarding.partnership.models import Area

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

Shown = int | str | None


def import_batch_list_for_user(*, user: User) -> QuerySet[ImportBatch]:
    return ImportBatch.objects.filter(area__in=permissions.importable_areas(user)).select_related(
        "area", "uploaded_by"
    )


def population_list() -> QuerySet[Population]:
    return Population.objects.select_related("area")


@dataclass(frozen=True)
class Years:
    """The years a person may choose, the years complete for every area in use, and the year
    shown when none is chosen (the latest complete year)."""

    available: list[ReportingYear]
    complete: list[ReportingYear]
    default: ReportingYear


def years_for_user(*, user: User | None) -> Years:
    active = set(Area.objects.active().values_list("pk", flat=True))
    areas_by_year: dict[int, set[int]] = {}
    pairs = (
        StoredFigure.objects.filter(quarter=0, area__in=active)
        .order_by()
        .values_list("year_start", "area_id")
        .distinct()
    )
    for year_start, area_id in pairs:
        areas_by_year.setdefault(year_start, set()).add(area_id)
    complete = [ReportingYear(y) for y in sorted(areas_by_year) if areas_by_year[y] >= active]
    every = [ReportingYear(y) for y in sorted(areas_by_year)]
    available = every if permissions.can_see_incomplete_years(user) else complete
    if complete:
        default = complete[-1]
    elif available:
        default = available[-1]
    else:
        default = ReportingYear.containing(timezone.now().date()).previous
    return Years(available, complete, default)


def years_with_data() -> list[ReportingYear]:
    """Every year with figures in use for some area in use (complete or not)."""
    starts = (
        StoredFigure.objects.filter(quarter=0, area__in=Area.objects.active())
        .order_by()
        .values_list("year_start", flat=True)
        .distinct()
    )
    return [ReportingYear(y) for y in sorted(starts)]


@dataclass
class Cell:
    value: Shown
    rate: Decimal | str | None = None
    source: str = ""
    partial: bool = False


@dataclass
class Column:
    key: int | None  # area pk, None for the partnership
    label: str


@dataclass
class Grid:
    """Figures for columns (areas, then the partnership) and years, as the user may see them."""

    years: list[ReportingYear]
    columns: list[Column]
    exact: bool
    cells: dict[tuple[str, int | None, int], Cell] = field(default_factory=dict)
    populations: dict[tuple[int | None, int], int | None] = field(default_factory=dict)
    population_sources: dict[tuple[int | None, int], str] = field(default_factory=dict)
    # the exact counts, their sums and the hidden cells (for tables that extend this one)
    table: disclosure.Table = field(default_factory=lambda: disclosure.Table(values={}))
    hidden: set[Hashable] = field(default_factory=set)
    # the years whose figures the viewer may see (complete ones, or all for analysts)
    shown_years: set[int] = field(default_factory=set)

    def cell(self, figure: str, column: int | None, year: ReportingYear) -> Cell:
        return self.cells[(figure, column, year.start_year)]

    def change(self, figure: str, column: int | None, year: ReportingYear) -> Shown:
        now = self.cell(figure, column, year).value
        before_key = (figure, column, year.start_year - 1)
        if before_key not in self.cells:
            return None
        before = self.cells[before_key].value
        if not isinstance(now, int) or not isinstance(before, int):
            return disclosure.SUPPRESSED if disclosure.SUPPRESSED in (now, before) else None
        return now - before


def figures_grid(
    *, user: User | None, years: list[ReportingYear], exact: bool | None = None
) -> Grid:
    """Every figure for every active area and the partnership, for `years`. Exact for users who
    may see exact figures (or exact=True); otherwise with disclosure control across the grid."""
    if exact is None:
        exact = user is not None and permissions.can_see_exact_figures(user)
    areas = list(Area.objects.active().order_by("name"))
    grid = Grid(
        years=years,
        columns=[Column(a.pk, a.name) for a in areas] + [Column(None, "Partnership")],
        exact=exact,
    )
    raw: dict[Hashable, int | None] = {}
    meta: dict[tuple[str, int | None, int], tuple[str, bool]] = {}
    table = disclosure.Table(values=raw)
    starts = [y.start_year for y in years]
    stored: dict[tuple[int, int, str], StoredFigure] = {}
    for row in StoredFigure.objects.filter(year_start__in=starts, quarter=0, area__in=areas):
        stored[(row.area_id, row.year_start, row.key)] = row
    present = {(area_pk, year_start) for area_pk, year_start, _key in stored}
    complete = {y for y in starts if areas and all((a.pk, y) in present for a in areas)}
    grid.shown_years = set(starts) if permissions.can_see_incomplete_years(user) else complete
    all_pops = {
        (p.area_id, p.year_start): p
        for p in Population.objects.filter(year_start__in=starts, area__in=areas)
    }
    for year in years:
        per_area = {
            a.pk: {
                f.key: _stored_value(stored, a.pk, year.start_year, f.key, grid.shown_years)
                for f in figures.FIGURES
            }
            for a in areas
        }
        for area in areas:
            pop = all_pops.get((area.pk, year.start_year))
            grid.populations[(area.pk, year.start_year)] = pop.children if pop else None
            grid.population_sources[(area.pk, year.start_year)] = pop.source if pop else ""
        area_pops = [grid.populations[(a.pk, year.start_year)] for a in areas]
        grid.populations[(None, year.start_year)] = (
            sum(p for p in area_pops if p is not None) if all(area_pops) and areas else None
        )
        for figure in figures.FIGURES:
            parts = []
            for area in areas:
                value = per_area[area.pk][figure.key]
                key = (figure.key, area.pk, year.start_year)
                raw[key] = value.value
                meta[key] = (value.source, value.partial)
                parts.append(key)
            total_key = (figure.key, None, year.start_year)
            part_values = [raw[k] for k in parts]
            raw[total_key] = (
                sum(v for v in part_values if v is not None)
                if part_values and all(v is not None for v in part_values)
                else None
            )
            meta[total_key] = (
                ", ".join(sorted({meta[k][0] for k in parts if meta[k][0]})),
                any(meta[k][1] for k in parts),
            )
            if raw[total_key] is not None:
                table.sums.append((total_key, parts))
    hidden = set() if exact else disclosure.suppress(table)
    grid.table, grid.hidden = table, hidden
    for cell_key, count in raw.items():
        assert isinstance(cell_key, tuple)
        figure_key, column, year_start = cell_key
        shown = disclosure.shown(count, cell_key, hidden)
        population = grid.populations[(column, year_start)]
        rate: Decimal | str | None = (
            conventions.NOT_APPLICABLE  # z: not a rate per children aged 0-17 (care leavers...)
            if not figures.FIGURE_BY_KEY[figure_key].rated
            else disclosure.SUPPRESSED
            if shown == disclosure.SUPPRESSED
            else figures.rate_per_10k(count, population)
        )
        source, partial = meta[cell_key]
        grid.cells[(figure_key, column, year_start)] = Cell(shown, rate, source, partial)
    return grid


def _stored_value(
    stored: dict[tuple[int, int, str], StoredFigure],
    area_pk: int,
    year_start: int,
    key: str,
    shown_years: set[int],
) -> figures.FigureValue:
    row = stored.get((area_pk, year_start, key))
    if row is None or year_start not in shown_years:
        return figures.FigureValue(key, None)
    return figures.FigureValue(key, row.value, row.source, row.batch_id, row.partial)


def quarters_table(*, grid: Grid, year: ReportingYear) -> dict[tuple[str, int], list[Shown]]:
    """Each area's counts by quarter for `year`, keyed by (figure, area), as the grid's viewer
    may see them. Exact when the grid is exact. Otherwise quarters are hidden (1-5, then more
    where needed) so that no hidden quarter, and no count the grid hides, can be worked out
    from the quarters and the grid together (each year is the sum of its quarters wherever
    the quarters add up to it). Only quarters are ever hidden here, so the yearly figures
    look the same on every page."""
    areas = [c.key for c in grid.columns if c.key is not None]
    by_quarter_keys = [f.key for f in figures.FIGURES if f.by_quarter]
    quarterly: dict[int, dict[str, list[int | None]]] = {
        area_pk: {figure_key: [None] * 4 for figure_key in by_quarter_keys} for area_pk in areas
    }
    if year.start_year in grid.shown_years:
        rows = StoredFigure.objects.filter(
            year_start=year.start_year, quarter__gt=0, area__in=areas, key__in=by_quarter_keys
        ).values_list("area_id", "key", "quarter", "value")
        for area_pk, figure_key, number, value in rows:
            quarterly[area_pk][figure_key][number - 1] = value
    values = dict(grid.table.values)
    sums = list(grid.table.sums)
    new_cells: set[Hashable] = set()
    for area_pk, by_figure in quarterly.items():
        for figure_key, counts in by_figure.items():
            parts = []
            for quarter, count in enumerate(counts):
                key = (figure_key, area_pk, year.start_year, quarter)
                values[key] = count
                new_cells.add(key)
                if count is not None:
                    parts.append(key)
            year_value = values.get((figure_key, area_pk, year.start_year))
            if parts and year_value == sum(values[p] or 0 for p in parts):
                sums.append(((figure_key, area_pk, year.start_year), parts))
    hidden = (
        set()
        if grid.exact
        else disclosure.suppress(
            disclosure.Table(values=values, sums=sums),
            hidden_already=grid.hidden,
            may_hide=new_cells,
        )
    )
    return {
        (figure_key, area_pk): [
            disclosure.shown(count, (figure_key, area_pk, year.start_year, quarter), hidden)
            for quarter, count in enumerate(counts)
        ]
        for area_pk, by_figure in quarterly.items()
        for figure_key, counts in by_figure.items()
    }


def area_stored_figures(*, area: Area, year: ReportingYear) -> dict[str, figures.FigureValue]:
    """An area's stored figures for a year, exact (for analysts and the command line)."""
    stored = {
        row.key: row
        for row in StoredFigure.objects.filter(area=area, year_start=year.start_year, quarter=0)
    }
    return {
        f.key: (
            figures.FigureValue(
                f.key,
                stored[f.key].value,
                stored[f.key].source,
                stored[f.key].batch_id,
                stored[f.key].partial,
            )
            if f.key in stored
            else figures.FigureValue(f.key, None)
        )
        for f in figures.FIGURES
    }


def comparator_list() -> QuerySet[Comparator]:
    """Every comparator, England's first within a figure and year."""
    return Comparator.objects.select_related("area").order_by(
        "figure", "-year_start", "geography", "area__name"
    )


@dataclass(frozen=True)
class ComparisonLine:
    """One figure of one area beside England's, its region's and its statistical neighbours'
    published values for the year ("Peterborough 45.2, England 41.4, neighbours 47.0")."""

    key: str
    figure: str
    area: str
    items: list[comparators.Shown]

    @property
    def text(self) -> str:
        return comparators.comparison_text(self.items)

    @property
    def sources(self) -> str:
        return "; ".join(f"{item.label}: {item.source}" for item in self.items if item.source)


def comparison_lines(
    *, grid: Grid, year: ReportingYear, area_pks: list[int] | None = None
) -> list[ComparisonLine]:
    """For each figure with comparators entered for the year, each area's line (in one query).
    The area's value is what the grid shows: its rate per 10,000 to one decimal (half up), or
    its count for a figure without a rate; `c` or `x` when the grid hides it or has none."""
    national: dict[str, list[Comparator]] = {}
    local: dict[tuple[str, int], list[Comparator]] = {}
    for comparator in Comparator.objects.filter(year_start=year.start_year):
        if comparator.area_id is None:
            national.setdefault(comparator.figure, []).append(comparator)
        else:
            local.setdefault((comparator.figure, comparator.area_id), []).append(comparator)
    lines = []
    for figure in figures.FIGURES:
        for column in grid.columns:
            if column.key is None or (area_pks is not None and column.key not in area_pks):
                continue
            found = national.get(figure.key, []) + local.get((figure.key, column.key), [])
            if not found or (figure.key, column.key, year.start_year) not in grid.cells:
                continue
            cell = grid.cell(figure.key, column.key, year)
            value = cell.rate if figure.rated else cell.value
            if value is None:
                value = conventions.NOT_AVAILABLE
            items = comparators.comparison(column.label, value, found)
            lines.append(ComparisonLine(figure.key, figure.label, column.label, items))
    return lines
