"""The records behind the training figures of the annual report (the contract is in
core/provenance.py). Sessions and bookings come from the same queries reporting.py counts
(`delivered_sessions`, `attended_bookings`), so each list's length is its figure.

Sessions name no one: staff, the read-only roles and agency leads see them. Bookings,
evaluations and certificates name people: partnership staff see all, an agency's safeguarding
lead sees their own agency's staff only, and the read-only roles (who see de-identified
summaries, docs/roles.md) get 404, as does everyone else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.urls import reverse

from safeguarding.core.dates import format_date
from safeguarding.core.provenance import Column, RecordList, Records
from safeguarding.core.years import ReportingYear
from safeguarding.training import permissions
from safeguarding.training.models import (
    Certificate,
    Course,
    CourseValidation,
    Evaluation,
    TrainingBooking,
    TrainingSession,
)
from safeguarding.training.reporting import attended_bookings, delivered_sessions

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


def _may_see_sessions(user: User) -> bool:
    return permissions.can_view_training_management(user) or bool(user.lead_agency_ids)


def _may_see_people(user: User) -> bool:
    return permissions.can_manage_training(user) or bool(user.lead_agency_ids)


def _agency_scope(field: str) -> Any:
    def scope(user: User, records: QuerySet[Any]) -> QuerySet[Any]:
        if permissions.can_manage_training(user):
            return records
        return records.filter(**{f"{field}__in": user.lead_agency_ids})

    return scope


def sessions(year: ReportingYear) -> QuerySet[TrainingSession]:
    return delivered_sessions(year).select_related("course").order_by("starts_at", "id")


def webinars(year: ReportingYear) -> QuerySet[TrainingSession]:
    return sessions(year).filter(course__format=Course.Format.LIVE_WEBINAR)


def bookings(year: ReportingYear) -> QuerySet[TrainingBooking]:
    return (
        attended_bookings(year)
        .select_related("learner", "agency", "session__course")
        .order_by("session__starts_at", "learner__full_name", "id")
    )


def webinar_bookings(year: ReportingYear) -> QuerySet[TrainingBooking]:
    return bookings(year).filter(session__course__format=Course.Format.LIVE_WEBINAR)


def evaluations(year: ReportingYear) -> QuerySet[Evaluation]:
    return (
        Evaluation.objects.filter(booking__in=attended_bookings(year))
        .select_related("booking__learner", "booking__agency", "booking__session__course")
        .order_by("booking__session__starts_at", "id")
    )


def certificates(year: ReportingYear) -> QuerySet[Certificate]:
    issued = Q(issued_at__date__gte=year.start, issued_at__date__lte=year.end)
    return Certificate.objects.filter(issued).select_related("learner").order_by("issued_at", "id")


def validations(year: ReportingYear) -> QuerySet[CourseValidation]:
    return (
        CourseValidation.objects.filter(
            validated_on__gte=year.start,
            validated_on__lte=year.end,
            status=CourseValidation.Status.VALIDATED,
        )
        .select_related("agency")
        .order_by("validated_on", "id")
    )


def _person(learner: Any) -> str:
    """The person's name; attendance kept from a paper register names no one."""
    return learner.display_name if learner is not None else "Not recorded (paper register)"


SESSION_COLUMNS = (
    Column("Course", lambda s: s.course.title),
    Column("Starts", lambda s: format_date(s.starts_at)),
    Column("Places", lambda s: s.capacity),
)
BOOKING_COLUMNS = (
    Column("Person", lambda b: _person(b.learner)),
    Column("Agency", lambda b: b.agency.name if b.agency else ""),
    Column("Course", lambda b: b.session.course.title),
    Column("Session", lambda b: format_date(b.session.starts_at)),
)
EVALUATION_COLUMNS = (
    Column("Person", lambda e: _person(e.booking.learner)),
    Column("Agency", lambda e: e.booking.agency.name if e.booking.agency else ""),
    Column("Course", lambda e: e.booking.session.course.title),
    Column("Rating", lambda e: e.rating),
)


def _session_list(records: Records) -> RecordList:
    return RecordList(
        noun="training sessions",
        records=records,
        allowed=_may_see_sessions,
        columns=SESSION_COLUMNS,
        link=lambda s: reverse("training:session_detail", args=[s.pk]),
    )


def _booking_list(records: Records) -> RecordList:
    return RecordList(
        noun="attendances",
        records=records,
        allowed=_may_see_people,
        scope=_agency_scope("agency_id"),
        columns=BOOKING_COLUMNS,
    )


RECORDS: dict[str, RecordList] = {
    "training.sessions_delivered": _session_list(sessions),
    "training.webinar_sessions": _session_list(webinars),
    "training.attended": _booking_list(bookings),
    "training.webinar_attended": _booking_list(webinar_bookings),
    "training.evaluations": RecordList(
        noun="evaluations",
        records=evaluations,
        allowed=_may_see_people,
        scope=_agency_scope("booking__agency_id"),
        columns=EVALUATION_COLUMNS,
    ),
    "training.certificates_issued": RecordList(
        noun="certificates",
        records=certificates,
        allowed=permissions.can_manage_training,
        columns=(
            Column("Certificate", lambda c: c.title),
            Column("Person", lambda c: _person(c.learner)),
            Column("Issued", lambda c: format_date(c.issued_at)),
        ),
    ),
    "training.courses_validated": RecordList(
        noun="validated courses",
        records=validations,
        allowed=permissions.can_view_validations,
        scope=lambda user, records: (
            records
            if permissions.can_view_training_management(user)
            else records.filter(agency_id__in=user.lead_agency_ids)
        ),
        columns=(
            Column("Course", lambda v: v.title),
            Column("Agency", lambda v: v.agency.name),
            Column("Validated", lambda v: format_date(v.validated_on)),
        ),
        link=lambda v: reverse("training:validation_detail", args=[v.pk]),
    ),
}
