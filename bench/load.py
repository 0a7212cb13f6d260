"""Benchmark: 50 simulated people on the grown demo for BENCH_SECONDS (300), against gunicorn
and PostgreSQL on 127.0.0.1 (issue #17).

Each simulated person is one thread of a bounded pool (BENCH_USERS, 50) with its own cookies,
signed in as the demo person of its role (round robin over the six roles below). Sign-in: a
session is made for each person through Django's session engine and authentication backend
(`Browser.use_session`, the test client's `force_login` against the same database) before the
clock starts, because fifty sign-ins through the form from one address meet django-allauth's
sign-in rate limit (30 a minute per address), which is a production setting the bench leaves
alone. BENCH_SIGN_IN=form signs in through the real form instead (four at a time; at most 30
people a minute).

Think time: after each page a person waits BENCH_THINK seconds (default "2,8": uniformly 2 to
8 s, mean 5 s) before the next click, as someone reading a list or a case does; with 50 people
that offers about 50 / (5 s + the page's time) = up to 10 requests a second. BENCH_THINK="0.5,1.5"
(the earlier default) is a stress test, not a model of people. Each person repeats their role's
journey until the time is up:

* the practitioner's booking: the course list, a course, an upcoming session, their bookings;
* the officer's case pages: case reviews home, the review list, a review, the action plans;
* the CDOP manager's cases: the case list and a case;
* the analyst's dashboard: the data dashboard and an area's figures;
* the board's report: the annual reports and the 2020-21 report;
* the agency lead's actions: the action list and an action plan.

The journeys only read (opening a child death case writes its activity-log event, as it does
for real people). Prints requests/s, p50/p95/p99 per page and every error. Targets: p95 at most
150 ms for every page, no errors, the yearly report under 1 s.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_volume .venv/bin/python bench/load.py

DATABASE_URL names a database with the demo and demo_volume (nothing is created or dropped).
gunicorn is started here on 127.0.0.1:8794 (BENCH_WORKERS processes, default 3, 8 threads each)
unless BENCH_URL names a running server on a loopback address (only loopback is contacted).
"""

from __future__ import annotations

import os
import random
import re
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from crowd import Results, percentile, run_crowd  # noqa: E402
from pages import Browser, demo_email, django_setup, gunicorn  # noqa: E402
from scratch import postgres_url  # noqa: E402

PORT = 8794


def journeys() -> dict[str, list[str]]:
    """Each role's pages, with the ids looked up in the database."""
    from django.utils import timezone

    from safeguarding.accounts.models import User
    from safeguarding.actions.models import ActionPlan
    from safeguarding.case_reviews.models import PracticeReview
    from safeguarding.child_deaths.models import ChildDeathNotification
    from safeguarding.partnership.demo import demo_email as person
    from safeguarding.partnership.models import Area
    from safeguarding.training.models import TrainingSession

    session = (
        TrainingSession.objects.filter(starts_at__gt=timezone.now(), status="scheduled")
        .order_by("starts_at")
        .first()
    )
    review = PracticeReview.objects.order_by("-commissioned_on").first()
    case = ChildDeathNotification.objects.order_by("-date_of_death").first()
    area = Area.objects.order_by("name").first()
    lead = User.objects.get(email=person("agency.lead"))
    plan = (
        ActionPlan.objects.filter(actions__owner_agency_id__in=lead.lead_agency_ids)
        .order_by("-pk")
        .first()
    ) or ActionPlan.objects.order_by("-pk").first()
    if None in (session, review, case, area, plan):
        raise SystemExit("The database has no demo records: run demo_seed and demo_volume.")
    assert session is not None
    assert review is not None
    assert case is not None
    assert area is not None
    assert plan is not None
    return {
        "practitioner": [
            "/training/",
            f"/training/courses/{session.course_id}/",
            f"/training/sessions/{session.pk}/",
            "/training/bookings/",
        ],
        "officer": [
            "/case-reviews/",
            "/case-reviews/reviews/",
            f"/case-reviews/reviews/{review.pk}/",
            "/actions/plans/",
        ],
        "cdop.manager": ["/child-deaths/cases/", f"/child-deaths/cases/{case.pk}/"],
        "analyst": ["/data/", f"/data/areas/{area.pk}/"],
        "board": ["/annual-reports/", "/annual-reports/2020-21/"],
        "agency.lead": ["/actions/", f"/actions/plans/{plan.pk}/"],
    }


