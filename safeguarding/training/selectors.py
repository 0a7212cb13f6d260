"""Reads for training pages: the public catalogue, a person's own bookings, registers,
per-agency statements (scoped), validations, the needs survey summary and certificate checks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from safeguarding.accounts.models import User
from safeguarding.partnership.models import Agency, Priority
from safeguarding.training import permissions
from safeguarding.training.codes import CODE_LENGTH, normalise_code
from safeguarding.training.models import (
    Briefing,
    BriefingCompletion,
    Certificate,
    Course,
    CourseValidation,
    TrainingBooking,
    TrainingNeedsGap,
    TrainingNeedsSurvey,
    TrainingSession,
)

_HOLDS = Q(bookings__status__in=TrainingBooking.HOLDS_PLACE)


def _with_places(sessions: QuerySet[TrainingSession]) -> QuerySet[TrainingSession]:
    return sessions.annotate(taken=Count("bookings", filter=_HOLDS))


def course_list_public() -> QuerySet[Course]:
    now = timezone.now()
    upcoming = Q(sessions__starts_at__gt=now, sessions__status=TrainingSession.Status.SCHEDULED)
    return (
        Course.objects.filter(is_published=True)
        .select_related("priority")
        .annotate(upcoming_sessions=Count("sessions", filter=upcoming))
        .order_by("title")
    )


def course_get_public(*, pk: int) -> Course | None:
    return Course.objects.filter(pk=pk, is_published=True).select_related("priority").first()


def session_list_for_course(
    *, course: Course, upcoming_only: bool = True
) -> list[TrainingSession]:
    sessions = course.sessions.all()
    if upcoming_only:
        sessions = sessions.filter(starts_at__gt=timezone.now())
    return list(_with_places(sessions).select_related("course").order_by("starts_at"))


def session_list_past_for_course(*, course: Course) -> QuerySet[TrainingSession]:
    """The course's sessions that have started (held or cancelled), newest first."""
    return (
        _with_places(course.sessions.filter(starts_at__lte=timezone.now()))
        .select_related("course")
        .order_by("-starts_at", "-id")
    )


def session_get_public(*, pk: int) -> TrainingSession | None:
    return (
        _with_places(TrainingSession.objects.filter(pk=pk, course__is_published=True))
        .select_related("course")
        .first()
    )


def session_list_for_management() -> QuerySet[TrainingSession]:
    return _with_places(TrainingSession.objects.select_related("course", "trainer")).order_by(
        "-starts_at"
    )


def booking_for_learner(*, user: User, session: TrainingSession) -> TrainingBooking | None:
    if not user.is_authenticated:
        return None
    return TrainingBooking.objects.filter(session=session, learner=user).order_by("-id").first()


def booking_list_for_user(*, user: User) -> QuerySet[TrainingBooking]:
    """Only the person's own bookings."""
    return (
        TrainingBooking.objects.filter(learner=user)
        .select_related("session__course", "evaluation", "certificate", "impact_response")
        .order_by("-session__starts_at")
    )


def register_for_session(*, session: TrainingSession) -> QuerySet[TrainingBooking]:
    return (
        session.bookings.filter(
            status__in=(
                TrainingBooking.Status.CONFIRMED,
                TrainingBooking.Status.CANCELLED,
                TrainingBooking.Status.PENDING_APPROVAL,
            )
        )
        .exclude(
            status=TrainingBooking.Status.CANCELLED,
            attendance=TrainingBooking.Attendance.NOT_RECORDED,
        )
        .select_related("learner", "agency", "certificate")
        .order_by("learner__full_name", "id")
    )


def waitlist_for_session(*, session: TrainingSession) -> QuerySet[TrainingBooking]:
    return (
        session.bookings.filter(
            status__in=(TrainingBooking.Status.WAITLISTED, TrainingBooking.Status.OFFERED)
        )
        .select_related("learner", "agency")
        .order_by("waitlisted_at", "id")
    )


