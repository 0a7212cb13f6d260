"""Every page: the allowed user, an outsider (404), a read-only user on a write (403) and the
wrong method (405); agency scoping of Section 11 returns and commentaries; form pages show the
error summary."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.assurance import selectors, services
from safeguarding.assurance.models import (
    Audit,
    AuditCase,
    FormTemplate,
    PerformanceCommentary,
    ProfessionalDifference,
    Question,
    ScrutinyReport,
    Section11Cycle,
    Section11Return,
    Survey,
)
from safeguarding.assurance.tests.factories import (
    ProfessionalDifferenceFactory,
    ScrutinyReportFactory,
    audit_make,
    commentary_make,
    cycle,
    open_survey,
    survey_form,
)
from safeguarding.core.testing import ViewMatrix, date_data
from safeguarding.partnership.models import Agency
from safeguarding.partnership.tests.factories import AgencyFactory, PriorityFactory

pytestmark = pytest.mark.django_db


@dataclass
class World:
    agency: Agency
    other: Agency
    survey: Survey
    cycle: Section11Cycle
    ret: Section11Return
    other_ret: Section11Return
    audit: Audit
    case: AuditCase
    moderated: Audit
    commentary: PerformanceCommentary
    report: ScrutinyReport
    difference: ProfessionalDifference
    form: FormTemplate
    question: Question


@pytest.fixture
def world() -> World:
    agency, other = AgencyFactory.create(), AgencyFactory.create()
    c = cycle(agencies=[agency, other])
    tool = survey_form(purpose=FormTemplate.Purpose.AUDIT_TOOL, with_comment=False)
    audit = audit_make([agency], title="Audit", tool=tool)
    case = services.audit_case_add(actor=None, audit=audit, case_reference="QA-1", agency=agency)
    done = services.audit_case_add(actor=None, audit=audit, case_reference="QA-2", agency=agency)
    services.audit_case_complete(
        actor=None, case=done, answers={"seen": "Yes"}, auditor_grade="green"
    )
    audit.refresh_from_db()  # in progress: cases, moderation and findings are all open
    moderated = audit_make([agency], title="Moderated audit", tool=tool)
    graded = services.audit_case_add(
        actor=None, audit=moderated, case_reference="QA-3", agency=agency
    )
    services.audit_case_complete(
        actor=None, case=graded, answers={"seen": "No"}, auditor_grade="amber"
    )
    moderated.refresh_from_db()
    services.audit_moderate(
        actor=None,
        audit=moderated,
        moderation_on=dt.date(2020, 7, 1),
        grades={graded.pk: ("amber", "")},
    )
    commentary = commentary_make(PriorityFactory.create(), agency, escalation="Escalate this.")
    survey = open_survey()
    for _ in range(5):  # enough answers for results and the export to show
        services.survey_answer(survey=survey, answers={"seen": "Yes"}, today=dt.date(2020, 11, 2))
    return World(
        agency=agency,
        other=other,
        survey=survey,
        cycle=c,
        ret=c.returns.get(agency=agency),
        other_ret=c.returns.get(agency=other),
        audit=audit,
        case=case,
        moderated=moderated,
        commentary=commentary,
        report=ScrutinyReportFactory.create(),
        difference=ProfessionalDifferenceFactory.create(),
        form=survey.form,
        question=Question.objects.get(section__form_version__template=survey.form, key="seen"),
    )


def _pages(world: World) -> list[tuple[str, bool]]:
    """(url, is a write page)."""
    return [
        (reverse("assurance:overview"), False),
        (reverse("assurance:form_list"), False),
        (reverse("assurance:form_create"), True),
        (reverse("assurance:form_detail", args=[world.form.pk]), False),
        (reverse("assurance:form_section_add", args=[world.form.pk]), True),
        (reverse("assurance:form_question_add", args=[world.form.pk]), True),
        (reverse("assurance:form_question_update", args=[world.question.pk]), True),
        (reverse("assurance:survey_list"), False),
        (reverse("assurance:survey_create"), True),
        (reverse("assurance:survey_detail", args=[world.survey.pk]), False),
        (reverse("assurance:survey_export", args=[world.survey.pk]), False),
        (reverse("assurance:survey_update", args=[world.survey.pk]), True),
        (reverse("assurance:section11_cycle_list"), False),
        (reverse("assurance:section11_cycle_create"), True),
        (reverse("assurance:section11_cycle_detail", args=[world.cycle.pk]), False),
        (reverse("assurance:section11_return_detail", args=[world.ret.pk]), False),
        (reverse("assurance:section11_return_edit", args=[world.ret.pk]), True),
        (reverse("assurance:audit_list"), False),
        (reverse("assurance:audit_create"), True),
        (reverse("assurance:audit_detail", args=[world.audit.pk]), False),
        (reverse("assurance:audit_report", args=[world.audit.pk]), False),
        (reverse("assurance:audit_case_add", args=[world.audit.pk]), True),
        (reverse("assurance:audit_case_complete", args=[world.case.pk]), True),
        (reverse("assurance:audit_moderate", args=[world.audit.pk]), True),
        (reverse("assurance:audit_finding_add", args=[world.audit.pk]), True),
        (reverse("assurance:audit_complete", args=[world.moderated.pk]), True),
        (reverse("assurance:section11_return_submit", args=[world.ret.pk]), True),
        (reverse("assurance:survey_hours", args=[world.survey.pk]), False),
        (reverse("assurance:survey_links_issue", args=[world.survey.pk]), True),
        (reverse("assurance:commentary_list"), False),
        (reverse("assurance:commentary_create"), True),
        (reverse("assurance:commentary_detail", args=[world.commentary.pk]), False),
        (reverse("assurance:commentary_review", args=[world.commentary.pk]), True),
        (reverse("assurance:commentary_board_response", args=[world.commentary.pk]), True),
        (reverse("assurance:scrutiny_list"), False),
        (reverse("assurance:scrutiny_report_create"), True),
        (reverse("assurance:scrutiny_report_detail", args=[world.report.pk]), False),
        (reverse("assurance:scrutiny_assessment_add", args=[world.report.pk]), True),
        (reverse("assurance:scrutiny_recommendation_action", args=[world.report.pk]), True),
        (reverse("assurance:difference_list"), False),
        (reverse("assurance:difference_create"), True),
        (reverse("assurance:difference_update", args=[world.difference.pk]), True),
    ]


def test_every_page_opens_for_partnership_staff(
    client: Client, officer: User, world: World
) -> None:
    for url, _write in _pages(world):
        response = ViewMatrix(client, url).allowed(officer)
        if "/export/" not in url:  # every page is one whole, titled document
            html = response.content.decode()
            assert html.count("<title>") == 1, url
            assert html.count("</html>") == 1, url


def test_opening_a_page_creates_no_records(client: Client, officer: User, world: World) -> None:
    """Selectors never write: no page opened (results and reports included) adds a form
    version, section, question, response or any other assurance record."""
    from django.apps import apps

    models = list(apps.get_app_config("assurance").get_models())

    def counts() -> dict[str, int]:
        return {model.__name__: model._default_manager.count() for model in models}

    before = counts()
    client.force_login(officer)
    for url, _write in _pages(world):
        assert client.get(url).status_code == 200, url
    public = reverse("assurance:survey_answer", args=[world.survey.public_id])
    assert client.get(public).status_code in (200, 410)
    assert counts() == before


def test_every_page_is_404_for_an_outsider(client: Client, outsider: User, world: World) -> None:
    for url, _write in _pages(world):
        ViewMatrix(client, url).outsider(outsider)


def test_read_only_user_sees_pages_and_gets_403_on_every_write(
    client: Client, member_readonly: User, world: World
) -> None:
    for url, write in _pages(world):
        matrix = ViewMatrix(client, url)
        if write:
            matrix.read_only_write(member_readonly)
        else:
            matrix.allowed(member_readonly)
    for name in (
        "section11_return_moderate",
        "section11_return_challenge",
        "section11_return_feedback",
    ):
        url = reverse(f"assurance:{name}", args=[world.ret.pk])
        ViewMatrix(client, url).read_only_write(member_readonly)
    remove = reverse("assurance:form_question_remove", args=[world.question.pk])
    ViewMatrix(client, remove).read_only_write(member_readonly)
    assert Question.objects.filter(pk=world.question.pk).exists()


def test_wrong_method_is_405(client: Client, officer: User, world: World) -> None:
    for url, _write in _pages(world):
        ViewMatrix(client, url).wrong_method(officer, "delete")
    ViewMatrix(
        client, reverse("assurance:survey_answer", args=[world.survey.public_id])
    ).wrong_method(officer, "delete")


def test_anonymous_visitors_are_sent_to_sign_in(client: Client, world: World) -> None:
    for url, _write in _pages(world):
        ViewMatrix(client, url).anonymous_redirected()


# --- agency scoping --------------------------------------------------------------------------


@pytest.fixture
def lead(make_user: Callable[..., User], world: World) -> User:
    return make_user((Role.AGENCY_LEAD, world.agency))


def test_agency_lead_sees_own_return_but_not_another_agencys(
    client: Client, lead: User, world: World
) -> None:
    client.force_login(lead)

    own = client.get(reverse("assurance:section11_return_detail", args=[world.ret.pk]))
    theirs = client.get(reverse("assurance:section11_return_detail", args=[world.other_ret.pk]))
    listing = client.get(reverse("assurance:section11_cycle_detail", args=[world.cycle.pk]))

    assert own.status_code == 200
    assert theirs.status_code == 404
    assert world.agency.name in listing.content.decode()
    assert world.other.name not in listing.content.decode()
    assert ActivityEvent.objects.filter(
        verb="viewed", actor=lead, target_id=str(world.ret.pk)
    ).exists()


def test_agency_lead_completes_and_submits_but_cannot_moderate(
    client: Client, lead: User, world: World
) -> None:
    client.force_login(lead)
    scores = list(world.ret.scores.all())
    data: dict[str, object] = {"version": world.ret.version}
    for s in scores:
        data[f"s{s.pk}_self_score"] = "2"
        data[f"s{s.pk}_evidence"] = "Synthetic evidence."

    saved = client.post(reverse("assurance:section11_return_edit", args=[world.ret.pk]), data)
    submit_url = reverse("assurance:section11_return_submit", args=[world.ret.pk])
    unconfirmed = client.post(submit_url)
    assert b"Confirm that the return is ready to submit." in unconfirmed.content
    submitted = client.post(submit_url, {"confirmed": "on"})
    moderate = client.post(reverse("assurance:section11_return_moderate", args=[world.ret.pk]))
    other = client.post(reverse("assurance:section11_return_edit", args=[world.other_ret.pk]))

    assert saved.status_code == 302
    assert submitted.status_code == 302
    world.ret.refresh_from_db()
    assert world.ret.status == Section11Return.Status.SUBMITTED
    assert moderate.status_code == 403
    assert other.status_code == 404


def test_agency_lead_sees_only_own_commentaries_and_sends_for_own_agency_only(
    client: Client, lead: User, world: World
) -> None:
    theirs = commentary_make(world.commentary.priority, world.other)
    client.force_login(lead)

    assert (
        client.get(reverse("assurance:commentary_detail", args=[world.commentary.pk])).status_code
        == 200
    )
    assert client.get(reverse("assurance:commentary_detail", args=[theirs.pk])).status_code == 404
    page = client.post(
        reverse("assurance:commentary_create"),
        {
            "priority": world.commentary.priority.pk,
            "agency": world.other.pk,
            "year_label": "2020-21",
            "half": "second",
            "worked_well": "W",
            "areas_for_improvement": "A",
            "agency_actions": "D",
        },
    )
    assert page.status_code == 200
    assert b"govuk-error-summary" in page.content
    assert PerformanceCommentary.objects.filter(agency=world.other).count() == 1


def test_agency_lead_cannot_open_surveys_scrutiny_or_forms(
    client: Client, lead: User, world: World
) -> None:
    client.force_login(lead)

    for name, args in [
        ("survey_list", []),
        ("scrutiny_list", []),
        ("form_list", []),
        ("difference_list", []),
        ("survey_detail", [world.survey.pk]),
    ]:
        assert client.get(reverse(f"assurance:{name}", args=args)).status_code == 404


# --- form pages ---------------------------------------------------------------------------


def test_empty_post_shows_the_error_summary(client: Client, officer: User, world: World) -> None:
    client.force_login(officer)

    for name in ("form_create", "survey_create", "audit_create", "difference_create"):
        page = client.post(reverse(f"assurance:{name}"), {})
        assert page.status_code == 200
        assert b"govuk-error-summary" in page.content, name


def test_building_a_form_through_the_pages(client: Client, officer: User) -> None:
    client.force_login(officer)

    created = client.post(
        reverse("assurance:form_create"), {"name": "Poster survey", "purpose": "survey"}
    )
    form = FormTemplate.objects.get(name="Poster survey")
    client.post(reverse("assurance:form_section_add", args=[form.pk]), {"title": "About you"})
    section = selectors.form_version_latest(template=form).sections.get()
    added = client.post(
        reverse("assurance:form_question_add", args=[form.pk]),
        {
            "section": section.pk,
            "text": "Did you see it?",
            "key": "seen",
            "kind": "choice",
            "choices": "Yes\nNo",
            "required": "on",
        },
    )

    assert created.status_code == 302
    assert added.status_code == 302
    question = selectors.form_version_latest(template=form).sections.get().questions.get()
    assert (question.key, question.options, question.required) == ("seen", ["Yes", "No"], True)


def test_stale_moderation_shows_the_conflict(client: Client, officer: User, world: World) -> None:
    services.section11_return_save(
        actor=None,
        section11_return=world.ret,
        expected_version=None,
        scores={s.pk: {"self_score": 1} for s in world.ret.scores.all()},
    )
    services.section11_return_submit(actor=None, section11_return=world.ret)
    client.force_login(officer)
    data: dict[str, object] = {"version": 1}
    for s in world.ret.scores.all():
        data[f"s{s.pk}_moderated_score"] = "2"

    page = client.post(reverse("assurance:section11_return_moderate", args=[world.ret.pk]), data)

    assert page.status_code == 200
    assert b"Someone else saved this record" in page.content
    world.ret.refresh_from_db()
    assert world.ret.status == Section11Return.Status.SUBMITTED


def test_reminder_command_is_safe_to_run_twice(make_user: Callable[..., User]) -> None:
    agency = AgencyFactory.create()
    make_user((Role.AGENCY_LEAD, agency))
    cycle(agencies=[agency], opens_on=dt.date(2020, 9, 1), deadline=dt.date(2020, 11, 27))

    call_command("assurance_send_reminders")
    call_command("assurance_send_reminders")

    ret = Section11Return.objects.get()
    assert list(ret.reminders.values_list("kind", flat=True)) == ["overdue"]


def test_assigned_auditor_completes_the_tool_through_the_page(
    client: Client, make_user: Callable[..., User], world: World
) -> None:
    auditor = make_user((Role.PRACTITIONER, world.agency))
    world.case.auditor = auditor
    world.case.save()
    client.force_login(auditor)
    url = reverse("assurance:audit_case_complete", args=[world.case.pk])

    empty = client.post(url, {})
    done = client.post(url, {"seen": "No", "auditor_grade": "amber"})
    detail = client.get(reverse("assurance:audit_detail", args=[world.audit.pk]))

    assert b"govuk-error-summary" in empty.content
    assert done.status_code == 302
    assert detail.status_code == 200
    world.case.refresh_from_db()
    assert world.case.auditor_grade == "amber"
    assert client.get(reverse("assurance:survey_list")).status_code == 404


def test_commentary_page_asks_the_template_questions(
    client: Client, lead: User, world: World
) -> None:
    survey_form(purpose=FormTemplate.Purpose.COMMENTARY, with_comment=False)
    client.force_login(lead)
    data = {
        "priority": world.commentary.priority.pk,
        "agency": world.agency.pk,
        "year_label": "2020-21",
        "half": "second",
        "worked_well": "W",
        "areas_for_improvement": "A",
        "agency_actions": "D",
        "extra_seen": "Yes",
    }

    form_page = client.get(reverse("assurance:commentary_create"))
    sent = client.post(reverse("assurance:commentary_create"), data)

    assert b"Have you seen the poster?" in form_page.content
    assert sent.status_code == 302
    commentary = PerformanceCommentary.objects.get(half="second")
    detail = client.get(reverse("assurance:commentary_detail", args=[commentary.pk]))
    assert b"Have you seen the poster?" in detail.content
    assert commentary.extra_response is not None


def test_changing_a_survey_refuses_a_stale_edit(
    client: Client, officer: User, world: World
) -> None:
    client.force_login(officer)
    url = reverse("assurance:survey_update", args=[world.survey.pk])
    data = {
        "version": world.survey.version,
        "title": "New title",
        **date_data("opens_on", "2020-10-01"),
        **date_data("closes_on", "2020-12-31"),
    }

    first = client.post(url, data)
    second = client.post(url, {**data, "title": "Another title"})

    assert first.status_code == 302
    assert second.status_code == 200
    assert b"Someone else saved this record" in second.content
    world.survey.refresh_from_db()
    assert world.survey.title == "New title"
    assert world.survey.closes_on == dt.date(2020, 12, 31)
    assert world.survey.is_sensitive is False


def test_return_page_shows_the_previous_cycles_scores_beside_the_new(
    client: Client, officer: User
) -> None:
    from safeguarding.assurance.tests.factories import earlier_cycle, standard_set

    agency = AgencyFactory.create()
    form = standard_set(keys=("leadership",))
    earlier = earlier_cycle(agencies=[agency], form=form)
    old = earlier.returns.get()
    score = old.scores.get()
    services.section11_return_save(
        actor=None,
        section11_return=old,
        expected_version=None,
        scores={score.pk: {"self_score": 3}},
    )
    services.section11_return_submit(actor=None, section11_return=old)
    services.section11_return_moderate(
        actor=None, section11_return=old, expected_version=None, moderated={score.pk: (1, "")}
    )
    later = cycle(agencies=[agency], form=form, previous=earlier)
    client.force_login(officer)

    page = client.get(
        reverse("assurance:section11_return_detail", args=[later.returns.get().pk])
    ).content.decode()

    assert "Previous cycle</th>" in page
    row = page[page.index("Standard leadership</th>") :].split("</tr>")[0]
    assert row.count('govuk-table__cell--numeric">1</td>') == 1  # the moderated 1, not 3
    assert "–" in row
    edit = client.get(
        reverse("assurance:section11_return_edit", args=[later.returns.get().pk])
    ).content.decode()
    assert "Your score in the previous cycle: <strong>1</strong>" in edit


def test_scrutiny_assessment_and_recommendation_action_through_the_pages(
    client: Client, officer: User, world: World
) -> None:
    from safeguarding.assurance.models import ScrutinyTheme

    client.force_login(officer)
    theme = ScrutinyTheme.objects.get(number=3)

    assessed = client.post(
        reverse("assurance:scrutiny_assessment_add", args=[world.report.pk]),
        {
            "theme": theme.pk,
            **date_data("assessed_on", "2021-03-01"),
            "evidence_reviewed": "Minutes.",
            "judgement": "reasonable",
            "recommendations": "Share feedback from families.",
        },
    )
    followed = client.post(
        reverse("assurance:scrutiny_recommendation_action", args=[world.report.pk]),
        {
            "description": "Share feedback from families.",
            "owner_agency": world.agency.pk,
            **date_data("due_date", "2030-06-30"),
        },
    )
    page = client.get(reverse("assurance:scrutiny_report_detail", args=[world.report.pk]))

    assert (assessed.status_code, followed.status_code) == (302, 302)
    assert world.report.assessments.get().judgement == "reasonable"
    # the recommendation, the action's description, and the action link's hidden context
    html = page.content.decode()
    assert html.count("Share feedback from families.") == 3
    assert '<span class="govuk-visually-hidden">: Share feedback from families.</span>' in html


def test_audit_programme_is_listed_by_reporting_year(
    client: Client, officer: User, world: World
) -> None:
    client.force_login(officer)

    page = client.get(reverse("assurance:audit_list")).content.decode()

    assert page.count("Audit programme 2020-21</caption>") == 1
    assert page.count(reverse("assurance:audit_detail", args=[world.audit.pk])) == 1


def test_change_and_remove_a_question_through_the_pages(
    client: Client, officer: User, outsider: User, world: World
) -> None:
    services.survey_answer(
        survey=world.survey, answers={"seen": "Yes"}, today=dt.date(2020, 11, 2)
    )
    remove_url = reverse("assurance:form_question_remove", args=[world.question.pk])
    ViewMatrix(client, remove_url).outsider(outsider, method="post")
    ViewMatrix(client, remove_url).wrong_method(officer, "get")
    client.force_login(officer)

    changed = client.post(
        reverse("assurance:form_question_update", args=[world.question.pk]),
        {"text": "Did you notice the poster?", "choices": "Yes\nNo", "required": "on"},
    )
    latest = selectors.form_version_latest(template=world.form)
    comment = Question.objects.get(section__form_version=latest, key="comment")
    removed = client.post(reverse("assurance:form_question_remove", args=[comment.pk]))

    assert (changed.status_code, removed.status_code) == (302, 302)
    assert latest.number == 2
    assert [(q.key, q.text) for q in Question.objects.filter(section__form_version=latest)] == [
        ("seen", "Did you notice the poster?")
    ]
    world.question.refresh_from_db()
    assert world.question.text == "Have you seen the poster?"
