"""Calendar entries (.ics) for meetings, written with the icalendar library."""

from __future__ import annotations

from icalendar import Event

from safeguarding.core.calendars import ics_file
from safeguarding.core.links import absolute_reverse
from safeguarding.governance.models import Meeting

PRODUCT_ID = "-//Safeguarding Partnership Platform//Governance//EN"


def meeting_uid(meeting: Meeting) -> str:
    """Stable across downloads, so a calendar updates the entry instead of adding another."""
    return f"governance-meeting-{meeting.pk}@safeguarding-partnership"


def meeting_ics(meeting: Meeting) -> bytes:
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("summary", f"{meeting.group.name} meeting")
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at)
    event.add("dtstamp", meeting.updated_at)
    event.add("sequence", meeting.version)
    if meeting.location:
        event.add("location", meeting.location)
    link = absolute_reverse("governance:meeting_detail", meeting.pk)
    description = f"Agenda and papers: {link}"
    if meeting.online_link:
        description += f"\nJoin online: {meeting.online_link}"
        event.add("url", meeting.online_link)
    event.add("description", description)
    if meeting.cancelled:
        event.add("status", "CANCELLED")
    return ics_file(event, product_id=PRODUCT_ID)
