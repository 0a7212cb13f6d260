from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone

from safeguarding.accounts.models import User
from safeguarding.actions.models import Action
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.governance import selectors, services, verbs
from safeguarding.governance.models import (
    Appointment,
    ArrangementsDocument,
    Attendance,
    BudgetLine,
    EvidenceLink,
    GovernanceReminder,
    Meeting,
    Paper,
    PriorityProgress,
)
from safeguarding.governance.tests import files
from safeguarding.governance.tests.factories import (
    GroupMembershipFactory,
    MeetingFactory,
    PastMeetingFactory,
)
from safeguarding.learning.models import LearningPoint
from safeguarding.partnership import services as partnership_services
from safeguarding.partnership.models import Agency, Group
from safeguarding.partnership.tests.factories import AgencyFactory, GroupFactory, PriorityFactory

pytestmark = pytest.mark.django_db

LEAD = Appointment.Role.LEAD_PARTNER


def _appoint(
    role: str = LEAD,
    agency: Agency | None = None,
    started_on: date = date(2024, 1, 1),
    ended_on: date | None = None,
) -> Appointment:
    return services.appointment_create(
        actor=None,
        role=role,
        holder_name="Synthetic Holder",
        agency=agency,
        started_on=started_on,
        ended_on=ended_on,
    )


def _partner(role: str) -> Agency:
    return AgencyFactory.create(statutory_partner=True, statutory_role=role)


# --- appointments --------------------------------------------------------------------


def test_appointment_refused_when_it_overlaps_the_same_seat() -> None:
    police = _partner(Agency.StatutoryRole.POLICE)
    _appoint(agency=police, started_on=date(2024, 1, 1), ended_on=date(2024, 12, 31))
    with pytest.raises(ValidationError, match="holds this role"):
        _appoint(agency=police, started_on=date(2024, 6, 1))


def test_appointment_refused_when_an_open_appointment_holds_the_seat() -> None:
    police = _partner(Agency.StatutoryRole.POLICE)
    _appoint(agency=police, started_on=date(2024, 1, 1))
    with pytest.raises(ValidationError):
        _appoint(agency=police, started_on=date(2023, 6, 1), ended_on=date(2024, 1, 1))


def test_appointment_allowed_when_it_follows_on_or_is_another_seat() -> None:
    police = _partner(Agency.StatutoryRole.POLICE)
    health = _partner(Agency.StatutoryRole.HEALTH)
    _appoint(agency=police, started_on=date(2024, 1, 1), ended_on=date(2024, 6, 30))
    _appoint(agency=police, started_on=date(2024, 7, 1))
    _appoint(agency=health, started_on=date(2024, 1, 1))
    _appoint(role=Appointment.Role.DELEGATED_PARTNER, agency=police, started_on=date(2024, 1, 1))
    assert Appointment.objects.count() == 4


def test_chair_is_one_seat_whatever_the_agency() -> None:
    _appoint(role=Appointment.Role.CHAIR, started_on=date(2024, 1, 1))
    with pytest.raises(ValidationError):
        _appoint(role=Appointment.Role.CHAIR, started_on=date(2024, 2, 1))


def test_partner_appointment_needs_an_agency() -> None:
    with pytest.raises(ValidationError):
        _appoint(agency=None)


def test_appointment_is_in_the_activity_log() -> None:
    appointment = _appoint(role=Appointment.Role.SCRUTINEER)
    assert ActivityEvent.objects.filter(
        verb=verbs.APPOINTMENT_CREATED, target_id=str(appointment.pk)
    ).exists()


def test_appointments_in_a_year_name_the_agency_as_it_was_then() -> None:
    health = _partner(Agency.StatutoryRole.HEALTH)
    partnership_services.agency_rename(
        actor=None,
        agency=health,
        new_name="Synthetic ICB",
        effective=date(2022, 7, 1),
        expected_version=None,
    )
    health.refresh_from_db()
    _appoint(
        role=Appointment.Role.SAFEGUARDING_PARTNER,
        agency=health,
        started_on=date(2019, 4, 1),
        ended_on=date(2023, 12, 11),
    )
    _appoint(agency=health, started_on=date(2023, 12, 12))
    old = selectors.appointments_between(start=date(2020, 4, 1), end=date(2021, 3, 31))
    new = selectors.appointments_between(start=date(2024, 4, 1), end=date(2025, 3, 31))
    assert [(a.role, a.agency_name) for a in old] == [
        ("Safeguarding partner (Working Together 2018)", health.names.first().name)  # type: ignore[union-attr]
    ]
    assert [(a.role, a.agency_name) for a in new] == [
        ("Lead safeguarding partner", "Synthetic ICB")
    ]


