"""The training module's activity-log verbs: `<entity>.<past participle>`, defined once here and
used by services, the demo and tests."""

from __future__ import annotations

# Bookings, the waiting list and the register.
BOOKING_CONFIRMED = "booking.confirmed"
BOOKING_HELD_FOR_APPROVAL = "booking.held_for_approval"
BOOKING_WAITLISTED = "booking.waitlisted"
BOOKING_REFUSED = "booking.refused"
BOOKING_OFFERED = "booking.offered"
BOOKING_OFFER_ACCEPTED = "booking.offer_accepted"
BOOKING_OFFER_EXPIRED = "booking.offer_expired"
BOOKING_LEFT_WAITLIST = "booking.left_waitlist"
BOOKING_CANCELLED = "booking.cancelled"
ATTENDANCE_MARKED = "attendance.marked"
ATTENDANCE_IMPORTED = "attendance.imported"

# The catalogue.
COURSE_CREATED = "course.created"
COURSE_UPDATED = "course.updated"
TRAINING_SESSION_CREATED = "training_session.created"
TRAINING_SESSION_UPDATED = "training_session.updated"
TRAINING_SESSION_CANCELLED = "training_session.cancelled"

# After the session.
EVALUATION_SUBMITTED = "evaluation.submitted"
CERTIFICATE_ISSUED = "certificate.issued"
CERTIFICATE_REVOKED = "certificate.revoked"
IMPACT_RESPONSE_SUBMITTED = "impact_response.submitted"

# Virtual briefings.
BRIEFING_CREATED = "briefing.created"
BRIEFING_COMPLETED = "briefing.completed"

# Single-agency course validation.
COURSE_VALIDATION_SUBMITTED = "course_validation.submitted"
COURSE_VALIDATION_VALIDATED = "course_validation.validated"
COURSE_VALIDATION_CHANGES_REQUESTED = "course_validation.changes_requested"
COURSE_VALIDATION_RESUBMITTED = "course_validation.resubmitted"

# The training needs survey.
NEEDS_SURVEY_CREATED = "needs_survey.created"
NEEDS_SURVEY_SENT = "needs_survey.sent"
NEEDS_RESPONSE_SUBMITTED = "needs_response.submitted"
