"""Information requests: sending, reminding, and the secure page where agencies return them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from safeguarding.activity_log.services import event_record_view
from safeguarding.child_deaths import forms, permissions, selectors, services
from safeguarding.child_deaths.views.common import (
    _GET_POST,
    _case_crumbs,
    _crumbs,
    _form_page,
)
from safeguarding.core.forms import add_service_errors
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.permissions import require

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
            add_service_errors(form, exc)
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
            add_service_errors(form, exc)
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
