"""Factories and small builders for assurance tests. Forms are built through the services, so
the tests exercise the same path as the form builder pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import factory
from factory.django import DjangoModelFactory

from safeguarding.assurance import selectors, services
from safeguarding.assurance.models import (
    Audit,
    FormTemplate,
    PerformanceCommentary,
    ProfessionalDifference,
    Question,
    ScrutinyReport,
    Section11Cycle,
    Survey,
)
from safeguarding.partnership.models import Agency, Priority
from safeguarding.partnership.tests.factories import AgencyFactory


class FormTemplateFactory(DjangoModelFactory[FormTemplate]):
    """A form made by the service, so it has its first version as every form does."""

    class Meta:
        model = FormTemplate

    name = factory.Sequence(lambda n: f"Test form {n}")
    purpose = FormTemplate.Purpose.SURVEY

    @classmethod
    def _create(cls, model_class: type[FormTemplate], *args: Any, **kwargs: Any) -> FormTemplate:
        return services.form_template_create(actor=None, **kwargs)


class SurveyFactory(DjangoModelFactory[Survey]):
    class Meta:
        model = Survey

    title = factory.Sequence(lambda n: f"Test survey {n}")
    audience = Survey.Audience.CHILDREN
    form = factory.SubFactory(FormTemplateFactory)
    opens_on = dt.date(2020, 10, 1)
    closes_on = dt.date(2020, 12, 18)


class ScrutinyReportFactory(DjangoModelFactory[ScrutinyReport]):
    class Meta:
        model = ScrutinyReport

    title = factory.Sequence(lambda n: f"Scrutiny report {n}")
    board_meeting_on = dt.date(2021, 3, 18)
    summary = "A synthetic summary."


class ProfessionalDifferenceFactory(DjangoModelFactory[ProfessionalDifference]):
    class Meta:
        model = ProfessionalDifference

    raised_by_agency = factory.SubFactory(AgencyFactory)
    with_agency = factory.SubFactory(AgencyFactory)
    issue = "A synthetic disagreement about a threshold."
    raised_on = dt.date(2020, 6, 1)


def survey_form(
    *, purpose: str = FormTemplate.Purpose.SURVEY, with_comment: bool = True
) -> FormTemplate:
    """A questionnaire: `seen` (Yes/No/Not sure, a key finding) and optional `comment`."""
    form = services.form_template_create(actor=None, name="Questionnaire", purpose=purpose)
    section = services.form_section_add(actor=None, template=form, title="Questions")
    services.form_question_add(
        actor=None,
        section=section,
        key="seen",
        text="Have you seen the poster?",
        kind=Question.Kind.CHOICE,
        choices=["Yes", "No", "Not sure"],
        report_label="had seen the poster",
    )
    if with_comment:
        services.form_question_add(
            actor=None,
            section=section,
            key="comment",
            text="Anything else?",
            kind=Question.Kind.TEXT,
            required=False,
        )
    return form


def audit_make(
    agencies: Sequence[Agency],
    *,
    title: str = "Neglect audit",
    kind: str = Audit.Kind.MULTI_AGENCY,
    tool: FormTemplate | None = None,
) -> Audit:
    """An audit of neglect planned for 1 June 2020, created as the audit page creates one;
    without a `tool`, a fresh audit tool (the `seen` question, no comment)."""
    return services.audit_create(
        actor=None,
        title=title,
        theme="Neglect",
        kind=kind,
        tool=tool or survey_form(purpose=FormTemplate.Purpose.AUDIT_TOOL, with_comment=False),
        agencies=agencies,
        planned_for=dt.date(2020, 6, 1),
    )


def commentary_make(
    priority: Priority, agency: Agency, *, year_label: str = "2020-21", **answers: Any
) -> PerformanceCommentary:
    """The agency's commentary on the priority for the first half of `year_label`, with
    one-letter answers (W, A, D) and any other `answers` (escalation, extra_answers...)."""
    return services.commentary_submit(
        actor=None,
        priority=priority,
        agency=agency,
        year_label=year_label,
        half="first",
        worked_well="W",
        areas_for_improvement="A",
        agency_actions="D",
        **answers,
    )


def open_survey(**kwargs: object) -> Survey:
    form = kwargs.pop("form", None) or survey_form()
    return SurveyFactory.create(form=form, **kwargs)


def standard_set(keys: Sequence[str] = ("leadership", "tools")) -> FormTemplate:
    form = services.form_template_create(
        actor=None, name="Standards", purpose=FormTemplate.Purpose.SECTION11
    )
    section = services.form_section_add(actor=None, template=form, title="Standards")
    for key in keys:
        services.form_question_add(
            actor=None,
            section=section,
            key=key,
            text=f"Standard {key}",
            kind=Question.Kind.RATING,
            choices=["0", "1", "2", "3"],
        )
    return form


def cycle(
    *,
    agencies: Sequence[Agency],
    form: FormTemplate | None = None,
    label: str = "2020-21",
    opens_on: dt.date = dt.date(2020, 9, 1),
    deadline: dt.date = dt.date(2020, 11, 27),
    previous: Section11Cycle | None = None,
) -> Section11Cycle:
    form = form or standard_set()
    return services.section11_cycle_create(
        actor=None,
        name=f"Section 11 {label}",
        year_label=label,
        opens_on=opens_on,
        deadline=deadline,
        standard_set=selectors.form_version_latest(template=form),
        agencies=agencies,
        previous=previous,
    )


def earlier_cycle(*, agencies: Sequence[Agency], form: FormTemplate) -> Section11Cycle:
    """The 2018-19 cycle (September to November 2018), two years before `cycle`'s default, to
    be a later cycle's `previous`."""
    return cycle(
        agencies=agencies,
        form=form,
        label="2018-19",
        opens_on=dt.date(2018, 9, 1),
        deadline=dt.date(2018, 11, 30),
    )
