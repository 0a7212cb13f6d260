"""website: the public pages; staff manage the content.

Pages with an object are listed in registry.MISSING until the world has their records."""

from __future__ import annotations

from typing import Any

from safeguarding.core.tests.matrix.spec import (
    ADMIN,
    ANONYMOUS,
    BOARD_MEMBER,
    BUSINESS_UNIT,
    FORBIDDEN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
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


ENTRIES: dict[str, tuple[Case, ...]] = {
    "website:concern_start": (
        Case(
            "no object",
            get={**expect(OK), ANONYMOUS: OK},
            post={**expect(NOT_ALLOWED), ANONYMOUS: NOT_ALLOWED},
            fill=no_object,
        ),
    ),
    "website:front_door_create": (
        Case(
            "no object",
            get=expect(
                NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK), ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN)
            ),
            post=expect(
                NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK), ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN)
            ),
            fill=no_object,
        ),
    ),
    "website:home": (
        Case(
            "no object",
            get={**expect(OK), ANONYMOUS: OK},
            post={**expect(NOT_ALLOWED), ANONYMOUS: NOT_ALLOWED},
            fill=no_object,
        ),
    ),
    "website:learning_list": (
        Case(
            "no object",
            get={**expect(OK), ANONYMOUS: OK},
            post={**expect(NOT_ALLOWED), ANONYMOUS: NOT_ALLOWED},
            fill=no_object,
        ),
    ),
    "website:manage": (
        Case(
            "no object",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, SCRUTINEER, BOARD_MEMBER}, OK)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "website:page_create": (
        Case(
            "no object",
            get=expect(
                NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK), ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN)
            ),
            post=expect(
                NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK), ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN)
            ),
            fill=no_object,
        ),
    ),
    "website:resource_create": (
        Case(
            "no object",
            get=expect(
                NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK), ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN)
            ),
            post=expect(
                NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK), ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN)
            ),
            fill=no_object,
        ),
    ),
    "website:resource_list": (
        Case(
            "no object",
            get={**expect(OK), ANONYMOUS: OK},
            post={**expect(NOT_ALLOWED), ANONYMOUS: NOT_ALLOWED},
            fill=no_object,
        ),
    ),
    "website:search": (
        Case(
            "no object",
            get={**expect(OK), ANONYMOUS: OK},
            post={**expect(NOT_ALLOWED), ANONYMOUS: NOT_ALLOWED},
            fill=no_object,
        ),
    ),
    "website:statistics": (
        Case(
            "no object",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, SCRUTINEER, BOARD_MEMBER}, OK)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "website:subscribe": (
        Case(
            "no object",
            get={**expect(OK), ANONYMOUS: OK},
            post={**expect(OK), ANONYMOUS: OK},
            fill=no_object,
        ),
    ),
    "website:subscribe_sent": (
        Case(
            "no object",
            get={**expect(OK), ANONYMOUS: OK},
            post={**expect(NOT_ALLOWED), ANONYMOUS: NOT_ALLOWED},
            fill=no_object,
        ),
    ),
    "website:tool_create": (
        Case(
            "no object",
            get=expect(
                NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK), ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN)
            ),
            post=expect(
                NOT_FOUND, ({ADMIN, BUSINESS_UNIT}, OK), ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN)
            ),
            fill=no_object,
        ),
    ),
    "website:annual_report_list": (
        Case(
            "no object",
            get={**expect(OK), ANONYMOUS: OK},
            post={**expect(NOT_ALLOWED), ANONYMOUS: NOT_ALLOWED},
            fill=no_object,
        ),
    ),
    "website:practice_review_list": (
        Case(
            "no object",
            get={**expect(OK), ANONYMOUS: OK},
            post={**expect(NOT_ALLOWED), ANONYMOUS: NOT_ALLOWED},
            fill=no_object,
        ),
    ),
    "website:practice_review_detail": (
        Case(
            "review in progress",
            get={**expect(NOT_FOUND), ANONYMOUS: NOT_FOUND},
            post={**expect(NOT_ALLOWED), ANONYMOUS: NOT_ALLOWED},
            fill=review_in_progress,
        ),
        Case(
            "review published",
            get={**expect(OK), ANONYMOUS: OK},
            post={**expect(NOT_ALLOWED), ANONYMOUS: NOT_ALLOWED},
            fill=review_published,
        ),
        Case(
            "review archived",
            get={**expect(NOT_FOUND), ANONYMOUS: NOT_FOUND},
            post={**expect(NOT_ALLOWED), ANONYMOUS: NOT_ALLOWED},
            fill=review_archived,
        ),
    ),
    "website:practice_review_report": (
        Case(
            "review in progress",
            get={**expect(NOT_FOUND), ANONYMOUS: NOT_FOUND},
            post={**expect(NOT_ALLOWED), ANONYMOUS: NOT_ALLOWED},
            fill=review_in_progress,
        ),
        Case(
            "review published",
            get={**expect(NOT_FOUND), ANONYMOUS: NOT_FOUND},
            post={**expect(NOT_ALLOWED), ANONYMOUS: NOT_ALLOWED},
            fill=review_published,
        ),
        Case(
            "review archived",
            get={**expect(NOT_FOUND), ANONYMOUS: NOT_FOUND},
            post={**expect(NOT_ALLOWED), ANONYMOUS: NOT_ALLOWED},
            fill=review_archived,
        ),
    ),
}


# URL names with an object parameter whose records the world does not build yet: each
# leaves this set when build() adds its records and ENTRIES gets its cases.
MISSING: frozenset[str] = frozenset(
    {
        "website:concern_district",
        "website:concern_result",
        "website:concern_result_district",
        "website:front_door_update",
        "website:learning_detail",
        "website:page_detail",
        "website:page_update",
        "website:resource_detail",
        "website:resource_download",
        "website:resource_update",
        "website:resource_version_add",
        "website:subscription_confirm",
        "website:tool_detail",
        "website:tool_outcome_add",
        "website:tool_rule_add",
        "website:tool_update",
        "website:unsubscribe",
    }
)
