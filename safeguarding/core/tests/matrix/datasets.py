"""datasets: every role reads the figures; staff and data analysts upload returns.

Pages with an object are listed in registry.MISSING until the world has their records."""

from __future__ import annotations

from safeguarding.core.tests.matrix.spec import (
    ADMIN,
    BUSINESS_UNIT,
    DATA_ANALYST,
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
    "datasets:dashboard": (
        Case(
            "no object",
            get=expect(OK, ({NO_ROLE}, NOT_FOUND)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "datasets:definitions": (
        Case(
            "no object",
            get=expect(OK, ({NO_ROLE}, NOT_FOUND)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "datasets:figures_export": (
        Case(
            "no object",
            get=expect(OK, ({NO_ROLE}, NOT_FOUND)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "datasets:import_create": (
        Case(
            "no object",
            get=expect(
                FORBIDDEN, ({ADMIN, BUSINESS_UNIT, DATA_ANALYST}, OK), ({NO_ROLE}, NOT_FOUND)
            ),
            post=expect(
                FORBIDDEN, ({ADMIN, BUSINESS_UNIT, DATA_ANALYST}, OK), ({NO_ROLE}, NOT_FOUND)
            ),
            fill=no_object,
        ),
    ),
    "datasets:import_list": (
        Case(
            "no object",
            get=expect(
                FORBIDDEN, ({ADMIN, BUSINESS_UNIT, DATA_ANALYST}, OK), ({NO_ROLE}, NOT_FOUND)
            ),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "datasets:population_list": (
        Case(
            "no object",
            get=expect(
                FORBIDDEN, ({ADMIN, BUSINESS_UNIT, DATA_ANALYST}, OK), ({NO_ROLE}, NOT_FOUND)
            ),
            post=expect(
                FORBIDDEN, ({ADMIN, BUSINESS_UNIT, DATA_ANALYST}, OK), ({NO_ROLE}, NOT_FOUND)
            ),
            fill=no_object,
        ),
    ),
    "datasets:comparator_import": (
        Case(
            "no object",
            get=expect(FORBIDDEN, ({ADMIN, BUSINESS_UNIT, DATA_ANALYST}, OK)),
            post=expect(FORBIDDEN, ({ADMIN, BUSINESS_UNIT, DATA_ANALYST}, OK)),
            fill=no_object,
        ),
    ),
    "datasets:comparator_list": (
        Case(
            "no object",
            get=expect(
                FORBIDDEN, ({ADMIN, BUSINESS_UNIT, DATA_ANALYST}, OK), ({NO_ROLE}, NOT_FOUND)
            ),
            post=expect(
                FORBIDDEN, ({ADMIN, BUSINESS_UNIT, DATA_ANALYST}, OK), ({NO_ROLE}, NOT_FOUND)
            ),
            fill=no_object,
        ),
    ),
}


# URL names with an object parameter whose records the world does not build yet: each
# leaves this set when build() adds its records and ENTRIES gets its cases.
MISSING: frozenset[str] = frozenset(
    {
        "datasets:area_detail",
        "datasets:import_cancel",
        "datasets:import_confirm",
        "datasets:import_detail",
        "datasets:import_status",
        "datasets:import_withdraw",
        "datasets:population_update",
    }
)
