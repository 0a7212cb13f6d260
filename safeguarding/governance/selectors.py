"""Reads for the arrangements, meetings and priorities. Selectors never write."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from django.apps import apps as django_apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.utils import timezone

from safeguarding.actions.models import Action
from safeguarding.governance import evidence, permissions
from safeguarding.governance.models import (
    Appointment,
    ArrangementsDocument,
    ArrangementsMember,
    BudgetLine,
    Escalation,
    EvidenceLink,
    FundingContribution,
    Meeting,
    Paper,
    PriorityPlan,
    PriorityProgress,
)
from safeguarding.partnership.models import Group, GroupMembership, Priority
from safeguarding.partnership.selectors import agency_name_on

if TYPE_CHECKING:
    from safeguarding.accounts.models import User


# --- appointments --------------------------------------------------------------------


@dataclass(frozen=True)
class AppointmentRow:
    role: str
    holder_name: str
    job_title: str
    agency_name: str
    started_on: date
    ended_on: date | None
    pk: int


def appointment_row(appointment: Appointment, *, on: date) -> AppointmentRow:
    """An appointment with its agency's name as it was on `on` (CCG before the ICB)."""
    return AppointmentRow(
        role=appointment.get_role_display(),
        holder_name=appointment.holder_name,
        job_title=appointment.job_title,
        agency_name=agency_name_on(agency=appointment.agency, day=on)
        if appointment.agency
        else "",
        started_on=appointment.started_on,
        ended_on=appointment.ended_on,
        pk=appointment.pk,
    )


def _appointments() -> QuerySet[Appointment]:
    return Appointment.objects.select_related("agency").prefetch_related("agency__names")


def appointments_between(*, start: date, end: date) -> list[AppointmentRow]:
    """Every appointment held at any time from `start` to `end`, agencies named as on the later
    of the appointment's start and `start`."""
    held = (
        _appointments()
        .filter(started_on__lte=end)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=start))
    )
    return [appointment_row(a, on=max(a.started_on, start)) for a in held]


def appointments_on(*, day: date) -> list[AppointmentRow]:
    return appointments_between(start=day, end=day)


def appointment_history() -> list[AppointmentRow]:
    return [appointment_row(a, on=a.started_on) for a in _appointments()]


def lead_partner_appointments() -> QuerySet[Appointment]:
    return _appointments().filter(role=Appointment.Role.LEAD_PARTNER)


@dataclass(frozen=True)
class PartnerSeat:
    """Who held a statutory partner agency's seat on a day: the lead safeguarding partner (a
    safeguarding partner under Working Together 2018) and the delegated partner, if any."""

    day: date
    holder: Appointment | None
    delegate: Appointment | None


def partner_seat_on(*, agency_id: int, day: date) -> PartnerSeat:
    """The appointments holding `agency_id`'s partner seat on `day` (one query)."""
    held = {
        a.role: a
        for a in Appointment.objects.select_related("person")
        .filter(
            agency_id=agency_id,
            role__in=Appointment.PER_AGENCY_ROLES,
            started_on__lte=day,
        )
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=day))
        .order_by("started_on", "pk")
    }
    holder = held.get(Appointment.Role.LEAD_PARTNER) or held.get(
        Appointment.Role.SAFEGUARDING_PARTNER
    )
    return PartnerSeat(day, holder, held.get(Appointment.Role.DELEGATED_PARTNER))


def arrangements_member_list(*, current_only: bool = False) -> QuerySet[ArrangementsMember]:
    members = ArrangementsMember.objects.select_related("agency")
    return members.filter(left_on__isnull=True) if current_only else members


# --- the arrangements document -------------------------------------------------------


def arrangements_current() -> ArrangementsDocument | None:
    """The latest published version: what the public page shows."""
    return (
        ArrangementsDocument.objects.filter(published_on__isnull=False)
        .order_by("-published_on", "-pk")
        .first()
    )


def arrangements_document_list() -> QuerySet[ArrangementsDocument]:
    return ArrangementsDocument.objects.prefetch_related(
        "sign_offs__appointment__agency"
    ).order_by("-created_at")


def arrangements_review_due(*, today: date, within_days: int) -> ArrangementsDocument | None:
    from datetime import timedelta

    current = arrangements_current()
    if current is not None and current.review_due_on <= today + timedelta(days=within_days):
        return current
    return None


# --- funding -------------------------------------------------------------------------


