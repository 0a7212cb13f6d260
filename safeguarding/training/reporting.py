"""Annual report figures for multi-agency training, computed from records every time.

A session is "delivered" in a year when it was not cancelled and started within the year;
"people attending" counts attendance records marked attended on those sessions.

"People trained on a priority" (`by_priority`, one row per partnership priority overlapping
the year) counts distinct people who, in the year, attended a delivered session of a course
linked to the priority (the course's own priority, or a course or session linked to it as
evidence in governance), or completed a briefing whose priority it is. A person counts once
however many sessions and briefings; attendance from paper registers (no learner recorded)
identifies nobody, so each such row counts as one person. The annual report's figure "people
trained on exploitation" is the row of the exploitation priority.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet, Sum

from safeguarding.core.reporting import ReportSection, percent
from safeguarding.core.years import ReportingYear
from safeguarding.governance.models import EvidenceLink
from safeguarding.partnership.models import Agency, Priority
from safeguarding.training.models import (
    BriefingCompletion,
    BriefingDailyViews,
    Certificate,
    Course,
    CourseValidation,
    Evaluation,
    ImpactResponse,
    TrainingBooking,
    TrainingSession,
)


@dataclass(frozen=True)
class Tally:
    label: str
    count: int


@dataclass(frozen=True)
class WebinarFigures:
    sessions: int
    first: date | None
    last: date | None
    attended: int
    capacity_steps: list[int]


@dataclass(frozen=True)
class EvaluationFigures:
    responses: int
    met_needs: int
    delivery_right: int
    met_needs_percent: int | None
    delivery_right_percent: int | None
    average_rating: float | None


@dataclass(frozen=True)
class ImpactFigures:
    responses: int
    practice_changed: int
    practice_changed_percent: int | None
    quotes: list[str]


@dataclass(frozen=True)
class ValidationFigures:
    courses: int
    agencies: list[Tally]


@dataclass(frozen=True)
class PriorityTrained:
    number: int
    title: str
    people: int


@dataclass(frozen=True)
class TrainingFigures:
    year: ReportingYear
    sessions_by_format: list[Tally]
    sessions_delivered: int
    places_offered: int
    attended: int
    attended_by_agency: list[Tally]
    attended_by_sector: list[Tally]
    webinars: WebinarFigures
    evaluation: EvaluationFigures
    briefing_views: int
    briefing_completions: int
    certificates_issued: int
    validation: ValidationFigures
    impact: ImpactFigures
    by_priority: list[PriorityTrained]

    def people_trained_on(self, number: int) -> int | None:
        """People trained on priority `number` in the year (None: no such priority)."""
        row = next((row for row in self.by_priority if row.number == number), None)
        return row.people if row else None


def _in_year(year: ReportingYear, field: str) -> Q:
    return Q(**{f"{field}__date__gte": year.start, f"{field}__date__lte": year.end})


def delivered_sessions(year: ReportingYear) -> QuerySet[TrainingSession]:
    return TrainingSession.objects.filter(
        _in_year(year, "starts_at"), status=TrainingSession.Status.SCHEDULED
    )


def attended_bookings(year: ReportingYear) -> QuerySet[TrainingBooking]:
    return TrainingBooking.objects.filter(
        attendance=TrainingBooking.Attendance.ATTENDED,
        session__in=delivered_sessions(year),
    )


def _capacity_steps(sessions: list[TrainingSession]) -> list[int]:
    steps: list[int] = []
    for session in sessions:
        if not steps or session.capacity > steps[-1]:
            steps.append(session.capacity)
    return steps


def webinar_figures(year: ReportingYear) -> WebinarFigures:
    webinars = list(
        delivered_sessions(year)
        .filter(course__format=Course.Format.LIVE_WEBINAR)
        .order_by("starts_at")
    )
    attended = attended_bookings(year).filter(session__in=[s.pk for s in webinars]).count()
    return WebinarFigures(
        sessions=len(webinars),
        first=webinars[0].starts_at.date() if webinars else None,
        last=webinars[-1].starts_at.date() if webinars else None,
        attended=attended,
        capacity_steps=_capacity_steps(webinars),
    )


def evaluation_figures(year: ReportingYear) -> EvaluationFigures:
    evaluations = Evaluation.objects.filter(booking__in=attended_bookings(year))
    totals = evaluations.aggregate(
        n=Count("id"),
        met=Count("id", filter=Q(met_needs=True)),
        right=Count("id", filter=Q(delivery_right=True)),
        rating_sum=Sum("rating"),
    )
    n = totals["n"]
    return EvaluationFigures(
        responses=n,
        met_needs=totals["met"],
        delivery_right=totals["right"],
        met_needs_percent=percent(totals["met"], n),
        delivery_right_percent=percent(totals["right"], n),
        average_rating=round(totals["rating_sum"] / n, 1) if n else None,
    )


def impact_figures(year: ReportingYear) -> ImpactFigures:
    responses = ImpactResponse.objects.filter(booking__in=attended_bookings(year))
    n = responses.count()
    changed = responses.filter(practice_changed=True).count()
    quotes = list(
        responses.filter(practice_changed=True)
        .exclude(how="")
        .order_by("submitted_at", "id")
        .values_list("how", flat=True)[:4]
    )
    return ImpactFigures(
        responses=n,
        practice_changed=changed,
        practice_changed_percent=percent(changed, n),
        quotes=quotes,
    )


def validation_figures(year: ReportingYear) -> ValidationFigures:
    validated = CourseValidation.objects.filter(
        validated_on__gte=year.start,
        validated_on__lte=year.end,
        status=CourseValidation.Status.VALIDATED,
    )
    by_agency = validated.values("agency__name").annotate(n=Count("id")).order_by("agency__name")
    return ValidationFigures(
        courses=validated.count(),
        agencies=[Tally(row["agency__name"], row["n"]) for row in by_agency],
    )


def _linked_ids(priority: Priority, model: type[Course] | type[TrainingSession]) -> QuerySet[Any]:
    return EvidenceLink.objects.filter(
        priority=priority, record_type=ContentType.objects.get_for_model(model)
    ).values("record_id")


def people_trained_on_priority(year: ReportingYear, priority: Priority) -> int:
    """Distinct people trained on the priority in the year (see the module docstring)."""
    courses = Course.objects.filter(Q(priority=priority) | Q(pk__in=_linked_ids(priority, Course)))
    attended = attended_bookings(year).filter(
        Q(session__course__in=courses) | Q(session__in=_linked_ids(priority, TrainingSession))
    )
    learners = set(attended.filter(learner__isnull=False).values_list("learner_id", flat=True))
    completed = BriefingCompletion.objects.filter(
        _in_year(year, "completed_at"), briefing__priority=priority
    )
    learners |= set(completed.values_list("learner_id", flat=True))
    return len(learners) + attended.filter(learner__isnull=True).count()


def people_trained_by_priority(year: ReportingYear) -> list[PriorityTrained]:
    priorities = Priority.objects.filter(
        period_start__lte=year.end, period_end__gte=year.start
    ).order_by("number", "period_start")
    return [
        PriorityTrained(p.number, p.title, people_trained_on_priority(year, p)) for p in priorities
    ]


def report_figures(year: ReportingYear) -> TrainingFigures:
    sessions = delivered_sessions(year)
    formats = dict(Course.Format.choices)
    by_format = (
        sessions.values("course__format").annotate(n=Count("id")).order_by("course__format")
    )
    attended = attended_bookings(year)
    by_agency = (
        attended.values("agency__name").annotate(n=Count("id")).order_by("-n", "agency__name")
    )
    sectors = dict(Agency.Sector.choices)
    by_sector = attended.values("agency__sector").annotate(n=Count("id")).order_by("-n")
    return TrainingFigures(
        year=year,
        sessions_by_format=[
            Tally(str(formats.get(row["course__format"], row["course__format"])), row["n"])
            for row in by_format
        ],
        sessions_delivered=sessions.count(),
        places_offered=sessions.aggregate(total=Sum("capacity"))["total"] or 0,
        attended=attended.count(),
        attended_by_agency=[Tally(row["agency__name"], row["n"]) for row in by_agency],
        attended_by_sector=[
            Tally(str(sectors.get(row["agency__sector"], row["agency__sector"])), row["n"])
            for row in by_sector
        ],
        webinars=webinar_figures(year),
        evaluation=evaluation_figures(year),
        briefing_views=BriefingDailyViews.objects.filter(
            day__gte=year.start, day__lte=year.end
        ).aggregate(total=Sum("views"))["total"]
        or 0,
        briefing_completions=BriefingCompletion.objects.filter(
            _in_year(year, "completed_at")
        ).count(),
        certificates_issued=Certificate.objects.filter(_in_year(year, "issued_at")).count(),
        validation=validation_figures(year),
        impact=impact_figures(year),
        by_priority=people_trained_by_priority(year),
    )


def report_section(year: ReportingYear) -> ReportSection:
    return ReportSection(
        key="training",
        title="Multi-agency training",
        template="training/report_section.html",
        figures=report_figures(year),
    )
