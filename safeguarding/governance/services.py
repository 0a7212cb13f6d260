"""Every write to the arrangements, meetings and priorities, each recorded in the activity log in
the same transaction.

Rules:

* One holder per seat: an appointment may not overlap another for the same role (and, for the
  partner roles, the same agency). Checked under a lock on the seat's rows
  (`select_for_update`), because SQLite has no exclusion constraint.
* Attendance, minutes and decisions are recorded only once the meeting has started.
* Papers are checked by their content (PDF, Word, Excel or PowerPoint files) and size, and stored
  under generated names.
* An escalation lands on the next meeting of the group it goes to: the next one already
  scheduled, or the next one scheduled later.
* A version of the arrangements is published only once a lead safeguarding partner for each of
  the three statutory partners (local authority, police, health) has signed it off (for a
  version agreed under Working Together 2018, a safeguarding partner for each).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max, Model, Q
from django.utils import timezone

from safeguarding.actions import services as action_services
from safeguarding.actions.models import Action
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.activity_log.services import event_record, tracked_create, tracked_update
from safeguarding.core.emails import email_send
from safeguarding.core.links import absolute_reverse
from safeguarding.core.working_days import subtract_working_days
from safeguarding.governance import evidence, selectors, verbs
from safeguarding.governance.models import (
    AgendaItem,
    Appointment,
    ArrangementsDocument,
    ArrangementsMember,
    ArrangementsSignOff,
    Attendance,
    BudgetLine,
    Decision,
    Escalation,
    EvidenceLink,
    FundingContribution,
    GovernanceReminder,
    GroupPapersPolicy,
    Meeting,
    MeetingAction,
    Paper,
    PriorityPlan,
    PriorityProgress,
)
from safeguarding.partnership.models import Agency, Group, GroupMembership, Priority

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

DEFAULT_PAPERS_WORKING_DAYS = 5


# --- appointments --------------------------------------------------------------------


def _seat(role: str, agency: Agency | None) -> Q:
    seat = Q(role=role)
    if role in Appointment.PER_AGENCY_ROLES:
        seat &= Q(agency=agency)
    return seat


@transaction.atomic
def appointment_create(
    *,
    actor: User | None,
    role: str,
    holder_name: str,
    started_on: date,
    ended_on: date | None = None,
    agency: Agency | None = None,
    person: User | None = None,
    job_title: str = "",
) -> Appointment:
    """Appoint someone to a role from `started_on` (to `ended_on`, open when None). Refused when
    it overlaps another appointment to the same seat."""
    holders = list(Appointment.objects.select_for_update().filter(_seat(role, agency)))
    clash = next((a for a in holders if a.overlaps(started_on, ended_on)), None)
    if clash is not None:
        raise ValidationError(
            {
                "started_on": f"{clash.holder_name} holds this role from "
                f"{clash.started_on:%d %B %Y}"
                + (f" to {clash.ended_on:%d %B %Y}" if clash.ended_on else "")
                + ": end that appointment first or choose other dates."
            }
        )
    return tracked_create(
        actor=actor,
        model=Appointment,
        data={
            "role": role,
            "holder_name": holder_name.strip(),
            "job_title": job_title.strip(),
            "started_on": started_on,
            "ended_on": ended_on,
            "agency": agency,
            "person": person,
        },
        verb=verbs.APPOINTMENT_CREATED,
    )


@transaction.atomic
def appointment_end(
    *, actor: User | None, appointment: Appointment, ended_on: date
) -> Appointment:
    """End an appointment (the day of the last day in the role)."""
    if ended_on < appointment.started_on:
        raise ValidationError({"ended_on": "The end date must be on or after the start date."})
    tracked_update(
        actor=actor,
        obj=appointment,
        data={"ended_on": ended_on},
        verb=verbs.APPOINTMENT_ENDED,
        expected_version=None,
    )
    return appointment


@transaction.atomic
def arrangements_member_add(
    *, actor: User | None, agency: Agency, kind: str, joined_on: date
) -> ArrangementsMember:
    if ArrangementsMember.objects.filter(agency=agency, kind=kind, left_on__isnull=True).exists():
        raise ValidationError({"agency": "This agency is already named in the arrangements."})
    return tracked_create(
        actor=actor,
        model=ArrangementsMember,
        data={"agency": agency, "kind": kind, "joined_on": joined_on},
        verb=verbs.ARRANGEMENTS_MEMBER_ADDED,
    )


# --- the arrangements document -------------------------------------------------------


@transaction.atomic
def arrangements_document_create(
    *,
    actor: User | None,
    version_label: str,
    title: str,
    summary: str,
    review_due_on: date,
    agreed_on: date | None = None,
) -> ArrangementsDocument:
    return tracked_create(
        actor=actor,
        model=ArrangementsDocument,
        data={
            "version_label": version_label.strip(),
            "title": title.strip(),
            "summary": summary.strip(),
            "review_due_on": review_due_on,
            "agreed_on": agreed_on,
        },
        verb=verbs.ARRANGEMENTS_DOCUMENT_CREATED,
    )


SIGNING_ROLES = frozenset({Appointment.Role.LEAD_PARTNER, Appointment.Role.SAFEGUARDING_PARTNER})


@transaction.atomic
def arrangements_document_sign(
    *,
    actor: User | None,
    document: ArrangementsDocument,
    appointment: Appointment,
    signed_on: date,
) -> ArrangementsSignOff:
    """Record a lead safeguarding partner's sign-off (before Working Together 2023, a
    safeguarding partner's): they must hold the role on that day."""
    if appointment.role not in SIGNING_ROLES:
        raise ValidationError({"appointment": "Only a lead safeguarding partner signs off."})
    if not appointment.overlaps(signed_on, signed_on):
        raise ValidationError({"signed_on": "They did not hold the role on that day."})
    if document.sign_offs.filter(appointment=appointment).exists():
        raise ValidationError({"appointment": "They have already signed this version off."})
    sign_off = ArrangementsSignOff.objects.create(
        document=document, appointment=appointment, signed_on=signed_on, recorded_by=actor
    )
    event_record(
        actor=actor,
        verb=verbs.ARRANGEMENTS_DOCUMENT_SIGNED,
        target=document,
        data={"appointment": appointment.pk, "signed_on": signed_on.isoformat()},
    )
    return sign_off


