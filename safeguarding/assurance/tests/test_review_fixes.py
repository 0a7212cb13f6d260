"""Regressions found in review: what the audit page shows must respect the learning and
actions apps' own scoping, and survey exports must suppress small numbers per question."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.roles import Role
from safeguarding.actions import permissions as action_permissions
from safeguarding.assurance import services
from safeguarding.assurance.models import FormTemplate
from safeguarding.assurance.tests.factories import audit_make, survey_form
from safeguarding.learning import permissions as learning_permissions
from safeguarding.learning.models import Theme
from safeguarding.partnership.tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db


def test_audit_page_hides_unpublished_learning_and_other_agencies_actions(
    make_user, officer
) -> None:
    mine, theirs = AgencyFactory.create(), AgencyFactory.create()
    tool = survey_form(purpose=FormTemplate.Purpose.AUDIT_TOOL, with_comment=False)
    audit = audit_make([mine, theirs], tool=tool)
    point, action = services.audit_finding_record(
        actor=officer,
        audit=audit,
        title="UNPUBLISHED-FINDING",
        summary="s",
        recorded_on=dt.date(2020, 7, 20),
        themes=[Theme.objects.create(name="Synthetic theme")],
        action_description="OTHER-AGENCY-ACTION",
        action_agency=theirs,
        action_due=dt.date(2030, 1, 31),
    )
    lead = make_user((Role.AGENCY_LEAD, mine))
    assert not learning_permissions.can_view_learning_point(lead, point)
    assert action is not None
    assert not action_permissions.can_view_action(lead, action)
    client = Client()
    client.force_login(lead)
    response = client.get(reverse("assurance:audit_detail", args=[audit.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "UNPUBLISHED-FINDING" not in body
    assert "OTHER-AGENCY-ACTION" not in body
    client.force_login(officer)
    body = client.get(reverse("assurance:audit_detail", args=[audit.pk])).content.decode()
    assert "UNPUBLISHED-FINDING" in body
    assert "OTHER-AGENCY-ACTION" in body


def test_survey_export_suppresses_questions_with_few_answers(
    client, officer, time_machine
) -> None:
    from safeguarding.assurance.tests.factories import open_survey

    time_machine.move_to(dt.datetime(2020, 11, 2, 12, tzinfo=dt.UTC))
    survey = open_survey()
    today = dt.date(2020, 11, 2)
    if not survey.is_open_on(today):
        survey.opens_on, survey.closes_on = dt.date(2020, 1, 1), dt.date(2030, 1, 1)
        survey.save()
    for n, seen in enumerate(["Yes", "No", "Yes", "Yes", "No"]):
        answers = {"seen": seen}
        if n == 0:
            answers["comment"] = "ONLY-ONE-CHILD-WROTE-THIS"
        services.survey_answer(survey=survey, answers=answers, today=today)
    client.force_login(officer)
    page = client.get(reverse("assurance:survey_detail", args=[survey.pk])).content.decode()
    assert "ONLY-ONE-CHILD-WROTE-THIS" not in page
    response = client.get(reverse("assurance:survey_export", args=[survey.pk]))
    export = b"".join(response.streaming_content).decode()
    assert "ONLY-ONE-CHILD-WROTE-THIS" not in export
    assert "fewer than 5 answers" in export
    assert export.count("Yes") == 3  # the question five people answered is exported
