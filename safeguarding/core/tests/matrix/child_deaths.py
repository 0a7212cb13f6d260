"""child_deaths: child death records for the CDOP roles only (not for the partnership staff);
the dashboard of figures for every role.

A CDOP panel member sees (and reviews) only the cases on the agendas of their meetings; an
agency's lead sees only its requests, and not once the case is archived; an archived case is
read-only (403 on every change)."""

from __future__ import annotations

from typing import Any

from safeguarding.core.tests.matrix.spec import (
    ANY_ROLE,
    CDOP_MANAGER,
    CDOP_PANEL,
    FORBIDDEN,
    LEAD,
    NO_ROLE,
    NOT_FOUND,
    OK,
    Case,
    action,
    expect,
    on_each,
    pk,
    read_page,
    same,
)


def build(world: Any) -> None:
    """A case on the agenda of a meeting the panel member sits on (its review started), a case
    on no agenda of theirs (no review yet), an archived case; the panel member's meeting and
    another meeting; requests to agency A and agency B on the live case, and one to agency A
    on the archived case."""
    import datetime as dt

    from safeguarding.child_deaths import services
    from safeguarding.child_deaths.models import InformationRequest, PanelReview
    from safeguarding.child_deaths.tests.factories import meeting_make, notification_make

    records = world.records
    manager = world.users[CDOP_MANAGER]
    records["cd_case_agenda"] = agenda = notification_make(residence_area=world.area_a)
    records["cd_case_other"] = other = notification_make(residence_area=world.area_a)
    records["cd_case_archived"] = archived = notification_make(residence_area=world.area_a)
    services.notification_archive(actor=manager, notification=archived, reason="Made in error.")
    services.panel_review_save(
        actor=None,
        notification=agenda,
        expected_version=None,
        category=None,
        modifiable=PanelReview.Modifiable.INSUFFICIENT,
    )
    records["cd_meeting_member"] = meeting_make(members=[world.users[CDOP_PANEL]], cases=[agenda])
    records["cd_meeting_other"] = meeting_make(cases=[other])
    for name, case, agency in (
        ("a", other, world.agency_a),
        ("b", other, world.agency_b),
        ("archived_a", archived, world.agency_a),
    ):
        records[f"cd_request_{name}"] = InformationRequest.objects.create(
            notification=case,
            agency=agency,
            contact_name="Synthetic Contact",
            contact_email="contact@matrix.example",
            requested_on=dt.date(2020, 6, 5),
            due_on=dt.date(2020, 7, 3),
        )


ENTRIES: dict[str, tuple[Case, ...]] = {
    "child_deaths:comparator_create": (
        same("no object", expect(FORBIDDEN, (CDOP_MANAGER, OK), (NO_ROLE, NOT_FOUND))),
    ),
    "child_deaths:dashboard": (read_page("no object", ANY_ROLE),),
    "child_deaths:meeting_create": (
        same("no object", expect(NOT_FOUND, (CDOP_MANAGER, OK), (CDOP_PANEL, FORBIDDEN))),
    ),
    "child_deaths:meeting_list": (
        read_page("no object", expect(NOT_FOUND, ({CDOP_MANAGER, CDOP_PANEL}, OK))),
    ),
    "child_deaths:national_export": (
        read_page("no object", expect(NOT_FOUND, (CDOP_MANAGER, OK))),
    ),
    "child_deaths:notification_create": (
        same("no object", expect(NOT_FOUND, (CDOP_MANAGER, OK), (CDOP_PANEL, FORBIDDEN))),
    ),
    "child_deaths:notification_list": (
        read_page("no object", expect(NOT_FOUND, ({CDOP_MANAGER, CDOP_PANEL}, OK))),
    ),
    "child_deaths:request_list": (
        read_page("no object", expect(NOT_FOUND, ({CDOP_MANAGER, LEAD}, OK))),
    ),
}


MANAGER = expect(NOT_FOUND, ({CDOP_MANAGER}, OK))
MANAGER_NOT_PANEL = expect(NOT_FOUND, ({CDOP_MANAGER}, OK), ({CDOP_PANEL}, FORBIDDEN))
MANAGER_AND_PANEL = expect(NOT_FOUND, ({CDOP_MANAGER, CDOP_PANEL}, OK))
ARCHIVED = expect(NOT_FOUND, ({CDOP_MANAGER}, FORBIDDEN))
GONE = expect(NOT_FOUND)
CASES = (
    ("case on the panel member's agenda", "cd_case_agenda"),
    ("case on no agenda of theirs", "cd_case_other"),
    ("archived case", "cd_case_archived"),
)
MEETINGS = (
    ("panel member's meeting", "cd_meeting_member"),
    ("another meeting", "cd_meeting_other"),
)


def _cases(agenda: dict[str, str], other: dict[str, str]) -> tuple[Case, ...]:
    return on_each(same, CASES, agenda, other, ARCHIVED)


ENTRIES.update(
    {
        **{
            f"child_deaths:{name}": _cases(MANAGER_NOT_PANEL, MANAGER)
            for name in (
                "notification_archive",
                "notification_delay",
                "notification_update",
                "request_create",
            )
        },
        "child_deaths:review_update": _cases(MANAGER_AND_PANEL, MANAGER),
        # The review's learning and actions: not found until the review has been started.
        **{
            f"child_deaths:{name}": _cases(MANAGER_AND_PANEL, GONE)
            for name in ("learning_create", "panel_review_action_add")
        },
        "child_deaths:notification_detail": on_each(
            read_page, CASES, MANAGER_AND_PANEL, MANAGER, MANAGER
        ),
        "child_deaths:meeting_detail": on_each(read_page, MEETINGS, MANAGER_AND_PANEL, MANAGER),
        "child_deaths:meeting_update": on_each(same, MEETINGS, MANAGER_NOT_PANEL, MANAGER),
        "child_deaths:request_remind": (
            action("request to agency A", MANAGER, pk("cd_request_a")),
            action("request to agency B", MANAGER, pk("cd_request_b")),
            action("archived case's request", ARCHIVED, pk("cd_request_archived_a")),
        ),
        "child_deaths:request_return": (
            same(
                "request to agency A",
                expect(NOT_FOUND, ({CDOP_MANAGER, LEAD}, OK)),
                pk("cd_request_a"),
            ),
            same("request to agency B", MANAGER, pk("cd_request_b")),
            # Agency A's lead no longer sees it; the manager sees it but may not return it
            # (archived notifications are read-only).
            same("archived case's request to agency A", ARCHIVED, pk("cd_request_archived_a")),
        ),
    }
)
