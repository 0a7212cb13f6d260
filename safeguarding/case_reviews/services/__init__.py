"""Every write of case reviews, each recorded in the activity log in the same transaction.

Split by sub-domain: notifications.py (incident notifications, children, rapid reviews, agency
requests), reviews.py (practice reviews and everything hanging off them), reminders.py
(deadline e-mails).
"""

from __future__ import annotations

from safeguarding.case_reviews.services.notifications import (
    agency_request_create,
    agency_request_submit,
    child_add,
    child_identity_update,
    child_identity_view,
    incident_notification_archive,
    incident_notification_create,
    incident_notification_update,
    rapid_review_learning_record,
    rapid_review_update,
)
from safeguarding.case_reviews.services.reminders import case_review_reminders_send
from safeguarding.case_reviews.services.reviews import (
    dissemination_add,
    finding_record,
    milestone_add,
    milestone_complete,
    practice_review_action_add,
    practice_review_action_plan_get_or_create,
    practice_review_advance_copy_record,
    practice_review_agencies_set,
    practice_review_archive,
    practice_review_commission,
    practice_review_stage_set,
    practice_review_target_revise,
    practice_review_update,
    recommendation_add,
)

__all__ = [
    "agency_request_create",
    "agency_request_submit",
    "case_review_reminders_send",
    "child_add",
    "child_identity_update",
    "child_identity_view",
    "dissemination_add",
    "finding_record",
    "incident_notification_archive",
    "incident_notification_create",
    "incident_notification_update",
    "milestone_add",
    "milestone_complete",
    "practice_review_action_add",
    "practice_review_action_plan_get_or_create",
    "practice_review_advance_copy_record",
    "practice_review_agencies_set",
    "practice_review_archive",
    "practice_review_commission",
    "practice_review_stage_set",
    "practice_review_target_revise",
    "practice_review_update",
    "rapid_review_learning_record",
    "rapid_review_update",
    "recommendation_add",
]
