"""Growing the demo partnership: people, training, practice reviews with their action plans,
child deaths and the activity log, in bulk and deterministically (one seeded random.Random).

Every record is made through its model (bulk_create), with statuses that follow from its dates
as of today; every record gets the activity-log event its service would have recorded, and the
rest of the requested events are sign-ins and views of child death cases, so the log has the
requested size. All events are appended in time order after the demo's own.

Not made: data returns (the demo has 2019-20 and 2020-21), rapid reviews and serious incident
notifications, certificates, evaluations, meetings, learning points and assurance records.
"""

from __future__ import annotations

import heapq
import random
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TextIO

from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from safeguarding.accounts.models import RoleAssignment, User
from safeguarding.accounts.roles import Role
from safeguarding.actions import verbs as action_verbs
from safeguarding.actions.models import Action, ActionPlan
from safeguarding.activity_log import verbs as log_verbs
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.case_reviews import verbs as review_verbs
from safeguarding.case_reviews.models import PracticeReview
from safeguarding.child_deaths import identity
from safeguarding.child_deaths import verbs as death_verbs
from safeguarding.child_deaths.models import (
    ChildDeathNotification,
    DeathCategory,
    PanelReview,
)
from safeguarding.core.dates import add_months
from safeguarding.core.fields import keyed_hasher
from safeguarding.demo.volume.events import EventSpec, events_append
from safeguarding.demo.volume.sizes import Sizes
from safeguarding.partnership import verbs as partnership_verbs
from safeguarding.partnership.demo import DEMO_PASSWORD, demo_email
from safeguarding.partnership.models import Agency, Area
from safeguarding.training import verbs as training_verbs
from safeguarding.training.models import Course, TrainingBooking, TrainingSession

VOLUME_DOMAIN = "volume.demo.partnership.example"
MARKER_VERB = "demo_volume.grown"
BATCH = 2_000
SEED = 17  # issue #17


def volume_email(number: int) -> str:
    return f"person{number:05d}@{VOLUME_DOMAIN}"


def volume_already_grown() -> bool:
    """The marker event, or any person it made: demo_volume runs once per database."""
    return (
        ActivityEvent.objects.filter(verb=MARKER_VERB).exists()
        or User.objects.filter(email__endswith=f"@{VOLUME_DOMAIN}").exists()
    )


def _at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=UTC)


def _label(model: type[Model], pk: int) -> str:
    return f"{model._meta.verbose_name} {pk}"


