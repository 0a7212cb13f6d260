"""Pages for action plans and actions: lists, detail, add and change, progress, review,
evidence downloads and exports.

Form page: not used for the plan review: its form sits on the plan's page (POST only; errors
are shown there, with the plan).
"""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from safeguarding.actions import forms, permissions, selectors, services
from safeguarding.actions.models import Action, ActionPlan
from safeguarding.activity_log.services import event_record_export
from safeguarding.core.dates import format_date
from safeguarding.core.exports import stream_response
from safeguarding.core.forms import add_service_errors
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import (
    Trail,
    Words,
    calls,
    form_view,
    initial_from,
)
from safeguarding.core.paging import filter_query, page_of
from safeguarding.core.permissions import require

CRUMBS = Trail("Actions", "actions:action_list")
PAGE_SIZE = 50


def _plan_crumb(plan: ActionPlan) -> tuple[str, str]:
    return (plan.title, reverse("actions:action_plan_detail", args=[plan.pk]))


def _action_crumb(action: Action) -> tuple[str, str]:
    return (f"Action {action.number}", _action_url(action))


# --- lists and export ----------------------------------------------------------------


@login_required
@require_GET
def action_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_actions(request.user))
    form = forms.ActionFilterForm(request.GET or None)
    filters = form.filters() if form.is_bound else {}
    actions = selectors.action_list_for_user(user=request.user, **filters)
    page = page_of(request, actions, per_page=PAGE_SIZE)
    query = filter_query(request, keep=("status", "agency", "overdue", "mine"))
    return render(
        request,
        "actions/action_list.html",
        {
            "form": form,
            "page_obj": page,
            "query": query,
            "today": timezone.localdate(),
            "breadcrumbs": [*CRUMBS()[:-1], ("Actions", "")],
        },
    )


@login_required
@require_GET
def action_export(request: AuthenticatedHttpRequest) -> StreamingHttpResponse:
    """The actions the user may see (with the list's filters) as CSV or XLSX, streamed from
    a generator; logged."""
    require(permissions.can_view_actions(request.user))
    file_format = request.GET.get("format", "csv")
    if file_format not in {"csv", "xlsx"}:
        raise Http404
    form = forms.ActionFilterForm(request.GET)
    actions = selectors.action_list_for_user(user=request.user, **form.filters())
    rows = selectors.action_export_rows(actions=actions)
    event_record_export(
        actor=request.user, what="actions", rows=actions.count(), file_format=file_format
    )
    return stream_response(
        file_format,
        f"actions-{timezone.localdate():%Y-%m-%d}",
        selectors.EXPORT_HEADER,
        rows,
        sheet="Actions",
    )


@login_required
@require_GET
def action_plan_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_actions(request.user))
    today = timezone.localdate()
    form = forms.ActionPlanFilterForm(request.GET or None)
    filters = form.filters() if form.is_bound else {}
    plans = selectors.action_plan_list_for_user(user=request.user, today=today, **filters)
    return render(
        request,
        "actions/action_plan_list.html",
        {
            "form": form,
            "page_obj": page_of(request, plans, per_page=PAGE_SIZE),
            "query": filter_query(request, keep=("search", "review_due")),
            "due_for_review_count": selectors.action_plans_due_for_review(
                user=request.user, today=today
            ).count(),
            "today": today,
            "breadcrumbs": CRUMBS(("Action plans", "")),
        },
    )


# --- plans ---------------------------------------------------------------------------


def _plan_detail_context(
    request: AuthenticatedHttpRequest, plan: ActionPlan, review_form: Form
) -> dict[str, object]:
    user = request.user
    today = timezone.localdate()
    return {
        "plan": plan,
        "actions": selectors.action_list_for_user(user=user, plan=plan, today=today).order_by(
            "number"
        ),
        "counts": selectors.action_plan_status_counts(plan=plan, user=user, today=today),
        "due_for_review": selectors.actions_due_for_review(plan=plan, user=user, today=today),
        "overdue": selectors.overdue_actions(plan=plan, user=user, today=today),
        "changes": selectors.changes_since_last_review(plan=plan, user=user, today=today),
        "reviews": selectors.action_plan_review_list(plan=plan),
        "review_form": review_form,
        "review_due": plan.review_is_due_on(today),
        "can_manage": permissions.can_manage_action_plan(user, plan),
        "statuses": Action.Status.choices,
        "breadcrumbs": CRUMBS(
            ("Action plans", reverse("actions:action_plan_list")), (plan.title, "")
        ),
    }


