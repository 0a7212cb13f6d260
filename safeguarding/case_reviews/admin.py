"""Admin: reference-only views for staff. The identity panel's fields are never listed."""

from __future__ import annotations

from django.contrib import admin

from safeguarding.case_reviews.models import Notification, Review


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin[Notification]):
    list_display = ("reference", "area", "aware_on", "notified_on")
    readonly_fields = ("reference",)
    exclude = ("agencies",)


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin[Review]):
    list_display = ("title", "kind", "status", "commissioned_on", "target_on")
    list_filter = ("kind", "status")
