"""Survey pages: set up, results (charts with tables, suppressed below the minimum), CSV export,
and the public, anonymous answering pages."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from safeguarding.activity_log.services import event_record_export
from safeguarding.assurance import forms, permissions, selectors, services
from safeguarding.assurance.models import Response, Survey
from safeguarding.assurance.views.common import CRUMBS, answer_charts, may_manage_all, paginate
from safeguarding.core.exports import export_format, stream_response
from safeguarding.core.http import AuthenticatedHttpRequest, public
from safeguarding.core.links import absolute_reverse
from safeguarding.core.pages import (
    GET_POST,
    Crumb,
    Words,
    calls,
    create_view,
    form_page,
    form_view,
    initial_from,
)
from safeguarding.core.permissions import require
from safeguarding.core.ratelimit import rate_limited, too_many_requests
from safeguarding.core.templatetags.govuk import govuk_date

if TYPE_CHECKING:
    pass


def _surveys_crumb() -> Crumb:
    return ("Surveys", reverse("assurance:survey_list"))


def _survey_url(survey: Survey) -> str:
    return reverse("assurance:survey_detail", args=[survey.pk])


def _survey_crumbs(survey: Survey, crumb: Crumb) -> list[Crumb]:
    return CRUMBS(_surveys_crumb(), (survey.title, _survey_url(survey)), crumb)


@login_required
@require_GET
def survey_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_all_assurance(request.user))
    return render(
        request,
        "assurance/survey_list.html",
        {
            **paginate(request, selectors.survey_list_for_user(user=request.user)),
            "can_manage": permissions.can_manage_assurance(request.user),
            "breadcrumbs": CRUMBS(("Surveys", "")),
        },
    )


survey_create = create_view(
    check=may_manage_all,
    form_class=forms.SurveyForm,
    save=lambda user, form: services.survey_create(actor=user, **form.cleaned_data),
    success_message=lambda survey: f"{survey.title} has been set up.",
    success_url=_survey_url,
    title="Set up a survey",
    submit="Set up survey",
    breadcrumbs=lambda: CRUMBS(_surveys_crumb(), ("Set up", "")),
)


survey_update = form_view(
    fetch=partial(permissions.get_survey_for_user_or_404, write=True),
    form_class=forms.SurveyUpdateForm,
    initial=lambda survey: initial_from(survey, forms.SurveyUpdateForm),
    edits_record=True,
    save=calls(services.survey_update, "survey", versioned=True),
    words=Words("Change the survey", "Save changes", "The survey has been updated."),
    success_url=_survey_url,
    crumb="Change",
    breadcrumbs=_survey_crumbs,
)


@login_required
@require_GET
def survey_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = permissions.get_survey_for_user_or_404(request.user, pk)
    results = selectors.survey_results(survey=survey)
    hours = selectors.survey_answers_per_hour(survey=survey)
    return render(
        request,
        "assurance/survey_detail.html",
        {
            "survey": survey,
            "results": results,
            "charts": answer_charts(results, counted="answers for each option"),
            "respondents": selectors.survey_respondents(survey=survey),
            "bursts": [h for h in hours if h.is_burst and h.excluded < h.answers],
            "link_groups": selectors.survey_link_groups(survey=survey),
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
def survey_export(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    survey = permissions.get_survey_for_user_or_404(request.user, pk)
    minimum = selectors.min_answers()
    if selectors.survey_respondents(survey=survey) < minimum:
        # The same protection as the results page: too few people to share their answers.
        messages.info(
            request, f"The answers can be downloaded once {minimum} people have answered."
        )
        return redirect("assurance:survey_detail", survey.pk)
    header, rows = selectors.survey_export_rows(survey=survey)
    file_format = export_format(request)
    event_record_export(
        actor=request.user,
        what="survey responses",
        rows=len(rows),
        target=survey,
        file_format=file_format,
    )
    return stream_response(
        file_format, f"survey-{survey.pk}-responses", header, rows, sheet="Answers"
    )


# --- public answering pages ----------------------------------------------------------------


@public
@never_cache
@require_http_methods(GET_POST)
def survey_answer(request: HttpRequest, public_id: str) -> HttpResponse:
    """Anyone with the link may answer while the survey is open (a survey for invited people
    only needs an unused single-use link, `?link=`). Nothing identifying is kept: no account,
    no address, no cookie beyond the CSRF token. The page is never cached (`no-store`), so
    Back after sending shows an empty form, not someone's answers; a robot that fills the
    honeypot field sees the same thanks page and its answer is dropped. Sending is rate
    limited per survey and client (`core.ratelimit`: RATE_LIMIT_SURVEY answers in
    RATE_LIMIT_WINDOW_SECONDS, counted by a keyed hash held only in the cache for the window):
    over the limit, the answer is not stored and the page says so (429)."""
    survey = permissions.get_survey_by_public_id_or_404(public_id)
    window = settings.RATE_LIMIT_WINDOW_SECONDS
    if request.method == "POST" and rate_limited(
        request, scope=f"survey:{survey.pk}", limit=settings.RATE_LIMIT_SURVEY, window=window
    ):
        return too_many_requests(request, window=window)
    if not permissions.can_answer_survey(survey):
        return render(request, "assurance/survey_closed.html", {"survey": survey}, status=410)
    link_token = request.GET.get("link", "")
    if not permissions.can_answer_survey_with_link(survey, link_token):
        return render(request, "assurance/survey_link_used.html", {"survey": survey}, status=403)
    version = selectors.form_version_latest(template=survey.form)

    def save(form: forms.SurveyResponseForm) -> Response | None:
        if form.is_robot:
            return None
        return services.survey_answer(survey=survey, answers=form.answers(), link_token=link_token)

    # A function, not a declaration: public (no sign-in), rate limited, and closed or
    # used-link pages before the form.
    return form_page(
        request,
        form_class=forms.SurveyResponseForm,
        form_kwargs={"questions": list(selectors.form_version_questions(version=version))},
        save=save,
        success_url=reverse("assurance:survey_thanks", args=[survey.public_id]),
        title=survey.title,
        intro=survey.intro,
        submit="Send my answers",
        breadcrumbs=[],
        template="assurance/survey_answer.html",
        context={"survey": survey, "exit_url": settings.SURVEY_EXIT_URL},
    )


@public
@never_cache
@require_GET
def survey_thanks(request: HttpRequest, public_id: str) -> HttpResponse:
    survey = permissions.get_survey_by_public_id_or_404(public_id)
    return render(
        request,
        "assurance/survey_thanks.html",
        {"survey": survey, "exit_url": settings.SURVEY_EXIT_URL},
    )


# --- stuffing: answers per hour, excluded bursts, single-use links -------------------------


@login_required
@require_GET
def survey_hours(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Answers per clock hour, with bursts (more than settings.SURVEY_BURST_PER_HOUR) flagged
    and the exclusions made so far."""
    survey = permissions.get_survey_for_user_or_404(request.user, pk)
    return render(
        request,
        "assurance/survey_hours.html",
        {
            "survey": survey,
            **paginate(request, selectors.survey_answers_per_hour(survey=survey)),
            "exclusions": selectors.survey_exclusion_list(survey=survey),
            "limit": settings.SURVEY_BURST_PER_HOUR,
            "can_manage": permissions.can_manage_assurance(request.user),
            "breadcrumbs": CRUMBS(
                _surveys_crumb(),
                (survey.title, reverse("assurance:survey_detail", args=[survey.pk])),
                ("Answers per hour", ""),
            ),
        },
    )


