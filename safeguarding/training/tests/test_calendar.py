"""Add to calendar (issue #15): a booking's .ics file, read back with icalendar: title, start
and end in UTC, location or joining link, a UID stable per booking; the owner and staff only."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar, Component

from safeguarding.accounts.models import User
from safeguarding.core.testing import ViewMatrix
from safeguarding.training import services
from safeguarding.training.models import TrainingBooking, TrainingSession

pytestmark = pytest.mark.django_db


@pytest.fixture
def booking(session: TrainingSession, learner: User) -> TrainingBooking:
    return services.booking_create(actor=learner, session=session)


def _event(client: Client, booking: TrainingBooking) -> Component:
    response = client.get(reverse("training:booking_calendar", args=[booking.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return events[0]


def test_the_owner_downloads_a_calendar_entry_for_their_booking(
    client: Client, booking: TrainingBooking, learner: User, settings: Any
) -> None:
    settings.SITE_URL = "https://partnership.example"
    client.force_login(learner)
    event = _event(client, booking)
    assert str(event["summary"]) == booking.session.course.title
    assert event.decoded("dtstart") == datetime(2025, 6, 12, 9, 0, tzinfo=UTC)
    assert event.decoded("dtend") == datetime(2025, 6, 12, 10, 30, tzinfo=UTC)
    assert event.decoded("dtstart").utcoffset().total_seconds() == 0
    assert str(event["location"]) == "https://meet.example/secret-room"
    assert str(event["uid"]) == f"training-booking-{booking.pk}@partnership.example"
    # The same UID every time, so a second download updates the same entry.
    assert str(_event(client, booking)["uid"]) == str(event["uid"])
    page = client.get(reverse("training:booking_list")).content.decode()
    assert reverse("training:booking_calendar", args=[booking.pk]) in page


def test_a_venue_is_the_location_and_a_link_is_only_for_a_confirmed_place(
    client: Client, booking: TrainingBooking, learner: User
) -> None:
    booking.session.venue = "Synthetic Community Hall"
    booking.session.save()
    client.force_login(learner)
    assert str(_event(client, booking)["location"]) == "Synthetic Community Hall"
    booking.status = TrainingBooking.Status.PENDING_APPROVAL
    booking.save()
    event = _event(client, booking)
    assert "secret-room" not in event.to_ical().decode()


def test_only_the_owner_and_staff_may_download_it(
    client: Client,
    booking: TrainingBooking,
    learner: User,
    owner: User,
    lead_a: User,
    member_readonly: User,
    make_practitioner: Callable[..., User],
) -> None:
    matrix = ViewMatrix(client, reverse("training:booking_calendar", args=[booking.pk]))
    matrix.allowed(learner)
    matrix.allowed(owner)
    matrix.outsider(make_practitioner())
    matrix.outsider(lead_a)
    matrix.outsider(member_readonly)
    matrix.wrong_method(learner, "post")
    booking.status = TrainingBooking.Status.CANCELLED
    booking.save()
    matrix.outsider(learner)
