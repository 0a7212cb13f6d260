"""Reads of the assurance app: lists scoped to the user, results per question (with
small-number suppression for surveys), Section 11 carry-forward and summaries, and statistics.

Configuration: settings.SURVEY_MIN_ANSWERS (default 5): a survey question with fewer answers
shows no result at all.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from safeguarding.assurance import permissions
from safeguarding.assurance.models import (
    Answer,
    Audit,
    AuditCase,
    FormTemplate,
    FormVersion,
    PerformanceCommentary,
    ProfessionalDifference,
    Question,
    Response,
    ResponseExclusion,
    ScrutinyAssessment,
    ScrutinyReport,
    Section11Cycle,
    Section11Return,
    Section11Score,
    Survey,
    SurveyLink,
)
from safeguarding.core.reporting import percent
from safeguarding.core.years import ReportingYear
from safeguarding.partnership.models import Agency

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


def min_answers() -> int:
    """settings.SURVEY_MIN_ANSWERS: fewer answers to a survey question show no result."""
    return int(settings.SURVEY_MIN_ANSWERS)


# --- forms -----------------------------------------------------------------------------


def form_version_latest(*, template: FormTemplate) -> FormVersion:
    """The template's latest version. Every template has one: form_template_create makes
    version 1 with the template (migration 0003 made it for any template that had none)."""
    return template.versions.order_by("-number")[:1].get()


def form_list(*, purpose: str | None = None) -> QuerySet[FormTemplate]:
    forms = FormTemplate.objects.annotate(version_count=Count("versions"))
    if purpose:
        forms = forms.filter(purpose=purpose)
    return forms.order_by("name", "id")


def form_version_questions(*, version: FormVersion) -> QuerySet[Question]:
    return Question.objects.filter(section__form_version=version).select_related("section")


def form_version_sections(*, version: FormVersion) -> list[tuple[object, list[Question]]]:
    grouped: dict[int, list[Question]] = defaultdict(list)
    for question in form_version_questions(version=version):
        grouped[question.section_id].append(question)
    return [(s, grouped.get(s.pk, [])) for s in version.sections.all()]


def response_answers(*, response: Response | None) -> list[tuple[str, str]]:
    """(question, answer) for one response, in the order of its version's questions."""
    if response is None:
        return []
    given = dict(response.answers.values_list("question_id", "value"))
    return [
        (q.text, given.get(q.pk, ""))
        for q in form_version_questions(version=response.form_version)
    ]


# --- results ---------------------------------------------------------------------------


@dataclass(frozen=True)
class OptionCount:
    label: str
    count: int
    percent: int | None


@dataclass
class QuestionResult:
    key: str
    text: str
    kind: str
    answered: int
    suppressed: bool
    options: list[OptionCount] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    mean: Decimal | None = None
    report_label: str = ""

    @property
    def first_option_percent(self) -> int | None:
        if self.suppressed or not self.options:
            return None
        return self.options[0].percent


def question_results(
    *, responses: QuerySet[Response], questions: list[Question], suppress_below: int = 0
) -> list[QuestionResult]:
    """Results per question, matched by question key across form versions. A question with
    fewer than `suppress_below` answers has no figures and no comments."""
    values: dict[str, list[str]] = defaultdict(list)
    answers = Answer.objects.filter(response__in=responses).exclude(value="")
    for key, value in answers.values_list("question__key", "value").order_by("response_id"):
        values[key].append(value)
    results = []
    for question in questions:
        given = values.get(question.key, [])
        result = QuestionResult(
            key=question.key,
            text=question.text,
            kind=question.kind,
            answered=len(given),
            suppressed=len(given) < suppress_below,
            report_label=question.report_label,
        )
        if not result.suppressed:
            _fill(result, question, given)
        results.append(result)
    return results


