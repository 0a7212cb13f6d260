"""Synthetic demo records for quality assurance (idempotent: records are found by their natural
keys before anything is created).

2020-21 states the seed report's figures, all computed from individual records:
* three child sexual abuse surveys answered by 324 children and young people, 125 parents and
  carers and 362 professionals (one synthetic response each); 351 of 362 professionals (97%)
  felt confident in reporting child sexual abuse, 304 of 362 (84%) had been trained on it, and
  81 of 324 children (25%) knew that sexual abuse is often by someone the child knows;
* Section 11 2020-21 against 2018-19: moderated scores improved for escalating concerns,
  embedding safeguarding policies, information sharing and the lived experience of the child;
  the lowest (the main area for improvement) is the use of safeguarding assessment tools;
* the scrutineer's assessments against the six themes; a completed multi-agency audit;
  performance commentaries for each priority; professional differences.
Every name, reference and comment here is invented.
"""

from __future__ import annotations

import datetime as dt
from typing import TextIO

from django.db import transaction
from django.utils import timezone

from safeguarding.accounts.models import User
from safeguarding.assurance import services
from safeguarding.assurance.models import (
    Audit,
    FormTemplate,
    FormVersion,
    Grade,
    PerformanceCommentary,
    ProfessionalDifference,
    Question,
    ScrutinyAssessment,
    ScrutinyReport,
    ScrutinyTheme,
    Section11Cycle,
    Section11Return,
    Survey,
)
from safeguarding.core.demo import say
from safeguarding.learning.models import Theme
from safeguarding.learning.services import theme_create
from safeguarding.partnership.demo import demo_email
from safeguarding.partnership.models import Agency, Priority

YES_NO_NOT_SURE = ["Yes", "No", "Not sure"]

SECTION11_AGENCIES = [
    "Cambridgeshire Constabulary",
    "Peterborough City Council",
    "Cambridgeshire County Council",
    "Cambridgeshire and Peterborough Foundation Trust",
    "Cambridgeshire Community Services",
    "East of England Ambulance Service",
]

# (key, standard, 2018-19 moderated score, 2020-21 moderated scores by agency)
STANDARDS: list[tuple[str, str, int, list[int]]] = [
    ("senior_management", "Senior management commitment to safeguarding", 2, [2] * 6),
    ("accountability", "Clear lines of accountability for safeguarding", 2, [2] * 6),
    ("safeguarding_policies", "Embedding safeguarding policies and practices", 1, [2] * 6),
    ("escalating_concerns", "Escalating concerns", 1, [2] * 6),
    ("information_sharing", "Information sharing", 1, [2, 2, 3, 2, 2, 2]),
    ("lived_experience", "The lived experience of the child", 1, [2] * 6),
    ("assessment_tools", "Use of safeguarding assessment tools", 1, [0, 1, 1, 0, 1, 1]),
    ("safer_recruitment", "Safer recruitment", 3, [3] * 6),
    ("training", "Safeguarding training and supervision", 2, [2] * 6),
]
PRIORITIES_STANDARD = ("board_priorities", "Embedding the Board's priorities", [2] * 6)

