"""Governance pages: meetings of every group.

Form page: not used for sending the invitations (a single POST button), sending the papers (an
"Are you sure" page with no fields) and for the paper download and the calendar entry
(files); every other form page uses it.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from safeguarding.activity_log.services import event_record_view
from safeguarding.core import uploads
from safeguarding.core.buttons import button_post
from safeguarding.core.http import AuthenticatedHttpRequest, file_response
from safeguarding.core.pages import (
    GET_POST,
    Words,
    calls,
    cleaned,
    form_view,
    initial_from,
)
from safeguarding.core.paging import page_of
from safeguarding.core.permissions import require
from safeguarding.governance import calendar, forms, permissions, selectors, services
from safeguarding.governance.models import Meeting
from safeguarding.governance.views.crumbs import CRUMBS, meeting_crumbs

if TYPE_CHECKING:
    from safeguarding.accounts.models import User
    from safeguarding.partnership.models import Group

# --- meetings ------------------------------------------------------------------------


# A list of meetings is paged by core.paging.page_of, 25 rows a page (a partnership's meetings
# are never shown whole).


@login_required
@require_GET
def meeting_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The meetings to come (or, with ?when=past, those held), a page at a time."""
    require(permissions.can_view_governance(request.user))
    past = request.GET.get("when") == "past"
    meetings = selectors.governance_meeting_list_for_user(user=request.user, upcoming=not past)
    return render(
        request,
        "governance/meeting_list.html",
        {
            "breadcrumbs": CRUMBS(("Meetings", "")),
            "groups": selectors.group_list_for_user(user=request.user),
            "past": past,
            "page_obj": page_of(request, meetings),
            "query": "when=past" if past else "",
        },
    )