def _fill(result: QuestionResult, question: Question, given: list[str]) -> None:
    if question.has_options:
        counts = Counter(given)
        result.options = [
            OptionCount(label, counts[label], percent(counts[label], len(given)))
            for label in question.options
        ]
    elif question.kind == Question.Kind.TEXT:
        result.comments = given
    elif question.kind == Question.Kind.NUMBER and given:
        total = sum((Decimal(v) for v in given), Decimal(0))
        result.mean = (total / len(given)).quantize(Decimal("0.1"))


def survey_responses_counted(*, survey: Survey) -> QuerySet[Response]:
    """The survey's answers that count: every figure, result and export uses these, never
    the answers of an excluded burst (kept, but not counted)."""
    return Response.objects.filter(survey=survey, exclusion__isnull=True)


def survey_respondents(*, survey: Survey) -> int:
    return survey_responses_counted(survey=survey).count()


HOUR_FORMAT = "%Y%m%d%H"


@dataclass(frozen=True)
class HourCount:
    hour: dt.datetime
    answers: int
    excluded: int
    is_burst: bool

    @property
    def key(self) -> str:
        """The hour in a URL: UTC, as HOUR_FORMAT."""
        return self.hour.astimezone(dt.UTC).strftime(HOUR_FORMAT)


def survey_answers_per_hour(*, survey: Survey) -> list[HourCount]:
    """Answers per clock hour, newest first; more than settings.SURVEY_BURST_PER_HOUR in one
    hour is flagged as a burst (someone may be stuffing the survey)."""
    rows = (
        Response.objects.filter(survey=survey, received_hour__isnull=False)
        .values("received_hour")
        .annotate(
            answer_count=Count("id"), excluded_count=Count("id", filter=Q(exclusion__isnull=False))
        )
        .order_by("-received_hour")
    )
    limit = settings.SURVEY_BURST_PER_HOUR
    return [
        HourCount(
            hour=row["received_hour"],
            answers=row["answer_count"],
            excluded=row["excluded_count"],
            is_burst=row["answer_count"] > limit,
        )
        for row in rows
    ]


def survey_exclusion_list(*, survey: Survey) -> QuerySet[ResponseExclusion]:
    return survey.exclusions.select_related("excluded_by").annotate(answers=Count("responses"))


def survey_link_groups(*, survey: Survey) -> list[dict[str, object]]:
    """Per invited group: links issued and used."""
    return list(
        survey.links.values("group")
        .annotate(issued=Count("id"), used=Count("id", filter=Q(is_used=True)))
        .order_by("group")
    )


def survey_link_list(*, survey: Survey, group: str) -> QuerySet[SurveyLink]:
    return survey.links.filter(group=group).order_by("id")


def survey_results(*, survey: Survey) -> list[QuestionResult]:
    version = form_version_latest(template=survey.form)
    return question_results(
        responses=survey_responses_counted(survey=survey),
        questions=list(form_version_questions(version=version)),
        suppress_below=min_answers(),
    )


def survey_list_for_user(*, user: User) -> QuerySet[Survey]:
    if not permissions.can_view_all_assurance(user):
        return Survey.objects.none()
    return (
        Survey.objects.select_related("form")
        .annotate(respondents=Count("responses", filter=Q(responses__exclusion__isnull=True)))
        .order_by("-opens_on", "title", "id")
    )


