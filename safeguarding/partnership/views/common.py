"""What every partnership page shares: its breadcrumb trail and list paging."""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.http import urlencode

from safeguarding.core.pages import Trail

CRUMBS = Trail("Partnership", "partnership:overview")
PAGE_SIZE = 50


def page_of(request: HttpRequest, items: QuerySet[Model]) -> Page[Model]:
    """The requested page of a list (GOV.UK pagination: components/pagination.html)."""
    return Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))


def query_of(request: HttpRequest, keys: tuple[str, ...]) -> str:
    """The list's filters, URL-encoded, for its pagination links."""
    return urlencode([(key, value) for key in keys if (value := request.GET.get(key))])
