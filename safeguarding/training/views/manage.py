"""Running training: courses and sessions, registers, cancelling, approvals, revoking
certificates, agency statements, single-agency validation, the needs survey and the impact
report."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from safeguarding.activity_log.services import event_record_export, event_record_view
from safeguarding.core.concurrency import EditConflictError
from safeguarding.core.exports import csv_response
from safeguarding.core.forms import add_service_errors
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.permissions import require
from safeguarding.core.years import ReportingYear
from safeguarding.partnership.models import Agency, Priority
from safeguarding.training import forms, permissions, reporting, selectors, services
from safeguarding.training.models import CourseValidation, TrainingNeedsSurvey

_GET_POST = ["GET", "POST"]


def _crumbs(*extra: tuple[str, str]) -> list[tuple[str, str]]:
    return [
        ("Home", reverse("core:home")),
        ("Training", reverse("training:course_list")),
        ("Manage", reverse("training:manage")),
        *extra,
    ]


@login_required
@require_GET
def manage(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_training_management(request.user))
    page = Paginator(selectors.session_list_for_management(), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "training/manage.html",
        {
            "page_obj": page,
            "can_manage": permissions.can_manage_training(request.user),
            "surveys": selectors.needs_survey_list(),
            "courses": selectors.course_list_public(),
            "report_year": ReportingYear.containing(timezone.localdate()).previous,
            "breadcrumbs": _crumbs()[:-1] + [("Manage", "")],
        },
    )


@login_required
@require_http_methods(_GET_POST)
def course_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_training_management(request.user))
    require(permissions.can_manage_training(request.user), write_attempt=True)
    form = forms.CourseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            course = services.course_create(actor=request.user, **form.values())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"{course.title} has been added to the catalogue.")
            return redirect("training:course_detail", course.pk)
    return render(
        request,
        "training/form_page.html",
        {
            "form": form,
            "title": "Add a course",
            "submit": "Add course",
            "breadcrumbs": _crumbs(("Add a course", "")),
        },
    )


@login_required
@require_http_methods(_GET_POST)
def course_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    course = permissions.get_course_for_user_or_404(request.user, pk, write=True)
    initial = {
        "title": course.title,
        "summary": course.summary,
        "audience": course.audience,
        "level": course.level,
        "format": course.format,
        "priority": course.priority_id,
        "requires_manager_approval": course.requires_manager_approval,
        "evaluation_questions_text": "\n".join(course.evaluation_questions),
        "is_published": course.is_published,
        "version": course.version,
    }
    form = forms.CourseEditForm(
        request.POST if request.method == "POST" else None, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.course_update(
                actor=request.user,
                course=course,
                expected_version=form.cleaned_data["version"],
                **form.values(),
            )
        except EditConflictError as exc:
            form.add_error(None, exc)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"{course.title} has been updated.")
            return redirect("training:course_detail", course.pk)
    return render(
        request,
        "training/form_page.html",
        {
            "form": form,
            "title": f"Change {course.title}",
            "submit": "Save changes",
            "breadcrumbs": _crumbs((course.title, "")),
        },
    )


@login_required
@require_http_methods(_GET_POST)
def session_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    course = permissions.get_course_for_user_or_404(request.user, pk, write=True)
    form = forms.SessionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.session_create(actor=request.user, course=course, **form.values())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The session has been added.")
            return redirect("training:course_detail", course.pk)
    return render(
        request,
        "training/form_page.html",
        {
            "form": form,
            "title": f"Add a session of {course.title}",
            "submit": "Add session",
            "breadcrumbs": _crumbs((course.title, "")),
        },
    )


@login_required
@require_http_methods(_GET_POST)
def session_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = permissions.get_session_for_user_or_404(request.user, pk, write=True)
    if not permissions.can_manage_training(request.user):
        raise PermissionDenied  # a trainer marks the register; the business unit edits
    initial = {
        "starts_at": timezone.localtime(session.starts_at).strftime("%Y-%m-%d %H:%M"),
        "duration_minutes": session.duration_minutes,
        "venue": session.venue,
        "joining_link": session.joining_link,
        "trainer_name": session.trainer_name,
        "trainer_email": session.trainer.email if session.trainer else "",
        "capacity": session.capacity,
        "version": session.version,
    }
    form = forms.SessionEditForm(
        request.POST if request.method == "POST" else None, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.session_update(
                actor=request.user,
                session=session,
                expected_version=form.cleaned_data["version"],
                **form.values(),
            )
        except EditConflictError as exc:
            form.add_error(None, exc)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The session has been updated.")
            return redirect("training:session_register", session.pk)
    return render(
        request,
        "training/form_page.html",
        {
            "form": form,
            "title": f"Change {session}",
            "intro": "Extra places are offered straight away to the people waiting.",
            "submit": "Save changes",
            "breadcrumbs": _crumbs((f"{session}", "")),
        },
    )


@login_required
@require_http_methods(_GET_POST)
def session_register(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The register: mark people one by one (POST booking + attendance)."""
    session = permissions.get_session_for_user_or_404(
        request.user, pk, write=request.method == "POST"
    )
    form = forms.AttendanceForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        booking = get_object_or_404(session.bookings.all(), pk=form.cleaned_data["booking"])
        try:
            services.attendance_mark(
                actor=request.user, booking=booking, attendance=form.cleaned_data["attendance"]
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, "The register has been updated.")
        return redirect("training:session_register", session.pk)
    event_record_view(actor=request.user, target=session, what="register")
    return render(
        request,
        "training/session_register.html",
        {
            "session": session,
            "register": selectors.register_for_session(session=session),
            "waitlist": selectors.waitlist_for_session(session=session),
            "can_edit": permissions.can_edit_session_register(request.user, session),
            "can_manage": permissions.can_manage_training(request.user),
            "has_started": session.starts_at <= timezone.now(),
            "breadcrumbs": _crumbs((f"{session}", "")),
        },
    )


