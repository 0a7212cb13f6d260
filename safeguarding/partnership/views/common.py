"""What every partnership page shares: its breadcrumb trail, list paging, the shape of an
"add" page (signed-in staff only: 404 for no role, 403 for a read-only one) and of a page
changing a named part of the structure (an area, a group)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from django.core.paginator import Page, Paginator
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.http import urlencode

from safeguarding.core.pages import Trail, create_view, form_view
from safeguarding.core.permissions import require
from safeguarding.partnership import permissions
from safeguarding.partnership.models import Area, Group

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

CRUMBS = Trail("Partnership", "partnership:overview")
PAGE_SIZE = 50


def page_of(request: HttpRequest, items: QuerySet[Model]) -> Page[Model]:
    """The requested page of a list (GOV.UK pagination: components/pagination.html)."""
    return Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))


def query_of(request: HttpRequest, keys: tuple[str, ...]) -> str:
    """The list's filters, URL-encoded, for its pagination links."""
    return urlencode([(key, value) for key in keys if (value := request.GET.get(key))])


def may_edit(user: User) -> None:
    """404 for someone with no role, 403 for someone who may look but not change."""
    require(permissions.can_view_partnership(user))
    require(permissions.can_edit_partnership(user), write_attempt=True)


# Every page adding a part of the structure runs the same check.
add_page = partial(create_view, check=may_edit)


def _saved_message(saved: Area | Group) -> str:
    return f"{saved.name} has been updated."


# Every page changing a named part of the structure (an area, a group) shows its edit form and
# a message naming it as saved (so by its new name, if that changed).
update_page = partial(
    form_view,
    edits_record=True,
    title=lambda record: f"Change {record.name}",
    crumb="Change",
    submit="Save changes",
    result_message=_saved_message,
)
