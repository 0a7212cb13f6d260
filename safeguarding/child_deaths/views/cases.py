"""Case pages: the list, notifying a death, the case record (logged), reasons for delay."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from safeguarding.actions import selectors as action_selectors
from safeguarding.activity_log.services import event_record_view
from safeguarding.child_deaths import forms, permissions, selectors, services
from safeguarding.child_deaths.models import ChildDeathNotification
from safeguarding.child_deaths.views.common import (
    _GET_POST,
    _case_crumbs,
    _crumbs,
    _form_page,
)
from safeguarding.core.forms import add_service_errors
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.permissions import require
from safeguarding.learning import selectors as learning_selectors

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
            add_service_errors(form, exc)
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


def _notification_initial(case: ChildDeathNotification) -> dict[str, Any]:
    return {
        "child_name": case.child_name,
        "date_of_birth": case.date_of_birth,
        "nhs_number": case.nhs_number,
        "sex": case.sex,
        "ethnicity": case.ethnicity,
        "address": case.address,
        "residence_area": case.residence_area_id,
        "home_area_name": case.home_area_name,
        "reviewed_by_this_panel": case.reviewed_by_this_panel,
        "date_of_death": case.date_of_death,
        "place_of_death": case.place_of_death,
        "expectation": case.expectation,
        "joint_agency_response": case.joint_agency_response,
        "notified_on": case.notified_on,
        "notified_by": case.notified_by,
        "notifying_agency": case.notifying_agency_id,
        "agencies_involved": list(case.agencies_involved.all()),
        "professionals_involved": case.professionals_involved,
        "version": case.version,
    }


@login_required
@require_http_methods(_GET_POST)
def notification_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    case = permissions.get_notification_for_user_or_404(request.user, pk, write=True)
    if request.method == "GET":
        event_record_view(actor=request.user, target=case, what="notification form")
    form = forms.NotificationEditForm(
        request.POST if request.method == "POST" else None, initial=_notification_initial(case)
    )
    duplicates: list[ChildDeathNotification] = []
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.notification_update(
                actor=request.user, notification=case, expected_version=version, **data
            )
        except services.LikelyDuplicateError as exc:
            duplicates = exc.matches
            form.add_error("confirmed_not_duplicate", exc)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "The notification has been corrected.")
            return redirect("child_deaths:notification_detail", case.pk)
    return _form_page(
        request,
        form,
        title=f"Correct the notification: {case.reference}",
        submit="Save changes",
        duplicates=duplicates,
        breadcrumbs=_case_crumbs(case, ("Correct the notification", "")),
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
            add_service_errors(form, exc)
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


@login_required
@require_http_methods(_GET_POST)
def notification_archive(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    case = permissions.get_notification_for_user_or_404(request.user, pk, write=True)
    form = forms.ArchiveForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.notification_archive(
                actor=request.user, notification=case, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"{case.reference} has been archived.")
            return redirect("child_deaths:notification_list")
    return _form_page(
        request,
        form,
        title=f"Archive {case.reference}",
        submit="Archive notification",
        intro="Archived notifications leave the case lists and the figures. Nothing is deleted.",
        breadcrumbs=_case_crumbs(case, ("Archive", "")),
    )
