"""Who may see and change the arrangements, meetings and priorities.

* Anyone with a role sees the arrangements (appointments, member agencies, the document,
  funding) and the priorities: they are what the partnership publishes. Partnership staff
  change them.
* A meeting is seen by partnership staff, by the group's members (a person with a seat, or the
  safeguarding lead of an agency with a seat) and, for groups that are not restricted, by the
  read-only roles (independent scrutineer, board members). Anyone else gets 404.
* A meeting is run (scheduled, agenda, papers, attendance, minutes, decisions, actions,
  escalations) by partnership staff and by the group's chair or business support.
* Papers of a restricted group (case review, CDOP: `GroupPapersPolicy.restricted`) are seen only
  by people holding a seat on that group in person: not by staff outside it, not by scrutineers.
* A priority's quarterly progress is written by partnership staff or a member of its lead group.
* Read-only roles get 403 on every write to what they can see.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q
from django.utils import timezone

from safeguarding.accounts.roles import READ_ONLY_ROLES
from safeguarding.core.permissions import fetch_for_user_or_404, fetcher, read_fetcher
from safeguarding.governance.models import (
    Appointment,
    ArrangementsDocument,
    GroupPapersPolicy,
    Meeting,
    Paper,
)
from safeguarding.partnership.models import Group, GroupMembership, Priority

if TYPE_CHECKING:
    from safeguarding.accounts.models import User

RUNNER_ROLES = (GroupMembership.GroupRole.CHAIR, GroupMembership.GroupRole.SECRETARIAT)


def can_view_governance(user: User) -> bool:
    return user.is_authenticated and bool(user.roles)


def can_manage_governance(user: User) -> bool:
    return user.is_authenticated and user.is_partnership_staff


def group_is_restricted(group: Group) -> bool:
    return GroupPapersPolicy.objects.filter(group=group, restricted=True).exists()


def _current_seats(group: Group) -> Q:
    """Seats held today: started (or with no start date) and not ended."""
    today = timezone.localdate()
    return (
        Q(group=group)
        & (Q(started_on__isnull=True) | Q(started_on__lte=today))
        & (Q(ended_on__isnull=True) | Q(ended_on__gte=today))
    )


def is_group_member_in_person(user: User, group: Group, *, roles: tuple[str, ...] = ()) -> bool:
    if not user.is_authenticated or not user.roles:
        return False
    seats = GroupMembership.objects.filter(_current_seats(group), person=user)
    if roles:
        seats = seats.filter(role__in=roles)
    return seats.exists()


def is_group_member(user: User, group: Group) -> bool:
    """Holds a seat in person, or leads an agency that has a seat."""
    if is_group_member_in_person(user, group):
        return True
    agencies = user.lead_agency_ids
    return bool(agencies) and (
        GroupMembership.objects.filter(_current_seats(group), agency_id__in=agencies).exists()
    )


def can_view_group_meetings(user: User, group: Group) -> bool:
    """A restricted group's meetings (the CSPR subgroup, CDOP: their agendas, minutes and
    decisions are about children) are seen only by the people who sit on it in person and by
    the business unit that supports it; any other group's by staff, its members and the
    read-only roles."""
    if not can_view_governance(user):
        return False
    if group_is_restricted(group):
        return user.is_partnership_staff or is_group_member_in_person(user, group)
    if user.is_partnership_staff or is_group_member(user, group):
        return True
    return user.has_role(*READ_ONLY_ROLES)


def can_run_group_meetings(user: User, group: Group) -> bool:
    if user.is_partnership_staff:
        return True
    if user.is_read_only:
        return False
    return is_group_member_in_person(user, group, roles=RUNNER_ROLES)


def can_view_meeting(user: User, meeting: Meeting) -> bool:
    return can_view_group_meetings(user, meeting.group)


def can_run_meeting(user: User, meeting: Meeting) -> bool:
    return can_run_group_meetings(user, meeting.group)


def can_view_papers(user: User, meeting: Meeting) -> bool:
    """A restricted group's papers stay inside the group."""
    if group_is_restricted(meeting.group):
        return is_group_member_in_person(user, meeting.group)
    return can_view_meeting(user, meeting)


def can_upload_paper(user: User, meeting: Meeting) -> bool:
    return can_run_meeting(user, meeting) and can_view_papers(user, meeting)


def can_view_paper(user: User, paper: Paper) -> bool:
    return can_view_papers(user, paper.meeting)


def can_view_priority(user: User, priority: Priority) -> bool:
    return can_view_governance(user)


def can_record_priority_progress(user: User, priority: Priority) -> bool:
    if user.is_partnership_staff:
        return True
    if user.is_read_only:
        return False
    return priority.lead_group is not None and is_group_member_in_person(user, priority.lead_group)


def can_manage_priority(user: User, priority: Priority) -> bool:
    return can_manage_governance(user)


def _view(user: User, obj: object) -> bool:
    return can_view_governance(user)


def _manage(user: User, obj: object) -> bool:
    return can_manage_governance(user)


# A group, for its meetings page (write: scheduling a meeting).
get_group_for_user_or_404 = fetcher(
    Group.objects.live(), can_view=can_view_group_meetings, can_edit=can_run_group_meetings
)


get_meeting_for_user_or_404 = fetcher(
    Meeting.objects.select_related("group", "chair"),
    can_view=can_view_meeting,
    can_edit=can_run_meeting,
)


# A meeting whose papers the user may see (write: upload and publish them).
get_meeting_papers_for_user_or_404 = fetcher(
    Meeting.objects.select_related("group"), can_view=can_view_papers, can_edit=can_upload_paper
)


get_paper_for_user_or_404 = read_fetcher(
    Paper.objects.select_related("meeting__group"), can_view=can_view_paper
)


def get_priority_for_user_or_404(
    user: User, pk: int, *, write: bool = False, manage: bool = False
) -> Priority:
    """write: recording progress; manage: the plan and its evidence links."""
    return fetch_for_user_or_404(
        user,
        Priority.objects.select_related("lead_group"),
        pk,
        can_view=can_view_priority,
        can_edit=can_manage_priority if manage else can_record_priority_progress,
        write=write or manage,
    )


get_appointment_for_user_or_404 = fetcher(
    Appointment.objects.select_related("agency", "person"), can_view=_view, can_edit=_manage
)


get_arrangements_document_for_user_or_404 = fetcher(
    ArrangementsDocument.objects.all(), can_view=_view, can_edit=_manage
)


def get_published_arrangements_document_or_404(pk: int) -> ArrangementsDocument:
    """A published version with its file, for anyone (the public page): 404 otherwise."""
    from django.http import Http404

    document = (
        ArrangementsDocument.objects.filter(pk=pk, published_on__isnull=False)
        .exclude(file="")
        .first()
    )
    if document is None:
        raise Http404
    return document
