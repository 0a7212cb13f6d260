"""Training's evidence for the priorities plan (governance's registry): courses and sessions.

Figures, counted from the records:
* sessions held: sessions not cancelled that have started (`TrainingSession.state_label`
  "Held": a session counts as held from its start time);
* attendances: bookings marked attended on those sessions (paper-register rows with no
  learner count too: they are attendance). A person who attended twice counts twice: this is
  not the report's "people trained" (distinct people in a year, briefings included, from
  `training.reporting.people_trained_on_priority`), and is named differently so that the two
  are never read as one figure;
* evaluations: evaluations given for those bookings.

A course whose `priority` field names the priority counts for it without an evidence link
(`for_priority`). Link a course or some of its sessions, not both: the two kinds' figures are
added up by label on the priority page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from safeguarding.governance import evidence
from safeguarding.training.models import Course, Evaluation, TrainingBooking, TrainingSession


def _session_figures(sessions: QuerySet[TrainingSession]) -> list[evidence.Figure]:
    held = sessions.exclude(status=TrainingSession.Status.CANCELLED).filter(
        starts_at__lte=timezone.now()
    )
    return [
        evidence.Figure("sessions held", held.count()),
        evidence.Figure(
            "attendances",
            TrainingBooking.objects.filter(
                session__in=sessions, attendance=TrainingBooking.Attendance.ATTENDED
            ).count(),
        ),
        evidence.Figure(
            "evaluations", Evaluation.objects.filter(booking__session__in=sessions).count()
        ),
    ]


def course_figures(courses: Sequence[Any]) -> list[evidence.Figure]:
    sessions = TrainingSession.objects.filter(course__in=[course.pk for course in courses])
    return [evidence.Figure("courses", len(courses)), *_session_figures(sessions)]


def session_figures(sessions: Sequence[Any]) -> list[evidence.Figure]:
    return _session_figures(
        TrainingSession.objects.filter(pk__in=[session.pk for session in sessions])
    )


def register() -> None:
    evidence.register(
        "training.course",
        "Training courses",
        course_figures,
        url=lambda course: reverse("training:course_detail", args=[course.pk]),
        for_priority=lambda priority: Course.objects.filter(priority=priority).order_by("title"),
        for_priority_note="the course's priority",
        describe=lambda course: f"Course: {course.title}",
    )
    evidence.register(
        "training.trainingsession",
        "Training sessions",
        session_figures,
        url=lambda session: reverse("training:session_detail", args=[session.pk]),
        prepare=lambda sessions: sessions.select_related("course"),
        describe=lambda session: f"Session: {session}",
    )
