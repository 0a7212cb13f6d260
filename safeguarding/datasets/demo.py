"""Demo safeguarding data: synthetic returns for both demo areas for 2019-20 and 2020-21,
made by the documented generator (datasets/generator.py, seeded so every run is the same) and
imported through the real import service, plus a synthetic population for each area and year.

Idempotent: an area's return for a period is imported only if no current import exists.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TextIO

from safeguarding.core.demo import say
from safeguarding.core.years import ReportingYear
from safeguarding.datasets import generator, services
from safeguarding.datasets.models import ImportBatch, ReturnKind
from safeguarding.partnership.models import Area

DEMO_SEED = 2026
DEMO_SCALE = {"873": 3, "874": 1}  # the county is about three times the city's size
DEMO_YEARS = (ReportingYear(2019), ReportingYear(2020))
# Invented round numbers standing in for the ONS mid-year estimates (synthetic demo data).
DEMO_POPULATIONS = {("873", 2019): 140_000, ("873", 2020): 141_500, ("874", 2019): 50_000,
                    ("874", 2020): 50_800}  # fmt: skip
DEMO_POPULATION_SOURCE = "Synthetic demo figure (stands in for the ONS mid-year estimate)"


def demo_events(la_number: str, year: ReportingYear) -> generator.Events:
    return generator.generate(
        la_number=la_number, year=year, seed=DEMO_SEED, scale=DEMO_SCALE.get(la_number, 1)
    )


def seed(*, stdout: TextIO | None = None) -> None:
    for area in Area.objects.filter(la_number__in=("873", "874")):
        for year in DEMO_YEARS:
            _seed_area_year(area, year, stdout)
            services.population_set(
                actor=None,
                area=area,
                year=year,
                children=DEMO_POPULATIONS[(area.la_number, year.start_year)],
                source=DEMO_POPULATION_SOURCE,
            )


def _seed_area_year(area: Area, year: ReportingYear, stdout: TextIO | None) -> None:
    for kind in returns_import_missing(area, year, source="demo"):
        say(stdout, f"Imported the demo {kind} return for {area.name} {year.label}.")


def has_current_return(area: Area, kind: str, year: ReportingYear) -> bool:
    return ImportBatch.objects.filter(
        area=area,
        kind=kind,
        period_start=year.start,
        period_end=year.end,
        status=ImportBatch.Status.CURRENT,
    ).exists()


def _write_return(events: generator.Events, kind: str, folder: Path) -> list[Path]:
    if kind == ReturnKind.ANNEX_A:
        return [generator.write_annex_a(events, folder / "annex_a.xlsx")]
    if kind == ReturnKind.CIN:
        return [generator.write_cin(events, folder / "cin.xml")]
    return generator.write_ssda903(events, folder)


def returns_import_missing(area: Area, year: ReportingYear, *, source: str) -> list[str]:
    """Write the area's generated returns for the year that have no current import yet and
    import each through the import service (filed as "<source> <kind> <year>"), confirming its
    warnings: the returns are synthetic, so their warnings (large year-on-year moves) are
    expected. Returns the kinds imported, in ReturnKind's order."""
    kinds = [kind for kind in ReturnKind.values if not has_current_return(area, kind, year)]
    if not kinds:
        return kinds
    events = demo_events(area.la_number, year)
    with tempfile.TemporaryDirectory(prefix=f"{source}-returns-") as folder_name:
        for kind in kinds:
            batch = services.import_submit(
                actor=None,
                area=area,
                period_start=year.start,
                period_end=year.end,
                files=_write_return(events, kind, Path(folder_name)),
                filename=f"{source} {kind} {year.label}",
                run_now=True,
            )
            if batch.status == ImportBatch.Status.AWAITING_CONFIRMATION:
                services.import_batch_confirm(actor=None, batch=batch, warnings_checked=True)
    return kinds