def _hour_asked(hour: str) -> dt.datetime:
    try:
        return dt.datetime.strptime(hour, selectors.HOUR_FORMAT).replace(tzinfo=dt.UTC)
    except ValueError as exc:
        raise Http404 from exc


@login_required
@require_http_methods(GET_POST)
def survey_burst_exclude(request: AuthenticatedHttpRequest, pk: int, hour: str) -> HttpResponse:
    survey = permissions.get_survey_for_user_or_404(request.user, pk, write=True)
    moment = _hour_asked(hour)
    hours_url = reverse("assurance:survey_hours", args=[survey.pk])
    # A function, not a declaration: its address names the hour as well as the survey.
    return form_page(
        request,
        form_class=forms.BurstExcludeForm,
        save=lambda form: services.survey_burst_exclude(
            actor=request.user, survey=survey, hour=moment, reason=form.cleaned_data["reason"]
        ),
        success_message=lambda exclusion: (
            f"The answers of {govuk_date(exclusion.hour, True)} have been excluded."
        ),
        success_url=hours_url,
        title=f"Exclude the answers of {govuk_date(moment, True)}",
        intro=(
            "Every answer that arrived in this hour will be left out of the results, the "
            "annual report and the download. The answers are kept, with your name and reason."
        ),
        submit="Exclude these answers",
        breadcrumbs=CRUMBS(
            _surveys_crumb(),
            (survey.title, reverse("assurance:survey_detail", args=[survey.pk])),
            ("Answers per hour", hours_url),
            ("Exclude", ""),
        ),
    )


survey_links_issue = form_view(
    forms.SurveyLinksForm,
    calls(services.survey_links_issue, "survey"),
    Words("Issue single-use links", "Issue links"),
    fetch=partial(permissions.get_survey_for_user_or_404, write=True),
    result_message=lambda links: (
        f"{len(links):,} single-use links have been issued. Download them to send out."
    ),
    success_url=_survey_url,
    intro=(
        "Each link answers the survey once. Once links are issued, only people with a link "
        "can answer. A link records only its group and whether it has been used."
    ),
    crumb="Issue links",
    breadcrumbs=_survey_crumbs,
)


@login_required
@require_GET
def survey_links_export(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    """The unused links of one group (`?group=`), one a row, to send to the group."""
    survey = permissions.get_survey_for_user_or_404(request.user, pk, write=True)
    group = request.GET.get("group", "")
    links = selectors.survey_link_list(survey=survey, group=group).filter(is_used=False)
    base = absolute_reverse("assurance:survey_answer", str(survey.public_id))
    file_format = export_format(request)
    event_record_export(
        actor=request.user,
        what="survey links",
        rows=links.count(),
        target=survey,
        file_format=file_format,
    )
    rows = ([link.group, f"{base}?link={link.token}"] for link in links.iterator())
    return stream_response(file_format, f"survey-{survey.pk}-links", ["Group", "Link"], rows)
