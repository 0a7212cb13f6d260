"""Pages for performance commentary, independent scrutiny and professional differences."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from safeguarding.actions import selectors as action_selectors
from safeguarding.activity_log.services import event_record_view
from safeguarding.assurance import forms, permissions, selectors, services
from safeguarding.assurance.views.common import GET_POST, bound, crumbs, form_page
from safeguarding.core.charts import Figure, bar_chart
from safeguarding.core.forms import add_service_errors
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.permissions import require
from safeguarding.partnership.models import Agency

# --- performance commentary ------------------------------------------------------------


def _commentary_crumb() -> tuple[str, str]:
    return ("Performance commentary", reverse("assurance:commentary_list"))


@login_required
@require_GET
def commentary_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_assurance(request.user))
    return render(
        request,
        "assurance/commentary_list.html",
        {
            "commentaries": selectors.commentary_list_for_user(user=request.user),
            "escalations": selectors.commentary_escalations_open(user=request.user),
            "can_submit": permissions.can_manage_assurance(request.user)
            or bool(permissions.lead_agency_ids(request.user)),
            "breadcrumbs": crumbs(("Performance commentary", "")),
        },
    )


@login_required
@require_http_methods(GET_POST)
def commentary_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    require(permissions.can_view_assurance(user))
    leads = permissions.lead_agency_ids(user)
    require(permissions.can_manage_assurance(user) or bool(leads), write_attempt=True)
    agencies = (
        Agency.objects.filter(disabled_on__isnull=True)
        if permissions.can_manage_assurance(user)
        else Agency.objects.filter(pk__in=leads)
    )
    template = services.commentary_template_version()
    extra = list(selectors.form_version_questions(version=template)) if template else []
    form = forms.CommentaryForm(bound(request), agencies=agencies, extra_questions=extra)
    if request.method == "POST" and form.is_valid():
        try:
            commentary = services.commentary_submit(actor=user, **form.commentary_data())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Your commentary has been sent to QEG.")
            return redirect("assurance:commentary_detail", commentary.pk)
    return form_page(
        request,
        form=form,
        title="Send a performance commentary",
        submit="Send commentary",
        breadcrumbs=crumbs(_commentary_crumb(), ("Send", "")),
    )


@login_required
@require_GET
def commentary_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    commentary = permissions.get_commentary_for_user_or_404(request.user, pk)
    event_record_view(actor=request.user, target=commentary)
    return render(
        request,
        "assurance/commentary_detail.html",
        {
            "c": commentary,
            "extra": selectors.response_answers(response=commentary.extra_response),
            "can_manage": permissions.can_manage_assurance(request.user),
            "breadcrumbs": crumbs(_commentary_crumb(), (f"Commentary {commentary.pk}", "")),
        },
    )


@login_required
@require_http_methods(GET_POST)
def commentary_review(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    commentary = permissions.get_commentary_for_user_or_404(request.user, pk, write=True)
    form = forms.CommentaryReviewForm(
        bound(request),
        initial={"version": commentary.version, "qeg_comments": commentary.qeg_comments},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.commentary_review(
                actor=request.user,
                commentary=commentary,
                qeg_comments=form.cleaned_data["qeg_comments"],
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The review has been recorded.")
            return redirect("assurance:commentary_detail", commentary.pk)
    return form_page(
        request,
        form=form,
        title="QEG review",
        submit="Save review",
        breadcrumbs=crumbs(_commentary_crumb(), ("Review", "")),
    )


@login_required
@require_http_methods(GET_POST)
def commentary_board_response(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    commentary = permissions.get_commentary_for_user_or_404(request.user, pk, write=True)
    form = forms.BoardResponseForm(bound(request), initial={"version": commentary.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.commentary_board_response_record(
                actor=request.user,
                commentary=commentary,
                board_response=form.cleaned_data["board_response"],
                board_responded_on=form.cleaned_data["board_responded_on"],
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The Executive Board's response has been recorded.")
            return redirect("assurance:commentary_detail", commentary.pk)
    return form_page(
        request,
        form=form,
        title="Executive Board response",
        submit="Save response",
        intro=f"Escalated: {commentary.escalation}",
        breadcrumbs=crumbs(_commentary_crumb(), ("Board response", "")),
    )


# --- scrutiny --------------------------------------------------------------------------


def _scrutiny_crumb() -> tuple[str, str]:
    return ("Independent scrutiny", reverse("assurance:scrutiny_list"))


@login_required
@require_GET
def scrutiny_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.sees_all(request.user))
    return render(
        request,
        "assurance/scrutiny_list.html",
        {
            "reports": selectors.scrutiny_report_list(),
            "assessments": selectors.scrutiny_assessment_list(),
            "can_manage": permissions.can_manage_assurance(request.user),
            "breadcrumbs": crumbs(("Independent scrutiny", "")),
        },
    )


@login_required
@require_http_methods(GET_POST)
def scrutiny_report_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.sees_all(request.user))
    require(permissions.can_manage_assurance(request.user), write_attempt=True)
    form = forms.ScrutinyReportForm(bound(request))
    if request.method == "POST" and form.is_valid():
        report = services.scrutiny_report_create(actor=request.user, **form.cleaned_data)
        messages.success(request, "The scrutiny report has been added.")
        return redirect("assurance:scrutiny_report_detail", report.pk)
    return form_page(
        request,
        form=form,
        title="Add a scrutiny report",
        submit="Add report",
        breadcrumbs=crumbs(_scrutiny_crumb(), ("Add a report", "")),
    )


@login_required
@require_GET
def scrutiny_report_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    report = permissions.get_scrutiny_report_for_user_or_404(request.user, pk)
    return render(
        request,
        "assurance/scrutiny_report_detail.html",
        {
            "report": report,
            "assessments": selectors.scrutiny_assessment_list(report=report),
            "actions": action_selectors.action_list_for_source(source=report, user=request.user),
            "can_manage": permissions.can_manage_assurance(request.user),
            "breadcrumbs": crumbs(_scrutiny_crumb(), (report.title, "")),
        },
    )


@login_required
@require_http_methods(GET_POST)
def scrutiny_assessment_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    report = permissions.get_scrutiny_report_for_user_or_404(request.user, pk, write=True)
    form = forms.ScrutinyAssessmentForm(bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.scrutiny_assessment_record(
                actor=request.user, report=report, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The assessment has been recorded.")
            return redirect("assurance:scrutiny_report_detail", report.pk)
    return form_page(
        request,
        form=form,
        title="Record an assessment",
        submit="Record assessment",
        breadcrumbs=crumbs(
            _scrutiny_crumb(),
            (report.title, reverse("assurance:scrutiny_report_detail", args=[report.pk])),
            ("Assessment", ""),
        ),
    )


@login_required
@require_http_methods(GET_POST)
def scrutiny_recommendation_action(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    report = permissions.get_scrutiny_report_for_user_or_404(request.user, pk, write=True)
    form = forms.RecommendationActionForm(bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.scrutiny_recommendation_action(
                actor=request.user, report=report, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The recommendation is now followed as an action.")
            return redirect("assurance:scrutiny_report_detail", report.pk)
    return form_page(
        request,
        form=form,
        title="Follow a recommendation as an action",
        submit="Add action",
        breadcrumbs=crumbs(
            _scrutiny_crumb(),
            (report.title, reverse("assurance:scrutiny_report_detail", args=[report.pk])),
            ("Action", ""),
        ),
    )


# --- professional differences ----------------------------------------------------------


def _differences_crumb() -> tuple[str, str]:
    return ("Professional differences", reverse("assurance:difference_list"))


@login_required
@require_GET
def difference_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.sees_all(request.user))
    stats = selectors.professional_difference_stats()
    return render(
        request,
        "assurance/difference_list.html",
        {
            "differences": selectors.professional_difference_list(),
            "stats": stats,
            "chart": bar_chart(
                key="chart-stages",
                title="Professional differences by the stage reached",
                figures=[Figure(stage, n) for stage, n in stats.by_stage],
                columns=("Stage", "Number"),
            ),
            "can_manage": permissions.can_manage_assurance(request.user),
            "breadcrumbs": crumbs(("Professional differences", "")),
        },
    )


@login_required
@require_http_methods(GET_POST)
def difference_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.sees_all(request.user))
    require(permissions.can_manage_assurance(request.user), write_attempt=True)
    form = forms.ProfessionalDifferenceForm(bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.professional_difference_record(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The professional difference has been logged.")
            return redirect("assurance:difference_list")
    return form_page(
        request,
        form=form,
        title="Log a professional difference",
        submit="Log difference",
        breadcrumbs=crumbs(_differences_crumb(), ("Log", "")),
    )


@login_required
@require_http_methods(GET_POST)
def difference_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    difference = permissions.get_professional_difference_for_user_or_404(
        request.user, pk, write=True
    )
    event_record_view(actor=request.user, target=difference)
    form = forms.ProfessionalDifferenceUpdateForm(
        bound(request),
        initial={
            "version": difference.version,
            "stage": difference.stage,
            "resolved_on": difference.resolved_on,
            "outcome": difference.outcome,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.professional_difference_update(
                actor=request.user, difference=difference, expected_version=version, **data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The professional difference has been updated.")
            return redirect("assurance:difference_list")
    return form_page(
        request,
        form=form,
        title="Update a professional difference",
        submit="Save",
        intro=difference.issue,
        breadcrumbs=crumbs(_differences_crumb(), ("Update", "")),
    )
