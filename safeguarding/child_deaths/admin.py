"""Admin for the category lookup only. Case records hold identifying data and are never shown
in the admin; categories are disabled (disabled_on), never deleted."""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from safeguarding.child_deaths.models import DeathCategory


@admin.register(DeathCategory)
class DeathCategoryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["number", "name", "disabled_on"]
    readonly_fields = ["number"]

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False
