"""The assurance pages, split by sub-domain and re-exported here (view name = URL name).

Form page: not used here: the overview is a page of links; the forms are in the modules.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from safeguarding.assurance import cards, permissions, selectors
from safeguarding.assurance.views.audits import (
    audit_case_add,
    audit_case_complete,
    audit_complete,
    audit_create,
    audit_detail,
    audit_finding_add,
    audit_list,
    audit_moderate,
    audit_report,
)
from safeguarding.assurance.views.common import CRUMBS, paginate
from safeguarding.assurance.views.forms_builder import (
    form_create,
    form_detail,
    form_list,
    form_question_add,
    form_question_remove,
    form_question_update,
    form_section_add,
)
from safeguarding.assurance.views.oversight import (
    commentary_board_response,
    commentary_create,
    commentary_detail,
    commentary_list,
    commentary_review,
    difference_create,
    difference_list,
    difference_update,
    scrutiny_assessment_add,
    scrutiny_list,
    scrutiny_recommendation_action,
    scrutiny_report_create,
    scrutiny_report_detail,
)
from safeguarding.assurance.views.section11 import (
    section11_cycle_create,
    section11_cycle_detail,
    section11_cycle_list,
    section11_return_challenge,
    section11_return_detail,
    section11_return_edit,
    section11_return_feedback,
    section11_return_moderate,
    section11_return_submit,
)
from safeguarding.assurance.views.surveys import (
    survey_answer,
    survey_burst_exclude,
    survey_create,
    survey_detail,
    survey_export,
    survey_hours,
    survey_links_export,
    survey_links_issue,
    survey_list,
    survey_thanks,
    survey_update,
)
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.permissions import require


@login_required
@require_GET
def overview(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    require(permissions.can_view_assurance(user))
    return render(
        request,
        "assurance/overview.html",
        {
            "sees_all": permissions.can_view_all_assurance(user),
            "returns_due": selectors.section11_returns_due_for_user(user=user),
            "escalations": selectors.commentary_escalations_open(user=user).count(),
            "breadcrumbs": [("Home", "/"), ("Quality assurance", "")],
        },
    )


@login_required
@require_GET
def work_list(request: AuthenticatedHttpRequest, kind: str) -> HttpResponse:
    """The whole list behind a "My work" card: the same items, so the numbers agree."""
    items = cards.work_items(request.user, kind)
    if items is None:
        raise Http404
    work = cards.WORK_LISTS[kind]
    return render(
        request,
        "assurance/work_list.html",
        {
            **paginate(request, items),
            "title": work.title,
            "empty_text": work.empty_text,
            "breadcrumbs": CRUMBS((work.title, "")),
        },
    )


__all__ = [
    "work_list",
    "audit_case_add",
    "audit_case_complete",
    "audit_complete",
    "audit_create",
    "audit_detail",
    "audit_finding_add",
    "audit_list",
    "audit_moderate",
    "audit_report",
    "commentary_board_response",
    "commentary_create",
    "commentary_detail",
    "commentary_list",
    "commentary_review",
    "difference_create",
    "difference_list",
    "difference_update",
    "form_create",
    "form_detail",
    "form_list",
    "form_question_add",
    "form_question_remove",
    "form_question_update",
    "form_section_add",
    "overview",
    "scrutiny_assessment_add",
    "scrutiny_list",
    "scrutiny_recommendation_action",
    "scrutiny_report_create",
    "scrutiny_report_detail",
    "section11_cycle_create",
    "section11_cycle_detail",
    "section11_cycle_list",
    "section11_return_challenge",
    "section11_return_detail",
    "section11_return_edit",
    "section11_return_feedback",
    "section11_return_moderate",
    "section11_return_submit",
    "survey_answer",
    "survey_burst_exclude",
    "survey_hours",
    "survey_links_export",
    "survey_links_issue",
    "survey_create",
    "survey_detail",
    "survey_export",
    "survey_list",
    "survey_thanks",
    "survey_update",
]
