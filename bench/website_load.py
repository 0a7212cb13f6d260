"""Benchmark: the public website under 200 concurrent anonymous visitors for 60 seconds.

Starts gunicorn on a loopback port against a scratch PostgreSQL database with the demo's
website, then runs 200 visitor threads (a bounded pool) that each open public pages with a
short think time between pages (0.2 to 1.0 s, like people reading), for BENCH_SECONDS (60).
Prints requests per second, p50/p95/p99 latency and errors, and checks the site's own counter:
the page views recorded must equal the requests made (every page here is a counted page).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/website_load.py

Only 127.0.0.1 is ever contacted. BENCH_VISITORS, BENCH_SECONDS and BENCH_WORKERS (gunicorn
processes, default 3) change the run. The scratch database `bench_website` is dropped afterwards.
Target (issue #16): p95 under 100 ms, no errors, counter exact.
"""

from __future__ import annotations

import http.client
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from crowd import Results, percentile, run_crowd  # noqa: E402
from pages import server_env  # noqa: E402
from scratch import postgres_url, scratch_database  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SCRATCH_DB = "bench_website"
HOST, PORT = "127.0.0.1", 8791
AGENTS = [
    "Mozilla/5.0 (X11; Linux x86_64) Chrome/120 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) Safari/604.1",
]


def _manage(url: str, *args: str) -> None:
    subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *args], cwd=ROOT, env=server_env(url), check=True
    )


SEED = (
    "from safeguarding.partnership import demo as partnership\n"
    "from safeguarding.case_reviews import demo as case_reviews\n"
    "from safeguarding.website import demo as website\n"
    "partnership.seed(); case_reviews.seed(); website.seed()\n"
)


def _paths() -> list[str]:
    return [
        "/site/",
        "/site/pages/about-the-partnership/",
        "/site/pages/covid-19-safeguarding/",
        "/site/pages/safer-sleep-for-babies/",
        "/site/resources/",
        "/site/resources/neglect-toolkit/",
        "/site/report-a-concern/",
        "/site/learning/",
        "/site/search/?q=neglect",
        "/training/",
    ]


def _page(path: str) -> str:
    """The page a path opens, without its query ("/site/search/")."""
    return path.split("?")[0]


def _visitor(index: int, deadline: float, results: Results) -> None:
    rng = random.Random(index)  # noqa: S311 - load pattern, not security
    agent = AGENTS[index % len(AGENTS)]
    conn = http.client.HTTPConnection(HOST, PORT, timeout=10)
    paths = _paths()
    while time.monotonic() < deadline:
        path = rng.choice(paths)
        # Each visitor has its own address, as people do (the counter's daily users).
        headers = {"User-Agent": agent, "X-Forwarded-For": f"198.51.100.{index % 250}"}
        started = time.perf_counter()
        try:
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException) as exc:
            status = 0
            results.error(f"{type(exc).__name__} {path}")
            conn.close()
            conn = http.client.HTTPConnection(HOST, PORT, timeout=10)
        results.add(path, time.perf_counter() - started, status)
        time.sleep(rng.uniform(0.2, 1.0))
    conn.close()


def _counted(url: str) -> int:
    import psycopg

    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT COALESCE(SUM(views), 0) FROM website_siteday").fetchone()
    return int(row[0]) if row else 0


def main() -> int:
    base = postgres_url("the benchmark needs PostgreSQL")
    if not base:
        return 2
    visitors = int(os.environ.get("BENCH_VISITORS", "200"))
    seconds = float(os.environ.get("BENCH_SECONDS", "60"))
    workers = os.environ.get("BENCH_WORKERS", "3")
    with scratch_database(base, SCRATCH_DB) as url:
        return _measure(url, visitors, seconds, workers)


def _measure(url: str, visitors: int, seconds: float, workers: str) -> int:
    server = None
    try:
        _manage(url, "migrate", "--noinput", "-v0")
        # The demo's partnership, case reviews (published learning) and website only: the
        # pages visited need nothing else, and it keeps the set-up short.
        _manage(url, "shell", "-c", SEED)
        with psycopg_conn(url) as conn:  # the demo's 2020-21 counters: start from zero
            conn.execute("DELETE FROM website_siteday")
            conn.execute("DELETE FROM website_pageviewday")
        env = {**server_env(url), "TRUST_X_FORWARDED_FOR": "1"}
        server = subprocess.Popen(  # noqa: S603 - gunicorn from our own venv, loopback only
            [
                sys.executable, "-m", "gunicorn", "config.wsgi:application",
                "--bind", f"{HOST}:{PORT}", "--workers", workers, "--threads", "8",
                "--worker-class", "gthread", "--log-level", "warning",
            ],
            cwd=ROOT, env=env,
        )  # fmt: skip
        _wait_for_server()
        for path in _paths():  # warm each worker's page cache a little
            _get(path)
        with psycopg_conn(url) as conn:
            conn.execute("DELETE FROM website_siteday")
            conn.execute("DELETE FROM website_pageviewday")
        results = Results(key=_page)
        elapsed = run_crowd(
            visitors,
            lambda i, deadline: _visitor(i, deadline, results),
            seconds=seconds,
            grace=30,
        )
        _report(results, elapsed, visitors, counted=_counted(url))
        ok = not results.errors and _counted(url) == results.requests
        return 0 if ok else 1
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)


def psycopg_conn(url: str):  # type: ignore[no-untyped-def]
    import psycopg

    return psycopg.connect(url, autocommit=True)


def _get(path: str) -> int:
    conn = http.client.HTTPConnection(HOST, PORT, timeout=10)
    conn.request("GET", path, headers={"User-Agent": "warm-up"})
    response = conn.getresponse()
    response.read()
    conn.close()
    return response.status


def _wait_for_server() -> None:
    for _ in range(100):
        try:
            if _get("/healthz/") == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


def _report(results: Results, elapsed: float, visitors: int, *, counted: int) -> None:
    every = results.every()
    rate = results.requests / elapsed
    print(f"visitors {visitors}, {elapsed:.0f} s, requests {results.requests}, "
          f"{rate:.1f} requests/s, errors {len(results.errors)}")  # fmt: skip
    print(f"all pages: p50 {statistics.median(every) * 1000:.1f} ms, "
          f"p95 {percentile(every, 0.95) * 1000:.1f} ms, "
          f"p99 {percentile(every, 0.99) * 1000:.1f} ms")  # fmt: skip
    for path, values in sorted(results.latencies.items()):
        print(f"  {path:<40} n={len(values):>5}  p50 {statistics.median(values) * 1000:6.1f} ms"
              f"  p95 {percentile(values, 0.95) * 1000:6.1f} ms")  # fmt: skip
    print(f"page views counted by the site: {counted} (requests made: {results.requests}) "
          f"{'EXACT' if counted == results.requests else 'MISMATCH'}")  # fmt: skip
    for error in results.errors[:10]:
        print("  error:", error)


if __name__ == "__main__":
    raise SystemExit(main())
