"""What every partnership page shares: its breadcrumb trail, list paging, the shape of an
"add" page (signed-in staff only: 404 for no role, 403 for a read-only one) and of a page
changing a named part of the structure (an area, a group)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from safeguarding.core import paging
from safeguarding.core.pages import Trail, create_view, form_view
from safeguarding.core.permissions import require
from safeguarding.partnership import permissions
from safeguarding.partnership.models import Area, Group

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
