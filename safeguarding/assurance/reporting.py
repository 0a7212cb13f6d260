"""Annual report figures for quality assurance (the contract is in core/reporting.py).

Everything is computed from the records every time: audits completed in the year, the Section 11
cycle of the year (improved standards and the main area for improvement, from moderated scores
compared with the previous cycle), surveys that closed in the year (respondents counted from the
individual responses; key findings are the questions given a report label), commentaries
received per priority, the scrutineer's judgements per theme and professional differences.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count

from safeguarding.assurance import selectors
from safeguarding.assurance.models import (
    Audit,
    PerformanceCommentary,
    Section11Cycle,
    Survey,
)
from safeguarding.core.reporting import ReportSection
from safeguarding.core.years import ReportingYear
from safeguarding.learning.models import LearningPoint


@dataclass(frozen=True)
class AuditFigures:
    completed: int
    titles: list[str]
    themes: list[str]
    findings: list[str]


@dataclass(frozen=True)
class KeyFinding:
    percent: int
    answered: int
    label: str


@dataclass(frozen=True)
class SurveyFigures:
    title: str
    audience: str
    respondents: int
    key_findings: list[KeyFinding]


@dataclass(frozen=True)
class Section11Figures:
    cycle: str
    returns: int
    submitted: int
    previous_cycle: str | None
    improved: list[str]
    main_area_for_improvement: str | None


@dataclass(frozen=True)
class AssuranceFigures:
    audits: AuditFigures
    surveys: list[SurveyFigures]
    respondents_by_group: list[tuple[str, int]]
    section11: Section11Figures | None
    commentaries_by_priority: list[tuple[int, str, int]]
    escalations: int
    scrutiny: list[tuple[str, str]]
    differences: selectors.DifferenceStats


def audit_figures(year: ReportingYear) -> AuditFigures:
    audits = list(
        Audit.objects.filter(
            status=Audit.Status.COMPLETE, completed_on__range=(year.start, year.end)
        ).order_by("completed_on", "title")
    )
    findings = LearningPoint.objects.filter(
        source_kind=LearningPoint.SourceKind.AUDIT,
        source_id__in=[a.pk for a in audits],
        source_type__app_label="assurance",
        source_type__model="audit",
    ).order_by("recorded_on", "id")
    return AuditFigures(
        completed=len(audits),
        titles=[a.title for a in audits],
        themes=sorted({a.theme for a in audits}),
        findings=[p.title for p in findings],
    )


def survey_figures(year: ReportingYear) -> list[SurveyFigures]:
    result = []
    surveys = Survey.objects.filter(closes_on__range=(year.start, year.end)).order_by(
        "audience", "title"
    )
    for survey in surveys:
        findings = [
            KeyFinding(percent=r.first_option_percent, answered=r.answered, label=r.report_label)
            for r in selectors.survey_results(survey=survey)
            if r.report_label and r.first_option_percent is not None
        ]
        result.append(
            SurveyFigures(
                title=survey.title,
                audience=survey.get_audience_display(),
                respondents=selectors.survey_respondents(survey=survey),
                key_findings=findings,
            )
        )
    return result


def section11_figures(year: ReportingYear) -> Section11Figures | None:
    cycle = Section11Cycle.objects.filter(year_label=year.label).order_by("-opens_on").first()
    if cycle is None:
        return None
    summary = selectors.section11_summary(cycle=cycle)
    main = summary.main_area_for_improvement
    return Section11Figures(
        cycle=cycle.name,
        returns=summary.returns,
        submitted=summary.submitted,
        previous_cycle=cycle.previous.name if cycle.previous else None,
        improved=[s.text for s in summary.improved],
        main_area_for_improvement=main.text if main else None,
    )


def commentary_figures(year: ReportingYear) -> tuple[list[tuple[int, str, int]], int]:
    items = PerformanceCommentary.objects.filter(year_label=year.label)
    per_priority = (
        items.values("priority__number", "priority__title")
        .annotate(n=Count("id"))
        .order_by("priority__number")
    )
    escalations = items.exclude(escalation="").count()
    return [
        (row["priority__number"], row["priority__title"], row["n"]) for row in per_priority
    ], escalations


def report_section(year: ReportingYear) -> ReportSection:
    by_priority, escalations = commentary_figures(year)
    surveys = survey_figures(year)
    groups: dict[str, int] = {}
    for survey in surveys:
        groups[survey.audience] = groups.get(survey.audience, 0) + survey.respondents
    figures = AssuranceFigures(
        audits=audit_figures(year),
        surveys=surveys,
        respondents_by_group=list(groups.items()),
        section11=section11_figures(year),
        commentaries_by_priority=by_priority,
        escalations=escalations,
        scrutiny=[
            (str(a.theme), a.get_judgement_display())
            for a in selectors.scrutiny_assessment_list(year=year)
        ],
        differences=selectors.professional_difference_stats(year=year),
    )
    return ReportSection(
        key="assurance",
        title="Quality assurance and scrutiny",
        template="assurance/report_section.html",
        figures=figures,
    )