def survey_export_rows(*, survey: Survey) -> tuple[list[str], list[list[str]]]:
    """One row per response: a running number (not the stored id), the form version and the
    answers. No date, account, address or identifier; evidence files are not exported. A
    question answered by fewer than min_answers() people is suppressed in every row, as on the
    results page (a lone comment could identify the child who wrote it)."""
    version = form_version_latest(template=survey.form)
    questions = list(form_version_questions(version=version))
    by_response: dict[int, dict[str, str]] = defaultdict(dict)
    counted = survey_responses_counted(survey=survey)
    answers = Answer.objects.filter(response__in=counted).values_list(
        "response_id", "question__key", "value"
    )
    answered: dict[str, int] = defaultdict(int)
    for response_id, key, value in answers:
        by_response[response_id][key] = value
        if str(value).strip():
            answered[key] += 1
    shown = {q.key for q in questions if answered[q.key] >= min_answers()}
    header = [
        "Response",
        "Form version",
        *[
            q.text
            if q.key in shown
            else f"{q.text} (not shown: fewer than {min_answers()} answers)"
            for q in questions
        ],
    ]
    rows = []
    responses = counted.select_related("form_version").order_by("id")
    for number, response in enumerate(responses, start=1):
        given = by_response.get(response.pk, {})
        rows.append(
            [
                str(number),
                str(response.form_version.number),
                *[given.get(q.key, "") if q.key in shown else "" for q in questions],
            ]
        )
    return header, rows


# --- audits ----------------------------------------------------------------------------


def audit_list_for_user(*, user: User) -> QuerySet[Audit]:
    audits = Audit.objects.select_related("tool", "priority").annotate(
        case_count=Count("cases", distinct=True)
    )
    audits = audits.order_by("-planned_for", "title", "id")
    if permissions.can_view_all_assurance(user):
        return audits
    leads = user.lead_agency_ids
    visible = Audit.objects.filter(Q(agencies__in=leads) | Q(cases__auditor=user)).values("pk")
    return audits.filter(pk__in=visible)


def audit_cases_to_complete_for_user(*, user: User) -> QuerySet[AuditCase]:
    """Cases assigned to the user whose audit tool is not yet completed (for "My work")."""
    return (
        AuditCase.objects.filter(auditor=user, response__isnull=True)
        .exclude(audit__status__in=[Audit.Status.MODERATED, Audit.Status.COMPLETE])
        .select_related("audit", "agency")
        .order_by("audit__planned_for", "case_reference")
    )


def audit_case_list(*, audit: Audit) -> QuerySet[AuditCase]:
    return audit.cases.select_related("agency", "auditor", "response")


def audit_case_list_completed(*, audit: Audit) -> list[AuditCase]:
    """The sample's cases whose audit tool has been completed (the ones moderation grades)."""
    return list(audit_case_list(audit=audit).filter(response__isnull=False))


def audit_results(*, audit: Audit) -> list[QuestionResult]:
    """Results per question of the audit tool, over every completed case. Audit samples are
    small and not anonymous, so nothing is suppressed (see docs/modules/assurance.md)."""
    version = form_version_latest(template=audit.tool)
    responses = Response.objects.filter(audit_case__audit=audit)
    return question_results(
        responses=responses, questions=list(form_version_questions(version=version))
    )


def audit_grade_counts(*, audit: Audit) -> dict[str, int]:
    counts = Counter(audit.cases.exclude(agreed_grade="").values_list("agreed_grade", flat=True))
    return {grade: counts.get(grade, 0) for grade in ("red", "amber", "green")}


# --- Section 11 --------------------------------------------------------------------------


def next_cycle_due(*, cycle: Section11Cycle) -> dt.date:
    """When the next cycle should open: SECTION11_CYCLE_YEARS after this one opened."""
    opens = cycle.opens_on
    year = opens.year + settings.SECTION11_CYCLE_YEARS
    day = min(opens.day, 28) if opens.month == 2 else opens.day
    return opens.replace(year=year, day=day)


def section11_cycle_list() -> QuerySet[Section11Cycle]:
    return Section11Cycle.objects.select_related("standard_set__template", "previous").order_by(
        "-opens_on", "id"
    )


def section11_return_list_for_user(
    *, user: User, cycle: Section11Cycle | None = None
) -> QuerySet[Section11Return]:
    returns = Section11Return.objects.select_related("cycle", "agency")
    if cycle is not None:
        returns = returns.filter(cycle=cycle)
    if permissions.can_view_all_assurance(user):
        return returns
    return returns.filter(agency_id__in=user.lead_agency_ids)


