"""Governance pages: the priorities, their plans, progress and evidence. Every form page uses
core.pages.form_page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import GET_POST, cleaned, form_page, initial_from
from safeguarding.core.permissions import require
from safeguarding.core.years import ReportingYear
from safeguarding.governance import forms, permissions, selectors, services
from safeguarding.governance.views.crumbs import CRUMBS

# --- priorities ----------------------------------------------------------------------


@login_required
@require_GET
def priority_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_governance(request.user))
    return render(
        request,
        "governance/priority_list.html",
        {"breadcrumbs": CRUMBS(("Priorities", "")), "priorities": selectors.priority_list()},
    )


@login_required
@require_GET
def priority_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    priority = permissions.get_priority_for_user_or_404(request.user, pk)
    evidence = selectors.priority_evidence(priority=priority)
    return render(
        request,
        "governance/priority_detail.html",
        {
            "breadcrumbs": CRUMBS(
                ("Priorities", reverse("governance:priority_list")),
                (f"Priority {priority.number}", ""),
            ),
            "priority": priority,
            "plan": selectors.priority_plan(priority=priority),
            "evidence": evidence,
            "totals": selectors.evidence_figure_totals(evidence),
            "progress": selectors.priority_progress_list(priority=priority),
            "can_record": permissions.can_record_priority_progress(request.user, priority),
            "can_manage": permissions.can_manage_priority(request.user, priority),
        },
    )


def _priority_crumbs(priority: object, label: str) -> list[tuple[str, str]]:
    pk = priority.pk  # type: ignore[attr-defined]
    return CRUMBS(
        ("Priorities", reverse("governance:priority_list")),
        (f"Priority {priority.number}", reverse("governance:priority_detail", args=[pk])),  # type: ignore[attr-defined]
        (label, ""),
    )


@login_required
@require_http_methods(GET_POST)
def priority_plan_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    priority = permissions.get_priority_for_user_or_404(request.user, pk, manage=True)
    plan = selectors.priority_plan(priority=priority)
    return form_page(
        request,
        form_class=forms.PriorityPlanForm,
        initial=initial_from(plan, forms.PriorityPlanForm) if plan else None,
        save=lambda form: services.priority_plan_save(
            actor=request.user, priority=priority, **cleaned(form)
        ),
        success_message="The plan has been saved.",
        success_url=reverse("governance:priority_detail", args=[priority.pk]),
        title=f"The plan for priority {priority.number}",
        submit="Save plan",
        breadcrumbs=_priority_crumbs(priority, "Plan"),
    )


@login_required
@require_http_methods(GET_POST)
def priority_progress_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    priority = permissions.get_priority_for_user_or_404(request.user, pk, write=True)
    return form_page(
        request,
        form_class=forms.PriorityProgressForm,
        initial={"year_start": ReportingYear.containing(timezone.localdate()).start_year},
        save=lambda form: services.priority_progress_record(
            actor=request.user, priority=priority, **cleaned(form)
        ),
        success_message="The progress update has been recorded.",
        success_url=reverse("governance:priority_detail", args=[priority.pk]),
        title=f"Progress on priority {priority.number}",
        submit="Save progress",
        breadcrumbs=_priority_crumbs(priority, "Progress"),
    )


@login_required
@require_http_methods(GET_POST)
def evidence_link(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    priority = permissions.get_priority_for_user_or_404(request.user, pk, manage=True)
    return form_page(
        request,
        form_class=forms.EvidenceLinkForm,
        save=lambda form: services.evidence_link_by_id(
            actor=request.user,
            priority=priority,
            model_label=form.cleaned_data["kind"],
            record_id=form.cleaned_data["record_id"],
            note=form.cleaned_data["note"],
        ),
        success_message="The record has been linked to the priority.",
        success_url=reverse("governance:priority_detail", args=[priority.pk]),
        title=f"Link evidence to priority {priority.number}",
        submit="Link record",
        intro="Choose the kind of record and enter its number (shown in its page's address).",
        breadcrumbs=_priority_crumbs(priority, "Link evidence"),
    )