@login_required
@require_GET
def action_plan_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    plan = permissions.get_action_plan_for_user_or_404(request.user, pk)
    form = forms.ActionPlanReviewForm(initial={"reviewed_on": timezone.localdate()})
    return render(
        request, "actions/action_plan_detail.html", _plan_detail_context(request, plan, form)
    )


@login_required
@require_POST
def action_plan_review_record(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    plan = permissions.get_action_plan_for_user_or_404(request.user, pk, write=True)
    form = forms.ActionPlanReviewForm(request.POST)
    if form.is_valid():
        try:
            review = services.action_plan_review_record(
                actor=request.user, plan=plan, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                f"The review has been recorded. The next review is due by "
                f"{format_date(review.next_review_due)}.",
            )
            return redirect("actions:action_plan_detail", plan.pk)
    return render(
        request, "actions/action_plan_detail.html", _plan_detail_context(request, plan, form)
    )


# --- actions -------------------------------------------------------------------------


def _plan_url(plan: ActionPlan) -> str:
    return reverse("actions:action_plan_detail", args=[plan.pk])


# The success message names what the service made (the action's number).
action_create = form_view(
    forms.ActionForm,
    calls(services.action_create, "plan"),
    Words("Add an action", "Add action"),
    fetch=partial(permissions.get_action_plan_for_user_or_404, write=True),
    result_message=lambda action: f"Action {action.number} has been added.",
    success_url=_plan_url,
    caption=lambda plan: plan.title,
    breadcrumbs=lambda plan, crumb: CRUMBS(_plan_crumb(plan), crumb),
)


@login_required
@require_GET
def action_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    action = permissions.get_action_for_user_or_404(request.user, pk)
    return render(
        request,
        "actions/action_detail.html",
        {
            "action": action,
            "updates": selectors.action_update_list(action=action),
            "can_update": permissions.can_update_action(request.user, action),
            "can_manage": permissions.can_manage_action(request.user, action),
            "breadcrumbs": CRUMBS(_plan_crumb(action.plan), (f"Action {action.number}", "")),
        },
    )


def _action_url(action: Action) -> str:
    return reverse("actions:action_detail", args=[action.pk])


# What every page about one action shares: its plan's title above the heading, a return to its
# page and its trail (the plan > the action > this page). Each page fetches for its own write.
action_page = partial(
    form_view,
    caption=lambda action: action.plan.title,
    success_url=_action_url,
    breadcrumbs=lambda action, crumb: CRUMBS(
        _plan_crumb(action.plan), _action_crumb(action), crumb
    ),
)


action_update = action_page(
    forms.ActionEditForm,
    calls(services.action_update, "action", versioned=True),
    fetch=partial(permissions.get_action_for_user_or_404, manage=True),
    initial=lambda action: initial_from(action, forms.ActionEditForm),
    edits_record=True,
    success_message=lambda action: f"Action {action.number} has been updated.",
    title=lambda action: f"Change action {action.number}",
    intro="To change the status, add a progress update instead.",
    submit="Save changes",
    crumb="Change",
)


action_progress_add = action_page(
    forms.ActionProgressForm,
    calls(services.action_progress_add, "action"),
    fetch=partial(permissions.get_action_for_user_or_404, write=True),
    initial=lambda action: {"status": action.status},
    success_message=lambda action: f"Your update to action {action.number} has been saved.",
    title=lambda action: f"Add a progress update to action {action.number}",
    submit="Save update",
    template="actions/action_progress_add.html",
    context=lambda user, action: {"action": action},
    crumb="Progress update",
)


@login_required
@require_GET
def action_evidence_download(request: AuthenticatedHttpRequest, pk: int) -> FileResponse:
    """An evidence file, for whoever may see its action; every download is logged."""
    update = permissions.get_action_update_for_user_or_404(request.user, pk)
    if not update.evidence:
        raise Http404
    event_record_export(
        actor=request.user,
        what="action evidence",
        rows=1,
        target=update,
        file_format=update.evidence_name.rsplit(".", 1)[-1].lower(),
    )
    response = FileResponse(
        update.evidence.open("rb"),
        as_attachment=True,
        filename=update.evidence_name or "evidence",
        content_type="application/octet-stream",
    )
    response["Cache-Control"] = "private, no-store"
    return response