# --- the arrangements document -------------------------------------------------------


def _document() -> ArrangementsDocument:
    return services.arrangements_document_create(
        actor=None,
        version_label="3",
        title="Our arrangements",
        summary="How we work together.",
        review_due_on=date(2026, 12, 1),
    )


def test_publish_refused_until_all_three_lead_partners_sign() -> None:
    document = _document()
    leads = [
        _appoint(agency=_partner(role), started_on=date(2024, 1, 1))
        for role in Agency.StatutoryRole.values
        if role
    ]
    for lead in leads[:2]:
        services.arrangements_document_sign(
            actor=None,
            document=document,
            appointment=lead,
            signed_on=date(2024, 2, 1),
        )
    with pytest.raises(ValidationError, match="Still to sign"):
        services.arrangements_document_publish(
            actor=None,
            document=document,
            published_on=date(2024, 3, 1),
        )
    services.arrangements_document_sign(
        actor=None,
        document=document,
        appointment=leads[2],
        signed_on=date(2024, 2, 1),
    )
    services.arrangements_document_publish(
        actor=None,
        document=document,
        published_on=date(2024, 3, 1),
    )
    assert selectors.arrangements_current() == document


def test_sign_off_refused_from_someone_not_holding_the_lead_role_that_day() -> None:
    document = _document()
    lead = _appoint(agency=_partner("police"), started_on=date(2024, 1, 1))
    delegated = _appoint(
        role=Appointment.Role.DELEGATED_PARTNER, agency=lead.agency, started_on=date(2024, 1, 1)
    )
    # The delegate, on a day the lead held the role; the lead, before they held it.
    for appointment, signed_on in ((delegated, date(2024, 2, 1)), (lead, date(2023, 2, 1))):
        with pytest.raises(ValidationError):
            services.arrangements_document_sign(
                actor=None, document=document, appointment=appointment, signed_on=signed_on
            )


def test_review_reminder_sent_once() -> None:
    document = _document()
    document.published_on = date(2024, 3, 1)
    document.save()
    today = date(2026, 11, 1)
    assert services.governance_reminders_send(today=today).reviews_due == 1
    assert services.governance_reminders_send(today=today).reviews_due == 0
    assert GovernanceReminder.objects.count() == 1


# --- funding -------------------------------------------------------------------------


def test_funding_recorded_once_per_agency_and_year_and_corrected() -> None:
    agency = AgencyFactory.create()
    services.funding_contribution_record(
        actor=None, agency=agency, year_start=2020, agreed=Decimal("1000")
    )
    services.funding_contribution_record(
        actor=None,
        agency=agency,
        year_start=2020,
        agreed=Decimal("1000"),
        received=Decimal("750"),
    )
    contributions = list(selectors.contributions_for_year(year_start=2020))
    assert [(c.agreed, c.received) for c in contributions] == [(Decimal("1000"), Decimal("750"))]


def test_budget_line_refuses_a_negative_amount() -> None:
    with pytest.raises(ValidationError):
        services.budget_line_record(
            actor=None,
            year_start=2020,
            category=BudgetLine.Category.TRAINING,
            amount=Decimal("-1"),
        )


# --- meetings ------------------------------------------------------------------------


def _schedule(
    actor: User | None, group: Group, starts: datetime, *, hours: int, location: str
) -> Meeting:
    """`actor` schedules a meeting of `group` from `starts`, lasting `hours`, at `location`."""
    return services.meeting_schedule(
        actor=actor,
        group=group,
        starts_at=starts,
        ends_at=starts + timedelta(hours=hours),
        location=location,
    )


