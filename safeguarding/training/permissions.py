"""Who may see and do what in training.

* Anyone, signed in or not, may see the published catalogue, session dates, public briefings and
  verify a certificate.
* Anyone signed in who works for an agency may book, and sees only their own bookings,
  evaluations and certificates (the joining link only once they have a confirmed place).
* Partnership staff (administrators, business unit officers) run training: courses, sessions,
  registers, cancellations, validation reviews, statements and reports. A session's trainer may
  mark its register.
* Agency safeguarding leads approve their staff's bookings (as line manager), see their
  agency's training page (staff bookings, approvals, charges, an export) and charge
  statement, submit courses for validation and answer the needs survey.
* Read-only roles (scrutineer, board member) see de-identified material only (docs/roles.md):
  the management overview (sessions with places taken), the impact report, course validations
  and the needs surveys, changing nothing (403 on writes). Pages that name people are not
  theirs (404): registers, other people's bookings and certificates, the approvals list and
  agency charge statements (`can_view_training_people`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from safeguarding.core.permissions import (
    fetch_for_user_or_404,
    fetcher,
    read_fetcher,
    write_fetcher,
)
from safeguarding.partnership.models import Agency
from safeguarding.training.models import (
    Briefing,
    Certificate,
    Course,
    CourseValidation,
    TrainingBooking,
    TrainingNeedsSurvey,
    TrainingSession,
)

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


def can_manage_training(user: User) -> bool:
    return user.is_authenticated and user.is_partnership_staff


def can_view_training_management(user: User) -> bool:
    """The de-identified management pages (overview, impact report, validations, needs
    surveys): staff, and read-only roles who oversee the partnership's work."""
    return user.is_authenticated and (user.is_partnership_staff or user.is_read_only)


def can_view_training_people(user: User) -> bool:
    """Pages that name people across the partnership (registers, anyone's bookings and
    certificates, approvals, charge statements): partnership staff only. Read-only roles see
    de-identified material only (docs/roles.md), so they get 404 here."""
    return can_manage_training(user)


def can_view_approvals(user: User) -> bool:
    """The approvals list names people: staff see all, an agency lead their agency's."""
    return can_view_training_people(user) or bool(user.lead_agency_ids)


# --- agency statements -------------------------------------------------------------------


def can_view_agency_statement(user: User, agency: Agency) -> bool:
    """A statement lists the bookings charged, so it names people: staff and the agency's
    own lead."""
    return can_view_training_people(user) or agency.pk in user.lead_agency_ids


def can_view_statement_list(user: User) -> bool:
    return can_view_training_people(user) or bool(user.lead_agency_ids)


# The agency whose charge statement is asked for: staff see any, a lead only their own.
# A statement is only read, never changed.
get_agency_statement_for_user_or_404 = read_fetcher(
    Agency.objects.all(), can_view=can_view_agency_statement
)


# --- an agency's training page (its lead's view of their staff's training) ----------------


def can_view_agency_training(user: User, agency: Agency) -> bool:
    """The agency's page names its staff: the agency's safeguarding lead and partnership staff
    see it; read-only roles see de-identified summaries only (docs/roles.md), so not this."""
    return user.is_authenticated and (
        can_manage_training(user) or agency.pk in user.lead_agency_ids
    )


# The agency whose training page is asked for: staff see any, a lead only their own,
# everyone else 404. The page is only read (approving is its own page's write).
get_agency_training_for_user_or_404 = read_fetcher(
    Agency.objects.all(), can_view=can_view_agency_training
)


# --- validation and the needs survey (agency leads take part, staff oversee) ---------------


def can_view_validations(user: User) -> bool:
    return can_view_training_management(user) or bool(user.lead_agency_ids)


def can_submit_validation(user: User) -> bool:
    return user.is_authenticated and bool(user.lead_agency_ids) and not user.is_read_only


def can_view_needs_survey(user: User, survey: TrainingNeedsSurvey) -> bool:
    return can_view_validations(user)


def can_answer_needs_survey(user: User, survey: TrainingNeedsSurvey) -> bool:
    """An agency's safeguarding lead answers for their agency."""
    return can_submit_validation(user)


# write=True is an agency lead answering the survey.
get_needs_survey_for_user_or_404 = fetcher(
    TrainingNeedsSurvey.objects.all(),
    can_view=can_view_needs_survey,
    can_edit=can_answer_needs_survey,
)


# --- sessions (management side: the register, cancelling) ------------------------------


def can_view_session_register(user: User, session: TrainingSession) -> bool:
    """The register names everyone booked: staff and the session's trainer."""
    return can_view_training_people(user) or session.trainer_id == user.pk


def can_edit_session_register(user: User, session: TrainingSession) -> bool:
    return can_manage_training(user) or (session.trainer_id == user.pk and not user.is_read_only)


def can_view_session_management(user: User, session: TrainingSession) -> bool:
    """The session's own change and cancel pages name nobody: the de-identified management
    pages' readers may look (and get 403 on a change)."""
    return can_view_training_management(user) or session.trainer_id == user.pk


def can_change_session(user: User, session: TrainingSession) -> bool:
    """A trainer marks the register; only the business unit changes or cancels the session."""
    return can_manage_training(user)


SessionAction = Literal["mark_register", "change"]


def get_session_for_user_or_404(
    user: User, pk: int, *, write: bool = False, action: SessionAction = "mark_register"
) -> TrainingSession:
    """write=True with action "mark_register" (the default) is marking the register (staff or
    the session's trainer); with action "change" it is changing or cancelling the session
    (staff only)."""
    if action == "change":
        can_view, can_edit = can_view_session_management, can_change_session
    else:
        can_view, can_edit = can_view_session_register, can_edit_session_register
    return fetch_for_user_or_404(
        user,
        TrainingSession.objects.select_related("course", "trainer"),
        pk,
        can_view=can_view,
        can_edit=can_edit,
        write=write,
    )


