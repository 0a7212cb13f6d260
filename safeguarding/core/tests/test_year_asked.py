"""core.years.year_asked: the reporting year a page's ?year= names, or the page's default."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from safeguarding.core.years import ReportingYear, year_asked

DEFAULT = ReportingYear(2023)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?year=2020-21", ReportingYear(2020)),
        ("?year=2020/21", ReportingYear(2020)),
        ("", DEFAULT),
        ("?year=", DEFAULT),
        ("?year=last", DEFAULT),
        ("?year=2020-22", DEFAULT),
    ],
)
def test_year_asked_reads_the_year_or_gives_the_default(
    rf: RequestFactory, query: str, expected: ReportingYear
) -> None:
    assert year_asked(rf.get(f"/figures/{query}"), default=DEFAULT) == expected
