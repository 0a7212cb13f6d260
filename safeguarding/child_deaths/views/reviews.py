"""The panel review (analysis), learning and recommendations from it."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguarding.child_deaths import forms, permissions, selectors, services
from safeguarding.child_deaths.models import ChildDeathNotification, PanelReview, ReviewFactor
from safeguarding.child_deaths.views.common import case_crumbs
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import GET_POST, form_page, initial_from


def _review_initial(review: PanelReview | None) -> dict[str, Any]:
    if review is None:
        return {"version": 1}
    initial = initial_from(review, forms.PanelReviewForm)
    for factor in review.factors.all():
        initial[f"{factor.domain}_grading"] = factor.grading
        initial[f"{factor.domain}_description"] = factor.description
    return initial


def _review_save(
    request: AuthenticatedHttpRequest, case: ChildDeathNotification, form: forms.PanelReviewForm
) -> PanelReview:
    data = form.cleaned_data
    return services.panel_review_save(
        actor=request.user,
        notification=case,
        expected_version=data["version"],
        category=data["category"],
        modifiable=data["modifiable"],
        modifiable_factors=data["modifiable_factors"],
        completed_on=data["completed_on"],
        factors={
            domain.value: services.DomainFactor(
                data[f"{domain.value}_grading"], data[f"{domain.value}_description"]
            )
            for domain in ReviewFactor.Domain
            if data[f"{domain.value}_grading"]
        },
    )


@login_required
@require_http_methods(GET_POST)
def review_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    case = permissions.get_notification_for_review_or_404(request.user, pk, write=True)
    review = selectors.review_for_notification(notification=case)
    return form_page(
        request,
        form_class=forms.PanelReviewForm,
        initial=_review_initial(review),
        record=review,
        save=lambda form: _review_save(request, case, form),
        success_message="The panel's review has been saved.",
        success_url=reverse("child_deaths:notification_detail", args=[case.pk]),
        title=f"Panel review: {case.reference}",
        submit="Save review",
        breadcrumbs=case_crumbs(case, ("Panel review", "")),
    )


@login_required
@require_http_methods(GET_POST)
def learning_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    review = permissions.get_panel_review_for_user_or_404(request.user, pk, write=True)
    case = review.notification
    return form_page(
        request,
        form_class=forms.LearningForm,
        initial={"recorded_on": timezone.localdate()},
        save=lambda form: services.review_learning_record(
            actor=request.user, review=review, **form.cleaned_data
        ),
        success_message="The learning has been recorded in the database of learning.",
        success_url=reverse("child_deaths:notification_detail", args=[case.pk]),
        title=f"Record learning: {case.reference}",
        submit="Record learning",
        intro="Learning is shared without the child's details: do not identify the child.",
        breadcrumbs=case_crumbs(case, ("Record learning", "")),
    )


@login_required
@require_http_methods(GET_POST)
def panel_review_action_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    review = permissions.get_panel_review_for_user_or_404(request.user, pk, write=True)
    case = review.notification
    return form_page(
        request,
        form_class=forms.ReviewActionForm,
        save=lambda form: services.panel_review_action_add(
            actor=request.user, review=review, **form.cleaned_data
        ),
        success_message="The action has been added to the review's action plan.",
        success_url=reverse("child_deaths:notification_detail", args=[case.pk]),
        title=f"Add an action: {case.reference}",
        submit="Add action",
        breadcrumbs=case_crumbs(case, ("Add an action", "")),
    )
