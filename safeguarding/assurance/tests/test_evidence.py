"""Assurance's evidence for the priorities plan: audits, surveys and Section 11 findings, each
figure counted from the records and checked against a hand count."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.assurance import selectors as assurance_selectors
from safeguarding.assurance.models import (
    Audit,
    AuditCase,
    FormTemplate,
    Response,
    Score,
    Section11Score,
    Survey,
)
from safeguarding.assurance.tests.factories import cycle, open_survey, survey_form
from safeguarding.governance import selectors, services
from safeguarding.partnership.models import Agency, Priority
from safeguarding.partnership.tests.factories import AgencyFactory, PriorityFactory

pytestmark = pytest.mark.django_db

DAY = dt.date(2020, 10, 1)


def _audit(
    tool: FormTemplate, agency: Agency, *, done: int, open_cases: int, **kwargs: object
) -> Audit:
    audit = Audit.objects.create(
        title="Synthetic neglect audit",
        theme="Neglect",
        kind=Audit.Kind.MULTI_AGENCY,
        tool=tool,
        planned_for=DAY,
        **kwargs,
    )
    version = assurance_selectors.form_version_latest(template=tool)
    for number in range(done + open_cases):
        AuditCase.objects.create(
            audit=audit,
            case_reference=f"SYN-{audit.pk}-{number}",
            agency=agency,
            response=(
                Response.objects.create(form_version=version, submitted_on=DAY)
                if number < done
                else None
            ),
        )
    return audit


def _respond(survey: Survey, number: int) -> None:
    version = assurance_selectors.form_version_latest(template=survey.form)
    for _ in range(number):
        Response.objects.create(form_version=version, survey=survey, submitted_on=DAY)


@pytest.fixture
def priority() -> Priority:
    priority = PriorityFactory.create(number=3)
    agency = AgencyFactory.create()
    tool = survey_form(purpose=FormTemplate.Purpose.AUDIT_TOOL)
    _audit(tool, agency, done=3, open_cases=1, priority=priority)  # names the priority
    linked = _audit(tool, agency, done=2, open_cases=0)
    _audit(tool, agency, done=5, open_cases=0)  # not linked
    services.evidence_link(actor=None, priority=priority, record=linked)

    survey = open_survey(opens_on=DAY, closes_on=DAY)
    _respond(survey, 4)
    _respond(open_survey(opens_on=DAY, closes_on=DAY), 6)  # not linked
    services.evidence_link(actor=None, priority=priority, record=survey)

    agencies = [AgencyFactory.create() for _ in range(4)]
    section11 = cycle(agencies=agencies)
    scores = {
        # (agency, standard): (self score, moderated score)
        (0, "tools"): (Score.PARTLY_MET, None),
        (1, "tools"): (Score.FULLY_MET, Score.MOSTLY_MET),
        (2, "tools"): (Score.NOT_MET, Score.FULLY_MET),
        (3, "tools"): (Score.FULLY_MET, None),
        (3, "leadership"): (Score.NOT_MET, None),
    }
    for (index, key), (own, moderated) in scores.items():
        Section11Score.objects.filter(
            section11_return__cycle=section11,
            section11_return__agency=agencies[index],
            standard__key=key,
        ).update(self_score=own, moderated_score=moderated)
    finding = Section11Score.objects.get(
        section11_return__cycle=section11,
        section11_return__agency=agencies[0],
        standard__key="tools",
    )
    services.evidence_link(actor=None, priority=priority, record=finding)
    return priority


def test_assurance_figures_match_a_hand_count(priority: Priority) -> None:
    # By hand: audits: the one naming the priority and the linked one = 2; cases audited
    # (a completed form): 3 + 2 = 5 (the open case and the unlinked audit's 5 are not);
    # survey respondents: 4 (the other survey's 6 are not); agencies with the finding
    # "tools" below fully met: agency 0 (1) and agency 1 (moderated to 2) = 2; agency 2 was
    # moderated up to 3, agency 3 fully met it (its leadership score is another standard).
    figures = selectors.priority_figures(priority=priority)
    assert figures["audits"] == 2
    assert figures["cases_audited"] == 5
    assert figures["surveys"] == 1
    assert figures["survey_respondents"] == 4
    assert figures["section_11_findings"] == 1
    assert figures["agencies_with_the_finding"] == 2
    groups = {g.label: g for g in selectors.priority_evidence(priority=priority)}
    assert "Standard tools (score 1)" in groups["Section 11 findings"].records[0].label
    assert [r.note for r in groups["Audits"].records].count("the audit's priority") == 1


def test_priority_page_shows_the_assurance_tokens(
    client: Client, owner: User, priority: Priority
) -> None:
    client.force_login(owner)
    content = client.get(reverse("governance:priority_detail", args=[priority.pk])).content
    for token in ("cases_audited", "survey_respondents", "agencies_with_the_finding"):
        assert f"priority.3.{token}".encode() in content
