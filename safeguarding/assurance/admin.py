"""Admin for staff: only the scrutiny themes reference list (disabled, never deleted). Everything
else is managed through the assurance pages, which check permissions and record activity."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from safeguarding.assurance.models import ScrutinyTheme


@admin.register(ScrutinyTheme)
class ScrutinyThemeAdmin(admin.ModelAdmin[ScrutinyTheme]):
    list_display = ("number", "title", "disabled_on")
    ordering = ("number",)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
