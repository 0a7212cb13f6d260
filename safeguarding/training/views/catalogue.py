"""Running the catalogue: the management home, courses and their sessions (add, change,
cancel), virtual briefings and revoking certificates."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import GET_POST, form_page, initial_from
from safeguarding.core.permissions import require
from safeguarding.core.years import ReportingYear
from safeguarding.training import forms, permissions, selectors, services
from safeguarding.training.views.common import CRUMBS, manage_crumb, page_of


@login_required
@require_GET
def manage(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_training_management(request.user))
    return render(
        request,
        "training/manage.html",
        {
            "page_obj": page_of(request, selectors.session_list_for_management()),
            "can_manage": permissions.can_manage_training(request.user),
            "can_see_people": permissions.can_view_training_people(request.user),
            "surveys": selectors.needs_survey_list()[:3],
            "report_year": ReportingYear.containing(timezone.localdate()).previous,
            "breadcrumbs": CRUMBS(("Manage", "")),
        },
    )


@login_required
@require_http_methods(GET_POST)
def course_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_training_management(request.user))
    require(permissions.can_manage_training(request.user), write_attempt=True)
    return form_page(
        request,
        form_class=forms.CourseForm,
        save=lambda form: services.course_create(actor=request.user, **form.values()),
        success_message=lambda course: f"{course.title} has been added to the catalogue.",
        success_url=lambda course: reverse("training:course_detail", args=[course.pk]),
        title="Add a course",
        submit="Add course",
        breadcrumbs=CRUMBS(manage_crumb(), ("Add a course", "")),
    )


@login_required
@require_http_methods(GET_POST)
def course_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    course = permissions.get_course_for_user_or_404(request.user, pk, write=True)
    return form_page(
        request,
        form_class=forms.CourseEditForm,
        initial=initial_from(
            course,
            forms.CourseEditForm,
            evaluation_questions_text="\n".join(course.evaluation_questions),
        ),
        record=course,
        save=lambda form: services.course_update(
            actor=request.user,
            course=course,
            expected_version=form.cleaned_data["version"],
            **form.values(),
        ),
        success_message=f"{course.title} has been updated.",
        success_url=reverse("training:course_detail", args=[course.pk]),
        title=f"Change {course.title}",
        submit="Save changes",
        breadcrumbs=CRUMBS(manage_crumb(), (course.title, "")),
    )


@login_required
@require_http_methods(GET_POST)
def session_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    course = permissions.get_course_for_user_or_404(request.user, pk, write=True)
    return form_page(
        request,
        form_class=forms.SessionForm,
        save=lambda form: services.session_create(
            actor=request.user, course=course, **form.values()
        ),
        success_message="The session has been added.",
        success_url=reverse("training:course_detail", args=[course.pk]),
        title=f"Add a session of {course.title}",
        submit="Add session",
        breadcrumbs=CRUMBS(manage_crumb(), (course.title, "")),
    )


@login_required
@require_http_methods(GET_POST)
def session_add(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Adding a session from the sessions list, choosing its course on the form."""
    require(permissions.can_view_training_management(request.user))
    require(permissions.can_manage_training(request.user), write_attempt=True)
    return form_page(
        request,
        form_class=forms.SessionAddForm,
        save=lambda form: services.session_create(actor=request.user, **form.values()),
        success_message="The session has been added.",
        success_url=lambda session: reverse("training:course_detail", args=[session.course_id]),
        title="Add a session",
        submit="Add session",
        breadcrumbs=CRUMBS(manage_crumb(), ("Add a session", "")),
    )


@login_required
@require_http_methods(GET_POST)
def session_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = permissions.get_session_for_user_or_404(
        request.user, pk, write=True, action="change"
    )
    return form_page(
        request,
        form_class=forms.SessionEditForm,
        initial=initial_from(
            session,
            forms.SessionEditForm,
            starts_at=timezone.localtime(session.starts_at).strftime("%Y-%m-%d %H:%M"),
            trainer_email=session.trainer.email if session.trainer else "",
        ),
        record=session,
        save=lambda form: services.session_update(
            actor=request.user,
            session=session,
            expected_version=form.cleaned_data["version"],
            **form.values(),
        ),
        success_message="The session has been updated.",
        success_url=reverse("training:session_register", args=[session.pk]),
        title=f"Change {session}",
        intro="Extra places are offered straight away to the people waiting.",
        submit="Save changes",
        breadcrumbs=CRUMBS(manage_crumb(), (f"{session}", "")),
    )


@login_required
@require_http_methods(GET_POST)
def session_cancel(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = permissions.get_session_for_user_or_404(
        request.user, pk, write=True, action="change"
    )
    return form_page(
        request,
        form_class=forms.ReasonForm,
        save=lambda form: services.session_cancel(
            actor=request.user, session=session, reason=form.cleaned_data["reason"]
        ),
        success_message="The session is cancelled and everyone booked is told.",
        success_url=reverse("training:manage"),
        title=f"Cancel {session}",
        intro="Everyone booked or waiting will be e-mailed the reason.",
        submit="Cancel the session",
        breadcrumbs=CRUMBS(manage_crumb(), ("Cancel a session", "")),
    )


@login_required
@require_http_methods(GET_POST)
def certificate_revoke(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    certificate = permissions.get_certificate_for_user_or_404(request.user, pk, write=True)
    return form_page(
        request,
        form_class=forms.ReasonForm,
        save=lambda form: services.certificate_revoke(
            actor=request.user, certificate=certificate, reason=form.cleaned_data["reason"]
        ),
        success_message="The certificate is revoked: it no longer verifies.",
        success_url=reverse("training:manage"),
        title=f"Revoke certificate {certificate.code}",
        submit="Revoke certificate",
        breadcrumbs=CRUMBS(manage_crumb(), ("Revoke a certificate", "")),
    )


@login_required
@require_http_methods(GET_POST)
def briefing_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_training_management(request.user))
    require(permissions.can_manage_training(request.user), write_attempt=True)
    return form_page(
        request,
        form_class=forms.BriefingForm,
        save=lambda form: services.briefing_create(actor=request.user, **form.values()),
        success_message=lambda briefing: f"{briefing.title} has been published.",
        success_url=lambda briefing: reverse("training:briefing_detail", args=[briefing.pk]),
        title="Add a virtual briefing",
        submit="Add briefing",
        breadcrumbs=CRUMBS(manage_crumb(), ("Add a briefing", "")),
    )
