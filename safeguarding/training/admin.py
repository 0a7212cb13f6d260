"""Read-only admin views for support staff: changes go through the pages (and services)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from safeguarding.training.models import (
    Briefing,
    Certificate,
    Course,
    CourseValidation,
    TrainingBooking,
    TrainingNeedsSurvey,
    TrainingSession,
)


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Course)
class CourseAdmin(ReadOnlyAdmin):
    list_display = ("title", "format", "level", "is_published")


@admin.register(TrainingSession)
class TrainingSessionAdmin(ReadOnlyAdmin):
    list_display = ("course", "starts_at", "capacity", "status")


@admin.register(TrainingBooking)
class TrainingBookingAdmin(ReadOnlyAdmin):
    list_display = ("id", "session", "agency", "status", "attendance", "charge_pence")
    list_filter = ("status", "attendance")


@admin.register(Certificate)
class CertificateAdmin(ReadOnlyAdmin):
    list_display = ("code", "title", "completed_on", "revoked_at")


@admin.register(Briefing)
class BriefingAdmin(ReadOnlyAdmin):
    list_display = ("title", "published_on", "is_public")


@admin.register(CourseValidation)
class CourseValidationAdmin(ReadOnlyAdmin):
    list_display = ("title", "agency", "status", "expires_on")


@admin.register(TrainingNeedsSurvey)
class TrainingNeedsSurveyAdmin(ReadOnlyAdmin):
    list_display = ("year_label", "opens_on", "closes_on")
