"""retention: the administrator alone places and releases holds and finds a person's data;
everyone signed in downloads their own."""

from __future__ import annotations

from safeguarding.core.tests.matrix.spec import (
    ADMIN,
    NOT_FOUND,
    OK,
    Case,
    expect,
    pk,
    read_page,
    same,
)

hold = pk("hold")
another_person = pk("person_b")


ENTRIES: dict[str, tuple[Case, ...]] = {
    "retention:home": (read_page("no object", expect(NOT_FOUND, (ADMIN, OK))),),
    "retention:legal_hold_place": (same("no object", expect(NOT_FOUND, (ADMIN, OK))),),
    "retention:legal_hold_release": (same("hold", expect(NOT_FOUND, (ADMIN, OK)), hold),),
    "retention:my_data": (read_page("no object", expect(OK)),),
    "retention:person_data_download": (
        read_page("another person", expect(NOT_FOUND, (ADMIN, OK)), another_person),
    ),
    "retention:person_find": (read_page("no object", expect(NOT_FOUND, (ADMIN, OK))),),
}
