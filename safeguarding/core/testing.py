"""Test helpers shared by every app's tests.

`ViewMatrix` makes the four cases every view test module covers one line each:

    matrix = ViewMatrix(client, url)
    matrix.allowed(owner)                       # 200 on GET
    matrix.outsider(outsider)                   # 404
    matrix.read_only_write(member_readonly)     # 403 on POST
    matrix.wrong_method(owner, "delete")        # 405
    matrix.form_checks(owner, outsider=outsider, read_only=member_readonly)  # all four
    matrix.action_checks(owner, outsider=outsider, read_only=[member_readonly])  # POST-only

`assert_same_query_count(build, visit)` proves a page does not run a query per row: it builds
the data at two sizes and asserts the page costs the same number of queries at both; where a
test grows its own data between two looks, `page_query_counts` and `card_query_counts` count
the pages and the "My work" cards at each look.

Exports: `streamed_cells(response)` reads a streamed CSV or XLSX export as rows of text, and
`each_format_and_formula_start` parametrizes a test over both formats and every character that
starts a spreadsheet formula, for `assert_export_formula_safe`.

`temporary_model(app_label, model_name, base, **fields)` declares a model inside a (transactional)
test and gives it a table for the length of a `with`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import pytest
from django.db import connection, models
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

if TYPE_CHECKING:
    from safeguarding.accounts.models import User
    from safeguarding.core.registry import Card


class ViewMatrix:
    def __init__(self, client: Client, url: str) -> None:
        self.client = client
        self.url = url

    def _as(self, user: User | None) -> Client:
        self.client.logout()
        if user is not None:
            self.client.force_login(user)
        return self.client

    def allowed(
        self, user: User, *, method: str = "get", data: Any = None, status: int = 200
    ) -> Any:
        response: Any = getattr(self._as(user), method)(self.url, data or {})
        assert response.status_code == status, (
            f"{method.upper()} {self.url} as an allowed user gave {response.status_code}, "
            f"expected {status}"
        )
        return response

    def outsider(self, user: User, *, method: str = "get", data: Any = None) -> Any:
        response: Any = getattr(self._as(user), method)(self.url, data or {})
        assert response.status_code == 404, (
            f"{method.upper()} {self.url} as an outsider gave {response.status_code}, expected 404"
        )
        return response

    def read_only_write(self, user: User, *, data: Any = None) -> Any:
        response: Any = self._as(user).post(self.url, data or {})
        assert response.status_code == 403, (
            f"POST {self.url} as a read-only user gave {response.status_code}, expected 403"
        )
        return response

    def wrong_method(self, user: User, method: str = "delete") -> Any:
        response: Any = getattr(self._as(user), method)(self.url)
        assert response.status_code == 405, (
            f"{method.upper()} {self.url} gave {response.status_code}, expected 405"
        )
        return response

    def form_checks(
        self, user: User, *, outsider: User | None = None, read_only: User | None = None
    ) -> ViewMatrix:
        """The checks every form page takes: `user` may open it (200), the `outsider` gets
        404, the `read_only` user's POST 403, and DELETE is refused (405). The matrix back,
        for the test's own requests."""
        self.allowed(user)
        if outsider is not None:
            self.outsider(outsider)
        if read_only is not None:
            self.read_only_write(read_only)
        self.wrong_method(user, "delete")
        return self

    def action_checks(
        self,
        user: User,
        *,
        outsider: User | None = None,
        read_only: Sequence[User] = (),
        data: Any = None,
    ) -> Any:
        """The checks every POST-only action takes, in this order: each `read_only` user's
        POST gets 403, the `outsider`'s POST 404 and a GET 405; then `user`'s POST (with
        `data`, as every POST here) goes through with a redirect (302), and its response is
        returned."""
        for reader in read_only:
            self.read_only_write(reader, data=data)
        if outsider is not None:
            self.outsider(outsider, method="post", data=data)
        self.wrong_method(user, "get")
        return self.allowed(user, method="post", data=data, status=302)

    def anonymous_redirected(self) -> Any:
        response: Any = self._as(None).get(self.url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
        return response


def query_count(visit: Callable[[], Any]) -> tuple[int, list[str]]:
    """How many queries `visit()` runs, and their SQL."""
    with CaptureQueriesContext(connection) as captured:
        visit()
    return len(captured), [query["sql"] for query in captured.captured_queries]


def page_queries(client: Client, url: str) -> int:
    """How many queries one GET of `url` runs; the page must answer 200."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, f"GET {url} gave {response.status_code}, expected 200"
    return len(captured)


def page_query_counts(client: Client, user: User, urls: Iterable[str]) -> dict[str, int]:
    """How many queries each page of `urls` runs for `user`, by URL: each is visited once
    before it is counted (view logging and per-process caches may differ the first time)."""
    client.force_login(user)
    counts = {}
    for url in urls:
        client.get(url)
        counts[url] = page_queries(client, url)
    return counts


def card_query_counts(*cards: tuple[Callable[[User], Any], User]) -> list[int]:
    """How many queries each (card provider, user) runs, the user read afresh each time (so
    no role or agency is already cached on it)."""
    counts = []
    for provider, user in cards:
        fresh = type(user)._default_manager.get(pk=user.pk)
        with CaptureQueriesContext(connection) as captured:
            provider(fresh)
        counts.append(len(captured))
    return counts


def rows_behind(client: Client, url: str) -> int:
    """The rows (`data-row`) on every page of the list at `url`, as the signed-in user sees
    them; each page must show the list's count (`<span data-count>`), and the count must
    equal the rows found."""
    total = 0
    page = 1
    while True:
        joiner = "&" if "?" in url else "?"
        body = client.get(f"{url}{joiner}page={page}").content.decode()
        total += body.count("data-row")
        count = re.search(r"<span data-count>([\d,]+)</span>", body)
        assert count is not None, f"{url} page {page} shows no count"
        if f"page={page + 1}" not in body or 'rel="next"' not in body:
            assert int(count.group(1).replace(",", "")) == total
            return total
        page += 1


def assert_card_matches(
    client: Client, card: Card | None, expected: int, *, items_shown: int | None = None
) -> None:
    """A "My work" card counts `expected` records, and so does the list it links to (every
    page of it, as the client's user); with `items_shown`, the card lists at most that many."""
    assert card is not None, "no card"
    assert card.count == expected
    if items_shown is not None:
        assert len(card.items) == min(expected, items_shown)
    assert rows_behind(client, card.link_url) == expected


def assert_same_query_count(
    build: Callable[[int], Any],
    visit: Callable[[], Any],
    *,
    sizes: Sequence[int] = (3, 30),
) -> None:
    """Build `n` more records (so `build(n)` must add to what is already there: it is called
    with each size in turn, and should create `n - previous` records or reset first), visit
    the page and compare the query counts: a list or card that runs a query per row fails.

    `build(n)` is called with the number of records wanted in total; `visit()` fetches the
    page (and may assert on it). The first visit is done once before counting, to warm any
    per-process caches (content types, sessions)."""
    counts: list[tuple[int, int, list[str]]] = []
    for size in sizes:
        build(size)
        visit()  # warm caches (content types, site settings) so only the page's own queries count
        number, sql = query_count(visit)
        counts.append((size, number, sql))
    first_size, first, first_sql = counts[0]
    for size, number, sql in counts[1:]:
        if number != first:
            extra = "\n".join(q for q in sql if q not in first_sql)[:3000]
            raise AssertionError(
                f"{first} queries with {first_size} records but {number} with {size}: "
                f"a query per row. Queries only in the larger run:\n{extra}"
            )


def response_bytes(response: Any) -> bytes:
    """The body of a response, streamed or not (exports stream)."""
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return bytes(response.content)


DANGEROUS_STARTS = ("=", "+", "-", "@")
EXPORT_FORMATS = ("csv", "xlsx")

each_format_and_formula_start = pytest.mark.parametrize(
    ("file_format", "start"),
    [(file_format, start) for start in DANGEROUS_STARTS for file_format in EXPORT_FORMATS],
)
"""Run the test once for each export format and each character that starts a formula."""


def export_cells(response: Any) -> list[list[str]]:
    """Every cell of a CSV or XLSX export response, as text (for formula-safety tests)."""
    import csv
    import io

    from openpyxl import load_workbook

    body = response_bytes(response)
    if body[:2] == b"PK":
        sheet = load_workbook(io.BytesIO(body)).worksheets[0]
        return [
            ["" if value is None else str(value) for value in row]
            for row in sheet.iter_rows(values_only=True)
        ]
    return [list(row) for row in csv.reader(io.StringIO(body.decode()))]


def export_get(client: Client, user: User, url: str, file_format: str, **params: str) -> Any:
    """`user` downloads the export at `url` in `file_format` ("csv" or "xlsx"), with any
    other query `params` (a filter, a year)."""
    client.force_login(user)
    return client.get(url, {"format": file_format, **params})


def streamed_cells(response: Any) -> list[list[str]]:
    """Every cell of a CSV or XLSX export, as text, having checked that the export answered
    200 and streams (a generator response, so a large export is never held in memory)."""
    assert response.status_code == 200, f"the export gave {response.status_code}, expected 200"
    assert getattr(response, "streaming", False), "exports must stream (a generator response)"
    return export_cells(response)


def assert_export_formula_safe(response: Any, value: str) -> None:
    """The export streams, contains `value` neutralised (an apostrophe before it) and no
    cell that a spreadsheet would run as a formula."""
    cells = [cell for row in streamed_cells(response) for cell in row]
    assert "'" + value in cells, f"{value!r} not found neutralised in the export"
    assert not [cell for cell in cells if cell.startswith(DANGEROUS_STARTS)]


def date_data(name: str, value: date | str) -> dict[str, str]:
    """POST data for a GOV.UK date input (core.forms.GOVUKDateField): the three boxes."""
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return {
        f"{name}-day": str(day.day),
        f"{name}-month": str(day.month),
        f"{name}-year": str(day.year),
    }


def datetime_data(name: str, value: datetime | str) -> dict[str, str]:
    """POST data for a GOV.UK date and time input (core.forms.GOVUKDateTimeField): the date
    boxes, then hour, minute and am/pm. A string is read as "2026-03-18 09:30" (local time)."""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return {
        **date_data(name, moment.date()),
        f"{name}-hour": str(moment.hour % 12 or 12),
        f"{name}-minute": f"{moment.minute:02d}",
        f"{name}-ampm": "am" if moment.hour < 12 else "pm",
    }


@contextmanager
def temporary_model(
    app_label: str,
    model_name: str,
    base: type[models.Model] = models.Model,
    /,
    **fields: models.Field[Any, Any],
) -> Iterator[Any]:
    """A model class `model_name` (a subclass of `base` with `fields`) declared for one test,
    with its table `<app_label>_test_<model_name>` for the length of the `with`; afterwards the
    table is dropped and the app registry forgets the model. Schema changes: the test must be
    transactional (`django_db(transaction=True)`)."""
    from django.apps import apps

    table = f"{app_label}_test_{model_name.lower()}"
    meta = type("Meta", (), {"app_label": app_label, "db_table": table})
    model = type(model_name, (base,), {"__module__": __name__, "Meta": meta, **fields})
    with connection.schema_editor() as editor:
        editor.create_model(model)
    try:
        yield model
    finally:
        with connection.schema_editor() as editor:
            editor.delete_model(model)
        apps.all_models[app_label].pop(model_name.lower(), None)
        apps.clear_cache()
