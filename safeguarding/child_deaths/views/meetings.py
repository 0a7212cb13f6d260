"""Child death review meetings and CDOP panel meetings."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from safeguarding.activity_log.services import event_record_view
from safeguarding.child_deaths import forms, permissions, selectors, services
from safeguarding.child_deaths.views.common import CRUMBS, paginate
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import GET_POST, cleaned, form_page, initial_from
from safeguarding.core.permissions import require


@login_required
@require_GET
def meeting_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_cases(request.user))
    return render(
        request,
        "child_deaths/meeting_list.html",
        {
            **paginate(request, selectors.meeting_list_for_user(user=request.user)),
            "can_manage": permissions.can_manage_child_deaths(request.user),
            "breadcrumbs": CRUMBS(("Meetings", "")),
        },
    )


@login_required
@require_http_methods(GET_POST)
def meeting_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    # A function: create_view has no form_kwargs (the agenda offers the cases this user sees).
    require(permissions.can_view_cases(request.user))
    require(permissions.can_manage_child_deaths(request.user), write_attempt=True)
    return form_page(
        request,
        form_class=forms.MeetingForm,
        form_kwargs={"cases": selectors.notification_list_for_agenda(user=request.user)},
        save=lambda form: services.meeting_create(actor=request.user, **cleaned(form)),
        success_message="The meeting has been added.",
        success_url=lambda meeting: reverse("child_deaths:meeting_detail", args=[meeting.pk]),
        title="Add a meeting",
        submit="Add meeting",
        breadcrumbs=CRUMBS(("Meetings", reverse("child_deaths:meeting_list")), ("Add", "")),
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
            "breadcrumbs": CRUMBS(
                ("Meetings", reverse("child_deaths:meeting_list")), (meeting.title, "")
            ),
        },
    )


@login_required
@require_http_methods(GET_POST)
def meeting_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    # A function: it logs the papers' opening (GET only) and the agenda is the user's cases.
    meeting = permissions.get_meeting_for_user_or_404(request.user, pk, write=True)
    if request.method == "GET":  # the form shows the (decrypted) papers
        event_record_view(actor=request.user, target=meeting, what="meeting papers (change form)")
    return form_page(
        request,
        form_class=forms.MeetingForm,
        form_kwargs={
            "cases": selectors.notification_list_for_agenda(user=request.user, meeting=meeting)
        },
        initial=initial_from(
            meeting,
            forms.MeetingForm,
            members=list(meeting.members.all()),
            cases=list(meeting.cases.all()),
        ),
        record=meeting,
        save=lambda form: services.meeting_update(
            actor=request.user,
            meeting=meeting,
            expected_version=form.cleaned_data["version"],
            **cleaned(form),
        ),
        success_message="The meeting has been updated.",
        success_url=reverse("child_deaths:meeting_detail", args=[meeting.pk]),
        title=f"Change {meeting.title}",
        submit="Save changes",
        breadcrumbs=CRUMBS(
            ("Meetings", reverse("child_deaths:meeting_list")),
            (meeting.title, reverse("child_deaths:meeting_detail", args=[meeting.pk])),
            ("Change", ""),
        ),
    )