@login_required
@require_GET
def group_meetings(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    group = permissions.get_group_for_user_or_404(request.user, pk)
    return render(
        request,
        "governance/group_meetings.html",
        {
            "breadcrumbs": CRUMBS(
                ("Meetings", reverse("governance:meeting_list")), (group.name, "")
            ),
            "group": group,
            "page_obj": page_of(request, selectors.meeting_list_for_group(group=group)),
            "can_run": permissions.can_run_group_meetings(request.user, group),
        },
    )


def _meeting_url(meeting: Meeting) -> str:
    return reverse("governance:meeting_detail", args=[meeting.pk])


def _schedule(user: User, group: Group, form: forms.MeetingForm) -> Meeting:
    starts_at, ends_at = form.meeting_times()
    data = cleaned(form, drop=("day", "starts", "ends"))
    return services.meeting_schedule(
        actor=user, group=group, starts_at=starts_at, ends_at=ends_at, **data
    )


meeting_schedule = form_view(
    forms.MeetingForm,
    _schedule,
    fetch=partial(permissions.get_group_for_user_or_404, write=True),
    success_message="The meeting has been scheduled.",
    result_url=_meeting_url,
    title=lambda group: f"Schedule a meeting of the {group.name}",
    crumb="Schedule",
    submit="Schedule meeting",
    breadcrumbs=lambda group, crumb: CRUMBS(
        ("Meetings", reverse("governance:meeting_list")),
        (group.name, reverse("governance:group_meetings", args=[group.pk])),
        crumb,
    ),
)


# What every page about one meeting shares: the permission-checked fetch (for writing), the
# trail and a return to the meeting's page.
meeting_page = partial(
    form_view,
    fetch=partial(permissions.get_meeting_for_user_or_404, write=True),
    success_url=_meeting_url,
    breadcrumbs=meeting_crumbs,
)


def _reschedule_initial(meeting: Meeting) -> dict[str, object]:
    starts, ends = timezone.localtime(meeting.starts_at), timezone.localtime(meeting.ends_at)
    return initial_from(
        meeting,
        forms.MeetingRescheduleForm,
        day=starts.date(),
        starts=starts.time(),
        ends=ends.time(),
    )


def _reschedule(user: User, meeting: Meeting, form: forms.MeetingRescheduleForm) -> Meeting:
    starts_at, ends_at = form.meeting_times()
    return services.meeting_reschedule(
        actor=user,
        meeting=meeting,
        starts_at=starts_at,
        ends_at=ends_at,
        location=form.cleaned_data["location"],
        online_link=form.cleaned_data["online_link"],
        expected_version=form.cleaned_data["version"],
    )


meeting_reschedule = meeting_page(
    form_class=forms.MeetingRescheduleForm,
    initial=_reschedule_initial,
    edits_record=True,
    save=_reschedule,
    success_message="The meeting has been moved. Send the invitations again to tell members.",
    title="Move the meeting",
    crumb="Move",
    submit="Save",
)


meeting_cancel = meeting_page(
    form_class=forms.MeetingCancelForm,
    save=lambda user, meeting, form: services.meeting_cancel(
        actor=user, meeting=meeting, reason=form.cleaned_data["reason"]
    ),
    success_message="The meeting has been cancelled.",
    title="Cancel the meeting",
    crumb="Cancel",
    submit="Cancel the meeting",
)


@login_required
@require_GET
def meeting_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = permissions.get_meeting_for_user_or_404(request.user, pk)
    if permissions.group_is_restricted(meeting.group):  # about children: every view logged
        event_record_view(actor=request.user, target=meeting, what="restricted meeting")
    return render(
        request,
        "governance/meeting_detail.html",
        {
            "breadcrumbs": [*meeting_crumbs(meeting)[:-1], (str(meeting), "")],
            "page": selectors.meeting_page(meeting=meeting, user=request.user),
            "meeting": meeting,
            "can_run": permissions.can_run_meeting(request.user, meeting),
            "can_upload": permissions.can_upload_paper(request.user, meeting),
        },
    )


@login_required
@require_GET
def meeting_calendar(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The meeting as a calendar entry (.ics) to add to any calendar."""
    meeting = permissions.get_meeting_for_user_or_404(request.user, pk)
    return file_response(
        calendar.meeting_ics(meeting),
        filename=f"meeting-{meeting.pk}.ics",
        content_type="text/calendar",
    )


agenda_item_add = meeting_page(
    form_class=forms.AgendaItemForm,
    save=calls(services.agenda_item_add, "meeting"),
    words=Words("Add an agenda item", "Add item", "The item has been added to the agenda."),
)


paper_upload = meeting_page(
    fetch=partial(permissions.get_meeting_papers_for_user_or_404, write=True),
    form_class=forms.PaperForm,
    form_kwargs=lambda user, meeting: {"meeting": meeting},
    save=calls(services.paper_upload, "meeting"),
    words=Words("Upload a paper", "Upload paper", "The paper has been uploaded."),
)


@login_required
@require_http_methods(GET_POST)
def papers_publish(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Sending the papers e-mails every member and cannot be undone: GET is an "Are you sure"
    page with a warning, POST sends. A meeting with no papers, or whose papers were already
    sent, is told so and nothing is sent."""
    from django.contrib import messages

    meeting = permissions.get_meeting_papers_for_user_or_404(request.user, pk, write=True)
    papers = list(meeting.papers.all())
    if not papers or meeting.papers_published_at is not None:
        messages.error(
            request,
            "The papers have already been sent to members."
            if meeting.papers_published_at is not None
            else "There are no papers to send yet: upload at least one paper first.",
        )
        return redirect("governance:meeting_detail", meeting.pk)
    if request.method == "GET":
        return render(
            request,
            "governance/papers_publish.html",
            {
                "meeting": meeting,
                "papers": papers,
                "breadcrumbs": meeting_crumbs(meeting, ("Send the papers", "")),
            },
        )
    return button_post(
        request,
        lambda: services.papers_publish(actor=request.user, meeting=meeting),
        done="The papers have been sent to the group's members.",
        to=reverse("governance:meeting_detail", args=[meeting.pk]),
    )


@login_required
@require_POST
def meeting_invitations_send(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = permissions.get_meeting_for_user_or_404(request.user, pk, write=True)
    return button_post(
        request,
        lambda: services.meeting_invitations_send(actor=request.user, meeting=meeting),
        done=lambda sent: f"Invitations have been sent to {sent} member(s).",
        to=reverse("governance:meeting_detail", args=[meeting.pk]),
    )


@login_required
@require_GET
def paper_download(request: AuthenticatedHttpRequest, pk: int) -> FileResponse:
    """A paper, for whoever may see the meeting's papers; every download is logged."""
    paper = permissions.get_paper_for_user_or_404(request.user, pk)
    services.paper_download_record(actor=request.user, paper=paper)
    return uploads.attachment_response(
        paper.file, download_name=paper.original_name, kind=paper.file_kind
    )


def _seats(user: User, meeting: Meeting) -> dict[str, object]:
    page = selectors.meeting_page(meeting=meeting, user=user)
    return {"seats": page.seats, "current": page.attendance}


meeting_attendance = meeting_page(
    forms.AttendanceForm,
    lambda user, meeting, form: services.meeting_attendance_record(
        actor=user,
        meeting=meeting,
        entries=[
            services.AttendanceEntry(seat, status, deputy)
            for seat, status, deputy in form.entries()
        ],
    ),
    Words("Record attendance", "Save attendance", "The attendance has been recorded."),
    form_kwargs=_seats,
    crumb="Attendance",
    intro="For each seat on the group: present, apologies, a deputy sent (with their name), "
    "or absent.",
)


meeting_minutes = meeting_page(
    form_class=forms.MinutesForm,
    initial=lambda meeting: initial_from(meeting, forms.MinutesForm),
    edits_record=True,
    save=calls(services.meeting_minutes_record, "meeting", versioned=True),
    success_message="The minutes have been saved.",
    title="Minutes",
    submit="Save minutes",
)


decision_record = meeting_page(
    form_class=forms.DecisionForm,
    form_kwargs=lambda user, meeting: {"meeting": meeting},
    save=calls(services.decision_record, "meeting"),
    words=Words("Record a decision", "Save decision", "The decision has been recorded."),
    crumb="Decision",
)


meeting_action_record = meeting_page(
    form_class=forms.MeetingActionForm,
    save=calls(services.meeting_action_record, "meeting"),
    words=Words(
        "Record an action",
        "Save action",
        "The action has been recorded. It will be on the next agenda.",
    ),
    crumb="Action",
)


escalation_raise = meeting_page(
    form_class=forms.EscalationForm,
    form_kwargs=lambda user, meeting: {"groups": selectors.groups_above(group=meeting.group)},
    save=calls(services.escalation_raise, "from_meeting"),
    words=Words(
        "Escalate to another group",
        "Escalate",
        "The escalation has been raised. It goes on the group's next agenda.",
    ),
    crumb="Escalation",
)
