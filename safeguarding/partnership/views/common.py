"""What every partnership page shares: its breadcrumb trail, list paging, the shape of an
"add" page (signed-in staff only: 404 for no role, 403 for a read-only one) and of a page
changing a named part of the structure."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.paginator import Page, Paginator
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.http import urlencode

from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import Crumb, Trail, create_view, form_page, initial_from
from safeguarding.core.permissions import require
from safeguarding.partnership import permissions
from safeguarding.partnership.models import Area, District, Group

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


def update_page(
    request: AuthenticatedHttpRequest,
    record: Area | District | Group,
    form_class: type[forms.Form],
    save: Callable[[User, Any, forms.Form], Area | District | Group],
    *,
    success_url: str,
    breadcrumbs: list[Crumb],
) -> HttpResponse:
    """Change an area, district or group with `save` (`calls(<its update service>, ...,
    versioned=True)`): its edit form, and a message naming it as saved, so by its new name if
    that changed (why these pages are not form_view declarations: their words come from what
    the service saved)."""
    return form_page(
        request,
        form_class=form_class,
        initial=initial_from(record, form_class),
        record=record,
        save=lambda form: save(request.user, record, form),
        success_message=lambda saved: f"{saved.name} has been updated.",
        success_url=success_url,
        title=f"Change {record.name}",
        submit="Save changes",
        breadcrumbs=breadcrumbs,
    )
