"""Read-only admin views for support staff: changes go through the pages (and services)."""

from __future__ import annotations

from django.contrib import admin

from safeguarding.actions.models import Action, ActionPlan, ActionPlanReview, ActionUpdate
from safeguarding.core.admin import ViewOnlyAdmin


@admin.register(ActionPlan)
class ActionPlanAdmin(ViewOnlyAdmin[ActionPlan]):
    list_display = ("title", "source_type", "source_id", "next_review_due")


@admin.register(Action)
class ActionAdmin(ViewOnlyAdmin[Action]):
    list_display = ("plan", "number", "owner_agency", "due_date", "status")
    list_filter = ("status",)


@admin.register(ActionUpdate)
class ActionUpdateAdmin(ViewOnlyAdmin[ActionUpdate]):
    list_display = ("action", "created_at", "status_before", "status_after")


@admin.register(ActionPlanReview)
class ActionPlanReviewAdmin(ViewOnlyAdmin[ActionPlanReview]):
    list_display = ("plan", "reviewed_on", "reviewed_by")
