"""Survey pages: set up, results (charts with tables, suppressed below the minimum), CSV export,
and the public, anonymous answering pages."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from safeguarding.activity_log.services import event_record_export
from safeguarding.assurance import forms, permissions, selectors, services
from safeguarding.assurance.views.common import CRUMBS
from safeguarding.core.charts import Figure, bar_chart
from safeguarding.core.exports import csv_response
from safeguarding.core.http import AuthenticatedHttpRequest, public
from safeguarding.core.pages import GET_POST, Crumb, cleaned, form_page, initial_from
from safeguarding.core.permissions import require


def _surveys_crumb() -> Crumb:
    return ("Surveys", reverse("assurance:survey_list"))


@login_required
@require_GET
def survey_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_all_assurance(request.user))
    return render(
        request,
        "assurance/survey_list.html",
        {
            "surveys": selectors.survey_list_for_user(user=request.user),
            "can_manage": permissions.can_manage_assurance(request.user),
            "breadcrumbs": CRUMBS(("Surveys", "")),
        },
    )


@login_required
@require_http_methods(GET_POST)
def survey_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_all_assurance(request.user))
    require(permissions.can_manage_assurance(request.user), write_attempt=True)
    return form_page(
        request,
        form_class=forms.SurveyForm,
        save=lambda form: services.survey_create(actor=request.user, **form.cleaned_data),
        success_message=lambda survey: f"{survey.title} has been set up.",
        success_url=lambda survey: reverse("assurance:survey_detail", args=[survey.pk]),
        title="Set up a survey",
        submit="Set up survey",
        breadcrumbs=CRUMBS(_surveys_crumb(), ("Set up", "")),
    )


@login_required
@require_http_methods(GET_POST)
def survey_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = permissions.get_survey_for_user_or_404(request.user, pk, write=True)
    return form_page(
        request,
        form_class=forms.SurveyUpdateForm,
        initial=initial_from(survey, forms.SurveyUpdateForm),
        record=survey,
        save=lambda form: services.survey_update(
            actor=request.user,
            survey=survey,
            expected_version=form.cleaned_data["version"],
            **cleaned(form),
        ),
        success_message="The survey has been updated.",
        success_url=reverse("assurance:survey_detail", args=[survey.pk]),
        title="Change the survey",
        submit="Save changes",
        breadcrumbs=CRUMBS(
            _surveys_crumb(),
            (survey.title, reverse("assurance:survey_detail", args=[survey.pk])),
            ("Change", ""),
        ),
    )


@login_required
@require_GET
def survey_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = permissions.get_survey_for_user_or_404(request.user, pk)
    results = selectors.survey_results(survey=survey)
    charts = {
        r.key: bar_chart(
            key=f"chart-{index}",
            title=f"{r.text}: number of answers for each option",
            figures=[Figure(o.label, o.count, o.percent) for o in r.options],
            columns=("Answer", "Number"),
            percent_column="Per cent",
            caption=f"{r.text}: answers",
        )
        for index, r in enumerate(results)
        if r.options
    }
    return render(
        request,
        "assurance/survey_detail.html",
        {
            "survey": survey,
            "results": results,
            "charts": charts,
            "respondents": survey.responses.count(),
            "minimum": selectors.min_answers(),
            "public_url": request.build_absolute_uri(
                reverse("assurance:survey_answer", args=[survey.public_id])
            ),
            "is_open": survey.is_open_on(timezone.localdate()),
            "can_manage": permissions.can_manage_assurance(request.user),
            "breadcrumbs": CRUMBS(_surveys_crumb(), (survey.title, "")),
        },
    )


@login_required
@require_GET
def survey_export(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = permissions.get_survey_for_user_or_404(request.user, pk)
    minimum = selectors.min_answers()
    if survey.responses.count() < minimum:
        # The same protection as the results page: too few people to share their answers.
        messages.info(
            request, f"The answers can be downloaded once {minimum} people have answered."
        )
        return redirect("assurance:survey_detail", survey.pk)
    header, rows = selectors.survey_export_rows(survey=survey)
    event_record_export(
        actor=request.user,
        what="survey responses",
        rows=len(rows),
        target=survey,
        file_format="csv",
    )
    return csv_response(f"survey-{survey.pk}-responses.csv", header, rows)


# --- public answering pages ----------------------------------------------------------------


@public
@require_http_methods(GET_POST)
def survey_answer(request: HttpRequest, public_id: str) -> HttpResponse:
    """Anyone with the link may answer while the survey is open. Nothing identifying is kept:
    no account, no address, no cookie beyond the CSRF token."""
    survey = permissions.get_survey_by_public_id_or_404(public_id)
    if not permissions.can_answer_survey(survey):
        return render(request, "assurance/survey_closed.html", {"survey": survey}, status=410)
    version = selectors.form_version_latest(template=survey.form)
    return form_page(
        request,
        form_class=forms.ResponseForm,
        form_kwargs={"questions": list(selectors.form_version_questions(version=version))},
        save=lambda form: services.survey_answer(
            survey=survey, answers=form.answers(), today=timezone.localdate()
        ),
        success_url=reverse("assurance:survey_thanks", args=[survey.public_id]),
        title=survey.title,
        intro=survey.intro,
        submit="Send my answers",
        breadcrumbs=[],
        template="assurance/survey_answer.html",
        context={"survey": survey, "exit_url": settings.SURVEY_EXIT_URL},
    )


@public
@require_GET
def survey_thanks(request: HttpRequest, public_id: str) -> HttpResponse:
    survey = permissions.get_survey_by_public_id_or_404(public_id)
    return render(
        request,
        "assurance/survey_thanks.html",
        {"survey": survey, "exit_url": settings.SURVEY_EXIT_URL},
    )
