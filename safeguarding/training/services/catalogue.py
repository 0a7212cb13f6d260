"""The catalogue (courses and sessions), virtual briefings, single-agency course validation and
the training needs survey."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from safeguarding.accounts.models import User
from safeguarding.accounts.selectors import agency_lead_emails
from safeguarding.activity_log.services import event_record, tracked_create, tracked_update
from safeguarding.core.emails import email_send
from safeguarding.core.links import absolute_reverse
from safeguarding.core.years import year_label_checked
from safeguarding.partnership.models import Agency, Priority
from safeguarding.training import verbs
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
from safeguarding.training.rules import VALIDATION_CHECKLIST
from safeguarding.training.services.outcomes import certificate_issue


def course_create(
    *,
    actor: User | None,
    title: str,
    summary: str,
    audience: str,
    format: str,
    level: str = Course.Level.CORE,
    priority: Priority | None = None,
    requires_manager_approval: bool = False,
    evaluation_questions: list[str] | None = None,
) -> Course:
    data = {
        "title": title,
        "summary": summary,
        "audience": audience,
        "format": format,
        "level": level,
        "priority": priority,
        "requires_manager_approval": requires_manager_approval,
        "evaluation_questions": evaluation_questions or [],
    }
    return tracked_create(actor=actor, model=Course, data=data, verb=verbs.COURSE_CREATED)


def course_update(
    *, actor: User, course: Course, expected_version: int | None, **changes: Any
) -> Course:
    """Change any of the course's fields (`changes` maps field names to new values)."""
    tracked_update(
        actor=actor,
        obj=course,
        data=changes,
        verb=verbs.COURSE_UPDATED,
        expected_version=expected_version,
    )
    return course


def session_create(
    *,
    actor: User | None,
    course: Course,
    starts_at: datetime,
    capacity: int,
    duration_minutes: int = 90,
    venue: str = "",
    joining_link: str = "",
    trainer_name: str = "",
    trainer: User | None = None,
    allow_past: bool = False,
) -> TrainingSession:
    """A new date of the course. A start already passed is refused unless allow_past (the
    person confirmed they are recording a session that has already taken place)."""
    if starts_at <= timezone.now() and not allow_past:
        raise ValidationError(
            {
                "starts_at": (
                    "The start must be in the future. To record a session that has already "
                    "taken place, confirm it below."
                )
            }
        )
    data = {
        "course": course,
        "starts_at": starts_at,
        "capacity": capacity,
        "duration_minutes": duration_minutes,
        "venue": venue,
        "joining_link": joining_link,
        "trainer_name": trainer_name,
        "trainer": trainer,
    }
    return tracked_create(
        actor=actor, model=TrainingSession, data=data, verb=verbs.TRAINING_SESSION_CREATED
    )


# --- briefings -----------------------------------------------------------------------


def briefing_create(
    *,
    actor: User | None,
    title: str,
    summary: str,
    content_url: str,
    published_on: date,
    embed_url: str = "",
    audio_url: str = "",
    duration_minutes: int = 20,
    is_public: bool = True,
    check_questions: list[dict[str, Any]] | None = None,
) -> Briefing:
    data = {
        "title": title,
        "summary": summary,
        "content_url": content_url,
        "published_on": published_on,
        "embed_url": embed_url,
        "audio_url": audio_url,
        "duration_minutes": duration_minutes,
        "is_public": is_public,
        "check_questions": check_questions or [],
    }
    return tracked_create(actor=actor, model=Briefing, data=data, verb=verbs.BRIEFING_CREATED)


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
    event_record(actor=actor, verb=verbs.BRIEFING_COMPLETED, target=completion)
    certificate_issue(
        actor=actor,
        learner=actor,
        completion=completion,
        title=briefing.title,
        completed_on=timezone.localdate(),
    )
    return completion


# --- single-agency course validation -------------------------------------------------


def validation_submit(
    *,
    actor: User | None,
    agency: Agency,
    title: str,
    content_outline: str,
    materials: str,
    trainer: str,
    audience: str,
    submitted_on: date | None = None,
) -> CourseValidation:
    data = {
        "agency": agency,
        "submitted_by": actor,
        "submitted_on": submitted_on or timezone.localdate(),
        "title": title,
        "content_outline": content_outline,
        "materials": materials,
        "trainer": trainer,
        "audience": audience,
    }
    return tracked_create(
        actor=actor, model=CourseValidation, data=data, verb=verbs.COURSE_VALIDATION_SUBMITTED
    )


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
    if decision == CourseValidation.Status.VALIDATED:
        unmet = [label for key, label in VALIDATION_CHECKLIST if not checklist.get(key)]
        if unmet:
            raise ValidationError(
                "Every checklist item must be met to validate the course. Not yet met: "
                + "; ".join(unmet)
                + "."
            )
        if expires_on is None:
            raise ValidationError({"expires_on": "Enter when the validation expires."})
        verb = verbs.COURSE_VALIDATION_VALIDATED
        data: dict[str, Any] = {
            "status": CourseValidation.Status.VALIDATED,
            "validated_on": validated_on or timezone.localdate(),
            "expires_on": expires_on,
        }
    elif decision == CourseValidation.Status.CHANGES_REQUESTED:
        if not notes.strip():
            raise ValidationError({"notes": "Say what needs to change."})
        verb = verbs.COURSE_VALIDATION_CHANGES_REQUESTED
        data = {
            "status": CourseValidation.Status.CHANGES_REQUESTED,
            "validated_on": None,
            "expires_on": None,
        }
    else:
        raise ValidationError({"decision": "Choose to validate or to ask for changes."})
    data.update({"checklist": checklist, "reviewer_notes": notes.strip(), "reviewer": actor})
    tracked_update(
        actor=actor,
        obj=validation,
        data=data,
        verb=verb,
        expected_version=expected_version,
    )
    return validation


@transaction.atomic
def validation_resubmit(
    *, actor: User, validation: CourseValidation, expected_version: int | None, **changes: Any
) -> CourseValidation:
    """The agency sends the course again with `changes` (field names to new values)."""
    if validation.status != CourseValidation.Status.CHANGES_REQUESTED:
        raise ValidationError("Only a course with changes requested can be sent again.")
    tracked_update(
        actor=actor,
        obj=validation,
        data={**changes, "status": CourseValidation.Status.SUBMITTED},
        verb=verbs.COURSE_VALIDATION_RESUBMITTED,
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
    year_label = year_label_checked(year_label)
    if closes_on <= opens_on:
        raise ValidationError({"closes_on": "The survey must close after it opens."})
    survey = tracked_create(
        actor=actor,
        model=TrainingNeedsSurvey,
        data={"year_label": year_label, "opens_on": opens_on, "closes_on": closes_on},
        verb=verbs.NEEDS_SURVEY_CREATED,
    )
    if notify:
        leads = agency_lead_emails()
        url = absolute_reverse("training:needs_response_create", survey.pk)
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
            verb=verbs.NEEDS_SURVEY_SENT,
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
        verb=verbs.NEEDS_RESPONSE_SUBMITTED,
        target=response,
        data={"priorities": len(gaps)},
    )
    return response
