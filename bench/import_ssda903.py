#!/usr/bin/env python
"""Benchmark: import synthetic SSDA903 header and episodes CSV tables at a similar scale.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/python bench/import_ssda903.py [--scale N]

Writes the tables with the demo generator in a temporary folder, then times (a) reading every
row with the csv module alone and (b) the full import into a scratch PostgreSQL database
including validation, storing and the year's figures. Prints both times, their ratio, rows per
second and peak memory.
"""

from __future__ import annotations

import argparse
import csv
import multiprocessing
import os
import shutil
import tempfile
from pathlib import Path

from import_annex_a import best_of, full_import, report, scratch_database, setup_django


def read_only(paths: list[Path]) -> int:
    count = 0
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            for _row in csv.reader(handle):
                count += 1
    return count


def generate(folder: Path, scale: int) -> tuple[int, list[Path]]:
    """Runs in a forked child, so the generator's memory is not counted as the import's."""
    from safeguarding.core.years import ReportingYear
    from safeguarding.datasets import generator

    events = generator.generate(la_number="999", year=ReportingYear(2020), seed=1, scale=scale)
    return len(events.episodes), generator.write_ssda903(events, folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--scale", type=int, default=1500)
    parser.add_argument("--runs", type=int, default=3, help="runs of each, best taken")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-903-"))
    try:
        with scratch_database(f"bench_datasets_903_{os.getpid()}"):
            setup_django()
            with multiprocessing.get_context("fork").Pool(1) as pool:
                rows, paths = pool.apply(generate, (folder, args.scale))
            print(f"generated {rows:,} episodes")

            def run(area: object) -> object:
                copies = []
                for path in paths:
                    copies.append(folder / f"upload-{path.name}")
                    shutil.copyfile(path, copies[-1])
                return full_import(area, copies, "2020-21")

            baseline, full, (batch, values) = best_of(lambda: read_only(paths), run, args.runs)
            report("SSDA903", rows, baseline, full, batch, values)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
