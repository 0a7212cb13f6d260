"""Quality assurance's retention policy: anonymous survey responses, 3 years after the survey
closes (RETENTION_SURVEY_YEARS).

The responses are anonymous already (no account, address or time), but free text, a date or
an uploaded file can still name someone. At the end those answers are blanked (files deleted);
the response rows and their option and number answers stay, because the published figures
(respondents, "97% felt confident") are computed from them. A hold on the response, its survey
or the survey's form template holds it."""

from __future__ import annotations

from datetime import date

from django.db.models import Exists, OuterRef, Q, QuerySet

from safeguarding.assurance.models import Answer, FormTemplate, Question, Response, Survey
from safeguarding.retention.registry import Action, Policy, held_filter, register_policy

IDENTIFYING_KINDS = (Question.Kind.TEXT, Question.Kind.DATE, Question.Kind.EVIDENCE)


def _identifying_answers() -> QuerySet[Answer]:
    return Answer.objects.filter(question__kind__in=IDENTIFYING_KINDS).filter(
        ~Q(value="") | ~Q(evidence="")
    )


def responses_due(as_of: date) -> QuerySet[Response]:
    """Responses to surveys closed before the cutoff that still hold free text or a file."""
    cutoff = SURVEY_RESPONSES.cutoff(as_of)
    if cutoff is None:
        return Response.objects.none()
    return Response.objects.filter(survey__closes_on__lt=cutoff).filter(
        Exists(_identifying_answers().filter(response=OuterRef("pk")))
    )


def responses_anonymise(pks: list[int]) -> int:
    answers = _identifying_answers().filter(response_id__in=pks)
    for answer in answers.exclude(evidence=""):
        answer.evidence.delete(save=False)
    answers.update(value="", evidence="")
    return len(pks)


SURVEY_RESPONSES = Policy(
    key="assurance.survey_responses",
    label="Anonymous survey answers",
    setting="RETENTION_SURVEY_YEARS",
    default="3 years after the survey closes, then free text and files blanked",
    reason=(
        "Long enough to compare a survey with the next one. The option answers stay: the "
        "published figures are computed from them."
    ),
    action=Action.ANONYMISE,
    due=responses_due,
    held=held_filter(Response, survey=Survey, survey__form=FormTemplate),
    process=responses_anonymise,
    hold_models=(Response, Survey, FormTemplate),
)


def register() -> None:
    register_policy(SURVEY_RESPONSES)
