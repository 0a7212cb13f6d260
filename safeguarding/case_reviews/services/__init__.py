"""Every write of case reviews, each recorded in the activity log in the same transaction.

Split by sub-domain: notifications.py (notifications, children, rapid reviews, agency requests),
reviews.py (practice reviews and everything hanging off them), reminders.py (deadline e-mails).
"""

from __future__ import annotations

from safeguarding.case_reviews.services.notifications import (
    agency_request_create,
    agency_request_submit,
    child_add,
    child_identity_view,
    notification_create,
    notification_update,
    rapid_review_learning_record,
    rapid_review_update,
)
from safeguarding.case_reviews.services.reminders import reminders_send
from safeguarding.case_reviews.services.reviews import (
    dissemination_add,
    finding_record,
    milestone_add,
    milestone_complete,
    recommendation_add,
    review_action_add,
    review_action_plan,
    review_advance_copy_record,
    review_agencies_set,
    review_commission,
    review_stage_set,
    review_target_revise,
    review_update,
)

__all__ = [
    "agency_request_create",
    "agency_request_submit",
    "child_add",
    "child_identity_view",
    "dissemination_add",
    "finding_record",
    "milestone_add",
    "milestone_complete",
    "notification_create",
    "notification_update",
    "rapid_review_learning_record",
    "rapid_review_update",
    "recommendation_add",
    "reminders_send",
    "review_action_add",
    "review_action_plan",
    "review_advance_copy_record",
    "review_agencies_set",
    "review_commission",
    "review_stage_set",
    "review_target_revise",
    "review_update",
]
