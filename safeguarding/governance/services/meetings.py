"""Meetings: scheduling, agendas, invitations, attendance, minutes, decisions, actions and
escalations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from safeguarding.actions import services as action_services
from safeguarding.actions.models import Action
from safeguarding.activity_log.services import event_record, tracked_create, tracked_update
from safeguarding.core.concurrency import bump_version
from safeguarding.core.emails import email_send
from safeguarding.core.links import absolute_reverse
from safeguarding.core.working_days import subtract_working_days
from safeguarding.governance import verbs
from safeguarding.governance.models import (
    AgendaItem,
    Attendance,
    Decision,
    Escalation,
    GroupPapersPolicy,
    Meeting,
    MeetingAction,
)
from safeguarding.partnership.models import Agency, Group, GroupMembership

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


DEFAULT_PAPERS_WORKING_DAYS = 5


# --- meetings ------------------------------------------------------------------------


@transaction.atomic
def group_papers_policy_set(
    *, actor: User | None, group: Group, restricted: bool, papers_working_days: int
) -> GroupPapersPolicy:
    policy, _created = GroupPapersPolicy.objects.select_for_update(of=("self",)).get_or_create(
        group=group
    )
    policy.restricted = restricted
    policy.papers_working_days = papers_working_days
    policy.full_clean()
    policy.save()
    event_record(
        actor=actor,
        verb=verbs.GROUP_PAPERS_POLICY_SET,
        target=group,
        data={"restricted": restricted, "papers_working_days": papers_working_days},
    )
    return policy


def papers_working_days_for(group: Group) -> int:
    policy = GroupPapersPolicy.objects.filter(group=group).first()
    return policy.papers_working_days if policy else DEFAULT_PAPERS_WORKING_DAYS


@transaction.atomic
def meeting_schedule(
    *,
    actor: User | None,
    group: Group,
    starts_at: datetime,
    ends_at: datetime,
    location: str = "",
    online_link: str = "",
    chair: User | None = None,
) -> Meeting:
    """Schedule a meeting; its papers are due a set number of working days before, and the
    escalations waiting for the group go on its agenda."""
    if not location.strip() and not online_link.strip():
        raise ValidationError({"location": "Enter the place, an online link, or both."})
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": "The meeting must end after it starts."})
    start_day = timezone.localtime(starts_at).date()
    meeting = tracked_create(
        actor=actor,
        model=Meeting,
        data={
            "group": group,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "location": location.strip(),
            "online_link": online_link.strip(),
            "chair": chair or group.chair,
            "papers_due_on": subtract_working_days(start_day, papers_working_days_for(group)),
        },
        verb=verbs.MEETING_SCHEDULED,
    )
    waiting = Escalation.objects.select_for_update(of=("self",)).filter(
        to_group=group, agenda_item__isnull=True, raised_at__lt=starts_at
    )
    for escalation in waiting.order_by("raised_at"):
        _escalation_place(actor=actor, escalation=escalation, meeting=meeting)
    return meeting


@transaction.atomic
def meeting_reschedule(
    *,
    actor: User | None,
    meeting: Meeting,
    starts_at: datetime,
    ends_at: datetime,
    location: str,
    online_link: str,
    expected_version: int | None,
) -> Meeting:
    """Move a meeting still to come (its papers' due date moves with it). Its calendar entry
    keeps its UID and gets a higher SEQUENCE, so calendars update it."""
    if meeting.has_started or meeting.cancelled:
        raise ValidationError("Only a meeting still to come can be moved.")
    if not location.strip() and not online_link.strip():
        raise ValidationError({"location": "Enter the place, an online link, or both."})
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": "The meeting must end after it starts."})
    start_day = timezone.localtime(starts_at).date()
    tracked_update(
        actor=actor,
        obj=meeting,
        data={
            "starts_at": starts_at,
            "ends_at": ends_at,
            "location": location.strip(),
            "online_link": online_link.strip(),
            "papers_due_on": subtract_working_days(
                start_day, papers_working_days_for(meeting.group)
            ),
        },
        verb=verbs.MEETING_RESCHEDULED,
        expected_version=expected_version,
    )
    return meeting


@transaction.atomic
def meeting_cancel(*, actor: User | None, meeting: Meeting, reason: str) -> Meeting:
    """Cancel a meeting still to come. Escalations waiting on its agenda move to the group's
    next meeting (or wait for one to be scheduled)."""
    if meeting.has_started:
        raise ValidationError("A meeting that has started cannot be cancelled.")
    if meeting.cancelled:
        raise ValidationError("The meeting has already been cancelled.")
    if not reason.strip():
        raise ValidationError({"reason": "Say why the meeting is cancelled."})
    meeting.cancelled = True
    meeting.save(update_fields=["cancelled", "updated_at", *bump_version(meeting)])
    event_record(
        actor=actor,
        verb=verbs.MEETING_CANCELLED,
        target=meeting,
        data={"reason": reason.strip()[:300]},
    )
    moved = list(
        Escalation.objects.select_for_update(of=("self",)).filter(agenda_item__meeting=meeting)
    )
    for escalation in moved:
        escalation.agenda_item = None
        escalation.save(update_fields=["agenda_item"])
        upcoming = (
            Meeting.objects.filter(
                group=meeting.group, cancelled=False, starts_at__gt=escalation.raised_at
            )
            .order_by("starts_at")
            .first()
        )
        if upcoming is not None:
            _escalation_place(actor=actor, escalation=escalation, meeting=upcoming)
    return meeting


def _next_number(queryset: Any) -> int:
    return int(queryset.aggregate(n=Max("number"))["n"] or 0) + 1


@transaction.atomic
def agenda_item_add(
    *,
    actor: User | None,
    meeting: Meeting,
    title: str,
    purpose: str,
    owner: User | None = None,
    owner_agency: Agency | None = None,
) -> AgendaItem:
    Meeting.objects.select_for_update(of=("self",)).filter(
        pk=meeting.pk
    ).first()  # serialise numbering
    return tracked_create(
        actor=actor,
        model=AgendaItem,
        data={
            "meeting": meeting,
            "number": _next_number(AgendaItem.objects.filter(meeting=meeting)),
            "title": title.strip(),
            "purpose": purpose,
            "owner": owner,
            "owner_agency": owner_agency,
        },
        verb=verbs.AGENDA_ITEM_ADDED,
    )


# Content signatures: (first bytes, kind). Office Open XML files are zips, told apart by the
# folder their parts live in.


def meeting_recipients(*, meeting: Meeting) -> list[User]:
    """The people to send a meeting's invitation and papers: seats held in person, and the
    leads of agencies with a seat."""
    from safeguarding.accounts.models import User
    from safeguarding.accounts.roles import Role

    today = timezone.localdate()
    seats = GroupMembership.objects.filter(group=meeting.group).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=today)
    )
    people = set(seats.exclude(person=None).values_list("person_id", flat=True))
    agencies = set(seats.exclude(agency=None).values_list("agency_id", flat=True))
    leads = set(
        User.objects.filter(
            role_grants__role=Role.AGENCY_LEAD, role_grants__agency_id__in=agencies
        ).values_list("pk", flat=True)
    )
    return list(User.objects.filter(pk__in=people | leads, is_active=True).order_by("email"))


@transaction.atomic
def meeting_invitations_send(*, actor: User | None, meeting: Meeting) -> int:
    """E-mail the group's members an invitation with the meeting's page and its calendar entry
    (.ics). Sending again (after a change) sends again; returns how many were sent."""
    if meeting.has_started:
        raise ValidationError("The meeting has started: invitations are no longer sent.")
    recipients = [p.email for p in meeting_recipients(meeting=meeting)]
    if not recipients:
        raise ValidationError("The group has nobody to invite: add its members first.")
    email_send(
        template="governance_meeting_invitation",
        to=recipients,
        context={
            "group": meeting.group.name,
            "date": f"{timezone.localtime(meeting.starts_at):%d %B %Y %H:%M}",
            "place": meeting.location or "Online",
            "url": absolute_reverse("governance:meeting_detail", meeting.pk),
            "ics_url": absolute_reverse("governance:meeting_calendar", meeting.pk),
        },
    )
    now = timezone.now()
    Meeting.objects.filter(pk=meeting.pk).update(invitations_sent_at=now)
    meeting.invitations_sent_at = now
    event_record(
        actor=actor,
        verb=verbs.MEETING_INVITATIONS_SENT,
        target=meeting,
        data={"recipients": len(recipients)},
    )
    return len(recipients)


def _require_started(meeting: Meeting, what: str) -> None:
    if not meeting.has_started:
        raise ValidationError(f"{what} can be recorded only once the meeting has started.")


@dataclass(frozen=True)
class AttendanceEntry:
    membership: GroupMembership
    status: str
    deputy_name: str = ""


@transaction.atomic
def meeting_attendance_record(
    *, actor: User | None, meeting: Meeting, entries: list[AttendanceEntry]
) -> list[Attendance]:
    """Record (or correct) who attended, seat by seat. Not before the meeting starts."""
    _require_started(meeting, "Attendance")
    Meeting.objects.select_for_update(of=("self",)).filter(pk=meeting.pk).first()
    saved = []
    for entry in entries:
        if entry.membership.group_id != meeting.group_id:
            raise ValidationError("Record attendance for the group's own seats only.")
        if entry.status == Attendance.Status.DEPUTY and not entry.deputy_name.strip():
            raise ValidationError(
                f"Enter the deputy's name for {entry.membership}: they sent a deputy."
            )
        attendance, _created = Attendance.objects.update_or_create(
            meeting=meeting,
            membership=entry.membership,
            defaults={
                "status": entry.status,
                "agency": entry.membership.agency,
                "deputy_name": entry.deputy_name.strip()
                if entry.status == Attendance.Status.DEPUTY
                else "",
                "recorded_at": timezone.now(),
            },
        )
        saved.append(attendance)
    event_record(
        actor=actor,
        verb=verbs.ATTENDANCE_RECORDED,
        target=meeting,
        data={
            status: sum(1 for a in saved if a.status == status)
            for status in Attendance.Status.values
        },
    )
    return saved


@transaction.atomic
def meeting_minutes_record(
    *, actor: User | None, meeting: Meeting, minutes: str, expected_version: int | None
) -> Meeting:
    _require_started(meeting, "Minutes")
    tracked_update(
        actor=actor,
        obj=meeting,
        data={"minutes": minutes.strip()},
        verb=verbs.MEETING_MINUTES_RECORDED,
        expected_version=expected_version,
    )
    return meeting


@transaction.atomic
def decision_record(
    *,
    actor: User | None,
    meeting: Meeting,
    text: str,
    agenda_item: AgendaItem | None = None,
) -> Decision:
    _require_started(meeting, "A decision")
    if not text.strip():
        raise ValidationError({"text": "Enter the decision."})
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ValidationError({"agenda_item": "Choose an item on this meeting's agenda."})
    Meeting.objects.select_for_update(of=("self",)).filter(pk=meeting.pk).first()
    decision = Decision.objects.create(
        meeting=meeting,
        agenda_item=agenda_item,
        number=_next_number(Decision.objects.filter(meeting=meeting)),
        text=text.strip(),
        recorded_by=actor,
    )
    event_record(actor=actor, verb=verbs.DECISION_RECORDED, target=decision, data={})
    return decision


@transaction.atomic
def meeting_action_record(
    *,
    actor: User | None,
    meeting: Meeting,
    description: str,
    owner_agency: Agency,
    due_date: date,
    owner_person: User | None = None,
) -> Action:
    """An action agreed at the meeting, in the group's action plan (`actions`); it shows on the
    group's next agendas until it is complete."""
    _require_started(meeting, "An action")
    plan = action_services.action_plan_get_or_create_for(
        actor=actor, source=meeting.group, title=f"{meeting.group.name}: actions"
    )
    action = action_services.action_create(
        actor=actor,
        plan=plan,
        description=description,
        owner_agency=owner_agency,
        owner_person=owner_person,
        due_date=due_date,
    )
    MeetingAction.objects.create(meeting=meeting, action=action)
    event_record(
        actor=actor, verb=verbs.MEETING_ACTION_RECORDED, target=meeting, data={"action": action.pk}
    )
    return action


def is_higher_group(group: Group, *, than: Group) -> bool:
    """True when `group` is above `than` in the governance structure (an ancestor)."""
    seen: set[int] = set()
    current = than.parent
    while current is not None and current.pk not in seen:
        if current.pk == group.pk:
            return True
        seen.add(current.pk)
        current = current.parent
    return False


def _escalation_place(*, actor: User | None, escalation: Escalation, meeting: Meeting) -> None:
    item = agenda_item_add(
        actor=actor,
        meeting=meeting,
        title=f"Escalation from {escalation.from_meeting.group.name}",
        purpose=AgendaItem.Purpose.DECISION,
    )
    escalation.agenda_item = item
    escalation.save(update_fields=["agenda_item"])


@transaction.atomic
def escalation_raise(
    *,
    actor: User | None,
    from_meeting: Meeting,
    to_group: Group,
    summary: str,
    raised_at: datetime | None = None,
) -> Escalation:
    """Escalate a matter to a higher group: it goes on that group's next agenda (its first
    meeting after the escalation). `raised_at` defaults to now (the demo gives past times)."""
    _require_started(from_meeting, "An escalation")
    if not is_higher_group(to_group, than=from_meeting.group):
        raise ValidationError(
            {"to_group": "Escalate to a group above this one in the governance structure."}
        )
    if not summary.strip():
        raise ValidationError({"summary": "Say what is escalated and why."})
    raised_at = raised_at or timezone.now()
    if raised_at < from_meeting.starts_at:
        raise ValidationError("An escalation is raised at or after the meeting that raises it.")
    escalation = Escalation.objects.create(
        from_meeting=from_meeting,
        to_group=to_group,
        summary=summary.strip(),
        raised_by=actor,
        raised_at=raised_at,
    )
    event_record(
        actor=actor,
        verb=verbs.ESCALATION_RAISED,
        target=escalation,
        data={"to_group": to_group.pk, "from_meeting": from_meeting.pk},
    )
    upcoming = (
        Meeting.objects.filter(group=to_group, cancelled=False, starts_at__gt=raised_at)
        .order_by("starts_at")
        .first()
    )
    if upcoming is not None:
        _escalation_place(actor=actor, escalation=escalation, meeting=upcoming)
    return escalation


@transaction.atomic
def escalation_outcome_record(
    *, actor: User | None, escalation: Escalation, outcome_group: Group
) -> Escalation:
    """Record the group set up in response to an escalation (e.g. a task and finish group)."""
    escalation.outcome_group = outcome_group
    escalation.save(update_fields=["outcome_group"])
    event_record(
        actor=actor,
        verb=verbs.ESCALATION_OUTCOME_RECORDED,
        target=escalation,
        data={"outcome_group": outcome_group.pk},
    )
    return escalation
