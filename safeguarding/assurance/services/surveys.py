"""Surveys of children, parents and professionals.

Answering is anonymous: the response row holds no account, address or identifier, and the
activity event for it is recorded with no actor and no address (`record_ip=False`)."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding.activity_log.services import event_record, tracked_create, tracked_update
from safeguarding.assurance import verbs
from safeguarding.assurance.models import (
    FormTemplate,
    Response,
    ResponseExclusion,
    Section11Cycle,
    Survey,
    SurveyLink,
)
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


def hour_of(moment: dt.datetime) -> dt.datetime:
    """The clock hour a moment falls in (minutes, seconds and microseconds dropped)."""
    return moment.replace(minute=0, second=0, microsecond=0)


@transaction.atomic
def survey_answer(
    *,
    survey: Survey,
    answers: Mapping[str, Any],
    today: dt.date | None = None,
    link_token: str = "",
    now: dt.datetime | None = None,
) -> Response:
    """Record one anonymous answer to `survey` against its questionnaire's latest version.

    A survey for invited people only needs an unused single-use link (`link_token`), which is
    then used up; the answer is not linked to it. The answer keeps the clock hour it arrived
    (no minutes: nothing to match against an access log) to spot bursts."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    if not survey.is_open_on(today):
        raise ValidationError("This survey is closed.")
    if survey.invited_only:
        used = SurveyLink.objects.filter(survey=survey, token=link_token, is_used=False).update(
            is_used=True
        )
        if not link_token or used != 1:
            raise ValidationError(
                "This link has already been used, or is not a link to this survey."
            )
    version = form_version_latest(template=survey.form)
    if not version.sections.filter(questions__isnull=False).exists():
        raise ValidationError("This survey has no questions yet.")
    # Deliberately no activity event per answer: an event's time to the second, in answer
    # order, would give each anonymous answer a time to match against access logs. The
    # survey's response count (by day) is the record that answers arrived.
    return response_record(
        version=version,
        answers=answers,
        survey=survey,
        on=today,
        received_hour=hour_of(now),
    )


@transaction.atomic
def survey_links_issue(*, actor: User, survey: Survey, group: str, count: int) -> list[SurveyLink]:
    """Issue `count` single-use links for an invited group. Each link answers once; a link
    records only its group and whether it has been used."""
    group = group.strip()
    if not group:
        raise ValidationError({"group": "Enter the invited group, for example a class."})
    if not 1 <= count <= settings.SURVEY_LINKS_MAX:
        raise ValidationError(
            {"count": f"Issue between 1 and {settings.SURVEY_LINKS_MAX} links at a time."}
        )
    links = SurveyLink.objects.bulk_create(
        [
            SurveyLink(survey=survey, group=group, token=secrets.token_urlsafe(16))
            for _ in range(count)
        ]
    )
    if not survey.invited_only:
        Survey.objects.filter(pk=survey.pk).update(invited_only=True)
        survey.invited_only = True
    event_record(
        actor=actor,
        verb=verbs.SURVEY_LINKS_ISSUED,
        target=survey,
        data={"group": group, "count": count},
    )
    return links


@transaction.atomic
def survey_burst_exclude(
    *, actor: User, survey: Survey, hour: dt.datetime, reason: str
) -> ResponseExclusion:
    """Leave a burst's answers (those that arrived in `hour`) out of every figure and export.
    The answers are kept; who excluded them and why is recorded and logged."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Enter why these answers are being excluded."})
    hour = hour_of(hour)
    if ResponseExclusion.objects.filter(survey=survey, hour=hour).exists():
        raise ValidationError("The answers of that hour are already excluded.")
    exclusion = ResponseExclusion.objects.create(
        survey=survey, hour=hour, reason=reason, excluded_by=actor
    )
    excluded = Response.objects.filter(
        survey=survey, received_hour=hour, exclusion__isnull=True
    ).update(exclusion=exclusion)
    if not excluded:
        raise ValidationError("No answers arrived in that hour.")
    event_record(
        actor=actor,
        verb=verbs.SURVEY_ANSWERS_EXCLUDED,
        target=survey,
        data={"hour": hour.isoformat(), "answers": excluded, "reason": reason},
    )
    return exclusion
