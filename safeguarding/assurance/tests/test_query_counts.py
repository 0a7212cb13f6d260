"""Issue #17: every assurance list, detail page and card takes the same number of queries with
3 records as with 30 (no N+1)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.assurance import cards, services
from safeguarding.assurance.models import Audit, FormTemplate, Question, ScrutinyTheme
from safeguarding.assurance.tests.factories import (
    ProfessionalDifferenceFactory,
    ScrutinyReportFactory,
    audit_make,
    commentary_make,
    cycle,
    open_survey,
    survey_form,
)
from safeguarding.core.testing import card_query_counts, page_query_counts
from safeguarding.partnership.tests.factories import AgencyFactory, PriorityFactory

pytestmark = pytest.mark.django_db
_serial = itertools.count(1)


class World:
    def __init__(self, officer: User) -> None:
        self.officer = officer
        self.agencies = AgencyFactory.create_batch(2)
        self.tool = survey_form(purpose=FormTemplate.Purpose.AUDIT_TOOL, with_comment=False)
        self.audit = self._audit()
        self.cycle = cycle(agencies=self.agencies)
        self.survey = open_survey()
        self.report = ScrutinyReportFactory.create()
        self.priority = PriorityFactory.create()
        self.section = self.survey.form.versions.get().sections.get()

    def _audit(self) -> Audit:
        return audit_make(self.agencies, title=f"Audit {next(_serial)}", tool=self.tool)

    def grow(self, count: int) -> None:
        theme = ScrutinyTheme.objects.order_by("number").first()
        assert theme is not None
        for _ in range(count):
            n = next(_serial)
            self._audit()
            services.audit_case_add(
                actor=None,
                audit=self.audit,
                case_reference=f"QA-{n}",
                agency=self.agencies[0],
                auditor=self.officer,
            )
            services.survey_answer(
                survey=self.survey,
                answers={"seen": "Yes", "comment": f"c{n}"},
                now=dt.datetime(2020, 11, 2, n % 24, tzinfo=dt.UTC),
            )
            open_survey(form=self.survey.form)
            commentary_make(
                self.priority,
                self.agencies[n % 2],
                year_label=f"{2000 + n}-{(n + 1) % 100:02d}",
                escalation="E",
            )
            services.scrutiny_assessment_record(
                actor=None,
                theme=theme,
                assessed_on=dt.date(2020, 6, 1),
                evidence_reviewed="Evidence",
                judgement="limited",
                report=self.report,
            )
            ScrutinyReportFactory.create()
            ProfessionalDifferenceFactory.create()
            services.form_question_add(
                actor=None,
                section=self.section,
                key=f"q{n}",
                text=f"Question {n}",
                kind=Question.Kind.TEXT,
                required=False,
            )


def _pages(world: World) -> list[str]:
    ret = world.cycle.returns.order_by("pk").first()
    assert ret is not None
    return [
        reverse("assurance:overview"),
        reverse("assurance:form_list"),
        reverse("assurance:form_detail", args=[world.survey.form.pk]),
        reverse("assurance:survey_list"),
        reverse("assurance:survey_detail", args=[world.survey.pk]),
        reverse("assurance:survey_hours", args=[world.survey.pk]),
        reverse("assurance:audit_list"),
        reverse("assurance:audit_detail", args=[world.audit.pk]),
        reverse("assurance:audit_report", args=[world.audit.pk]),
        reverse("assurance:section11_cycle_list"),
        reverse("assurance:section11_cycle_detail", args=[world.cycle.pk]),
        reverse("assurance:section11_return_detail", args=[ret.pk]),
        reverse("assurance:commentary_list"),
        reverse("assurance:scrutiny_list"),
        reverse("assurance:scrutiny_report_detail", args=[world.report.pk]),
        reverse("assurance:difference_list"),
        reverse("assurance:work_list", args=["audit-cases"]),
        reverse("assurance:work_list", args=["to-review"]),
    ]


def test_pages_and_cards_take_the_same_queries_for_3_and_30_records(
    client: Client, officer: User, make_user: Callable[..., User]
) -> None:
    world = World(officer)
    lead = make_user(*[(Role.AGENCY_LEAD, a) for a in world.agencies])
    world.grow(3)
    card_users = (
        (cards.audit_cases_card, officer),
        (cards.assurance_review_card, officer),
        (cards.section11_returns_card, lead),
    )
    small = page_query_counts(client, officer, _pages(world))
    small_cards = card_query_counts(*card_users)
    world.grow(27)
    assert page_query_counts(client, officer, _pages(world)) == small
    assert card_query_counts(*card_users) == small_cards
