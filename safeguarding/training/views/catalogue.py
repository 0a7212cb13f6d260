"""Running the catalogue: the management home, courses and their sessions (add, change,
cancel), virtual briefings and revoking certificates. Every form page is declared with
core.pages.form_view or create_view."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import Crumb, create_view, form_view, initial_from
from safeguarding.core.paging import page_of
from safeguarding.core.permissions import require
from safeguarding.core.years import ReportingYear
from safeguarding.training import forms, permissions, selectors, services
from safeguarding.training.models import Course
from safeguarding.training.views.common import CRUMBS, manage_crumb, may_manage

if TYPE_CHECKING:
    pass


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


def _manage_crumbs(record: object, crumb: Crumb) -> list[Crumb]:
    return CRUMBS(manage_crumb(), crumb)


def _to_manage(record: object) -> str:
    return reverse("training:manage")


def _course_url(course: Course) -> str:
    return reverse("training:course_detail", args=[course.pk])


def _course_crumbs(course: Course, crumb: Crumb) -> list[Crumb]:
    return CRUMBS(manage_crumb(), (course.title, ""))


course_create = create_view(
    check=may_manage,
    form_class=forms.CourseForm,
    save=lambda user, form: services.course_create(actor=user, **form.values()),
    success_message=lambda course: f"{course.title} has been added to the catalogue.",
    success_url=_course_url,
    title="Add a course",
    submit="Add course",
    breadcrumbs=lambda: CRUMBS(manage_crumb(), ("Add a course", "")),
)


course_update = form_view(
    fetch=partial(permissions.get_course_for_user_or_404, write=True),
    form_class=forms.CourseEditForm,
    initial=lambda course: initial_from(
        course,
        forms.CourseEditForm,
        evaluation_questions_text="\n".join(course.evaluation_questions),
    ),
    edits_record=True,
    save=lambda user, course, form: services.course_update(
        actor=user, course=course, expected_version=form.cleaned_data["version"], **form.values()
    ),
    success_message=lambda course: f"{course.title} has been updated.",
    success_url=_course_url,
    title=lambda course: f"Change {course.title}",
    submit="Save changes",
    breadcrumbs=_course_crumbs,
)


session_create = form_view(
    fetch=partial(permissions.get_course_for_user_or_404, write=True),
    form_class=forms.SessionForm,
    save=lambda user, course, form: services.session_create(
        actor=user, course=course, **form.values()
    ),
    success_message="The session has been added.",
    success_url=_course_url,
    title=lambda course: f"Add a session of {course.title}",
    submit="Add session",
    breadcrumbs=_course_crumbs,
)


# Adding a session from the sessions list, choosing its course on the form.
session_add = create_view(
    check=may_manage,
    form_class=forms.SessionAddForm,
    save=lambda user, form: services.session_create(actor=user, **form.values()),
    success_message="The session has been added.",
    success_url=lambda session: reverse("training:course_detail", args=[session.course_id]),
    title="Add a session",
    submit="Add session",
    breadcrumbs=lambda: CRUMBS(manage_crumb(), ("Add a session", "")),
)


session_update = form_view(
    fetch=partial(permissions.get_session_for_user_or_404, write=True, action="change"),
    form_class=forms.SessionEditForm,
    initial=lambda session: initial_from(
        session,
        forms.SessionEditForm,
        starts_at=timezone.localtime(session.starts_at).strftime("%Y-%m-%d %H:%M"),
        trainer_email=session.trainer.email if session.trainer else "",
    ),
    edits_record=True,
    save=lambda user, session, form: services.session_update(
        actor=user,
        session=session,
        expected_version=form.cleaned_data["version"],
        **form.values(),
    ),
    success_message="The session has been updated.",
    success_url=lambda session: reverse("training:session_register", args=[session.pk]),
    title=lambda session: f"Change {session}",
    intro="Extra places are offered straight away to the people waiting.",
    submit="Save changes",
    breadcrumbs=lambda session, crumb: CRUMBS(manage_crumb(), (f"{session}", "")),
)


session_cancel = form_view(
    fetch=partial(permissions.get_session_for_user_or_404, write=True, action="change"),
    form_class=forms.ReasonForm,
    save=lambda user, session, form: services.session_cancel(
        actor=user, session=session, reason=form.cleaned_data["reason"]
    ),
    success_message="The session is cancelled and everyone booked is told.",
    success_url=_to_manage,
    title=lambda session: f"Cancel {session}",
    crumb="Cancel a session",
    intro="Everyone booked or waiting will be e-mailed the reason.",
    submit="Cancel the session",
    breadcrumbs=_manage_crumbs,
)


certificate_revoke = form_view(
    fetch=partial(permissions.get_certificate_for_user_or_404, write=True),
    form_class=forms.ReasonForm,
    save=lambda user, certificate, form: services.certificate_revoke(
        actor=user, certificate=certificate, reason=form.cleaned_data["reason"]
    ),
    success_message="The certificate is revoked: it no longer verifies.",
    success_url=_to_manage,
    title=lambda certificate: f"Revoke certificate {certificate.code}",
    crumb="Revoke a certificate",
    submit="Revoke certificate",
    breadcrumbs=_manage_crumbs,
)


briefing_create = create_view(
    check=may_manage,
    form_class=forms.BriefingForm,
    save=lambda user, form: services.briefing_create(actor=user, **form.values()),
    success_message=lambda briefing: f"{briefing.title} has been published.",
    success_url=lambda briefing: reverse("training:briefing_detail", args=[briefing.pk]),
    title="Add a virtual briefing",
    submit="Add briefing",
    breadcrumbs=lambda: CRUMBS(manage_crumb(), ("Add a briefing", "")),
)
