"""Booking a place, the waiting list and its offers, cancellation, approval and the register.

Capacity is protected by locking the session row (select_for_update) in every write that can take
or free a place, so concurrent bookings on PostgreSQL never exceed it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.activity_log.services import event_record, tracked_update
from safeguarding.core.concurrency import bump_version
from safeguarding.core.emails import email_send
from safeguarding.core.links import absolute_reverse
from safeguarding.core.templatetags.govuk import govuk_date
from safeguarding.core.working_days import working_days_between
from safeguarding.partnership.models import Agency
from safeguarding.training import verbs
from safeguarding.training.models import TrainingBooking, TrainingSession

# The event recorded for each status a new or approved booking can take.
_STATUS_VERBS = {
    TrainingBooking.Status.CONFIRMED: verbs.BOOKING_CONFIRMED,
    TrainingBooking.Status.PENDING_APPROVAL: verbs.BOOKING_HELD_FOR_APPROVAL,
    TrainingBooking.Status.WAITLISTED: verbs.BOOKING_WAITLISTED,
    TrainingBooking.Status.REFUSED: verbs.BOOKING_REFUSED,
}


def _lock(session: TrainingSession) -> TrainingSession:
    return TrainingSession.objects.select_for_update().select_related("course").get(pk=session.pk)


def places_taken(session: TrainingSession) -> int:
    return session.bookings.filter(status__in=TrainingBooking.HOLDS_PLACE).count()


def _when(moment: datetime) -> str:
    """Thursday 12 June 2025 at 10:00am: GOV.UK style, in local time."""
    return f"{timezone.localtime(moment):%A} {govuk_date(moment, with_time=True)}"


def _email_context(booking: TrainingBooking) -> dict[str, str]:
    session = booking.session
    return {
        "course": session.course.title,
        "when": _when(session.starts_at),
        "duration": str(session.duration_minutes),
        "venue": session.venue,
        "bookings_url": absolute_reverse("training:booking_list"),
        "session_url": absolute_reverse("training:session_detail", session.pk),
    }


def _send(booking: TrainingBooking, template: str, **extra: str) -> None:
    if booking.learner is None or not booking.learner.email:
        return
    context = _email_context(booking)
    context.update(extra)
    email_send(template=template, to=[booking.learner.email], context=context)


def booking_agency_for(user: User) -> Agency | None:
    """The agency a person books for: the first of the agencies they work for."""
    ids = sorted(user.agency_ids_for(Role.PRACTITIONER, Role.AGENCY_LEAD, Role.DATA_ANALYST))
    return Agency.objects.filter(pk__in=ids).order_by("pk").first() if ids else None


@transaction.atomic
def booking_create(*, actor: User, session: TrainingSession) -> TrainingBooking:
    """Book `actor` on `session`: a place if one is free, else a place on the waiting list."""
    session = _lock(session)
    if session.is_cancelled:
        raise ValidationError("This session has been cancelled.")
    if session.starts_at <= timezone.now():
        raise ValidationError("This session has already started.")
    agency = booking_agency_for(actor)
    if agency is None:
        raise ValidationError(
            "Your account is not linked to an agency, so you cannot book yet. Ask the business "
            "unit to add your agency."
        )
    live = (*TrainingBooking.HOLDS_PLACE, TrainingBooking.Status.WAITLISTED)
    if session.bookings.filter(learner=actor, status__in=live).exists():
        raise ValidationError("You already have a booking for this session.")
    now = timezone.now()
    if places_taken(session) < session.capacity:
        status = (
            TrainingBooking.Status.PENDING_APPROVAL
            if session.course.requires_manager_approval
            else TrainingBooking.Status.CONFIRMED
        )
        waitlisted_at = None
    else:
        status, waitlisted_at = TrainingBooking.Status.WAITLISTED, now
    booking = TrainingBooking(
        session=session, learner=actor, agency=agency, status=status, waitlisted_at=waitlisted_at
    )
    booking.full_clean()
    booking.save()
    event_record(actor=actor, verb=_STATUS_VERBS[status], target=booking)
    if status == TrainingBooking.Status.CONFIRMED:
        _send(booking, "training_booking_confirmed", joining_link=session.joining_link)
    return booking


def _offer_free_places(session: TrainingSession) -> list[TrainingBooking]:
    """Offer free places to the people first on the waiting list (session row locked)."""
    if session.is_cancelled or session.starts_at <= timezone.now():
        return []
    free = session.capacity - places_taken(session)
    offered: list[TrainingBooking] = []
    if free <= 0:
        return offered
    expires = timezone.now() + timedelta(hours=settings.TRAINING_OFFER_HOURS)
    waiting = session.bookings.filter(status=TrainingBooking.Status.WAITLISTED).order_by(
        "waitlisted_at", "id"
    )
    for booking in waiting[:free]:
        booking.status = TrainingBooking.Status.OFFERED
        booking.offer_expires_at = expires
        booking.save(update_fields=["status", "offer_expires_at", "updated_at"])
        event_record(actor=None, verb=verbs.BOOKING_OFFERED, target=booking)
        _send(booking, "training_place_offered", expires=_when(expires))
        offered.append(booking)
    return offered


def _relock(booking: TrainingBooking) -> TrainingBooking:
    _lock(booking.session)
    return TrainingBooking.objects.select_related("session__course", "learner").get(pk=booking.pk)


@transaction.atomic
def offer_accept(*, actor: User, booking: TrainingBooking) -> TrainingBooking:
    booking = _relock(booking)
    if booking.status != TrainingBooking.Status.OFFERED:
        raise ValidationError("There is no offer of a place to accept.")
    if booking.offer_expires_at is not None and booking.offer_expires_at <= timezone.now():
        raise ValidationError("This offer has expired and has passed to the next person.")
    needs_approval = booking.session.course.requires_manager_approval
    booking.status = (
        TrainingBooking.Status.PENDING_APPROVAL
        if needs_approval
        else TrainingBooking.Status.CONFIRMED
    )
    booking.offer_expires_at = None
    booking.save(update_fields=["status", "offer_expires_at", "updated_at"])
    event_record(actor=actor, verb=verbs.BOOKING_OFFER_ACCEPTED, target=booking)
    if booking.status == TrainingBooking.Status.CONFIRMED:
        _send(booking, "training_booking_confirmed", joining_link=booking.session.joining_link)
    return booking


@transaction.atomic
def waitlist_leave(*, actor: User, booking: TrainingBooking) -> TrainingBooking:
    """Leave the waiting list, or turn down an offered place (which then passes on)."""
    booking = _relock(booking)
    if booking.status not in (TrainingBooking.Status.WAITLISTED, TrainingBooking.Status.OFFERED):
        raise ValidationError("You are not on the waiting list for this session.")
    was_offered = booking.status == TrainingBooking.Status.OFFERED
    booking.status = TrainingBooking.Status.LEFT_WAITLIST
    booking.offer_expires_at = None
    booking.save(update_fields=["status", "offer_expires_at", "updated_at"])
    event_record(actor=actor, verb=verbs.BOOKING_LEFT_WAITLIST, target=booking)
    if was_offered:
        _offer_free_places(booking.session)
    return booking


@transaction.atomic
def offers_expire() -> int:
    """Expire offers not taken up in time and pass each place on. Safe to run twice."""
    now = timezone.now()
    expired = 0
    session_ids = set(
        TrainingBooking.objects.filter(
            status=TrainingBooking.Status.OFFERED, offer_expires_at__lte=now
        ).values_list("session_id", flat=True)
    )
    for session_id in sorted(session_ids):
        session = _lock(TrainingSession(pk=session_id))
        for booking in session.bookings.filter(
            status=TrainingBooking.Status.OFFERED, offer_expires_at__lte=now
        ):
            booking.status = TrainingBooking.Status.OFFER_EXPIRED
            booking.save(update_fields=["status", "updated_at"])
            event_record(actor=None, verb=verbs.BOOKING_OFFER_EXPIRED, target=booking)
            expired += 1
        _offer_free_places(session)
    return expired


def cancellation_is_free(session: TrainingSession) -> bool:
    """Learners may cancel free of charge up to TRAINING_CANCELLATION_WORKING_DAYS working
    days before the session date."""
    today = timezone.localdate()
    session_day = timezone.localtime(session.starts_at).date()
    return working_days_between(today, session_day) >= int(
        settings.TRAINING_CANCELLATION_WORKING_DAYS
    )


@transaction.atomic
def booking_cancel(*, actor: User, booking: TrainingBooking) -> TrainingBooking:
    """The learner cancels. Inside the cut-off it is recorded as non-attendance and charged."""
    booking = _relock(booking)
    session = booking.session
    if booking.status not in TrainingBooking.HOLDS_PLACE:
        raise ValidationError("This booking cannot be cancelled.")
    if session.starts_at <= timezone.now():
        raise ValidationError("Sessions that have started cannot be cancelled.")
    late = booking.status == TrainingBooking.Status.CONFIRMED and not cancellation_is_free(session)
    booking.status = TrainingBooking.Status.CANCELLED
    booking.cancelled_at = timezone.now()
    if late:
        booking.attendance = TrainingBooking.Attendance.LATE_CANCELLATION
        booking.charge_pence = settings.TRAINING_NON_ATTENDANCE_CHARGE_PENCE
    booking.offer_expires_at = None
    booking.save()
    event_record(
        actor=actor,
        verb=verbs.BOOKING_CANCELLED,
        target=booking,
        data={"late": late, "charge_pence": booking.charge_pence},
    )
    _offer_free_places(session)
    return booking


@transaction.atomic
def booking_approve(*, actor: User, booking: TrainingBooking, approve: bool) -> TrainingBooking:
    """The line manager (the agency's safeguarding lead, or the business unit) decides."""
    booking = _relock(booking)
    if booking.status != TrainingBooking.Status.PENDING_APPROVAL:
        raise ValidationError("This booking is not waiting for approval.")
    booking.status = (
        TrainingBooking.Status.CONFIRMED if approve else TrainingBooking.Status.REFUSED
    )
    booking.approved_by = actor
    booking.save(update_fields=["status", "approved_by", "updated_at"])
    event_record(actor=actor, verb=_STATUS_VERBS[booking.status], target=booking)
    if approve:
        _send(booking, "training_booking_confirmed", joining_link=booking.session.joining_link)
    else:
        _offer_free_places(booking.session)
    return booking


@transaction.atomic
def session_update(
    *, actor: User, session: TrainingSession, expected_version: int | None, **changes: Any
) -> TrainingSession:
    """Change a session's details (`changes` maps field names to new values). More places are
    offered straight away to the people waiting; fewer places than are already taken is
    refused."""
    locked = _lock(session)
    capacity = changes.get("capacity", locked.capacity)
    taken = places_taken(locked)
    if capacity < taken:
        raise ValidationError(
            {"capacity": f"{taken} places are already taken: the session needs at least {taken}."}
        )
    tracked_update(
        actor=actor,
        obj=session,
        data=changes,
        verb=verbs.TRAINING_SESSION_UPDATED,
        expected_version=expected_version,
    )
    _offer_free_places(_lock(session))
    return session


@transaction.atomic
def session_cancel(*, actor: User, session: TrainingSession, reason: str) -> TrainingSession:
    """The partnership cancels a session: everyone booked, offered or waiting is told."""
    session = _lock(session)
    if session.is_cancelled:
        raise ValidationError("This session is already cancelled.")
    if not reason.strip():
        raise ValidationError({"reason": "Say why the session is cancelled."})
    session.status = TrainingSession.Status.CANCELLED
    session.cancelled_reason = reason.strip()
    bump_version(session)
    session.save()
    affected = list(
        session.bookings.filter(
            status__in=(*TrainingBooking.HOLDS_PLACE, TrainingBooking.Status.WAITLISTED)
        ).select_related("learner", "session__course")
    )
    for booking in affected:
        booking.status = TrainingBooking.Status.CANCELLED
        booking.cancelled_at = timezone.now()
        booking.offer_expires_at = None
        booking.save(update_fields=["status", "cancelled_at", "offer_expires_at", "updated_at"])
        _send(booking, "training_session_cancelled", reason=session.cancelled_reason)
    event_record(
        actor=actor,
        verb=verbs.TRAINING_SESSION_CANCELLED,
        target=session,
        data={"reason": session.cancelled_reason, "people_told": len(affected)},
    )
    return session


@transaction.atomic
def attendance_mark(*, actor: User, booking: TrainingBooking, attendance: str) -> TrainingBooking:
    """Mark one person on the register as attended or a no-show (a no-show is charged)."""
    booking = _relock(booking)
    if booking.status != TrainingBooking.Status.CONFIRMED:
        raise ValidationError("Only people with a confirmed place are on the register.")
    if attendance not in (TrainingBooking.Attendance.ATTENDED, TrainingBooking.Attendance.NO_SHOW):
        raise ValidationError("Choose attended or did not attend.")
    if booking.session.starts_at > timezone.now():
        raise ValidationError("The register opens when the session starts.")
    booking.attendance = attendance
    no_show = attendance == TrainingBooking.Attendance.NO_SHOW
    booking.charge_pence = settings.TRAINING_NON_ATTENDANCE_CHARGE_PENCE if no_show else 0
    booking.save(update_fields=["attendance", "charge_pence", "updated_at"])
    event_record(
        actor=actor,
        verb=verbs.ATTENDANCE_MARKED,
        target=booking,
        data={"attendance": attendance},
    )
    return booking


@transaction.atomic
def register_mark_all(*, actor: User, session: TrainingSession, attendance: str) -> int:
    """Mark everyone not yet marked on the register at once; returns how many were marked."""
    pending = session.bookings.filter(
        status=TrainingBooking.Status.CONFIRMED, attendance=TrainingBooking.Attendance.NOT_RECORDED
    )
    marked = 0
    for booking in pending:
        attendance_mark(actor=actor, booking=booking, attendance=attendance)
        marked += 1
    return marked


@transaction.atomic
def reminders_send() -> int:
    """E-mail reminders TRAINING_REMINDER_DAYS before each session. Safe to run twice."""
    now = timezone.now()
    sent = 0
    days_list = sorted(settings.TRAINING_REMINDER_DAYS, reverse=True)
    horizon = now + timedelta(days=max(days_list, default=0))
    bookings = TrainingBooking.objects.filter(
        status=TrainingBooking.Status.CONFIRMED,
        session__status=TrainingSession.Status.SCHEDULED,
        session__starts_at__gt=now,
        session__starts_at__lte=horizon,
        learner__isnull=False,
    ).select_related("session__course", "learner")
    for booking in bookings:
        due = [d for d in days_list if booking.session.starts_at - timedelta(days=d) <= now]
        new = [d for d in due if d not in booking.reminders_sent]
        if not new:
            continue
        booking.reminders_sent = sorted({*booking.reminders_sent, *due}, reverse=True)
        booking.save(update_fields=["reminders_sent", "updated_at"])
        _send(booking, "training_reminder", joining_link=booking.session.joining_link)
        sent += 1
    return sent
