"""Governance pages: the priorities, their plans, progress and evidence. Every form page uses
core.pages.form_view."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import Crumb, calls, form_view, initial_from
from safeguarding.core.permissions import require
from safeguarding.core.years import ReportingYear
from safeguarding.governance import forms, permissions, selectors, services
from safeguarding.governance.views.crumbs import CRUMBS
from safeguarding.partnership.models import Priority

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


def _priority_url(priority: Priority) -> str:
    return reverse("governance:priority_detail", args=[priority.pk])


def _priority_crumbs(priority: Priority, crumb: Crumb) -> list[Crumb]:
    return CRUMBS(
        ("Priorities", reverse("governance:priority_list")),
        (f"Priority {priority.number}", _priority_url(priority)),
        crumb,
    )


def _plan_initial(priority: Priority) -> dict[str, Any]:
    plan = selectors.priority_plan(priority=priority)
    return initial_from(plan, forms.PriorityPlanForm) if plan else {}


# What every page about one priority shares: the trail and a return to the priority's page.
# Recording progress is writing; the plan and its evidence are managing it.
priority_page = partial(
    form_view,
    fetch=partial(permissions.get_priority_for_user_or_404, write=True),
    success_url=_priority_url,
    breadcrumbs=_priority_crumbs,
)

priority_plan_edit = priority_page(
    fetch=partial(permissions.get_priority_for_user_or_404, manage=True),
    form_class=forms.PriorityPlanForm,
    initial=_plan_initial,
    save=calls(services.priority_plan_save, "priority"),
    success_message="The plan has been saved.",
    title=lambda priority: f"The plan for priority {priority.number}",
    crumb="Plan",
    submit="Save plan",
)

priority_progress_add = priority_page(
    form_class=forms.PriorityProgressForm,
    initial=lambda priority: {
        "year_start": ReportingYear.containing(timezone.localdate()).start_year
    },
    save=calls(services.priority_progress_record, "priority"),
    success_message="The progress update has been recorded.",
    title=lambda priority: f"Progress on priority {priority.number}",
    crumb="Progress",
    submit="Save progress",
)

evidence_link = priority_page(
    fetch=partial(permissions.get_priority_for_user_or_404, manage=True),
    form_class=forms.EvidenceLinkForm,
    save=lambda user, priority, form: services.evidence_link_by_id(
        actor=user,
        priority=priority,
        model_label=form.cleaned_data["kind"],
        record_id=form.cleaned_data["record_id"],
        note=form.cleaned_data["note"],
    ),
    success_message="The record has been linked to the priority.",
    title=lambda priority: f"Link evidence to priority {priority.number}",
    crumb="Link evidence",
    submit="Link record",
    intro="Choose the kind of record and enter its number (shown in its page's address).",
)
