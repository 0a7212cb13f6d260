"""What every partnership page shares: its breadcrumb trail, list paging, the shape of an
"add" page (signed-in staff only: 404 for no role, 403 for a read-only one) and of a page
changing a named part of the structure."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from django import forms
from django.http import HttpResponse

from safeguarding.core import paging
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import Crumb, Trail, create_view, form_page, initial_from
from safeguarding.core.permissions import require
from safeguarding.partnership import permissions
from safeguarding.partnership.models import Area, District, Group

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

CRUMBS = Trail("Partnership", "partnership:overview")
PAGE_SIZE = 50


# The requested page of a list at this app's page size (GOV.UK pagination); its links keep
# the list's filters through core.paging.filter_query.
page_of = partial(paging.page_of, per_page=PAGE_SIZE)


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
