"""Single-agency course validation: an agency's lead submits a course (and sends it again after
changes), the business unit reviews it against the partnership's checklist."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import GET_POST, cleaned, create_view, form_page, initial_from
from safeguarding.core.paging import page_of
from safeguarding.core.permissions import require
from safeguarding.training import forms, permissions, selectors, services
from safeguarding.training.models import CourseValidation
from safeguarding.training.rules import VALIDATION_CHECKLIST
from safeguarding.training.views.common import CRUMBS, validation_crumb

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


@login_required
@require_GET
def validation_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Every course submitted, or (status=validated) the validated ones, by agency."""
    require(permissions.can_view_validations(request.user))
    status = request.GET.get("status", "")
    if status != CourseValidation.Status.VALIDATED:
        status = ""
    validations = selectors.validation_list_for_user(user=request.user, status=status)
    return render(
        request,
        "training/validation_list.html",
        {
            "page_obj": page_of(request, validations),
            "status": status,
            "query": f"status={status}" if status else "",
            "can_submit": permissions.can_submit_validation(request.user),
            "breadcrumbs": CRUMBS(("Single-agency course validation", "")),
        },
    )


def _may_submit(user: User) -> None:
    require(permissions.can_view_validations(user))
    require(permissions.can_submit_validation(user), write_attempt=True)


validation_create = create_view(
    check=_may_submit,
    form_class=forms.ValidationSubmitForm,
    form_kwargs=lambda user: {"agency_ids": user.lead_agency_ids},
    save=lambda user, form: services.validation_submit(actor=user, **form.cleaned_data),
    success_message="The course has been sent for validation.",
    success_url=lambda validation: reverse("training:validation_detail", args=[validation.pk]),
    title="Submit a course for validation",
    submit="Submit course",
    breadcrumbs=lambda: CRUMBS(validation_crumb(), ("Submit", "")),
)


# A function: readers see the page too (the fetch asks for write only on POST), and what it
# shows depends on who is signed in.
@login_required
@require_http_methods(GET_POST)
def validation_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The agency sees the status; the reviewer works through the checklist here (the detail
    page holds the review form, so it has its own template)."""
    validation = permissions.get_validation_for_user_or_404(
        request.user, pk, write=request.method == "POST"
    )
    return form_page(
        request,
        form_class=forms.ValidationReviewForm,
        initial=initial_from(
            validation,
            forms.ValidationReviewForm,
            notes=validation.reviewer_notes,
            **{f"check_{key}": met for key, met in validation.checklist.items()},
        ),
        record=validation,
        save=lambda form: services.validation_review(
            actor=request.user, validation=validation, **form.values()
        ),
        success_message="The review has been saved and the agency can see it.",
        success_url=reverse("training:validation_detail", args=[validation.pk]),
        title=validation.title,
        submit="Save review",
        breadcrumbs=CRUMBS(validation_crumb(), (validation.title, "")),
        template="training/validation_detail.html",
        context={
            "validation": validation,
            "checklist": VALIDATION_CHECKLIST,
            "can_review": permissions.can_review_validation(request.user, validation),
            "can_resubmit": validation.status == CourseValidation.Status.CHANGES_REQUESTED
            and permissions.can_resubmit_validation(request.user, validation),
        },
    )


# A function: the agency's readers see the page too (the fetch asks for write only on POST).
@login_required
@require_http_methods(GET_POST)
def validation_resubmit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The agency sends the course again after the reviewer asked for changes."""
    validation = permissions.get_validation_for_agency_or_404(
        request.user, pk, write=request.method == "POST"
    )
    return form_page(
        request,
        form_class=forms.ValidationResubmitForm,
        initial=initial_from(validation, forms.ValidationResubmitForm),
        record=validation,
        save=lambda form: services.validation_resubmit(
            actor=request.user,
            validation=validation,
            expected_version=form.cleaned_data["version"],
            **cleaned(form),
        ),
        success_message="The course has been sent again for validation.",
        success_url=reverse("training:validation_detail", args=[validation.pk]),
        title=f"Send {validation.title} again",
        intro=validation.reviewer_notes,
        submit="Send again",
        breadcrumbs=CRUMBS(validation_crumb(), (validation.title, "")),
    )
