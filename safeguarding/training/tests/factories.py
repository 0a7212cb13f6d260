from __future__ import annotations

from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from safeguarding.accounts.models import User
from safeguarding.partnership.tests.factories import AgencyFactory
from safeguarding.training import services
from safeguarding.training.models import (
    Briefing,
    Course,
    CourseValidation,
    TrainingBooking,
    TrainingSession,
)


class CourseFactory(DjangoModelFactory[Course]):
    class Meta:
        model = Course

    title = factory.Sequence(lambda n: f"Synthetic safeguarding course {n}")
    summary = "A synthetic course for tests."
    audience = "Practitioners"
    format = Course.Format.LIVE_WEBINAR


class TrainingSessionFactory(DjangoModelFactory[TrainingSession]):
    class Meta:
        model = TrainingSession

    course = factory.SubFactory(CourseFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    duration_minutes = 90
    joining_link = "https://meet.example/secret-room"
    trainer_name = "Synthetic Trainer"
    capacity = 2


class TrainingBookingFactory(DjangoModelFactory[TrainingBooking]):
    class Meta:
        model = TrainingBooking

    session = factory.SubFactory(TrainingSessionFactory)
    agency = factory.SubFactory(AgencyFactory)
    status = TrainingBooking.Status.CONFIRMED


class BriefingFactory(DjangoModelFactory[Briefing]):
    class Meta:
        model = Briefing

    title = factory.Sequence(lambda n: f"Synthetic briefing {n}")
    summary = "A synthetic briefing."
    content_url = "https://sway.example/briefing"
    published_on = factory.LazyFunction(timezone.localdate)
    check_questions = factory.LazyFunction(
        lambda: [
            {"question": "Promise to keep secrets?", "options": ["Yes", "No"], "answer": "No"}
        ]
    )


class CourseValidationFactory(DjangoModelFactory[CourseValidation]):
    class Meta:
        model = CourseValidation

    agency = factory.SubFactory(AgencyFactory)
    title = factory.Sequence(lambda n: f"Single-agency course {n}")
    content_outline = "Outline."
    materials = "Slides."
    trainer = "Agency trainer"
    audience = "Front-line staff"
    submitted_on = factory.LazyFunction(timezone.localdate)


def validation_changes_request(
    actor: User, validation: CourseValidation, notes: str, *, expected_version: int | None = None
) -> CourseValidation:
    """`actor` reviews `validation` and asks for changes, with `notes` (an empty checklist, no
    expiry), from `expected_version` (the validation's version now, unless given)."""
    return services.validation_review(
        actor=actor,
        validation=validation,
        checklist={},
        notes=notes,
        decision=CourseValidation.Status.CHANGES_REQUESTED,
        expires_on=None,
        expected_version=validation.version if expected_version is None else expected_version,
    )
