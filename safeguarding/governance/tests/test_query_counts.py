"""The priority page and the meetings pages make the same number of queries with 3 or 30 linked
records / meetings / decisions (no query per row)."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.actions.tests.factories import ActionFactory
from safeguarding.core.testing import page_queries
from safeguarding.governance import services
from safeguarding.governance.models import Meeting
from safeguarding.governance.tests.factories import (
    GroupMembershipFactory,
    MeetingFactory,
    PastMeetingFactory,
)
from safeguarding.learning.tests.factories import LearningPointFactory
from safeguarding.partnership.models import Group, Priority
from safeguarding.partnership.tests.factories import AgencyFactory, GroupFactory, PriorityFactory
from safeguarding.training.tests.factories import (
    CourseFactory,
    TrainingBookingFactory,
    TrainingSessionFactory,
)

pytestmark = pytest.mark.django_db

SIZES = (3, 30)


def _priority_with(size: int) -> Priority:
    priority = PriorityFactory.create()
    past = PastMeetingFactory.create()
    for number in range(size):
        session = TrainingSessionFactory.create(course=CourseFactory.create(priority=priority))
        TrainingBookingFactory.create(session=session)
        decision = services.decision_record(actor=None, meeting=past, text=f"Decision {number}")
        for record in (
            ActionFactory.create(),
            MeetingFactory.create(),
            decision,
            session,
            LearningPointFactory.create(),
        ):
            services.evidence_link(actor=None, priority=priority, record=record)
    return priority


def test_priority_page_queries_do_not_grow_with_the_evidence(client: Client, owner: User) -> None:
    client.force_login(owner)
    counts = [
        page_queries(client, reverse("governance:priority_detail", args=[_priority_with(size).pk]))
        for size in SIZES
    ]
    assert counts[0] == counts[1]


def _meetings(group: Group, size: int) -> None:
    for _ in range(size):
        MeetingFactory.create(group=group)
        PastMeetingFactory.create(group=group)


def test_meeting_lists_queries_do_not_grow_with_the_meetings(client: Client, owner: User) -> None:
    client.force_login(owner)
    group = GroupFactory.create()
    urls = [
        reverse("governance:meeting_list"),
        reverse("governance:meeting_list") + "?when=past",
        reverse("governance:group_meetings", args=[group.pk]),
    ]
    _meetings(group, SIZES[0])
    small = [page_queries(client, url) for url in urls]
    _meetings(group, SIZES[1] - SIZES[0])
    large = [page_queries(client, url) for url in urls]
    assert small == large
    page_two = client.get(urls[2] + "?page=2").content.decode()
    assert "govuk-pagination" in page_two


def _meeting_with(size: int) -> Meeting:
    board = GroupFactory.create()
    group = GroupFactory.create(parent=board)
    for _ in range(size):
        GroupMembershipFactory.create(group=group, agency=AgencyFactory.create())
    meeting = PastMeetingFactory.create(group=group)
    board_meeting = MeetingFactory.create(group=board)
    lower = PastMeetingFactory.create(group=GroupFactory.create(parent=group))
    for number in range(size):
        item = services.agenda_item_add(
            actor=None, meeting=meeting, title=f"Item {number}", purpose="decision"
        )
        services.decision_record(actor=None, meeting=meeting, text="Agreed.", agenda_item=item)
        services.meeting_action_record(
            actor=None,
            meeting=meeting,
            description=f"Action {number}",
            owner_agency=AgencyFactory.create(),
            due_date=date(2030, 1, 1),
        )
        services.escalation_raise(
            actor=None, from_meeting=meeting, to_group=board, summary=f"Matter {number}"
        )
        services.escalation_raise(
            actor=None, from_meeting=lower, to_group=group, summary=f"Matter in {number}"
        )
    assert board_meeting.agenda_items.count() >= 1
    return meeting


def test_meeting_page_queries_do_not_grow_with_its_records(client: Client, owner: User) -> None:
    client.force_login(owner)
    counts = [
        page_queries(client, reverse("governance:meeting_detail", args=[_meeting_with(size).pk]))
        for size in SIZES
    ]
    assert counts[0] == counts[1]
