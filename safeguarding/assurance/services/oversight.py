"""Single agency performance commentary, independent scrutiny and professional differences."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeguarding.actions.models import Action
from safeguarding.actions.services import action_create, action_plan_get_or_create_for
from safeguarding.activity_log.services import tracked_create, tracked_update
from safeguarding.assurance import verbs
from safeguarding.assurance.models import (
    PerformanceCommentary,
    ProfessionalDifference,
    ScrutinyAssessment,
    ScrutinyReport,
    ScrutinyTheme,
)
from safeguarding.assurance.selectors import commentary_template_version
from safeguarding.assurance.services.forms import response_record
from safeguarding.core.years import year_label_checked

if TYPE_CHECKING:
    from safeguarding.accounts.models import User
    from safeguarding.partnership.models import Agency, Priority


@transaction.atomic
def commentary_submit(
    *,
    actor: User | None,
    priority: Priority,
    agency: Agency,
    year_label: str,
    half: str,
    worked_well: str,
    areas_for_improvement: str,
    agency_actions: str,
    multi_agency_support: str = "",
    escalation: str = "",
    on: dt.date | None = None,
    extra_answers: Mapping[str, Any] | None = None,
) -> PerformanceCommentary:
    """Record an agency's commentary. When the partnership has built a commentary template
    (a form for commentaries), its questions are answered too and kept with their version."""
    year_label = year_label_checked(year_label)
    if PerformanceCommentary.objects.filter(
        priority=priority, agency=agency, year_label=year_label, half=half
    ).exists():
        raise ValidationError(
            "This agency has already sent its commentary on this priority for this half-year."
        )
    commentary = tracked_create(
        actor=actor,
        model=PerformanceCommentary,
        data={
            "priority": priority,
            "agency": agency,
            "year_label": year_label,
            "half": half,
            "worked_well": worked_well.strip(),
            "areas_for_improvement": areas_for_improvement.strip(),
            "agency_actions": agency_actions.strip(),
            "multi_agency_support": multi_agency_support.strip(),
            "escalation": escalation.strip(),
            "submitted_by": actor,
            "submitted_on": on or timezone.localdate(),
        },
        verb=verbs.COMMENTARY_SUBMITTED,
    )
    version = commentary_template_version()
    if version is not None:
        commentary.extra_response = response_record(
            version=version, answers=extra_answers or {}, on=commentary.submitted_on
        )
        commentary.save(update_fields=["extra_response", "updated_at"])
    return commentary


@transaction.atomic
def commentary_review(
    *,
    actor: User | None,
    commentary: PerformanceCommentary,
    qeg_comments: str,
    expected_version: int | None,
    on: dt.date | None = None,
) -> PerformanceCommentary:
    tracked_update(
        actor=actor,
        obj=commentary,
        data={
            "qeg_comments": qeg_comments.strip(),
            "status": PerformanceCommentary.Status.REVIEWED,
            "reviewed_on": on or timezone.localdate(),
        },
        verb=verbs.COMMENTARY_REVIEWED,
        expected_version=expected_version,
    )
    return commentary


@transaction.atomic
def commentary_board_response_record(
    *,
    actor: User | None,
    commentary: PerformanceCommentary,
    board_response: str,
    board_responded_on: dt.date,
    expected_version: int | None,
) -> PerformanceCommentary:
    """Close an escalation with the Executive Board's response."""
    if not commentary.escalation.strip():
        raise ValidationError("This commentary did not escalate anything to the Board.")
    if not board_response.strip():
        raise ValidationError({"board_response": "Enter the Executive Board's response."})
    tracked_update(
        actor=actor,
        obj=commentary,
        data={"board_response": board_response.strip(), "board_responded_on": board_responded_on},
        verb=verbs.COMMENTARY_BOARD_RESPONDED,
        expected_version=expected_version,
    )
    return commentary


# --- scrutiny --------------------------------------------------------------------------


@transaction.atomic
def scrutiny_report_create(
    *, actor: User | None, title: str, board_meeting_on: dt.date, summary: str
) -> ScrutinyReport:
    return tracked_create(
        actor=actor,
        model=ScrutinyReport,
        data={"title": title.strip(), "board_meeting_on": board_meeting_on, "summary": summary},
        verb=verbs.SCRUTINY_REPORT_CREATED,
    )


@transaction.atomic
def scrutiny_assessment_record(
    *,
    actor: User | None,
    theme: ScrutinyTheme,
    assessed_on: dt.date,
    evidence_reviewed: str,
    judgement: str,
    recommendations: str = "",
    report: ScrutinyReport | None = None,
) -> ScrutinyAssessment:
    return tracked_create(
        actor=actor,
        model=ScrutinyAssessment,
        data={
            "theme": theme,
            "report": report,
            "assessed_on": assessed_on,
            "evidence_reviewed": evidence_reviewed.strip(),
            "judgement": judgement,
            "recommendations": recommendations.strip(),
        },
        verb=verbs.SCRUTINY_ASSESSMENT_RECORDED,
    )


@transaction.atomic
def scrutiny_recommendation_action(
    *,
    actor: User | None,
    report: ScrutinyReport,
    description: str,
    owner_agency: Agency,
    due_date: dt.date,
) -> Action:
    """Follow a scrutineer's recommendation as an action on the report's action plan."""
    plan = action_plan_get_or_create_for(
        actor=actor, source=report, title=f"{report.title}: recommendations"
    )
    return action_create(
        actor=actor,
        plan=plan,
        description=description,
        owner_agency=owner_agency,
        due_date=due_date,
    )


# --- professional differences ----------------------------------------------------------


@transaction.atomic
def professional_difference_record(
    *,
    actor: User | None,
    raised_by_agency: Agency,
    with_agency: Agency,
    issue: str,
    raised_on: dt.date,
    stage: str = ProfessionalDifference.Stage.STAGE_1,
) -> ProfessionalDifference:
    return tracked_create(
        actor=actor,
        model=ProfessionalDifference,
        data={
            "raised_by_agency": raised_by_agency,
            "with_agency": with_agency,
            "issue": issue.strip(),
            "raised_on": raised_on,
            "stage": stage,
        },
        verb=verbs.PROFESSIONAL_DIFFERENCE_RECORDED,
    )


@transaction.atomic
def professional_difference_update(
    *,
    actor: User | None,
    difference: ProfessionalDifference,
    expected_version: int | None,
    stage: str,
    resolved_on: dt.date | None = None,
    outcome: str = "",
) -> ProfessionalDifference:
    """Move to another stage, or record the outcome and the date it was resolved."""
    if resolved_on and not (outcome or difference.outcome).strip():
        raise ValidationError({"outcome": "Enter the outcome when the difference is resolved."})
    tracked_update(
        actor=actor,
        obj=difference,
        data={"stage": stage, "resolved_on": resolved_on, "outcome": outcome},
        verb=verbs.PROFESSIONAL_DIFFERENCE_UPDATED,
        expected_version=expected_version,
    )
    return difference
