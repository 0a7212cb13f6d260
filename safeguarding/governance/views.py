"""Governance pages: the arrangements, funding, meetings and priorities.

Every form page uses core.pages.form_page. Form page: not used for sending the papers or the
invitations and for the download, which are single POST / GET actions without a form, nor for
the read-only pages.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from safeguarding.core.http import AuthenticatedHttpRequest, public
from safeguarding.core.pages import GET_POST, Trail, cleaned, form_page, initial_from
from safeguarding.core.permissions import require
from safeguarding.core.years import ReportingYear
from safeguarding.governance import calendar, forms, permissions, reporting, selectors, services
from safeguarding.governance.models import Meeting

CRUMBS = Trail("Governance", "governance:home")


def _arrangements_crumb() -> tuple[str, str]:
    return ("Arrangements", reverse("governance:arrangements"))


def _meeting_crumbs(meeting: Meeting, *extra: tuple[str, str]) -> list[tuple[str, str]]:
    return CRUMBS(
        ("Meetings", reverse("governance:meeting_list")),
        (str(meeting), reverse("governance:meeting_detail", args=[meeting.pk])),
        *extra,
    )


# --- overview and the arrangements ---------------------------------------------------


@login_required
@require_GET
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_governance(request.user))
    return render(
        request,
        "governance/home.html",
        {
            "breadcrumbs": [*CRUMBS()[:-1], ("Governance", "")],
            "appointments": selectors.appointments_on(day=timezone.localdate()),
            "current": selectors.arrangements_current(),
            "upcoming": selectors.governance_meeting_list_for_user(
                user=request.user, upcoming=True
            )[:5],
            "priorities": selectors.priority_list()[:8],
        },
    )


@login_required
@require_GET
def arrangements(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_governance(request.user))
    return render(
        request,
        "governance/arrangements.html",
        {
            "breadcrumbs": CRUMBS(("Arrangements", "")),
            "appointments": selectors.appointment_history(),
            "members": selectors.arrangements_member_list(),
            "documents": selectors.arrangements_document_list(),
            "current": selectors.arrangements_current(),
            "can_manage": permissions.can_manage_governance(request.user),
        },
    )


@public
@require_GET
def arrangements_public(request: HttpRequest) -> HttpResponse:
    """The published arrangements, for anyone: the current version only."""
    today = timezone.localdate()
    return render(
        request,
        "governance/arrangements_public.html",
        {
            "current": selectors.arrangements_current(),
            "appointments": selectors.appointments_on(day=today),
            "members": selectors.arrangements_member_list(current_only=True),
        },
    )


def _manage_page(request: AuthenticatedHttpRequest) -> None:
    require(
        permissions.can_manage_governance(request.user),
        write_attempt=permissions.can_view_governance(request.user),
    )


@login_required
@require_http_methods(GET_POST)
def appointment_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    _manage_page(request)
    return form_page(
        request,
        form_class=forms.AppointmentForm,
        save=lambda form: services.appointment_create(actor=request.user, **cleaned(form)),
        success_message="The appointment has been recorded.",
        success_url=reverse("governance:arrangements"),
        title="Record an appointment",
        submit="Save appointment",
        breadcrumbs=CRUMBS(_arrangements_crumb(), ("Record an appointment", "")),
    )


@login_required
@require_http_methods(GET_POST)
def appointment_end(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    appointment = permissions.get_appointment_for_user_or_404(request.user, pk, write=True)
    return form_page(
        request,
        form_class=forms.AppointmentEndForm,
        save=lambda form: services.appointment_end(
            actor=request.user, appointment=appointment, **cleaned(form)
        ),
        success_message="The appointment has been ended.",
        success_url=reverse("governance:arrangements"),
        title=f"End the appointment of {appointment.holder_name}",
        submit="End appointment",
        record=appointment,
        breadcrumbs=CRUMBS(_arrangements_crumb(), ("End an appointment", "")),
    )


@login_required
@require_http_methods(GET_POST)
def arrangements_member_add(request: AuthenticatedHttpRequest) -> HttpResponse:
    _manage_page(request)
    return form_page(
        request,
        form_class=forms.ArrangementsMemberForm,
        save=lambda form: services.arrangements_member_add(actor=request.user, **cleaned(form)),
        success_message="The agency has been added to the arrangements.",
        success_url=reverse("governance:arrangements"),
        title="Name an agency in the arrangements",
        submit="Add agency",
        breadcrumbs=CRUMBS(_arrangements_crumb(), ("Add an agency", "")),
    )


@login_required
@require_http_methods(GET_POST)
def arrangements_document_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    _manage_page(request)
    return form_page(
        request,
        form_class=forms.ArrangementsDocumentForm,
        save=lambda form: services.arrangements_document_create(
            actor=request.user, **cleaned(form)
        ),
        success_message="The new version has been added. The lead partners sign it off next.",
        success_url=reverse("governance:arrangements"),
        title="Add a version of the arrangements",
        submit="Add version",
        breadcrumbs=CRUMBS(_arrangements_crumb(), ("Add a version", "")),
    )


@login_required
@require_http_methods(GET_POST)
def arrangements_document_sign(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    document = permissions.get_arrangements_document_for_user_or_404(request.user, pk, write=True)
    return form_page(
        request,
        form_class=forms.SignOffForm,
        save=lambda form: services.arrangements_document_sign(
            actor=request.user, document=document, **cleaned(form)
        ),
        success_message="The sign-off has been recorded.",
        success_url=reverse("governance:arrangements"),
        title=f"Record a sign-off of version {document.version_label}",
        submit="Record sign-off",
        breadcrumbs=CRUMBS(_arrangements_crumb(), ("Record a sign-off", "")),
    )


@login_required
@require_http_methods(GET_POST)
def arrangements_document_publish(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    document = permissions.get_arrangements_document_for_user_or_404(request.user, pk, write=True)
    return form_page(
        request,
        form_class=forms.PublishForm,
        save=lambda form: services.arrangements_document_publish(
            actor=request.user, document=document, **cleaned(form)
        ),
        success_message="The arrangements have been published.",
        success_url=reverse("governance:arrangements"),
        title=f"Publish version {document.version_label}",
        submit="Publish",
        record=document,
        breadcrumbs=CRUMBS(_arrangements_crumb(), ("Publish", "")),
    )


# --- funding -------------------------------------------------------------------------


@login_required
@require_GET
def funding(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_governance(request.user))
    years = selectors.funding_years()
    try:
        year = ReportingYear.parse(request.GET["year"]) if "year" in request.GET else None
    except ValueError:
        year = None
    if year is None:
        year = ReportingYear(years[0]) if years else ReportingYear.containing(timezone.localdate())
    return render(
        request,
        "governance/funding.html",
        {
            "breadcrumbs": CRUMBS(("Funding", "")),
            "year": year,
            "years": [ReportingYear(y) for y in years],
            "figures": reporting.funding_figures(year),
            "can_manage": permissions.can_manage_governance(request.user),
        },
    )


@login_required
@require_http_methods(GET_POST)
def funding_contribution_record(request: AuthenticatedHttpRequest) -> HttpResponse:
    _manage_page(request)
    return form_page(
        request,
        form_class=forms.ContributionForm,
        save=lambda form: services.funding_contribution_record(
            actor=request.user, **cleaned(form)
        ),
        success_message="The contribution has been recorded.",
        success_url=lambda c: reverse("governance:funding") + f"?year={c.year}",
        title="Record a contribution",
        submit="Save contribution",
        breadcrumbs=CRUMBS(("Funding", reverse("governance:funding")), ("Contribution", "")),
    )


@login_required
@require_http_methods(GET_POST)
def budget_line_record(request: AuthenticatedHttpRequest) -> HttpResponse:
    _manage_page(request)
    return form_page(
        request,
        form_class=forms.BudgetLineForm,
        save=lambda form: services.budget_line_record(actor=request.user, **cleaned(form)),
        success_message="The spending line has been recorded.",
        success_url=lambda line: (
            reverse("governance:funding") + f"?year={ReportingYear(line.year_start)}"
        ),
        title="Record a spending line",
        submit="Save spending line",
        breadcrumbs=CRUMBS(("Funding", reverse("governance:funding")), ("Spending line", "")),
    )


# --- meetings ------------------------------------------------------------------------


@login_required
@require_GET
def meeting_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_governance(request.user))
    return render(
        request,
        "governance/meeting_list.html",
        {
            "breadcrumbs": CRUMBS(("Meetings", "")),
            "groups": selectors.group_list_for_user(user=request.user),
            "upcoming": selectors.governance_meeting_list_for_user(
                user=request.user, upcoming=True
            ),
            "past": selectors.governance_meeting_list_for_user(user=request.user, upcoming=False),
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
            "meetings": selectors.meeting_list_for_group(group=group),
            "can_run": permissions.can_run_group_meetings(request.user, group),
        },
    )


@login_required
@require_http_methods(GET_POST)
def meeting_schedule(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    group = permissions.get_group_for_user_or_404(request.user, pk, write=True)

    def save(form: forms.MeetingForm) -> Meeting:
        starts_at, ends_at = form.meeting_times()
        data = cleaned(form, drop=("day", "starts", "ends"))
        return services.meeting_schedule(
            actor=request.user, group=group, starts_at=starts_at, ends_at=ends_at, **data
        )

    return form_page(
        request,
        form_class=forms.MeetingForm,
        save=save,
        success_message="The meeting has been scheduled.",
        success_url=lambda meeting: reverse("governance:meeting_detail", args=[meeting.pk]),
        title=f"Schedule a meeting of the {group.name}",
        submit="Schedule meeting",
        breadcrumbs=CRUMBS(
            ("Meetings", reverse("governance:meeting_list")),
            (group.name, reverse("governance:group_meetings", args=[group.pk])),
            ("Schedule", ""),
        ),
    )


@login_required
@require_GET
def meeting_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = permissions.get_meeting_for_user_or_404(request.user, pk)
    return render(
        request,
        "governance/meeting_detail.html",
        {
            "breadcrumbs": [*_meeting_crumbs(meeting)[:-1], (str(meeting), "")],
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
    response = HttpResponse(calendar.meeting_ics(meeting), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.ics"'
    return response


@login_required
@require_http_methods(GET_POST)
def agenda_item_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = permissions.get_meeting_for_user_or_404(request.user, pk, write=True)
    return form_page(
        request,
        form_class=forms.AgendaItemForm,
        save=lambda form: services.agenda_item_add(
            actor=request.user, meeting=meeting, **cleaned(form)
        ),
        success_message="The item has been added to the agenda.",
        success_url=reverse("governance:meeting_detail", args=[meeting.pk]),
        title="Add an agenda item",
        submit="Add item",
        breadcrumbs=_meeting_crumbs(meeting, ("Add an agenda item", "")),
    )


@login_required
@require_http_methods(GET_POST)
def paper_upload(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = permissions.get_meeting_papers_for_user_or_404(request.user, pk, write=True)
    return form_page(
        request,
        form_class=forms.PaperForm,
        form_kwargs={"meeting": meeting},
        save=lambda form: services.paper_upload(
            actor=request.user, meeting=meeting, **cleaned(form)
        ),
        success_message="The paper has been uploaded.",
        success_url=reverse("governance:meeting_detail", args=[meeting.pk]),
        title="Upload a paper",
        submit="Upload paper",
        breadcrumbs=_meeting_crumbs(meeting, ("Upload a paper", "")),
    )


@login_required
@require_POST
def papers_publish(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    from django.contrib import messages
    from django.core.exceptions import ValidationError

    meeting = permissions.get_meeting_papers_for_user_or_404(request.user, pk, write=True)
    try:
        services.papers_publish(actor=request.user, meeting=meeting)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "The papers have been sent to the group's members.")
    return redirect("governance:meeting_detail", meeting.pk)


@login_required
@require_POST
def meeting_invitations_send(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    from django.contrib import messages
    from django.core.exceptions import ValidationError

    meeting = permissions.get_meeting_for_user_or_404(request.user, pk, write=True)
    try:
        sent = services.meeting_invitations_send(actor=request.user, meeting=meeting)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Invitations have been sent to {sent} member(s).")
    return redirect("governance:meeting_detail", meeting.pk)


@login_required
@require_GET
def paper_download(request: AuthenticatedHttpRequest, pk: int) -> FileResponse:
    """A paper, for whoever may see the meeting's papers; every download is logged."""
    paper = permissions.get_paper_for_user_or_404(request.user, pk)
    services.paper_download_record(actor=request.user, paper=paper)
    response = FileResponse(
        paper.file.open("rb"),
        as_attachment=True,
        filename=paper.original_name,
        content_type="application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(GET_POST)
def meeting_attendance(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = permissions.get_meeting_for_user_or_404(request.user, pk, write=True)
    page = selectors.meeting_page(meeting=meeting, user=request.user)
    return form_page(
        request,
        form_class=forms.AttendanceForm,
        form_kwargs={"seats": page.seats, "current": page.attendance},
        save=lambda form: services.meeting_attendance_record(
            actor=request.user,
            meeting=meeting,
            entries=[
                services.AttendanceEntry(seat, status, deputy)
                for seat, status, deputy in form.entries()
            ],
        ),
        success_message="The attendance has been recorded.",
        success_url=reverse("governance:meeting_detail", args=[meeting.pk]),
        title="Record attendance",
        submit="Save attendance",
        intro="For each seat on the group: present, apologies, a deputy sent (with their name), "
        "or absent.",
        breadcrumbs=_meeting_crumbs(meeting, ("Attendance", "")),
    )


@login_required
@require_http_methods(GET_POST)
def meeting_minutes(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = permissions.get_meeting_for_user_or_404(request.user, pk, write=True)
    return form_page(
        request,
        form_class=forms.MinutesForm,
        initial=initial_from(meeting, forms.MinutesForm),
        record=meeting,
        save=lambda form: services.meeting_minutes_record(
            actor=request.user,
            meeting=meeting,
            minutes=form.cleaned_data["minutes"],
            expected_version=form.cleaned_data["version"],
        ),
        success_message="The minutes have been saved.",
        success_url=reverse("governance:meeting_detail", args=[meeting.pk]),
        title="Minutes",
        submit="Save minutes",
        breadcrumbs=_meeting_crumbs(meeting, ("Minutes", "")),
    )


@login_required
@require_http_methods(GET_POST)
def decision_record(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = permissions.get_meeting_for_user_or_404(request.user, pk, write=True)
    return form_page(
        request,
        form_class=forms.DecisionForm,
        form_kwargs={"meeting": meeting},
        save=lambda form: services.decision_record(
            actor=request.user, meeting=meeting, **cleaned(form)
        ),
        success_message="The decision has been recorded.",
        success_url=reverse("governance:meeting_detail", args=[meeting.pk]),
        title="Record a decision",
        submit="Save decision",
        breadcrumbs=_meeting_crumbs(meeting, ("Decision", "")),
    )


@login_required
@require_http_methods(GET_POST)
def meeting_action_record(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = permissions.get_meeting_for_user_or_404(request.user, pk, write=True)
    return form_page(
        request,
        form_class=forms.MeetingActionForm,
        save=lambda form: services.meeting_action_record(
            actor=request.user, meeting=meeting, **cleaned(form)
        ),
        success_message="The action has been recorded. It will be on the next agenda.",
        success_url=reverse("governance:meeting_detail", args=[meeting.pk]),
        title="Record an action",
        submit="Save action",
        breadcrumbs=_meeting_crumbs(meeting, ("Action", "")),
    )


@login_required
@require_http_methods(GET_POST)
def escalation_raise(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = permissions.get_meeting_for_user_or_404(request.user, pk, write=True)
    return form_page(
        request,
        form_class=forms.EscalationForm,
        save=lambda form: services.escalation_raise(
            actor=request.user, from_meeting=meeting, **cleaned(form)
        ),
        success_message="The escalation has been raised. It goes on the group's next agenda.",
        success_url=reverse("governance:meeting_detail", args=[meeting.pk]),
        title="Escalate to another group",
        submit="Escalate",
        breadcrumbs=_meeting_crumbs(meeting, ("Escalation", "")),
    )


# --- priorities ----------------------------------------------------------------------


@login_required
@require_GET
def priority_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_view_governance(request.user))
    return render(
        request,
        "governance/priority_list.html",
        {"breadcrumbs": CRUMBS(("Priorities", "")), "priorities": selectors.priority_list()},
    )


@login_required
@require_GET
def priority_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    priority = permissions.get_priority_for_user_or_404(request.user, pk)
    return render(
        request,
        "governance/priority_detail.html",
        {
            "breadcrumbs": CRUMBS(
                ("Priorities", reverse("governance:priority_list")),
                (f"Priority {priority.number}", ""),
            ),
            "priority": priority,
            "plan": selectors.priority_plan(priority=priority),
            "evidence": selectors.priority_evidence(priority=priority),
            "progress": selectors.priority_progress_list(priority=priority),
            "can_record": permissions.can_record_priority_progress(request.user, priority),
            "can_manage": permissions.can_manage_priority(request.user, priority),
        },
    )


def _priority_crumbs(priority: object, label: str) -> list[tuple[str, str]]:
    pk = priority.pk  # type: ignore[attr-defined]
    return CRUMBS(
        ("Priorities", reverse("governance:priority_list")),
        (f"Priority {priority.number}", reverse("governance:priority_detail", args=[pk])),  # type: ignore[attr-defined]
        (label, ""),
    )


@login_required
@require_http_methods(GET_POST)
def priority_plan_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    priority = permissions.get_priority_for_user_or_404(request.user, pk, manage=True)
    plan = selectors.priority_plan(priority=priority)
    return form_page(
        request,
        form_class=forms.PriorityPlanForm,
        initial=initial_from(plan, forms.PriorityPlanForm) if plan else None,
        save=lambda form: services.priority_plan_save(
            actor=request.user, priority=priority, **cleaned(form)
        ),
        success_message="The plan has been saved.",
        success_url=reverse("governance:priority_detail", args=[priority.pk]),
        title=f"The plan for priority {priority.number}",
        submit="Save plan",
        breadcrumbs=_priority_crumbs(priority, "Plan"),
    )


@login_required
@require_http_methods(GET_POST)
def priority_progress_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    priority = permissions.get_priority_for_user_or_404(request.user, pk, write=True)
    return form_page(
        request,
        form_class=forms.PriorityProgressForm,
        initial={"year_start": ReportingYear.containing(timezone.localdate()).start_year},
        save=lambda form: services.priority_progress_record(
            actor=request.user, priority=priority, **cleaned(form)
        ),
        success_message="The progress update has been recorded.",
        success_url=reverse("governance:priority_detail", args=[priority.pk]),
        title=f"Progress on priority {priority.number}",
        submit="Save progress",
        breadcrumbs=_priority_crumbs(priority, "Progress"),
    )


@login_required
@require_http_methods(GET_POST)
def evidence_link(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    priority = permissions.get_priority_for_user_or_404(request.user, pk, manage=True)
    return form_page(
        request,
        form_class=forms.EvidenceLinkForm,
        save=lambda form: services.evidence_link_by_id(
            actor=request.user,
            priority=priority,
            model_label=form.cleaned_data["kind"],
            record_id=form.cleaned_data["record_id"],
            note=form.cleaned_data["note"],
        ),
        success_message="The record has been linked to the priority.",
        success_url=reverse("governance:priority_detail", args=[priority.pk]),
        title=f"Link evidence to priority {priority.number}",
        submit="Link record",
        intro="Choose the kind of record and enter its number (shown in its page's address).",
        breadcrumbs=_priority_crumbs(priority, "Link evidence"),
    )
