"""The catalogue (courses and sessions), virtual briefings, single-agency course validation and
the training needs survey."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from safeguarding.accounts.models import RoleAssignment, User
from safeguarding.accounts.roles import Role
from safeguarding.activity_log.services import event_record, tracked_create, tracked_update
from safeguarding.core.emails import email_send
from safeguarding.partnership.models import Agency, Priority
from safeguarding.training import config
from safeguarding.training.models import (
    Briefing,
    BriefingCompletion,
    BriefingDailyViews,
    Course,
    CourseValidation,
    TrainingNeedsGap,
    TrainingNeedsResponse,
    TrainingNeedsSurvey,
    TrainingSession,
)
from safeguarding.training.services.outcomes import _certificate_issue

# The partnership's checklist for validating single-agency safeguarding training.
VALIDATION_CHECKLIST: list[tuple[str, str]] = [
    ("procedures", "Reflects the partnership's current safeguarding procedures"),
    ("priorities", "Covers the Board's priorities relevant to the audience"),
    ("learning", "Includes learning from local and national case reviews"),
    ("escalation", "Explains resolving professional differences (escalation)"),
    ("voice", "Keeps the lived experience and voice of the child central"),
    ("trainer", "The trainer has the knowledge and experience to deliver it"),
]


def course_create(*, actor: User | None, **data: Any) -> Course:
    course = tracked_create(actor=actor, model=Course, data=data, verb="training.course.created")
    assert isinstance(course, Course)
    return course


def course_update(
    *, actor: User, course: Course, expected_version: int | None, **data: Any
) -> Course:
    tracked_update(
        actor=actor,
        obj=course,
        data=data,
        verb="training.course.updated",
        expected_version=expected_version,
    )
    return course


def session_create(*, actor: User | None, course: Course, **data: Any) -> TrainingSession:
    session = tracked_create(
        actor=actor,
        model=TrainingSession,
        data={"course": course, **data},
        verb="training.session.created",
    )
    assert isinstance(session, TrainingSession)
    return session


# --- briefings -----------------------------------------------------------------------


def briefing_create(*, actor: User | None, **data: Any) -> Briefing:
    briefing = tracked_create(
        actor=actor, model=Briefing, data=data, verb="training.briefing.created"
    )
    assert isinstance(briefing, Briefing)
    return briefing


def briefing_view_count(*, briefing: Briefing, day: date | None = None, views: int = 1) -> None:
    """Count views of a briefing (anonymous ones too): one counter row per briefing and day.
    Not an activity-log event: it records no person, only a number."""
    day = day or timezone.localdate()
    updated = BriefingDailyViews.objects.filter(briefing=briefing, day=day).update(
        views=F("views") + views
    )
    if updated:
        return
    try:
        with transaction.atomic():
            BriefingDailyViews.objects.create(briefing=briefing, day=day, views=views)
    except IntegrityError:  # another request created today's row first
        BriefingDailyViews.objects.filter(briefing=briefing, day=day).update(
            views=F("views") + views
        )


def briefing_check_wrong(briefing: Briefing, answers: dict[str, str]) -> list[int]:
    """Numbers (1-based) of the check questions answered wrongly."""
    wrong = []
    for index, question in enumerate(briefing.check_questions, start=1):
        if answers.get(f"q{index}") != question.get("answer"):
            wrong.append(index)
    return wrong


@transaction.atomic
def briefing_complete(
    *,
    actor: User,
    briefing: Briefing,
    answers: dict[str, str],
    rating: int | None,
    feedback: str = "",
) -> BriefingCompletion:
    """Mark a briefing complete once its check questions are answered correctly; issues the
    completion certificate."""
    if BriefingCompletion.objects.filter(briefing=briefing, learner=actor).exists():
        raise ValidationError("You have already completed this briefing.")
    wrong = briefing_check_wrong(briefing, answers)
    if wrong:
        numbers = ", ".join(str(n) for n in wrong)
        raise ValidationError(f"Check your answer to question {numbers} and try again.")
    completion = BriefingCompletion(
        briefing=briefing,
        learner=actor,
        completed_at=timezone.now(),
        answers=answers,
        rating=rating,
        feedback=feedback.strip(),
    )
    completion.full_clean()
    completion.save()
    event_record(actor=actor, verb="training.briefing.completed", target=completion)
    _certificate_issue(
        actor=actor,
        learner=actor,
        completion=completion,
        title=briefing.title,
        completed_on=timezone.localdate(),
    )
    return completion


# --- single-agency course validation -------------------------------------------------


def validation_submit(*, actor: User | None, agency: Agency, **data: Any) -> CourseValidation:
    data = {
        "agency": agency,
        "submitted_by": actor,
        "submitted_on": data.pop("submitted_on", None) or timezone.localdate(),
        **data,
    }
    validation = tracked_create(
        actor=actor, model=CourseValidation, data=data, verb="training.validation.submitted"
    )
    assert isinstance(validation, CourseValidation)
    return validation


@transaction.atomic
def validation_review(
    *,
    actor: User | None,
    validation: CourseValidation,
    checklist: dict[str, bool],
    notes: str,
    decision: str,
    expires_on: date | None,
    expected_version: int | None,
    validated_on: date | None = None,
) -> CourseValidation:
    """The reviewer records the checklist and either asks for changes or validates the course
    with an expiry date. Validation needs every checklist item met."""
    status = CourseValidation.Status
    if decision == status.VALIDATED:
        unmet = [label for key, label in VALIDATION_CHECKLIST if not checklist.get(key)]
        if unmet:
            raise ValidationError(
                "Every checklist item must be met to validate the course. Not yet met: "
                + "; ".join(unmet)
                + "."
            )
        if expires_on is None:
            raise ValidationError({"expires_on": "Enter when the validation expires."})
        data: dict[str, Any] = {
            "status": status.VALIDATED,
            "validated_on": validated_on or timezone.localdate(),
            "expires_on": expires_on,
        }
    elif decision == status.CHANGES_REQUESTED:
        if not notes.strip():
            raise ValidationError({"notes": "Say what needs to change."})
        data = {"status": status.CHANGES_REQUESTED, "validated_on": None, "expires_on": None}
    else:
        raise ValidationError({"decision": "Choose to validate or to ask for changes."})
    data.update({"checklist": checklist, "reviewer_notes": notes.strip(), "reviewer": actor})
    tracked_update(
        actor=actor,
        obj=validation,
        data=data,
        verb=f"training.validation.{data['status']}",
        expected_version=expected_version,
    )
    return validation


@transaction.atomic
def validation_resubmit(
    *, actor: User, validation: CourseValidation, expected_version: int | None, **data: Any
) -> CourseValidation:
    if validation.status != CourseValidation.Status.CHANGES_REQUESTED:
        raise ValidationError("Only a course with changes requested can be sent again.")
    data.update({"status": CourseValidation.Status.SUBMITTED})
    tracked_update(
        actor=actor,
        obj=validation,
        data=data,
        verb="training.validation.resubmitted",
        expected_version=expected_version,
    )
    return validation


# --- training needs survey -----------------------------------------------------------


@transaction.atomic
def needs_survey_create(
    *,
    actor: User | None,
    year_label: str,
    opens_on: date,
    closes_on: date,
    notify: bool = False,
) -> TrainingNeedsSurvey:
    """Open the annual training needs survey; with notify=True every agency safeguarding lead
    is e-mailed a link to answer for their agency."""
    if closes_on <= opens_on:
        raise ValidationError({"closes_on": "The survey must close after it opens."})
    survey = tracked_create(
        actor=actor,
        model=TrainingNeedsSurvey,
        data={"year_label": year_label, "opens_on": opens_on, "closes_on": closes_on},
        verb="training.needs_survey.created",
    )
    assert isinstance(survey, TrainingNeedsSurvey)
    if notify:
        leads = sorted(
            set(
                RoleAssignment.objects.filter(
                    role=Role.AGENCY_LEAD, user__is_active=True
                ).values_list("user__email", flat=True)
            )
        )
        url = config.site_url() + reverse("training:needs_response_create", args=[survey.pk])
        for email in leads:
            email_send(
                template="training_needs_survey",
                to=[email],
                context={
                    "year": year_label,
                    "closes": f"{closes_on:%-d %B %Y}",
                    "survey_url": url,
                },
            )
        event_record(
            actor=actor,
            verb="training.needs_survey.sent",
            target=survey,
            data={"agency_leads": len(leads)},
        )
    return survey


@transaction.atomic
def needs_response_submit(
    *,
    actor: User | None,
    survey: TrainingNeedsSurvey,
    agency: Agency,
    training_offered: str,
    gaps: list[tuple[Priority, bool, str]],
) -> TrainingNeedsResponse:
    """An agency answers the survey: what it runs, and per priority whether it is covered."""
    if TrainingNeedsResponse.objects.filter(survey=survey, agency=agency).exists():
        raise ValidationError(f"{agency.name} has already answered this survey.")
    response = TrainingNeedsResponse(
        survey=survey, agency=agency, training_offered=training_offered, submitted_by=actor
    )
    response.full_clean()
    response.save()
    for priority, covered, gap in gaps:
        TrainingNeedsGap.objects.create(
            response=response, priority=priority, covered=covered, gap=gap.strip()
        )
    event_record(
        actor=actor,
        verb="training.needs_response.submitted",
        target=response,
        data={"priorities": len(gaps)},
    )
    return response