# Surveys: (title, audience, opens, closes, questions, {key: [(answer, count), ...]}, comments)
SURVEY_WINDOW = (dt.date(2020, 10, 1), dt.date(2020, 12, 18))
SurveySpec = tuple[
    str,
    str,
    list[tuple[str, str, str, list[str], str]],
    dict[str, list[tuple[str, int]]],
    list[str],
]
SURVEYS: list[SurveySpec] = [
    (
        "Child sexual abuse: what do young people know?",
        Survey.Audience.CHILDREN,
        [
            (
                "someone_known",
                "Is sexual abuse most often done by someone the child already knows?",
                Question.Kind.CHOICE,
                YES_NO_NOT_SURE,
                "knew that sexual abuse is often by someone they know",
            ),
            (
                "online",
                "Can sexual abuse happen online?",
                Question.Kind.CHOICE,
                YES_NO_NOT_SURE,
                "knew that sexual abuse can happen online",
            ),
            (
                "who_to_tell",
                "Would you know who to tell if something happened to you?",
                Question.Kind.CHOICE,
                YES_NO_NOT_SURE,
                "",
            ),
        ],
        {
            "someone_known": [("Yes", 81), ("No", 152), ("Not sure", 91)],
            "online": [("Yes", 201), ("No", 48), ("Not sure", 75)],
            "who_to_tell": [("Yes", 262), ("No", 22), ("Not sure", 40)],
        },
        [
            "I did not know it could happen with people you know.",
            "More lessons about staying safe online please.",
            "I would tell my teacher.",
            "It would be good to have somewhere to ask questions without giving your name.",
            "Make the posters easier to understand.",
        ],
    ),
    (
        "Child sexual abuse: a survey for parents and carers",
        Survey.Audience.PARENTS,
        [
            (
                "online",
                "Can child sexual abuse happen online?",
                Question.Kind.CHOICE,
                YES_NO_NOT_SURE,
                "knew that child sexual abuse can happen online",
            ),
            (
                "someone_known",
                "Is child sexual abuse most often by someone the child knows?",
                Question.Kind.CHOICE,
                YES_NO_NOT_SURE,
                "knew that child sexual abuse is often by someone the child knows",
            ),
            (
                "know_sarc",
                "Have you heard of the sexual assault referral centre?",
                Question.Kind.YES_NO_PARTLY,
                [],
                "",
            ),
        ],
        {
            "online": [("Yes", 109), ("No", 6), ("Not sure", 10)],
            "someone_known": [("Yes", 62), ("No", 38), ("Not sure", 25)],
            "know_sarc": [("Yes", 31), ("No", 85), ("Partly", 9)],
        },
        [
            "I would like information about apps my children use.",
            "Schools should send more information home.",
            "I was not aware of the referral centre.",
            "Clear advice on what to do if my child tells me something.",
            "Evening sessions for parents would help.",
        ],
    ),
    (
        "Child sexual abuse: a survey for professionals",
        Survey.Audience.PROFESSIONALS,
        [
            (
                "confident_reporting",
                "Do you feel confident in reporting child sexual abuse?",
                Question.Kind.CHOICE,
                YES_NO_NOT_SURE,
                "felt confident in reporting child sexual abuse",
            ),
            (
                "trained",
                "Have you received training on child sexual abuse?",
                Question.Kind.CHOICE,
                ["Yes", "No"],
                "had received training on child sexual abuse",
            ),
            (
                "confidence_rating",
                "How confident are you in talking with a child about sexual abuse?",
                Question.Kind.RATING,
                ["Not confident", "A little confident", "Confident", "Very confident"],
                "",
            ),
        ],
        {
            "confident_reporting": [("Yes", 351), ("No", 4), ("Not sure", 7)],
            "trained": [("Yes", 304), ("No", 58)],
            "confidence_rating": [
                ("Not confident", 18),
                ("A little confident", 77),
                ("Confident", 181),
                ("Very confident", 86),
            ],
        },
        [
            "Training on harmful sexual behaviour would help.",
            "Guidance on the sexual behaviours tool please.",
            "The online briefings were useful.",
            "More on talking with children with special educational needs.",
            "Information about the referral centre pathway.",
            "Supervision time to discuss cases.",
        ],
    ),
]

SCRUTINY_THEMES = {
    1: "The three core partner leads are actively involved in strategic planning and "
    "implementation",
    2: "The wider safeguarding partners (including relevant agencies) are actively involved in "
    "safeguarding children",
    3: "Children, young people and families are aware of and involved with plans for "
    "safeguarding children",
    4: "Appropriate quality assurance procedures are in place for data collection, audit and "
    "information sharing",
    5: "There is a process for identifying and investigating learning from local and national "
    "case reviews",
    6: "There is an active programme of multi-agency safeguarding children training",
}

