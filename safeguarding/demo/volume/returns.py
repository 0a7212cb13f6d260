"""Several years of data returns for the grown demo: the demo's own generator
(datasets/generator.py, seeded) written to files and imported through the import service, as
demo_seed does for 2019-20 and 2020-21, with a synthetic population for each area and year."""

from __future__ import annotations

from collections.abc import Callable

from django.utils import timezone

from safeguarding.core.years import ReportingYear
from safeguarding.datasets import demo as datasets_demo
from safeguarding.datasets import services
from safeguarding.partnership.models import Area

POPULATION_SOURCE = "Synthetic figure made by demo_volume (stands in for the ONS estimate)"


def returns_years(count: int) -> list[ReportingYear]:
    """The `count` most recent reporting years that have ended."""
    last = ReportingYear.containing(timezone.localdate()).previous
    return [ReportingYear(last.start_year - back) for back in range(count)][::-1]


def returns_import(*, years: int, say: Callable[[str], object] | None = None) -> int:
    """Import the demo areas' three returns for each of the last `years` reporting years that
    has none yet (the demo's own 2019-20 and 2020-21 are kept). Returns how many imports."""
    imported = 0
    for area in Area.objects.filter(la_number__in=tuple(datasets_demo.DEMO_SCALE)):
        for year in returns_years(years):
            kinds = datasets_demo.returns_import_missing(area, year, source="demo_volume")
            if not kinds:
                continue
            _population_set(area, year)
            imported += len(kinds)
            if say is not None:
                say(f"Returns: {area.name} {year.label} imported.")
    return imported


def _population_set(area: Area, year: ReportingYear) -> None:
    base = datasets_demo.DEMO_POPULATIONS.get((area.la_number, 2020), 50_000)
    services.population_set(
        actor=None,
        area=area,
        year=year,
        children=base + 500 * (year.start_year - 2020),
        source=POPULATION_SOURCE,
    )
