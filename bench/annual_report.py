"""Benchmark: build a year's yearly report as HTML and as PDF, and time both.

    .venv/bin/python bench/annual_report.py [2020-21]

On the current database (DJANGO_SETTINGS_MODULE, default config.settings.local) the year's edition
must exist. When DATABASE_URL points at a PostgreSQL server, the benchmark instead creates (and
afterwards drops) a scratch database, `bench_annual_report`, migrates it and seeds the demo.
BENCH_SEED=1 seeds the demo into the current database first (e.g. with config.settings.test,
an in-memory SQLite database). BENCH_DATABASE=current measures the database DATABASE_URL names
as it is, PostgreSQL included (e.g. the ten-year `demo_volume --scale large` database).

It prints, for each of BENCH_RUNS builds (default 3; the first in a cold process) and their
median, the time and the number of queries to build the HTML (the edition computed from the
records: every module's section, the figure catalogue, disclosure control, the narrative, the
charts, rendered with the public page's template) and the time to make the PDF of the latest
published version. Targets: HTML under 1 s, PDF under 15 s.
"""

from __future__ import annotations

import io
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scratch import scratch_database  # noqa: E402

SCRATCH_DB = "bench_annual_report"
HTML_TARGET_S = 1.0
PDF_TARGET_S = 15.0


def main() -> int:
    year = sys.argv[1] if len(sys.argv) > 1 else "2020-21"
    base_url = os.environ.get("DATABASE_URL", "")
    if not base_url.startswith("postgres") or os.environ.get("BENCH_DATABASE") == "current":
        return _run(year, seed=os.environ.get("BENCH_SEED") == "1")
    with scratch_database(base_url, SCRATCH_DB) as url:
        os.environ["DATABASE_URL"] = url
        return _run(year, seed=True)


def _run(year: str, *, seed: bool) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from safeguarding.annual_reports import selectors
    from safeguarding.annual_reports.models import PublishedVersion, ReportEdition
    from safeguarding.annual_reports.pdf import version_pdf

    if seed:
        call_command("migrate", verbosity=0)
        call_command("demo_seed", "--quiet-sign-ins", stdout=io.StringIO())
    edition = ReportEdition.objects.filter(year_label=year).first()
    if edition is None:
        print(f"There is no {year} edition in this database (set BENCH_SEED=1 to seed the demo).")
        return 2

    runs = int(os.environ.get("BENCH_RUNS", "3"))
    times: list[float] = []
    for run in range(1, runs + 1):
        html_seconds, query_count, size = _build_html(edition, selectors, connection)
        times.append(html_seconds)
        print(
            f"HTML run {run}: {html_seconds:.2f} s, {query_count} queries, {size:,} characters"
            + (" (a new process: imports, templates and connection cold)" if run == 1 else "")
        )
    html_seconds = sorted(times)[len(times) // 2]
    print(f"HTML: median of {runs} runs {html_seconds:.2f} s (target < {HTML_TARGET_S:.0f} s)")

    version = PublishedVersion.objects.filter(edition=edition).order_by("-number").first()
    if version is None:
        print("PDF: no published version of this edition.")
        return 0 if html_seconds < HTML_TARGET_S else 1
    started = time.perf_counter()
    pdf = version_pdf(
        version=version, partnership_name=settings.PARTNERSHIP_NAME, base_url="http://bench/"
    )
    pdf_seconds = time.perf_counter() - started
    print(f"PDF: {pdf_seconds:.2f} s, {len(pdf):,} bytes (target < {PDF_TARGET_S:.0f} s)")
    return 0 if html_seconds < HTML_TARGET_S and pdf_seconds < PDF_TARGET_S else 1


def _build_html(edition: Any, selectors: Any, connection: Any) -> tuple[float, int, int]:
    """The edition computed from the records and rendered with the preview template: seconds,
    queries and characters."""
    from django.template.loader import render_to_string
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        view = selectors.edition_view(edition=edition)
        html = render_to_string(
            "annual_reports/edition_preview.html",
            {
                "edition": edition,
                "view": view,
                "sections": view.published_sections(),
                "footnotes": view.published_footnotes(),
                "breadcrumbs": [],
            },
        )
        seconds = time.perf_counter() - started
    return seconds, len(queries), len(html)


if __name__ == "__main__":
    raise SystemExit(main())
