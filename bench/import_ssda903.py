#!/usr/bin/env python
"""Benchmark: import synthetic SSDA903 header and episodes CSV tables at a similar scale.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/python bench/import_ssda903.py [--scale N]

Writes the tables with the demo generator in a temporary folder, then times (a) reading every
row with the csv module alone, (a') a validating reader: the csv module plus a check of each
cell's type, for every cell the importer reads (dates read as dates, codes looked up in their
lists, placement and provider codes included, identifiers non-blank), the least any importer
that checks its input must do, and (b) the full import into a scratch
PostgreSQL database including validation, storing and the year's figures. Prints the times,
both ratios (the target, at most 2.0, is against (a')), rows per second and peak memory.
"""

from __future__ import annotations

import argparse
import csv
import multiprocessing
import os
import shutil
import statistics
import tempfile
from datetime import date
from pathlib import Path

from import_annex_a import best_of, full_import, report, scratch_database, setup_django


def read_only(paths: list[Path]) -> int:
    count = 0
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            for _row in csv.reader(handle):
                count += 1
    return count


_LEGAL = {"C1", "C2", "D1", "E1", "J1", "J2", "J3", "L1", "L2", "L3", "V2", "V3", "V4"}
_RNE = {"S", "L", "P", "T", "U", "B"}
# Placement types and providers as the 2023-24 guide lists them (written out here, not taken
# from the platform's specification table, so the baseline stays independent of it).
_PLACE = {
    "A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2", "P3", "R1", "R2", "R3", "R5",
    "S1", "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1",
}  # fmt: skip
_PROVIDER = {"", "PR0", "PR1", "PR2", "PR3", "PR4", "PR5"}


def _day(text: str) -> date | None:
    """dd/mm/yyyy as a date, blank as None; anything else raises ValueError."""
    if not text:
        return None
    if len(text) != 10 or text[2] != "/" or text[5] != "/":
        raise ValueError(text)
    return date(int(text[6:]), int(text[3:5]), int(text[:2]))


def read_and_check(paths: list[Path]) -> int:
    """The validating reader: every row read and every cell the figures use checked by type."""
    count = 0
    problems = 0
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = csv.reader(handle)
            header = [c.strip().upper() for c in next(rows)]
            at = {name: header.index(name) for name in header}
            episodes = "DECOM" in at
            for row in rows:
                count += 1
                try:
                    if not row[at["CHILD"]].strip():
                        raise ValueError("CHILD")
                    if episodes:
                        _day(row[at["DECOM"]])
                        _day(row[at["DEC"]])
                        if row[at["RNE"]] not in _RNE or row[at["LS"]] not in _LEGAL:
                            raise ValueError("code")
                        if len(row[at["REC"]]) > 4:
                            raise ValueError("REC")
                        if row[at["PLACE"]] not in _PLACE:
                            raise ValueError("PLACE")
                        if row[at["PLACE_PROVIDER"]] not in _PROVIDER:
                            raise ValueError("PLACE_PROVIDER")
                    else:
                        _day(row[at["DOB"]])
                except (ValueError, IndexError):
                    problems += 1
    return count + 0 * problems


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

            checks: list[float] = []
            imports: list[float] = []
            baseline, full, (batch, values) = best_of(
                lambda: read_only(paths),
                run,
                args.runs,
                checks,
                lambda: read_and_check(paths),
                imports,
            )
            report("SSDA903", rows, baseline, full, batch, values)
            checked = min(checks)
            print(f"  (a') validating reader:   {checked:8.2f} s   "
                  f"(each run {', '.join(f'{t:.2f}' for t in checks)} s)")  # fmt: skip
            print(f"  ratio (b)/(a'):           {full / checked:8.2f}   (target <= 2.0)")
            # Each run's import against the validating reader timed just before it: the
            # machine's speed drifts from minute to minute, and a pair shares the minute.
            paired = [i / c for c, i in zip(checks, imports, strict=True)]
            print(f"  each run's (b)/(a'):      {', '.join(f'{q:.2f}' for q in paired)}   "
                  f"(median {statistics.median(paired):.2f})")  # fmt: skip
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