def _page(path: str) -> str:
    """The page a path opens: "/actions/plans/<id>/" for every plan."""
    return re.sub(r"/\d+/", "/<id>/", path)


def person(
    index: int, browser: Browser, paths: list[str], deadline: float, results: Results
) -> None:
    rng = random.Random(index)  # noqa: S311 - load pattern, not security
    low, high = (float(x) for x in os.environ.get("BENCH_THINK", "2,8").split(","))
    time.sleep(rng.uniform(0, high))  # people do not all start at once
    step = rng.randrange(len(paths))
    while time.monotonic() < deadline:
        path = paths[step % len(paths)]
        step += 1
        try:
            status, seconds, _size = browser.get(path, timeout=60)
        except OSError as error:
            results.error(f"{type(error).__name__} {path}")
            continue
        results.add(path, seconds, status)
        time.sleep(rng.uniform(low, high))


def signed_in(base: str, role: str) -> Browser:
    browser = Browser(base)
    if os.environ.get("BENCH_SIGN_IN", "session") == "form":
        browser.sign_in(demo_email(role))
    else:
        browser.use_session(demo_email(role))
    return browser


def report(results: Results, elapsed: float, users: int) -> bool:
    every = results.every()
    if not every:
        print("no requests completed")
        return False
    print(
        f"users {users}, {elapsed:.0f} s, requests {len(every)}, "
        f"{len(every) / elapsed:.1f} requests/s, errors {len(results.errors)}"
    )
    print(f"{'page':<34} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}  target p95 <= 150 ms")
    ok = not results.errors
    for path, values in sorted(results.latencies.items()):
        p95 = percentile(values, 0.95) * 1000
        ok = ok and p95 <= 150
        print(
            f"{path:<34} {len(values):>6} {statistics.median(values) * 1000:>8.0f} "
            f"{p95:>8.0f} {percentile(values, 0.99) * 1000:>8.0f}  "
            + ("met" if p95 <= 150 else "MISSED")
        )
    print(
        f"{'all pages':<34} {len(every):>6} {statistics.median(every) * 1000:>8.0f} "
        f"{percentile(every, 0.95) * 1000:>8.0f} {percentile(every, 0.99) * 1000:>8.0f}"
    )
    for error in results.errors[:10]:
        print("  error:", error)
    return ok


def main() -> int:
    database_url = postgres_url("a database with the demo and demo_volume")
    if not database_url:
        return 2
    users = int(os.environ.get("BENCH_USERS", "50"))
    seconds = float(os.environ.get("BENCH_SECONDS", "300"))
    workers = int(os.environ.get("BENCH_WORKERS", "3"))
    django_setup(database_url)
    paths = journeys()
    roles = list(paths)
    with gunicorn(database_url, workers=workers, threads=8, port=PORT) as base:
        # Sign everyone in first (the form: four at a time, each a deliberately slow password
        # hash): the measured minutes are the journeys, not a crowd at the sign-in form.
        people_roles = [roles[i % len(roles)] for i in range(users)]
        if os.environ.get("BENCH_SIGN_IN", "session") == "form":
            with ThreadPoolExecutor(max_workers=4) as pool:
                browsers = list(pool.map(lambda role: signed_in(base, role), people_roles))
        else:  # Django's database connection is per thread: make the sessions here, in turn
            browsers = [signed_in(base, role) for role in people_roles]
        results = Results(key=_page)
        elapsed = run_crowd(
            users,
            lambda i, deadline: person(i, browsers[i], paths[people_roles[i]], deadline, results),
            seconds=seconds,
            grace=120,
        )
    return 0 if report(results, elapsed, users) else 1


if __name__ == "__main__":
    raise SystemExit(main())
