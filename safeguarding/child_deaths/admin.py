"""Admin for the category lookup only. Case records hold identifying data and are never shown
in the admin; categories are disabled (disabled_on), never deleted."""

from __future__ import annotations

from django.contrib import admin

from safeguarding.child_deaths.models import DeathCategory
from safeguarding.core.admin import ReferenceListAdmin


@admin.register(DeathCategory)
class DeathCategoryAdmin(ReferenceListAdmin[DeathCategory]):
    list_display = ["number", "name", "disabled_on"]
    readonly_fields = ["number"]