SCRUTINY = [
    (
        1,
        "strong",
        "Priorities plan, board and subgroup attendance, joint working with the adults board.",
        "Consider emotional health and wellbeing in adolescents as a priority.",
    ),
    (
        2,
        "strong",
        "Membership of subgroups and task and finish groups; board meeting observation.",
        "",
    ),
    (
        3,
        "reasonable",
        "Engagement of children and families in plans and priorities.",
        "Agencies share feedback from children and families with the partnership regularly.",
    ),
    (4, "strong", "QEG data, the multi-agency audit programme and the Section 11 programme.", ""),
    (
        5,
        "reasonable",
        "CSPR subgroup minutes, referrals and national review learning.",
        "Keep the resource demands of case reviews in mind when agreeing each methodology.",
    ),
    (6, "strong", "The multi-agency training programme and the virtual briefings.", ""),
]

# (raised by, with, final stage, issue, raised on, days to resolve or None)
DIFFERENCES = [
    (
        "Cambridgeshire Constabulary",
        "Peterborough City Council",
        "1",
        "Threshold for a strategy discussion after a domestic incident.",
        dt.date(2020, 5, 4),
        6,
    ),
    (
        "Cambridgeshire Community Services",
        "Cambridgeshire County Council",
        "2",
        "Step-down from a child protection plan without a core group meeting.",
        dt.date(2020, 7, 13),
        15,
    ),
    (
        "Cambridgeshire and Peterborough Foundation Trust",
        "Peterborough City Council",
        "2",
        "Invitation of health professionals to a child in need review.",
        dt.date(2020, 9, 21),
        20,
    ),
    (
        "Peterborough City Council",
        "Cambridgeshire Constabulary",
        "1",
        "Sharing of a police notification with the school.",
        dt.date(2020, 11, 2),
        4,
    ),
    (
        "Cambridgeshire County Council",
        "East of England Ambulance Service",
        "3",
        "Referral route for a repeat call-out concern.",
        dt.date(2021, 1, 18),
        35,
    ),
    (
        "Cambridgeshire Community Services",
        "Cambridgeshire Constabulary",
        "1",
        "Attendance at a multi-agency meeting.",
        dt.date(2021, 3, 8),
        None,
    ),
]


def _agency(name: str) -> Agency | None:
    return Agency.objects.filter(name=name).first()


def _officer() -> User | None:
    return User.objects.filter(email=demo_email("officer")).first()


def seed(*, stdout: TextIO | None = None) -> None:
    agencies = [a for a in (_agency(n) for n in SECTION11_AGENCIES) if a is not None]
    if len(agencies) < 3:
        say(stdout, "Assurance demo skipped: the demo partnership's agencies are missing.")
        return
    _seed_section11(agencies)
    _seed_surveys()
    _seed_audit(agencies[:3])
    _seed_commentaries(agencies[:3])
    _seed_scrutiny(agencies[0])
    _seed_differences()
    say(stdout, "Quality assurance: surveys, Section 11, audit, commentary and scrutiny ready.")


def _form(name: str, purpose: str) -> FormTemplate:
    form = FormTemplate.objects.filter(name=name, purpose=purpose).first()
    return form or services.form_template_create(actor=None, name=name, purpose=purpose)


# --- surveys ---------------------------------------------------------------------------


def _seed_surveys() -> None:
    opens, closes = SURVEY_WINDOW
    for title, audience, questions, counts, comments in SURVEYS:
        survey = Survey.objects.filter(title=title).first()
        if survey is None:
            form = _form(f"{title} (questionnaire)", FormTemplate.Purpose.SURVEY)
            if not Question.objects.filter(section__form_version__template=form).exists():
                section = services.form_section_add(actor=None, template=form, title="Questions")
                for key, text, kind, choices, label in questions:
                    services.form_question_add(
                        actor=None,
                        section=section,
                        key=key,
                        text=text,
                        kind=kind,
                        choices=choices,
                        report_label=label,
                    )
                services.form_question_add(
                    actor=None,
                    section=section,
                    key="anything_else",
                    text="Is there anything else you want to tell us?",
                    kind=Question.Kind.TEXT,
                    required=False,
                )
            survey = services.survey_create(
                actor=None,
                title=title,
                audience=audience,
                form=form,
                opens_on=opens,
                closes_on=closes,
                topic="Child sexual abuse",
                intro="This survey is anonymous: we do not ask for your name.",
                section11_cycle=(
                    Section11Cycle.objects.filter(year_label="2020-21").first()
                    if audience == Survey.Audience.PROFESSIONALS
                    else None
                ),
            )
        _seed_responses(survey, counts, comments)


