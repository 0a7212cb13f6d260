"""Synthetic training and survey records for the retention tests."""

from __future__ import annotations

import datetime as dt

from safeguarding.accounts.models import User
from safeguarding.assurance import services as assurance_services
from safeguarding.assurance.models import Survey
from safeguarding.assurance.tests.factories import open_survey
from safeguarding.training.models import Certificate, Evaluation, TrainingBooking
from safeguarding.training.tests.factories import TrainingBookingFactory, TrainingSessionFactory

SESSION_START = dt.datetime(2019, 6, 3, 10, tzinfo=dt.UTC)


def attended_booking(*, learner: User, starts_at: dt.datetime = SESSION_START) -> TrainingBooking:
    """An attended booking with its evaluation and certificate."""
    booking = TrainingBookingFactory.create(
        learner=learner,
        attendance=TrainingBooking.Attendance.ATTENDED,
        session=TrainingSessionFactory.create(starts_at=starts_at),
    )
    Evaluation.objects.create(
        booking=booking,
        met_needs=True,
        delivery_right=False,
        rating=4,
        comments="The synthetic case study about Child Q was useful.",
        answers={"best": "Role play"},
        submitted_at=starts_at + dt.timedelta(hours=3),
    )
    Certificate.objects.create(
        booking=booking,
        learner=learner,
        code=f"CERT{booking.pk:06d}",
        title=booking.session.course.title,
        completed_on=starts_at.date(),
        issued_at=starts_at + dt.timedelta(hours=3),
    )
    return booking


def answered_survey(*, closes_on: dt.date = dt.date(2020, 12, 18), answers: int = 6) -> Survey:
    """A survey with `answers` responses: the option question and a free-text comment."""
    survey = open_survey(opens_on=dt.date(2020, 10, 1), closes_on=closes_on)
    for number in range(answers):
        assurance_services.survey_answer(
            survey=survey,
            answers={
                "seen": "Yes" if number % 3 else "No",
                "comment": f"My name is Synthetic Pupil {number}.",
            },
            today=dt.date(2020, 11, 2),
        )
    return survey
