"""annual_reports: staff write the yearly report; every role reads the published index.

Pages with an object are listed in registry.MISSING until the world has their records."""

from __future__ import annotations

from safeguarding.core.tests.matrix.spec import (
    ADMIN,
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
    "annual_reports:edition_create": (
        Case(
            "no object",
            get=expect(FORBIDDEN, ({ADMIN, BUSINESS_UNIT}, OK), ({NO_ROLE}, NOT_FOUND)),
            post=expect(FORBIDDEN, ({ADMIN, BUSINESS_UNIT}, OK), ({NO_ROLE}, NOT_FOUND)),
            fill=no_object,
        ),
    ),
    "annual_reports:report_index": (
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
        "annual_reports:context_figure_create",
        "annual_reports:context_figure_import",
        "annual_reports:context_figure_list",
        "annual_reports:context_figure_update",
        "annual_reports:contribution_accept",
        "annual_reports:contribution_detail",
        "annual_reports:contribution_list",
        "annual_reports:contribution_request",
        "annual_reports:contribution_return",
        "annual_reports:contribution_submit",
        "annual_reports:contribution_update",
        "annual_reports:edition_detail",
        "annual_reports:edition_follow_up",
        "annual_reports:edition_preview",
        "annual_reports:edition_publish",
        "annual_reports:edition_reopen",
        "annual_reports:edition_return",
        "annual_reports:edition_sign_off",
        "annual_reports:edition_submit",
        "annual_reports:edition_update",
        "annual_reports:figure_list",
        "annual_reports:report_detail",
        "annual_reports:report_download",
        "annual_reports:scrutineer_part_list",
        "annual_reports:scrutineer_part_update",
        "annual_reports:scrutineer_parts_create",
        "annual_reports:section_create",
        "annual_reports:section_move",
        "annual_reports:section_update",
    }
)
