"""Several years of data returns for the grown demo: the demo's own generator
(datasets/generator.py, seeded) written to files and imported through the import service, as
demo_seed does for 2019-20 and 2020-21, with a synthetic population for each area and year."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from django.utils import timezone

from safeguarding.core.years import ReportingYear
from safeguarding.datasets import demo as datasets_demo
from safeguarding.datasets import generator, services
from safeguarding.datasets.models import ImportBatch, ReturnKind
from safeguarding.partnership.models import Area

POPULATION_SOURCE = "Synthetic figure made by demo_volume (stands in for the ONS estimate)"


def returns_years(count: int) -> list[ReportingYear]:
    """The `count` most recent reporting years that have ended."""
    last = ReportingYear.containing(timezone.localdate()).previous
    return [ReportingYear(last.start_year - back) for back in range(count)][::-1]


def _has_current(area: Area, kind: str, year: ReportingYear) -> bool:
    return ImportBatch.objects.filter(
        area=area,
        kind=kind,
        period_start=year.start,
        period_end=year.end,
        status=ImportBatch.Status.CURRENT,
    ).exists()


def returns_import(*, years: int, say: Callable[[str], object] | None = None) -> int:
    """Import the demo areas' three returns for each of the last `years` reporting years that
    has none yet (the demo's own 2019-20 and 2020-21 are kept). Returns how many imports."""
    imported = 0
    for area in Area.objects.filter(la_number__in=tuple(datasets_demo.DEMO_SCALE)):
        for year in returns_years(years):
            kinds = [kind for kind in ReturnKind.values if not _has_current(area, kind, year)]
            if not kinds:
                continue
            imported += _area_year(area, year, kinds)
            if say is not None:
                say(f"Returns: {area.name} {year.label} imported.")
    return imported


def _area_year(area: Area, year: ReportingYear, kinds: list[str]) -> int:
    events = datasets_demo.demo_events(area.la_number, year)
    with tempfile.TemporaryDirectory(prefix="demo-volume-") as folder_name:
        folder = Path(folder_name)
        writers = {
            ReturnKind.ANNEX_A: lambda: [generator.write_annex_a(events, folder / "annex_a.xlsx")],
            ReturnKind.CIN: lambda: [generator.write_cin(events, folder / "cin.xml")],
            ReturnKind.SSDA903: lambda: generator.write_ssda903(events, folder),
        }
        for kind in kinds:
            batch = services.import_submit(
                actor=None,
                area=area,
                period_start=year.start,
                period_end=year.end,
                files=writers[ReturnKind(kind)](),
                filename=f"demo_volume {kind} {year.label}",
                run_now=True,
            )
            if batch.status == ImportBatch.Status.AWAITING_CONFIRMATION:
                # The generated years are synthetic: their warnings (large year-on-year moves)
                # are expected, as in the demo's own returns (datasets.demo).
                services.import_batch_confirm(actor=None, batch=batch, warnings_checked=True)
    base = datasets_demo.DEMO_POPULATIONS.get((area.la_number, 2020), 50_000)
    services.population_set(
        actor=None,
        area=area,
        year=year,
        children=base + 500 * (year.start_year - 2020),
        source=POPULATION_SOURCE,
    )
    return len(kinds)
