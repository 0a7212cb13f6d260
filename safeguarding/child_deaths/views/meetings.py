"""Child death review meetings and CDOP panel meetings."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from safeguarding.activity_log.services import event_record_view
from safeguarding.child_deaths import forms, permissions, selectors, services
from safeguarding.child_deaths.views.common import (
    _GET_POST,
    _crumbs,
    _form_page,
)
from safeguarding.core.forms import add_service_errors
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.permissions import require

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
            add_service_errors(form, exc)
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
    if request.method == "GET":  # the form shows the (decrypted) papers
        event_record_view(actor=request.user, target=meeting, what="meeting papers (change form)")
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
            add_service_errors(form, exc, record=meeting)
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
