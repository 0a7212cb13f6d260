from __future__ import annotations

from django.contrib import admin

from safeguarding.partnership.models import Agency, Area, Group, Priority


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "sector", "statutory_partner", "area"]
    search_fields = ["name"]


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "ons_code", "la_number"]


@admin.register(Group)
class GroupAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "kind", "parent"]


@admin.register(Priority)
class PriorityAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["number", "title", "period_start", "period_end"]
