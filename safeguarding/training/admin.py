"""Read-only admin views for support staff: changes go through the pages (and services)."""

from __future__ import annotations

from django.contrib import admin

from safeguarding.core.admin import ViewOnlyAdmin
from safeguarding.training.models import (
    Briefing,
    Certificate,
    Course,
    CourseValidation,
    TrainingBooking,
    TrainingNeedsSurvey,
    TrainingSession,
)


@admin.register(Course)
class CourseAdmin(ViewOnlyAdmin[Course]):
    list_display = ("title", "format", "level", "is_published")


@admin.register(TrainingSession)
class TrainingSessionAdmin(ViewOnlyAdmin[TrainingSession]):
    list_display = ("course", "starts_at", "capacity", "status")


@admin.register(TrainingBooking)
class TrainingBookingAdmin(ViewOnlyAdmin[TrainingBooking]):
    list_display = ("id", "session", "agency", "status", "attendance", "charge_pence")
    list_filter = ("status", "attendance")


@admin.register(Certificate)
class CertificateAdmin(ViewOnlyAdmin[Certificate]):
    list_display = ("code", "title", "completed_on", "revoked_at")


@admin.register(Briefing)
class BriefingAdmin(ViewOnlyAdmin[Briefing]):
    list_display = ("title", "published_on", "is_public")


@admin.register(CourseValidation)
class CourseValidationAdmin(ViewOnlyAdmin[CourseValidation]):
    list_display = ("title", "agency", "status", "expires_on")


@admin.register(TrainingNeedsSurvey)
class TrainingNeedsSurveyAdmin(ViewOnlyAdmin[TrainingNeedsSurvey]):
    list_display = ("year_label", "opens_on", "closes_on")
