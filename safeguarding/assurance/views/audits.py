"""Audit pages: the programme, an audit and its sample, the auditor's tool, moderation,
findings, completion and the audit report (charts with data tables)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from safeguarding.actions import selectors as action_selectors
from safeguarding.activity_log.services import event_record_view
from safeguarding.assurance import forms, permissions, selectors, services
from safeguarding.assurance.models import Audit, AuditCase
from safeguarding.assurance.views.common import CRUMBS, answer_charts, may_manage, paginate
from safeguarding.core.charts import Figure, bar_chart
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import (
    Closed,
    Crumb,
    Words,
    calls,
    cleaned,
    create_view,
    form_view,
)
from safeguarding.core.permissions import require
from safeguarding.learning import permissions as learning_permissions
from safeguarding.learning import selectors as learning_selectors

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


def _audits_crumb() -> Crumb:
    return ("Audits", reverse("assurance:audit_list"))


def _audit_url(audit: Audit) -> str:
    return reverse("assurance:audit_detail", args=[audit.pk])


def _audit_crumbs(audit: Audit, crumb: Crumb) -> list[Crumb]:
    return CRUMBS(_audits_crumb(), (audit.title, _audit_url(audit)), crumb)


@login_required
@require_GET
def audit_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_assurance(request.user))
    return render(
        request,
        "assurance/audit_list.html",
        {
            **paginate(request, selectors.audit_list_for_user(user=request.user)),
            "can_manage": permissions.can_manage_assurance(request.user),
            "breadcrumbs": CRUMBS(("Audits", "")),
        },
    )


audit_create = create_view(
    check=may_manage,
    form_class=forms.AuditForm,
    save=lambda user, form: services.audit_create(actor=user, **form.cleaned_data),
    success_message=lambda audit: f"{audit.title} has been added to the programme.",
    success_url=_audit_url,
    title="Plan an audit",
    submit="Plan audit",
    breadcrumbs=lambda: CRUMBS(_audits_crumb(), ("Plan", "")),
)


@login_required
@require_GET
def audit_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    audit = permissions.get_audit_for_user_or_404(request.user, pk)
    event_record_view(actor=request.user, target=audit)
    return render(
        request,
        "assurance/audit_detail.html",
        {
            "audit": audit,
            "agencies": audit.agencies.all(),
            "cases": selectors.audit_case_list(audit=audit),
            "grades": selectors.audit_grade_counts(audit=audit),
            "learning": learning_selectors.learning_point_list_for_source(
                source=audit,
                published_only=not learning_permissions.can_view_unpublished_learning(
                    request.user
                ),
            ),
            "actions": action_selectors.action_list_for_source(source=audit, user=request.user),
            "can_manage": permissions.can_manage_assurance(request.user),
            "can_add_case": permissions.can_add_audit_case(request.user, audit),
            "can_moderate": permissions.can_moderate_audit(request.user, audit),
            "can_record_finding": permissions.can_record_audit_finding(request.user, audit),
            "can_complete": permissions.can_complete_audit(request.user, audit),
            "user_id": request.user.pk,
            "breadcrumbs": CRUMBS(_audits_crumb(), (audit.title, "")),
        },
    )


@login_required
@require_GET
def audit_report(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    audit = permissions.get_audit_for_user_or_404(request.user, pk)
    results = selectors.audit_results(audit=audit)
    grades = selectors.audit_grade_counts(audit=audit)
    return render(
        request,
        "assurance/audit_report.html",
        {
            "audit": audit,
            "results": results,
            "charts": answer_charts(results, counted="cases for each answer"),
            "grades": grades,
            "grade_chart": bar_chart(
                key="chart-grades",
                title="Agreed grades: number of cases",
                figures=[Figure(g.capitalize(), n) for g, n in grades.items()],
                columns=("Grade", "Cases"),
                caption="Agreed grades at moderation",
            ),
            "breadcrumbs": _audit_crumbs(audit, ("Report", "")),
        },
    )


# What the pages about one audit share: the trail and a return to the audit's page. Each
# fetches the audit for writing, at the step it records (403 once the audit is past it).
audit_page = partial(form_view, success_url=_audit_url, breadcrumbs=_audit_crumbs)

audit_case_add = audit_page(
    fetch=partial(
        permissions.get_audit_for_user_or_404, write=True, step=permissions.can_add_audit_case
    ),
    form_class=forms.AuditCaseForm,
    form_kwargs=lambda user, audit: {"audit": audit},
    save=calls(services.audit_case_add, "audit"),
    words=Words("Add a case to the sample", "Add case", "The case has been added to the sample."),
    crumb="Add a case",
)


def _case_audit_url(case: AuditCase) -> str:
    return reverse("assurance:audit_detail", args=[case.audit_id])


def _audited(user: User, case: AuditCase) -> Closed | None:
    if case.response_id is None:
        return None
    return Closed(
        "The audit tool for this case has already been completed.", _case_audit_url(case)
    )


def _audit_tool(user: User, case: AuditCase) -> dict[str, Any]:
    version = selectors.form_version_latest(template=case.audit.tool)
    return {"questions": list(selectors.form_version_questions(version=version))}


audit_case_complete = form_view(
    fetch=partial(permissions.get_audit_case_for_user_or_404, write=True),
    closed=_audited,
    form_class=forms.AuditCaseCompleteForm,
    form_kwargs=_audit_tool,
    save=lambda user, case, form: services.audit_case_complete(
        actor=user,
        case=case,
        answers=form.answers(),
        files=form.uploads(),
        auditor_grade=form.cleaned_data["auditor_grade"],
    ),
    success_message=lambda case: f"Case {case.case_reference} has been audited.",
    success_url=_case_audit_url,
    title=lambda case: f"Audit case {case.case_reference}",
    submit="Save audit",
    breadcrumbs=lambda case, crumb: _audit_crumbs(case.audit, (f"Case {case.case_reference}", "")),
)


audit_moderate = audit_page(
    fetch=partial(
        permissions.get_audit_for_user_or_404, write=True, step=permissions.can_moderate_audit
    ),
    form_class=forms.AuditModerationForm,
    form_kwargs=lambda user, audit: {"cases": selectors.audit_case_list_completed(audit=audit)},
    save=lambda user, audit, form: services.audit_moderate(
        actor=user,
        audit=audit,
        moderation_on=form.cleaned_data["moderation_on"],
        grades=form.grades(),
    ),
    success_message="The agreed grades have been recorded.",
    title="Moderation meeting",
    crumb="Moderation",
    submit="Save agreed grades",
)


audit_finding_add = audit_page(
    fetch=partial(
        permissions.get_audit_for_user_or_404,
        write=True,
        step=permissions.can_record_audit_finding,
    ),
    form_class=forms.AuditFindingForm,
    form_kwargs=lambda user, audit: {"audit": audit},
    save=calls(services.audit_finding_record, "audit"),
    words=Words(
        "Record a finding", "Record finding", "The finding has been recorded as learning."
    ),
    intro="The finding becomes a learning point; an action, if you add one, goes on the "
    "audit's action plan.",
)


audit_complete = audit_page(
    fetch=partial(
        permissions.get_audit_for_user_or_404, write=True, step=permissions.can_complete_audit
    ),
    form_class=forms.AuditCompleteForm,
    save=lambda user, audit, form: services.audit_complete(
        actor=user, audit=audit, **cleaned(form, drop=("confirmed",))
    ),
    success_message="The audit is complete.",
    title="Complete the audit",
    crumb="Complete",
    intro=(
        "Completing the audit is final: no more cases, moderation or findings can be "
        "recorded afterwards."
    ),
    submit="Complete audit",
)
