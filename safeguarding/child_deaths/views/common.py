"""What the child death pages share: the breadcrumb trail, a case's address, list paging and
the check of the pages that add a case or a meeting."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from django.urls import reverse

from safeguarding.child_deaths import permissions
from safeguarding.child_deaths.models import ChildDeathNotification
from safeguarding.core import paging
from safeguarding.core.pages import Crumb, Trail
from safeguarding.core.permissions import require

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

CRUMBS = Trail("Child deaths", "child_deaths:dashboard")
PAGE_SIZE = 50


# A list page's context (page_obj, query, count) at this app's page size.
paginate = partial(paging.paginate, per_page=PAGE_SIZE)


def cases_crumb() -> Crumb:
    return ("Cases", reverse("child_deaths:notification_list"))


def case_url(case: ChildDeathNotification) -> str:
    return reverse("child_deaths:notification_detail", args=[case.pk])


def case_crumbs(case: ChildDeathNotification, *extra: Crumb) -> list[Crumb]:
    """Home > Child deaths > Cases > the case > whatever the page adds (form_view's
    `breadcrumbs` for a page about a case)."""
    return CRUMBS(cases_crumb(), (case.reference, case_url(case)), *extra)


def may_manage(user: User) -> None:
    """The check of a page that adds a case or a meeting: 404 for someone who may not see the
    cases, 403 for someone who may see them but not manage them."""
    require(permissions.can_view_cases(user))
    require(permissions.can_manage_child_deaths(user), write_attempt=True)
