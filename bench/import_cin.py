#!/usr/bin/env python
"""Benchmark: import a synthetic Children in Need census XML file at the scale of the Annex A one.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/python bench/import_cin.py [--scale N]

Writes the census with the demo generator (datasets/generator.py, `scale` times the demo's
volumes) in a temporary folder, then times (a) parsing every element with defusedxml's iterparse
alone and (b) the full import into a scratch PostgreSQL database including validation, storing
and the year's figures. Prints both times, their ratio, rows per second and peak memory.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import tempfile
from pathlib import Path

from import_annex_a import report, scratch_database, setup_django


def parse_only(path: Path) -> int:
    from defusedxml.ElementTree import iterparse

    count = 0
    for _event, element in iterparse(str(path), events=("end",)):
        if element.tag == "Child":
            element.clear()
        count += 1
    return count


def generate(path: Path, scale: int) -> int:
    """Runs in a forked child, so the generator's memory is not counted as the import's."""
    from safeguarding.core.years import ReportingYear
    from safeguarding.datasets import generator

    events = generator.generate(la_number="999", year=ReportingYear(2020), seed=1, scale=scale)
    generator.write_cin(events, path)
    return sum(1 + len(r.assessments) + len(r.s47s) + len(r.plans) for r in events.referrals)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--scale", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3, help="runs of each, best taken")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-cin-"))
    try:
        with scratch_database(f"bench_datasets_cin_{os.getpid()}"):
            from import_annex_a import best_of, full_import

            path = folder / "cin.xml"
            with multiprocessing.get_context("fork").Pool(1) as pool:
                rows = pool.apply(generate, (path, args.scale))
            print(f"generated a census of {rows:,} records ({path.stat().st_size / 1e6:.0f} MB)")
            setup_django()

            def run(area: object) -> object:
                copy = folder / "upload.xml"
                shutil.copyfile(path, copy)
                return full_import(area, [copy], "2020-21")

            baseline, full, (batch, values) = best_of(lambda: parse_only(path), run, args.runs)
            report("CIN census", rows, baseline, full, batch, values)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
