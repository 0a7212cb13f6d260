"""What the child death pages share: the breadcrumb trail, a case's address and list paging."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.urls import reverse

from safeguarding.child_deaths.models import ChildDeathNotification
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import Crumb, Trail

CRUMBS = Trail("Child deaths", "child_deaths:dashboard")
PAGE_SIZE = 50


def paginate(
    request: AuthenticatedHttpRequest,
    items: QuerySet[Any] | Sequence[Any],
    *,
    keep: tuple[str, ...] = (),
) -> dict[str, Any]:
    """A page of a list for components/pagination.html: `page_obj`, the `query` string of the
    filters to keep on the page links, and the whole list's `count`."""
    page: Page[Any] = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    query = urlencode([(key, value) for key in keep if (value := request.GET.get(key))])
    return {"page_obj": page, "query": query, "count": page.paginator.count}


def cases_crumb() -> Crumb:
    return ("Cases", reverse("child_deaths:notification_list"))


def case_url(case: ChildDeathNotification) -> str:
    return reverse("child_deaths:notification_detail", args=[case.pk])


def case_crumbs(case: ChildDeathNotification, *extra: Crumb) -> list[Crumb]:
    """Home > Child deaths > Cases > the case > whatever the page adds (form_view's
    `breadcrumbs` for a page about a case)."""
    return CRUMBS(cases_crumb(), (case.reference, case_url(case)), *extra)
