"""Cross-app fixtures: the test cast (owner, member_readonly, outsider), two agencies with a
safeguarding lead each, a user maker, a frozen clock, task running, and the real-browser
fixtures (Playwright driving Debian's chromium, with axe)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import time_machine

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role

if TYPE_CHECKING:
    from safeguarding.partnership.models import Agency

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    """Rate limits and MFA code reuse live in the cache: start every test with it empty."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_user(db: None) -> Callable[..., User]:
    """make_user(Role.X, (Role.Y, agency), email=...) -> a verified, active user."""
    from safeguarding.accounts.tests.factories import UserFactory
    from safeguarding.partnership import services

    def _make(*roles: Any, **kwargs: Any) -> User:
        user: User = UserFactory.create(**kwargs)
        for spec in roles:
            role, agency = spec if isinstance(spec, tuple) else (spec, None)
            services.role_grant(actor=None, user=user, role=role, agency=agency)
        user.clear_role_cache()
        return user

    return _make


@pytest.fixture
def owner(make_user: Callable[..., User]) -> User:
    """A partnership administrator: may see and change everything."""
    return make_user(Role.PARTNERSHIP_ADMIN)


@pytest.fixture
def officer(make_user: Callable[..., User]) -> User:
    """A business unit officer."""
    return make_user(Role.BUSINESS_UNIT)


@pytest.fixture
def member_readonly(make_user: Callable[..., User]) -> User:
    """The independent scrutineer: sees de-identified material, changes nothing."""
    return make_user(Role.SCRUTINEER)


@pytest.fixture
def outsider(make_user: Callable[..., User]) -> User:
    """Signed in, but holds no role at all."""
    return make_user()


@pytest.fixture
def agency_a(db: None) -> Agency:
    from safeguarding.partnership.tests.factories import AgencyFactory

    return AgencyFactory.create(name="Synthetic Police Service")


@pytest.fixture
def agency_b(db: None) -> Agency:
    from safeguarding.partnership.tests.factories import AgencyFactory

    return AgencyFactory.create(name="Synthetic Health Trust")


@pytest.fixture
def lead_a(make_user: Callable[..., User], agency_a: Agency) -> User:
    """The safeguarding lead of agency A."""
    return make_user((Role.AGENCY_LEAD, agency_a))


@pytest.fixture
def lead_b(make_user: Callable[..., User], agency_b: Agency) -> User:
    """The safeguarding lead of agency B."""
    return make_user((Role.AGENCY_LEAD, agency_b))


# --- a frozen clock ----------------------------------------------------------------------

# Monday 2 June 2025, 9am in London: no bank holidays in the following weeks.
FROZEN_AT = datetime(2025, 6, 2, 8, 0, tzinfo=UTC)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "frozen_at(moment): run the test (or every test of a module so marked) with the clock "
        "stopped at `moment` (the `frozen` fixture)",
    )


@pytest.fixture
def frozen(request: pytest.FixtureRequest) -> Iterator[time_machine.Traveller]:
    """The clock stopped (time_machine, tick=False) at the test's `frozen_at(moment)` mark, or
    at FROZEN_AT without one; the traveller moves it (`frozen.shift(...)`, `frozen.move_to`)."""
    mark = request.node.get_closest_marker("frozen_at")
    with time_machine.travel(mark.args[0] if mark else FROZEN_AT, tick=False) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def _frozen_when_marked(request: pytest.FixtureRequest) -> None:
    """A test marked `frozen_at(moment)`, or in a module so marked, runs frozen from its first
    fixture on."""
    if request.node.get_closest_marker("frozen_at") is not None:
        request.getfixturevalue("frozen")


@pytest.fixture
def run_tasks() -> Callable[[], int]:
    """Run every queued background task now, in this test's transaction, the way the worker
    (`manage.py db_worker`) runs them: a failing task is marked failed, not raised. Returns
    how many ran. (The worker command itself closes database connections between tasks,
    which a test inside a transaction cannot allow.)"""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="pytest",
        excluded_queue_names=[],
    )

    def _run() -> int:
        ran = 0
        while (result := DBTaskResult.objects.ready().order_by("enqueued_at").first()) is not None:
            result.claim(worker.worker_id)
            worker.run_task(result)
            ran += 1
        return ran

    return _run


# --- the demo partnership, seeded once -----------------------------------------------------

DEMO_FIXTURE = "demo_seeded"
_demo_state: dict[str, Any] = {}


@pytest.fixture
def demo_seeded(_demo_session: None) -> None:
    """The whole demo partnership, shared: see `_demo_session`."""
    if "atomic" not in _demo_state:
        pytest.fail(
            "The shared demo was already rolled back: the tests that ask for demo_seeded must "
            "run one after another (run them in one process, or with xdist's --dist loadgroup)."
        )


