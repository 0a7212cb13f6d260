"""Child death review meetings and CDOP panel meetings: details, members, agenda, papers."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction

from safeguarding.activity_log.services import (
    event_record,
    tracked_create,
    tracked_update,
)
from safeguarding.child_deaths import verbs
from safeguarding.child_deaths.models import (
    ChildDeathNotification,
    ReviewMeeting,
)

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


# --- meetings ------------------------------------------------------------------------


def _meeting_details(
    *, kind: str, held_on: date, title: str, papers: str, cases: list[ChildDeathNotification]
) -> dict[str, object]:
    """A meeting's details as stored, once its agenda is checked: a child death review meeting
    is about one child."""
    if kind == ReviewMeeting.Kind.CDR_MEETING and len(cases) > 1:
        raise ValidationError({"cases": "A child death review meeting is about one child."})
    return {"kind": kind, "held_on": held_on, "title": title.strip(), "papers": papers}


def _agenda_set(
    *,
    actor: User | None,
    meeting: ReviewMeeting,
    members: list[User],
    cases: list[ChildDeathNotification],
) -> None:
    """Set the meeting's members and cases, and record them."""
    meeting.members.set(members)
    meeting.cases.set(cases)
    event_record(
        actor=actor,
        verb=verbs.REVIEW_MEETING_AGENDA_SET,
        target=meeting,
        data={"cases": [c.reference for c in cases], "members": sorted(m.pk for m in members)},
    )


@transaction.atomic
def meeting_create(
    *,
    actor: User | None,
    kind: str,
    held_on: date,
    title: str,
    members: Iterable[User] = (),
    cases: Iterable[ChildDeathNotification] = (),
    papers: str = "",
) -> ReviewMeeting:
    cases = list(cases)
    meeting = tracked_create(
        actor=actor,
        model=ReviewMeeting,
        data=_meeting_details(kind=kind, held_on=held_on, title=title, papers=papers, cases=cases),
        verb=verbs.REVIEW_MEETING_CREATED,
    )
    _agenda_set(actor=actor, meeting=meeting, members=list(members), cases=cases)
    return meeting


@transaction.atomic
def meeting_update(
    *,
    actor: User | None,
    meeting: ReviewMeeting,
    expected_version: int | None,
    kind: str,
    held_on: date,
    title: str,
    members: Iterable[User] = (),
    cases: Iterable[ChildDeathNotification] = (),
    papers: str = "",
) -> ReviewMeeting:
    """Change a meeting: its details and papers (version-checked), members and agenda (recorded
    only when they change)."""
    cases = sorted(cases, key=lambda c: c.reference)
    tracked_update(
        actor=actor,
        obj=meeting,
        data=_meeting_details(kind=kind, held_on=held_on, title=title, papers=papers, cases=cases),
        verb=verbs.REVIEW_MEETING_CHANGED,
        expected_version=expected_version,
    )
    member_list = list(members)
    before = (
        sorted(meeting.cases.values_list("reference", flat=True)),
        sorted(meeting.members.values_list("pk", flat=True)),
    )
    after = ([c.reference for c in cases], sorted(m.pk for m in member_list))
    if before != after:
        _agenda_set(actor=actor, meeting=meeting, members=member_list, cases=cases)
    return meeting
