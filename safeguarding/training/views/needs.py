"""The annual training needs survey: the business unit opens it, each agency's lead answers for
their agency, and the summary shows coverage and gaps per Board priority."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import create_view, form_view
from safeguarding.core.paging import page_of
from safeguarding.core.permissions import require
from safeguarding.training import forms, permissions, selectors, services
from safeguarding.training.models import TrainingNeedsSurvey
from safeguarding.training.views.common import CRUMBS, manage_crumb, may_manage

if TYPE_CHECKING:
    pass


def _survey_url(survey: TrainingNeedsSurvey) -> str:
    return reverse("training:needs_survey_detail", args=[survey.pk])


needs_survey_create = create_view(
    check=may_manage,
    form_class=forms.NeedsSurveyForm,
    save=lambda user, form: services.needs_survey_create(actor=user, **form.cleaned_data),
    success_message=lambda survey: f"{survey} is open.",
    success_url=_survey_url,
    title="Open the training needs survey",
    submit="Open the survey",
    breadcrumbs=lambda: CRUMBS(manage_crumb(), ("Training needs survey", "")),
)


@login_required
@require_GET
def needs_survey_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_training_management(request.user))
    return render(
        request,
        "training/needs_survey_list.html",
        {
            "page_obj": page_of(request, selectors.needs_survey_list()),
            "breadcrumbs": CRUMBS(manage_crumb(), ("Training needs surveys", "")),
        },
    )


@login_required
@require_GET
def needs_survey_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = permissions.get_needs_survey_for_user_or_404(request.user, pk)
    return render(
        request,
        "training/needs_survey_detail.html",
        {
            "survey": survey,
            "summary": selectors.needs_summary(survey=survey),
            "can_respond": permissions.can_answer_needs_survey(request.user, survey),
            "can_manage": permissions.can_view_training_management(request.user),
            "breadcrumbs": CRUMBS((str(survey), "")),
        },
    )


needs_response_create = form_view(
    forms.NeedsResponseForm,
    lambda user, survey, form: services.needs_response_submit(
        actor=user,
        survey=survey,
        agency=form.cleaned_data["agency"],
        training_offered=form.cleaned_data["training_offered"],
        gaps=form.gaps(),
    ),
    fetch=partial(permissions.get_needs_survey_for_user_or_404, write=True),
    form_kwargs=lambda user, survey: {
        "agency_ids": user.lead_agency_ids,
        "priorities": selectors.priority_list_for_needs_survey(),
    },
    success_message="Thank you: your agency's answers have been sent.",
    success_url=_survey_url,
    title=lambda survey: f"{survey}: your agency's answers",
    crumb="Answer",
    submit="Send answers",
    breadcrumbs=lambda survey, crumb: CRUMBS((str(survey), _survey_url(survey)), crumb),
)
