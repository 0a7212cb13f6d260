from __future__ import annotations

from collections.abc import Callable

import pytest

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.governance import permissions, selectors
from safeguarding.governance.tests.factories import (
    GroupMembershipFactory,
    GroupPapersPolicyFactory,
    MeetingFactory,
)
from safeguarding.partnership.models import GroupMembership
from safeguarding.partnership.tests.factories import AgencyFactory, GroupFactory, PriorityFactory

pytestmark = pytest.mark.django_db


def test_chair_runs_their_groups_meetings_only(make_user: Callable[..., User]) -> None:
    chair = make_user((Role.PRACTITIONER, AgencyFactory.create()))
    meeting = MeetingFactory.create()
    GroupMembershipFactory.create(
        group=meeting.group, person=chair, role=GroupMembership.GroupRole.CHAIR
    )
    assert permissions.can_run_meeting(chair, meeting)
    assert not permissions.can_run_meeting(chair, MeetingFactory.create())


def test_plain_member_sees_but_does_not_run(make_user: Callable[..., User]) -> None:
    member = make_user((Role.PRACTITIONER, AgencyFactory.create()))
    meeting = MeetingFactory.create()
    GroupMembershipFactory.create(group=meeting.group, person=member)
    assert permissions.can_view_meeting(member, meeting)
    assert not permissions.can_run_meeting(member, meeting)


def test_ended_seat_gives_no_access(make_user: Callable[..., User]) -> None:
    from datetime import date

    former = make_user((Role.PRACTITIONER, AgencyFactory.create()))
    meeting = MeetingFactory.create()
    GroupMembershipFactory.create(group=meeting.group, person=former, ended_on=date(2020, 1, 1))
    assert not permissions.can_view_meeting(former, meeting)


def test_restricted_group_hidden_from_read_only_roles(member_readonly: User, owner: User) -> None:
    policy = GroupPapersPolicyFactory.create()
    open_group = GroupFactory.create()
    visible = selectors.group_list_for_user(user=member_readonly)
    assert open_group in visible
    assert policy.group not in visible
    assert policy.group in selectors.group_list_for_user(user=owner)
    meeting = MeetingFactory.create(group=policy.group)
    assert permissions.can_view_meeting(owner, meeting)
    assert not permissions.can_view_papers(owner, meeting)


def test_progress_written_by_staff_or_lead_group_member(
    make_user: Callable[..., User], owner: User, member_readonly: User
) -> None:
    priority = PriorityFactory.create(lead_group=GroupFactory.create())
    member = make_user((Role.AGENCY_LEAD, AgencyFactory.create()))
    assert permissions.can_record_priority_progress(owner, priority)
    assert not permissions.can_record_priority_progress(member, priority)
    assert not permissions.can_record_priority_progress(member_readonly, priority)
    assert priority.lead_group is not None
    GroupMembershipFactory.create(group=priority.lead_group, person=member)
    assert permissions.can_record_priority_progress(member, priority)


def test_no_role_sees_nothing(outsider: User) -> None:
    assert not permissions.can_view_governance(outsider)
    assert selectors.group_list_for_user(user=outsider) == []


def test_read_only_role_with_a_seat_still_changes_nothing(member_readonly: User) -> None:
    meeting = MeetingFactory.create()
    GroupMembershipFactory.create(
        group=meeting.group, person=member_readonly, role=GroupMembership.GroupRole.CHAIR
    )
    priority = PriorityFactory.create(lead_group=meeting.group)
    assert permissions.can_view_meeting(member_readonly, meeting)
    assert not permissions.can_run_meeting(member_readonly, meeting)
    assert not permissions.can_record_priority_progress(member_readonly, priority)
