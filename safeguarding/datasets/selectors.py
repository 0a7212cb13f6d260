"""Reads: imports scoped to the user, and the figures tables (exact or with disclosure control)."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import QuerySet

from safeguarding.core.years import ReportingYear
from safeguarding.datasets import disclosure, figures, permissions
from safeguarding.datasets.models import ImportBatch, Population
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


def years_with_data() -> list[ReportingYear]:
    starts = ImportBatch.objects.filter(status=ImportBatch.Status.CURRENT).values_list(
        "period_start", "period_end"
    )
    years: set[int] = set()
    for start, end in starts:
        year = ReportingYear.containing(start)
        while year.start <= end:
            years.add(year.start_year)
            year = ReportingYear(year.start_year + 1)
    return [ReportingYear(y) for y in sorted(years)]


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
    areas = list(Area.objects.filter(disabled_on__isnull=True).order_by("name"))
    grid = Grid(
        years=years,
        columns=[Column(a.pk, a.name) for a in areas] + [Column(None, "Partnership")],
        exact=exact,
    )
    raw: dict[Hashable, int | None] = {}
    meta: dict[tuple[str, int | None, int], tuple[str, bool]] = {}
    table = disclosure.Table(values=raw)
    for year in years:
        per_area = {a.pk: figures.area_figures(a, year) for a in areas}
        pops = {
            p.area_id: p
            for p in Population.objects.filter(year_start=year.start_year, area__in=areas)
        }
        for area in areas:
            pop = pops.get(area.pk)
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
    for cell_key, count in raw.items():
        assert isinstance(cell_key, tuple)
        figure_key, column, year_start = cell_key
        shown = disclosure.shown(count, cell_key, hidden)
        population = grid.populations[(column, year_start)]
        rate: Decimal | str | None = (
            disclosure.SUPPRESSED
            if shown == disclosure.SUPPRESSED
            else figures.rate_per_10k(count, population)
        )
        source, partial = meta[cell_key]
        grid.cells[(figure_key, column, year_start)] = Cell(shown, rate, source, partial)
    return grid


def area_quarters_for_user(
    *, user: User, area: Area, year: ReportingYear
) -> dict[str, list[int | None]] | None:
    """Quarterly counts, for people who may see exact figures only (quarters hold the
    smallest numbers; None for everyone else)."""
    if not permissions.can_see_exact_figures(user):
        return None
    return figures.area_quarter_figures(area, year)
