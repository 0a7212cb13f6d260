"""Template helpers for the figures grid."""

from __future__ import annotations

from django import template

from safeguarding.core.years import ReportingYear
from safeguarding.datasets import conventions
from safeguarding.datasets.selectors import Cell, Grid, Shown

register = template.Library()


@register.simple_tag
def cell(grid: Grid, figure: str, column: int | None, year: ReportingYear) -> Cell:
    return grid.cell(figure, column, year)


@register.simple_tag
def change(grid: Grid, figure: str, column: int | None, year: ReportingYear) -> Shown:
    return grid.change(figure, column, year)


@register.simple_tag
def population(grid: Grid, column: int | None, year: ReportingYear) -> int | None:
    return grid.populations.get((column, year.start_year))


@register.simple_tag
def population_source(grid: Grid, column: int | None, year: ReportingYear) -> str:
    return grid.population_sources.get((column, year.start_year), "")


@register.inclusion_tag("datasets/_symbols_key.html")
def symbols_key(used: str = "c x z") -> dict[str, object]:
    """The Department's key to the symbols a published table uses (datasets.conventions)."""
    return {"symbol_key": conventions.symbol_key(set(used.split()))}
