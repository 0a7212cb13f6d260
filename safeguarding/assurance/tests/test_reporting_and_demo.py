"""The annual report figures for 2020-21 from the demo records, each checked against an
independent count of the stored rows (the seed report's figures)."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from safeguarding.activity_log.models import ActivityEvent
from safeguarding.assurance import reporting, verbs
from safeguarding.assurance.models import (
    Answer,
    FormVersion,
    PerformanceCommentary,
    ProfessionalDifference,
    Response,
    ScrutinyAssessment,
    Section11Score,
    Survey,
)
from safeguarding.core.reporting import percent
from safeguarding.core.years import ReportingYear

pytestmark = pytest.mark.django_db
YEAR = ReportingYear(2020)


@pytest.fixture
def demo(demo_seeded: None, db: None) -> None:
    """The whole demo (seeded once for the session: see the root conftest), for one test."""


def _answers(audience: str, key: str, value: str | None = None) -> int:
    rows = Answer.objects.filter(response__survey__audience=audience, question__key=key)
    return rows.filter(value=value).count() if value else rows.count()


def test_survey_respondents_by_group_come_from_individual_responses(demo: None) -> None:
    figures = reporting.report_section(YEAR).figures

    counted = {
        audience: Response.objects.filter(survey__audience=audience).count()
        for audience in Survey.Audience.values
    }
    assert counted == {"children": 324, "parents": 125, "professionals": 362}
    assert dict(figures.respondents_by_group) == {
        "Children and young people": 324,
        "Parents and carers": 125,
        "Professionals": 362,
    }
    assert len(figures.surveys) == 3
    practitioners = Survey.objects.get(audience="professionals")
    assert practitioners.section11_cycle is not None
    assert practitioners.section11_cycle.year_label == "2020-21"


def test_survey_key_findings_match_the_seed(demo: None) -> None:
    figures = reporting.report_section(YEAR).figures
    findings = {(s.audience, k.label): k for s in figures.surveys for k in s.key_findings}

    confident = _answers("professionals", "confident_reporting", "Yes")
    trained = _answers("professionals", "trained", "Yes")
    knows = _answers("children", "someone_known", "Yes")
    assert (confident, trained, knows) == (351, 304, 81)
    assert percent(confident, 362) == 97
    assert percent(trained, 362) == 84
    assert percent(knows, 324) == 25
    pro = findings[("Professionals", "felt confident in reporting child sexual abuse")]
    assert (pro.percent, pro.answered) == (97, 362)
    assert findings[("Professionals", "had received training on child sexual abuse")].percent == 84
    child = findings[
        ("Children and young people", "knew that sexual abuse is often by someone they know")
    ]
    assert (child.percent, child.answered) == (25, 324)
    # Children are less aware than parents that abuse can happen online.
    children_online = findings[
        ("Children and young people", "knew that sexual abuse can happen online")
    ]
    parents_online = findings[
        ("Parents and carers", "knew that child sexual abuse can happen online")
    ]
    assert children_online.percent < parents_online.percent


def test_anonymous_demo_answers_left_no_address_in_the_trail(demo: None) -> None:
    # 811 answers and not one event that could time or locate any of them.
    assert Response.objects.filter(survey__isnull=False).count() == 324 + 125 + 362
    assert not ActivityEvent.objects.filter(verb=verbs.SURVEY_ANSWERED).exists()


def _mean(label: str, key: str) -> float:
    scores = Section11Score.objects.filter(
        section11_return__cycle__year_label=label, standard__key=key
    ).values_list("moderated_score", flat=True)
    values = [v for v in scores if v is not None]
    return sum(values) / len(values)


def test_section11_findings_come_from_moderated_scores_against_2018_19(demo: None) -> None:
    s11 = reporting.report_section(YEAR).figures.section11

    keys = set(
        Section11Score.objects.filter(section11_return__cycle__year_label="2020-21").values_list(
            "standard__key", flat=True
        )
    )
    improved_keys = [
        key
        for key in sorted(keys - {"board_priorities"})  # new in 2020-21: nothing to compare
        if _mean("2020-21", key) > _mean("2018-19", key)
    ]
    assert sorted(improved_keys) == [
        "escalating_concerns",
        "information_sharing",
        "lived_experience",
        "safeguarding_policies",
    ]
    assert s11.improved == [
        "Embedding safeguarding policies and practices",
        "Escalating concerns",
        "Information sharing",
        "The lived experience of the child",
    ]
    assert s11.main_area_for_improvement == "Use of safeguarding assessment tools"
    assert _mean("2020-21", "assessment_tools") < min(
        _mean("2020-21", k) for k in keys - {"assessment_tools"}
    )
    assert (s11.returns, s11.submitted) == (6, 6)
    assert s11.previous_cycle == "Section 11 self-assessment 2018-19"


def test_section11_cycles_use_two_versions_of_the_standard_set(demo: None) -> None:
    versions = FormVersion.objects.filter(template__name="Section 11 standards")

    assert sorted(versions.values_list("number", flat=True)) == [1, 2]
    assert all(v.is_frozen for v in versions)


def test_scrutiny_commentary_audits_and_differences(demo: None) -> None:
    figures = reporting.report_section(YEAR).figures

    assert [theme.split(".")[0] for theme, _j in figures.scrutiny] == [
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
    ]
    assert ScrutinyAssessment.objects.filter(assessed_on__year=2021).count() == 6
    assert figures.scrutiny[2] == (
        "3. Children, young people and families are aware of and involved with plans for "
        "safeguarding children",
        "Reasonable assurance",
    )
    counted = PerformanceCommentary.objects.filter(year_label="2020-21")
    assert (
        [n for _num, _t, n in figures.commentaries_by_priority]
        == [counted.filter(priority__number=p).count() for p in (1, 2, 3, 4)]
        == [6, 6, 6, 6]
    )
    assert figures.escalations == counted.exclude(escalation="").count() == 1
    assert figures.audits.completed == 1
    assert figures.audits.themes == ["The voice of the child"]
    assert figures.audits.findings == ["Record what the child says in their own words"]
    differences = ProfessionalDifference.objects.filter(raised_on__range=(YEAR.start, YEAR.end))
    assert figures.differences.total == differences.count() == 6
    assert figures.differences.resolved == differences.exclude(resolved_on=None).count() == 5
    assert figures.differences.mean_days_to_resolve == 16  # (6+15+20+4+35)/5


def test_demo_seed_is_idempotent(demo: None) -> None:
    before = (
        Response.objects.count(),
        Section11Score.objects.count(),
        ActivityEvent.objects.count(),
    )

    call_command("demo_seed", "--quiet-sign-ins")

    after = (Response.objects.count(), Section11Score.objects.count())
    assert after == before[:2]


def test_report_section_renders_the_figures(demo: None) -> None:
    from django.template.loader import render_to_string

    section = reporting.report_section(YEAR)
    html = render_to_string(section.template, {"year": YEAR, "figures": section.figures})

    assert "97% felt confident in reporting child sexual abuse" in html
    assert "84% had received training on child sexual abuse" in html
    assert "25% knew that sexual abuse is often by someone they know" in html
    assert "The main area for improvement: Use of safeguarding assessment tools." in html
    for respondents in (">324<", ">125<", ">362<"):
        assert respondents in html


def test_report_section_for_a_year_without_records() -> None:
    from django.template.loader import render_to_string

    section = reporting.report_section(ReportingYear(2015))
    html = render_to_string(
        section.template, {"year": ReportingYear(2015), "figures": section.figures}
    )

    assert section.figures.section11 is None
    assert "No Section 11 cycle ran in 2015-16." in html
