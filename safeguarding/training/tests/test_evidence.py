"""Training's evidence for the priorities plan: the figures counted from the records, against a
hand count, and a course naming the priority counting without an evidence link."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from safeguarding.accounts.models import User
from safeguarding.accounts.tests.factories import UserFactory
from safeguarding.governance import selectors, services
from safeguarding.partnership.models import Priority
from safeguarding.partnership.tests.factories import PriorityFactory
from safeguarding.training.models import Course, Evaluation, TrainingBooking, TrainingSession
from safeguarding.training.tests.factories import (
    CourseFactory,
    TrainingBookingFactory,
    TrainingSessionFactory,
)

pytestmark = pytest.mark.django_db

ATTENDED = TrainingBooking.Attendance.ATTENDED


def _session(course: Course, *, days: int, cancelled: bool = False) -> TrainingSession:
    return TrainingSessionFactory.create(
        course=course,
        starts_at=timezone.now() + timedelta(days=days),
        capacity=10,
        status=TrainingSession.Status.CANCELLED if cancelled else TrainingSession.Status.SCHEDULED,
    )


def _bookings(session: TrainingSession, attendance: str, number: int) -> list[TrainingBooking]:
    return [
        TrainingBookingFactory.create(session=session, attendance=attendance)
        for _ in range(number)
    ]


def _evaluate(booking: TrainingBooking) -> None:
    Evaluation.objects.create(
        booking=booking,
        met_needs=True,
        delivery_right=True,
        rating=5,
        submitted_at=timezone.now(),
    )


@pytest.fixture
def priority() -> Priority:
    """Course A names the priority (no link); course B is linked; one session of course C is
    linked (its other session is not); course D has nothing to do with the priority."""
    priority = PriorityFactory.create(number=7)
    course_a = CourseFactory.create(priority=priority)
    held_a = _session(course_a, days=-20)
    attended_a = _bookings(held_a, ATTENDED, 2)
    _bookings(held_a, TrainingBooking.Attendance.NO_SHOW, 1)
    _evaluate(attended_a[0])
    _session(course_a, days=-10, cancelled=True)
    _bookings(_session(course_a, days=15), "", 3)  # to come: booked, not trained

    course_b = CourseFactory.create()
    _bookings(_session(course_b, days=-5), ATTENDED, 3)
    services.evidence_link(actor=None, priority=priority, record=course_b)

    course_c = CourseFactory.create()
    linked_session = _session(course_c, days=-30)
    _evaluate(_bookings(linked_session, ATTENDED, 1)[0])
    _bookings(_session(course_c, days=-40), ATTENDED, 2)  # not linked
    services.evidence_link(actor=None, priority=priority, record=linked_session)

    course_d = CourseFactory.create()
    _bookings(_session(course_d, days=-3), ATTENDED, 4)
    return priority


def test_training_figures_match_a_hand_count(priority: Priority) -> None:
    # By hand: courses A (its priority) and B (linked) = 2; sessions held: A's first, B's,
    # and C's linked one = 3 (A's cancelled and future sessions are not held); people
    # attendances: 2 + 3 + 1 = 6 (no-shows and bookings to come are not); evaluations: 1 + 1 = 2.
    groups = {g.label: g for g in selectors.priority_evidence(priority=priority)}
    courses = {f.token: f.value for f in groups["Training courses"].figures}
    sessions = {f.token: f.value for f in groups["Training sessions"].figures}
    assert courses == {"courses": 2, "sessions_held": 2, "attendances": 5, "evaluations": 1}
    assert sessions == {"sessions_held": 1, "attendances": 1, "evaluations": 1}
    figures = selectors.priority_figures(priority=priority)
    assert figures["attendances"] == 6
    assert figures["sessions_held"] == 3
    assert figures["evaluations"] == 2
    notes = [r.note for r in groups["Training courses"].records]
    assert notes.count("the course's priority") == 1


def test_a_linked_course_that_names_the_priority_counts_once(priority: Priority) -> None:
    course_a = Course.objects.get(priority=priority)
    services.evidence_link(actor=None, priority=priority, record=course_a)
    groups = {g.label: g for g in selectors.priority_evidence(priority=priority)}
    assert len(groups["Training courses"].records) == 2
    assert selectors.priority_figures(priority=priority)["attendances"] == 6


def test_priority_page_shows_the_figures_with_their_tokens(
    client: Client, owner: User, priority: Priority
) -> None:
    client.force_login(owner)
    response = client.get(reverse("governance:priority_detail", args=[priority.pk]))
    content = response.content.decode()
    assert "priority.7.attendances" in content
    assert "priority.7.sessions_held" in content
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">6</td>' in content


def test_attendances_count_each_attendance_where_people_trained_counts_each_person() -> None:
    """One person at two sessions of a priority's course: two attendances on the priority page,
    one person in the yearly report's "people trained" (training.reporting)."""
    from safeguarding.core.years import ReportingYear
    from safeguarding.training.reporting import people_trained_on_priority

    priority = PriorityFactory.create(number=8)
    course = CourseFactory.create(priority=priority)
    learner = UserFactory.create()
    for days in (-9, -8):
        TrainingBookingFactory.create(
            session=_session(course, days=days), attendance=ATTENDED, learner=learner
        )
    assert selectors.priority_figures(priority=priority)["attendances"] == 2
    year = ReportingYear.containing(timezone.localdate() - timedelta(days=8))
    assert people_trained_on_priority(year, priority) == 1
