"""core.paging: a list's page from `?page=` (a wrong number never fails) and the filters its
page links keep."""

from __future__ import annotations

import pytest
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.test import RequestFactory

from safeguarding.core.paging import filter_query, page_at, page_of, paginate

ITEMS = list(range(1, 61))  # three pages of 25: 25, 25 and 10


def _get(query: str = "") -> HttpRequest:
    return RequestFactory().get("/list/" + (f"?{query}" if query else ""))


@pytest.mark.parametrize(("number", "shown"), [(1, 1), (2, 2), (3, 3), ("3", 3)])
def test_page_at_gives_the_page_asked_for(number: int | str, shown: int) -> None:
    page = page_at(ITEMS, number)
    assert page.number == shown
    assert list(page)[0] == (shown - 1) * 25 + 1


def test_the_last_page_holds_what_is_left() -> None:
    page = page_at(ITEMS, 3)
    assert list(page) == list(range(51, 61))
    assert not page.has_next()
    assert page.has_previous()


@pytest.mark.parametrize("number", [4, 99, "1000000"])
def test_a_page_past_the_end_shows_the_last(number: int | str) -> None:
    assert page_at(ITEMS, number).number == 3


@pytest.mark.parametrize(
    ("number", "shown"),
    [(None, 1), ("", 1), ("abc", 1), ("1.5", 1), ("2x", 1), ("0", 3), ("-1", 3)],
)
def test_a_missing_or_wrong_page_number_shows_a_page_not_an_error(
    number: str | None, shown: int
) -> None:
    """Not a whole number: the first page; below 1 (as past the end): the last page."""
    assert page_at(ITEMS, number).number == shown


def test_an_empty_list_has_one_empty_page() -> None:
    page = page_at([], "2")
    assert page.number == 1
    assert list(page) == []
    assert not page.has_other_pages()


def test_page_size_is_the_lists_own() -> None:
    page = page_at(ITEMS, 2, per_page=50)
    assert list(page) == list(range(51, 61))
    assert page.paginator.num_pages == 2


def test_page_of_reads_the_page_from_the_request() -> None:
    assert page_of(_get("page=2"), ITEMS).number == 2
    assert page_of(_get("page=nope"), ITEMS).number == 1
    assert page_of(_get(), ITEMS).number == 1


def test_filter_query_keeps_the_filters_without_the_page() -> None:
    request = _get("status=open&page=3&q=a+b&empty=&kind=x&kind=y")
    assert filter_query(request) == "status=open&q=a+b&kind=x&kind=y"


def test_filter_query_keeps_only_the_named_filters_when_told() -> None:
    request = _get("status=open&page=3&other=1&q=z")
    assert filter_query(request, keep=("q", "status")) == "q=z&status=open"
    assert filter_query(request, keep=("page",)) == ""


def test_filter_query_encodes_what_it_keeps() -> None:
    request = _get("q=%3Cscript%3E%26page%3D9")
    assert filter_query(request) == "q=%3Cscript%3E%26page%3D9"


def test_filter_query_of_an_unfiltered_list_is_empty() -> None:
    assert filter_query(_get("page=2")) == ""
    assert filter_query(_get()) == ""


def test_paginate_gives_the_list_pages_context() -> None:
    context = paginate(_get("page=2&status=open"), ITEMS)
    assert context["page_obj"].number == 2
    assert context["query"] == "status=open"
    assert context["count"] == 60


def test_filters_are_kept_in_the_links_of_page_2() -> None:
    context = paginate(_get("page=2&status=open&q=neglect"), ITEMS)
    html = render_to_string("components/pagination.html", context)
    assert 'href="?status=open&amp;q=neglect&amp;page=1" rel="prev"' in html
    assert 'href="?status=open&amp;q=neglect&amp;page=3" rel="next"' in html
    assert 'aria-current="page">2<' in html
    assert "page=2&amp;" not in html  # the old page number is never carried along
