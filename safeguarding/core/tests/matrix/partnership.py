"""partnership: every role sees the structure; staff change it; only the administrator sees
and changes people."""

from __future__ import annotations

from safeguarding.accounts.roles import Role
from safeguarding.core.tests.matrix.spec import (
    EVERY_ROLE,
    FORBIDDEN,
    NOT_FOUND,
    OK,
    STAFF,
    Case,
    Filler,
    action,
    expect,
    no_object,
    read_page,
    same,
)

SEE = expect(NOT_FOUND, (EVERY_ROLE, OK))
EDIT = expect(NOT_FOUND, (EVERY_ROLE, FORBIDDEN), (STAFF, OK))
ADMIN_ONLY = expect(NOT_FOUND, ({Role.PARTNERSHIP_ADMIN.value}, OK))


def _read(label: str, fill: Filler = no_object) -> tuple[Case, ...]:
    return (read_page(label, SEE, fill),)


def _edit(label: str, fill: Filler = no_object) -> tuple[Case, ...]:
    return (Case(label, EDIT, EDIT, fill),)


ENTRIES: dict[str, tuple[Case, ...]] = {
    "partnership:overview": _read("no object"),
    "partnership:area_list": _read("no object"),
    "partnership:agency_list": _read("no object"),
    "partnership:group_list": _read("no object"),
    "partnership:governance": _read("no object"),
    "partnership:priority_list": _read("no object"),
    "partnership:area_detail": _read("area", lambda w: {"pk": w.area_a.pk}),
    "partnership:agency_detail": _read("agency B", lambda w: {"pk": w.agency_b.pk}),
    "partnership:group_detail": _read("group", lambda w: {"pk": w.group.pk}),
    "partnership:priority_detail": _read("priority", lambda w: {"pk": w.priority.pk}),
    "partnership:partnership_update": _edit("no object"),
    "partnership:area_create": _edit("no object"),
    "partnership:agency_create": _edit("no object"),
    "partnership:group_create": _edit("no object"),
    "partnership:priority_create": _edit("no object"),
    "partnership:area_update": _edit("area", lambda w: {"pk": w.area_a.pk}),
    "partnership:district_create": _edit("area", lambda w: {"pk": w.area_a.pk}),
    "partnership:district_update": _edit(
        "district", lambda w: {"pk": w.area_a.pk, "district_pk": w.district_a.pk}
    ),
    "partnership:agency_update": _edit("agency B", lambda w: {"pk": w.agency_b.pk}),
    "partnership:agency_rename": _edit("agency B", lambda w: {"pk": w.agency_b.pk}),
    "partnership:agency_disable": _edit("agency B", lambda w: {"pk": w.agency_b.pk}),
    "partnership:group_update": _edit("group", lambda w: {"pk": w.group.pk}),
    "partnership:group_membership_add": _edit("group", lambda w: {"pk": w.group.pk}),
    "partnership:group_membership_end": _edit(
        "membership", lambda w: {"pk": w.group.pk, "membership_pk": w.membership.pk}
    ),
    "partnership:priority_update": _edit("priority", lambda w: {"pk": w.priority.pk}),
    "partnership:person_list": (read_page("no object", ADMIN_ONLY),),
    "partnership:person_detail": (
        same("another person", ADMIN_ONLY, lambda w: {"pk": w.person_b.pk}),
    ),
    "partnership:person_deactivate": (
        same("another person", ADMIN_ONLY, lambda w: {"pk": w.person_b.pk}),
    ),
    "partnership:role_revoke": (
        action(
            "another person's grant",
            ADMIN_ONLY,
            lambda w: {"pk": w.person_b.pk, "grant_pk": w.grant_b.pk},
        ),
    ),
}
