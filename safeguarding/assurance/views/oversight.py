"""Pages for performance commentary, independent scrutiny and professional differences."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from safeguarding.actions import selectors as action_selectors
from safeguarding.activity_log.services import event_record_view
from safeguarding.assurance import forms, permissions, selectors, services
from safeguarding.assurance.models import (
    PerformanceCommentary,
    ProfessionalDifference,
    ScrutinyReport,
)
from safeguarding.assurance.views.common import CRUMBS, may_manage_all, paginate
from safeguarding.core.charts import Figure, bar_chart
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import (
    Crumb,
    Words,
    calls,
    create_view,
    form_view,
    initial_from,
)
from safeguarding.core.permissions import require

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

# --- performance commentary ------------------------------------------------------------


def _commentary_crumb() -> Crumb:
    return ("Performance commentary", reverse("assurance:commentary_list"))


@login_required
@require_GET
def commentary_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_assurance(request.user))
    return render(
        request,
        "assurance/commentary_list.html",
        {
            **paginate(request, selectors.commentary_list_for_user(user=request.user)),
            "escalations": selectors.commentary_escalations_open(user=request.user),
            "can_submit": permissions.can_submit_commentary(request.user),
            "breadcrumbs": CRUMBS(("Performance commentary", "")),
        },
    )


def _may_submit_commentary(user: User) -> None:
    require(permissions.can_view_assurance(user))
    require(permissions.can_submit_commentary(user), write_attempt=True)


def _commentary_choices(user: User) -> dict[str, Any]:
    template = selectors.commentary_template_version()
    return {
        "agencies": selectors.commentary_agency_list_for_user(user=user),
        "extra_questions": (
            list(selectors.form_version_questions(version=template)) if template else []
        ),
    }


commentary_create = create_view(
    check=_may_submit_commentary,
    form_class=forms.CommentaryForm,
    form_kwargs=_commentary_choices,
    save=lambda user, form: services.commentary_submit(actor=user, **form.commentary_data()),
    success_message="Your commentary has been sent to QEG.",
    success_url=lambda commentary: reverse("assurance:commentary_detail", args=[commentary.pk]),
    title="Send a performance commentary",
    submit="Send commentary",
    breadcrumbs=lambda: CRUMBS(_commentary_crumb(), ("Send", "")),
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
            "breadcrumbs": CRUMBS(_commentary_crumb(), (f"Commentary {commentary.pk}", "")),
        },
    )


def _commentary_url(commentary: PerformanceCommentary) -> str:
    return reverse("assurance:commentary_detail", args=[commentary.pk])


def _commentary_crumbs(commentary: PerformanceCommentary, crumb: Crumb) -> list[Crumb]:
    return CRUMBS(_commentary_crumb(), crumb)


# What the pages about one commentary share: the permission-checked fetch (for writing), the
# trail and a return to the commentary's page.
commentary_page = partial(
    form_view,
    fetch=partial(permissions.get_commentary_for_user_or_404, write=True),
    success_url=_commentary_url,
    breadcrumbs=_commentary_crumbs,
    edits_record=True,
)

commentary_review = commentary_page(
    form_class=forms.CommentaryReviewForm,
    initial=lambda commentary: initial_from(commentary, forms.CommentaryReviewForm),
    save=calls(services.commentary_review, "commentary", versioned=True),
    success_message="The review has been recorded.",
    title="QEG review",
    crumb="Review",
    submit="Save review",
)


commentary_board_response = commentary_page(
    form_class=forms.BoardResponseForm,
    initial=lambda commentary: {"version": commentary.version},
    save=calls(services.commentary_board_response_record, "commentary", versioned=True),
    success_message="The Executive Board's response has been recorded.",
    title="Executive Board response",
    crumb="Board response",
    submit="Save response",
    intro=lambda commentary: f"Escalated: {commentary.escalation}",
)


# --- scrutiny --------------------------------------------------------------------------


def _scrutiny_crumb() -> Crumb:
    return ("Independent scrutiny", reverse("assurance:scrutiny_list"))


def _report_url(report: ScrutinyReport) -> str:
    return reverse("assurance:scrutiny_report_detail", args=[report.pk])


def _report_crumbs(report: ScrutinyReport, crumb: Crumb) -> list[Crumb]:
    return CRUMBS(_scrutiny_crumb(), (report.title, _report_url(report)), crumb)


@login_required
@require_GET
def scrutiny_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_all_assurance(request.user))
    return render(
        request,
        "assurance/scrutiny_list.html",
        {
            **paginate(request, selectors.scrutiny_report_list()),
            "assessments": selectors.scrutiny_assessment_list(),
            "can_manage": permissions.can_manage_assurance(request.user),
            "breadcrumbs": CRUMBS(("Independent scrutiny", "")),
        },
    )


scrutiny_report_create = create_view(
    check=may_manage_all,
    form_class=forms.ScrutinyReportForm,
    save=lambda user, form: services.scrutiny_report_create(actor=user, **form.cleaned_data),
    success_message="The scrutiny report has been added.",
    success_url=_report_url,
    title="Add a scrutiny report",
    submit="Add report",
    breadcrumbs=lambda: CRUMBS(_scrutiny_crumb(), ("Add a report", "")),
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
            "breadcrumbs": CRUMBS(_scrutiny_crumb(), (report.title, "")),
        },
    )


# What the pages about one scrutiny report share: the permission-checked fetch (for
# writing), the trail and a return to the report's page.
report_page = partial(
    form_view,
    fetch=partial(permissions.get_scrutiny_report_for_user_or_404, write=True),
    success_url=_report_url,
    breadcrumbs=_report_crumbs,
)

scrutiny_assessment_add = report_page(
    form_class=forms.ScrutinyAssessmentForm,
    save=calls(services.scrutiny_assessment_record, "report"),
    words=Words("Record an assessment", "Record assessment", "The assessment has been recorded."),
    crumb="Assessment",
)


scrutiny_recommendation_action = report_page(
    form_class=forms.RecommendationActionForm,
    save=calls(services.scrutiny_recommendation_action, "report"),
    words=Words(
        "Follow a recommendation as an action",
        "Add action",
        "The recommendation is now followed as an action.",
    ),
    crumb="Action",
)


# --- professional differences ----------------------------------------------------------


def _differences_crumb() -> Crumb:
    return ("Professional differences", reverse("assurance:difference_list"))


@login_required
@require_GET
def difference_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_all_assurance(request.user))
    stats = selectors.professional_difference_stats()
    return render(
        request,
        "assurance/difference_list.html",
        {
            **paginate(request, selectors.professional_difference_list()),
            "stats": stats,
            "chart": bar_chart(
                key="chart-stages",
                title="Professional differences by the stage reached",
                figures=[Figure(stage, n) for stage, n in stats.by_stage],
                columns=("Stage", "Number"),
            ),
            "can_manage": permissions.can_manage_assurance(request.user),
            "breadcrumbs": CRUMBS(("Professional differences", "")),
        },
    )


difference_create = create_view(
    check=may_manage_all,
    form_class=forms.ProfessionalDifferenceForm,
    save=lambda user, form: services.professional_difference_record(
        actor=user, **form.cleaned_data
    ),
    success_message="The professional difference has been logged.",
    success_url=lambda difference: reverse("assurance:difference_list"),
    title="Log a professional difference",
    submit="Log difference",
    breadcrumbs=lambda: CRUMBS(_differences_crumb(), ("Log", "")),
)


def _difference_seen(user: User, pk: int) -> ProfessionalDifference:
    """The difference, fetched for writing; opening it to update is recorded as a view."""
    difference: ProfessionalDifference = permissions.get_professional_difference_for_user_or_404(
        user, pk, write=True
    )
    event_record_view(actor=user, target=difference)
    return difference


difference_update = form_view(
    forms.ProfessionalDifferenceUpdateForm,
    calls(services.professional_difference_update, "difference", versioned=True),
    Words(
        "Update a professional difference", "Save", "The professional difference has been updated."
    ),
    fetch=_difference_seen,
    initial=lambda difference: initial_from(difference, forms.ProfessionalDifferenceUpdateForm),
    edits_record=True,
    intro=lambda difference: difference.issue,
    success_url=lambda difference: reverse("assurance:difference_list"),
    crumb="Update",
    breadcrumbs=lambda difference, crumb: CRUMBS(_differences_crumb(), crumb),
)