def _answers_at(index: int, counts: dict[str, list[tuple[str, int]]]) -> dict[str, str]:
    answers = {}
    for key, spread in counts.items():
        position = index
        for answer, count in spread:
            if position < count:
                answers[key] = answer
                break
            position -= count
    return answers


@transaction.atomic
def _seed_responses(
    survey: Survey, counts: dict[str, list[tuple[str, int]]], comments: list[str]
) -> None:
    total = sum(n for _a, n in next(iter(counts.values())))
    already = survey.responses.count()
    days = (survey.closes_on - survey.opens_on).days + 1
    for index in range(already, total):
        answers = _answers_at(index, counts)
        if index % 7 == 0:
            answers["anything_else"] = comments[(index // 7) % len(comments)]
        services.survey_answer(
            survey=survey, answers=answers, today=survey.opens_on + dt.timedelta(index % days)
        )


# --- Section 11 --------------------------------------------------------------------------


def _standard_set() -> tuple[FormVersion, FormVersion]:
    form = _form("Section 11 standards", FormTemplate.Purpose.SECTION11)
    if not Question.objects.filter(section__form_version__template=form).exists():
        section = services.form_section_add(actor=None, template=form, title="Standards")
        for key, text, _before, _after in STANDARDS:
            services.form_question_add(
                actor=None,
                section=section,
                key=key,
                text=text,
                kind=Question.Kind.RATING,
                choices=["0: not met", "1: partly met", "2: mostly met", "3: fully met"],
            )
    first = form.versions.get(number=1)
    services.form_version_freeze(version=first)
    second = form.versions.filter(number=2).first()
    if second is None:
        key, text, _scores = PRIORITIES_STANDARD
        added = services.form_question_add(
            actor=None,
            section=first.sections.get(order=1),
            key=key,
            text=text,
            kind=Question.Kind.RATING,
            choices=["0: not met", "1: partly met", "2: mostly met", "3: fully met"],
        )
        second = added.section.form_version
    return first, second


def _seed_section11(agencies: list[Agency]) -> None:
    first, second = _standard_set()
    earlier = _cycle(
        "Section 11 self-assessment 2018-19", "2018-19", dt.date(2018, 9, 3), first, agencies
    )
    later = _cycle(
        "Section 11 self-assessment 2020-21",
        "2020-21",
        dt.date(2020, 9, 1),
        second,
        agencies,
        previous=earlier,
    )
    before = {key: [score] * len(agencies) for key, _t, score, _a in STANDARDS}
    after = {key: scores for key, _t, _b, scores in STANDARDS}
    after[PRIORITIES_STANDARD[0]] = PRIORITIES_STANDARD[2]
    _complete(earlier, before)
    _complete(later, after)


def _cycle(
    name: str,
    label: str,
    opens: dt.date,
    version: FormVersion,
    agencies: list[Agency],
    previous: Section11Cycle | None = None,
) -> Section11Cycle:
    cycle = Section11Cycle.objects.filter(year_label=label).first()
    if cycle is not None:
        return cycle
    return services.section11_cycle_create(
        actor=None,
        name=name,
        year_label=label,
        opens_on=opens,
        deadline=opens + dt.timedelta(days=88),
        standard_set=version,
        agencies=agencies,
        previous=previous,
    )


def _complete(cycle: Section11Cycle, moderated: dict[str, list[int]]) -> None:
    officer = _officer()
    for index, ret in enumerate(cycle.returns.order_by("agency__name")):
        if ret.status == Section11Return.Status.MODERATED:
            continue
        scores = list(ret.scores.select_related("standard"))
        final = {s.pk: moderated[s.standard.key][index % 6] for s in scores}
        if ret.status == Section11Return.Status.DRAFT:
            services.section11_return_save(
                actor=None,
                section11_return=ret,
                expected_version=None,
                scores={
                    s.pk: {
                        "self_score": min(final[s.pk] + (index % 2), 3),
                        "evidence": "Policy, audit results and supervision records (demo).",
                        "strengths": "Named safeguarding leads in every team (demo).",
                        "areas_for_improvement": "Wider use of assessment tools (demo).",
                    }
                    for s in scores
                },
            )
            services.section11_return_submit(actor=None, section11_return=ret)
        services.section11_return_moderate(
            actor=officer,
            section11_return=ret,
            expected_version=None,
            moderated={pk: (value, "Agreed at moderation (demo).") for pk, value in final.items()},
        )


# --- audit -------------------------------------------------------------------------------

AUDIT_TITLE = "Lived experience of the child: multi-agency audit 2020"


def _seed_audit(agencies: list[Agency]) -> None:
    if Audit.objects.filter(title=AUDIT_TITLE).exists():
        return
    tool = _form("Lived experience audit tool", FormTemplate.Purpose.AUDIT_TOOL)
    section = services.form_section_add(actor=None, template=tool, title="The child's experience")
    tool_questions: list[tuple[str, str, str, list[str]]] = [
        (
            "voice_recorded",
            "Is the child's voice recorded in their own words?",
            Question.Kind.YES_NO_PARTLY,
            [],
        ),
        (
            "lived_experience",
            "Does the plan show the child's daily lived experience?",
            Question.Kind.YES_NO_PARTLY,
            [],
        ),
        ("quality", "Overall quality of multi-agency practice", Question.Kind.RAG, []),
    ]
    for key, text, kind, choices in tool_questions:
        services.form_question_add(
            actor=None, section=section, key=key, text=text, kind=kind, choices=choices
        )
    officer = _officer()
    audit = services.audit_create(
        actor=None,
        title=AUDIT_TITLE,
        theme="The voice of the child",
        kind=Audit.Kind.MULTI_AGENCY,
        tool=tool,
        agencies=agencies,
        planned_for=dt.date(2020, 6, 1),
    )
    answers = [
        ("Yes", "Yes", "Green"),
        ("Partly", "Yes", "Amber"),
        ("Yes", "Partly", "Green"),
        ("No", "Partly", "Amber"),
        ("Yes", "Yes", "Green"),
        ("Partly", "No", "Red"),
    ]
    grades = {}
    for number, (voice, lived, quality) in enumerate(answers, start=1):
        case = services.audit_case_add(
            actor=None,
            audit=audit,
            case_reference=f"QA-2020-{number:02d}",
            agency=agencies[number % len(agencies)],
            auditor=officer,
        )
        grade = {"Green": Grade.GREEN, "Amber": Grade.AMBER, "Red": Grade.RED}[quality]
        services.audit_case_complete(
            actor=officer,
            case=case,
            answers={"voice_recorded": voice, "lived_experience": lived, "quality": quality},
            auditor_grade=grade,
            on=dt.date(2020, 6, 20),
        )
        grades[case.pk] = (grade, "")
    services.audit_moderate(
        actor=officer, audit=audit, moderation_on=dt.date(2020, 7, 15), grades=grades
    )
    theme = Theme.objects.filter(name="The voice of the child").first() or theme_create(
        actor=None,
        name="The voice of the child",
        description="Seeing the child, hearing what they say and acting on their lived "
        "experience.",
    )
    services.audit_finding_record(
        actor=officer,
        audit=audit,
        title="Record what the child says in their own words",
        summary="Plans were stronger where practitioners wrote down the child's own words and "
        "described a typical day for them.",
        recorded_on=dt.date(2020, 7, 20),
        themes=[theme] if theme else [],
        action_description="Publish lived experience of the child guidance and a training pack.",
        action_agency=agencies[0],
        action_due=timezone.localdate() + dt.timedelta(days=60),
    )
    services.audit_complete(
        actor=officer,
        audit=audit,
        completed_on=dt.date(2020, 8, 14),
        findings_summary="Practice was good or better in four of six cases; the child's own "
        "words were not always recorded.",
    )


# --- commentary, scrutiny, differences --------------------------------------------------


def _seed_commentaries(agencies: list[Agency]) -> None:
    priorities = Priority.objects.filter(period_start=dt.date(2019, 10, 1)).order_by("number")
    for priority in priorities:
        for agency in agencies:
            for half, on in (
                (PerformanceCommentary.Half.FIRST, dt.date(2020, 10, 16)),
                (PerformanceCommentary.Half.SECOND, dt.date(2021, 4, 16)),
            ):
                if PerformanceCommentary.objects.filter(
                    priority=priority, agency=agency, year_label="2020-21", half=half
                ).exists():
                    continue
                escalate = (
                    "Practitioners are not using the assessment tools consistently."
                    if priority.number == 1
                    and half == PerformanceCommentary.Half.FIRST
                    and agency == agencies[1]
                    else ""
                )
                commentary = services.commentary_submit(
                    actor=None,
                    priority=priority,
                    agency=agency,
                    year_label="2020-21",
                    half=half,
                    worked_well="Virtual briefings reached more staff than classroom sessions.",
                    areas_for_improvement="Recording of the child's lived experience.",
                    agency_actions="Supervision templates updated; team briefings held.",
                    multi_agency_support="Shared guidance on the assessment tools.",
                    escalation=escalate,
                    on=on,
                )
                if escalate:
                    services.commentary_review(
                        actor=None,
                        commentary=commentary,
                        qeg_comments="Escalated to the Executive Board.",
                        expected_version=None,
                        on=dt.date(2020, 11, 5),
                    )
                    services.commentary_board_response_record(
                        actor=None,
                        commentary=commentary,
                        board_response="A multi-agency task and finish group will embed the "
                        "assessment tools.",
                        board_responded_on=dt.date(2020, 11, 26),
                        expected_version=None,
                    )


def _seed_scrutiny(owner: Agency) -> None:
    title = "Independent scrutiny report to the Executive Board, March 2021"
    if ScrutinyReport.objects.filter(title=title).exists():
        return
    report = services.scrutiny_report_create(
        actor=None,
        title=title,
        board_meeting_on=dt.date(2021, 3, 18),
        summary="Assessment against the six steps for independent scrutiny.",
    )
    for number, judgement, evidence, recommendation in SCRUTINY:
        # The themes ship in a data migration; a flushed test database may not have them.
        theme, _created = ScrutinyTheme.objects.get_or_create(
            number=number, defaults={"title": SCRUTINY_THEMES[number]}
        )
        services.scrutiny_assessment_record(
            actor=None,
            theme=theme,
            report=report,
            assessed_on=dt.date(2021, 3, 1),
            evidence_reviewed=evidence,
            judgement=ScrutinyAssessment.Judgement(judgement),
            recommendations=recommendation,
        )
        if recommendation:
            services.scrutiny_recommendation_action(
                actor=None,
                report=report,
                description=recommendation,
                owner_agency=owner,
                due_date=timezone.localdate() + dt.timedelta(days=90),
            )


def _seed_differences() -> None:
    for raised_by, with_, stage, issue, raised_on, days in DIFFERENCES:
        if ProfessionalDifference.objects.filter(issue=issue, raised_on=raised_on).exists():
            continue
        first, second = _agency(raised_by), _agency(with_)
        if first is None or second is None:
            continue
        difference = services.professional_difference_record(
            actor=None,
            raised_by_agency=first,
            with_agency=second,
            issue=issue,
            raised_on=raised_on,
        )
        services.professional_difference_update(
            actor=None,
            difference=difference,
            expected_version=None,
            stage=stage,
            resolved_on=raised_on + dt.timedelta(days=days) if days is not None else None,
            outcome="Agreed a way forward (demo)." if days is not None else "",
        )
