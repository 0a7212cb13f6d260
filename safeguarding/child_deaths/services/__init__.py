"""Every write to child death records, each recorded in the activity log in the same transaction.

Identifying details never reach the activity log: snapshot() redacts encrypted fields, and the
events here carry only references, counts and non-identifying facts.
"""

from __future__ import annotations

from safeguarding.child_deaths.services.comparators import comparator_save
from safeguarding.child_deaths.services.meetings import meeting_create, meeting_update
from safeguarding.child_deaths.services.notifications import (
    LikelyDuplicateError,
    NotReviewableError,
    notification_archive,
    notification_create,
    notification_delay_update,
    notification_update,
)
from safeguarding.child_deaths.services.requests import (
    information_request_create,
    information_request_remind,
    information_request_return,
    information_requests_send_reminders,
)
from safeguarding.child_deaths.services.reviews import (
    DomainFactor,
    panel_review_action_add,
    panel_review_save,
    review_learning_record,
)

__all__ = [
    "DomainFactor",
    "LikelyDuplicateError",
    "NotReviewableError",
    "comparator_save",
    "information_request_create",
    "information_request_remind",
    "information_request_return",
    "information_requests_send_reminders",
    "meeting_create",
    "meeting_update",
    "notification_archive",
    "notification_create",
    "notification_delay_update",
    "notification_update",
    "panel_review_save",
    "panel_review_action_add",
    "review_learning_record",
]
