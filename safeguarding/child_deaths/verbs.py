"""Activity-log verbs of child death records: `<entity>.<past participle>`, defined once here and
used by the services and the tests. (Events recorded before these names keep their old verbs:
the trail is append-only.)"""

from __future__ import annotations

CHILD_DEATH_NOTIFIED = "child_death.notified"
CHILD_DEATH_CORRECTED = "child_death.corrected"
CHILD_DEATH_DELAY_RECORDED = "child_death.delay_recorded"
CHILD_DEATH_ARCHIVED = "child_death.archived"
INFORMATION_REQUEST_SENT = "information_request.sent"
INFORMATION_REQUEST_REMINDED = "information_request.reminded"
INFORMATION_REQUEST_RETURNED = "information_request.returned"
REVIEW_MEETING_CREATED = "review_meeting.created"
REVIEW_MEETING_CHANGED = "review_meeting.changed"
REVIEW_MEETING_AGENDA_SET = "review_meeting.agenda_set"
PANEL_REVIEW_RECORDED = "panel_review.recorded"
PANEL_REVIEW_COMPLETED = "panel_review.completed"
PANEL_REVIEW_REOPENED = "panel_review.reopened"
NATIONAL_COMPARATOR_ENTERED = "national_comparator.entered"
NATIONAL_COMPARATOR_CHANGED = "national_comparator.changed"
CHILD_DEATH_DUPLICATE_OVERRIDDEN = "child_death.duplicate_overridden"
