"""What the assurance pages share: the breadcrumb trail and list pagination."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest

from safeguarding.core.pages import Trail

CRUMBS = Trail("Quality assurance", "assurance:overview")
PAGE_SIZE = 50


def paginate(
    request: HttpRequest,
    items: QuerySet[Any] | Sequence[Any],
    *,
    keep: tuple[str, ...] = (),
) -> dict[str, Any]:
    """A page of a list for components/pagination.html: `page_obj`, the `query` string of the
    filters to keep on the page links, and the whole list's `count`."""
    page: Page[Any] = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    query = urlencode([(key, value) for key in keep if (value := request.GET.get(key))])
    return {"page_obj": page, "query": query, "count": page.paginator.count}
