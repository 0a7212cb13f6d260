"""governance: every role reads; staff change; the arrangements are public.

Pages with an object are listed in registry.MISSING until the world has their records."""

from __future__ import annotations

from safeguarding.core.tests.matrix.spec import (
    ADMIN,
    ANONYMOUS,
    BUSINESS_UNIT,
    FORBIDDEN,
    NO_ROLE,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    Case,
    expect,
    no_object,
)

ENTRIES: dict[str, tuple[Case, ...]] = {
    "governance:appointment_create": (
        Case(
            "no object",
            get=expect(FORBIDDEN, ({ADMIN, BUSINESS_UNIT}, OK), ({NO_ROLE}, NOT_FOUND)),
            post=expect(FORBIDDEN, ({ADMIN, BUSINESS_UNIT}, OK), ({NO_ROLE}, NOT_FOUND)),
            fill=no_object,
        ),
    ),
    "governance:arrangements": (
        Case(
            "no object",
            get=expect(OK, ({NO_ROLE}, NOT_FOUND)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "governance:arrangements_document_create": (
        Case(
            "no object",
            get=expect(FORBIDDEN, ({ADMIN, BUSINESS_UNIT}, OK), ({NO_ROLE}, NOT_FOUND)),
            post=expect(FORBIDDEN, ({ADMIN, BUSINESS_UNIT}, OK), ({NO_ROLE}, NOT_FOUND)),
            fill=no_object,
        ),
    ),
    "governance:arrangements_member_add": (
        Case(
            "no object",
            get=expect(FORBIDDEN, ({ADMIN, BUSINESS_UNIT}, OK), ({NO_ROLE}, NOT_FOUND)),
            post=expect(FORBIDDEN, ({ADMIN, BUSINESS_UNIT}, OK), ({NO_ROLE}, NOT_FOUND)),
            fill=no_object,
        ),
    ),
    "governance:arrangements_public": (
        Case(
            "no object",
            get={**expect(OK), ANONYMOUS: OK},
            post={**expect(NOT_ALLOWED), ANONYMOUS: NOT_ALLOWED},
            fill=no_object,
        ),
    ),
    "governance:budget_line_record": (
        Case(
            "no object",
            get=expect(FORBIDDEN, ({ADMIN, BUSINESS_UNIT}, OK), ({NO_ROLE}, NOT_FOUND)),
            post=expect(FORBIDDEN, ({ADMIN, BUSINESS_UNIT}, OK), ({NO_ROLE}, NOT_FOUND)),
            fill=no_object,
        ),
    ),
    "governance:figures": (
        Case(
            "no object",
            get=expect(OK, ({NO_ROLE}, NOT_FOUND)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "governance:funding": (
        Case(
            "no object",
            get=expect(OK, ({NO_ROLE}, NOT_FOUND)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "governance:funding_contribution_record": (
        Case(
            "no object",
            get=expect(FORBIDDEN, ({ADMIN, BUSINESS_UNIT}, OK), ({NO_ROLE}, NOT_FOUND)),
            post=expect(FORBIDDEN, ({ADMIN, BUSINESS_UNIT}, OK), ({NO_ROLE}, NOT_FOUND)),
            fill=no_object,
        ),
    ),
    "governance:home": (
        Case(
            "no object",
            get=expect(OK, ({NO_ROLE}, NOT_FOUND)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "governance:meeting_list": (
        Case(
            "no object",
            get=expect(OK, ({NO_ROLE}, NOT_FOUND)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "governance:priority_list": (
        Case(
            "no object",
            get=expect(OK, ({NO_ROLE}, NOT_FOUND)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
}
