"""Regressions found in review: archived notifications are read-only and disappear from
agencies; the national export never reflects input as HTML; opening the meeting form is logged."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from safeguarding.accounts.roles import Role
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.child_deaths import permissions, services
from safeguarding.child_deaths.tests.factories import notification_make
from safeguarding.partnership.tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db


def test_national_export_error_is_plain_text(client, make_user) -> None:
    client.force_login(make_user(Role.CDOP_MANAGER))
    response = client.get(reverse("child_deaths:national_export"), {"year": "<b>x</b>"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")


def test_archived_notification_is_read_only_and_hidden_from_agencies(client, make_user) -> None:
    manager = make_user(Role.CDOP_MANAGER)
    agency = AgencyFactory.create()
    lead = make_user((Role.AGENCY_LEAD, agency))
    case = notification_make()
    client.force_login(manager)
    response = client.post(
        reverse("child_deaths:request_create", args=[case.pk]),
        {"agency": agency.pk, "contact_name": "A", "contact_email": "a@example.org"},
    )
    assert response.status_code == 302
    request = case.requests.get()
    assert permissions.can_view_request(lead, request)
    services.notification_archive(actor=manager, notification=case, reason="made in error")
    case.refresh_from_db()
    request.refresh_from_db()
    assert not permissions.can_edit_notification(manager, case)
    # No step the archived record does not allow is offered: no review, request or correction.
    page = client.get(reverse("child_deaths:notification_detail", args=[case.pk])).content.decode()
    for step in ("review_update", "request_create", "notification_update", "notification_archive"):
        assert reverse(f"child_deaths:{step}", args=[case.pk]) not in page, step
    assert not permissions.can_review_notification(manager, case)
    assert client.get(reverse("child_deaths:review_update", args=[case.pk])).status_code == 403
    response = client.post(
        reverse("child_deaths:request_create", args=[case.pk]),
        {"agency": agency.pk, "contact_name": "B", "contact_email": "b@example.org"},
    )
    assert response.status_code == 403
    assert case.requests.count() == 1
    # The manager still sees the request but may no longer return it (GET or POST).
    assert not permissions.can_return_request(manager, request)
    return_url = reverse("child_deaths:request_return", args=[request.pk])
    assert client.get(return_url).status_code == 403
    assert client.post(return_url).status_code == 403
    client.force_login(lead)
    assert client.get(reverse("child_deaths:request_return", args=[request.pk])).status_code == 404
    assert not permissions.can_view_request(lead, request)


def test_opening_the_meeting_change_form_is_logged(client, make_user) -> None:
    manager = make_user(Role.CDOP_MANAGER)
    meeting = services.meeting_create(
        actor=manager,
        kind="panel",
        title="Panel meeting",
        held_on=date(2021, 1, 10),
        members=[manager],
        papers="Synthetic papers",
    )
    client.force_login(manager)
    assert client.get(reverse("child_deaths:meeting_update", args=[meeting.pk])).status_code == 200
    assert ActivityEvent.objects.filter(
        verb="viewed", target_id=str(meeting.pk), data__what="meeting papers (change form)"
    ).exists()
