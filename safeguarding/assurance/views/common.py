"""What the assurance pages share: the breadcrumb trail, the checks of the pages that add a
record, list pagination and the charts of answers to a form's questions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest

from safeguarding.assurance import permissions
from safeguarding.core.charts import Chart, Figure, bar_chart
from safeguarding.core.pages import Trail
from safeguarding.core.permissions import require

if TYPE_CHECKING:
    from safeguarding.accounts.models import User
    from safeguarding.assurance.selectors import QuestionResult

CRUMBS = Trail("Quality assurance", "assurance:overview")
PAGE_SIZE = 50


def may_manage(user: User) -> None:
    """Who may add to what they can see (audits, Section 11): 403 for look-but-not-write."""
    require(permissions.can_view_assurance(user))
    require(permissions.can_manage_assurance(user), write_attempt=True)


def may_manage_all(user: User) -> None:
    """The same for what only the business unit sees whole (surveys, forms, differences)."""
    require(permissions.can_view_all_assurance(user))
    require(permissions.can_manage_assurance(user), write_attempt=True)


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


def answer_charts(results: Sequence[QuestionResult], *, counted: str) -> dict[str, Chart]:
    """A bar chart (with its data table) for each question that has options, by question key:
    `counted` says what the bars count ("answers for each option")."""
    return {
        r.key: bar_chart(
            key=f"chart-{index}",
            title=f"{r.text}: number of {counted}",
            figures=[Figure(o.label, o.count, o.percent) for o in r.options],
            columns=("Answer", "Number"),
            percent_column="Per cent",
            caption=f"{r.text}: answers",
        )
        for index, r in enumerate(results)
        if r.options
    }