def can_view_public_session(user: User, session: TrainingSession) -> bool:
    """A session of a published course: anyone, signed in or not."""
    return session.course.is_published


def can_book_session(user: User, session: TrainingSession) -> bool:
    return user.is_authenticated and not user.is_read_only


# A published session to book a place on (read-only roles may look, not book: 403).
get_session_to_book_or_404 = write_fetcher(
    TrainingSession.objects.select_related("course"),
    can_view=can_view_public_session,
    can_edit=can_book_session,
)


def can_mark_attendance(user: User, booking: TrainingBooking) -> bool:
    """Marking one person on the register: whoever may edit that session's register."""
    return can_edit_session_register(user, booking.session)


def get_register_booking_or_404(
    user: User, session: TrainingSession, pk: int, *, write: bool = False
) -> TrainingBooking:
    """A booking on the session's register (a booking of another session is not found)."""
    return fetch_for_user_or_404(
        user,
        session.bookings.select_related("session", "learner"),
        pk,
        can_view=lambda viewer, booking: can_view_session_register(viewer, booking.session),
        can_edit=can_mark_attendance,
        write=write,
    )


def can_view_course_management(user: User, course: Course) -> bool:
    """The course's management pages (unpublished courses too); the public see the catalogue."""
    return can_view_training_management(user)


def can_edit_course(user: User, course: Course) -> bool:
    """Changing the course or adding its sessions."""
    return can_manage_training(user)


get_course_for_user_or_404 = fetcher(
    Course.objects.select_related("priority"),
    can_view=can_view_course_management,
    can_edit=can_edit_course,
)


# --- bookings --------------------------------------------------------------------------


def can_view_booking(user: User, booking: TrainingBooking) -> bool:
    return (
        booking.learner_id == user.pk
        or can_view_training_people(user)
        or booking.agency_id in user.lead_agency_ids
    )


def can_edit_booking(user: User, booking: TrainingBooking) -> bool:
    return booking.learner_id == user.pk and not user.is_read_only


# The learner's own booking (staff and their agency lead may look, not change).
get_booking_for_user_or_404 = fetcher(
    TrainingBooking.objects.select_related("session__course", "learner", "agency"),
    can_view=can_view_booking,
    can_edit=can_edit_booking,
)


def can_download_booking_calendar(user: User, booking: TrainingBooking) -> bool:
    """The .ics file of a booking holding a place on a session that is going ahead: its owner
    (and partnership staff) only, since it may carry the joining link."""
    return (
        (booking.learner_id == user.pk or can_manage_training(user))
        and booking.status in TrainingBooking.HOLDS_PLACE
        and not booking.session.is_cancelled
    )


get_booking_calendar_for_user_or_404 = read_fetcher(
    TrainingBooking.objects.select_related("session__course"),
    can_view=can_download_booking_calendar,
)


def can_view_booking_approval(user: User, booking: TrainingBooking) -> bool:
    return can_view_training_people(user) or booking.agency_id in user.lead_agency_ids


def can_approve_booking(user: User, booking: TrainingBooking) -> bool:
    return not user.is_read_only and (
        can_manage_training(user) or booking.agency_id in user.lead_agency_ids
    )


get_booking_for_approval_or_404 = fetcher(
    TrainingBooking.objects.select_related("session__course", "learner", "agency"),
    can_view=can_view_booking_approval,
    can_edit=can_approve_booking,
)


# --- certificates ------------------------------------------------------------------------


def can_view_certificate(user: User, certificate: Certificate) -> bool:
    """A certificate names its holder: the holder and staff."""
    return certificate.learner_id == user.pk or can_view_training_people(user)


def can_revoke_certificate(user: User, certificate: Certificate) -> bool:
    return can_manage_training(user)


# The holder may download; staff may download and revoke.
get_certificate_for_user_or_404 = fetcher(
    Certificate.objects.select_related("learner"),
    can_view=can_view_certificate,
    can_edit=can_revoke_certificate,
)


# --- briefings ---------------------------------------------------------------------------


def can_view_briefing(user: User, briefing: Briefing) -> bool:
    return briefing.is_public or user.is_authenticated


def can_complete_briefing(user: User, briefing: Briefing) -> bool:
    return user.is_authenticated and not user.is_read_only


# Public briefings for anyone; the rest for signed-in people. Writing here means
# completing it (any signed-in person who is not read-only).
get_briefing_for_user_or_404 = fetcher(
    Briefing.objects.all(), can_view=can_view_briefing, can_edit=can_complete_briefing
)


# --- validation --------------------------------------------------------------------------


def can_view_validation(user: User, validation: CourseValidation) -> bool:
    return can_view_training_management(user) or validation.agency_id in user.lead_agency_ids


def can_resubmit_validation(user: User, validation: CourseValidation) -> bool:
    return not user.is_read_only and validation.agency_id in user.lead_agency_ids


def can_review_validation(user: User, validation: CourseValidation) -> bool:
    return can_manage_training(user)


# write=True is the agency sending the course again after changes were asked for.
get_validation_for_agency_or_404 = fetcher(
    CourseValidation.objects.select_related("agency"),
    can_view=can_view_validation,
    can_edit=can_resubmit_validation,
)


# write=True is the reviewer's decision (partnership staff only).
get_validation_for_user_or_404 = fetcher(
    CourseValidation.objects.select_related("agency", "reviewer", "submitted_by"),
    can_view=can_view_validation,
    can_edit=can_review_validation,
)
