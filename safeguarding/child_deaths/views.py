"""Pages for the child death overview panel: figures, cases, information requests, meetings,
panel reviews and the national export. Every case page is permission-checked and logged."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from safeguarding.actions import selectors as action_selectors
from safeguarding.activity_log.services import event_record_export, event_record_view
from safeguarding.child_deaths import forms, permissions, reporting, selectors, services
from safeguarding.child_deaths.models import ChildDeathNotification, PanelReview, ReviewFactor
from safeguarding.core.exports import csv_response
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.permissions import require
from safeguarding.core.years import ReportingYear
from safeguarding.learning import selectors as learning_selectors

_GET_POST = ["GET", "POST"]
FORM_PAGE = "child_deaths/form_page.html"


def _crumbs(*extra: tuple[str, str]) -> list[tuple[str, str]]:
    return [
        ("Home", reverse("core:home")),
        ("Child deaths", reverse("child_deaths:dashboard")),
        *extra,
    ]


def _case_crumbs(case: ChildDeathNotification, *extra: tuple[str, str]) -> list[tuple[str, str]]:
    return _crumbs(
        ("Cases", reverse("child_deaths:notification_list")),
        (case.reference, reverse("child_deaths:notification_detail", args=[case.pk])),
        *extra,
    )


def _add_errors(form: Form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            target = field if field in form.fields else None
            for error in errors:
                form.add_error(target, error)
    else:
        form.add_error(None, exc)


def _year(request: AuthenticatedHttpRequest) -> ReportingYear:
    try:
        return ReportingYear.parse(request.GET.get("year", ""))
    except ValueError:
        return ReportingYear.containing(timezone.localdate()).previous


def _form_page(
    request: AuthenticatedHttpRequest, form: Form, *, title: str, submit: str, **extra: Any
) -> HttpResponse:
    return render(request, FORM_PAGE, {"form": form, "title": title, "submit": submit, **extra})


# --- figures -------------------------------------------------------------------------


@login_required
@require_GET
def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    """De-identified figures for a reporting year: anyone with a role."""
    require(permissions.can_view_figures(request.user))
    year = _year(request)
    return render(
        request,
        "child_deaths/dashboard.html",
        {
            "year": year,
            "figures": reporting.figures_for_year(year),
            "open_summary": selectors.open_case_summary(),
            "can_view_cases": permissions.can_view_cases(request.user),
            "can_view_requests": permissions.can_view_requests(request.user),
            "can_manage": permissions.can_manage_child_deaths(request.user),
            "breadcrumbs": [("Home", reverse("core:home")), ("Child deaths", "")],
        },
    )


@login_required
@require_http_methods(_GET_POST)
def comparator_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_figures(request.user))
    require(permissions.can_manage_child_deaths(request.user), write_attempt=True)
    form = forms.ComparatorForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.comparator_save(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, "The national figure has been saved.")
            year = form.cleaned_data["reporting_year"]
            return redirect(f"{reverse('child_deaths:dashboard')}?year={year}")
    return _form_page(
        request,
        form,
        title="Enter a national comparator",
        submit="Save national figure",
        breadcrumbs=_crumbs(("National comparator", "")),
    )


# --- cases ---------------------------------------------------------------------------


@login_required
@require_GET
def notification_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_cases(request.user))
    return render(
        request,
        "child_deaths/notification_list.html",
        {
            "cases": selectors.notification_list_for_user(user=request.user),
            "open_cases": selectors.open_case_list_for_user(user=request.user),
            "can_manage": permissions.can_manage_child_deaths(request.user),
            "breadcrumbs": _crumbs(("Cases", "")),
        },
    )


@login_required
@require_http_methods(_GET_POST)
def notification_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_cases(request.user))
    require(permissions.can_manage_child_deaths(request.user), write_attempt=True)
    form = forms.NotificationForm(request.POST if request.method == "POST" else None)
    duplicates: list[ChildDeathNotification] = []
    if request.method == "POST" and form.is_valid():
        try:
            case = services.notification_create(actor=request.user, **form.cleaned_data)
        except services.LikelyDuplicateError as exc:
            duplicates = exc.matches
            form.add_error("confirmed_not_duplicate", exc)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, f"The death has been notified as {case.reference}.")
            return redirect("child_deaths:notification_detail", case.pk)
    return _form_page(
        request,
        form,
        title="Notify a child's death",
        submit="Save notification",
        duplicates=duplicates,
        breadcrumbs=_crumbs(("Cases", reverse("child_deaths:notification_list")), ("Notify", "")),
    )


@login_required
@require_GET
def notification_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    case = permissions.get_notification_for_user_or_404(request.user, pk)
    event_record_view(actor=request.user, target=case)
    review = selectors.review_for_notification(notification=case)
    return render(
        request,
        "child_deaths/notification_detail.html",
        {
            "case": case,
            "review": review,
            "requests": selectors.request_list_for_notification(notification=case),
            "meetings": selectors.meeting_list_for_notification(
                user=request.user, notification=case
            ),
            "learning": (
                learning_selectors.learning_point_list_for_source(source=review) if review else []
            ),
            "actions": (action_selectors.action_list_for_source(source=review) if review else []),
            "can_manage": permissions.can_edit_notification(request.user, case),
            "can_review": permissions.can_review_notification(request.user, case),
            "breadcrumbs": _crumbs(
                ("Cases", reverse("child_deaths:notification_list")), (case.reference, "")
            ),
        },
    )


@login_required
@require_http_methods(_GET_POST)
def notification_delay(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    case = permissions.get_notification_for_user_or_404(request.user, pk, write=True)
    initial = {
        "delay_reason": case.delay_reason,
        "delay_note": case.delay_note,
        "version": case.version,
    }
    form = forms.DelayForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.notification_delay_update(
                actor=request.user, notification=case, expected_version=version, **data
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, "The reason for delay has been saved.")
            return redirect("child_deaths:notification_detail", case.pk)
    return _form_page(
        request,
        form,
        title=f"Reason for delay: {case.reference}",
        submit="Save",
        breadcrumbs=_case_crumbs(case, ("Reason for delay", "")),
    )


# --- information requests ------------------------------------------------------------


@login_required
@require_http_methods(_GET_POST)
def request_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    case = permissions.get_notification_for_user_or_404(request.user, pk, write=True)
    form = forms.InformationRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            sent = services.information_request_create(
                actor=request.user, notification=case, **form.cleaned_data
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, f"The reporting form has been sent to {sent.agency.name}.")
            return redirect("child_deaths:notification_detail", case.pk)
    return _form_page(
        request,
        form,
        title=f"Request information: {case.reference}",
        submit="Send request",
        breadcrumbs=_case_crumbs(case, ("Request information", "")),
    )


@login_required
@require_POST
def request_remind(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    info = permissions.get_request_for_user_or_404(request.user, pk)
    case = permissions.get_notification_for_user_or_404(
        request.user, info.notification_id, write=True
    )
    try:
        services.information_request_remind(actor=request.user, request=info)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"A reminder has been sent to {info.agency.name}.")
    return redirect("child_deaths:notification_detail", case.pk)


@login_required
@require_GET
def request_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_requests(request.user))
    return render(
        request,
        "child_deaths/request_list.html",
        {
            "requests": selectors.request_list_for_user(user=request.user),
            "today": timezone.localdate(),
            "breadcrumbs": _crumbs(("Information requests", "")),
        },
    )


@login_required
@require_http_methods(_GET_POST)
def request_return(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The secure page where an agency returns its information."""
    info = permissions.get_request_for_user_or_404(
        request.user, pk, write=request.method == "POST"
    )
    event_record_view(actor=request.user, target=info)
    initial = {
        "information": info.information,
        "form_version": info.form_version or services.reporting_form_version(),
        "version": info.version,
    }
    form = forms.InformationReturnForm(
        request.POST if request.method == "POST" else None, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.information_request_return(
                actor=request.user, request=info, expected_version=version, **data
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, "Thank you: your agency's information has been returned.")
            return redirect("child_deaths:request_list")
    return render(
        request,
        "child_deaths/request_return.html",
        {
            "info": info,
            "case": info.notification,
            "form": form,
            "breadcrumbs": _crumbs(
                ("Information requests", reverse("child_deaths:request_list")),
                (info.notification.reference, ""),
            ),
        },
    )


# --- meetings ------------------------------------------------------------------------


@login_required
@require_GET
def meeting_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_cases(request.user))
    return render(
        request,
        "child_deaths/meeting_list.html",
        {
            "meetings": selectors.meeting_list_for_user(user=request.user),
            "can_manage": permissions.can_manage_child_deaths(request.user),
            "breadcrumbs": _crumbs(("Meetings", "")),
        },
    )


