"""Booking, the waiting list and its offer cycle, cancellation cut-off in working days, charges,
approval, the register, partnership cancellation and reminders."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import override_settings

from safeguarding.accounts.models import User
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.partnership.models import Agency
from safeguarding.training import services, verbs
from safeguarding.training.models import TrainingBooking, TrainingSession
from safeguarding.training.tests.factories import CourseFactory, TrainingSessionFactory

pytestmark = pytest.mark.django_db


def _fill(session: TrainingSession, make_practitioner: Callable[..., User], n: int) -> list[User]:
    people = [make_practitioner() for _ in range(n)]
    for person in people:
        services.booking_create(actor=person, session=session)
    return people


def _status(user: User, session: TrainingSession) -> str:
    return TrainingBooking.objects.get(learner=user, session=session).status


# --- booking ---------------------------------------------------------------------------


def test_booking_confirmed_with_agency_and_joining_link_emailed(
    session: TrainingSession,
    learner: User,
    agency_a: Agency,
    run_tasks: Callable[[], int],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        booking = services.booking_create(actor=learner, session=session)

    run_tasks()
    assert booking.status == TrainingBooking.Status.CONFIRMED
    assert booking.agency == agency_a
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [learner.email]
    assert "https://meet.example/secret-room" in mail.outbox[0].body
    assert ActivityEvent.objects.filter(verb=verbs.BOOKING_CONFIRMED).count() == 1


def test_booking_waitlisted_when_session_full(
    session: TrainingSession, make_practitioner: Callable[..., User]
) -> None:
    _fill(session, make_practitioner, 2)
    third = make_practitioner()

    booking = services.booking_create(actor=third, session=session)

    assert booking.status == TrainingBooking.Status.WAITLISTED
    assert services.places_taken(session) == 2


def test_booking_rejected_when_already_booked(session: TrainingSession, learner: User) -> None:
    services.booking_create(actor=learner, session=session)
    with pytest.raises(ValidationError, match="already have a booking"):
        services.booking_create(actor=learner, session=session)


def test_booking_rejected_when_user_has_no_agency(
    session: TrainingSession, outsider: User
) -> None:
    with pytest.raises(ValidationError, match="not linked to an agency"):
        services.booking_create(actor=outsider, session=session)


def test_booking_rejected_when_session_cancelled(
    session: TrainingSession, learner: User, owner: User
) -> None:
    services.session_cancel(actor=owner, session=session, reason="Trainer unwell")
    with pytest.raises(ValidationError, match="cancelled"):
        services.booking_create(actor=learner, session=session)


def test_booking_pending_when_course_needs_manager_approval(
    frozen: Any, learner: User, lead_a: User
) -> None:
    course = CourseFactory.create(requires_manager_approval=True)
    session = TrainingSessionFactory.create(course=course, capacity=1)

    booking = services.booking_create(actor=learner, session=session)
    assert booking.status == TrainingBooking.Status.PENDING_APPROVAL
    assert services.places_taken(session) == 1  # the place is held while waiting

    services.booking_approve(actor=lead_a, booking=booking, approve=True)
    booking.refresh_from_db()
    assert booking.status == TrainingBooking.Status.CONFIRMED
    assert booking.approved_by == lead_a


def test_refused_approval_frees_the_place_for_the_waiting_list(
    frozen: Any, make_practitioner: Callable[..., User], lead_a: User
) -> None:
    course = CourseFactory.create(requires_manager_approval=True)
    session = TrainingSessionFactory.create(course=course, capacity=1)
    first, second = _fill(session, make_practitioner, 2)

    booking = TrainingBooking.objects.get(learner=first)
    services.booking_approve(actor=lead_a, booking=booking, approve=False)

    assert _status(first, session) == TrainingBooking.Status.REFUSED
    assert _status(second, session) == TrainingBooking.Status.OFFERED


# --- the waiting-list offer cycle ----------------------------------------------------------


def test_freed_place_is_offered_to_first_on_waiting_list_for_48_hours(
    session: TrainingSession,
    make_practitioner: Callable[..., User],
    run_tasks: Callable[[], int],
    django_capture_on_commit_callbacks: Any,
) -> None:
    first, _second = _fill(session, make_practitioner, 2)
    waiting_1, waiting_2 = _fill(session, make_practitioner, 2)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.booking_cancel(actor=first, booking=TrainingBooking.objects.get(learner=first))
    run_tasks()

    offered = TrainingBooking.objects.get(learner=waiting_1)
    assert offered.status == TrainingBooking.Status.OFFERED
    assert offered.offer_expires_at == datetime(2025, 6, 4, 8, 0, tzinfo=UTC)
    assert _status(waiting_2, session) == TrainingBooking.Status.WAITLISTED
    assert [m.to for m in mail.outbox] == [[waiting_1.email]]
    assert "held for you until" in mail.outbox[0].body


def test_offer_accepted_confirms_the_place(
    session: TrainingSession, make_practitioner: Callable[..., User]
) -> None:
    first, _ = _fill(session, make_practitioner, 2)
    (waiting,) = _fill(session, make_practitioner, 1)
    services.booking_cancel(actor=first, booking=TrainingBooking.objects.get(learner=first))

    booking = services.offer_accept(
        actor=waiting, booking=TrainingBooking.objects.get(learner=waiting)
    )

    assert booking.status == TrainingBooking.Status.CONFIRMED
    assert services.places_taken(session) == 2


def test_offer_expires_and_passes_on_and_the_command_is_safe_twice(
    session: TrainingSession, make_practitioner: Callable[..., User], frozen: Any
) -> None:
    first, _ = _fill(session, make_practitioner, 2)
    waiting_1, waiting_2 = _fill(session, make_practitioner, 2)
    services.booking_cancel(actor=first, booking=TrainingBooking.objects.get(learner=first))

    frozen.shift(timedelta(hours=47, minutes=59))
    call_command("training_offers_expire", stdout=None)
    assert _status(waiting_1, session) == TrainingBooking.Status.OFFERED  # not yet

    frozen.shift(timedelta(minutes=1))
    call_command("training_offers_expire")
    call_command("training_offers_expire")

    assert _status(waiting_1, session) == TrainingBooking.Status.OFFER_EXPIRED
    assert _status(waiting_2, session) == TrainingBooking.Status.OFFERED
    second_offer = TrainingBooking.objects.get(learner=waiting_2)
    assert second_offer.offer_expires_at == datetime(2025, 6, 6, 8, 0, tzinfo=UTC)
    assert services.places_taken(session) == 2


def test_offer_cannot_be_accepted_after_it_expires(
    session: TrainingSession, make_practitioner: Callable[..., User], frozen: Any
) -> None:
    first, _ = _fill(session, make_practitioner, 2)
    (waiting,) = _fill(session, make_practitioner, 1)
    services.booking_cancel(actor=first, booking=TrainingBooking.objects.get(learner=first))
    frozen.shift(timedelta(hours=49))

    with pytest.raises(ValidationError, match="expired"):
        services.offer_accept(actor=waiting, booking=TrainingBooking.objects.get(learner=waiting))


@override_settings(TRAINING_OFFER_HOURS=24)
def test_offer_time_is_configurable(
    session: TrainingSession, make_practitioner: Callable[..., User]
) -> None:
    first, _ = _fill(session, make_practitioner, 2)
    (waiting,) = _fill(session, make_practitioner, 1)
    services.booking_cancel(actor=first, booking=TrainingBooking.objects.get(learner=first))

    offer = TrainingBooking.objects.get(learner=waiting)
    assert offer.offer_expires_at == datetime(2025, 6, 3, 8, 0, tzinfo=UTC)


def test_turning_down_an_offer_passes_it_on(
    session: TrainingSession, make_practitioner: Callable[..., User]
) -> None:
    first, _ = _fill(session, make_practitioner, 2)
    waiting_1, waiting_2 = _fill(session, make_practitioner, 2)
    services.booking_cancel(actor=first, booking=TrainingBooking.objects.get(learner=first))

    services.waitlist_leave(
        actor=waiting_1, booking=TrainingBooking.objects.get(learner=waiting_1)
    )

    assert _status(waiting_1, session) == TrainingBooking.Status.LEFT_WAITLIST
    assert _status(waiting_2, session) == TrainingBooking.Status.OFFERED


def test_leaving_the_waiting_list_keeps_others_in_order(
    session: TrainingSession, make_practitioner: Callable[..., User]
) -> None:
    first, _ = _fill(session, make_practitioner, 2)
    waiting_1, waiting_2 = _fill(session, make_practitioner, 2)

    services.waitlist_leave(
        actor=waiting_1, booking=TrainingBooking.objects.get(learner=waiting_1)
    )
    services.booking_cancel(actor=first, booking=TrainingBooking.objects.get(learner=first))

    assert _status(waiting_1, session) == TrainingBooking.Status.LEFT_WAITLIST
    assert _status(waiting_2, session) == TrainingBooking.Status.OFFERED


# --- cancellation cut-off and charges -------------------------------------------------------


def test_cancellation_free_three_working_days_before(
    session: TrainingSession, learner: User, frozen: Any
) -> None:
    booking = services.booking_create(actor=learner, session=session)
    frozen.move_to(datetime(2025, 6, 9, 8, 0, tzinfo=UTC))  # Monday; session Thursday 12th

    cancelled = services.booking_cancel(actor=learner, booking=booking)

    assert cancelled.attendance == TrainingBooking.Attendance.NOT_RECORDED
    assert cancelled.charge_pence == 0


def test_cancellation_charged_inside_the_cut_off(
    session: TrainingSession, learner: User, frozen: Any
) -> None:
    booking = services.booking_create(actor=learner, session=session)
    frozen.move_to(datetime(2025, 6, 10, 8, 0, tzinfo=UTC))  # Tuesday: 2 working days left

    cancelled = services.booking_cancel(actor=learner, booking=booking)

    assert cancelled.status == TrainingBooking.Status.CANCELLED
    assert cancelled.attendance == TrainingBooking.Attendance.LATE_CANCELLATION
    assert cancelled.charge_pence == 5000


def test_cancellation_cut_off_skips_bank_holidays(learner: User) -> None:
    # Session Wednesday 27 August 2025; Monday 25 August is the summer bank holiday.
    with time_machine.travel(datetime(2025, 8, 22, 8, 0, tzinfo=UTC), tick=False):
        session = TrainingSessionFactory.create(starts_at=datetime(2025, 8, 27, 9, 0, tzinfo=UTC))
        booking = services.booking_create(actor=learner, session=session)
        # Friday: Tuesday and Wednesday are the only working days left, so it is late.
        assert services.cancellation_is_free(session) is False
        cancelled = services.booking_cancel(actor=learner, booking=booking)
    assert cancelled.attendance == TrainingBooking.Attendance.LATE_CANCELLATION


@override_settings(TRAINING_CANCELLATION_WORKING_DAYS=1, TRAINING_NON_ATTENDANCE_CHARGE_PENCE=2500)
def test_cut_off_and_charge_are_configurable(
    session: TrainingSession, learner: User, make_practitioner: Callable[..., User], frozen: Any
) -> None:
    booking = services.booking_create(actor=learner, session=session)
    frozen.move_to(datetime(2025, 6, 11, 8, 0, tzinfo=UTC))  # Wednesday: 1 working day left
    assert services.booking_cancel(actor=learner, booking=booking).charge_pence == 0

    other = make_practitioner()
    booking = services.booking_create(actor=other, session=session)
    frozen.move_to(datetime(2025, 6, 12, 7, 0, tzinfo=UTC))  # the day itself
    assert services.booking_cancel(actor=other, booking=booking).charge_pence == 2500


def test_cancel_rejected_when_session_started(
    session: TrainingSession, learner: User, frozen: Any
) -> None:
    booking = services.booking_create(actor=learner, session=session)
    frozen.move_to(datetime(2025, 6, 12, 9, 30, tzinfo=UTC))
    with pytest.raises(ValidationError, match="started"):
        services.booking_cancel(actor=learner, booking=booking)


# --- the register ------------------------------------------------------------------------


def test_register_marks_attended_and_no_show_with_charge(
    session: TrainingSession, make_practitioner: Callable[..., User], owner: User, frozen: Any
) -> None:
    present, absent = _fill(session, make_practitioner, 2)
    frozen.move_to(datetime(2025, 6, 12, 10, 0, tzinfo=UTC))

    services.attendance_mark(
        actor=owner,
        booking=TrainingBooking.objects.get(learner=present),
        attendance=TrainingBooking.Attendance.ATTENDED,
    )
    services.attendance_mark(
        actor=owner,
        booking=TrainingBooking.objects.get(learner=absent),
        attendance=TrainingBooking.Attendance.NO_SHOW,
    )

    assert TrainingBooking.objects.get(learner=present).charge_pence == 0
    assert TrainingBooking.objects.get(learner=absent).charge_pence == 5000


def test_register_mark_all_marks_only_those_not_yet_marked(
    session: TrainingSession, make_practitioner: Callable[..., User], owner: User, frozen: Any
) -> None:
    people = _fill(session, make_practitioner, 2)
    frozen.move_to(datetime(2025, 6, 12, 10, 0, tzinfo=UTC))
    services.attendance_mark(
        actor=owner,
        booking=TrainingBooking.objects.get(learner=people[0]),
        attendance=TrainingBooking.Attendance.NO_SHOW,
    )

    marked = services.register_mark_all(
        actor=owner, session=session, attendance=TrainingBooking.Attendance.ATTENDED
    )

    assert marked == 1
    assert (
        TrainingBooking.objects.get(learner=people[0]).attendance
        == TrainingBooking.Attendance.NO_SHOW
    )
    assert (
        TrainingBooking.objects.get(learner=people[1]).attendance
        == TrainingBooking.Attendance.ATTENDED
    )


def test_register_rejected_before_the_session_starts(
    session: TrainingSession, learner: User, owner: User
) -> None:
    booking = services.booking_create(actor=learner, session=session)
    with pytest.raises(ValidationError, match="register opens"):
        services.attendance_mark(
            actor=owner, booking=booking, attendance=TrainingBooking.Attendance.ATTENDED
        )


# --- partnership cancellation and reminders ------------------------------------------------


def test_session_cancelled_by_partnership_tells_everyone_booked_or_waiting(
    session: TrainingSession,
    make_practitioner: Callable[..., User],
    owner: User,
    run_tasks: Callable[[], int],
    django_capture_on_commit_callbacks: Any,
) -> None:
    people = _fill(session, make_practitioner, 3)  # 2 booked, 1 waiting
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.session_cancel(actor=owner, session=session, reason="Trainer unwell")
    run_tasks()

    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    assert all("Trainer unwell" in m.body for m in mail.outbox)
    assert (
        TrainingBooking.objects.filter(
            session=session, status=TrainingBooking.Status.CANCELLED
        ).count()
        == 3
    )
    assert TrainingBooking.objects.filter(session=session, charge_pence__gt=0).count() == 0


def test_reminders_sent_14_and_5_days_before_once_each(
    learner: User,
    frozen: Any,
    run_tasks: Callable[[], int],
    django_capture_on_commit_callbacks: Any,
) -> None:
    session = TrainingSessionFactory.create(starts_at=datetime(2025, 6, 30, 9, 0, tzinfo=UTC))
    services.booking_create(actor=learner, session=session)

    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send() == 0  # 28 days ahead: too early
        frozen.move_to(datetime(2025, 6, 16, 9, 0, tzinfo=UTC))  # 14 days before
        assert services.reminders_send() == 1
        assert services.reminders_send() == 0  # safe to run twice
        frozen.move_to(datetime(2025, 6, 25, 9, 0, tzinfo=UTC))  # 5 days before
        assert services.reminders_send() == 1
        call_command("training_reminders_send")
    mail.outbox.clear()
    run_tasks()

    reminders = [m for m in mail.outbox if m.subject.startswith("Reminder")]
    assert len(reminders) == 2
    assert TrainingBooking.objects.get(learner=learner).reminders_sent == [14, 5]


def test_booking_again_after_a_late_cancellation_keeps_the_charge(
    session: TrainingSession, learner: User, frozen: Any
) -> None:
    booking = services.booking_create(actor=learner, session=session)
    frozen.move_to(datetime(2025, 6, 10, 8, 0, tzinfo=UTC))
    services.booking_cancel(actor=learner, booking=booking)

    again = services.booking_create(actor=learner, session=session)

    assert again.pk != booking.pk
    assert again.status == TrainingBooking.Status.CONFIRMED
    booking.refresh_from_db()
    assert booking.charge_pence == 5000
    assert booking.attendance == TrainingBooking.Attendance.LATE_CANCELLATION


def test_more_places_are_offered_to_the_waiting_list_at_once(
    session: TrainingSession, make_practitioner: Callable[..., User], owner: User
) -> None:
    _fill(session, make_practitioner, 2)
    waiting_1, waiting_2, waiting_3 = _fill(session, make_practitioner, 3)

    services.session_update(
        actor=owner, session=session, expected_version=session.version, capacity=4
    )

    assert [_status(p, session) for p in (waiting_1, waiting_2, waiting_3)] == [
        TrainingBooking.Status.OFFERED,
        TrainingBooking.Status.OFFERED,
        TrainingBooking.Status.WAITLISTED,
    ]


def test_fewer_places_than_taken_is_refused(
    session: TrainingSession, make_practitioner: Callable[..., User], owner: User
) -> None:
    _fill(session, make_practitioner, 2)
    with pytest.raises(ValidationError, match="2 places are already taken"):
        services.session_update(
            actor=owner, session=session, expected_version=session.version, capacity=1
        )
    session.refresh_from_db()
    assert session.capacity == 2
