"""training: the public course and briefing pages; staff manage; leads validate their agency's
training; everyone signed in has their own bookings and certificates.

Pages with an object are listed in registry.MISSING until the world has their records."""

from __future__ import annotations

from safeguarding.core.tests.matrix.spec import (
    ADMIN,
    ANONYMOUS,
    BOARD_MEMBER,
    BUSINESS_UNIT,
    FORBIDDEN,
    LEAD,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    SCRUTINEER,
    Case,
    expect,
    no_object,
)

ENTRIES: dict[str, tuple[Case, ...]] = {
    "training:approval_list": (
        Case(
            "no object",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, LEAD, SCRUTINEER, BOARD_MEMBER}, OK)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "training:booking_list": (
        Case(
            "no object",
            get=expect(OK),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "training:briefing_create": (
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
    "training:briefing_list": (
        Case(
            "no object",
            get={**expect(OK), ANONYMOUS: OK},
            post={**expect(NOT_ALLOWED), ANONYMOUS: NOT_ALLOWED},
            fill=no_object,
        ),
    ),
    "training:certificate_list": (
        Case(
            "no object",
            get=expect(OK),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "training:certificate_verify": (
        Case(
            "no object",
            get={**expect(OK), ANONYMOUS: OK},
            post={**expect(NOT_ALLOWED), ANONYMOUS: NOT_ALLOWED},
            fill=no_object,
        ),
    ),
    "training:course_create": (
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
    "training:course_list": (
        Case(
            "no object",
            get={**expect(OK), ANONYMOUS: OK},
            post={**expect(NOT_ALLOWED), ANONYMOUS: NOT_ALLOWED},
            fill=no_object,
        ),
    ),
    "training:manage": (
        Case(
            "no object",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, SCRUTINEER, BOARD_MEMBER}, OK)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "training:needs_survey_create": (
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
    "training:needs_survey_list": (
        Case(
            "no object",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, SCRUTINEER, BOARD_MEMBER}, OK)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "training:session_add": (
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
    "training:statement_list": (
        Case(
            "no object",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, LEAD, SCRUTINEER, BOARD_MEMBER}, OK)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "training:validation_create": (
        Case(
            "no object",
            get=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
                ({LEAD}, OK),
            ),
            post=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
                ({LEAD}, OK),
            ),
            fill=no_object,
        ),
    ),
    "training:validation_list": (
        Case(
            "no object",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, LEAD, SCRUTINEER, BOARD_MEMBER}, OK)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
}
