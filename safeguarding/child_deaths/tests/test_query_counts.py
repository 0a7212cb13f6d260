"""Issue #17: every child death list, detail page and card takes the same number of queries
with 3 records as with 30 (no N+1)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.child_deaths import cards, services
from safeguarding.child_deaths.models import ChildDeathNotification, ReviewMeeting
from safeguarding.child_deaths.tests.factories import meeting_make, notification_make
from safeguarding.core.testing import card_query_counts, page_query_counts
from safeguarding.partnership.models import Agency
from safeguarding.partnership.tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db


class World:
    def __init__(self, manager: User, lead_agency: Agency) -> None:
        self.manager = manager
        self.lead_agency = lead_agency
        self.case = notification_make(date_of_death=date(2020, 6, 1))
        self.meeting = meeting_make(members=[manager], cases=[self.case])

    def grow(self, count: int) -> None:
        """`count` more of everything a page lists."""
        for _ in range(count):
            other = notification_make(date_of_death=date(2020, 6, 1))
            agency = AgencyFactory.create()
            self.case.agencies_involved.add(agency)
            services.information_request_create(
                actor=self.manager,
                notification=self.case,
                agency=agency,
                contact_name="Contact (test)",
                contact_email="contact@example.org",
            )
            services.information_request_create(
                actor=self.manager,
                notification=other,
                agency=self.lead_agency,
                contact_name="Contact (test)",
                contact_email="contact@example.org",
            )
            self.meeting.cases.add(other)
            meeting = meeting_make(members=[self.manager], cases=[self.case, other])
            self.meeting.members.add(
                User.objects.create(email=f"m{meeting.pk}@example.org", full_name="Member")
            )


def _pages(world: World) -> list[str]:
    case, meeting = world.case, world.meeting
    return [
        reverse("child_deaths:notification_list"),
        reverse("child_deaths:notification_list") + "?show=open",
        reverse("child_deaths:request_list"),
        reverse("child_deaths:request_list") + "?status=requested",
        reverse("child_deaths:meeting_list"),
        reverse("child_deaths:notification_detail", args=[case.pk]),
        reverse("child_deaths:meeting_detail", args=[meeting.pk]),
        reverse("child_deaths:dashboard") + "?year=2020-21",
    ]


def test_pages_and_cards_take_the_same_queries_for_3_and_30_records(
    client: Client, make_user: Callable[..., User]
) -> None:
    manager = make_user(Role.CDOP_MANAGER)
    agency = AgencyFactory.create()
    lead = make_user((Role.AGENCY_LEAD, agency))
    world = World(manager, agency)
    world.grow(2)
    card_users = ((cards.open_cases_card, manager), (cards.requests_to_return_card, lead))
    small = page_query_counts(client, manager, _pages(world))
    small_lead = page_query_counts(client, lead, [reverse("child_deaths:request_list")])
    small_cards = card_query_counts(*card_users)
    world.grow(27)
    assert ChildDeathNotification.objects.count() >= 30
    assert ReviewMeeting.objects.count() >= 30
    assert page_query_counts(client, manager, _pages(world)) == small
    assert page_query_counts(client, lead, [reverse("child_deaths:request_list")]) == small_lead
    assert card_query_counts(*card_users) == small_cards
