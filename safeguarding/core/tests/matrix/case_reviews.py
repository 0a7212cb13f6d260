"""case_reviews: case-level records for staff, the case review panel and read-only roles;
agency leads see their agency's requests.

Pages with an object are listed in registry.MISSING until the world has their records."""

from __future__ import annotations

from typing import Any

from safeguarding.core.tests.matrix.spec import (
    ADMIN,
    BOARD_MEMBER,
    BUSINESS_UNIT,
    CASE_REVIEW_PANEL,
    CDOP_MANAGER,
    CDOP_PANEL,
    DATA_ANALYST,
    FORBIDDEN,
    LEAD,
    NO_ROLE,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    PRACTITIONER,
    SCRUTINEER,
    Case,
    expect,
    no_object,
)


def review_in_progress(w: Any) -> dict[str, Any]:
    return {"pk": w.review_in_progress.pk}


def review_published(w: Any) -> dict[str, Any]:
    return {"pk": w.review_published.pk}


def review_archived(w: Any) -> dict[str, Any]:
    return {"pk": w.review_archived.pk}


def notification(w: Any) -> dict[str, Any]:
    return {"pk": w.notification.pk}


def rapid_review(w: Any) -> dict[str, Any]:
    return {"pk": w.rapid_review.pk}


def request_a(w: Any) -> dict[str, Any]:
    return {"pk": w.request_a.pk}


def request_b(w: Any) -> dict[str, Any]:
    return {"pk": w.request_b.pk}


