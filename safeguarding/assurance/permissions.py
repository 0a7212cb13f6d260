"""Who may see and change quality assurance records.

* Partnership administrators and business unit officers see everything and do everything:
  build forms, run audits, surveys and Section 11 cycles, moderate, review commentaries, record
  the scrutineer's assessments and professional differences.
* Independent scrutineers and board members see everything (summaries, results, returns) and
  get 403 on any change.
* An agency safeguarding lead sees and changes only their own agency's Section 11 returns
  (while not yet submitted) and performance commentaries, and sees audits their agency takes
  part in. An auditor assigned to an audit case sees that audit and may complete the case's tool.
* Anyone else gets 404. Answering a survey by its public link needs no account at all.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from safeguarding.accounts.roles import READ_ONLY_ROLES
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
from safeguarding.core.permissions import fetch_for_user_or_404, fetcher

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


def can_view_all_assurance(user: User) -> bool:
    """Staff and the read-only roles see every assurance record (lists, results, returns)."""
    return user.is_authenticated and (user.is_partnership_staff or user.has_role(*READ_ONLY_ROLES))


def _is_assigned_auditor(user: User) -> bool:
    return user.is_authenticated and AuditCase.objects.filter(auditor=user).exists()


def can_view_assurance(user: User) -> bool:
    """May use the quality assurance area at all (the navigation item, the overview)."""
    return can_view_all_assurance(user) or bool(user.lead_agency_ids) or _is_assigned_auditor(user)


def can_manage_assurance(user: User) -> bool:
    return user.is_authenticated and user.is_partnership_staff


def _view_all(user: User, _obj: Any) -> bool:
    return can_view_all_assurance(user)


def _manage(user: User, _obj: Any) -> bool:
    return can_manage_assurance(user)


# --- Section 11 and commentary: scoped to the agency --------------------------------------


def can_view_agency_record(user: User, obj: Section11Return | PerformanceCommentary) -> bool:
    return can_view_all_assurance(user) or obj.agency_id in user.lead_agency_ids


def can_edit_agency_record(user: User, obj: Section11Return | PerformanceCommentary) -> bool:
    return can_manage_assurance(user) or obj.agency_id in user.lead_agency_ids


def can_submit_commentary(user: User) -> bool:
    """Staff, and agency safeguarding leads for their own agencies."""
    return can_manage_assurance(user) or bool(user.lead_agency_ids)


def can_complete_section11_return(user: User, ret: Section11Return) -> bool:
    """The agency's lead (or staff on their behalf) fills in and submits a draft return."""
    return ret.status == Section11Return.Status.DRAFT and can_edit_agency_record(user, ret)


def can_moderate_section11_return(user: User, ret: Section11Return) -> bool:
    """Staff moderate a return once the agency has submitted it."""
    return can_manage_assurance(user) and ret.status != Section11Return.Status.DRAFT


get_section11_return_for_user_or_404 = fetcher(
    Section11Return.objects.select_related("cycle", "agency", "cycle__standard_set"),
    can_view=can_view_agency_record,
    can_edit=can_edit_agency_record,
)


# Moderation, challenge and feedback: staff only (an agency lead may look, not moderate).
get_section11_return_for_reviewer_or_404 = fetcher(
    Section11Return.objects.select_related("cycle", "agency"),
    can_view=can_view_agency_record,
    can_edit=_manage,
)


get_commentary_for_user_or_404 = fetcher(
    PerformanceCommentary.objects.select_related("priority", "agency"),
    can_view=can_view_agency_record,
    can_edit=_manage,
)


get_section11_cycle_for_user_or_404 = fetcher(
    Section11Cycle.objects.select_related("previous", "standard_set__template"),
    can_view=lambda u, _o: can_view_assurance(u),
    can_edit=_manage,
)


# --- partnership-wide records ------------------------------------------------------------


get_form_for_user_or_404 = fetcher(
    FormTemplate.objects.all(), can_view=_view_all, can_edit=_manage
)


get_question_for_user_or_404 = fetcher(
    Question.objects.select_related("section__form_version__template"),
    can_view=_view_all,
    can_edit=_manage,
)


def can_answer_survey(survey: Survey) -> bool:
    """Anyone with the link, while the survey is open."""
    return survey.is_open_on(timezone.localdate())


def can_answer_survey_with_link(survey: Survey, link_token: str) -> bool:
    """A survey for invited people only needs an unused single-use link; any other survey
    needs none."""
    if not survey.invited_only:
        return True
    return bool(link_token) and survey.links.filter(token=link_token, is_used=False).exists()


def get_survey_by_public_id_or_404(public_id: str) -> Survey:
    """The survey behind a public answering link (no account: the link is the permission).
    Whether it is open is `can_answer_survey`: a closed survey's page says it has closed."""
    try:
        return Survey.objects.select_related("form").get(public_id=public_id)
    except (Survey.DoesNotExist, ValueError, ValidationError) as exc:
        raise Http404 from exc


get_survey_for_user_or_404 = fetcher(
    Survey.objects.select_related("form"), can_view=_view_all, can_edit=_manage
)


def can_view_audit(user: User, audit: Audit) -> bool:
    """Staff and read-only roles; the leads of participating agencies; assigned auditors."""
    if can_view_all_assurance(user):
        return True
    if not user.is_authenticated:
        return False
    leads = user.lead_agency_ids
    if leads and audit.agencies.filter(pk__in=leads).exists():
        return True
    return audit.cases.filter(auditor=user).exists()


def can_add_audit_case(user: User, audit: Audit) -> bool:
    return can_manage_assurance(user) and audit.takes_cases


def can_moderate_audit(user: User, audit: Audit) -> bool:
    return can_manage_assurance(user) and audit.can_be_moderated


def can_record_audit_finding(user: User, audit: Audit) -> bool:
    return can_manage_assurance(user) and audit.takes_findings


def can_complete_audit(user: User, audit: Audit) -> bool:
    return can_manage_assurance(user) and audit.can_be_completed


def get_audit_for_user_or_404(
    user: User,
    pk: Any,
    *,
    write: bool = False,
    step: Callable[[User, Audit], bool] | None = None,
) -> Audit:
    """Fetch an audit; `write` with the `step` rule (for example can_complete_audit) refuses
    a step the user or the audit's status does not allow (403)."""
    return fetch_for_user_or_404(
        user,
        Audit.objects.select_related("tool", "priority"),
        pk,
        can_view=can_view_audit,
        can_edit=step or _manage,
        write=write,
    )


def can_complete_audit_case(user: User, case: AuditCase) -> bool:
    """The assigned auditor (or staff) completes a case's tool once, before moderation."""
    if case.response_id is not None or not case.audit.takes_cases:
        return False
    return can_manage_assurance(user) or (
        case.auditor_id is not None and case.auditor_id == user.pk
    )


get_audit_case_for_user_or_404 = fetcher(
    AuditCase.objects.select_related("audit", "audit__tool", "agency"),
    can_view=lambda u, c: can_view_audit(u, c.audit) or can_complete_audit_case(u, c),
    can_edit=can_complete_audit_case,
)


get_scrutiny_report_for_user_or_404 = fetcher(
    ScrutinyReport.objects.all(), can_view=_view_all, can_edit=_manage
)


get_professional_difference_for_user_or_404 = fetcher(
    ProfessionalDifference.objects.select_related("raised_by_agency", "with_agency"),
    can_view=_view_all,
    can_edit=_manage,
)
