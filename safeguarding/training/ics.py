"""A booking as an iCalendar (.ics) file, for the person's own calendar: the session's title,
start and end in UTC, the venue or (for a confirmed place only) the joining link, and a UID
that stays the same for the booking, so downloading it again updates the same entry."""

from __future__ import annotations

from datetime import UTC, timedelta
from urllib.parse import urlsplit

from django.utils import timezone
from icalendar import Event

from safeguarding.core.calendars import ics_file
from safeguarding.core.links import absolute_reverse, absolute_url
from safeguarding.training.models import TrainingBooking

PRODUCT_ID = "-//Safeguarding Partnership Platform//Training//EN"


def booking_uid(booking: TrainingBooking) -> str:
    host = urlsplit(absolute_url("/")).hostname or "safeguarding-partnership.invalid"
    return f"training-booking-{booking.pk}@{host}"


def booking_calendar(*, booking: TrainingBooking) -> bytes:
    session = booking.session
    starts_at = session.starts_at.astimezone(UTC)
    joining_link = (
        session.joining_link if booking.status == TrainingBooking.Status.CONFIRMED else ""
    )
    event = Event()
    event.add("uid", booking_uid(booking))
    event.add("dtstamp", timezone.now().astimezone(UTC))
    event.add("dtstart", starts_at)
    event.add("dtend", starts_at + timedelta(minutes=session.duration_minutes))
    event.add("summary", session.course.title)
    event.add("location", session.venue or joining_link or "Online")
    details = [f"Trainer: {session.trainer_name or 'the partnership training team'}"]
    if joining_link:
        details.append(f"Joining link (for you only): {joining_link}")
    details.append(f"Session page: {absolute_reverse('training:session_detail', session.pk)}")
    event.add("description", "\n".join(details))
    event.add("url", joining_link or absolute_reverse("training:session_detail", session.pk))
    return ics_file(event, product_id=PRODUCT_ID)