def test_meeting_papers_due_working_days_before() -> None:
    group = GroupFactory.create()
    services.group_papers_policy_set(
        actor=None, group=group, restricted=False, papers_working_days=5
    )
    starts = datetime(2030, 3, 18, 10, 0, tzinfo=UTC)  # a Monday
    meeting = _schedule(None, group, starts, hours=2, location="Council chamber")
    assert meeting.papers_due_on == date(2030, 3, 11)


def test_meeting_needs_a_place_or_a_link() -> None:
    starts = timezone.now() + timedelta(days=3)
    with pytest.raises(ValidationError):
        _schedule(None, GroupFactory.create(), starts, hours=1, location="")


def test_attendance_refused_before_the_meeting() -> None:
    meeting = MeetingFactory.create()
    seat = GroupMembershipFactory.create(group=meeting.group, agency=AgencyFactory.create())
    with pytest.raises(ValidationError, match="once the meeting has started"):
        services.meeting_attendance_record(
            actor=None,
            meeting=meeting,
            entries=[services.AttendanceEntry(seat, Attendance.Status.PRESENT)],
        )


def test_attendance_recorded_per_seat_and_corrected() -> None:
    meeting = PastMeetingFactory.create()
    seat = GroupMembershipFactory.create(group=meeting.group, agency=AgencyFactory.create())
    services.meeting_attendance_record(
        actor=None,
        meeting=meeting,
        entries=[services.AttendanceEntry(seat, Attendance.Status.APOLOGIES)],
    )
    services.meeting_attendance_record(
        actor=None,
        meeting=meeting,
        entries=[services.AttendanceEntry(seat, Attendance.Status.DEPUTY, "A. Deputy")],
    )
    attendance = Attendance.objects.get()
    assert (attendance.status, attendance.deputy_name, attendance.agency) == (
        "deputy",
        "A. Deputy",
        seat.agency,
    )
    assert ActivityEvent.objects.filter(verb=verbs.ATTENDANCE_RECORDED).count() == 2


def test_deputy_needs_a_name_and_seat_must_be_the_groups() -> None:
    meeting = PastMeetingFactory.create()
    seat = GroupMembershipFactory.create(group=meeting.group, agency=AgencyFactory.create())
    other = GroupMembershipFactory.create(agency=AgencyFactory.create())
    with pytest.raises(ValidationError):
        services.meeting_attendance_record(
            actor=None,
            meeting=meeting,
            entries=[services.AttendanceEntry(seat, Attendance.Status.DEPUTY)],
        )
    with pytest.raises(ValidationError):
        services.meeting_attendance_record(
            actor=None,
            meeting=meeting,
            entries=[services.AttendanceEntry(other, Attendance.Status.PRESENT)],
        )


def test_decision_refused_before_the_meeting_and_numbered_after() -> None:
    with pytest.raises(ValidationError):
        services.decision_record(actor=None, meeting=MeetingFactory.create(), text="Agreed.")
    meeting = PastMeetingFactory.create()
    first = services.decision_record(actor=None, meeting=meeting, text="Agreed the plan.")
    second = services.decision_record(actor=None, meeting=meeting, text="Agreed the budget.")
    assert (first.number, second.number) == (1, 2)


def test_paper_checked_by_content_and_stored_under_a_generated_name(owner: User) -> None:
    meeting = MeetingFactory.create()
    paper = services.paper_upload(
        actor=owner, meeting=meeting, title="Chair's report", file=files.pdf("chairs-report.pdf")
    )
    assert paper.kind == "pdf"
    assert "chairs-report" not in paper.file.name
    assert paper.original_name == "chairs-report.pdf"
    word = services.paper_upload(actor=owner, meeting=meeting, title="Plan", file=files.office())
    sheet = services.paper_upload(
        actor=owner, meeting=meeting, title="Figures", file=files.office("xl/", "figures.xlsx")
    )
    assert (word.kind, sheet.kind) == ("docx", "xlsx")
    assert ActivityEvent.objects.filter(verb=verbs.PAPER_UPLOADED).count() == 3


