"""Case reviews' retention policy: kept (RETENTION_CASE_REVIEW_YEARS is None)."""

from __future__ import annotations

from safeguarding.case_reviews.models import IncidentNotification, PracticeReview, RapidReview
from safeguarding.retention.registry import Action, Policy, register_policy

CASE_REVIEW_FILES = Policy(
    key="case_reviews.files",
    label="Case review files and published reports",
    setting="RETENTION_CASE_REVIEW_YEARS",
    default="Kept",
    reason=(
        "Serious incident notifications, rapid reviews and practice reviews are the "
        "partnership's record of why a review was or was not held; published reports are kept "
        "for the national panel and later reviews. Archived, never deleted."
    ),
    action=Action.KEEP,
    hold_models=(IncidentNotification, RapidReview, PracticeReview),
)


def register() -> None:
    register_policy(CASE_REVIEW_FILES)
