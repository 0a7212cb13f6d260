"""Survey pages: set up, results (charts with tables, suppressed below the minimum), CSV export,
and the public, anonymous answering pages."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from safeguarding.activity_log.services import event_record_export
from safeguarding.assurance import forms, permissions, selectors, services
from safeguarding.assurance.models import Survey
from safeguarding.assurance.views.common import GET_POST, bound, crumbs, form_page
from safeguarding.core.charts import Figure, bar_chart
from safeguarding.core.exports import csv_response
from safeguarding.core.forms import add_service_errors
from safeguarding.core.http import AuthenticatedHttpRequest, public
from safeguarding.core.permissions import require


def _surveys_crumb() -> tuple[str, str]:
    return ("Surveys", reverse("assurance:survey_list"))


@login_required
@require_GET
def survey_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.sees_all(request.user))
    return render(
        request,
        "assurance/survey_list.html",
        {
            "surveys": selectors.survey_list_for_user(user=request.user),
            "can_manage": permissions.can_manage_assurance(request.user),
            "breadcrumbs": crumbs(("Surveys", "")),
        },
    )


@login_required
@require_http_methods(GET_POST)
def survey_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.sees_all(request.user))
    require(permissions.can_manage_assurance(request.user), write_attempt=True)
    form = forms.SurveyForm(bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            survey = services.survey_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"{survey.title} has been set up.")
            return redirect("assurance:survey_detail", survey.pk)
    return form_page(
        request,
        form=form,
        title="Set up a survey",
        submit="Set up survey",
        breadcrumbs=crumbs(_surveys_crumb(), ("Set up", "")),
    )


@login_required
@require_http_methods(GET_POST)
def survey_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = permissions.get_survey_for_user_or_404(request.user, pk, write=True)
    fields = ("title", "topic", "intro", "opens_on", "closes_on", "is_sensitive")
    initial = {name: getattr(survey, name) for name in fields}
    form = forms.SurveyUpdateForm(bound(request), initial={"version": survey.version, **initial})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.survey_update(
                actor=request.user, survey=survey, expected_version=version, **data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The survey has been updated.")
            return redirect("assurance:survey_detail", survey.pk)
    return form_page(
        request,
        form=form,
        title="Change the survey",
        submit="Save changes",
        breadcrumbs=crumbs(
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
            "breadcrumbs": crumbs(_surveys_crumb(), (survey.title, "")),
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


def _public_survey(public_id: str) -> Survey:
    try:
        return get_object_or_404(Survey.objects.select_related("form"), public_id=public_id)
    except (ValueError, ValidationError) as exc:
        raise Http404 from exc


@public
@require_http_methods(GET_POST)
def survey_answer(request: HttpRequest, public_id: str) -> HttpResponse:
    """Anyone with the link may answer while the survey is open. Nothing identifying is kept:
    no account, no address, no cookie beyond the CSRF token."""
    survey = _public_survey(public_id)
    today = timezone.localdate()
    if not survey.is_open_on(today):
        return render(request, "assurance/survey_closed.html", {"survey": survey}, status=410)
    version = services.form_version_latest(template=survey.form)
    questions = list(selectors.form_version_questions(version=version))
    form = forms.ResponseForm(bound(request), questions=questions)
    if request.method == "POST" and form.is_valid():
        try:
            services.survey_answer(survey=survey, answers=form.answers(), today=today)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return redirect("assurance:survey_thanks", survey.public_id)
    return render(
        request,
        "assurance/survey_answer.html",
        {"survey": survey, "form": form, "exit_url": _exit_url()},
    )


@public
@require_GET
def survey_thanks(request: HttpRequest, public_id: str) -> HttpResponse:
    survey = _public_survey(public_id)
    return render(
        request, "assurance/survey_thanks.html", {"survey": survey, "exit_url": _exit_url()}
    )


def _exit_url() -> str:
    """Where "Exit this page" goes: settings.SURVEY_EXIT_URL (default: a weather page)."""
    return str(getattr(settings, "SURVEY_EXIT_URL", "https://www.bbc.co.uk/weather"))
