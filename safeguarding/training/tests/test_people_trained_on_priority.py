"""People trained on a priority in a year (training.reporting.by_priority): distinct people,
against a hand count, from courses naming the priority, courses and sessions linked to it as
evidence, and briefings on it."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from safeguarding.accounts.tests.factories import UserFactory
from safeguarding.core.years import ReportingYear
from safeguarding.governance import services
from safeguarding.partnership.tests.factories import PriorityFactory
from safeguarding.training import reporting
from safeguarding.training.models import BriefingCompletion, Course, TrainingBooking
from safeguarding.training.tests.factories import (
    BriefingFactory,
    CourseFactory,
    TrainingBookingFactory,
    TrainingSessionFactory,
)

pytestmark = pytest.mark.django_db

YEAR = ReportingYear(2020)
ATTENDED = TrainingBooking.Attendance.ATTENDED
IN_YEAR = datetime(2020, 9, 24, 10, tzinfo=UTC)
BEFORE = datetime(2020, 3, 20, 10, tzinfo=UTC)


def _attend(
    course: Course, learner: object, *, when: datetime = IN_YEAR, **kwargs: object
) -> None:
    session = TrainingSessionFactory.create(course=course, starts_at=when, capacity=20)
    TrainingBookingFactory.create(
        session=session, learner=learner, attendance=kwargs.get("attendance", ATTENDED)
    )


def test_people_trained_on_a_priority_counted_once_each() -> None:
    priority = PriorityFactory.create(
        number=3, period_start=date(2019, 4, 1), period_end=date(2021, 3, 31)
    )
    x, y, z, u, w, v, t = (UserFactory.create() for _ in range(7))
    cce = CourseFactory.create(priority=priority)
    _attend(cce, x)
    _attend(cce, x)  # a second session: x counts once
    _attend(cce, y)
    _attend(cce, z, attendance=TrainingBooking.Attendance.NO_SHOW)  # did not attend
    _attend(cce, None)  # a paper-register row: one person
    _attend(cce, t, when=BEFORE)  # before the year
    linked = CourseFactory.create(priority=None)
    services.evidence_link(actor=None, priority=priority, record=linked)
    _attend(linked, u)  # a course linked as evidence
    _attend(CourseFactory.create(priority=None), v)  # neither naming nor linked
    briefing = BriefingFactory.create(priority=priority)
    BriefingCompletion.objects.create(briefing=briefing, learner=x, completed_at=IN_YEAR)
    BriefingCompletion.objects.create(briefing=briefing, learner=w, completed_at=IN_YEAR)
    BriefingCompletion.objects.create(briefing=briefing, learner=t, completed_at=BEFORE)

    figures = reporting.report_figures(YEAR)

    # x, y, u, w and the paper-register row.
    assert figures.people_trained_on(3) == 5
    assert reporting.people_trained_on_priority(YEAR, priority) == 5
    assert figures.people_trained_on(9) is None


def test_people_trained_on_a_session_linked_as_evidence() -> None:
    priority = PriorityFactory.create(
        number=1, period_start=date(2019, 4, 1), period_end=date(2021, 3, 31)
    )
    course = CourseFactory.create(priority=None)
    linked = TrainingSessionFactory.create(course=course, starts_at=IN_YEAR, capacity=20)
    other = TrainingSessionFactory.create(course=course, starts_at=IN_YEAR, capacity=20)
    services.evidence_link(actor=None, priority=priority, record=linked)
    for _ in range(2):
        TrainingBookingFactory.create(
            session=linked, learner=UserFactory.create(), attendance=ATTENDED
        )
    TrainingBookingFactory.create(session=other, learner=UserFactory.create(), attendance=ATTENDED)

    assert reporting.people_trained_on_priority(YEAR, priority) == 2
