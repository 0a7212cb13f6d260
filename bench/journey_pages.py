"""Benchmark: every page the load bench's journeys open (bench/load.py), one person at a time,
in-process, with the SQL counted and timed: where a page's time goes before any contention.

Each page is rendered through Django's test client (the full middleware stack: session,
authentication, idle timeout, CSP...) signed in as the journey's demo person (`force_login`),
once to warm up and then BENCH_RUNS times (5). Printed per page: the median and slowest time,
the queries and the median time spent in them (the rest is Python: views, templates,
middleware), and the page's size. The cache is the settings' (per-process memory unless
CACHE_URL names Redis): a page that keeps figures in it is measured as served from it after the
warm-up; BENCH_CLEAR_CACHE=1 clears the cache before every run to measure the computation.

BENCH_PROFILE=/path/ also runs that page under cProfile and prints the 30 costliest functions
(cumulative time), BENCH_SQL=1 prints each page's five slowest queries.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/perf_large \
        .venv/bin/python bench/journey_pages.py

DATABASE_URL names a database with the demo and demo_volume (nothing is created or dropped;
opening a child death case records its activity-log event, as it does for real people).
"""

from __future__ import annotations

import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load import journeys  # noqa: E402
from pages import HOST, _size, database_counts, demo_email, django_setup  # noqa: E402
from scratch import postgres_url  # noqa: E402


def main() -> int:
    database_url = postgres_url("a database with the demo and demo_volume")
    if not database_url:
        return 2
    runs = int(os.environ.get("BENCH_RUNS", "5"))
    clear = os.environ.get("BENCH_CLEAR_CACHE", "") == "1"
    profile_path = os.environ.get("BENCH_PROFILE", "")
    show_sql = os.environ.get("BENCH_SQL", "") == "1"
    django_setup(database_url)

    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from safeguarding.accounts.models import User

    counts = database_counts()
    print("database: " + ", ".join(f"{name} {count:,}" for name, count in counts.items()))
    print(
        f"{'page':<34} {'role':<13} {'median':>8} {'max':>8} {'queries':>7} {'SQL':>8} {'size':>7}"
    )
    failed = 0
    for role, paths in journeys().items():
        client = Client(HTTP_HOST=HOST)
        client.force_login(User.objects.get(email=demo_email(role)))
        for path in paths:
            client.get(path)  # warm-up
            timings: list[float] = []
            sql_times: list[float] = []
            query_counts: set[int] = set()
            slowest: list[tuple[float, str]] = []
            size = 0
            status = 200
            for _ in range(runs):
                if clear:
                    cache.clear()
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    response = client.get(path)
                    timings.append(time.perf_counter() - started)
                status = response.status_code if status == 200 else status
                size = len(response.content)
                query_counts.add(len(queries))
                sql_times.append(sum(float(q["time"]) for q in queries.captured_queries))
                slowest = sorted(
                    ((float(q["time"]), q["sql"]) for q in queries.captured_queries),
                    reverse=True,
                )[:5]
            failed += status != 200
            counted = "/".join(str(n) for n in sorted(query_counts))
            print(
                f"{path:<34} {role:<13} {statistics.median(timings) * 1000:>6.0f}ms "
                f"{max(timings) * 1000:>6.0f}ms {counted:>7} "
                f"{statistics.median(sql_times) * 1000:>6.0f}ms {_size(size):>7}"
                + ("" if status == 200 else f"  status {status}")
            )
            if show_sql:
                for seconds, sql in slowest:
                    print(f"    {seconds * 1000:7.1f} ms  {sql[:300]}")
            if profile_path and path == profile_path:
                profiler = cProfile.Profile()
                profiler.enable()
                client.get(path)
                profiler.disable()
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    print(f"median of {runs} runs each after a warm-up, in-process (test client)")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