@login_required
@require_http_methods(_GET_POST)
def meeting_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_cases(request.user))
    require(permissions.can_manage_child_deaths(request.user), write_attempt=True)
    cases = selectors.notification_list_for_agenda(user=request.user)
    form = forms.MeetingForm(request.POST if request.method == "POST" else None, cases=cases)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("version", None)
        try:
            meeting = services.meeting_create(actor=request.user, **data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, "The meeting has been added.")
            return redirect("child_deaths:meeting_detail", meeting.pk)
    return _form_page(
        request,
        form,
        title="Add a meeting",
        submit="Add meeting",
        breadcrumbs=_crumbs(("Meetings", reverse("child_deaths:meeting_list")), ("Add", "")),
    )


@login_required
@require_GET
def meeting_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = permissions.get_meeting_for_user_or_404(request.user, pk)
    event_record_view(actor=request.user, target=meeting, what="papers")
    return render(
        request,
        "child_deaths/meeting_detail.html",
        {
            "meeting": meeting,
            "cases": meeting.cases.order_by("date_of_death"),
            "members": meeting.members.order_by("full_name"),
            "can_edit": permissions.can_edit_meeting(request.user, meeting),
            "breadcrumbs": _crumbs(
                ("Meetings", reverse("child_deaths:meeting_list")), (meeting.title, "")
            ),
        },
    )


