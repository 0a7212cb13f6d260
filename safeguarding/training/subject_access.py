"""Training's part of the subject access download: the person's bookings, certificates,
evaluations, impact responses and briefing completions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from safeguarding.accounts import subject_access
from safeguarding.training.models import BriefingCompletion, Certificate, TrainingBooking

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


def _evaluation(booking: TrainingBooking) -> dict[str, Any] | None:
    evaluation = getattr(booking, "evaluation", None)
    if evaluation is None:
        return None
    return {
        "met_needs": evaluation.met_needs,
        "delivery_right": evaluation.delivery_right,
        "rating": evaluation.rating,
        "comments": evaluation.comments,
        "answers": evaluation.answers,
        "submitted_at": evaluation.submitted_at.isoformat(),
    }


def _impact(booking: TrainingBooking) -> dict[str, Any] | None:
    response = getattr(booking, "impact_response", None)
    if response is None:
        return None
    return {
        "practice_changed": response.practice_changed,
        "how": response.how,
        "examples": response.examples,
        "submitted_at": response.submitted_at.isoformat(),
    }


def training_part(person: User) -> dict[str, list[dict[str, Any]]]:
    bookings = (
        TrainingBooking.objects.filter(learner=person)
        .select_related("session__course", "agency", "evaluation", "impact_response")
        .order_by("session__starts_at", "id")
    )
    certificates = Certificate.objects.filter(learner=person).order_by("issued_at")
    briefings = (
        BriefingCompletion.objects.filter(learner=person)
        .select_related("briefing")
        .order_by("completed_at")
    )
    return {
        "bookings": [
            {
                "course": booking.session.course.title,
                "session_starts_at": booking.session.starts_at.isoformat(),
                "agency": booking.agency.name,
                "status": booking.get_status_display(),
                "attendance": booking.get_attendance_display(),
                "charge": booking.charge_pounds,
                "booked_at": booking.created_at.isoformat(),
                "evaluation": _evaluation(booking),
                "impact_response": _impact(booking),
            }
            for booking in bookings
        ],
        "certificates": [
            {
                "title": certificate.title,
                "code": certificate.code,
                "completed_on": certificate.completed_on.isoformat(),
                "issued_at": certificate.issued_at.isoformat(),
                "revoked": certificate.is_revoked,
            }
            for certificate in certificates
        ],
        "briefings_completed": [
            {"briefing": completion.briefing.title, "completed_at": completion.completed_at}
            for completion in briefings
        ],
    }


def register() -> None:
    subject_access.register_part("training", "Your training", training_part)
