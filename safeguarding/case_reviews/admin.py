"""Admin: view-only pages for staff (changes go through the case review pages, which check
permissions, versions and log every write). The identity panel's fields are never listed."""

from __future__ import annotations

from django.contrib import admin

from safeguarding.case_reviews.models import IncidentNotification, PracticeReview
from safeguarding.core.admin import ViewOnlyAdmin


@admin.register(IncidentNotification)
class IncidentNotificationAdmin(ViewOnlyAdmin[IncidentNotification]):
    list_display = ("reference", "area", "aware_on", "notified_on")
    readonly_fields = ("reference",)
    exclude = ("agencies",)


@admin.register(PracticeReview)
class PracticeReviewAdmin(ViewOnlyAdmin[PracticeReview]):
    list_display = ("title", "kind", "status", "commissioned_on", "target_on")
    list_filter = ("kind", "status")
