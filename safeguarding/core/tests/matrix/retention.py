"""retention: the administrator alone places and releases holds and finds a person's data;
everyone signed in downloads their own."""

from __future__ import annotations

from typing import Any

from safeguarding.core.tests.matrix.spec import (
    ADMIN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    Case,
    expect,
    no_object,
)


def hold(w: Any) -> dict[str, Any]:
    return {"pk": w.hold.pk}


def another_person(w: Any) -> dict[str, Any]:
    return {"pk": w.person_b.pk}


ENTRIES: dict[str, tuple[Case, ...]] = {
    "retention:home": (
        Case(
            "no object",
            get=expect(NOT_FOUND, ({ADMIN}, OK)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "retention:legal_hold_place": (
        Case(
            "no object",
            get=expect(NOT_FOUND, ({ADMIN}, OK)),
            post=expect(NOT_FOUND, ({ADMIN}, OK)),
            fill=no_object,
        ),
    ),
    "retention:legal_hold_release": (
        Case(
            "hold",
            get=expect(NOT_FOUND, ({ADMIN}, OK)),
            post=expect(NOT_FOUND, ({ADMIN}, OK)),
            fill=hold,
        ),
    ),
    "retention:my_data": (
        Case(
            "no object",
            get=expect(OK),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
    "retention:person_data_download": (
        Case(
            "another person",
            get=expect(NOT_FOUND, ({ADMIN}, OK)),
            post=expect(NOT_ALLOWED),
            fill=another_person,
        ),
    ),
    "retention:person_find": (
        Case(
            "no object",
            get=expect(NOT_FOUND, ({ADMIN}, OK)),
            post=expect(NOT_ALLOWED),
            fill=no_object,
        ),
    ),
}