STATUTORY_ROLES = (
    Agency.StatutoryRole.LOCAL_AUTHORITY,
    Agency.StatutoryRole.POLICE,
    Agency.StatutoryRole.HEALTH,
)


def arrangements_signatories_missing(*, document: ArrangementsDocument) -> list[str]:
    """The statutory partners (labels) none of whose lead partners has signed off yet."""
    signed = set(document.sign_offs.values_list("appointment__agency__statutory_role", flat=True))
    return [str(role.label) for role in STATUTORY_ROLES if role not in signed]


@transaction.atomic
def arrangements_document_publish(
    *, actor: User | None, document: ArrangementsDocument, published_on: date
) -> ArrangementsDocument:
    missing = arrangements_signatories_missing(document=document)
    if missing:
        raise ValidationError(
            "The three lead safeguarding partners must sign this version off first. Still to "
            "sign: " + ", ".join(missing) + "."
        )
    if document.published_on is not None:
        raise ValidationError("This version has already been published.")
    tracked_update(
        actor=actor,
        obj=document,
        data={"published_on": published_on},
        verb=verbs.ARRANGEMENTS_DOCUMENT_PUBLISHED,
    )
    return document


# --- funding -------------------------------------------------------------------------


@transaction.atomic
def funding_contribution_record(
    *,
    actor: User | None,
    agency: Agency,
    year_start: int,
    agreed: Decimal,
    received: Decimal = Decimal("0"),
) -> FundingContribution:
    """Record (or correct) an agency's agreed and received contribution for a year."""
    if agreed < 0 or received < 0:
        raise ValidationError("Amounts cannot be negative.")
    existing = (
        FundingContribution.objects.select_for_update()
        .filter(agency=agency, year_start=year_start)
        .first()
    )
    if existing is None:
        return tracked_create(
            actor=actor,
            model=FundingContribution,
            data={
                "agency": agency,
                "year_start": year_start,
                "agreed": agreed,
                "received": received,
            },
            verb=verbs.FUNDING_CONTRIBUTION_RECORDED,
        )
    tracked_update(
        actor=actor,
        obj=existing,
        data={"agreed": agreed, "received": received},
        verb=verbs.FUNDING_CONTRIBUTION_RECORDED,
    )
    return existing


