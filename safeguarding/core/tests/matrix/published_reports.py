"""published_reports: the published yearly reports are public.

Pages with an object are listed in registry.MISSING until the world has their records."""

from __future__ import annotations

from safeguarding.core.tests.matrix.spec import (
    ANONYMOUS,
    NOT_ALLOWED,
    OK,
    Case,
    expect,
    no_object,
)

ENTRIES: dict[str, tuple[Case, ...]] = {
    "published_reports:published_list": (
        Case(
            "no object",
            get={**expect(OK), ANONYMOUS: OK},
            post={**expect(NOT_ALLOWED), ANONYMOUS: NOT_ALLOWED},
            fill=no_object,
        ),
    ),
}


# URL names with an object parameter whose records the world does not build yet: each
# leaves this set when build() adds its records and ENTRIES gets its cases.
MISSING: frozenset[str] = frozenset(
    {
        "published_reports:published_latest",
        "published_reports:published_pdf",
        "published_reports:published_version",
        "published_reports:published_young_people",
    }
)