def section11_scores(*, section11_return: Section11Return) -> QuerySet[Section11Score]:
    return section11_return.scores.select_related("standard", "standard__section")


def section11_carry_forward(*, section11_return: Section11Return) -> dict[str, int | None]:
    """The agency's scores in the previous cycle, by standard key (moderated where there is
    one, else the self-score). Empty when there was no previous cycle or no return."""
    previous = section11_return.cycle.previous
    if previous is None:
        return {}
    scores = Section11Score.objects.filter(
        section11_return__cycle=previous, section11_return__agency=section11_return.agency
    ).select_related("standard")
    return {s.standard.key: s.final_score for s in scores}


@dataclass(frozen=True)
class StandardSummary:
    key: str
    text: str
    distribution: list[tuple[str, int]]
    mean: Decimal | None
    previous_mean: Decimal | None

    @property
    def improved(self) -> bool:
        return (
            self.mean is not None
            and self.previous_mean is not None
            and self.mean > self.previous_mean
        )


@dataclass(frozen=True)
class Section11Summary:
    standards: list[StandardSummary]
    not_submitted: list[str]
    returns: int
    submitted: int

    @property
    def improved(self) -> list[StandardSummary]:
        return [s for s in self.standards if s.improved]

    @property
    def main_area_for_improvement(self) -> StandardSummary | None:
        scored = [s for s in self.standards if s.mean is not None]
        return min(scored, key=lambda s: s.mean or 0) if scored else None


def _mean(values: list[int]) -> Decimal | None:
    if not values:
        return None
    return (Decimal(sum(values)) / len(values)).quantize(Decimal("0.01"))


def _final_scores(cycle: Section11Cycle) -> dict[str, list[int]]:
    scores: dict[str, list[int]] = defaultdict(list)
    rows = Section11Score.objects.filter(section11_return__cycle=cycle).exclude(
        section11_return__status=Section11Return.Status.DRAFT
    )
    for key, moderated, own in rows.values_list("standard__key", "moderated_score", "self_score"):
        value = moderated if moderated is not None else own
        if value is not None:
            scores[key].append(value)
    return scores


def section11_summary(*, cycle: Section11Cycle) -> Section11Summary:
    """Score distribution per standard (moderated score where there is one), the mean beside
    the previous cycle's mean, and the agencies that have not yet submitted."""
    from safeguarding.assurance.models import Score

    current = _final_scores(cycle)
    previous = _final_scores(cycle.previous) if cycle.previous else {}
    standards = []
    for question in form_version_questions(version=cycle.standard_set):
        values = current.get(question.key, [])
        counts = Counter(values)
        standards.append(
            StandardSummary(
                key=question.key,
                text=question.text,
                distribution=[(label, counts.get(value, 0)) for value, label in Score.choices],
                mean=_mean(values),
                previous_mean=_mean(previous.get(question.key, [])),
            )
        )
    returns = cycle.returns.select_related("agency")
    not_submitted = [r.agency.name for r in returns if r.status == Section11Return.Status.DRAFT]
    return Section11Summary(
        standards=standards,
        not_submitted=sorted(not_submitted),
        returns=len(returns),
        submitted=len(returns) - len(not_submitted),
    )


def section11_returns_to_moderate() -> QuerySet[Section11Return]:
    return (
        Section11Return.objects.filter(status=Section11Return.Status.SUBMITTED)
        .select_related("cycle", "agency")
        .order_by("submitted_at")
    )


def section11_returns_due_for_user(
    *, user: User, today: dt.date | None = None
) -> QuerySet[Section11Return]:
    """Draft returns of the user's agencies in cycles that have opened (for "My work")."""
    today = today or timezone.localdate()
    return (
        Section11Return.objects.filter(
            agency_id__in=user.lead_agency_ids,
            status=Section11Return.Status.DRAFT,
            cycle__opens_on__lte=today,
        )
        .select_related("cycle", "agency")
        .order_by("cycle__deadline")
    )