@dataclass
class Grower:
    sizes: Sizes
    years: int
    stdout: TextIO | None = None
    rng: random.Random = field(default_factory=lambda: random.Random(SEED))  # noqa: S311 - synthetic data
    events: list[EventSpec] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.today = timezone.localdate()
        self.now = timezone.now().replace(microsecond=0)
        self.start = self.today - timedelta(days=365 * self.years)
        self.last_event_day = self.today - timedelta(days=1)
        self.joined = _at(self.start - timedelta(days=1), 9)
        self.types = {
            model: ContentType.objects.get_for_model(model).pk
            for model in (
                User,
                Course,
                TrainingSession,
                TrainingBooking,
                PracticeReview,
                ActionPlan,
                Action,
                ChildDeathNotification,
                PanelReview,
            )
        }
        self.agencies = list(Agency.objects.active().order_by("pk"))
        self.areas = list(Area.objects.order_by("pk"))
        if not self.agencies or not self.areas:
            raise CommandError("Run manage.py demo_seed first: the demo partnership is missing.")
        self.officer = User.objects.filter(email=demo_email("officer")).first()
        self.cdop = User.objects.filter(email=demo_email("cdop.manager")).first()

    # --- helpers ------------------------------------------------------------------------
    def _say(self, text: str) -> None:
        if self.stdout is not None:
            self.stdout.write(text + "\n")

    def _actor(self, user: User | None) -> tuple[int | None, str]:
        return (user.pk, user.email) if user is not None else (None, "system")

    def _event(
        self,
        when: datetime,
        verb: str,
        model: type[Model],
        pk: int,
        *,
        actor: tuple[int | None, str] = (None, "system"),
        label: str = "",
        changes: dict[str, object] | None = None,
        data: dict[str, object] | None = None,
    ) -> None:
        when = min(when, _at(self.last_event_day, 23, 59))
        self.events.append(
            EventSpec(
                occurred_at=when,
                verb=verb,
                actor_id=actor[0],
                actor_label=actor[1],
                target_type_id=self.types[model],
                target_id=str(pk),
                target_label=label or _label(model, pk),
                changes=changes,
                data=data,
            )
        )

    def _day(self, fraction: float) -> date:
        """The day `fraction` (0..1) of the way through the period."""
        span = (self.today - self.start).days
        return self.start + timedelta(days=int(span * fraction))

    # --- the whole run ------------------------------------------------------------------
    @transaction.atomic
    def grow(self) -> dict[str, int]:
        if volume_already_grown():
            raise CommandError(
                "demo_volume has already grown this database (it runs once): start from a "
                "fresh database, migrate and run demo_seed first."
            )
        learners = self.people()
        self.training(learners)
        self.practice_reviews()
        self.child_deaths()
        appended = self.activity_log()
        return {"events": appended}

    # --- people -------------------------------------------------------------------------
    def people(self) -> list[tuple[int, int]]:
        """sizes.people people: 2% agency safeguarding leads, the rest practitioners, each at
        one agency. Every one signs in with the demo password. Returns (learner, agency)."""
        password = make_password(DEMO_PASSWORD)
        joined = self.joined
        users = [
            User(
                email=volume_email(number),
                full_name=f"Person {number:05d}",
                job_title="Practitioner" if number % 50 else "Safeguarding lead",
                password=password,
                date_joined=joined,
            )
            for number in range(1, self.sizes.people + 1)
        ]
        User.objects.bulk_create(users, batch_size=BATCH)
        made = list(
            User.objects.filter(email__endswith=f"@{VOLUME_DOMAIN}")
            .order_by("email")
            .values_list("pk", "email")
        )
        grants: list[RoleAssignment] = []
        learners: list[tuple[int, int]] = []
        for index, (pk, _email) in enumerate(made):
            number = index + 1
            agency = self.agencies[index % len(self.agencies)]
            role = Role.PRACTITIONER if number % 50 else Role.AGENCY_LEAD
            grants.append(RoleAssignment(user_id=pk, role=role, agency=agency))
            if role == Role.PRACTITIONER:
                learners.append((pk, agency.pk))
            self._event(
                joined + timedelta(milliseconds=index),
                partnership_verbs.ROLE_GRANTED,
                User,
                pk,
                data={"role": str(role), "agency_id": agency.pk},
            )
        RoleAssignment.objects.bulk_create(grants, batch_size=BATCH)
        self.people_ids = [pk for pk, _email in made]
        self.emails = dict(made)
        self._say(f"People: {len(made)}")
        return learners

    # --- training -----------------------------------------------------------------------
    def training(self, learners: list[tuple[int, int]]) -> None:
        sizes, rng = self.sizes, self.rng
        officer = self._actor(self.officer)
        courses = [
            Course(
                title=f"Volume course {number:03d}",
                summary="A synthetic multi-agency course made by demo_volume.",
                audience="Practitioners in every agency",
                level=Course.Level.CORE,
                format=(Course.Format.FACE_TO_FACE if number % 3 else Course.Format.LIVE_WEBINAR),
            )
            for number in range(1, sizes.courses + 1)
        ]
        Course.objects.bulk_create(courses)
        courses = list(Course.objects.filter(title__startswith="Volume course ").order_by("pk"))
        for course in courses:
            self._event(
                _at(self.start, 8),
                training_verbs.COURSE_CREATED,
                Course,
                course.pk,
                actor=officer,
                label=course.activity_label,
            )
        # Sessions: evenly over the period and three months beyond it; one in twenty cancelled.
        span = (self.today - self.start).days + 90
        per_session, extra = divmod(sizes.bookings, sizes.sessions)
        capacity = per_session + 5
        sessions: list[TrainingSession] = []
        for index in range(sizes.sessions):
            day = self.start + timedelta(days=int(span * (index + 0.5) / sizes.sessions))
            while day.weekday() >= 5:
                day -= timedelta(days=1)
            cancelled = index % 20 == 7 and day - timedelta(days=7) < self.today
            sessions.append(
                TrainingSession(
                    course=courses[index % len(courses)],
                    starts_at=_at(day, 9, 30),
                    duration_minutes=180,
                    venue="Synthetic training room" if index % 3 else "",
                    joining_link="" if index % 3 else "https://meet.example/volume",
                    trainer_name=f"Trainer {index % 40:02d}",
                    capacity=capacity,
                    status=(
                        TrainingSession.Status.CANCELLED
                        if cancelled
                        else TrainingSession.Status.SCHEDULED
                    ),
                    cancelled_reason="The trainer was unavailable." if cancelled else "",
                )
            )
        made = TrainingSession.objects.bulk_create(sessions, batch_size=BATCH)
        bookings: list[TrainingBooking] = []
        booking_times: list[tuple[datetime, datetime | None]] = []
        for index, session in enumerate(made):
            opened = max(session.starts_at - timedelta(days=60), self.joined + timedelta(hours=1))
            latest = self.now - timedelta(days=2)
            self._event(
                opened,
                training_verbs.TRAINING_SESSION_CREATED,
                TrainingSession,
                session.pk,
                actor=officer,
                label=session.activity_label,
            )
            cancelled_on = session.starts_at - timedelta(days=7)
            if session.is_cancelled:
                self._event(
                    cancelled_on,
                    training_verbs.TRAINING_SESSION_CANCELLED,
                    TrainingSession,
                    session.pk,
                    actor=officer,
                    label=session.activity_label,
                )
            held = not session.is_cancelled and session.starts_at <= self.now
            count = per_session + (1 if index < extra else 0)
            for learner, agency in rng.sample(learners, count):
                booked_at = opened + (session.starts_at - opened) * (0.9 * rng.random())
                booked_at = min(booked_at.replace(microsecond=0), latest)
                if session.is_cancelled:
                    status, attendance, cancelled_at = (
                        TrainingBooking.Status.CANCELLED,
                        "",
                        cancelled_on,
                    )
                elif rng.random() < 0.08:
                    status, attendance, cancelled_at = (
                        TrainingBooking.Status.CANCELLED,
                        "",
                        min(booked_at + timedelta(days=3), latest + timedelta(days=1)),
                    )
                else:
                    status, cancelled_at = TrainingBooking.Status.CONFIRMED, None
                    attendance = ""
                    if held:
                        attendance = (
                            TrainingBooking.Attendance.ATTENDED
                            if rng.random() < 0.9
                            else TrainingBooking.Attendance.NO_SHOW
                        )
                bookings.append(
                    TrainingBooking(
                        session=session,
                        learner_id=learner,
                        agency_id=agency,
                        status=status,
                        attendance=attendance,
                        cancelled_at=cancelled_at,
                    )
                )
                booking_times.append((booked_at, cancelled_at))
        made_bookings = TrainingBooking.objects.bulk_create(bookings, batch_size=BATCH)
        for booking, (booked_at, cancelled_at) in zip(
            made_bookings, booking_times, strict=True
        ):
            label = f"Training booking {booking.pk} (session {booking.session_id})"
            assert booking.learner_id is not None
            learner_actor = (booking.learner_id, self.emails[booking.learner_id])
            self._event(
                booked_at,
                training_verbs.BOOKING_CONFIRMED,
                TrainingBooking,
                booking.pk,
                actor=learner_actor,
                label=label,
            )
            if cancelled_at is not None:
                self._event(
                    cancelled_at,
                    training_verbs.BOOKING_CANCELLED,
                    TrainingBooking,
                    booking.pk,
                    actor=learner_actor,
                    label=label,
                )
            elif booking.attendance:
                self._event(
                    booking.session.starts_at + timedelta(hours=4),
                    training_verbs.ATTENDANCE_MARKED,
                    TrainingBooking,
                    booking.pk,
                    actor=officer,
                    label=label,
                    changes={"attendance": {"before": "", "after": booking.attendance}},
                )
        self._say(
            f"Training: {len(courses)} courses, {len(made)} sessions, "
            f"{len(made_bookings)} bookings"
        )

    # --- practice reviews and their action plans ----------------------------------------
    def practice_reviews(self) -> None:
        sizes, rng = self.sizes, self.rng
        officer = self._actor(self.officer)
        reviews: list[PracticeReview] = []
        for index in range(sizes.practice_reviews):
            decided = self._day((index + 0.5) / sizes.practice_reviews)
            commissioned = decided + timedelta(days=14)
            target = commissioned + timedelta(days=180)
            review = PracticeReview(
                kind=PracticeReview.Kind.CSPR if index % 5 else PracticeReview.Kind.SCR,
                title=f"Review {index + 1:04d}",
                area=self.areas[index % len(self.areas)],
                decided_on=decided,
                commissioned_on=min(commissioned, self.today),
                target_on=target,
                reviewer=f"Reviewer {index % 12:02d}",
                summary="A synthetic practice review made by demo_volume.",
            )
            if target + timedelta(days=60) < self.today:
                review.report_received_on = target - timedelta(days=30)
                review.signed_off_on = target
                if index % 10 < 7:
                    review.status = PracticeReview.Status.PUBLISHED
                    review.advance_copy_sent_on = target + timedelta(days=10)
                    review.published_on = target + timedelta(days=40)
                else:
                    review.status = PracticeReview.Status.SIGNED_OFF
            elif commissioned + timedelta(days=30) < self.today:
                review.status = PracticeReview.Status.IN_PROGRESS
            else:
                review.status = PracticeReview.Status.COMMISSIONED
            reviews.append(review)
        made = PracticeReview.objects.bulk_create(reviews, batch_size=BATCH)
        plans = [
            ActionPlan(
                source_type_id=self.types[PracticeReview],
                source_id=review.pk,
                title=f"{review.get_kind_display()} {review.title}: action plan",
                review_every_months=3,
                last_reviewed_on=min(review.commissioned_on + timedelta(days=90), self.today),
                next_review_due=add_months(
                    min(review.commissioned_on + timedelta(days=90), self.today), 3
                ),
                created_by_id=officer[0],
            )
            for review in made
        ]
        made_plans = ActionPlan.objects.bulk_create(plans, batch_size=BATCH)
        actions: list[Action] = []
        for review, plan in zip(made, made_plans, strict=True):
            commissioned_at = _at(review.commissioned_on)
            self._event(
                _at(review.decided_on),
                review_verbs.PRACTICE_REVIEW_COMMISSIONED,
                PracticeReview,
                review.pk,
                actor=officer,
                label=review.activity_label,
            )
            for day, verb in (
                (review.signed_off_on, review_verbs.PRACTICE_REVIEW_SIGNED_OFF),
                (review.published_on, review_verbs.PRACTICE_REVIEW_PUBLISHED),
            ):
                if day is not None:
                    self._event(
                        _at(day),
                        verb,
                        PracticeReview,
                        review.pk,
                        actor=officer,
                        label=review.activity_label,
                    )
            self._event(
                commissioned_at + timedelta(hours=1),
                action_verbs.ACTION_PLAN_CREATED,
                ActionPlan,
                plan.pk,
                actor=officer,
                label=f"Action plan {plan.pk}",
            )
            for number in range(1, sizes.actions_per_review + 1):
                due = review.commissioned_on + timedelta(days=45 * number)
                completed: date | None = None
                if due < self.today and rng.random() < 0.8:
                    status = Action.Status.COMPLETE
                    completed = min(due + timedelta(days=rng.randint(-20, 20)), self.today)
                    completed = max(completed, review.commissioned_on)
                elif due < self.today:
                    status = rng.choice([Action.Status.AT_RISK, Action.Status.OVERDUE])
                else:
                    status = rng.choice(
                        [Action.Status.NOT_STARTED, Action.Status.ON_TRACK, Action.Status.AT_RISK]
                    )
                actions.append(
                    Action(
                        plan=plan,
                        number=number,
                        description=f"Synthetic action {number} of {review.title}.",
                        success_measure="Audit shows the change in practice.",
                        owner_agency=self.agencies[rng.randrange(len(self.agencies))],
                        due_date=due,
                        original_due_date=due,
                        status=status,
                        completed_on=completed,
                    )
                )
        made_actions = Action.objects.bulk_create(actions, batch_size=BATCH)
        for action in made_actions:
            plan_day = action.due_date - timedelta(days=45 * action.number)
            self._event(
                _at(plan_day, 11),
                action_verbs.ACTION_CREATED,
                Action,
                action.pk,
                actor=officer,
                label=f"Action {action.pk}",
            )
            if action.completed_on is not None:
                self._event(
                    _at(action.completed_on, 15),
                    action_verbs.ACTION_PROGRESS_ADDED,
                    Action,
                    action.pk,
                    actor=officer,
                    label=f"Action {action.pk}",
                    changes={"status": {"before": "on_track", "after": "complete"}},
                )
        self._say(
            f"Practice reviews: {len(made)}, action plans: {len(made_plans)}, "
            f"actions: {len(made_actions)}"
        )

    # --- child deaths -------------------------------------------------------------------
    def child_deaths(self) -> None:
        sizes, rng = self.sizes, self.rng
        cdop = self._actor(self.cdop)
        categories = list(DeathCategory.objects.order_by("number"))
        dob_hash = keyed_hasher(purpose="child_death_dob")
        name_dob_hash = keyed_hasher(purpose="child_death_name_dob")
        next_number: dict[int, int] = {}
        notifications: list[ChildDeathNotification] = []
        last_death = self.today - timedelta(days=7)
        span = (last_death - self.start).days
        for index in range(sizes.child_deaths):
            died = self.start + timedelta(days=int(span * (index + 0.5) / sizes.child_deaths))
            age_days = rng.choice([rng.randint(0, 27), rng.randint(28, 364)]) if (
                index % 2
            ) else rng.randint(365, 17 * 365)
            born = died - timedelta(days=age_days)
            band = identity.age_band(born, died)
            assert band is not None
            notified = min(died + timedelta(days=rng.randint(0, 3)), self.today)
            year = notified.year
            if year not in next_number:
                last = (
                    ChildDeathNotification.objects.filter(reference__startswith=f"CDOP-{year}-")
                    .order_by("-reference")
                    .values_list("reference", flat=True)
                    .first()
                )
                next_number[year] = int(last.rsplit("-", 1)[1]) + 1 if last else 1
            reference = f"CDOP-{year}-{next_number[year]:04d}"
            next_number[year] += 1
            age = (self.today - died).days
            if age > 365:
                status = ChildDeathNotification.Status.REVIEWED
            elif age > 180:
                status = ChildDeathNotification.Status.AWAITING_PANEL
            elif age > 30:
                status = ChildDeathNotification.Status.GATHERING
            else:
                status = ChildDeathNotification.Status.NOTIFIED
            name = f"Child {index + 1:05d}"
            dob = born.isoformat()
            notifications.append(
                ChildDeathNotification(
                    reference=reference,
                    child_name=name,
                    date_of_birth_text=dob,
                    date_of_birth_hash=dob_hash(dob),
                    name_dob_hash=name_dob_hash(f"{identity.name_normalise(name)}|{dob}"),
                    sex=rng.choice(
                        [ChildDeathNotification.Sex.FEMALE, ChildDeathNotification.Sex.MALE]
                    ),
                    date_of_death=died,
                    place_of_death=rng.choice(ChildDeathNotification.PlaceOfDeath.values),
                    age_at_death_days=age_days,
                    age_band=band,
                    expectation=rng.choice(ChildDeathNotification.Expectation.values),
                    residence_area=self.areas[index % len(self.areas)],
                    notified_on=notified,
                    notified_by="Synthetic notifier, ward sister",
                    status=status,
                )
            )
        made = ChildDeathNotification.objects.bulk_create(notifications, batch_size=BATCH)
        reviews: list[PanelReview] = []
        for notification in made:
            self._event(
                _at(notification.notified_on, 12),
                death_verbs.CHILD_DEATH_NOTIFIED,
                ChildDeathNotification,
                notification.pk,
                actor=cdop,
                label=notification.activity_label,
            )
            if notification.status == ChildDeathNotification.Status.REVIEWED:
                completed = min(
                    notification.date_of_death + timedelta(days=rng.randint(120, 360)),
                    self.today,
                )
                modifiable = rng.choice(
                    [PanelReview.Modifiable.YES, *[PanelReview.Modifiable.NO] * 2]
                )
                reviews.append(
                    PanelReview(
                        notification=notification,
                        category=rng.choice(categories) if categories else None,
                        modifiable=modifiable,
                        modifiable_factors=(
                            "Synthetic modifiable factor." if modifiable == "yes" else ""
                        ),
                        completed_on=completed,
                    )
                )
        made_reviews = PanelReview.objects.bulk_create(reviews, batch_size=BATCH)
        for review in made_reviews:
            assert review.completed_on is not None
            self._event(
                _at(review.completed_on, 16),
                death_verbs.PANEL_REVIEW_COMPLETED,
                PanelReview,
                review.pk,
                actor=cdop,
                label=f"Panel review {review.pk}",
            )
        self.notified = sorted((n.notified_on, n.pk, n.reference) for n in made)
        self._say(f"Child deaths: {len(made)}, completed panel reviews: {len(made_reviews)}")

    # --- the activity log ---------------------------------------------------------------
    def _filler(self, count: int) -> Iterator[EventSpec]:
        """`count` sign-ins by the volume's people and views of child death cases (by the CDOP
        manager), evenly over the period, in time order."""
        rng = random.Random(SEED + 1)  # noqa: S311 - synthetic data
        first = _at(self.start, 12)
        seconds = int((_at(self.last_event_day, 23, 0) - first).total_seconds())
        cdop = self._actor(self.cdop)
        days = [day for day, _pk, _ref in self.notified]
        people = self.people_ids
        for index in range(count):
            when = first + timedelta(seconds=seconds * index // max(count, 1))
            known = bisect_right(days, when.date())
            if index % 5 < 2 and known:
                _day, pk, reference = self.notified[rng.randrange(known)]
                yield EventSpec(
                    occurred_at=when,
                    verb=log_verbs.VIEWED,
                    kind=ActivityEvent.Kind.VIEW,
                    actor_id=cdop[0],
                    actor_label=cdop[1],
                    target_type_id=self.types[ChildDeathNotification],
                    target_id=str(pk),
                    target_label=f"Child death notification {reference}",
                )
            else:
                person = people[rng.randrange(len(people))]
                yield EventSpec(
                    occurred_at=when,
                    verb=log_verbs.SIGNED_IN,
                    kind=ActivityEvent.Kind.ACCESS,
                    actor_id=person,
                    actor_label=self.emails[person],
                )

    def activity_log(self) -> int:
        """Append every record's event and the filler, in time order, then the marker."""
        records = sorted(self.events, key=lambda spec: spec.occurred_at)
        filler = max(self.sizes.events - len(records) - 1, 0)
        ordered = heapq.merge(records, self._filler(filler), key=lambda spec: spec.occurred_at)
        appended = events_append(ordered)
        appended += events_append(
            [
                EventSpec(
                    occurred_at=self.now,
                    verb=MARKER_VERB,
                    data={"scale_events": self.sizes.events, "years": self.years},
                )
            ]
        )
        self._say(f"Activity events appended: {appended}")
        return appended