ENTRIES: dict[str, tuple[Case, ...]] = {
    "case_reviews:agency_request_list": (
        Case(
            "no object",
            get=expect(
                OK, ({CDOP_MANAGER, CDOP_PANEL, PRACTITIONER, DATA_ANALYST, NO_ROLE}, NOT_FOUND)
            ),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "case_reviews:case_review_home": (
        Case(
            "no object",
            get=expect(
                OK, ({CDOP_MANAGER, CDOP_PANEL, PRACTITIONER, DATA_ANALYST, NO_ROLE}, NOT_FOUND)
            ),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "case_reviews:deadline_list": (
        Case(
            "no object",
            get=expect(
                OK, ({CDOP_MANAGER, CDOP_PANEL, PRACTITIONER, DATA_ANALYST, NO_ROLE}, NOT_FOUND)
            ),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "case_reviews:incident_notification_create": (
        Case(
            "no object",
            get=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL}, OK),
                ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            post=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL}, OK),
                ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            fill=no_object,
        ),
    ),
    "case_reviews:incident_notification_list": (
        Case(
            "no object",
            get=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL, SCRUTINEER, BOARD_MEMBER}, OK),
            ),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "case_reviews:practice_review_create": (
        Case(
            "no object",
            get=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL}, OK),
                ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            post=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL}, OK),
                ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            fill=no_object,
        ),
    ),
    "case_reviews:practice_review_export": (
        Case(
            "no object",
            get=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL, SCRUTINEER, BOARD_MEMBER}, OK),
            ),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "case_reviews:practice_review_list": (
        Case(
            "no object",
            get=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL, SCRUTINEER, BOARD_MEMBER}, OK),
            ),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "case_reviews:practice_review_archive": (
        Case(
            "review in progress",
            get=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT}, OK),
                ({CASE_REVIEW_PANEL, SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            post=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT}, OK),
                ({CASE_REVIEW_PANEL, SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            fill=review_in_progress,
        ),
        Case(
            "review published",
            get=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT}, OK),
                ({CASE_REVIEW_PANEL, SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            post=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT}, OK),
                ({CASE_REVIEW_PANEL, SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            fill=review_published,
        ),
        Case(
            "review archived",
            get=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL, SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            post=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL, SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            fill=review_archived,
        ),
    ),
    "case_reviews:practice_review_detail": (
        Case(
            "review in progress",
            get=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL, SCRUTINEER, BOARD_MEMBER}, OK),
            ),
            post=expect(NOT_ALLOWED),
            fill=review_in_progress,
        ),
        Case(
            "review published",
            get=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL, SCRUTINEER, BOARD_MEMBER}, OK),
            ),
            post=expect(NOT_ALLOWED),
            fill=review_published,
        ),
        Case(
            "review archived",
            get=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL, SCRUTINEER, BOARD_MEMBER}, OK),
            ),
            post=expect(NOT_ALLOWED),
            fill=review_archived,
        ),
    ),
    "case_reviews:practice_review_report_download": (
        Case(
            "review in progress",
            get=expect(NOT_FOUND),
            post=expect(NOT_ALLOWED),
            fill=review_in_progress,
        ),
        Case(
            "review published",
            get=expect(NOT_FOUND),
            post=expect(NOT_ALLOWED),
            fill=review_published,
        ),
        Case(
            "review archived",
            get=expect(NOT_FOUND),
            post=expect(NOT_ALLOWED),
            fill=review_archived,
        ),
    ),
    "case_reviews:practice_review_stage": (
        Case(
            "review in progress",
            get=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL}, OK),
                ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            post=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL}, OK),
                ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            fill=review_in_progress,
        ),
        Case(
            "review published",
            get=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL, SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            post=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL, SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            fill=review_published,
        ),
        Case(
            "review archived",
            get=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL, SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            post=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL, SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            fill=review_archived,
        ),
    ),
    "case_reviews:practice_review_update": (
        Case(
            "review in progress",
            get=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL}, OK),
                ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            post=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL}, OK),
                ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            fill=review_in_progress,
        ),
        Case(
            "review published",
            get=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL}, OK),
                ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            post=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL}, OK),
                ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            fill=review_published,
        ),
        Case(
            "review archived",
            get=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL, SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            post=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL, SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            fill=review_archived,
        ),
    ),
    "case_reviews:agency_request_create": (
        Case(
            "rapid review",
            get=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL}, OK),
                ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            post=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL}, OK),
                ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            fill=rapid_review,
        ),
    ),
    "case_reviews:agency_request_submit": (
        Case(
            "agency A's request",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL, LEAD}, OK)),
            post=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL, LEAD}, OK)),
            fill=request_a,
        ),
        Case(
            "agency B's request",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL}, OK)),
            post=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL}, OK)),
            fill=request_b,
        ),
    ),
    "case_reviews:incident_notification_archive": (
        Case(
            "notification",
            get=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT}, OK),
                ({CASE_REVIEW_PANEL, SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            post=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT}, OK),
                ({CASE_REVIEW_PANEL, SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            fill=notification,
        ),
    ),
    "case_reviews:incident_notification_detail": (
        Case(
            "notification",
            get=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL, SCRUTINEER, BOARD_MEMBER}, OK),
            ),
            post=expect(NOT_ALLOWED),
            fill=notification,
        ),
    ),
    "case_reviews:incident_notification_update": (
        Case(
            "notification",
            get=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL}, OK),
                ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            post=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL}, OK),
                ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            fill=notification,
        ),
    ),
    "case_reviews:practice_review_commission": (
        Case(
            "rapid review",
            get=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL}, OK),
                ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            post=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL}, OK),
                ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            fill=rapid_review,
        ),
    ),
    "case_reviews:rapid_review_detail": (
        Case(
            "rapid review",
            get=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL, SCRUTINEER, BOARD_MEMBER}, OK),
            ),
            post=expect(NOT_ALLOWED),
            fill=rapid_review,
        ),
    ),
    "case_reviews:rapid_review_learning_add": (
        Case(
            "rapid review",
            get=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL}, OK),
                ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            post=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL}, OK),
                ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            fill=rapid_review,
        ),
    ),
    "case_reviews:rapid_review_update": (
        Case(
            "rapid review",
            get=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL}, OK),
                ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            post=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, CASE_REVIEW_PANEL}, OK),
                ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            fill=rapid_review,
        ),
    ),
}


# URL names with an object parameter whose records the world does not build yet: each
# leaves this set when build() adds its records and ENTRIES gets its cases.
MISSING: frozenset[str] = frozenset(
    {
        "case_reviews:agency_request_document_download",
        "case_reviews:child_add",
        "case_reviews:child_identity",
        "case_reviews:child_identity_update",
        "case_reviews:dissemination_add",
        "case_reviews:finding_add",
        "case_reviews:milestone_add",
        "case_reviews:milestone_complete",
        "case_reviews:practice_review_action_add",
        "case_reviews:practice_review_advance_copy",
        "case_reviews:practice_review_target_revise",
        "case_reviews:recommendation_add",
    }
)