@login_required
@require_POST
def register_mark_all(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = permissions.get_session_for_user_or_404(request.user, pk, write=True)
    form = forms.MarkAllForm(request.POST)
    if form.is_valid():
        try:
            marked = services.register_mark_all(
                actor=request.user, session=session, attendance=form.cleaned_data["attendance"]
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, f"{marked} people marked on the register.")
    return redirect("training:session_register", session.pk)


@login_required
@require_http_methods(_GET_POST)
def session_cancel(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = permissions.get_session_for_user_or_404(request.user, pk, write=True)
    if not permissions.can_manage_training(request.user):
        raise PermissionDenied  # a trainer sees the session but only the business unit cancels
    form = forms.ReasonForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.session_cancel(
                actor=request.user, session=session, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The session is cancelled and everyone booked is told.")
            return redirect("training:manage")
    return render(
        request,
        "training/form_page.html",
        {
            "form": form,
            "title": f"Cancel {session}",
            "intro": "Everyone booked or waiting will be e-mailed the reason.",
            "submit": "Cancel the session",
            "breadcrumbs": _crumbs(("Cancel a session", "")),
        },
    )


@login_required
@require_GET
def approval_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(
        permissions.can_view_training_management(request.user)
        or bool(permissions.lead_agency_ids(request.user))
    )
    return render(
        request,
        "training/approval_list.html",
        {
            "bookings": selectors.approvals_pending_for_user(user=request.user),
            "breadcrumbs": _crumbs(("Approvals", "")),
        },
    )


@login_required
@require_POST
def booking_approve(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    booking = permissions.get_booking_for_approval_or_404(request.user, pk, write=True)
    approve = request.POST.get("decision") == "approve"
    try:
        services.booking_approve(actor=request.user, booking=booking, approve=approve)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Approved." if approve else "Not approved: the place is freed.")
    return redirect("training:approval_list")


@login_required
@require_http_methods(_GET_POST)
def certificate_revoke(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    certificate = permissions.get_certificate_for_user_or_404(request.user, pk, write=True)
    form = forms.ReasonForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.certificate_revoke(
                actor=request.user, certificate=certificate, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The certificate is revoked: it no longer verifies.")
            return redirect("training:manage")
    return render(
        request,
        "training/form_page.html",
        {
            "form": form,
            "title": f"Revoke certificate {certificate.code}",
            "submit": "Revoke certificate",
            "breadcrumbs": _crumbs(("Revoke a certificate", "")),
        },
    )


# --- statements ------------------------------------------------------------------------


@login_required
@require_GET
def statement_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    agencies = selectors.agency_list_for_statements(user=request.user)
    require(permissions.can_view_training_management(request.user) or agencies.exists())
    return render(
        request,
        "training/statement_list.html",
        {"agencies": agencies, "breadcrumbs": _crumbs(("Agency statements", ""))},
    )


@login_required
@require_GET
def agency_statement(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Charges for non-attendance to one agency. Its lead sees only their own agency's."""
    agency = get_object_or_404(Agency, pk=pk)
    if not permissions.can_view_agency_statement(request.user, agency.pk):
        raise Http404
    year = ReportingYear.containing(timezone.localdate())
    form = forms.StatementFilterForm(
        request.GET if "start" in request.GET else None,
        initial={"start": year.start, "end": year.end},
    )
    start, end = year.start, year.end
    if form.is_bound and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    statement = selectors.agency_statement(agency=agency, start=start, end=end)
    if request.GET.get("format") == "csv":
        event_record_export(
            actor=request.user,
            what="training charge statement",
            rows=len(statement.rows),
            target=agency,
            file_format="csv",
        )
        return csv_response(
            f"training-statement-{agency.pk}-{start:%Y%m%d}-{end:%Y%m%d}.csv",
            ["Session date", "Course", "Booking", "Reason", "Charge (£)"],
            [
                (
                    timezone.localtime(b.session.starts_at).date(),
                    b.session.course.title,
                    b.pk,
                    b.get_attendance_display(),
                    b.charge_pence / 100,
                )
                for b in statement.rows
            ],
        )
    event_record_view(actor=request.user, target=agency, what="training charge statement")
    return render(
        request,
        "training/agency_statement.html",
        {
            "form": form,
            "statement": statement,
            "breadcrumbs": _crumbs(
                ("Agency statements", reverse("training:statement_list")), (agency.name, "")
            ),
        },
    )


# --- single-agency course validation ------------------------------------------------------


@login_required
@require_GET
def validation_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_validations(request.user))
    return render(
        request,
        "training/validation_list.html",
        {
            "validations": selectors.validation_list_for_user(user=request.user),
            "validated": selectors.validated_courses_by_agency(user=request.user),
            "can_submit": permissions.can_submit_validation(request.user),
            "breadcrumbs": _crumbs()[:2] + [("Single-agency course validation", "")],
        },
    )


@login_required
@require_http_methods(_GET_POST)
def validation_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_validations(request.user))
    require(permissions.can_submit_validation(request.user), write_attempt=True)
    form = forms.ValidationSubmitForm(
        request.POST if request.method == "POST" else None,
        agency_ids=permissions.lead_agency_ids(request.user),
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            validation = services.validation_submit(actor=request.user, **data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The course has been sent for validation.")
            return redirect("training:validation_detail", validation.pk)
    return render(
        request,
        "training/form_page.html",
        {
            "form": form,
            "title": "Submit a course for validation",
            "submit": "Submit course",
            "breadcrumbs": _crumbs()[:2]
            + [("Validation", reverse("training:validation_list")), ("Submit", "")],
        },
    )


@login_required
@require_http_methods(_GET_POST)
def validation_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The agency sees the status; the reviewer works through the checklist here."""
    validation = permissions.get_validation_for_user_or_404(
        request.user, pk, write=request.method == "POST"
    )
    initial = {f"check_{k}": v for k, v in validation.checklist.items()}
    initial.update({"version": validation.version, "notes": validation.reviewer_notes})
    form = forms.ValidationReviewForm(
        request.POST if request.method == "POST" else None, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.validation_review(actor=request.user, validation=validation, **form.values())
        except EditConflictError as exc:
            form.add_error(None, exc)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The review has been saved and the agency can see it.")
            return redirect("training:validation_detail", validation.pk)
    return render(
        request,
        "training/validation_detail.html",
        {
            "validation": validation,
            "form": form,
            "checklist": services.VALIDATION_CHECKLIST,
            "can_review": permissions.can_manage_training(request.user),
            "can_resubmit": validation.status == CourseValidation.Status.CHANGES_REQUESTED
            and permissions.can_resubmit_validation(request.user, validation),
            "breadcrumbs": _crumbs()[:2]
            + [("Validation", reverse("training:validation_list")), (validation.title, "")],
        },
    )


# --- training needs survey ---------------------------------------------------------------


@login_required
@require_GET
def needs_survey_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(permissions.can_view_validations(request.user))
    survey = get_object_or_404(TrainingNeedsSurvey, pk=pk)
    return render(
        request,
        "training/needs_survey_detail.html",
        {
            "survey": survey,
            "summary": selectors.needs_summary(survey=survey),
            "can_respond": permissions.can_submit_validation(request.user),
            "can_manage": permissions.can_view_training_management(request.user),
            "breadcrumbs": _crumbs()[:2] + [(str(survey), "")],
        },
    )


@login_required
@require_http_methods(_GET_POST)
def needs_response_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(permissions.can_view_validations(request.user))
    require(permissions.can_submit_validation(request.user), write_attempt=True)
    survey = get_object_or_404(TrainingNeedsSurvey, pk=pk)
    today = timezone.localdate()
    priorities = list(
        Priority.objects.filter(period_start__lte=today, period_end__gte=today).order_by("number")
    ) or list(Priority.objects.order_by("-period_start", "number")[:6])
    form = forms.NeedsResponseForm(
        request.POST if request.method == "POST" else None,
        agency_ids=permissions.lead_agency_ids(request.user),
        priorities=priorities,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.needs_response_submit(
                actor=request.user,
                survey=survey,
                agency=form.cleaned_data["agency"],
                training_offered=form.cleaned_data["training_offered"],
                gaps=form.gaps(),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Thank you: your agency's answers have been sent.")
            return redirect("training:needs_survey_detail", survey.pk)
    return render(
        request,
        "training/form_page.html",
        {
            "form": form,
            "title": f"{survey}: your agency's answers",
            "submit": "Send answers",
            "breadcrumbs": _crumbs()[:2] + [(str(survey), "")],
        },
    )


# --- impact report -------------------------------------------------------------------------


def _year_or_404(label: str) -> ReportingYear:
    try:
        return ReportingYear.parse(label)
    except ValueError as exc:
        raise Http404 from exc


@login_required
@require_GET
def impact_report(request: AuthenticatedHttpRequest, year: str) -> HttpResponse:
    """The annual "Training impact on professional practice" report: figures and quotes."""
    require(permissions.can_view_training_management(request.user))
    reporting_year = _year_or_404(year)
    context = {
        "figures": reporting.report_figures(reporting_year),
        "year": reporting_year,
        "generated_on": timezone.localdate(),
    }
    if request.GET.get("format") == "pdf":
        from django.template.loader import render_to_string
        from weasyprint import HTML

        html = render_to_string("training/impact_report_pdf.html", context)
        event_record_export(
            actor=request.user, what="training impact report", rows=1, file_format="pdf"
        )
        response = HttpResponse(HTML(string=html).write_pdf(), content_type="application/pdf")
        response["Content-Disposition"] = (
            f'attachment; filename="training-impact-{reporting_year.label}.pdf"'
        )
        return response
    context["breadcrumbs"] = _crumbs((f"Training impact {reporting_year.label}", ""))
    return render(request, "training/impact_report.html", context)


@login_required
@require_http_methods(_GET_POST)
def validation_resubmit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The agency sends the course again after the reviewer asked for changes."""
    validation = permissions.get_validation_for_agency_or_404(
        request.user, pk, write=request.method == "POST"
    )
    initial = {
        "content_outline": validation.content_outline,
        "materials": validation.materials,
        "trainer": validation.trainer,
        "audience": validation.audience,
        "version": validation.version,
    }
    form = forms.ValidationResubmitForm(
        request.POST if request.method == "POST" else None, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.validation_resubmit(
                actor=request.user, validation=validation, expected_version=version, **data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The course has been sent again for validation.")
            return redirect("training:validation_detail", validation.pk)
    return render(
        request,
        "training/form_page.html",
        {
            "form": form,
            "title": f"Send {validation.title} again",
            "intro": validation.reviewer_notes,
            "submit": "Send again",
            "breadcrumbs": _crumbs()[:2]
            + [("Validation", reverse("training:validation_list")), (validation.title, "")],
        },
    )


@login_required
@require_http_methods(_GET_POST)
def needs_survey_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_training_management(request.user))
    require(permissions.can_manage_training(request.user), write_attempt=True)
    form = forms.NeedsSurveyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            survey = services.needs_survey_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"{survey} is open.")
            return redirect("training:needs_survey_detail", survey.pk)
    return render(
        request,
        "training/form_page.html",
        {
            "form": form,
            "title": "Open the training needs survey",
            "submit": "Open the survey",
            "breadcrumbs": _crumbs(("Training needs survey", "")),
        },
    )


@login_required
@require_http_methods(_GET_POST)
def briefing_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_training_management(request.user))
    require(permissions.can_manage_training(request.user), write_attempt=True)
    form = forms.BriefingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            briefing = services.briefing_create(actor=request.user, **form.values())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"{briefing.title} has been published.")
            return redirect("training:briefing_detail", briefing.pk)
    return render(
        request,
        "training/form_page.html",
        {
            "form": form,
            "title": "Add a virtual briefing",
            "submit": "Add briefing",
            "breadcrumbs": _crumbs(("Add a briefing", "")),
        },
    )
