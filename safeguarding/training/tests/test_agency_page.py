"""An agency safeguarding lead's page of their staff's training (issue #15): upcoming,
attended and did-not-attend bookings, approvals waiting, charges, and a streamed, logged,
formula-safe export. Other agencies' leads, read-only roles and outsiders get 404."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.core.registry import cards_for_user
from safeguarding.core.testing import ViewMatrix, export_get, streamed_cells
from safeguarding.partnership.models import Agency
from safeguarding.training.models import TrainingBooking, TrainingSession
from safeguarding.training.tests.factories import TrainingBookingFactory, TrainingSessionFactory

pytestmark = pytest.mark.django_db


def _url(agency: Agency) -> str:
    return reverse("training:agency_training", args=[agency.pk])


@pytest.fixture
def bookings(
    frozen: Any,
    session: TrainingSession,
    agency_a: Agency,
    agency_b: Agency,
    make_practitioner: Callable[..., User],
) -> dict[str, TrainingBooking]:
    past = TrainingSessionFactory.create(starts_at=datetime(2025, 5, 1, 9, 0, tzinfo=UTC))
    return {
        "upcoming": TrainingBookingFactory.create(
            session=session, agency=agency_a, learner=make_practitioner(full_name="Ada Upcoming")
        ),
        "attended": TrainingBookingFactory.create(
            session=past,
            agency=agency_a,
            learner=make_practitioner(full_name="Bea Attended"),
            attendance=TrainingBooking.Attendance.ATTENDED,
        ),
        "no_show": TrainingBookingFactory.create(
            session=past,
            agency=agency_a,
            learner=make_practitioner(full_name="=Cal Absent"),
            attendance=TrainingBooking.Attendance.NO_SHOW,
            charge_pence=5000,
        ),
        "pending": TrainingBookingFactory.create(
            session=session,
            agency=agency_a,
            learner=make_practitioner(full_name="Dee Waiting"),
            status=TrainingBooking.Status.PENDING_APPROVAL,
        ),
        "other_agency": TrainingBookingFactory.create(
            session=session,
            agency=agency_b,
            learner=make_practitioner(agency_b, full_name="Eve Elsewhere"),
        ),
    }


def _get(client: Client, user: User, agency: Agency, **params: str) -> str:
    client.force_login(user)
    response = client.get(_url(agency), params)
    assert response.status_code == 200
    return response.content.decode()


def test_lead_sees_each_list_of_their_agency_only(
    client: Client, bookings: dict[str, TrainingBooking], lead_a: User, agency_a: Agency
) -> None:
    upcoming = _get(client, lead_a, agency_a)
    assert "Ada Upcoming" in upcoming
    assert "Dee Waiting" in upcoming
    assert "Eve Elsewhere" not in upcoming
    assert "Bea Attended" not in upcoming
    attended = _get(client, lead_a, agency_a, show="attended")
    assert "Bea Attended" in attended
    assert "Ada Upcoming" not in attended
    absent = _get(client, lead_a, agency_a, show="did_not_attend")
    assert "Cal Absent" in absent
    assert "Did not attend" in absent
    approvals = _get(client, lead_a, agency_a, show="approvals")
    assert "Dee Waiting" in approvals
    assert "Approve" in approvals
    assert "Ada Upcoming" not in approvals
    charges = _get(client, lead_a, agency_a, show="charges")
    assert "Cal Absent" in charges
    assert "£50.00" in charges
    assert ActivityEvent.objects.filter(verb="viewed", target_id=str(agency_a.pk)).exists()


def test_who_may_see_the_agency_page(
    client: Client,
    bookings: dict[str, TrainingBooking],
    agency_a: Agency,
    lead_a: User,
    lead_b: User,
    officer: User,
    outsider: User,
    member_readonly: User,
    learner: User,
) -> None:
    matrix = ViewMatrix(client, _url(agency_a))
    matrix.allowed(lead_a)
    matrix.allowed(officer)
    matrix.outsider(lead_b)
    matrix.outsider(outsider)
    matrix.outsider(learner)
    # Read-only roles see de-identified summaries only (docs/roles.md): this page names staff.
    matrix.outsider(member_readonly)
    matrix.wrong_method(lead_a, "post")
    ViewMatrix(client, reverse("training:agency_training", args=[999_999])).outsider(lead_a)
    client.force_login(lead_b)
    assert client.get(_url(agency_a), {"format": "csv"}).status_code == 404


def test_lead_finds_the_page_from_my_work(
    bookings: dict[str, TrainingBooking], lead_a: User, learner: User, agency_a: Agency
) -> None:
    card = next(c for c in cards_for_user(lead_a) if c.title == "Your agency's training")
    assert card.items[0].url == _url(agency_a)
    assert "1 booking waiting" in card.items[0].hint
    assert all(c.title != "Your agency's training" for c in cards_for_user(learner))


def test_export_is_scoped_streamed_logged_and_formula_safe(
    client: Client, bookings: dict[str, TrainingBooking], lead_a: User, agency_a: Agency
) -> None:
    rows = streamed_cells(export_get(client, lead_a, _url(agency_a), "csv"))
    assert rows[0][:3] == ["Session date", "Course", "Person"]
    people = {row[2] for row in rows[1:]}
    assert people == {"Ada Upcoming", "Bea Attended", "'=Cal Absent", "Dee Waiting"}
    event = ActivityEvent.objects.get(kind=ActivityEvent.Kind.EXPORT)
    assert event.data == {"what": "agency training bookings", "rows": 4, "format": "csv"}

    sheet = streamed_cells(export_get(client, lead_a, _url(agency_a), "xlsx"))
    names = {row[2] for row in sheet[1:]}
    assert "'=Cal Absent" in names
    assert "Eve Elsewhere" not in names


def test_lists_are_paginated(
    client: Client, frozen: Any, agency_a: Agency, lead_a: User, learner: User
) -> None:
    for day in range(30):
        TrainingBookingFactory.create(
            session=TrainingSessionFactory.create(
                starts_at=datetime(2025, 7, 1, 9, 0, tzinfo=UTC) + timedelta(days=day)
            ),
            agency=agency_a,
            learner=learner,
        )
    page = _get(client, lead_a, agency_a)
    assert "Upcoming: 30 bookings" in page
    assert page.count("govuk-table__row") == 26  # the header and 25 rows
    assert "govuk-pagination" in page
    assert "show=upcoming&amp;page=2" in page


def test_approving_from_the_agency_page_comes_back_to_it(
    client: Client, bookings: dict[str, TrainingBooking], lead_a: User, agency_a: Agency
) -> None:
    client.force_login(lead_a)
    pending = bookings["pending"]
    response = client.post(
        reverse("training:booking_approve", args=[pending.pk]),
        {"decision": "approve", "back_to": "agency"},
    )
    assert response["Location"] == _url(agency_a) + "?show=approvals"
    pending.refresh_from_db()
    assert pending.status == TrainingBooking.Status.CONFIRMED


def test_the_lead_goes_back_from_the_statement_to_their_agency_page(
    client: Client, lead_a: User, agency_a: Agency
) -> None:
    client.force_login(lead_a)
    page = client.get(reverse("training:agency_statement", args=[agency_a.pk])).content.decode()
    assert f'href="{_url(agency_a)}"' in page
    assert reverse("training:manage") not in page