def contributions_for_year(*, year_start: int) -> QuerySet[FundingContribution]:
    return FundingContribution.objects.select_related("agency").filter(year_start=year_start)


def budget_lines_for_year(*, year_start: int) -> QuerySet[BudgetLine]:
    return BudgetLine.objects.filter(year_start=year_start)


def funding_years() -> list[int]:
    years = set(FundingContribution.objects.values_list("year_start", flat=True))
    years |= set(BudgetLine.objects.values_list("year_start", flat=True))
    return sorted(years, reverse=True)


# --- meetings ------------------------------------------------------------------------


def group_list_for_user(*, user: User) -> list[Group]:
    """The groups whose meetings the user may see."""
    return [
        group
        for group in Group.objects.live().order_by("display_order", "name")
        if permissions.can_view_group_meetings(user, group)
    ]


def meeting_list_for_group(*, group: Group) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(group=group).select_related("group").order_by("-starts_at", "-id")
    )


def governance_meeting_list_for_user(*, user: User, upcoming: bool) -> QuerySet[Meeting]:
    """Meetings (not cancelled) of the groups the user may see: to come, soonest first, or
    held, latest first. A query set: pages take a slice or paginate it."""
    groups = [g.pk for g in group_list_for_user(user=user)]
    now = timezone.now()
    meetings = Meeting.objects.select_related("group").filter(group_id__in=groups, cancelled=False)
    if upcoming:
        return meetings.filter(ends_at__gte=now).order_by("starts_at", "id")
    return meetings.filter(ends_at__lt=now).order_by("-starts_at", "-id")


def seats_for_meeting(*, meeting: Meeting) -> list[GroupMembership]:
    """The seats that were on the group on the meeting's day."""
    day = timezone.localtime(meeting.starts_at).date()
    return list(
        GroupMembership.objects.filter(group=meeting.group)
        .filter(Q(started_on__isnull=True) | Q(started_on__lte=day))
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=day))
        .select_related("person", "agency")
        .order_by("role", "agency__name", "id")
    )


def groups_above(*, group: Group) -> QuerySet[Group]:
    """The groups above `group` in the governance structure (where it may escalate)."""
    ancestors: list[int] = []
    current = group.parent
    while current is not None and current.pk not in ancestors:
        ancestors.append(current.pk)
        current = current.parent
    return Group.objects.filter(pk__in=ancestors).order_by("display_order", "name")


def previous_meeting(*, meeting: Meeting) -> Meeting | None:
    return (
        Meeting.objects.filter(
            group=meeting.group, starts_at__lt=meeting.starts_at, cancelled=False
        )
        .order_by("-starts_at")
        .first()
    )


def follow_up_actions(*, meeting: Meeting) -> list[Action]:
    """Actions agreed at the group's earlier meetings that were still open when this meeting
    was held (or are open now, for a meeting still to come): they are on its agenda."""
    day = timezone.localtime(meeting.starts_at).date()
    return list(
        Action.objects.filter(
            meeting_link__meeting__group=meeting.group,
            meeting_link__meeting__starts_at__lt=meeting.starts_at,
        )
        .filter(Q(completed_on__isnull=True) | Q(completed_on__gte=day))
        .select_related("owner_agency", "owner_person", "meeting_link__meeting")
        .order_by("due_date", "number")
    )


@dataclass
class MeetingPage:
    meeting: Meeting
    agenda: list[Any]
    papers: list[Paper] | None
    seats: list[GroupMembership]
    attendance: dict[int, Any]
    decisions: list[Any]
    actions: list[Action]
    follow_ups: list[Action]
    escalations_out: list[Escalation]
    escalations_in: list[Escalation]
    papers_late: bool


def meeting_page(*, meeting: Meeting, user: User) -> MeetingPage:
    """Everything the meeting page shows; papers only for people who may see them."""
    today = timezone.localdate()
    papers: list[Paper] | None = None
    if permissions.can_view_papers(user, meeting):
        papers = list(meeting.papers.select_related("agenda_item"))
    return MeetingPage(
        meeting=meeting,
        agenda=list(meeting.agenda_items.select_related("owner", "owner_agency", "escalation")),
        papers=papers,
        seats=seats_for_meeting(meeting=meeting),
        attendance={a.membership_id: a for a in meeting.attendances.all()},
        decisions=list(meeting.decisions.select_related("agenda_item")),
        actions=[
            link.action
            for link in meeting.meeting_actions.select_related(
                "action__owner_agency", "action__owner_person"
            )
        ],
        follow_ups=follow_up_actions(meeting=meeting),
        escalations_out=list(meeting.escalations.select_related("to_group", "outcome_group")),
        escalations_in=list(
            Escalation.objects.filter(agenda_item__meeting=meeting).select_related(
                "from_meeting__group", "agenda_item", "outcome_group"
            )
        ),
        papers_late=meeting.papers_late_on(today),
    )


