"""State rules of case review records that forms and services share (forms never import
services): which stage may follow which, which fields each edit page may change, and what a
final report may be."""

from __future__ import annotations

from safeguarding.case_reviews.models import PracticeReview

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

PRACTICE_REVIEW_EDITABLE = frozenset(
    {"title", "area", "reviewer", "methodology", "terms_of_reference", "summary", "key_message"}
)
INCIDENT_NOTIFICATION_EDITABLE = frozenset(
    {
        "area",
        "incident_type",
        "abuse_or_neglect_suspected",
        "looked_after",
        "aware_on",
        "notified_on",
        "summary",
    }
)
RAPID_REVIEW_EDITABLE = frozenset(
    {
        "meeting_on",
        "decision",
        "decision_reasons",
        "decided_on",
        "sent_to_panel_on",
        "panel_response",
        "panel_response_on",
    }
)

REPORT_EXTENSIONS = frozenset({"pdf", "doc", "docx", "odt"})
REPORT_MAX_BYTES = 20 * 1024 * 1024


def next_stages(status: str) -> tuple[str, ...]:
    """The stages a practice review at `status` may move to (none once it is finished)."""
    return NEXT_STAGES.get(status, ())
