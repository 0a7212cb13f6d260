from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from safeguarding.accounts.models import User
from safeguarding.actions import services as action_services
from safeguarding.actions.models import Action
from safeguarding.governance import selectors, services
from safeguarding.governance.models import Appointment
from safeguarding.governance.tests.factories import MeetingFactory, PastMeetingFactory
from safeguarding.learning.models import LearningPoint, Theme
from safeguarding.learning.services import learning_point_record
from safeguarding.partnership.tests.factories import AgencyFactory, GroupFactory, PriorityFactory

pytestmark = pytest.mark.django_db


def test_completed_action_is_not_followed_up_at_later_meetings(owner: User) -> None:
    meeting = PastMeetingFactory.create(starts_at=timezone.now() - timedelta(days=30))
    action = services.meeting_action_record(
        actor=None,
        meeting=meeting,
        description="Done quickly.",
        owner_agency=AgencyFactory.create(),
        due_date=timezone.localdate(),
    )
    action_services.action_progress_add(
        actor=owner,
        action=action,
        note="Done.",
        status=Action.Status.COMPLETE,
        completed_on=timezone.localdate() - timedelta(days=1),
    )
    assert selectors.follow_up_actions(meeting=MeetingFactory.create(group=meeting.group)) == []


def test_appointments_on_a_day() -> None:
    services.appointment_create(
        actor=None,
        role=Appointment.Role.SCRUTINEER,
        holder_name="Synthetic Scrutineer",
        started_on=date(2020, 11, 1),
        ended_on=date(2022, 10, 31),
    )
    assert [a.holder_name for a in selectors.appointments_on(day=date(2021, 1, 1))] == [
        "Synthetic Scrutineer"
    ]
    assert selectors.appointments_on(day=date(2023, 1, 1)) == []


def test_learning_evidence_counted_from_the_points() -> None:
    priority = PriorityFactory.create()
    source = GroupFactory.create()
    themes = list(Theme.objects.all()[:1])
    for published in (True, False):
        point = learning_point_record(
            actor=None,
            source=source,
            source_kind=LearningPoint.SourceKind.OTHER,
            title=f"Synthetic learning {published}",
            summary="De-identified summary.",
            recorded_on=date(2021, 1, 1),
            themes=themes,
            is_published=published,
        )
        services.evidence_link(actor=None, priority=priority, record=point)
    figures = selectors.priority_figures(priority=priority)
    linked = LearningPoint.objects.filter(source_id=source.pk)
    assert figures["learning_points"] == linked.count() == 2
    assert figures["learning_points_published"] == linked.filter(is_published=True).count()
