"""State rules of case review records that forms and services share (forms never import
services): which stage may follow which, which fields each edit service may change (as the
typed keyword arguments of those services), and what a final report may be."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, TypedDict

from safeguarding.accounts.roles import Role
from safeguarding.case_reviews.models import PracticeReview
from safeguarding.core.uploads import DOCX, PDF, XLSX, FileKind, kind_for_name

if TYPE_CHECKING:
    from safeguarding.accounts.models import User
    from safeguarding.partnership.models import Agency, Area

# Which stage may follow which: forward only, one step at a time (publishing decisions are
# made once the Board has signed the report off).
NEXT_STAGES: dict[str, tuple[str, ...]] = {
    PracticeReview.Status.COMMISSIONED: (PracticeReview.Status.IN_PROGRESS,),
    PracticeReview.Status.IN_PROGRESS: (PracticeReview.Status.REPORT_RECEIVED,),
    PracticeReview.Status.REPORT_RECEIVED: (PracticeReview.Status.SIGNED_OFF,),
    PracticeReview.Status.SIGNED_OFF: (
        PracticeReview.Status.PUBLISHED,
        PracticeReview.Status.NOT_PUBLISHED,
    ),
    PracticeReview.Status.PUBLISHED: (),
    PracticeReview.Status.NOT_PUBLISHED: (),
}


class PracticeReviewEdit(TypedDict, total=False):
    """What the "change the review's details" page may change (any of it, by keyword)."""

    title: str
    area: Area | None
    reviewer: str
    methodology: str
    terms_of_reference: str
    summary: str
    key_message: str


class IncidentNotificationEdit(TypedDict, total=False):
    """What the "change notification" page may change (any of it, by keyword)."""

    area: Area
    incident_type: str
    abuse_or_neglect_suspected: bool
    looked_after: bool
    aware_on: date
    notified_on: date | None
    summary: str


class RapidReviewEdit(TypedDict, total=False):
    """The meeting, the decision and the Panel (any of it, by keyword)."""

    meeting_on: date | None
    decision: str
    decision_reasons: str
    decided_on: date | None
    sent_to_panel_on: date | None
    panel_response: str
    panel_response_on: date | None


# Steps that cannot be undone (a review never goes back a stage): the stage page asks the
# person to confirm them.
IRREVERSIBLE_STAGES = frozenset(
    {
        PracticeReview.Status.SIGNED_OFF,
        PracticeReview.Status.PUBLISHED,
        PracticeReview.Status.NOT_PUBLISHED,
    }
)

PRACTICE_REVIEW_EDITABLE = frozenset(PracticeReviewEdit.__annotations__)
INCIDENT_NOTIFICATION_EDITABLE = frozenset(IncidentNotificationEdit.__annotations__)
RAPID_REVIEW_EDITABLE = frozenset(RapidReviewEdit.__annotations__)

# Who may be a request's named agency contact: a safeguarding lead of the requested agency
# (people who can open the request and answer it; a board member, say, could do neither).
AGENCY_CONTACT_ROLES = (Role.AGENCY_LEAD,)

# What an agency may attach to its answer (chronologies): by content, not by name.
REQUEST_DOCUMENT_KINDS = (PDF, DOCX, XLSX)

# The kinds of case review deadline (selectors.Deadline.kind), for the deadlines list's filter.
DEADLINE_KINDS = (
    ("notification", "Notify the Panel"),
    ("rapid_review", "Send a rapid review to the Panel"),
    ("review", "Complete a review"),
    ("agency_request", "Answer an agency request"),
)

# An agency request is open until the agency answers it.
REQUEST_STATES = (("open", "Open"), ("answered", "Answered"))

# What a final report may be (checked by content, up to CASE_REVIEW_UPLOAD_MAX_MB).
REPORT_KINDS = (PDF, DOCX)


def next_stages(status: str) -> tuple[str, ...]:
    """The stages a practice review at `status` may move to (none once it is finished)."""
    return NEXT_STAGES.get(status, ())


def agency_contact_is_suitable(*, contact: User, agency: Agency) -> bool:
    """Whether `contact` may be named on a request to `agency`: someone who could open and
    answer it (an active safeguarding lead of that agency)."""
    return contact.is_active and agency.pk in contact.agency_ids_for(*AGENCY_CONTACT_ROLES)


def report_kind(stored_name: str) -> FileKind:
    """The kind of a stored final report, from its generated name."""
    return kind_for_name(stored_name, REPORT_KINDS) or PDF


def kind_by_key(key: str) -> FileKind:
    """The kind of a stored request document (PDF when the key is unknown: served as a
    download either way)."""
    return next((kind for kind in REQUEST_DOCUMENT_KINDS if kind.key == key), PDF)
