"""The case reviews breadcrumb trail (Home > Case reviews > whatever a page adds), the shape of
a list page (a page of items, the filters kept in the page links, the count) and the check of
the pages that add a record."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.http import HttpRequest

from safeguarding.case_reviews import permissions
from safeguarding.case_reviews.forms import ListFilterForm
from safeguarding.core.pages import Trail
from safeguarding.core.paging import paginate
from safeguarding.core.permissions import require

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

CRUMBS = Trail("Case reviews", "case_reviews:case_review_home")

PAGE_SIZE = 25


def list_page(
    request: HttpRequest, items: Sequence[Any] | QuerySet[Any], form: ListFilterForm
) -> dict[str, Any]:
    """A list's page of items, its filters (the form's, kept in the pagination links) and its
    count (core.paging.paginate), with the filter form."""
    return {**paginate(request, items, per_page=PAGE_SIZE, keep=tuple(form.fields)), "form": form}


def may_manage(user: User) -> None:
    """The check of a page that adds a record: 403 for someone who may look but not write."""
    require(permissions.can_view_case_reviews(user))
    require(permissions.can_manage_case_reviews(user), write_attempt=True)
