from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.core.testing import ViewMatrix, date_data
from safeguarding.governance import services, verbs
from safeguarding.governance.models import Appointment, Attendance, Decision, Escalation, Meeting
from safeguarding.governance.tests import files
from safeguarding.governance.tests.factories import (
    GroupMembershipFactory,
    GroupPapersPolicyFactory,
    MeetingFactory,
    PastMeetingFactory,
)
from safeguarding.partnership.models import Agency, Group
from safeguarding.partnership.tests.factories import AgencyFactory, GroupFactory, PriorityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency() -> Agency:
    return AgencyFactory.create()


@pytest.fixture
def group(agency: Agency) -> Group:
    group = GroupFactory.create(parent=GroupFactory.create(name="Synthetic Board"))
    GroupMembershipFactory.create(group=group, agency=agency)
    return group


@pytest.fixture
def agency_lead(make_user: Callable[..., User], agency: Agency) -> User:
    return make_user((Role.AGENCY_LEAD, agency))


@pytest.fixture
def other_agency_lead(make_user: Callable[..., User]) -> User:
    return make_user((Role.AGENCY_LEAD, AgencyFactory.create()))


def _url(name: str, *args: object) -> str:
    return reverse(f"governance:{name}", args=args)


# --- the matrix ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["home", "arrangements", "funding", "meeting_list", "priority_list"]
)
def test_overview_pages_matrix(
    client: Client, name: str, owner: User, member_readonly: User, outsider: User
) -> None:
    matrix = ViewMatrix(client, _url(name))
    matrix.anonymous_redirected()
    matrix.allowed(owner)
    matrix.allowed(member_readonly)
    matrix.outsider(outsider)
    matrix.wrong_method(owner, "post")


@pytest.mark.parametrize(
    "name",
    [
        "appointment_create",
        "arrangements_member_add",
        "arrangements_document_create",
        "funding_contribution_record",
        "budget_line_record",
    ],
)
def test_arrangements_forms_matrix(
    client: Client,
    name: str,
    owner: User,
    member_readonly: User,
    outsider: User,
    agency_lead: User,
) -> None:
    matrix = ViewMatrix(client, _url(name))
    matrix.allowed(owner)
    matrix.outsider(outsider)
    matrix.read_only_write(member_readonly)
    matrix.read_only_write(agency_lead)
    matrix.wrong_method(owner)


def test_meeting_matrix(
    client: Client,
    group: Group,
    owner: User,
    member_readonly: User,
    outsider: User,
    agency_lead: User,
    other_agency_lead: User,
) -> None:
    meeting = MeetingFactory.create(group=group)
    matrix = ViewMatrix(client, _url("meeting_detail", meeting.pk))
    matrix.anonymous_redirected()
    matrix.allowed(owner)
    matrix.allowed(member_readonly)
    matrix.allowed(agency_lead)  # their agency has a seat
    matrix.outsider(other_agency_lead)
    matrix.outsider(outsider)
    matrix.wrong_method(owner, "post")


# Each form page about one meeting, and the meeting it is tried on: the pages for what happened
# at a meeting on one already held, moving and cancelling on one still to come.
MEETING_FORMS = {
    "agenda_item_add": PastMeetingFactory,
    "paper_upload": PastMeetingFactory,
    "meeting_attendance": PastMeetingFactory,
    "meeting_minutes": PastMeetingFactory,
    "decision_record": PastMeetingFactory,
    "meeting_action_record": PastMeetingFactory,
    "escalation_raise": PastMeetingFactory,
    "meeting_reschedule": MeetingFactory,
    "meeting_cancel": MeetingFactory,
}


@pytest.mark.parametrize("name", MEETING_FORMS)
def test_meeting_forms_matrix(
    client: Client,
    name: str,
    group: Group,
    owner: User,
    member_readonly: User,
    outsider: User,
    agency_lead: User,
    other_agency_lead: User,
) -> None:
    meeting = MEETING_FORMS[name].create(group=group)
    matrix = ViewMatrix(client, _url(name, meeting.pk))
    matrix.allowed(owner)
    matrix.outsider(outsider)
    matrix.outsider(other_agency_lead)
    matrix.read_only_write(member_readonly)
    matrix.read_only_write(agency_lead)  # sees the meeting, does not run it
    matrix.wrong_method(owner)


