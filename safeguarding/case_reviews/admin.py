"""Admin: reference-only views for staff. The identity panel's fields are never listed."""

from __future__ import annotations

from django.contrib import admin

from safeguarding.case_reviews.models import IncidentNotification, PracticeReview


@admin.register(IncidentNotification)
class IncidentNotificationAdmin(admin.ModelAdmin[IncidentNotification]):
    list_display = ("reference", "area", "aware_on", "notified_on")
    readonly_fields = ("reference",)
    exclude = ("agencies",)


@admin.register(PracticeReview)
class PracticeReviewAdmin(admin.ModelAdmin[PracticeReview]):
    list_display = ("title", "kind", "status", "commissioned_on", "target_on")
    list_filter = ("kind", "status")
