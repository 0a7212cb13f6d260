"""Every write of the training module, each recorded in the activity log in its transaction.

Split by sub-domain; the public functions are re-exported here, so `services.booking_create`
works from any caller."""

from __future__ import annotations

from safeguarding.training.services.bookings import (
    attendance_mark,
    booking_approve,
    booking_cancel,
    booking_create,
    cancellation_is_free,
    offer_accept,
    offers_expire,
    places_taken,
    register_mark_all,
    reminders_send,
    session_cancel,
    session_update,
    waitlist_leave,
)
from safeguarding.training.services.catalogue import (
    briefing_complete,
    briefing_create,
    briefing_view_count,
    course_create,
    course_update,
    needs_response_submit,
    needs_survey_create,
    session_create,
    validation_resubmit,
    validation_review,
    validation_submit,
)
from safeguarding.training.services.outcomes import (
    certificate_html,
    certificate_pdf,
    certificate_revoke,
    evaluation_submit,
    impact_response_submit,
    impact_surveys_send,
)

__all__ = [
    "attendance_mark",
    "booking_approve",
    "booking_cancel",
    "booking_create",
    "briefing_complete",
    "briefing_create",
    "briefing_view_count",
    "cancellation_is_free",
    "certificate_html",
    "certificate_pdf",
    "certificate_revoke",
    "course_create",
    "course_update",
    "evaluation_submit",
    "impact_response_submit",
    "impact_surveys_send",
    "needs_response_submit",
    "needs_survey_create",
    "offer_accept",
    "offers_expire",
    "places_taken",
    "register_mark_all",
    "reminders_send",
    "session_cancel",
    "session_create",
    "session_update",
    "validation_resubmit",
    "validation_review",
    "validation_submit",
    "waitlist_leave",
]