@transaction.atomic
def budget_line_record(
    *,
    actor: User | None,
    year_start: int,
    category: str,
    amount: Decimal,
    description: str = "",
) -> BudgetLine:
    if amount < 0:
        raise ValidationError({"amount": "The amount cannot be negative."})
    existing = (
        BudgetLine.objects.select_for_update()
        .filter(year_start=year_start, category=category)
        .first()
    )
    if existing is None:
        return tracked_create(
            actor=actor,
            model=BudgetLine,
            data={
                "year_start": year_start,
                "category": category,
                "amount": amount,
                "description": description.strip(),
            },
            verb=verbs.BUDGET_LINE_RECORDED,
        )
    tracked_update(
        actor=actor,
        obj=existing,
        data={"amount": amount, "description": description.strip()},
        verb=verbs.BUDGET_LINE_RECORDED,
    )
    return existing


# --- meetings ------------------------------------------------------------------------


@transaction.atomic
def group_papers_policy_set(
    *, actor: User | None, group: Group, restricted: bool, papers_working_days: int
) -> GroupPapersPolicy:
    policy, _created = GroupPapersPolicy.objects.select_for_update().get_or_create(group=group)
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
    waiting = Escalation.objects.select_for_update().filter(
        to_group=group, agenda_item__isnull=True, raised_at__lt=starts_at
    )
    for escalation in waiting.order_by("raised_at"):
        _escalation_place(actor=actor, escalation=escalation, meeting=meeting)
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
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()  # serialise numbering
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
OFFICE_FOLDERS = {"word/": "docx", "xl/": "xlsx", "ppt/": "pptx"}
PAPER_KINDS = frozenset({"pdf", *OFFICE_FOLDERS.values()})


def paper_kind_detect(upload: UploadedFile) -> str | None:
    """What the file really is, from its content: pdf, docx, xlsx, pptx, or None."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = archive.namelist()
        except zipfile.BadZipFile:
            return None
        finally:
            upload.seek(0)
        if "[Content_Types].xml" not in names:
            return None
        for folder, kind in OFFICE_FOLDERS.items():
            if any(name.startswith(folder) for name in names):
                return kind
    return None


def paper_max_bytes() -> int:
    return int(settings.GOVERNANCE_PAPER_MAX_MB) * 1024 * 1024


def _paper_check(upload: UploadedFile) -> str:
    if not upload.size:
        raise ValidationError({"file": "The selected file is empty."})
    if upload.size > paper_max_bytes():
        raise ValidationError(
            {"file": f"The file must be smaller than {settings.GOVERNANCE_PAPER_MAX_MB}MB."}
        )
    kind = paper_kind_detect(upload)
    if kind is None:
        raise ValidationError({"file": "The paper must be a PDF, Word, Excel or PowerPoint file."})
    return kind


@transaction.atomic
def paper_upload(
    *,
    actor: User | None,
    meeting: Meeting,
    title: str,
    file: UploadedFile,
    agenda_item: AgendaItem | None = None,
) -> Paper:
    kind = _paper_check(file)
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ValidationError({"agenda_item": "Choose an item on this meeting's agenda."})
    original = (file.name or "paper").rsplit("/", 1)[-1][:200]
    paper = Paper(
        meeting=meeting,
        agenda_item=agenda_item,
        title=title.strip() or original,
        original_name=original,
        kind=kind,
        size=file.size or 0,
        uploaded_by=actor,
    )
    paper.file.save(original, file, save=False)
    paper.full_clean()
    paper.save()
    event_record(
        actor=actor,
        verb=verbs.PAPER_UPLOADED,
        target=paper,
        data={"meeting": meeting.pk, "kind": kind, "size": paper.size},
    )
    return paper


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
def papers_publish(*, actor: User | None, meeting: Meeting) -> Meeting:
    """Send the papers to the group's members (marks them published, with an e-mail)."""
    if not meeting.papers.exists():
        raise ValidationError("Upload at least one paper before publishing the papers.")
    if meeting.papers_published_at is not None:
        raise ValidationError("The papers have already been published.")
    now = timezone.now()
    Meeting.objects.filter(pk=meeting.pk).update(papers_published_at=now)
    meeting.papers_published_at = now
    recipients = [p.email for p in meeting_recipients(meeting=meeting)]
    if recipients:
        email_send(
            template="governance_papers_published",
            to=recipients,
            context={
                "group": meeting.group.name,
                "date": f"{timezone.localtime(meeting.starts_at):%d %B %Y %H:%M}",
                "url": absolute_reverse("governance:meeting_detail", meeting.pk),
            },
        )
    event_record(
        actor=actor,
        verb=verbs.PAPERS_PUBLISHED,
        target=meeting,
        data={"late": meeting.papers_due_on < timezone.localdate(), "recipients": len(recipients)},
    )
    return meeting


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


