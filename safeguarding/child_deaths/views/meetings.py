"""Child death review meetings and CDOP panel meetings."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from safeguarding.activity_log.services import event_record_view
from safeguarding.child_deaths import forms, permissions, selectors, services
from safeguarding.child_deaths.views.common import CRUMBS, may_manage, paginate
from safeguarding.core.http import AuthenticatedHttpRequest
from safeguarding.core.pages import Crumb, calls, cleaned, create_view, form_view, initial_from
from safeguarding.core.permissions import require

if TYPE_CHECKING:
    from safeguarding.child_deaths.models import ReviewMeeting


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


def _meetings_crumb() -> Crumb:
    return ("Meetings", reverse("child_deaths:meeting_list"))


def _meeting_url(meeting: ReviewMeeting) -> str:
    return reverse("child_deaths:meeting_detail", args=[meeting.pk])


# The agenda offers the cases this user sees.
meeting_create = create_view(
    check=may_manage,
    form_class=forms.MeetingForm,
    form_kwargs=lambda user: {"cases": selectors.notification_list_for_agenda(user=user)},
    save=lambda user, form: services.meeting_create(actor=user, **cleaned(form)),
    success_message="The meeting has been added.",
    success_url=_meeting_url,
    title="Add a meeting",
    submit="Add meeting",
    breadcrumbs=lambda: CRUMBS(_meetings_crumb(), ("Add", "")),
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


# The form shows the (decrypted) papers, so opening it is logged (GET only); the agenda offers
# the cases this user sees.
meeting_update = form_view(
    forms.MeetingForm,
    calls(services.meeting_update, "meeting", versioned=True),
    fetch=partial(permissions.get_meeting_for_user_or_404, write=True),
    opened=lambda user, meeting: event_record_view(
        actor=user, target=meeting, what="meeting papers (change form)"
    ),
    form_kwargs=lambda user, meeting: {
        "cases": selectors.notification_list_for_agenda(user=user, meeting=meeting)
    },
    initial=lambda meeting: initial_from(
        meeting,
        forms.MeetingForm,
        members=list(meeting.members.all()),
        cases=list(meeting.cases.all()),
    ),
    edits_record=True,
    success_message="The meeting has been updated.",
    success_url=_meeting_url,
    title=lambda meeting: f"Change {meeting.title}",
    crumb="Change",
    submit="Save changes",
    breadcrumbs=lambda meeting, crumb: CRUMBS(
        _meetings_crumb(), (meeting.title, _meeting_url(meeting)), crumb
    ),
)
