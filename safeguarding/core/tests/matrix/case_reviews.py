"""case_reviews: case-level records for staff, the case review panel and read-only roles;
agency leads see their agency's requests.

Only the case team (staff and the case review panel) opens a child's identity panel; the
files an agency attached are for the case team and that agency's leads, never the read-only
roles; archived records are read-only for everyone (403)."""

from __future__ import annotations

from typing import Any

from safeguarding.core.tests.matrix.spec import (
    CASE_REVIEW_PANEL,
    CASE_TEAM_AND_READERS,
    CASE_TEAM_LOCKED,
    CASE_TEAM_WRITE,
    CDOP_MANAGER,
    CDOP_PANEL,
    DATA_ANALYST,
    FORBIDDEN,
    GONE,
    LEAD,
    NO_ROLE,
    NOT_FOUND,
    OK,
    PRACTITIONER,
    READ_ONLY,
    STAFF,
    Case,
    expect,
    on_each,
    pk,
    read_page,
    same,
)


def build(world: Any) -> None:
    """A notified child; an archived notification with its child; a file attached to agency
    A's request and one to agency B's; a review signed off and published; an open and a done
    milestone of the review in progress."""
    import datetime as dt

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from safeguarding.case_reviews.models import AgencyRequestDocument, Milestone, PracticeReview
    from safeguarding.case_reviews.tests.factories import (
        IncidentNotificationFactory,
        NotifiedChildFactory,
        PracticeReviewFactory,
    )

    records = world.records
    records["cr_child"] = NotifiedChildFactory.create(notification=world.notification)
    records["cr_notification_archived"] = IncidentNotificationFactory.create(
        area=world.area_a, archived_at=timezone.now()
    )
    records["cr_child_archived"] = NotifiedChildFactory.create(
        notification=records["cr_notification_archived"]
    )
    for name in ("a", "b"):
        records[f"cr_document_{name}"] = AgencyRequestDocument.objects.create(
            request=world.records[f"request_{name}"],
            file=SimpleUploadedFile("chronology.pdf", b"%PDF-1.4\n%%EOF\n"),
            file_kind="pdf",
            original_name="chronology.pdf",
        )
    # A published review the Board has signed off: its target date is no longer revised.
    records["cr_review_signed_off"] = PracticeReviewFactory.create(
        area=world.area_a,
        status=PracticeReview.Status.PUBLISHED,
        signed_off_on=dt.date(2021, 2, 1),
        published_on=dt.date(2021, 3, 1),
    )
    review = world.review_in_progress
    records["cr_milestone_open"] = Milestone.objects.create(review=review, title="Scope agreed")
    records["cr_milestone_done"] = Milestone.objects.create(
        review=review, title="Panel met", done_on=dt.date(2020, 7, 1)
    )


notification = pk("notification")
rapid_review = pk("rapid_review")
request_a = pk("request_a")
request_b = pk("request_b")

# The case review pages: everyone but the CDOP roles, practitioners and analysts.
CASE_REVIEW_PAGES = expect(
    OK, ({CDOP_MANAGER, CDOP_PANEL, PRACTITIONER, DATA_ANALYST, NO_ROLE}, NOT_FOUND)
)
# Archiving is staff's; the case review panel and the read-only roles get 403.
ARCHIVE = expect(NOT_FOUND, (STAFF, OK), (READ_ONLY | {CASE_REVIEW_PANEL}, FORBIDDEN))
# The case team only: the read-only roles get 404 as well.
CASE_TEAM_ONLY = expect(NOT_FOUND, (STAFF | {CASE_REVIEW_PANEL}, OK))


REVIEWS = (
    ("review in progress", "review_in_progress"),
    ("review published", "review_published"),
    ("review archived", "review_archived"),
)


def _review_steps(published: dict[str, str]) -> tuple[Case, ...]:
    """A step of a review: the case team's while it is in progress, locked once archived."""
    return on_each(same, REVIEWS, CASE_TEAM_WRITE, published, CASE_TEAM_LOCKED)