def approvals_pending_for_user(*, user: User) -> QuerySet[TrainingBooking]:
    qs = TrainingBooking.objects.filter(
        status=TrainingBooking.Status.PENDING_APPROVAL
    ).select_related("session__course", "learner", "agency")
    if permissions.can_view_training_people(user):
        return qs.order_by("session__starts_at")
    return qs.filter(agency_id__in=user.lead_agency_ids).order_by("session__starts_at")


# --- statements ------------------------------------------------------------------------


def agency_list_for_statements(*, user: User) -> QuerySet[Agency]:
    if permissions.can_view_training_people(user):
        return Agency.objects.filter(training_bookings__charge_pence__gt=0).distinct()
    return Agency.objects.filter(pk__in=user.lead_agency_ids)


@dataclass(frozen=True)
class Statement:
    agency: Agency
    start: date
    end: date
    rows: QuerySet[TrainingBooking]
    total_pence: int

    @property
    def total_pounds(self) -> str:
        return f"£{self.total_pence / 100:,.2f}"


def agency_statement(*, agency: Agency, start: date, end: date) -> Statement:
    """Non-attendance charges to an agency for sessions between start and end (inclusive): the
    rows unevaluated (a page of them is shown, all of them exported). Callers check
    permissions.can_view_agency_statement first."""
    rows = (
        TrainingBooking.objects.filter(
            agency=agency,
            charge_pence__gt=0,
            attendance__in=TrainingBooking.NON_ATTENDANCE,
            session__starts_at__date__gte=start,
            session__starts_at__date__lte=end,
        )
        .select_related("session__course", "learner")
        .order_by("session__starts_at", "id")
    )
    total = rows.aggregate(total=Sum("charge_pence"))["total"] or 0
    return Statement(agency=agency, start=start, end=end, rows=rows, total_pence=total)


# --- an agency's training (its safeguarding lead's page) ------------------------------------

# The lists on an agency's page, in the order of its tabs.
AGENCY_LISTS = {
    "upcoming": "Upcoming",
    "attended": "Attended",
    "did_not_attend": "Did not attend",
    "approvals": "Waiting for approval",
    "charges": "Charges",
}


def _agency_list_filter(show: str, *, start: date, end: date) -> Q:
    now = timezone.now()
    if show == "upcoming":
        return Q(
            status__in=(*TrainingBooking.HOLDS_PLACE, TrainingBooking.Status.WAITLISTED),
            session__starts_at__gt=now,
            session__status=TrainingSession.Status.SCHEDULED,
        )
    if show == "attended":
        return Q(attendance=TrainingBooking.Attendance.ATTENDED)
    if show == "did_not_attend":
        return Q(attendance__in=TrainingBooking.NON_ATTENDANCE)
    if show == "approvals":
        return Q(status=TrainingBooking.Status.PENDING_APPROVAL)
    if show == "charges":
        return Q(
            charge_pence__gt=0,
            attendance__in=TrainingBooking.NON_ATTENDANCE,
            session__starts_at__date__gte=start,
            session__starts_at__date__lte=end,
        )
    raise ValueError(show)


def agency_booking_list(
    *, agency: Agency, show: str, start: date, end: date
) -> QuerySet[TrainingBooking]:
    """One list of the agency page: `show` is a key of AGENCY_LISTS; charges are those of
    sessions between start and end. Callers check permissions.can_view_agency_training."""
    order = (
        ("session__starts_at", "id")
        if show in ("upcoming", "approvals")
        else (
            "-session__starts_at",
            "-id",
        )
    )
    return (
        TrainingBooking.objects.filter(
            _agency_list_filter(show, start=start, end=end), agency=agency
        )
        .select_related("session__course", "learner")
        .order_by(*order)
    )


def agency_booking_counts(*, agency: Agency, start: date, end: date) -> dict[str, int]:
    """How many bookings each list of the agency page holds, and the charges' total in pence
    (key "charges_pence"): one query."""
    figures = TrainingBooking.objects.filter(agency=agency).aggregate(
        **{
            show: Count("id", filter=_agency_list_filter(show, start=start, end=end))
            for show in AGENCY_LISTS
        },
        charges_pence=Sum(
            "charge_pence", filter=_agency_list_filter("charges", start=start, end=end)
        ),
    )
    return {key: value or 0 for key, value in figures.items()}


