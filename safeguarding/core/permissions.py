"""Shared shape of every app's permission-checked fetch helpers.

Each app's permissions.py defines `can_view_<entity>(user, obj)` and `can_edit_<entity>(user, obj)`
and a `get_<entity>_for_user_or_404(user, pk, *, write=False)`:

* not found, or the user may not see it  -> 404 (we do not confirm the record exists);
* the user may see it but not change it, and write=True -> 403.

A helper is declared, not written out, with one of three builders:

    get_course_for_user_or_404 = fetcher(  # (user, pk, *, write=False) -> Course
        Course.objects.select_related("priority"), can_view=can_view_course, can_edit=can_edit
    )

* `fetcher` -> `Fetcher[M]`, called `(user, pk, *, write=False)`;
* `write_fetcher` -> `FixedFetcher[M]`, called `(user, pk)`, always a write (a sign-off, a
  reviewer's decision): 403 unless `can_edit`;
* `read_fetcher` -> `FixedFetcher[M]`, called `(user, pk)`, never a write (a download, a page
  only read): 404 unless `can_view`.

The first argument is a queryset (each call filters a fresh copy of it) or a function
returning one. A helper with more arguments than these (`action=`, `archive=`, a parent
record) is written out as a function over `fetch_for_user_or_404`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeAlias, TypeVar

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404

M = TypeVar("M", bound=Model)

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

    Rule: TypeAlias = Callable[[User, M], bool]
    Source: TypeAlias = QuerySet[M] | Callable[[], QuerySet[M]]


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


def never(user: User, obj: Model) -> bool:
    """The `can_edit` of a record nobody changes through this fetch."""
    return False


class _Declared(Generic[M]):
    def __init__(self, source: Source[M], *, can_view: Rule[M], can_edit: Rule[M] = never) -> None:
        self.source = source
        self.can_view = can_view
        self.can_edit = can_edit

    def fetch(self, user: User, pk: int, *, write: bool) -> M:
        source = self.source
        queryset = source if isinstance(source, QuerySet) else source()
        return fetch_for_user_or_404(
            user, queryset, pk, can_view=self.can_view, can_edit=self.can_edit, write=write
        )


class Fetcher(_Declared[M]):
    """`get_<entity>_for_user_or_404(user, pk, *, write=False) -> M`."""

    def __call__(self, user: User, pk: int, *, write: bool = False) -> M:
        return self.fetch(user, pk, write=write)


class FixedFetcher(_Declared[M]):
    """`get_<entity>_..._or_404(user, pk) -> M`: whether it is a write is declared."""

    def __init__(
        self, source: Source[M], *, can_view: Rule[M], can_edit: Rule[M], write: bool
    ) -> None:
        super().__init__(source, can_view=can_view, can_edit=can_edit)
        self.write = write

    def __call__(self, user: User, pk: int) -> M:
        return self.fetch(user, pk, write=self.write)


def fetcher(source: Source[M], *, can_view: Rule[M], can_edit: Rule[M]) -> Fetcher[M]:
    """Declare a `(user, pk, *, write=False)` fetch: 404 unless `can_view`, and on a write
    403 unless `can_edit`."""
    return Fetcher(source, can_view=can_view, can_edit=can_edit)


def write_fetcher(source: Source[M], *, can_view: Rule[M], can_edit: Rule[M]) -> FixedFetcher[M]:
    """Declare a `(user, pk)` fetch that is always a write (403 unless `can_edit`)."""
    return FixedFetcher(source, can_view=can_view, can_edit=can_edit, write=True)


def read_fetcher(source: Source[M], *, can_view: Rule[M]) -> FixedFetcher[M]:
    """Declare a `(user, pk)` fetch that only reads (404 unless `can_view`)."""
    return FixedFetcher(source, can_view=can_view, can_edit=never, write=False)


def require(allowed: bool, *, write_attempt: bool = False) -> None:
    """For pages without an object (lists, "add" forms): 404 when the user may not see the
    area at all, 403 when they may see it but this is a write they may not make."""
    if not allowed:
        raise PermissionDenied if write_attempt else Http404
