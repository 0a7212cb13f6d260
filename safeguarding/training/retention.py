"""Training's retention policy: bookings (with their evaluations, impact responses and
certificates) are anonymised 6 years after the session (RETENTION_TRAINING_YEARS).

Anonymising keeps what the yearly figures count (the booking's session, agency, status,
attendance and charge; the evaluation's yes/no answers and rating; the impact response's
yes/no) and drops what identifies: the learner and approver, reminder history and free text
(evaluation comments and answers, impact examples). Certificates are kept for now: the yearly
figures count them, the person may still need to prove the training, and
`Certificate.learner` is required (anonymising them needs a training migration: a follow-up).
A legal hold on the booking, its session or the course holds it."""

from __future__ import annotations

from datetime import date, datetime, time

from django.db.models import Q, QuerySet
from django.utils import timezone

from safeguarding.retention.registry import Action, Policy, held_filter, register_policy
from safeguarding.training.models import (
    Course,
    Evaluation,
    ImpactResponse,
    TrainingBooking,
    TrainingSession,
)


def bookings_due(as_of: date) -> QuerySet[TrainingBooking]:
    """Bookings on sessions that started before the cutoff and still identify someone."""
    cutoff = BOOKINGS.cutoff(as_of)
    if cutoff is None:
        return TrainingBooking.objects.none()
    moment = timezone.make_aware(datetime.combine(cutoff, time.min))
    return TrainingBooking.objects.filter(session__starts_at__lt=moment).filter(
        Q(learner__isnull=False) | Q(approved_by__isnull=False)
    )


def bookings_anonymise(pks: list[int]) -> int:
    Evaluation.objects.filter(booking_id__in=pks).update(comments="", answers={})
    ImpactResponse.objects.filter(booking_id__in=pks).update(how="", examples="")
    return TrainingBooking.objects.filter(pk__in=pks).update(
        learner=None, approved_by=None, reminders_sent=[]
    )


BOOKINGS = Policy(
    key="training.bookings",
    label="Training bookings and evaluations",
    setting="RETENTION_TRAINING_YEARS",
    default="6 years after the session, then anonymised",
    reason=(
        "6 years covers a claim about what someone was trained in (Limitation Act 1980). "
        "Anonymised, not deleted: the yearly training figures count attendance and "
        "evaluation answers."
    ),
    action=Action.ANONYMISE,
    due=bookings_due,
    held=held_filter(TrainingBooking, session=TrainingSession, session__course=Course),
    process=bookings_anonymise,
    hold_models=(TrainingBooking, TrainingSession, Course),
)


def register() -> None:
    register_policy(BOOKINGS)