def agency_list_for_lead(*, user: User) -> QuerySet[Agency]:
    """The agencies whose lead the user is, each with `waiting`: bookings waiting for their
    approval (for the "My work" card)."""
    waiting = Q(training_bookings__status=TrainingBooking.Status.PENDING_APPROVAL)
    return (
        Agency.objects.filter(pk__in=user.lead_agency_ids)
        .annotate(waiting=Count("training_bookings", filter=waiting))
        .order_by("name")
    )


def agency_booking_export(*, agency: Agency) -> QuerySet[TrainingBooking]:
    """Every booking of the agency's staff, newest session first, for the export (iterate it
    with .iterator(): it may be large)."""
    return (
        TrainingBooking.objects.filter(agency=agency)
        .select_related("session__course", "learner")
        .order_by("-session__starts_at", "-id")
    )


# --- certificates ------------------------------------------------------------------------


def certificate_find(*, code: str) -> Certificate | None:
    """The certificate with this code (revoked or not), or None for a code never issued."""
    code = normalise_code(code)
    if len(code) != CODE_LENGTH:
        return None
    return Certificate.objects.filter(code=code).select_related("learner").first()


def briefing_certificate_list_for_user(*, user: User) -> QuerySet[Certificate]:
    """The person's own certificates for completed briefings (a session's is on its booking)."""
    return Certificate.objects.filter(learner=user, briefing_completion__isnull=False).order_by(
        "-issued_at"
    )


# --- briefings ---------------------------------------------------------------------------


def briefing_list_for_user(*, user: User) -> QuerySet[Briefing]:
    briefings = Briefing.objects.all()
    if not user.is_authenticated:
        briefings = briefings.filter(is_public=True)
    return briefings.order_by("-published_on", "title")


def briefing_completion_for(*, user: User, briefing: Briefing) -> BriefingCompletion | None:
    if not user.is_authenticated:
        return None
    return (
        BriefingCompletion.objects.filter(briefing=briefing, learner=user)
        .select_related("certificate")
        .first()
    )


# --- validation and needs ----------------------------------------------------------------


def validation_list_for_user(*, user: User, status: str = "") -> QuerySet[CourseValidation]:
    qs = CourseValidation.objects.select_related("agency")
    if not permissions.can_view_training_management(user):
        qs = qs.filter(agency_id__in=user.lead_agency_ids)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("agency__name", "-submitted_on")


@dataclass(frozen=True)
class PriorityNeeds:
    priority: Priority
    responses: int
    covered: int
    gaps: list[str]


def needs_summary(*, survey: TrainingNeedsSurvey) -> list[PriorityNeeds]:
    """Per priority: how many agencies answered, how many cover it, and the gaps they name."""
    summary: dict[int, PriorityNeeds] = {}
    gaps = (
        TrainingNeedsGap.objects.filter(response__survey=survey)
        .select_related("priority", "response__agency")
        .order_by("priority__number", "response__agency__name")
    )
    for gap in gaps:
        current = summary.get(gap.priority_id)
        texts = [*current.gaps] if current else []
        if gap.gap:
            texts.append(f"{gap.response.agency.name}: {gap.gap}")
        summary[gap.priority_id] = PriorityNeeds(
            priority=gap.priority,
            responses=(current.responses if current else 0) + 1,
            covered=(current.covered if current else 0) + int(gap.covered),
            gaps=texts,
        )
    return list(summary.values())


def needs_survey_list() -> QuerySet[TrainingNeedsSurvey]:
    return TrainingNeedsSurvey.objects.annotate(answered=Count("responses")).order_by("-opens_on")


def priority_list_for_needs_survey() -> list[Priority]:
    """The Board priorities an agency answers against: the current ones, or else the latest
    six."""
    today = timezone.localdate()
    current = Priority.objects.filter(period_start__lte=today, period_end__gte=today)
    return list(current.order_by("number")) or list(
        Priority.objects.order_by("-period_start", "number")[:6]
    )
