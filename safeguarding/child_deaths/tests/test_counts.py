"""Issue #15: one rule for an open review; every card's number is the length of the list it
opens (counted on the page it links to, across pages)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.child_deaths import cards, services
from safeguarding.child_deaths.models import ChildDeathNotification, InformationRequest
from safeguarding.child_deaths.tests.factories import notification_make
from safeguarding.core.testing import assert_card_matches
from safeguarding.partnership.tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db


def test_open_reviews_card_dashboard_and_list_agree(
    client: Client, make_user: Callable[..., User]
) -> None:
    manager = make_user(Role.CDOP_MANAGER)
    for _ in range(3):
        notification_make()
    # Reviewed by the child's home area's panel: never an open review here.
    notification_make(
        residence_area=None, home_area_name="Elsewhere", reviewed_by_this_panel=False
    )
    reviewed = notification_make()
    ChildDeathNotification.objects.filter(pk=reviewed.pk).update(
        status=ChildDeathNotification.Status.REVIEWED
    )
    archived = notification_make()
    services.notification_archive(actor=manager, notification=archived, reason="In error")
    client.force_login(manager)
    assert_card_matches(client, cards.open_cases_card(manager), 3)
    body = client.get(reverse("child_deaths:dashboard") + "?year=2020-21").content.decode()
    assert "3 deaths this panel reviews are waiting" in body


def test_open_reviews_card_counts_across_pages(
    client: Client, make_user: Callable[..., User]
) -> None:
    manager = make_user(Role.CDOP_MANAGER)
    for _ in range(53):
        notification_make(date_of_death=date(2020, 6, 1))
    client.force_login(manager)
    assert_card_matches(client, cards.open_cases_card(manager), 53)


def test_requests_to_return_card_matches_its_list(
    client: Client, make_user: Callable[..., User]
) -> None:
    agency = AgencyFactory.create()
    lead = make_user((Role.AGENCY_LEAD, agency))
    manager = make_user(Role.CDOP_MANAGER)
    for _ in range(3):
        services.information_request_create(
            actor=manager,
            notification=notification_make(),
            agency=agency,
            contact_name="Contact (test)",
            contact_email="contact@example.org",
        )
    returned = services.information_request_create(
        actor=manager,
        notification=notification_make(),
        agency=agency,
        contact_name="Contact (test)",
        contact_email="contact@example.org",
    )
    InformationRequest.objects.filter(pk=returned.pk).update(
        status=InformationRequest.Status.RETURNED
    )
    client.force_login(lead)
    assert_card_matches(client, cards.requests_to_return_card(lead), 3)