def test_paper_refused_when_content_is_not_a_document(owner: User) -> None:
    with pytest.raises(ValidationError, match="PDF, Word"):
        services.paper_upload(
            actor=owner, meeting=MeetingFactory.create(), title="x", file=files.fake_pdf()
        )


def test_renamed_non_pdf_is_refused_naming_the_persons_file(owner: User) -> None:
    """A Word file renamed to .pdf, and an HTML page named like a PDF, are refused by the shared
    check (core.uploads), with a message naming the file the person chose."""
    for upload in (files.office(name="minutes-draft.pdf"), files.fake_pdf("chairs-report.pdf")):
        with pytest.raises(ValidationError) as refused:
            services.paper_upload(
                actor=owner, meeting=MeetingFactory.create(), title="x", file=upload
            )
        assert f"“{upload.name}”" in " ".join(refused.value.messages)
    with pytest.raises(ValidationError, match="must be a PDF: “board-pack.pdf”"):
        services.arrangements_document_create(
            actor=owner,
            version_label="9",
            title="Arrangements",
            summary="How we work.",
            review_due_on=date(2030, 1, 1),
            file=files.office(name="board-pack.pdf"),
        )
    assert not Paper.objects.exists()


@override_settings(GOVERNANCE_PAPER_MAX_MB=0)
def test_paper_refused_when_too_big(owner: User) -> None:
    with pytest.raises(ValidationError, match="larger than 0 MB"):
        services.paper_upload(
            actor=owner, meeting=MeetingFactory.create(), title="x", file=files.pdf()
        )


def test_papers_late_until_published_and_reminded_once(owner: User) -> None:
    meeting = MeetingFactory.create(papers_due_on=timezone.localdate() - timedelta(days=1))
    today = timezone.localdate()
    assert selectors.meetings_with_late_papers(today=today) == [meeting]
    assert services.governance_reminders_send(today=today).papers_late == 1
    assert services.governance_reminders_send(today=today).papers_late == 0
    services.paper_upload(actor=owner, meeting=meeting, title="Report", file=files.pdf())
    services.papers_publish(actor=owner, meeting=meeting)
    assert selectors.meetings_with_late_papers(today=today) == []


def test_publish_refused_without_papers(owner: User) -> None:
    with pytest.raises(ValidationError):
        services.papers_publish(actor=owner, meeting=MeetingFactory.create())


def _meeting_in(group: Group, *, days: int, hours: int) -> Meeting:
    """A meeting of `group` that starts `days` from now and lasts `hours`."""
    starts_at = timezone.now() + timedelta(days=days)
    return MeetingFactory.create(
        group=group, starts_at=starts_at, ends_at=starts_at + timedelta(hours=hours)
    )


def test_escalation_lands_on_the_next_scheduled_meeting_of_the_higher_group() -> None:
    board = GroupFactory.create()
    subgroup_meeting = PastMeetingFactory.create(group=GroupFactory.create(parent=board))
    later = _meeting_in(board, days=40, hours=2)
    sooner = _meeting_in(board, days=10, hours=2)
    escalation = services.escalation_raise(
        actor=None,
        from_meeting=subgroup_meeting,
        to_group=board,
        summary="Assessment tools are not used consistently.",
    )
    assert escalation.agenda_item is not None
    assert escalation.agenda_item.meeting == sooner
    assert later.agenda_items.count() == 0


def test_escalation_waits_for_the_next_meeting_to_be_scheduled() -> None:
    board = GroupFactory.create()
    subgroup = GroupFactory.create(parent=GroupFactory.create(parent=board))  # two levels down
    escalation = services.escalation_raise(
        actor=None,
        from_meeting=PastMeetingFactory.create(group=subgroup),
        to_group=board,
        summary="Tools.",
    )
    assert escalation.agenda_item is None
    starts = timezone.now() + timedelta(days=20)
    meeting = _schedule(None, board, starts, hours=2, location="Online")
    escalation.refresh_from_db()
    assert escalation.agenda_item is not None
    assert escalation.agenda_item.meeting == meeting
    assert meeting.agenda_items.get().title.startswith("Escalation from")


