"""Who may see and do what in training.

* Anyone, signed in or not, may see the published catalogue, session dates, public briefings and
  verify a certificate.
* Anyone signed in who works for an agency may book, and sees only their own bookings,
  evaluations and certificates (the joining link only once they have a confirmed place).
* Partnership staff (administrators, business unit officers) run training: courses, sessions,
  registers, cancellations, validation reviews, statements and reports. A session's trainer may
  mark its register.
* Agency safeguarding leads approve their staff's bookings (as line manager), see their
  agency's charge statement, submit courses for validation and answer the needs survey.
* Read-only roles (scrutineer, board member) may see the management pages and reports but
  change nothing (403 on writes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from safeguarding.accounts.roles import Role
from safeguarding.core.permissions import fetch_for_user_or_404
from safeguarding.training.models import (
    Briefing,
    Certificate,
    Course,
    CourseValidation,
    TrainingBooking,
    TrainingSession,
)

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


def can_manage_training(user: User) -> bool:
    return user.is_authenticated and user.is_partnership_staff


def can_view_training_management(user: User) -> bool:
    """Staff, and read-only roles who oversee the partnership's work."""
    return user.is_authenticated and (user.is_partnership_staff or user.is_read_only)


def lead_agency_ids(user: User) -> frozenset[int]:
    return user.agency_ids_for(Role.AGENCY_LEAD)


def can_view_agency_statement(user: User, agency_id: int) -> bool:
    return can_view_training_management(user) or agency_id in lead_agency_ids(user)


def can_view_validations(user: User) -> bool:
    return can_view_training_management(user) or bool(lead_agency_ids(user))


def can_submit_validation(user: User) -> bool:
    return user.is_authenticated and bool(lead_agency_ids(user)) and not user.is_read_only


# --- sessions (management side: the register, cancelling) ------------------------------


def can_view_session_register(user: User, session: TrainingSession) -> bool:
    return can_view_training_management(user) or session.trainer_id == user.pk


def can_edit_session_register(user: User, session: TrainingSession) -> bool:
    return can_manage_training(user) or (session.trainer_id == user.pk and not user.is_read_only)


def get_session_for_user_or_404(user: User, pk: int, *, write: bool = False) -> TrainingSession:
    return fetch_for_user_or_404(
        user,
        TrainingSession.objects.select_related("course", "trainer"),
        pk,
        can_view=can_view_session_register,
        can_edit=can_edit_session_register,
        write=write,
    )


def get_course_for_user_or_404(user: User, pk: int, *, write: bool = False) -> Course:
    return fetch_for_user_or_404(
        user,
        Course.objects.select_related("priority"),
        pk,
        can_view=lambda u, _c: can_view_training_management(u),
        can_edit=lambda u, _c: can_manage_training(u),
        write=write,
    )


# --- bookings --------------------------------------------------------------------------


def can_view_booking(user: User, booking: TrainingBooking) -> bool:
    return (
        booking.learner_id == user.pk
        or can_view_training_management(user)
        or booking.agency_id in lead_agency_ids(user)
    )


def can_edit_booking(user: User, booking: TrainingBooking) -> bool:
    return booking.learner_id == user.pk and not user.is_read_only


def get_booking_for_user_or_404(user: User, pk: int, *, write: bool = False) -> TrainingBooking:
    """The learner's own booking (staff and their agency lead may look, not change)."""
    return fetch_for_user_or_404(
        user,
        TrainingBooking.objects.select_related("session__course", "learner", "agency"),
        pk,
        can_view=can_view_booking,
        can_edit=can_edit_booking,
        write=write,
    )


def can_approve_booking(user: User, booking: TrainingBooking) -> bool:
    return not user.is_read_only and (
        can_manage_training(user) or booking.agency_id in lead_agency_ids(user)
    )


def get_booking_for_approval_or_404(
    user: User, pk: int, *, write: bool = False
) -> TrainingBooking:
    return fetch_for_user_or_404(
        user,
        TrainingBooking.objects.select_related("session__course", "learner", "agency"),
        pk,
        can_view=lambda u, b: can_view_training_management(u) or b.agency_id in lead_agency_ids(u),
        can_edit=can_approve_booking,
        write=write,
    )


# --- certificates ------------------------------------------------------------------------


def can_view_certificate(user: User, certificate: Certificate) -> bool:
    return certificate.learner_id == user.pk or can_view_training_management(user)


def get_certificate_for_user_or_404(user: User, pk: int, *, write: bool = False) -> Certificate:
    """The holder may download; staff may download and revoke."""
    return fetch_for_user_or_404(
        user,
        Certificate.objects.select_related("learner"),
        pk,
        can_view=can_view_certificate,
        can_edit=lambda u, _c: can_manage_training(u),
        write=write,
    )


# --- briefings ---------------------------------------------------------------------------


def can_view_briefing(user: User, briefing: Briefing) -> bool:
    return briefing.is_public or user.is_authenticated


def get_briefing_for_user_or_404(user: User, pk: int, *, write: bool = False) -> Briefing:
    """Public briefings for anyone; the rest for signed-in people. Writing here means
    completing it (any signed-in person who is not read-only)."""
    return fetch_for_user_or_404(
        user,
        Briefing.objects.all(),
        pk,
        can_view=can_view_briefing,
        can_edit=lambda u, _b: u.is_authenticated and not u.is_read_only,
        write=write,
    )


# --- validation --------------------------------------------------------------------------


def can_view_validation(user: User, validation: CourseValidation) -> bool:
    return can_view_training_management(user) or validation.agency_id in lead_agency_ids(user)


def can_resubmit_validation(user: User, validation: CourseValidation) -> bool:
    return not user.is_read_only and validation.agency_id in lead_agency_ids(user)


def get_validation_for_agency_or_404(
    user: User, pk: int, *, write: bool = False
) -> CourseValidation:
    """write=True is the agency sending the course again after changes were asked for."""
    return fetch_for_user_or_404(
        user,
        CourseValidation.objects.select_related("agency"),
        pk,
        can_view=can_view_validation,
        can_edit=can_resubmit_validation,
        write=write,
    )


def get_validation_for_user_or_404(
    user: User, pk: int, *, write: bool = False
) -> CourseValidation:
    """write=True is the reviewer's decision (partnership staff only)."""
    return fetch_for_user_or_404(
        user,
        CourseValidation.objects.select_related("agency", "reviewer", "submitted_by"),
        pk,
        can_view=can_view_validation,
        can_edit=lambda u, _v: can_manage_training(u),
        write=write,
    )
