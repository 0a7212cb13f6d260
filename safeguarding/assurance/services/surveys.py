"""Surveys of children, parents and professionals.

Answering is anonymous: the response row holds no account, address or identifier, and the
activity event for it is recorded with no actor and no address (`record_ip=False`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding.activity_log.services import tracked_create, tracked_update
from safeguarding.assurance import verbs
from safeguarding.assurance.models import FormTemplate, Response, Section11Cycle, Survey
from safeguarding.assurance.selectors import form_version_latest
from safeguarding.assurance.services.forms import response_record

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


@transaction.atomic
def survey_create(
    *,
    actor: User | None,
    title: str,
    audience: str,
    form: FormTemplate,
    opens_on: dt.date,
    closes_on: dt.date,
    topic: str = "",
    intro: str = "",
    is_sensitive: bool = True,
    section11_cycle: Section11Cycle | None = None,
) -> Survey:
    if form.purpose != FormTemplate.Purpose.SURVEY:
        raise ValidationError({"form": "Choose a survey questionnaire."})
    return tracked_create(
        actor=actor,
        model=Survey,
        data={
            "title": title.strip(),
            "audience": audience,
            "form": form,
            "opens_on": opens_on,
            "closes_on": closes_on,
            "topic": topic.strip(),
            "intro": intro.strip(),
            "is_sensitive": is_sensitive,
            "section11_cycle": section11_cycle,
            "created_by": actor,
        },
        verb=verbs.SURVEY_CREATED,
    )


@transaction.atomic
def survey_update(
    *,
    actor: User | None,
    survey: Survey,
    expected_version: int | None,
    title: str,
    opens_on: dt.date,
    closes_on: dt.date,
    topic: str = "",
    intro: str = "",
    is_sensitive: bool = False,
) -> Survey:
    tracked_update(
        actor=actor,
        obj=survey,
        data={
            "title": title,
            "topic": topic,
            "intro": intro,
            "opens_on": opens_on,
            "closes_on": closes_on,
            "is_sensitive": is_sensitive,
        },
        verb=verbs.SURVEY_UPDATED,
        expected_version=expected_version,
    )
    return survey


@transaction.atomic
def survey_answer(
    *,
    survey: Survey,
    answers: Mapping[str, Any],
    today: dt.date | None = None,
) -> Response:
    """Record one anonymous answer to `survey` against its questionnaire's latest version."""
    today = today or timezone.localdate()
    if not survey.is_open_on(today):
        raise ValidationError("This survey is closed.")
    version = form_version_latest(template=survey.form)
    if not version.sections.filter(questions__isnull=False).exists():
        raise ValidationError("This survey has no questions yet.")
    # Deliberately no activity event per answer: an event's time to the second, in answer
    # order, would give each anonymous answer a time to match against access logs. The
    # survey's response count (by day) is the record that answers arrived.
    return response_record(version=version, answers=answers, survey=survey, on=today)
