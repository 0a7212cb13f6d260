"""Shared shape of every app's permission-checked fetch helpers.

Each app's permissions.py defines `can_view_<entity>(user, obj)` and `can_edit_<entity>(user, obj)`
and a `get_<entity>_for_user_or_404(user, pk, *, write=False)` built on `fetch_for_user_or_404`:

* not found, or the user may not see it  -> 404 (we do not confirm the record exists);
* the user may see it but not change it, and write=True -> 403.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

M = TypeVar("M", bound=Model)


def fetch_for_user_or_404(
    user: User,
    queryset: QuerySet[M],
    pk: Any,
    *,
    can_view: Callable[[User, M], bool],
    can_edit: Callable[[User, M], bool],
    write: bool = False,
) -> M:
    try:
        obj = queryset.get(pk=pk)
    except (ObjectDoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc
    if not can_view(user, obj):
        raise Http404
    if write and not can_edit(user, obj):
        raise PermissionDenied
    return obj


def require(allowed: bool, *, write_attempt: bool = False) -> None:
    """For pages without an object (lists, "add" forms): 404 when the user may not see the
    area at all, 403 when they may see it but this is a write they may not make."""
    if not allowed:
        raise PermissionDenied if write_attempt else Http404