def paper_download_record(*, actor: User, paper: Paper) -> None:
    """Every download of a paper is in the activity log."""
    event_record(
        actor=actor,
        verb=verbs.PAPER_DOWNLOADED,
        target=paper,
        data={"meeting": paper.meeting_id},
        kind=ActivityEvent.Kind.EXPORT,
    )


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
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
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
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
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
    if to_group.pk == from_meeting.group_id:
        raise ValidationError({"to_group": "Escalate to another group."})
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


# --- priorities ----------------------------------------------------------------------


@transaction.atomic
def priority_plan_save(
    *, actor: User | None, priority: Priority, what_it_is: str, how: str
) -> PriorityPlan:
    plan = PriorityPlan.objects.select_for_update().filter(priority=priority).first()
    if plan is None:
        return tracked_create(
            actor=actor,
            model=PriorityPlan,
            data={"priority": priority, "what_it_is": what_it_is.strip(), "how": how.strip()},
            verb=verbs.PRIORITY_PLAN_SAVED,
        )
    tracked_update(
        actor=actor,
        obj=plan,
        data={"what_it_is": what_it_is.strip(), "how": how.strip()},
        verb=verbs.PRIORITY_PLAN_SAVED,
    )
    return plan


@transaction.atomic
def priority_progress_record(
    *,
    actor: User | None,
    priority: Priority,
    year_start: int,
    quarter: int,
    rag: str,
    narrative: str,
) -> PriorityProgress:
    """The quarter's progress on a priority; one per quarter."""
    if PriorityProgress.objects.filter(
        priority=priority, year_start=year_start, quarter=quarter
    ).exists():
        raise ValidationError({"quarter": "Progress for this quarter has already been recorded."})
    if not narrative.strip():
        raise ValidationError({"narrative": "Write a short account of the progress."})
    progress = PriorityProgress(
        priority=priority,
        year_start=year_start,
        quarter=quarter,
        rag=rag,
        narrative=narrative.strip(),
        written_by=actor,
    )
    progress.full_clean()
    progress.save()
    event_record(
        actor=actor,
        verb=verbs.PRIORITY_PROGRESS_RECORDED,
        target=progress,
        data={"priority": priority.pk, "quarter": quarter, "rag": rag},
    )
    return progress


@transaction.atomic
def evidence_link(
    *, actor: User | None, priority: Priority, record: Model, note: str = ""
) -> EvidenceLink:
    """Link a record from any module (of a registered kind) to a priority as evidence."""
    if evidence.provider_for_record(record) is None:
        raise ValidationError("Records of this kind cannot be linked to a priority.")
    record_type = ContentType.objects.get_for_model(record, for_concrete_model=False)
    link, created = EvidenceLink.objects.get_or_create(
        priority=priority,
        record_type=record_type,
        record_id=record.pk,
        defaults={"note": note.strip()[:300], "linked_by": actor},
    )
    if created:
        event_record(
            actor=actor,
            verb=verbs.EVIDENCE_LINKED,
            target=priority,
            data={"record": record._meta.label_lower, "record_id": record.pk},
        )
    return link


