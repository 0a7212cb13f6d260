"""What the assurance pages share: the breadcrumb trail, the checks of the pages that add a
record, list pagination and the charts of answers to a form's questions."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from safeguarding.assurance import permissions
from safeguarding.core import paging
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


# A list page's context (page_obj, query, count) at this app's page size.
paginate = partial(paging.paginate, per_page=PAGE_SIZE)


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
