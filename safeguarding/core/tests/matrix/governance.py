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


# URL names with an object parameter whose records the world does not build yet: each
# leaves this set when build() adds its records and ENTRIES gets its cases.
MISSING: frozenset[str] = frozenset(
    {
        "governance:agenda_item_add",
        "governance:appointment_end",
        "governance:arrangements_document_download",
        "governance:arrangements_document_publish",
        "governance:arrangements_document_sign",
        "governance:decision_record",
        "governance:escalation_raise",
        "governance:evidence_link",
        "governance:group_meetings",
        "governance:meeting_action_record",
        "governance:meeting_attendance",
        "governance:meeting_calendar",
        "governance:meeting_cancel",
        "governance:meeting_detail",
        "governance:meeting_invitations_send",
        "governance:meeting_minutes",
        "governance:meeting_reschedule",
        "governance:meeting_schedule",
        "governance:paper_download",
        "governance:paper_upload",
        "governance:papers_publish",
        "governance:priority_detail",
        "governance:priority_plan_edit",
        "governance:priority_progress_add",
    }
)
