"""Activity-log verbs of case reviews (`<entity>.<past participle>`), used by services and tests.

Events recorded before these names (for example `review.commissioned`, `notification.created`)
keep their old verbs: the activity log is append-only. See docs/adr/0011.
"""

from __future__ import annotations

INCIDENT_NOTIFICATION_RECORDED = "incident_notification.recorded"
INCIDENT_NOTIFICATION_UPDATED = "incident_notification.updated"
INCIDENT_NOTIFICATION_AGENCIES_CHANGED = "incident_notification.agencies_changed"
INCIDENT_NOTIFICATION_ARCHIVED = "incident_notification.archived"
NOTIFIED_CHILD_ADDED = "notified_child.added"
NOTIFIED_CHILD_UPDATED = "notified_child.updated"
RAPID_REVIEW_OPENED = "rapid_review.opened"
RAPID_REVIEW_UPDATED = "rapid_review.updated"
AGENCY_REQUEST_SENT = "agency_request.sent"
AGENCY_REQUEST_SUBMITTED = "agency_request.submitted"
AGENCY_REQUEST_DOCUMENT_ADDED = "agency_request_document.added"

PRACTICE_REVIEW_COMMISSIONED = "practice_review.commissioned"
PRACTICE_REVIEW_UPDATED = "practice_review.updated"
PRACTICE_REVIEW_AGENCIES_CHANGED = "practice_review.agencies_changed"
PRACTICE_REVIEW_STARTED = "practice_review.started"
PRACTICE_REVIEW_REPORT_RECEIVED = "practice_review.report_received"
PRACTICE_REVIEW_SIGNED_OFF = "practice_review.signed_off"
PRACTICE_REVIEW_PUBLISHED = "practice_review.published"
PRACTICE_REVIEW_NOT_PUBLISHED = "practice_review.not_published"
PRACTICE_REVIEW_ADVANCE_COPY_RECORDED = "practice_review.advance_copy_recorded"
PRACTICE_REVIEW_TARGET_REVISED = "practice_review.target_revised"
PRACTICE_REVIEW_ARCHIVED = "practice_review.archived"
MILESTONE_ADDED = "milestone.added"
MILESTONE_COMPLETED = "milestone.completed"
RECOMMENDATION_ADDED = "recommendation.added"
DISSEMINATION_ADDED = "dissemination.added"

CASE_REVIEW_REMINDER_SENT = "case_review_reminder.sent"

# The verb of each stage a practice review moves to (PracticeReview.Status values).
PRACTICE_REVIEW_STAGE = {
    "in_progress": PRACTICE_REVIEW_STARTED,
    "report_received": PRACTICE_REVIEW_REPORT_RECEIVED,
    "signed_off": PRACTICE_REVIEW_SIGNED_OFF,
    "published": PRACTICE_REVIEW_PUBLISHED,
    "not_published": PRACTICE_REVIEW_NOT_PUBLISHED,
}
