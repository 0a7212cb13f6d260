"""Factories for governance records (synthetic data only)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone
from factory.declarations import LazyFunction, SubFactory
from factory.django import DjangoModelFactory

from safeguarding.governance.models import GroupPapersPolicy, Meeting
from safeguarding.partnership.models import GroupMembership
from safeguarding.partnership.tests.factories import GroupFactory


def _start() -> Any:
    return timezone.now() + timedelta(days=14)


class MeetingFactory(DjangoModelFactory[Meeting]):
    class Meta:
        model = Meeting

    group = SubFactory(GroupFactory)
    starts_at = LazyFunction(_start)
    ends_at = LazyFunction(lambda: _start() + timedelta(hours=2))
    location = "Online"
    papers_due_on = LazyFunction(lambda: (timezone.now() + timedelta(days=7)).date())


class PastMeetingFactory(MeetingFactory):
    starts_at = LazyFunction(lambda: timezone.now() - timedelta(days=7))
    ends_at = LazyFunction(lambda: timezone.now() - timedelta(days=7) + timedelta(hours=2))
    papers_due_on = LazyFunction(lambda: (timezone.now() - timedelta(days=14)).date())


class GroupMembershipFactory(DjangoModelFactory[GroupMembership]):
    class Meta:
        model = GroupMembership

    group = SubFactory(GroupFactory)
    role = GroupMembership.GroupRole.MEMBER


class GroupPapersPolicyFactory(DjangoModelFactory[GroupPapersPolicy]):
    class Meta:
        model = GroupPapersPolicy

    group = SubFactory(GroupFactory)
    restricted = True