def meetings_with_late_papers(*, today: date) -> list[Meeting]:
    candidates = Meeting.objects.select_related("group").filter(
        cancelled=False, papers_published_at__isnull=True, papers_due_on__lt=today
    )
    return [m for m in candidates.order_by("starts_at") if m.papers_late_on(today)]


# --- priorities ----------------------------------------------------------------------


def priority_list() -> QuerySet[Priority]:
    return Priority.objects.select_related("lead_group").order_by("-period_start", "number")


def priority_plan(*, priority: Priority) -> PriorityPlan | None:
    return PriorityPlan.objects.filter(priority=priority).first()


def priority_progress_list(*, priority: Priority) -> QuerySet[PriorityProgress]:
    return priority.progress_updates.select_related("written_by").order_by(
        "-year_start", "-quarter"
    )


@dataclass
class EvidenceRecord:
    label: str
    url: str
    note: str


@dataclass
class EvidenceGroup:
    label: str
    records: list[EvidenceRecord] = field(default_factory=list)
    figures: list[evidence.Figure] = field(default_factory=list)


def _record_label(record: Any) -> str:
    label = getattr(record, "activity_label", None) or str(record)
    text = str(record)
    return f"{label}: {text}" if text and text != label else str(label)


def priority_evidence(*, priority: Priority) -> list[EvidenceGroup]:
    """Everything linked to the priority, grouped by kind, with the figures counted from the
    records (by each kind's registered provider). A kind whose provider has `for_priority`
    also counts the records that name the priority themselves (a course's `priority`), without
    an evidence link; a record both linked and naming the priority counts once. The number of
    queries depends on the kinds of evidence, never on how many records are linked."""
    links = list(EvidenceLink.objects.filter(priority=priority).order_by("record_type", "id"))
    by_model: dict[str, list[EvidenceLink]] = defaultdict(list)
    for link in links:
        content_type = ContentType.objects.get_for_id(link.record_type_id)
        by_model[f"{content_type.app_label}.{content_type.model}"].append(link)
    groups = []
    for provider in evidence.registered():
        type_links = by_model.get(provider.model_label, [])
        rows: list[tuple[str, Any]] = []
        if type_links:
            model = django_apps.get_model(provider.model_label)
            records = model._default_manager.filter(pk__in=[link.record_id for link in type_links])
            if provider.prepare is not None:
                records = provider.prepare(records)
            by_pk = {r.pk: r for r in records}
            rows = [
                (link.note, by_pk[link.record_id])
                for link in type_links
                if link.record_id in by_pk
            ]
        if provider.for_priority is not None:
            seen = {record.pk for _note, record in rows}
            rows += [
                (provider.for_priority_note, record)
                for record in provider.for_priority(priority)
                if record.pk not in seen
            ]
        if not rows:
            continue
        groups.append(
            EvidenceGroup(
                label=provider.label,
                records=[
                    EvidenceRecord(
                        label=(
                            provider.describe(record)
                            if provider.describe is not None
                            else _record_label(record)
                        ),
                        url=provider.url(record) if provider.url else "",
                        note=note,
                    )
                    for note, record in rows
                ],
                figures=provider.figures([record for _note, record in rows]),
            )
        )
    return sorted(groups, key=lambda g: g.label)


def evidence_figure_totals(groups: list[EvidenceGroup]) -> list[evidence.Figure]:
    """Figures added up by label across the kinds of evidence (what narratives use)."""
    totals: dict[str, int] = {}
    for group in groups:
        for figure in group.figures:
            totals[figure.label] = totals.get(figure.label, 0) + figure.value
    return [evidence.Figure(label, value) for label, value in totals.items()]


def priority_figure_list(*, priority: Priority) -> list[evidence.Figure]:
    """The priority's figures, added up by label across the kinds of evidence."""
    return evidence_figure_totals(priority_evidence(priority=priority))


def priority_figures(*, priority: Priority) -> dict[str, int]:
    """The priority's figures by token (for narratives): {"actions_done": 3, ...}."""
    return {f.token: f.value for f in priority_figure_list(priority=priority)}
