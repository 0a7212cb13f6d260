"""child_deaths: child death records for the CDOP roles only (not for the partnership staff);
the dashboard of figures for every role.

Pages with an object are listed in registry.MISSING until the world has their records."""

from __future__ import annotations

from safeguarding.core.tests.matrix.spec import (
    CDOP_MANAGER,
    CDOP_PANEL,
    FORBIDDEN,
    LEAD,
    NO_ROLE,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    Case,
    expect,
    no_object,
)

ENTRIES: dict[str, tuple[Case, ...]] = {
    "child_deaths:comparator_create": (
        Case(
            "no object",
            get=expect(FORBIDDEN, ({CDOP_MANAGER}, OK), ({NO_ROLE}, NOT_FOUND)),
            post=expect(FORBIDDEN, ({CDOP_MANAGER}, OK), ({NO_ROLE}, NOT_FOUND)),
            fill=no_object,
        ),
    ),
    "child_deaths:dashboard": (
        Case(
            "no object",
            get=expect(OK, ({NO_ROLE}, NOT_FOUND)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "child_deaths:meeting_create": (
        Case(
            "no object",
            get=expect(NOT_FOUND, ({CDOP_MANAGER}, OK), ({CDOP_PANEL}, FORBIDDEN)),
            post=expect(NOT_FOUND, ({CDOP_MANAGER}, OK), ({CDOP_PANEL}, FORBIDDEN)),
            fill=no_object,
        ),
    ),
    "child_deaths:meeting_list": (
        Case(
            "no object",
            get=expect(NOT_FOUND, ({CDOP_MANAGER, CDOP_PANEL}, OK)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "child_deaths:national_export": (
        Case(
            "no object",
            get=expect(NOT_FOUND, ({CDOP_MANAGER}, OK)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "child_deaths:notification_create": (
        Case(
            "no object",
            get=expect(NOT_FOUND, ({CDOP_MANAGER}, OK), ({CDOP_PANEL}, FORBIDDEN)),
            post=expect(NOT_FOUND, ({CDOP_MANAGER}, OK), ({CDOP_PANEL}, FORBIDDEN)),
            fill=no_object,
        ),
    ),
    "child_deaths:notification_list": (
        Case(
            "no object",
            get=expect(NOT_FOUND, ({CDOP_MANAGER, CDOP_PANEL}, OK)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "child_deaths:request_list": (
        Case(
            "no object",
            get=expect(NOT_FOUND, ({CDOP_MANAGER, LEAD}, OK)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
}


# URL names with an object parameter whose records the world does not build yet: each
# leaves this set when build() adds its records and ENTRIES gets its cases.
MISSING: frozenset[str] = frozenset(
    {
        "child_deaths:learning_create",
        "child_deaths:meeting_detail",
        "child_deaths:meeting_update",
        "child_deaths:notification_archive",
        "child_deaths:notification_delay",
        "child_deaths:notification_detail",
        "child_deaths:notification_update",
        "child_deaths:panel_review_action_add",
        "child_deaths:request_create",
        "child_deaths:request_remind",
        "child_deaths:request_return",
        "child_deaths:review_update",
    }
)
