"""Benchmark: the pages of issue #17's table, one by one, as each demo role meets them.

Each page is fetched over HTTP from gunicorn on 127.0.0.1, signed in as the demo person of its
role through the real sign-in form (django-allauth, CSRF), BENCH_RUNS times (5) after one
warm-up: the median time and the page's size are printed. The SQL is counted in-process: the
same page is rendered once more through Django's test client (force_login as the same person)
inside CaptureQueriesContext, against the same database. (Counting through gunicorn would need
a debug header in the application; this keeps the application untouched.)

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_volume .venv/bin/python bench/pages.py

DATABASE_URL names a database that already has the demo (and usually demo_volume): nothing is
created or dropped. Without BENCH_URL the script starts gunicorn itself (BENCH_WORKERS processes,
default 2, 4 threads each) on 127.0.0.1:8793 and stops it at the end; with
BENCH_URL=http://127.0.0.1:PORT it uses that server (loopback addresses only).
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from scratch import postgres_url

ROOT = Path(__file__).resolve().parent.parent
HOST, PORT = "127.0.0.1", 8793
PASSWORD = "demo-partnership-2026"  # noqa: S105 - the synthetic demo's published password
DOMAIN = "demo.partnership.example"
LOOPBACK = ("127.", "localhost", "[::1]")


def demo_email(local: str) -> str:
    return f"{local}@{DOMAIN}"


def server_env(database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="config.settings.local",
        DJANGO_DEBUG="0",
        LOG_LEVEL="WARNING",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        # WhiteNoise's "no static directory" warning: pages are fetched without their assets.
        PYTHONWARNINGS="ignore::UserWarning",
    )
    return env


def check_loopback(base: str) -> str:
    host = urllib.parse.urlsplit(base).hostname or ""
    if not (host.startswith("127.") or host in ("localhost", "::1")):
        raise SystemExit(f"Only loopback addresses are benchmarked, not {host!r}.")
    return base.rstrip("/")


@contextmanager
def gunicorn(database_url: str, *, workers: int, threads: int, port: int = PORT) -> Iterator[str]:
    """BENCH_URL if set, else gunicorn started here on 127.0.0.1 and stopped afterwards."""
    given = os.environ.get("BENCH_URL", "")
    if given:
        yield check_loopback(given)
        return
    server = subprocess.Popen(  # noqa: S603 - gunicorn from our own venv, loopback only
        [
            sys.executable, "-m", "gunicorn", "config.wsgi:application",
            "--bind", f"{HOST}:{port}", "--workers", str(workers), "--threads", str(threads),
            "--worker-class", "gthread", "--log-level", "warning", "--timeout", "120",
        ],
        cwd=ROOT, env=server_env(database_url),
    )  # fmt: skip
    base = f"http://{HOST}:{port}"
    try:
        for _ in range(150):
            try:
                with urllib.request.urlopen(f"{base}/healthz/", timeout=5) as response:  # noqa: S310
                    if response.status == 200:
                        break
            except (OSError, urllib.error.URLError):
                time.sleep(0.2)
        else:
            raise SystemExit("gunicorn did not start")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


class Browser:
    """One person's browser: a cookie jar, the sign-in form, timed GETs (no redirects)."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def sign_in(self, email: str) -> None:
        with self.opener.open(f"{self.base}/accounts/login/", timeout=120) as response:
            page = response.read().decode()
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if match is None:
            raise RuntimeError("no CSRF token on the sign-in page")
        body = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": match.group(1), "login": email, "password": PASSWORD}
        ).encode()
        request = urllib.request.Request(  # noqa: S310 - loopback only (check_loopback)
            f"{self.base}/accounts/login/",
            data=body,
            headers={"Referer": f"{self.base}/accounts/login/"},
        )
        with self.opener.open(request, timeout=120) as response:
            response.read()
            if "/accounts/login/" in response.url:
                raise RuntimeError(f"sign-in refused for {email}")

    def use_session(self, email: str) -> None:
        """Sign in without the sign-in form: a session made for the demo person through
        Django's own session engine and authentication backend (the test client's
        `force_login`, against the same database the server reads), its cookie put in this
        browser. For the load bench: fifty sign-ins through the form from one address would
        meet django-allauth's sign-in rate limit, which stays as it is (the bench never
        changes a setting of the application). Needs django_setup() first."""
        from django.conf import settings
        from django.test import Client

        from safeguarding.accounts.models import User

        client = Client(HTTP_HOST=HOST)
        client.force_login(User.objects.get(email=email))
        name = settings.SESSION_COOKIE_NAME
        cookie = http.cookiejar.Cookie(
            version=0, name=name, value=client.cookies[name].value, port=None,
            port_specified=False, domain=HOST, domain_specified=False,
            domain_initial_dot=False, path="/", path_specified=True, secure=False,
            expires=None, discard=True, comment=None, comment_url=None, rest={},
        )  # fmt: skip
        self.jar.set_cookie(cookie)

    def get(self, path: str, timeout: float = 120) -> tuple[int, float, int]:
        """(status, seconds, bytes) of one GET."""
        started = time.perf_counter()
        try:
            with self.opener.open(f"{self.base}{path}", timeout=timeout) as response:
                size = len(response.read())
                status = response.status
        except urllib.error.HTTPError as error:
            size, status = len(error.read()), error.code
        return status, time.perf_counter() - started, size


