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


# URL names with an object parameter whose records the world does not build yet: each
# leaves this set when build() adds its records and ENTRIES gets its cases.
MISSING: frozenset[str] = frozenset(
    {
        "assurance:survey_burst_exclude",
        "assurance:survey_hours",
        "assurance:survey_links_export",
        "assurance:survey_links_issue",
        "assurance:work_list",
        "assurance:audit_case_add",
        "assurance:audit_case_complete",
        "assurance:audit_complete",
        "assurance:audit_detail",
        "assurance:audit_finding_add",
        "assurance:audit_moderate",
        "assurance:audit_report",
        "assurance:commentary_board_response",
        "assurance:commentary_detail",
        "assurance:commentary_review",
        "assurance:difference_update",
        "assurance:form_detail",
        "assurance:form_question_add",
        "assurance:form_question_remove",
        "assurance:form_question_update",
        "assurance:form_section_add",
        "assurance:scrutiny_assessment_add",
        "assurance:scrutiny_recommendation_action",
        "assurance:scrutiny_report_detail",
        "assurance:section11_cycle_detail",
        "assurance:section11_return_challenge",
        "assurance:section11_return_detail",
        "assurance:section11_return_edit",
        "assurance:section11_return_feedback",
        "assurance:section11_return_moderate",
        "assurance:section11_return_submit",
        "assurance:survey_answer",
        "assurance:survey_detail",
        "assurance:survey_export",
        "assurance:survey_thanks",
        "assurance:survey_update",
    }
)