# --- commentary, scrutiny, professional differences -----------------------------------


def commentary_list_for_user(*, user: User) -> QuerySet[PerformanceCommentary]:
    items = PerformanceCommentary.objects.select_related("priority", "agency").order_by(
        "-year_label", "half", "priority__number", "agency__name", "id"
    )
    if permissions.can_view_all_assurance(user):
        return items
    return items.filter(agency_id__in=user.lead_agency_ids)


def commentary_template_version() -> FormVersion | None:
    """The latest version of the newest commentary template that has questions, if any."""
    template = (
        FormTemplate.objects.filter(
            purpose=FormTemplate.Purpose.COMMENTARY,
            versions__sections__questions__isnull=False,
        )
        .order_by("-created_at", "-id")
        .first()
    )
    return form_version_latest(template=template) if template is not None else None


def commentary_agency_list_for_user(*, user: User) -> QuerySet[Agency]:
    """The agencies the user may send a commentary for: any agency in use for staff, their
    own agencies for a safeguarding lead."""
    if permissions.can_manage_assurance(user):
        return Agency.objects.active()
    return Agency.objects.filter(pk__in=user.lead_agency_ids)


def commentary_escalations_open(*, user: User) -> QuerySet[PerformanceCommentary]:
    return (
        commentary_list_for_user(user=user)
        .exclude(escalation="")
        .filter(board_responded_on__isnull=True)
    )


def scrutiny_report_list() -> QuerySet[ScrutinyReport]:
    return ScrutinyReport.objects.annotate(assessment_count=Count("assessments")).order_by(
        "-board_meeting_on", "id"
    )


def scrutiny_assessment_list(
    *, report: ScrutinyReport | None = None, year: ReportingYear | None = None
) -> QuerySet[ScrutinyAssessment]:
    items = ScrutinyAssessment.objects.select_related("theme", "report")
    if report is not None:
        items = items.filter(report=report)
    if year is not None:
        items = items.filter(assessed_on__range=(year.start, year.end))
    return items.order_by("theme__number", "-assessed_on")


def professional_difference_list() -> QuerySet[ProfessionalDifference]:
    return ProfessionalDifference.objects.select_related(
        "raised_by_agency", "with_agency"
    ).order_by("-raised_on", "id")


@dataclass(frozen=True)
class DifferenceStats:
    total: int
    by_stage: list[tuple[str, int]]
    resolved: int
    open: int
    mean_days_to_resolve: int | None


def professional_difference_stats(*, year: ReportingYear | None = None) -> DifferenceStats:
    """Counts by the stage each difference reached and the mean days to resolve (rounded
    half up), for differences raised in `year` (or all)."""
    items = ProfessionalDifference.objects.all()
    if year is not None:
        items = items.filter(raised_on__range=(year.start, year.end))
    stage_counts = dict(items.values_list("stage").annotate(n=Count("id")).order_by())
    by_stage = [
        (label, stage_counts.get(value, 0))
        for value, label in ProfessionalDifference.Stage.choices
    ]
    resolved = [d.days_to_resolve for d in items.filter(resolved_on__isnull=False)]
    days = [d for d in resolved if d is not None]
    mean = (2 * sum(days) + len(days)) // (2 * len(days)) if days else None
    total = items.count()
    return DifferenceStats(
        total=total,
        by_stage=by_stage,
        resolved=len(days),
        open=total - len(days),
        mean_days_to_resolve=mean,
    )


def survey_list_open_to_anyone(*, day: dt.date | None = None) -> QuerySet[Survey]:
    """Surveys anyone may answer today (the public home page's "Have your say"): open, not
    invitation-only and not part of a Section 11 cycle."""
    day = day or timezone.localdate()
    return Survey.objects.filter(
        opens_on__lte=day,
        closes_on__gte=day,
        invited_only=False,
        section11_cycle__isnull=True,
    ).order_by("closes_on", "title")