def test_meeting_action_is_followed_up_at_the_next_meeting() -> None:
    meeting = PastMeetingFactory.create()
    agency = AgencyFactory.create()
    action = services.meeting_action_record(
        actor=None,
        meeting=meeting,
        description="Circulate the tool guidance.",
        owner_agency=agency,
        due_date=timezone.localdate() + timedelta(days=30),
    )
    assert action.plan.source == meeting.group
    following = MeetingFactory.create(group=meeting.group)
    assert selectors.follow_up_actions(meeting=following) == [action]
    assert selectors.follow_up_actions(meeting=meeting) == []


# --- priorities ----------------------------------------------------------------------


def test_progress_one_per_quarter() -> None:
    priority = PriorityFactory.create()
    services.priority_progress_record(
        actor=None, priority=priority, year_start=2020, quarter=1, rag="amber", narrative="Begun."
    )
    with pytest.raises(ValidationError):
        services.priority_progress_record(
            actor=None,
            priority=priority,
            year_start=2020,
            quarter=1,
            rag="green",
            narrative="Again.",
        )
    assert PriorityProgress.objects.count() == 1


def test_evidence_refused_for_an_unregistered_kind() -> None:
    with pytest.raises(ValidationError):
        services.evidence_link(
            actor=None, priority=PriorityFactory.create(), record=AgencyFactory.create()
        )


def test_evidence_figures_match_a_count_of_the_records() -> None:
    from safeguarding.actions.tests.factories import ActionFactory

    priority = PriorityFactory.create()
    actions = [ActionFactory.create() for _ in range(3)]
    for action in actions:
        services.evidence_link(actor=None, priority=priority, record=action)
    services.evidence_link(actor=None, priority=priority, record=actions[0])  # twice: one link
    Action.objects.filter(pk=actions[0].pk).update(
        status=Action.Status.COMPLETE, completed_on=timezone.localdate()
    )
    figures = selectors.priority_figures(priority=priority)
    linked = Action.objects.filter(
        pk__in=EvidenceLink.objects.filter(priority=priority).values("record_id")
    )
    assert figures["actions"] == linked.count() == 3
    assert figures["actions_done"] == linked.filter(status="complete").count() == 1
    assert LearningPoint.objects.count() == 0


def test_every_write_is_in_the_activity_log(owner: User) -> None:
    from safeguarding.actions.tests.factories import ActionFactory

    agency = _partner("police")
    appointment = _appoint(agency=agency)
    services.appointment_end(actor=owner, appointment=appointment, ended_on=date(2024, 6, 1))
    services.arrangements_member_add(
        actor=owner, agency=AgencyFactory.create(), kind="relevant", joined_on=date(2024, 1, 1)
    )
    lead = _appoint(agency=agency, started_on=date(2024, 6, 2))
    document = _document()
    services.arrangements_document_sign(
        actor=owner, document=document, appointment=lead, signed_on=date(2024, 7, 1)
    )
    services.funding_contribution_record(
        actor=owner, agency=agency, year_start=2024, agreed=Decimal(1)
    )
    services.budget_line_record(
        actor=owner, year_start=2024, category=BudgetLine.Category.OTHER, amount=Decimal(1)
    )
    group = GroupFactory.create(parent=GroupFactory.create())
    services.group_papers_policy_set(
        actor=owner, group=group, restricted=False, papers_working_days=3
    )
    starts = timezone.now() + timedelta(days=9)
    upcoming = _schedule(owner, group, starts, hours=1, location="Room")
    GroupMembershipFactory.create(group=group, person=owner)
    services.meeting_invitations_send(actor=owner, meeting=upcoming)
    services.meeting_reschedule(
        actor=owner,
        meeting=upcoming,
        starts_at=starts + timedelta(days=1),
        ends_at=starts + timedelta(days=1, hours=1),
        location="Room 2",
        online_link="",
        expected_version=upcoming.version,
    )
    services.meeting_cancel(
        actor=owner, meeting=MeetingFactory.create(group=group), reason="No quorum."
    )
    services.agenda_item_add(actor=owner, meeting=upcoming, title="Item", purpose="information")
    services.paper_upload(actor=owner, meeting=upcoming, title="Paper", file=files.pdf())
    services.papers_publish(actor=owner, meeting=upcoming)
    held = PastMeetingFactory.create(group=group)
    seat = GroupMembershipFactory.create(group=group, agency=agency)
    services.meeting_attendance_record(
        actor=owner, meeting=held, entries=[services.AttendanceEntry(seat, "present")]
    )
    services.meeting_minutes_record(
        actor=owner, meeting=held, minutes="Minutes.", expected_version=held.version
    )
    services.decision_record(actor=owner, meeting=held, text="Agreed.")
    services.meeting_action_record(
        actor=owner,
        meeting=held,
        description="Do it.",
        owner_agency=agency,
        due_date=timezone.localdate(),
    )
    assert group.parent is not None
    escalation = services.escalation_raise(
        actor=owner, from_meeting=held, to_group=group.parent, summary="Up."
    )
    services.escalation_outcome_record(
        actor=owner, escalation=escalation, outcome_group=GroupFactory.create()
    )
    priority = PriorityFactory.create()
    services.priority_plan_save(actor=owner, priority=priority, what_it_is="It.", how="So.")
    services.priority_progress_record(
        actor=owner, priority=priority, year_start=2024, quarter=1, rag="green", narrative="Ok."
    )
    services.evidence_link(actor=owner, priority=priority, record=ActionFactory.create())

    logged = set(ActivityEvent.objects.values_list("verb", flat=True))
    expected = {
        value
        for name, value in vars(verbs).items()
        if name.isupper()
        and value
        not in {
            verbs.ARRANGEMENTS_DOCUMENT_PUBLISHED,  # needs all three partners: tested above
            verbs.PAPER_DOWNLOADED,  # a view: tested in test_views
            verbs.GOVERNANCE_REMINDER_SENT,  # tested with the reminders
        }
    }
    assert expected <= logged, expected - logged