@login_required
@require_http_methods(_GET_POST)
def meeting_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = permissions.get_meeting_for_user_or_404(request.user, pk, write=True)
    cases = selectors.notification_list_for_agenda(user=request.user, meeting=meeting)
    initial = {
        "kind": meeting.kind,
        "title": meeting.title,
        "held_on": meeting.held_on,
        "members": list(meeting.members.all()),
        "cases": list(meeting.cases.all()),
        "papers": meeting.papers,
        "version": meeting.version,
    }
    form = forms.MeetingForm(
        request.POST if request.method == "POST" else None, initial=initial, cases=cases
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.meeting_update(
                actor=request.user, meeting=meeting, expected_version=version, **data
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, "The meeting has been updated.")
            return redirect("child_deaths:meeting_detail", meeting.pk)
    return _form_page(
        request,
        form,
        title=f"Change {meeting.title}",
        submit="Save changes",
        breadcrumbs=_crumbs(
            ("Meetings", reverse("child_deaths:meeting_list")),
            (meeting.title, reverse("child_deaths:meeting_detail", args=[meeting.pk])),
            ("Change", ""),
        ),
    )


# --- panel review --------------------------------------------------------------------


def _review_initial(review: PanelReview | None) -> dict[str, Any]:
    if review is None:
        return {"version": 1}
    initial: dict[str, Any] = {
        "category": review.category_id,
        "modifiable": review.modifiable,
        "modifiable_factors": review.modifiable_factors,
        "completed_on": review.completed_on,
        "version": review.version,
    }
    for factor in review.factors.all():
        initial[f"{factor.domain}_grading"] = factor.grading
        initial[f"{factor.domain}_description"] = factor.description
    return initial


@login_required
@require_http_methods(_GET_POST)
def review_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    case = permissions.get_notification_for_review_or_404(request.user, pk, write=True)
    review = selectors.review_for_notification(notification=case)
    form = forms.PanelReviewForm(
        request.POST if request.method == "POST" else None, initial=_review_initial(review)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        factors = {
            d.value: services.DomainFactor(
                data[f"{d.value}_grading"], data[f"{d.value}_description"]
            )
            for d in ReviewFactor.Domain
            if data[f"{d.value}_grading"]
        }
        try:
            services.panel_review_save(
                actor=request.user,
                notification=case,
                expected_version=data["version"],
                category=data["category"],
                modifiable=data["modifiable"],
                modifiable_factors=data["modifiable_factors"],
                completed_on=data["completed_on"],
                factors=factors,
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, "The panel's review has been saved.")
            return redirect("child_deaths:notification_detail", case.pk)
    return _form_page(
        request,
        form,
        title=f"Panel review: {case.reference}",
        submit="Save review",
        breadcrumbs=_case_crumbs(case, ("Panel review", "")),
    )


def _review_or_404(
    request: AuthenticatedHttpRequest, pk: int
) -> tuple[ChildDeathNotification, PanelReview]:
    from django.http import Http404

    case = permissions.get_notification_for_review_or_404(request.user, pk, write=True)
    review = selectors.review_for_notification(notification=case)
    if review is None:
        raise Http404
    return case, review


@login_required
@require_http_methods(_GET_POST)
def learning_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    case, review = _review_or_404(request, pk)
    form = forms.LearningForm(
        request.POST if request.method == "POST" else None,
        initial={"recorded_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.review_learning_record(actor=request.user, review=review, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(
                request, "The learning has been recorded in the database of learning."
            )
            return redirect("child_deaths:notification_detail", case.pk)
    return _form_page(
        request,
        form,
        title=f"Record learning: {case.reference}",
        submit="Record learning",
        intro="Learning is shared without the child's details: do not identify the child.",
        breadcrumbs=_case_crumbs(case, ("Record learning", "")),
    )


@login_required
@require_http_methods(_GET_POST)
def action_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    case, review = _review_or_404(request, pk)
    form = forms.ReviewActionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.review_action_add(actor=request.user, review=review, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, "The action has been added to the review's action plan.")
            return redirect("child_deaths:notification_detail", case.pk)
    return _form_page(
        request,
        form,
        title=f"Add an action: {case.reference}",
        submit="Add action",
        breadcrumbs=_case_crumbs(case, ("Add an action", "")),
    )


# --- national export -----------------------------------------------------------------


def _csv_value(value: object) -> object:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


@login_required
@require_GET
def national_export(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The national (NCMD) export: CDOP managers only, logged."""
    require(permissions.can_export_national(request.user))
    try:
        year = ReportingYear.parse(request.GET["year"]) if request.GET.get("year") else None
    except ValueError as exc:
        return HttpResponseBadRequest(str(exc))
    file_format = "json" if request.GET.get("format") == "json" else "csv"
    rows = selectors.national_export_rows(user=request.user, year=year)
    event_record_export(
        actor=request.user,
        what="child_deaths.national_export",
        rows=len(rows),
        file_format=file_format,
    )
    name = f"cdop-national-export-{year.label if year else 'all'}"
    if file_format == "json":
        body = json.dumps(
            {
                "layout": "cdop-ncmd-export-1",
                "fields": selectors.NATIONAL_EXPORT_FIELDS,
                "records": rows,
            },
            indent=2,
        )
        response = HttpResponse(body, content_type="application/json")
        response["Content-Disposition"] = f'attachment; filename="{name}.json"'
        return response
    return csv_response(
        f"{name}.csv",
        selectors.NATIONAL_EXPORT_FIELDS,
        ([_csv_value(row[f]) for f in selectors.NATIONAL_EXPORT_FIELDS] for row in rows),
    )
