"""Base classes for the apps' Django admin pages (staff and support only).

Every change to a domain record goes through a service, so that it is checked and recorded in
the activity log; the admin therefore only looks at records, or edits a reference list:

- `ViewOnlyAdmin`: the records can be listed and opened, never added, changed or deleted.
- `ReferenceListAdmin`: a reference list (categories, themes) is edited here but never deleted:
  an entry is disabled (`ReferenceModel.disabled_on`) and stays on the records that use it.

Nothing is registered here: each app registers its own models with one of these bases.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest

_M = TypeVar("_M", bound=Model)


class ViewOnlyAdmin(admin.ModelAdmin[_M]):
    """Lists and shows records; adding, changing and deleting go through the pages."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReferenceListAdmin(admin.ModelAdmin[_M]):
    """A reference list's entries are added and changed here, and disabled, never deleted."""

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