def test_escalation_refused_to_a_group_not_above() -> None:
    board = GroupFactory.create()
    meeting = PastMeetingFactory.create(group=GroupFactory.create(parent=board))
    for group in (meeting.group, GroupFactory.create(), GroupFactory.create(parent=meeting.group)):
        with pytest.raises(ValidationError, match="above this one"):
            services.escalation_raise(
                actor=None, from_meeting=meeting, to_group=group, summary="Up."
            )


def test_reschedule_moves_the_papers_due_date_and_refuses_a_held_meeting() -> None:
    meeting = MeetingFactory.create()
    starts = datetime(2031, 3, 17, 10, tzinfo=UTC)  # a Monday
    services.meeting_reschedule(
        actor=None,
        meeting=meeting,
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        location="Room 3",
        online_link="",
        expected_version=meeting.version,
    )
    meeting.refresh_from_db()
    assert meeting.papers_due_on == date(2031, 3, 10)
    assert meeting.version == 2
    with pytest.raises(ValidationError):
        services.meeting_reschedule(
            actor=None,
            meeting=PastMeetingFactory.create(),
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
            location="Room",
            online_link="",
            expected_version=1,
        )


def test_cancel_moves_waiting_escalations_to_the_next_meeting() -> None:
    board = GroupFactory.create()
    soon = _meeting_in(board, days=5, hours=1)
    later = _meeting_in(board, days=50, hours=1)
    escalation = services.escalation_raise(
        actor=None,
        from_meeting=PastMeetingFactory.create(group=GroupFactory.create(parent=board)),
        to_group=board,
        summary="Up.",
    )
    assert escalation.agenda_item is not None
    assert escalation.agenda_item.meeting == soon
    services.meeting_cancel(actor=None, meeting=soon, reason="Clashes with an inspection.")
    escalation.refresh_from_db()
    assert escalation.agenda_item is not None
    assert escalation.agenda_item.meeting == later
    with pytest.raises(ValidationError):
        services.meeting_cancel(actor=None, meeting=soon, reason="Again.")
    assert soon not in selectors.meetings_with_late_papers(
        today=timezone.localdate() + timedelta(days=4)
    )
    assert ActivityEvent.objects.filter(verb=verbs.MEETING_CANCELLED).count() == 1
