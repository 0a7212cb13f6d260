"""A notified child's date of birth is a date (GOV.UK date input), encrypted at rest. Free text
typed before that is read by migration 0005 where it can be; the rest is kept, shown on the
identity panel as "Not a date", and corrected on the change page."""

from __future__ import annotations

import importlib
from datetime import date

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.case_reviews import verbs
from safeguarding.case_reviews.models import NotifiedChild
from safeguarding.case_reviews.tests.factories import NotifiedChildFactory
from safeguarding.core.testing import ViewMatrix, date_data

pytestmark = pytest.mark.django_db

migration = importlib.import_module(
    "safeguarding.case_reviews.migrations.0005_child_date_of_birth_as_a_date"
)
TODAY = date(2026, 12, 4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5 1 2020", date(2020, 1, 5)),
        ("05/01/2020", date(2020, 1, 5)),
        ("5-1-2020", date(2020, 1, 5)),
        ("5.1.2020", date(2020, 1, 5)),
        ("2020-01-05", date(2020, 1, 5)),
        ("5 January 2020", date(2020, 1, 5)),
        ("5th Jan 2020", date(2020, 1, 5)),
        (" 5 sept, 2019 ", date(2019, 9, 5)),
        ("5/1/20", date(2020, 1, 5)),
        ("5/1/98", date(1998, 1, 5)),
        ("31/2/2020", None),  # no such day
        ("1/1/2027", None),  # in the future
        ("about 2019", None),
        ("Jan 2020", None),
        ("", None),
    ],
)
def test_old_free_text_is_read_day_first(text: str, expected: date | None) -> None:
    assert migration.parse_date_of_birth(text, today=TODAY) == expected


def test_migration_keeps_what_it_cannot_read_for_correction() -> None:
    readable = NotifiedChildFactory.create(date_of_birth_text="05/01/2020")
    unreadable = NotifiedChildFactory.create(date_of_birth_text="around Easter 2019")
    empty = NotifiedChildFactory.create(date_of_birth_text="")

    migration.dates_of_birth_to_dates(apps, None)

    readable.refresh_from_db()
    unreadable.refresh_from_db()
    empty.refresh_from_db()
    assert readable.date_of_birth == date(2020, 1, 5)
    assert readable.date_of_birth_as_entered == ""
    assert unreadable.date_of_birth is None
    assert unreadable.date_of_birth_as_entered == "around Easter 2019"
    assert (empty.date_of_birth, empty.date_of_birth_as_entered) == (None, "")


def test_identity_panel_shows_the_date_and_flags_text_that_is_not_a_date(
    client: Client, panel_member: User
) -> None:
    dated = NotifiedChildFactory.create(date_of_birth_text="2019-12-24")
    undated = NotifiedChildFactory.create(
        date_of_birth_text="", date_of_birth_as_entered="around Easter 2019"
    )
    client.force_login(panel_member)

    dated_page = client.get(reverse("case_reviews:child_identity", args=[dated.pk]))
    undated_page = client.get(reverse("case_reviews:child_identity", args=[undated.pk]))

    assert "24 December 2019" in dated_page.content.decode()
    html = undated_page.content.decode()
    assert "Not a date" in html
    assert "around Easter 2019" in html


def test_correcting_the_date_of_birth_clears_the_old_text_and_logs_no_value(
    client: Client, panel_member: User, member_readonly: User, outsider: User
) -> None:
    child = NotifiedChildFactory.create(
        date_of_birth_text="", date_of_birth_as_entered="around Easter 2019"
    )
    url = reverse("case_reviews:child_identity_update", args=[child.pk])
    matrix = ViewMatrix(client, url)
    page = matrix.allowed(panel_member)
    matrix.outsider(outsider)
    matrix.outsider(member_readonly)
    assert "around Easter 2019" in page.content.decode()
    assert 'name="date_of_birth-day"' in page.content.decode()

    client.force_login(panel_member)
    response = client.post(
        url,
        {
            "version": child.version,
            "full_name": child.full_name,
            **date_data("date_of_birth", date(2019, 4, 21)),
            "address": "",
            "other_identifiers": "",
        },
    )

    assert response.status_code == 302
    child = NotifiedChild.objects.get(pk=child.pk)
    assert child.date_of_birth == date(2019, 4, 21)
    assert child.date_of_birth_as_entered == ""
    event = ActivityEvent.objects.get(verb=verbs.NOTIFIED_CHILD_UPDATED)
    assert "2019" not in str(event.changes)


def test_a_date_of_birth_in_the_future_is_refused(client: Client, panel_member: User) -> None:
    child = NotifiedChildFactory.create()
    client.force_login(panel_member)

    response = client.post(
        reverse("case_reviews:child_identity_update", args=[child.pk]),
        {"version": child.version, **date_data("date_of_birth", date(2099, 1, 1))},
    )

    assert response.status_code == 200
    assert "Date of birth must be today or in the past" in response.content.decode()
