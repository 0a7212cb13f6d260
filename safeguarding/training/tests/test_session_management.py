"""Training management (issue #15): a session starting in the past needs explicit confirmation;
sessions show as held once started and cancelled when cancelled; the course page lists past
sessions; a booking shows its attendance outcome; sessions can be added from the sessions
list with a course chooser."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.core.testing import ViewMatrix, datetime_data
from safeguarding.training import services
from safeguarding.training.models import TrainingBooking, TrainingSession
from safeguarding.training.tests.factories import CourseFactory, TrainingSessionFactory

pytestmark = pytest.mark.django_db


def _session_data(**overrides: Any) -> dict[str, Any]:
    return {
        **datetime_data("starts_at", "2025-06-01 09:30"),  # the day before the frozen "now"
        "duration_minutes": "90",
        "venue": "",
        "joining_link": "https://meet.example/room",
        "trainer_name": "Synthetic Trainer",
        "trainer_email": "",
        "capacity": "20",
        **overrides,
    }


def test_a_session_in_the_past_is_refused_without_confirmation(
    client: Client, frozen: Any, owner: User
) -> None:
    course = CourseFactory.create()
    client.force_login(owner)
    url = reverse("training:session_create", args=[course.pk])
    response = client.post(url, _session_data())
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert "The start must be in the future" in page
    assert not TrainingSession.objects.exists()

    response = client.post(url, _session_data(confirm_past="on"))
    assert response.status_code == 302
    session = TrainingSession.objects.get()
    assert session.state_label == "Held"
    # It is listed on the course page, in the past dates.
    page = client.get(reverse("training:course_detail", args=[course.pk])).content.decode()
    assert "Past dates (1)" in page
    assert "1 June 2025 at 9:30am" in page


def test_sessions_are_held_once_started_and_cancelled_when_cancelled(
    client: Client, frozen: Any, owner: User, session: TrainingSession
) -> None:
    assert session.state_label == "Scheduled"
    past = TrainingSessionFactory.create(starts_at=datetime(2025, 5, 20, 9, 0, tzinfo=UTC))
    cancelled = TrainingSessionFactory.create(status=TrainingSession.Status.CANCELLED)
    assert past.state_label == "Held"
    assert cancelled.state_label == "Cancelled"
    client.force_login(owner)
    page = client.get(reverse("training:manage")).content.decode()
    assert page.count(">Held<") == 1
    assert page.count(">Scheduled<") == 1
    assert page.count(">Cancelled<") == 1
    register = client.get(reverse("training:session_register", args=[past.pk])).content.decode()
    assert 'id="session-state">Held<' in register
    # A held session's public page offers no booking.
    public = client.get(reverse("training:session_detail", args=[past.pk])).content.decode()
    assert "This session has taken place" in public
    assert "Book a place" not in public


def test_a_marked_booking_shows_its_outcome_not_booked(
    client: Client, frozen: Any, owner: User, session: TrainingSession, learner: User
) -> None:
    booking = services.booking_create(actor=learner, session=session)
    client.force_login(learner)
    assert ">Booked<" in client.get(reverse("training:booking_list")).content.decode()
    frozen.move_to(datetime(2025, 6, 12, 11, 0, tzinfo=UTC))
    services.attendance_mark(
        actor=owner, booking=booking, attendance=TrainingBooking.Attendance.NO_SHOW
    )
    client.force_login(learner)  # the clock moved on past the idle timeout
    page = client.get(reverse("training:booking_list")).content.decode()
    assert ">Did not attend<" in page
    assert ">Booked<" not in page
    detail = client.get(reverse("training:session_detail", args=[session.pk])).content.decode()
    assert "<strong>Did not attend</strong>" in detail


def test_a_session_is_added_from_the_sessions_list(
    client: Client, frozen: Any, owner: User, member_readonly: User, outsider: User
) -> None:
    course = CourseFactory.create(title="Synthetic course to choose")
    url = reverse("training:session_add")
    client.force_login(owner)
    assert url in client.get(reverse("training:manage")).content.decode()
    matrix = ViewMatrix(client, url)
    assert "Synthetic course to choose" in matrix.allowed(owner).content.decode()
    matrix.outsider(outsider)
    matrix.read_only_write(member_readonly)
    matrix.wrong_method(owner, "delete")
    client.force_login(owner)
    response = client.post(
        url, _session_data(course=str(course.pk), **datetime_data("starts_at", "2025-07-01 09:30"))
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("training:course_detail", args=[course.pk])
    assert course.sessions.get().capacity == 20
    response = client.post(url, _session_data(**datetime_data("starts_at", "2025-07-01 09:30")))
    assert "Select course" in response.content.decode()
