"""The panel review (analysis), learning and recommendations from it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguarding.child_deaths import forms, permissions, selectors, services
from safeguarding.child_deaths.models import ChildDeathNotification, PanelReview, ReviewFactor
from safeguarding.child_deaths.views.common import (
    _GET_POST,
    _case_crumbs,
    _form_page,
)
from safeguarding.core.forms import add_service_errors
from safeguarding.core.http import AuthenticatedHttpRequest

# --- panel review --------------------------------------------------------------------


def _review_initial(review: PanelReview | None) -> dict[str, Any]:
    if review is None:
        return {"version": 1}
    initial: dict[str, Any] = {
        "category": review.category_id,
        "modifiable": review.modifiable,
        "modifiable_factors": review.modifiable_factors,
        "completed_on": review.completed_on,
        "version": review.version,
    }
    for factor in review.factors.all():
        initial[f"{factor.domain}_grading"] = factor.grading
        initial[f"{factor.domain}_description"] = factor.description
    return initial


@login_required
@require_http_methods(_GET_POST)
def review_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    case = permissions.get_notification_for_review_or_404(request.user, pk, write=True)
    review = selectors.review_for_notification(notification=case)
    form = forms.PanelReviewForm(
        request.POST if request.method == "POST" else None, initial=_review_initial(review)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        factors = {
            d.value: services.DomainFactor(
                data[f"{d.value}_grading"], data[f"{d.value}_description"]
            )
            for d in ReviewFactor.Domain
            if data[f"{d.value}_grading"]
        }
        try:
            services.panel_review_save(
                actor=request.user,
                notification=case,
                expected_version=data["version"],
                category=data["category"],
                modifiable=data["modifiable"],
                modifiable_factors=data["modifiable_factors"],
                completed_on=data["completed_on"],
                factors=factors,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The panel's review has been saved.")
            return redirect("child_deaths:notification_detail", case.pk)
    return _form_page(
        request,
        form,
        title=f"Panel review: {case.reference}",
        submit="Save review",
        breadcrumbs=_case_crumbs(case, ("Panel review", "")),
    )


def _review_or_404(
    request: AuthenticatedHttpRequest, pk: int
) -> tuple[ChildDeathNotification, PanelReview]:
    from django.http import Http404

    case = permissions.get_notification_for_review_or_404(request.user, pk, write=True)
    review = selectors.review_for_notification(notification=case)
    if review is None:
        raise Http404
    return case, review


@login_required
@require_http_methods(_GET_POST)
def learning_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    case, review = _review_or_404(request, pk)
    form = forms.LearningForm(
        request.POST if request.method == "POST" else None,
        initial={"recorded_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.review_learning_record(actor=request.user, review=review, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, "The learning has been recorded in the database of learning."
            )
            return redirect("child_deaths:notification_detail", case.pk)
    return _form_page(
        request,
        form,
        title=f"Record learning: {case.reference}",
        submit="Record learning",
        intro="Learning is shared without the child's details: do not identify the child.",
        breadcrumbs=_case_crumbs(case, ("Record learning", "")),
    )


@login_required
@require_http_methods(_GET_POST)
def action_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    case, review = _review_or_404(request, pk)
    form = forms.ReviewActionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.review_action_add(actor=request.user, review=review, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The action has been added to the review's action plan.")
            return redirect("child_deaths:notification_detail", case.pk)
    return _form_page(
        request,
        form,
        title=f"Add an action: {case.reference}",
        submit="Add action",
        breadcrumbs=_case_crumbs(case, ("Add an action", "")),
    )