# --- reminders -----------------------------------------------------------------------


@dataclass
class GovernanceReminderResult:
    papers_late: int = 0
    reviews_due: int = 0


def _reminder_claim(kind: str, subject_id: int, due_on: date) -> bool:
    """True the first time only (so the command is safe to run twice)."""
    _reminder, created = GovernanceReminder.objects.get_or_create(
        kind=kind, subject_id=subject_id, due_on=due_on
    )
    return created


def _staff_emails() -> list[str]:
    from safeguarding.accounts.models import User
    from safeguarding.accounts.roles import STAFF_ROLES

    return sorted(
        set(
            User.objects.filter(is_active=True, role_grants__role__in=STAFF_ROLES).values_list(
                "email", flat=True
            )
        )
    )


@transaction.atomic
def governance_reminders_send(*, today: date | None = None) -> GovernanceReminderResult:
    """E-mail partnership staff about meetings whose papers are late and versions of the
    arrangements whose review is due within REVIEW_REMINDER_DAYS. One reminder per subject per
    due date."""
    from datetime import timedelta

    today = today or timezone.localdate()
    result = GovernanceReminderResult()
    staff = _staff_emails()
    meetings = Meeting.objects.select_related("group").filter(
        cancelled=False, papers_published_at__isnull=True, papers_due_on__lt=today
    )
    for meeting in meetings:
        if not meeting.papers_late_on(today):
            continue
        if _reminder_claim(GovernanceReminder.Kind.PAPERS_LATE, meeting.pk, meeting.papers_due_on):
            result.papers_late += 1
            if staff:
                email_send(
                    template="governance_reminder",
                    to=staff,
                    context={
                        "subject": f"Papers late: {meeting.group.name}",
                        "text": f"The papers for the {meeting.group.name} meeting on "
                        f"{timezone.localtime(meeting.starts_at):%d %B %Y} were due on "
                        f"{meeting.papers_due_on:%d %B %Y} and have not been published.",
                        "url": absolute_reverse("governance:meeting_detail", meeting.pk),
                    },
                )
    horizon = today + timedelta(days=int(settings.GOVERNANCE_REVIEW_REMINDER_DAYS))
    current = selectors.arrangements_current()
    if (
        current is not None
        and current.review_due_on <= horizon
        and _reminder_claim(GovernanceReminder.Kind.REVIEW_DUE, current.pk, current.review_due_on)
    ):
        result.reviews_due += 1
        if staff:
            email_send(
                template="governance_reminder",
                to=staff,
                context={
                    "subject": "Review of the safeguarding arrangements due",
                    "text": f"The published arrangements (version {current.version_label}) "
                    f"are due for review by {current.review_due_on:%d %B %Y}.",
                    "url": absolute_reverse("governance:arrangements"),
                },
            )
    if result.papers_late or result.reviews_due:
        event_record(
            actor=None,
            verb=verbs.GOVERNANCE_REMINDER_SENT,
            data={"papers_late": result.papers_late, "reviews_due": result.reviews_due},
        )
    return result


def evidence_link_by_id(
    *, actor: User | None, priority: Priority, model_label: str, record_id: int, note: str = ""
) -> EvidenceLink:
    """Link the record `model_label` #`record_id` (the evidence page's form)."""
    from django.apps import apps

    if evidence.provider_for(model_label) is None:
        raise ValidationError({"kind": "Records of this kind cannot be linked to a priority."})
    model = apps.get_model(model_label)
    record = model._default_manager.filter(pk=record_id).first()
    if record is None:
        raise ValidationError({"record_id": "There is no record with this number."})
    return evidence_link(actor=actor, priority=priority, record=record, note=note)