def django_setup(database_url: str) -> None:
    for key, value in server_env(database_url).items():
        os.environ[key] = value
    sys.path.insert(0, str(ROOT))
    warnings.filterwarnings("ignore", category=UserWarning)
    import django

    django.setup()


@dataclass(frozen=True)
class Page:
    label: str
    role: str  # the demo person's e-mail local part
    path: str


def table_pages() -> list[Page]:
    """The pages of the issue's table, with the ids they need looked up in the database."""
    from safeguarding.partnership.models import Area

    area = Area.objects.order_by("name").first()
    area_path = f"/data/areas/{area.pk}/" if area is not None else "/data/"
    return [
        Page("activity log", "admin", "/activity/"),
        Page("area figures", "analyst", area_path),
        Page("data dashboard", "analyst", "/data/"),
        Page("action plan list", "officer", "/actions/plans/"),
        Page("CDOP case list", "cdop.manager", "/child-deaths/cases/"),
        Page("annual report 2020-21", "board", "/annual-reports/2020-21/"),
        Page("case reviews home", "officer", "/case-reviews/"),
        Page("case reviews list", "officer", "/case-reviews/reviews/"),
        Page("training manage (sessions)", "officer", "/training/manage/"),
        Page("people list", "admin", "/partnership/people/"),
    ]


def count_queries(page: Page) -> tuple[int, int]:
    """(status, queries) of the page rendered in-process for the same person."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from safeguarding.accounts.models import User

    client = Client(HTTP_HOST=HOST)
    client.force_login(User.objects.get(email=demo_email(page.role)))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page.path)
    return response.status_code, len(queries)


def database_counts() -> dict[str, int]:
    from safeguarding.accounts.models import User
    from safeguarding.actions.models import Action
    from safeguarding.activity_log.models import ActivityEvent
    from safeguarding.case_reviews.models import PracticeReview
    from safeguarding.child_deaths.models import ChildDeathNotification
    from safeguarding.datasets.models import ReturnRecord
    from safeguarding.training.models import TrainingBooking, TrainingSession

    return {
        "people": User.objects.count(),
        "training sessions": TrainingSession.objects.count(),
        "bookings": TrainingBooking.objects.count(),
        "practice reviews": PracticeReview.objects.count(),
        "actions": Action.objects.count(),
        "child death cases": ChildDeathNotification.objects.count(),
        "activity events": ActivityEvent.objects.count(),
        "return records": ReturnRecord.objects.count(),
    }


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{size / 1000:.0f} KB"


def main() -> int:
    database_url = postgres_url("a database with the demo, and the volume")
    if not database_url:
        return 2
    runs = int(os.environ.get("BENCH_RUNS", "5"))
    django_setup(database_url)
    counts = database_counts()
    print("database: " + ", ".join(f"{name} {count:,}" for name, count in counts.items()))
    pages = table_pages()
    failed = 0
    workers = int(os.environ.get("BENCH_WORKERS", "2"))
    with gunicorn(database_url, workers=workers, threads=4) as base:
        browsers: dict[str, Browser] = {}
        print(f"{'page':<28} {'role':<13} {'queries':>7} {'median':>9} {'max':>9} {'size':>9}")
        for page in pages:
            if page.role not in browsers:
                browsers[page.role] = Browser(base)
                browsers[page.role].sign_in(demo_email(page.role))
            browser = browsers[page.role]
            browser.get(page.path)  # warm-up
            timings: list[float] = []
            sizes: list[int] = []
            statuses: set[int] = set()
            for _ in range(runs):
                status, seconds, size = browser.get(page.path)
                timings.append(seconds)
                sizes.append(size)
                statuses.add(status)
            status, queries = count_queries(page)
            statuses.add(status)
            ok = statuses == {200}
            failed += 0 if ok else 1
            shown = _size(int(statistics.median(sizes)))
            print(
                f"{page.label:<28} {page.role:<13} {queries:>7} "
                f"{statistics.median(timings):>8.2f}s {max(timings):>8.2f}s {shown:>9}"
                + ("" if ok else f"  status {sorted(statuses)}")
            )
    print(f"median of {runs} runs each after a warm-up; SQL counted in-process (test client)")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