def test_priority_matrix(
    client: Client, owner: User, member_readonly: User, outsider: User, agency_lead: User
) -> None:
    priority = PriorityFactory.create()
    ViewMatrix(client, _url("priority_detail", priority.pk)).allowed(member_readonly)
    ViewMatrix(client, _url("priority_detail", priority.pk)).outsider(outsider)
    for name in ("priority_plan_edit", "priority_progress_add", "evidence_link"):
        matrix = ViewMatrix(client, _url(name, priority.pk))
        matrix.allowed(owner)
        matrix.outsider(outsider)
        matrix.read_only_write(member_readonly)
        matrix.read_only_write(agency_lead)


# --- happy paths ---------------------------------------------------------------------


def test_public_page_shows_the_current_arrangements(client: Client) -> None:
    services.arrangements_document_create(
        actor=None,
        version_label="2",
        title="Working together here",
        summary="Our model.",
        review_due_on=timezone.localdate() + timedelta(days=300),
    )
    response = client.get(_url("arrangements_public"))
    assert response.status_code == 200
    assert b"not been published yet" in response.content


def test_schedule_a_meeting(client: Client, owner: User, group: Group) -> None:
    client.force_login(owner)
    day = timezone.localdate() + timedelta(days=30)
    response = client.post(
        _url("meeting_schedule", group.pk),
        {**date_data("day", day), "starts": "10:00", "ends": "12:00", "location": "Room 1"},
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _url("meeting_detail", meeting.pk)


def test_papers_cannot_be_sent_before_there_are_any(client: Client, owner: User) -> None:
    meeting = MeetingFactory.create()
    client.force_login(owner)
    page = client.get(_url("papers_publish", meeting.pk), follow=True).content.decode()
    assert "no papers to send yet" in page
    meeting.refresh_from_db()
    assert meeting.papers_published_at is None


def test_calendar_entry_is_an_ics_file(client: Client, owner: User) -> None:
    meeting = MeetingFactory.create(online_link="https://meet.example/abc")
    client.force_login(owner)
    response = client.get(_url("meeting_calendar", meeting.pk))
    assert response["Content-Type"] == "text/calendar"
    assert b"BEGIN:VEVENT" in response.content
    assert f"governance-meeting-{meeting.pk}@".encode() in response.content


def test_paper_upload_publish_and_download_logged(client: Client, owner: User) -> None:
    meeting = MeetingFactory.create()
    client.force_login(owner)
    response = client.post(
        _url("paper_upload", meeting.pk), {"title": "Chair's report", "file": files.pdf()}
    )
    assert response.status_code == 302
    # Sending cannot be undone: the page links to an "Are you sure" page; opening it sends
    # nothing.
    detail = client.get(_url("meeting_detail", meeting.pk)).content.decode()
    assert f'href="{_url("papers_publish", meeting.pk)}"' in detail
    confirm = client.get(_url("papers_publish", meeting.pk)).content.decode()
    assert "Are you sure you want to send the papers" in confirm
    assert "You cannot undo this" in confirm
    assert "Chair&#x27;s report" in confirm or "Chair's report" in confirm
    meeting.refresh_from_db()
    assert meeting.papers_published_at is None
    assert client.post(_url("papers_publish", meeting.pk)).status_code == 302
    meeting.refresh_from_db()
    sent_at = meeting.papers_published_at
    assert sent_at is not None
    # Already sent: the step is no longer offered, and asking again says so.
    detail = client.get(_url("meeting_detail", meeting.pk)).content.decode()
    assert "Send the papers to members" not in detail
    again = client.get(_url("papers_publish", meeting.pk), follow=True).content.decode()
    assert "already been sent" in again
    client.post(_url("papers_publish", meeting.pk))
    meeting.refresh_from_db()
    assert meeting.papers_published_at == sent_at
    paper = meeting.papers.get()
    download = client.get(_url("paper_download", paper.pk))
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Type"] == "application/pdf"
    assert download["Cache-Control"] == "private, no-store"
    assert ActivityEvent.objects.filter(verb=verbs.PAPER_DOWNLOADED).count() == 1


def test_fake_paper_is_refused_on_the_form(client: Client, owner: User) -> None:
    meeting = MeetingFactory.create()
    client.force_login(owner)
    response = client.post(
        _url("paper_upload", meeting.pk), {"title": "x", "file": files.fake_pdf()}
    )
    assert response.status_code == 200
    assert b"PDF, Word, Excel or PowerPoint" in response.content


def test_restricted_papers_never_seen_outside_the_group(
    client: Client, owner: User, member_readonly: User, make_user: Callable[..., User]
) -> None:
    policy = GroupPapersPolicyFactory.create()
    member = make_user(Role.CASE_REVIEW_PANEL)
    GroupMembershipFactory.create(group=policy.group, person=member)
    meeting = MeetingFactory.create(group=policy.group)
    paper = services.paper_upload(actor=member, meeting=meeting, title="Case", file=files.pdf())
    url = _url("paper_download", paper.pk)
    ViewMatrix(client, url).outsider(owner)  # staff, not on the group
    ViewMatrix(client, url).outsider(member_readonly)
    ViewMatrix(client, _url("meeting_detail", meeting.pk)).outsider(member_readonly)
    ViewMatrix(client, _url("paper_upload", meeting.pk)).outsider(owner)
    page = ViewMatrix(client, _url("meeting_detail", meeting.pk)).allowed(owner)
    assert b"seen by its members only" in page.content
    ViewMatrix(client, url).allowed(member)


def test_attendance_form_records_each_seat(client: Client, owner: User, group: Group) -> None:
    meeting = PastMeetingFactory.create(group=group)
    seat = group.memberships.get()
    client.force_login(owner)
    response = client.post(
        _url("meeting_attendance", meeting.pk),
        {f"seat_{seat.pk}": "deputy", f"deputy_{seat.pk}": "A. Deputy"},
    )
    assert response.status_code == 302
    assert Attendance.objects.get().status == "deputy"


def test_attendance_before_the_meeting_is_refused_on_the_form(
    client: Client, owner: User, group: Group
) -> None:
    meeting = MeetingFactory.create(group=group)
    seat = group.memberships.get()
    client.force_login(owner)
    response = client.post(_url("meeting_attendance", meeting.pk), {f"seat_{seat.pk}": "present"})
    assert response.status_code == 200
    assert b"once the meeting has started" in response.content
    assert not Attendance.objects.exists()


def test_decision_action_and_escalation_reach_the_next_agenda(
    client: Client, owner: User, group: Group, agency: Agency
) -> None:
    board = group.parent
    assert board is not None
    meeting = PastMeetingFactory.create(group=group)
    following = MeetingFactory.create(group=group)
    board_meeting = MeetingFactory.create(group=board)
    client.force_login(owner)
    client.post(_url("decision_record", meeting.pk), {"text": "Adopt the tool."})
    client.post(
        _url("meeting_action_record", meeting.pk),
        {
            "description": "Brief staff.",
            "owner_agency": agency.pk,
            **date_data("due_date", timezone.localdate() + timedelta(days=20)),
        },
    )
    client.post(
        _url("escalation_raise", meeting.pk), {"to_group": board.pk, "summary": "Tools gap."}
    )
    assert Decision.objects.get().text == "Adopt the tool."
    next_page = client.get(_url("meeting_detail", following.pk))
    assert b"Brief staff." in next_page.content
    assert Escalation.objects.get().agenda_item.meeting == board_meeting  # type: ignore[union-attr]
    board_page = client.get(_url("meeting_detail", board_meeting.pk))
    assert b"Tools gap." in board_page.content


def test_appointment_overlap_shown_on_the_form(client: Client, owner: User) -> None:
    client.force_login(owner)
    data = {
        "role": Appointment.Role.CHAIR,
        "holder_name": "Synthetic Chair",
        **date_data("started_on", "2024-01-01"),
    }
    assert client.post(_url("appointment_create"), data).status_code == 302
    response = client.post(
        _url("appointment_create"), {**data, **date_data("started_on", "2024-03-01")}
    )
    assert response.status_code == 200
    assert b"holds this role" in response.content


def test_priority_page_shows_figures(client: Client, owner: User) -> None:
    from safeguarding.actions.tests.factories import ActionFactory

    priority = PriorityFactory.create()
    for _ in range(2):
        services.evidence_link(actor=None, priority=priority, record=ActionFactory.create())
    client.force_login(owner)
    response = client.get(_url("priority_detail", priority.pk))
    assert b"<strong>2</strong> actions" in response.content


def test_progress_written_by_the_lead_groups_member(
    client: Client, make_user: Callable[..., User]
) -> None:
    lead_group = GroupFactory.create()
    writer = make_user((Role.PRACTITIONER, AgencyFactory.create()))
    GroupMembershipFactory.create(group=lead_group, person=writer)
    priority = PriorityFactory.create(lead_group=lead_group)
    client.force_login(writer)
    response = client.post(
        _url("priority_progress_add", priority.pk),
        {"year_start": 2024, "quarter": 2, "rag": "green", "narrative": "On track."},
    )
    assert response.status_code == 302


def test_invitations_sent_to_members(
    client: Client, owner: User, group: Group, agency_lead: User, member_readonly: User
) -> None:
    meeting = MeetingFactory.create(group=group)
    url = _url("meeting_invitations_send", meeting.pk)
    ViewMatrix(client, url).read_only_write(member_readonly)
    ViewMatrix(client, url).wrong_method(owner, "get")
    client.force_login(owner)
    assert client.post(url).status_code == 302
    meeting.refresh_from_db()
    assert meeting.invitations_sent_at is not None
    event = ActivityEvent.objects.get(verb=verbs.MEETING_INVITATIONS_SENT)
    assert event.data == {"recipients": 1}  # the lead of the agency with a seat


def test_published_arrangements_pdf_for_anyone(client: Client, owner: User) -> None:
    from datetime import date

    from safeguarding.governance.models import ArrangementsDocument

    document = services.arrangements_document_create(
        actor=None,
        version_label="5",
        title="Arrangements",
        summary="How we work.",
        review_due_on=date(2030, 1, 1),
        file=files.pdf("ours.pdf"),
    )
    url = _url("arrangements_document_download", document.pk)
    assert client.get(url).status_code == 404  # not published yet
    ArrangementsDocument.objects.filter(pk=document.pk).update(published_on=date(2025, 1, 1))
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"Download the arrangements" in client.get(_url("arrangements_public")).content


def test_arrangements_document_must_be_a_pdf(client: Client, owner: User) -> None:
    client.force_login(owner)
    response = client.post(
        _url("arrangements_document_create"),
        {
            "version_label": "6",
            "title": "T",
            "summary": "S",
            **date_data("review_due_on", "2030-01-01"),
            "file": files.office(),
        },
    )
    assert response.status_code == 200
    assert b"must be a PDF" in response.content


def test_figures_page_matrix(
    client: Client, owner: User, member_readonly: User, outsider: User
) -> None:
    matrix = ViewMatrix(client, _url("figures") + "?year=2020-21")
    matrix.anonymous_redirected()
    matrix.allowed(owner)
    response = matrix.allowed(member_readonly)
    assert b"2020-21" in response.content
    matrix.outsider(outsider)
    ViewMatrix(client, _url("figures") + "?year=nonsense").allowed(owner)


def test_cancelled_meeting_calendar_entry_says_so(client: Client, owner: User) -> None:
    meeting = MeetingFactory.create()
    client.force_login(owner)
    response = client.post(_url("meeting_cancel", meeting.pk), {"reason": "No quorum."})
    assert response.status_code == 302
    assert b"STATUS:CANCELLED" in client.get(_url("meeting_calendar", meeting.pk)).content
    assert b"Cancelled" in client.get(_url("meeting_detail", meeting.pk)).content


def test_move_form_shows_the_current_time(client: Client, owner: User) -> None:
    meeting = MeetingFactory.create()
    client.force_login(owner)
    day = timezone.localtime(meeting.starts_at).date()
    response = client.get(_url("meeting_reschedule", meeting.pk))
    html = response.content.decode()
    for part, value in date_data("day", day).items():
        assert f'name="{part}" type="text" inputmode="numeric" value="{value}"' in html
    moved = (day + timedelta(days=7)).isoformat()
    response = client.post(
        _url("meeting_reschedule", meeting.pk),
        {
            **date_data("day", moved),
            "starts": "9am",
            "ends": "10:00",
            "location": "Room 9",
            "version": meeting.version,
        },
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert timezone.localtime(meeting.starts_at).date().isoformat() == moved


def test_a_restricted_groups_meetings_are_seen_only_by_its_members_and_staff_and_logged(
    client: Client, owner: User, make_user: Callable[..., User]
) -> None:
    from safeguarding.activity_log.models import ActivityEvent
    from safeguarding.partnership.tests.factories import AgencyFactory

    policy = GroupPapersPolicyFactory.create()
    agency = AgencyFactory.create()
    GroupMembershipFactory.create(group=policy.group, agency=agency)  # the agency has a seat
    lead = make_user((Role.AGENCY_LEAD, agency))  # ...but its lead does not sit on the group
    member = make_user(Role.CASE_REVIEW_PANEL)
    GroupMembershipFactory.create(group=policy.group, person=member)
    meeting = MeetingFactory.create(group=policy.group)
    url = _url("meeting_detail", meeting.pk)
    ViewMatrix(client, url).outsider(lead)
    ViewMatrix(client, url).allowed(member)
    ViewMatrix(client, url).allowed(owner)
    assert ActivityEvent.objects.filter(verb="viewed", actor=member).exists()
