"""assurance: staff run audits, section 11, surveys and scrutiny; agency leads see and answer
their agency's parts; read-only roles read and never write.

Pages with an object are listed in registry.MISSING until the world has their records."""

from __future__ import annotations

from safeguarding.core.tests.matrix.spec import (
    ADMIN,
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
    "assurance:audit_create": (
        Case(
            "no object",
            get=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT}, OK),
                ({LEAD, SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            post=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT}, OK),
                ({LEAD, SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            fill=no_object,
        ),
    ),
    "assurance:audit_list": (
        Case(
            "no object",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, LEAD, SCRUTINEER, BOARD_MEMBER}, OK)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "assurance:commentary_create": (
        Case(
            "no object",
            get=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, LEAD}, OK),
                ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            post=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT, LEAD}, OK),
                ({SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            fill=no_object,
        ),
    ),
    "assurance:commentary_list": (
        Case(
            "no object",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, LEAD, SCRUTINEER, BOARD_MEMBER}, OK)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "assurance:difference_create": (
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
    "assurance:difference_list": (
        Case(
            "no object",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, SCRUTINEER, BOARD_MEMBER}, OK)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "assurance:form_create": (
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
    "assurance:form_list": (
        Case(
            "no object",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, SCRUTINEER, BOARD_MEMBER}, OK)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "assurance:overview": (
        Case(
            "no object",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, LEAD, SCRUTINEER, BOARD_MEMBER}, OK)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "assurance:scrutiny_list": (
        Case(
            "no object",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, SCRUTINEER, BOARD_MEMBER}, OK)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "assurance:scrutiny_report_create": (
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
    "assurance:section11_cycle_create": (
        Case(
            "no object",
            get=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT}, OK),
                ({LEAD, SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            post=expect(
                NOT_FOUND,
                ({ADMIN, BUSINESS_UNIT}, OK),
                ({LEAD, SCRUTINEER, BOARD_MEMBER}, FORBIDDEN),
            ),
            fill=no_object,
        ),
    ),
    "assurance:section11_cycle_list": (
        Case(
            "no object",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, LEAD, SCRUTINEER, BOARD_MEMBER}, OK)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "assurance:survey_create": (
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
    "assurance:survey_list": (
        Case(
            "no object",
            get=expect(NOT_FOUND, ({ADMIN, BUSINESS_UNIT, SCRUTINEER, BOARD_MEMBER}, OK)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
}
