"""Growing the demo partnership: people, training, practice reviews with their action plans,
child deaths and the activity log, in bulk and deterministically (one seeded random.Random).

Every record is made through its model (bulk_create), with statuses that follow from its dates
as of today; every record gets the activity-log event its service would have recorded, and the
rest of the requested events are sign-ins and views of child death cases, so the log has the
requested size. All events are appended in time order after the demo's own.

Data returns for the most recent years (sizes.returns_years) are imported through the import
service (volume/returns.py). Not made: rapid reviews and serious incident notifications,
certificates, evaluations, meetings, learning points and assurance records.
"""

from __future__ import annotations

import heapq
import random
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

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
from safeguarding.activity_log.services import target_label
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
from safeguarding.demo.volume.returns import returns_import
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
    say: Callable[[str], object] | None = None
    rng: random.Random = field(default_factory=lambda: random.Random(SEED))  # noqa: S311 - synthetic data
    events: list[EventSpec] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.today = timezone.localdate()
        self.now = timezone.now().replace(microsecond=0)
        self.start = self.today - timedelta(days=365 * self.years)
        self.last_event_day = self.today - timedelta(days=1)
        self.joined = _at(self.start - timedelta(days=1), 9)
        self.types: dict[type[Model], int] = {
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
        if self.say is not None:
            self.say(text)

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

    def _row_event(
        self,
        when: datetime,
        verb: str,
        row: Model,
        *,
        actor: tuple[int | None, str] = (None, "system"),
        changes: dict[str, object] | None = None,
    ) -> None:
        """An event about a row just made, labelled as the activity log labels it."""
        self._event(
            when, verb, type(row), row.pk, actor=actor, label=target_label(row), changes=changes
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
        self.events_before = ActivityEvent.objects.count()
        learners = self.people()
        self.training(learners)
        self.practice_reviews()
        self.child_deaths()
        if self.sizes.returns_years:
            returns_import(years=self.sizes.returns_years, say=self.say)
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
        courses = self._courses()
        sessions = self._sessions(courses)
        bookings = self._bookings(sessions, learners)
        self._say(
            f"Training: {len(courses)} courses, {len(sessions)} sessions, {len(bookings)} bookings"
        )

    def _courses(self) -> list[Course]:
        courses = Course.objects.bulk_create(
            Course(
                title=f"Volume course {number:03d}",
                summary="A synthetic multi-agency course made by demo_volume.",
                audience="Practitioners in every agency",
                level=Course.Level.CORE,
                format=(Course.Format.FACE_TO_FACE if number % 3 else Course.Format.LIVE_WEBINAR),
            )
            for number in range(1, self.sizes.courses + 1)
        )
        for course in courses:
            self._row_event(
                _at(self.start, 8),
                training_verbs.COURSE_CREATED,
                course,
                actor=self._actor(self.officer),
            )
        return courses

    def _sessions(self, courses: list[Course]) -> list[TrainingSession]:
        """Evenly over the period and three months beyond it; one in twenty cancelled (a week
        before it was due, so only those whose week has come)."""
        sizes = self.sizes
        span = (self.today - self.start).days + 90
        capacity = sizes.bookings // sizes.sessions + 5
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
        officer = self._actor(self.officer)
        for session in made:
            self._row_event(
                self._session_opened(session),
                training_verbs.TRAINING_SESSION_CREATED,
                session,
                actor=officer,
            )
            if session.is_cancelled:
                self._row_event(
                    session.starts_at - timedelta(days=7),
                    training_verbs.TRAINING_SESSION_CANCELLED,
                    session,
                    actor=officer,
                )
        return made

    def _session_opened(self, session: TrainingSession) -> datetime:
        return max(session.starts_at - timedelta(days=60), self.joined + timedelta(hours=1))

    def _booking(
        self, session: TrainingSession, learner: int, agency: int
    ) -> tuple[TrainingBooking, datetime]:
        """One booking and when it was made. Cancelled sessions cancelled every booking; 8% of
        the others were cancelled by the learner; held sessions have their register marked
        (90% attended)."""
        rng = self.rng
        opened = self._session_opened(session)
        latest = self.now - timedelta(days=2)
        booked_at = opened + (session.starts_at - opened) * (0.9 * rng.random())
        booked_at = min(booked_at.replace(microsecond=0), latest)
        booking = TrainingBooking(
            session=session,
            learner_id=learner,
            agency_id=agency,
            status=TrainingBooking.Status.CONFIRMED,
        )
        if session.is_cancelled:
            booking.status = TrainingBooking.Status.CANCELLED
            booking.cancelled_at = session.starts_at - timedelta(days=7)
        elif rng.random() < 0.08:
            booking.status = TrainingBooking.Status.CANCELLED
            booking.cancelled_at = min(booked_at + timedelta(days=3), latest + timedelta(days=1))
        elif session.starts_at <= self.now:
            booking.attendance = (
                TrainingBooking.Attendance.ATTENDED
                if rng.random() < 0.9
                else TrainingBooking.Attendance.NO_SHOW
            )
        return booking, booked_at

    def _bookings(
        self, sessions: list[TrainingSession], learners: list[tuple[int, int]]
    ) -> list[TrainingBooking]:
        per_session, extra = divmod(self.sizes.bookings, self.sizes.sessions)
        bookings: list[TrainingBooking] = []
        booked: list[datetime] = []
        for index, session in enumerate(sessions):
            count = per_session + (1 if index < extra else 0)
            for learner, agency in self.rng.sample(learners, count):
                booking, booked_at = self._booking(session, learner, agency)
                bookings.append(booking)
                booked.append(booked_at)
        made = TrainingBooking.objects.bulk_create(bookings, batch_size=BATCH)
        officer = self._actor(self.officer)
        for booking, booked_at in zip(made, booked, strict=True):
            assert booking.learner_id is not None
            learner_actor = (booking.learner_id, self.emails[booking.learner_id])
            self._row_event(
                booked_at, training_verbs.BOOKING_CONFIRMED, booking, actor=learner_actor
            )
            if booking.cancelled_at is not None:
                self._row_event(
                    booking.cancelled_at,
                    training_verbs.BOOKING_CANCELLED,
                    booking,
                    actor=learner_actor,
                )
            elif booking.attendance:
                self._row_event(
                    booking.session.starts_at + timedelta(hours=4),
                    training_verbs.ATTENDANCE_MARKED,
                    booking,
                    actor=officer,
                    changes={"attendance": {"before": "", "after": booking.attendance}},
                )
        return made

    # --- practice reviews and their action plans ----------------------------------------
    def practice_reviews(self) -> None:
        reviews = PracticeReview.objects.bulk_create(
            [self._review(index) for index in range(self.sizes.practice_reviews)],
            batch_size=BATCH,
        )
        officer = self._actor(self.officer)
        plans = ActionPlan.objects.bulk_create(
            [
                ActionPlan(
                    source_type_id=self.types[PracticeReview],
                    source_id=review.pk,
                    title=f"{review.get_kind_display()} {review.title}: action plan",
                    review_every_months=3,
                    last_reviewed_on=self._plan_reviewed(review),
                    next_review_due=add_months(self._plan_reviewed(review), 3),
                    created_by_id=officer[0],
                )
                for review in reviews
            ],
            batch_size=BATCH,
        )
        actions: list[Action] = []
        for review, plan in zip(reviews, plans, strict=True):
            self._review_events(review)
            self._row_event(
                _at(review.commissioned_on, 11),
                action_verbs.ACTION_PLAN_CREATED,
                plan,
                actor=officer,
            )
            actions.extend(
                self._action(review, plan, number)
                for number in range(1, self.sizes.actions_per_review + 1)
            )
        made = Action.objects.bulk_create(actions, batch_size=BATCH)
        for action in made:
            self._row_event(
                _at(action.due_date - timedelta(days=45 * action.number), 11, 30),
                action_verbs.ACTION_CREATED,
                action,
                actor=officer,
            )
            if action.completed_on is not None:
                self._row_event(
                    _at(action.completed_on, 15),
                    action_verbs.ACTION_PROGRESS_ADDED,
                    action,
                    actor=officer,
                    changes={"status": {"before": "on_track", "after": "complete"}},
                )
        self._say(
            f"Practice reviews: {len(reviews)}, action plans: {len(plans)}, actions: {len(made)}"
        )

    def _plan_reviewed(self, review: PracticeReview) -> date:
        return min(review.commissioned_on + timedelta(days=90), self.today)

    def _review(self, index: int) -> PracticeReview:
        """Evenly over the period: decided, commissioned two weeks later, due six months after
        that; signed off on the target date (seven in ten then published) once two months past
        it, in progress after a month, else just commissioned."""
        decided = self._day((index + 0.5) / self.sizes.practice_reviews)
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
            status=PracticeReview.Status.COMMISSIONED,
        )
        if target + timedelta(days=60) < self.today:
            review.report_received_on = target - timedelta(days=30)
            review.signed_off_on = target
            review.status = PracticeReview.Status.SIGNED_OFF
            if index % 10 < 7:
                review.status = PracticeReview.Status.PUBLISHED
                review.advance_copy_sent_on = target + timedelta(days=10)
                review.published_on = target + timedelta(days=40)
        elif commissioned + timedelta(days=30) < self.today:
            review.status = PracticeReview.Status.IN_PROGRESS
        return review

    def _review_events(self, review: PracticeReview) -> None:
        officer = self._actor(self.officer)
        for day, verb in (
            (review.decided_on, review_verbs.PRACTICE_REVIEW_COMMISSIONED),
            (review.signed_off_on, review_verbs.PRACTICE_REVIEW_SIGNED_OFF),
            (review.published_on, review_verbs.PRACTICE_REVIEW_PUBLISHED),
        ):
            if day is not None:
                self._row_event(_at(day), verb, review, actor=officer)

    def _action(self, review: PracticeReview, plan: ActionPlan, number: int) -> Action:
        """Due every 45 days from commissioning; four in five of those past due are complete
        (within 20 days of the due date), the rest at risk or overdue; future ones not started,
        on track or at risk."""
        rng = self.rng
        due = review.commissioned_on + timedelta(days=45 * number)
        action = Action(
            plan=plan,
            number=number,
            description=f"Synthetic action {number} of {review.title}.",
            success_measure="Audit shows the change in practice.",
            owner_agency=self.agencies[rng.randrange(len(self.agencies))],
            due_date=due,
            original_due_date=due,
        )
        if due < self.today and rng.random() < 0.8:
            action.status = Action.Status.COMPLETE
            completed = min(due + timedelta(days=rng.randint(-20, 20)), self.today)
            action.completed_on = max(completed, review.commissioned_on)
        elif due < self.today:
            action.status = rng.choice([Action.Status.AT_RISK, Action.Status.OVERDUE])
        else:
            action.status = rng.choice(
                [Action.Status.NOT_STARTED, Action.Status.ON_TRACK, Action.Status.AT_RISK]
            )
        return action

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
            age_days = (
                rng.choice([rng.randint(0, 27), rng.randint(28, 364)])
                if (index % 2)
                else rng.randint(365, 17 * 365)
            )
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
            self._row_event(
                _at(notification.notified_on, 12),
                death_verbs.CHILD_DEATH_NOTIFIED,
                notification,
                actor=cdop,
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
        # The imports have recorded their own events already: they count towards the size.
        imported = ActivityEvent.objects.count() - self.events_before
        filler = max(self.sizes.events - imported - len(records) - 1, 0)
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
        self._say(f"Activity events appended: {appended + imported}")
        return appended + imported
