"""Paging a list page: which page of the items the request asks for, and the filters its page
links keep (components/pagination.html puts `query` before `page=`, so a filtered list stays
filtered on page 2).

- `paginate(request, items)`: the context of a list page: `page_obj`, `query` and `count`.
- `page_of(request, items)`: the requested page alone (`?page=`).
- `page_at(items, number)`: a page by its number, where the number does not come from a request.
- `filter_query(request)`: the request's query string without `page`.

A missing, wrong or out-of-range page number shows the first or the last page, never an error
(Django's `Paginator.get_page`). Lists keep their own page sizes (`per_page`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.http import urlencode

PAGE_SIZE = 25

Items = QuerySet[Any] | Sequence[Any]


def page_at(items: Items, number: int | str | None, *, per_page: int = PAGE_SIZE) -> Page[Any]:
    """Page `number` of `items`: the first page for a missing or wrong number, the last for
    one past the end."""
    return Paginator(items, per_page).get_page(number)


def page_of(request: HttpRequest, items: Items, *, per_page: int = PAGE_SIZE) -> Page[Any]:
    """The page of `items` the request asks for (`?page=`)."""
    return page_at(items, request.GET.get("page"), per_page=per_page)


def filter_query(request: HttpRequest, *, keep: Sequence[str] | None = None) -> str:
    """The request's query string without `page` (and without empty values), URL-encoded, for
    a list's page links: `keep` names the only parameters to keep, when given."""
    pairs = [
        (key, value)
        for key in (request.GET if keep is None else keep)
        if key != "page"
        for value in request.GET.getlist(key)
        if value
    ]
    return urlencode(pairs)


def paginate(
    request: HttpRequest,
    items: Items,
    *,
    per_page: int = PAGE_SIZE,
    keep: Sequence[str] | None = None,
) -> dict[str, Any]:
    """A list page's context for components/pagination.html: the requested page (`page_obj`),
    the filters its links keep (`query`: see `filter_query`) and the whole list's `count`."""
    page = page_of(request, items, per_page=per_page)
    return {
        "page_obj": page,
        "query": filter_query(request, keep=keep),
        "count": page.paginator.count,
    }