ENTRIES: dict[str, tuple[Case, ...]] = {
    "case_reviews:agency_request_list": (read_page("no object", CASE_REVIEW_PAGES),),
    "case_reviews:case_review_home": (read_page("no object", CASE_REVIEW_PAGES),),
    "case_reviews:deadline_list": (read_page("no object", CASE_REVIEW_PAGES),),
    "case_reviews:incident_notification_create": (same("no object", CASE_TEAM_WRITE),),
    "case_reviews:incident_notification_list": (read_page("no object", CASE_TEAM_AND_READERS),),
    "case_reviews:practice_review_create": (same("no object", CASE_TEAM_WRITE),),
    "case_reviews:practice_review_export": (read_page("no object", CASE_TEAM_AND_READERS),),
    "case_reviews:practice_review_list": (read_page("no object", CASE_TEAM_AND_READERS),),
    "case_reviews:practice_review_archive": on_each(
        same, REVIEWS, ARCHIVE, ARCHIVE, CASE_TEAM_LOCKED
    ),
    "case_reviews:practice_review_detail": on_each(
        read_page, REVIEWS, CASE_TEAM_AND_READERS, CASE_TEAM_AND_READERS, CASE_TEAM_AND_READERS
    ),
    "case_reviews:practice_review_report_download": on_each(read_page, REVIEWS, GONE, GONE, GONE),
    "case_reviews:practice_review_stage": _review_steps(CASE_TEAM_LOCKED),
    "case_reviews:practice_review_update": _review_steps(CASE_TEAM_WRITE),
    "case_reviews:agency_request_create": (same("rapid review", CASE_TEAM_WRITE, rapid_review),),
    "case_reviews:agency_request_submit": (
        same(
            "agency A's request",
            expect(NOT_FOUND, (STAFF | {CASE_REVIEW_PANEL, LEAD}, OK)),
            request_a,
        ),
        same("agency B's request", CASE_TEAM_ONLY, request_b),
    ),
    "case_reviews:incident_notification_archive": (same("notification", ARCHIVE, notification),),
    "case_reviews:incident_notification_detail": (
        read_page("notification", CASE_TEAM_AND_READERS, notification),
    ),
    "case_reviews:incident_notification_update": (
        same("notification", CASE_TEAM_WRITE, notification),
    ),
    "case_reviews:practice_review_commission": (
        same("rapid review", CASE_TEAM_WRITE, rapid_review),
    ),
    "case_reviews:rapid_review_detail": (
        read_page("rapid review", CASE_TEAM_AND_READERS, rapid_review),
    ),
    "case_reviews:rapid_review_learning_add": (
        same("rapid review", CASE_TEAM_WRITE, rapid_review),
    ),
    "case_reviews:rapid_review_update": (same("rapid review", CASE_TEAM_WRITE, rapid_review),),
}


ENTRIES.update(
    {
        "case_reviews:agency_request_document_download": (
            read_page(
                "agency A's file",
                expect(NOT_FOUND, (STAFF | {CASE_REVIEW_PANEL, LEAD}, OK)),
                pk("cr_document_a"),
            ),
            read_page("agency B's file", CASE_TEAM_ONLY, pk("cr_document_b")),
        ),
        "case_reviews:child_add": (
            same("notification", CASE_TEAM_WRITE, notification),
            same("archived notification", CASE_TEAM_LOCKED, pk("cr_notification_archived")),
        ),
        "case_reviews:child_identity": (
            read_page("notified child", CASE_TEAM_ONLY, pk("cr_child")),
        ),
        # Only the case team opens the panel (read-only roles too get 404); an archived
        # notification's child is read-only (403).
        "case_reviews:child_identity_update": (
            same("notified child", CASE_TEAM_ONLY, pk("cr_child")),
            same(
                "archived notification's child",
                expect(NOT_FOUND, (STAFF | {CASE_REVIEW_PANEL}, FORBIDDEN)),
                pk("cr_child_archived"),
            ),
        ),
        "case_reviews:milestone_complete": (
            same("open milestone", CASE_TEAM_WRITE, pk("cr_milestone_open")),
            same("milestone done", CASE_TEAM_LOCKED, pk("cr_milestone_done")),
        ),
        **{
            f"case_reviews:{name}": _review_steps(CASE_TEAM_WRITE)
            for name in (
                "dissemination_add",
                "finding_add",
                "milestone_add",
                "practice_review_action_add",
                "practice_review_advance_copy",
                "recommendation_add",
            )
        },
        "case_reviews:practice_review_target_revise": (
            *_review_steps(CASE_TEAM_WRITE),
            same("review signed off", CASE_TEAM_LOCKED, pk("cr_review_signed_off")),
        ),
    }
)

MISSING: frozenset[str] = frozenset()
