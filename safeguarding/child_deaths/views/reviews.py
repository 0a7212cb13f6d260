"""The panel review (analysis), learning and recommendations from it."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguarding.child_deaths import forms, permissions, selectors, services
from safeguarding.child_deaths.models import ChildDeathNotification, PanelReview, ReviewFactor
from safeguarding.child_deaths.views.common import case_crumbs, case_url
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import GET_POST, calls, form_page, form_view, initial_from


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
    # A function, not a declaration: it edits the case's review (or starts one), not the
    # record fetched (the case).
    return form_page(
        request,
        form_class=forms.PanelReviewForm,
        initial=_review_initial(review),
        record=review,
        save=lambda form: _review_save(request, case, form),
        success_message="The panel's review has been saved.",
        success_url=case_url(case),
        title=f"Panel review: {case.reference}",
        submit="Save review",
        breadcrumbs=case_crumbs(case, ("Panel review", "")),
    )


# What every page about a started review shares: its permission-checked fetch (404 until the
# review is started), the case's trail, and a return to the case's page.
review_page = partial(
    form_view,
    fetch=partial(permissions.get_panel_review_for_user_or_404, write=True),
    success_url=lambda review: case_url(review.notification),
    breadcrumbs=lambda review, crumb: case_crumbs(review.notification, crumb),
)

learning_create = review_page(
    forms.LearningForm,
    calls(services.review_learning_record, "review"),
    title=lambda review: f"Record learning: {review.notification.reference}",
    crumb="Record learning",
    submit="Record learning",
    success_message="The learning has been recorded in the database of learning.",
    intro="Learning is shared without the child's details: do not identify the child.",
    initial=lambda review: {"recorded_on": timezone.localdate()},
)

panel_review_action_add = review_page(
    forms.ReviewActionForm,
    calls(services.panel_review_action_add, "review"),
    title=lambda review: f"Add an action: {review.notification.reference}",
    crumb="Add an action",
    submit="Add action",
    success_message="The action has been added to the review's action plan.",
)
