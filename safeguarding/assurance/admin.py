"""Admin for staff: only the scrutiny themes reference list (disabled, never deleted). Everything
else is managed through the assurance pages, which check permissions and record activity."""

from __future__ import annotations

from django.contrib import admin

from safeguarding.assurance.models import ScrutinyTheme
from safeguarding.core.admin import ReferenceListAdmin


@admin.register(ScrutinyTheme)
class ScrutinyThemeAdmin(ReferenceListAdmin[ScrutinyTheme]):
    list_display = ("number", "title", "disabled_on")
    ordering = ("number",)
