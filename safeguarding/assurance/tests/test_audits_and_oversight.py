"""Audits (sample, tool, moderation, findings into learning and actions), performance
commentary (agency scoping, escalations), scrutiny and professional differences."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.actions.models import Action
from safeguarding.assurance import permissions, selectors, services
from safeguarding.assurance.models import (
    Audit,
    FormTemplate,
    Grade,
    PerformanceCommentary,
    ProfessionalDifference,
)
from safeguarding.assurance.tests.factories import (
    ProfessionalDifferenceFactory,
    audit_make,
    commentary_make,
    survey_form,
)
from safeguarding.core.years import ReportingYear
from safeguarding.learning.models import LearningPoint, Theme
from safeguarding.partnership.models import Agency, Priority
from safeguarding.partnership.tests.factories import AgencyFactory, PriorityFactory

pytestmark = pytest.mark.django_db


def _audit(agencies: list[Agency], kind: str = Audit.Kind.MULTI_AGENCY) -> Audit:
    return audit_make(agencies, kind=kind)


def test_audit_flow_from_sample_to_completion(officer) -> None:
    agencies = AgencyFactory.create_batch(2)
    audit = _audit(agencies)
    cases = [
        services.audit_case_add(
            actor=None,
            audit=audit,
            case_reference=f"QA-{n}",
            agency=agencies[n % 2],
            auditor=officer,
        )
        for n in range(3)
    ]
    for case, seen in zip(cases, ["Yes", "No", "Yes"], strict=True):
        services.audit_case_complete(
            actor=officer, case=case, answers={"seen": seen}, auditor_grade=Grade.AMBER
        )
    services.audit_moderate(
        actor=officer,
        audit=audit,
        moderation_on=dt.date(2020, 7, 1),
        grades={c.pk: (g, "") for c, g in zip(cases, ["green", "amber", "green"], strict=True)},
    )
    services.audit_complete(
        actor=officer, audit=audit, completed_on=dt.date(2020, 8, 1), findings_summary="Good."
    )

    audit.refresh_from_db()
    assert audit.status == Audit.Status.COMPLETE
    assert selectors.audit_grade_counts(audit=audit) == {"red": 0, "amber": 1, "green": 2}
    result = selectors.audit_results(audit=audit)[0]
    assert [(o.label, o.count) for o in result.options] == [("Yes", 2), ("No", 1), ("Not sure", 0)]


def test_case_reference_must_not_look_like_a_name() -> None:
    agency = AgencyFactory.create()
    audit = _audit([agency])

    with pytest.raises(ValidationError):
        services.audit_case_add(actor=None, audit=audit, case_reference="Jane Doe", agency=agency)


def test_case_agency_must_take_part_in_the_audit() -> None:
    audit = _audit([AgencyFactory.create()])

    with pytest.raises(ValidationError) as error:
        services.audit_case_add(
            actor=None, audit=audit, case_reference="QA-1", agency=AgencyFactory.create()
        )

    assert "agency" in error.value.message_dict


def test_single_agency_audit_has_exactly_one_agency() -> None:
    with pytest.raises(ValidationError):
        _audit(AgencyFactory.create_batch(2), kind=Audit.Kind.SINGLE_AGENCY)


def test_audit_tool_completed_once_per_case(officer) -> None:
    agency = AgencyFactory.create()
    case = services.audit_case_add(
        actor=None, audit=_audit([agency]), case_reference="QA-1", agency=agency
    )
    services.audit_case_complete(
        actor=officer, case=case, answers={"seen": "Yes"}, auditor_grade="green"
    )

    with pytest.raises(ValidationError):
        services.audit_case_complete(
            actor=officer, case=case, answers={"seen": "No"}, auditor_grade="red"
        )


def test_finding_becomes_a_learning_point_and_an_action(officer) -> None:
    agency = AgencyFactory.create()
    audit = _audit([agency])
    theme = Theme.objects.order_by("name").first()
    assert theme is not None

    point, action = services.audit_finding_record(
        actor=officer,
        audit=audit,
        title="Record the child's words",
        summary="Summary.",
        recorded_on=dt.date(2020, 7, 20),
        themes=[theme],
        action_description="Publish guidance.",
        action_agency=agency,
        action_due=dt.date(2030, 1, 31),
    )

    assert point.source == audit
    assert point.source_kind == LearningPoint.SourceKind.AUDIT
    assert list(point.agencies.all()) == [agency]
    assert isinstance(action, Action)
    assert action.plan.source == audit
    assert action.owner_agency == agency


def test_audit_complete_needs_moderation() -> None:
    audit = _audit([AgencyFactory.create()])

    with pytest.raises(ValidationError, match="moderation"):
        services.audit_complete(
            actor=None, audit=audit, completed_on=dt.date(2020, 8, 1), findings_summary="x"
        )


def test_agency_lead_sees_only_audits_their_agency_takes_part_in(make_user) -> None:
    mine, theirs = AgencyFactory.create(), AgencyFactory.create()
    included, excluded = _audit([mine, theirs]), _audit([theirs])
    lead = make_user((Role.AGENCY_LEAD, mine))

    assert list(selectors.audit_list_for_user(user=lead)) == [included]
    assert permissions.can_view_audit(lead, included)
    assert not permissions.can_view_audit(lead, excluded)


# --- commentary --------------------------------------------------------------------------


def _commentary(agency: Agency, priority: Priority, **extra: str) -> PerformanceCommentary:
    data: dict[str, Any] = {
        "year_label": "2020-21",
        "half": "first",
        "worked_well": "W",
        "areas_for_improvement": "A",
        "agency_actions": "D",
    }
    data.update(extra)
    return services.commentary_submit(actor=None, priority=priority, agency=agency, **data)


def test_agency_lead_sees_only_their_own_commentaries(make_user) -> None:
    mine, theirs = AgencyFactory.create(), AgencyFactory.create()
    priority = PriorityFactory.create()
    own = _commentary(mine, priority)
    _commentary(theirs, priority)
    lead = make_user((Role.AGENCY_LEAD, mine))

    assert list(selectors.commentary_list_for_user(user=lead)) == [own]


def test_one_commentary_per_priority_agency_and_half_year() -> None:
    agency, priority = AgencyFactory.create(), PriorityFactory.create()
    _commentary(agency, priority)

    with pytest.raises(ValidationError, match="already"):
        _commentary(agency, priority, year_label="2020/21")


def test_escalation_tracked_until_the_board_responds(officer) -> None:
    commentary = _commentary(
        AgencyFactory.create(), PriorityFactory.create(), escalation="Tools not used."
    )
    assert list(selectors.commentary_escalations_open(user=officer)) == [commentary]

    services.commentary_review(
        actor=officer, commentary=commentary, qeg_comments="Escalate.", expected_version=None
    )
    assert commentary.escalation_open
    services.commentary_board_response_record(
        actor=officer,
        commentary=commentary,
        board_response="A group will fix it.",
        board_responded_on=dt.date(2020, 11, 26),
        expected_version=None,
    )

    assert list(selectors.commentary_escalations_open(user=officer)) == []
    assert not commentary.escalation_open


def test_board_response_refused_without_an_escalation() -> None:
    commentary = _commentary(AgencyFactory.create(), PriorityFactory.create())

    with pytest.raises(ValidationError):
        services.commentary_board_response_record(
            actor=None,
            commentary=commentary,
            board_response="x",
            board_responded_on=dt.date(2020, 11, 26),
            expected_version=None,
        )


# --- professional differences ------------------------------------------------------------


def test_difference_stats_count_by_stage_and_mean_days_to_resolve() -> None:
    ProfessionalDifferenceFactory.create(
        stage="1", resolved_on=dt.date(2020, 6, 5), outcome="x"
    )  # 4
    ProfessionalDifferenceFactory.create(
        stage="2", resolved_on=dt.date(2020, 6, 8), outcome="x"
    )  # 7
    ProfessionalDifferenceFactory.create(stage="2")
    ProfessionalDifferenceFactory.create(stage="3", raised_on=dt.date(2019, 6, 1))  # another year

    stats = selectors.professional_difference_stats(year=ReportingYear(2020))

    assert stats.total == 3
    assert dict(stats.by_stage)["Stage 2: between line managers"] == 2
    assert (stats.resolved, stats.open) == (2, 1)
    assert stats.mean_days_to_resolve == 6  # 5.5 rounds half up


def test_difference_cannot_be_with_the_same_agency() -> None:
    agency = AgencyFactory.create()

    with pytest.raises(ValidationError):
        services.professional_difference_record(
            actor=None,
            raised_by_agency=agency,
            with_agency=agency,
            issue="x",
            raised_on=dt.date(2020, 6, 1),
        )


def test_resolving_needs_an_outcome() -> None:
    difference = ProfessionalDifferenceFactory.create()

    with pytest.raises(ValidationError) as error:
        services.professional_difference_update(
            actor=None,
            difference=difference,
            expected_version=None,
            stage=difference.stage,
            resolved_on=dt.date(2020, 6, 9),
        )

    assert "outcome" in error.value.message_dict
    assert ProfessionalDifference.objects.get().resolved_on is None


def test_assigned_auditor_sees_the_audit_and_gets_it_on_my_work(
    make_user: Callable[..., User],
) -> None:
    from safeguarding.assurance.cards import audit_cases_card

    agency = AgencyFactory.create()
    audit, other_audit = _audit([agency]), _audit([agency])
    auditor = make_user((Role.PRACTITIONER, agency))
    case = services.audit_case_add(
        actor=None, audit=audit, case_reference="QA-7", agency=agency, auditor=auditor
    )

    assert permissions.can_view_assurance(auditor)
    assert permissions.can_view_audit(auditor, audit)
    assert not permissions.can_view_audit(auditor, other_audit)
    assert list(selectors.audit_list_for_user(user=auditor)) == [audit]
    card = audit_cases_card(auditor)
    assert card is not None
    assert [item.text for item in card.items] == ["Neglect audit: case QA-7"]

    services.audit_case_complete(
        actor=auditor, case=case, answers={"seen": "Yes"}, auditor_grade=Grade.GREEN
    )
    assert audit_cases_card(auditor) is None


def test_evidence_upload_is_stored_and_checked(officer: User) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    agency = AgencyFactory.create()
    audit = _audit([agency])
    section = selectors.form_version_latest(template=audit.tool).sections.get()
    services.form_question_add(
        actor=None, section=section, key="file", text="Evidence", kind="evidence"
    )
    case = services.audit_case_add(actor=None, audit=audit, case_reference="QA-9", agency=agency)

    with pytest.raises(ValidationError) as error:
        services.audit_case_complete(
            actor=officer,
            case=case,
            answers={"seen": "Yes"},
            auditor_grade=Grade.GREEN,
            files={"file": SimpleUploadedFile("tool.exe", b"MZ")},
        )
    assert error.value.message_dict == {
        "file": ["The file must be a PDF, Word, Excel, text or image file."]
    }

    services.audit_case_complete(
        actor=officer,
        case=case,
        answers={"seen": "Yes"},
        auditor_grade=Grade.GREEN,
        files={"file": SimpleUploadedFile("chronology.pdf", b"%PDF-1.4 synthetic")},
    )
    case.refresh_from_db()
    assert case.response is not None
    stored = case.response.answers.get(question__key="file")
    assert stored.evidence.name.endswith(".pdf")
    assert stored.evidence.read() == b"%PDF-1.4 synthetic"


def test_commentary_answers_the_partnerships_commentary_template() -> None:
    template = survey_form(purpose=FormTemplate.Purpose.COMMENTARY, with_comment=False)
    agency, priority = AgencyFactory.create(), PriorityFactory.create()

    with pytest.raises(ValidationError) as error:
        _commentary(agency, priority)
    assert "seen" in error.value.message_dict
    assert not PerformanceCommentary.objects.exists()

    commentary = commentary_make(priority, agency, extra_answers={"seen": "Not sure"})

    assert commentary.extra_response is not None
    assert commentary.extra_response.form_version.template == template
    assert selectors.response_answers(response=commentary.extra_response) == [
        ("Have you seen the poster?", "Not sure")
    ]


def test_commentary_without_a_template_has_no_extra_answers() -> None:
    commentary = _commentary(AgencyFactory.create(), PriorityFactory.create())

    assert commentary.extra_response is None
    assert selectors.response_answers(response=None) == []