@pytest.fixture(scope="session")
def _demo_session(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """The whole demo partnership (`manage.py demo_seed`), seeded once per test process and
    shared by every test that asks for it, in a transaction that is rolled back after the last
    of them. Each test still runs in its own savepoint inside it, so what one test changes the
    next never sees.

    The tests that ask for it run first (`pytest_collection_modifyitems` below), one after
    another, so no other test ever sees the demo; a transactional test (live server, browser)
    cannot use it and says so at collection."""
    from django.core.management import call_command
    from django.db import transaction

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("demo_seed", "--quiet-sign-ins")
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
    _demo_state.update(atomic=atomic, blocker=django_db_blocker)
    yield
    _demo_rollback()


@pytest.fixture
def seed_demo() -> Callable[..., None]:
    """seed_demo("governance", "exploitation"): the demo partnership's structure and people, then
    only the named apps' demo (in demo_seed's order), for a test that needs no more. A test that
    needs the whole demo asks for `demo_seeded`, or, if it is transactional, runs demo_seed."""
    from django.conf import settings
    from django.db import transaction
    from django.utils.module_loading import import_string

    def _seed(*apps: str) -> None:
        wanted = {"safeguarding.partnership.demo", *(f"safeguarding.{a}.demo" for a in apps)}
        unknown = wanted - set(settings.DEMO_SEED_MODULES)
        assert not unknown, f"no such demo module: {sorted(unknown)}"
        for module_path in settings.DEMO_SEED_MODULES:
            if module_path in wanted:
                with transaction.atomic():
                    import_string(f"{module_path}.seed")()

    return _seed


def _demo_rollback() -> None:
    atomic = _demo_state.pop("atomic", None)
    if atomic is None:
        return
    from django.db import transaction

    with _demo_state["blocker"].unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


def _uses_demo(item: pytest.Item | None) -> bool:
    return item is not None and DEMO_FIXTURE in getattr(item, "fixturenames", ())


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Run the tests that share the seeded demo first, together (a stable sort: every other
    test keeps pytest-django's order, database tests before transactional ones).

    `tryfirst`: pytest-xdist's worker reads the `xdist_group` marks in its own hook of this
    name, which pytest would otherwise call before this one (a plugin registered later is
    called first): the marks set here would be missed, every file spread over both workers,
    and the demo seeded in each."""
    for item in items:
        if _uses_demo(item) and _is_transactional(item):
            raise pytest.UsageError(
                f"{item.nodeid}: {DEMO_FIXTURE} is a shared transaction; a transactional test "
                "must seed its own demo"
            )
    items.sort(key=lambda item: 0 if _uses_demo(item) else 1)
    # With pytest-xdist (`-n 2 --dist loadgroup`, as `make test` runs it): the tests that share
    # the demo go to one worker together, and every other test goes with the rest of its file
    # (files that share a resource, such as a scratch database, keep it to one process), except
    # the URL matrix's cases, which are independent and many. A file's transactional tests are
    # a group of their own: they empty the database when they end (the rows data migrations
    # made included), so, as in one process, they must run after every other database test.
    # pytest-django's sort puts them last, and `make test` keeps the groups in that order
    # (`--no-loadscope-reorder`), so no worker takes a database test after a transactional one.
    for item in items:
        path = item.nodeid.split("::")[0]
        if _uses_demo(item):
            group = "demo"
        elif "/tests/matrix/" in path:
            group = item.nodeid  # the URL matrix's cases are independent: spread them
        elif _is_transactional(item):
            group = f"{path} (transactional)"
        else:
            group = path
        item.add_marker(pytest.mark.xdist_group(group))


def _is_transactional(item: pytest.Item) -> bool:
    """A test that commits (a live server, a browser, `transaction=True`), as pytest-django
    tells them apart when it sorts the tests."""
    if {"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())):
        return True
    marker = item.get_closest_marker("django_db")
    return marker is not None and bool(
        marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """After the last test that shares the demo (its own savepoint already rolled back), roll
    the demo back too, before any other test starts."""
    yield
    if not _uses_demo(nextitem):
        _demo_rollback()


# --- real browser ----------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(
            "Browser tests need Debian's chromium at /usr/bin/chromium: `make test` installs it."
        )
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API runs a loop
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class CheckedPage:
    """Wraps a Playwright page: every distinct page the test lands on must be scanned with axe
    (`check()`), or the test fails at teardown. check() fails on serious/critical violations."""

    def __init__(self, page: Any, base_url: str) -> None:
        self.page = page
        self.base_url = base_url
        self.visited: set[str] = set()
        self.checked: set[str] = set()
        page.on("framenavigated", self._navigated)

    def _navigated(self, frame: Any) -> None:
        if frame == self.page.main_frame:
            self.visited.add(frame.url.split("#")[0])

    def check(self) -> None:
        from axe_playwright_python.sync_playwright import Axe

        self.page.wait_for_load_state("load")
        results = Axe().run(self.page)
        bad = [
            v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")
        ]
        url = self.page.url.split("#")[0]
        assert not bad, f"axe found serious problems on {url}:\n" + "\n".join(
            f"- {v['id']} ({v['impact']}): {v['help']} at "
            + ", ".join(str(n["target"]) for n in v["nodes"][:3])
            for v in bad
        )
        self.checked.add(url)

    def goto(self, url: str) -> None:
        self.page.goto(url)
        self.check()

    def sign_in(self, user: User) -> None:
        """Sign `user` in without the sign-in form: a fresh session (as Django's test client
        makes one) in the browser's cookies, in place of any earlier one."""
        from django.conf import settings
        from django.test import Client

        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        self.page.context.clear_cookies()
        self.page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": self.base_url}]
        )

    def press(self, button: str, *, url: str | None = None) -> None:
        """Press the button named `button`, wait for the page it leads to (at `url`, a glob,
        when given) and scan it."""
        self.page.get_by_role("button", name=button).click()
        self._arrived(url)

    def follow(
        self,
        link: str | re.Pattern[str],
        *,
        exact: bool = False,
        first: bool = False,
        url: str | None = None,
    ) -> None:
        """Follow the link named `link` (with `exact`, that whole name; the only such link, or
        with `first` the first of several), wait for the page it leads to (at `url`, a glob,
        when given) and scan it."""
        links = self.page.get_by_role("link", name=link, exact=exact)
        (links.first if first else links).click()
        self._arrived(url)

    def _arrived(self, url: str | None) -> None:
        if url is None:
            self.page.wait_for_load_state("load")
        else:
            self.page.wait_for_url(url)
        self.check()

    def fill_date(self, legend: str, value: Any, *, exact: bool = False) -> None:
        """Fill a GOV.UK date input (core.forms.GOVUKDateField) found by its legend: the Day,
        Month and Year boxes, and for a datetime the Hour and Minute boxes and am or pm."""
        group = self.page.get_by_role("group", name=legend, exact=exact)
        group.get_by_label("Day").fill(str(value.day))
        group.get_by_label("Month").fill(str(value.month))
        group.get_by_label("Year").fill(str(value.year))
        if hasattr(value, "hour"):
            group.get_by_label("Hour").fill(str(value.hour % 12 or 12))
            group.get_by_label("Minute").fill(f"{value.minute:02d}")
            group.get_by_label("am or pm").select_option("am" if value.hour < 12 else "pm")

    def unchecked(self) -> set[str]:
        return {u for u in self.visited - self.checked if not u.startswith("about:")}


@pytest.fixture
def browser_page(browser: Any, live_server: Any, transactional_db: None) -> Iterator[CheckedPage]:
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    checked = CheckedPage(page, live_server.url)
    yield checked
    context.close()
    missed = checked.unchecked()
    assert not missed, f"pages visited without an axe scan: {sorted(missed)}"


# --- the URL matrix's count, in the terminal summary ------------------------------------------


def pytest_sessionfinish(session: pytest.Session) -> None:
    """In an xdist worker: hand the worker's count of URL matrix cases to the controller."""
    output = getattr(session.config, "workeroutput", None)
    if output is not None:
        from safeguarding.core.tests.matrix.conftest import CASES_RUN

        output["url_matrix_cases"] = sum(CASES_RUN)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: Any) -> None:
    """In the xdist controller: add up the workers' counts."""
    from safeguarding.core.tests.matrix.conftest import CASES_RUN

    CASES_RUN.append(getattr(node, "workeroutput", {}).get("url_matrix_cases", 0))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    from safeguarding.core.tests.matrix.conftest import CASES_RUN
    from safeguarding.core.tests.matrix.registry import missing_names

    if not CASES_RUN:
        return  # the matrix did not run
    missing = sorted(missing_names())
    if missing:
        terminalreporter.write_line(f"URL matrix: {len(missing)} URL names without an entry yet:")
        by_app: dict[str, list[str]] = {}
        for name in missing:
            app, short = name.split(":")
            by_app.setdefault(app, []).append(short)
        for app, names in sorted(by_app.items()):
            terminalreporter.write_line(f"  {app} ({len(names)}): {' '.join(names)}")
    if CASES_RUN:
        terminalreporter.write_line(
            f"URL matrix: {sum(CASES_RUN)} URL x role x object x method cases checked"
        )
