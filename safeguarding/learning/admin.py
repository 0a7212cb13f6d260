"""View-only admin for support staff: every write goes through learning.services (and so into
the activity log), from the application's own pages or the module that owns the source."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from safeguarding.core.admin import ViewOnlyAdmin
from safeguarding.learning.models import LearningPoint, Theme, ThemeNameChange


class ThemeNameChangeInline(admin.TabularInline):  # type: ignore[type-arg]
    model = ThemeNameChange
    extra = 0
    fields = ["old_name", "new_name", "changed_at", "changed_by"]
    readonly_fields = ["old_name", "new_name", "changed_at", "changed_by"]
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Theme)
class ThemeAdmin(ViewOnlyAdmin[Theme]):
    list_display = ["name", "slug", "retired_on"]
    search_fields = ["name"]
    inlines = [ThemeNameChangeInline]


@admin.register(LearningPoint)
class LearningPointAdmin(ViewOnlyAdmin[LearningPoint]):
    list_display = ["title", "source_kind", "recorded_on", "is_published"]
    list_filter = ["source_kind", "is_published"]
    search_fields = ["title"]
