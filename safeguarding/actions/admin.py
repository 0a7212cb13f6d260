"""Read-only admin views for support staff: changes go through the pages (and services)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from safeguarding.actions.models import Action, ActionPlan, ActionPlanReview, ActionUpdate


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ActionPlan)
class ActionPlanAdmin(ReadOnlyAdmin):
    list_display = ("title", "source_type", "source_id", "next_review_due")


@admin.register(Action)
class ActionAdmin(ReadOnlyAdmin):
    list_display = ("plan", "number", "owner_agency", "due_date", "status")
    list_filter = ("status",)


@admin.register(ActionUpdate)
class ActionUpdateAdmin(ReadOnlyAdmin):
    list_display = ("action", "created_at", "status_before", "status_after")


@admin.register(ActionPlanReview)
class ActionPlanReviewAdmin(ReadOnlyAdmin):
    list_display = ("plan", "reviewed_on", "reviewed_by")
