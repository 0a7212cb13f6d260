"""Reminder e-mails before and after deadlines (safe to run twice) and the My work card."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from safeguarding.accounts.models import User
from safeguarding.case_reviews import cards, services
from safeguarding.case_reviews.models import ReminderSent
from safeguarding.case_reviews.tests.factories import (
    AgencyRequestFactory,
    IncidentNotificationFactory,
)
from safeguarding.partnership.models import Agency

pytestmark = pytest.mark.django_db


def test_due_soon_and_missed_reminders_are_sent_once(
    officer: User, run_tasks: Callable[[], int], django_capture_on_commit_callbacks
) -> None:
    # Aware Thursday 1 April 2021: due Monday 12 April. On 6 April it is 4 working days away.
    IncidentNotificationFactory.create(aware_on=date(2021, 4, 1), notified_on=None)
    capture = django_capture_on_commit_callbacks
    with time_machine.travel(date(2021, 4, 6), tick=False), capture(execute=True):
        first = services.case_review_reminders_send()
        again = services.case_review_reminders_send()
    with time_machine.travel(date(2021, 4, 13), tick=False), capture(execute=True):
        missed = services.case_review_reminders_send()
    run_tasks()

    assert (first.due_soon, again.due_soon, missed.missed) == (1, 0, 1)
    assert ReminderSent.objects.count() == 2
    assert [m.to for m in mail.outbox] == [[officer.email], [officer.email]]
    assert "SIN-2020" in mail.outbox[0].subject


@override_settings(CASE_REVIEW_REMINDER_WORKING_DAYS=2)
def test_reminder_window_is_configurable(officer: User) -> None:
    IncidentNotificationFactory.create(aware_on=date(2021, 4, 1), notified_on=None)

    with time_machine.travel(date(2021, 4, 6), tick=False):
        assert services.case_review_reminders_send().due_soon == 0
    with time_machine.travel(date(2021, 4, 8), tick=False):
        assert services.case_review_reminders_send().due_soon == 1


def test_agency_request_reminders_go_to_the_agency_lead(
    agency_lead: User, agency: Agency, officer: User
) -> None:
    AgencyRequestFactory.create(agency=agency, due_on=date(2021, 4, 9))

    with time_machine.travel(date(2021, 4, 8), tick=False):
        from safeguarding.case_reviews.selectors import deadline_list
        from safeguarding.case_reviews.services.reminders import reminder_recipients

        deadline = [d for d in deadline_list() if d.kind == "agency_request"][0]
        assert reminder_recipients(deadline=deadline) == [agency_lead]


def test_command_runs_twice_safely(officer: User) -> None:
    IncidentNotificationFactory.create(aware_on=date(2021, 4, 1), notified_on=None)

    with time_machine.travel(date(2021, 4, 13), tick=False):
        call_command("case_reviews_send_reminders")
        call_command("case_reviews_send_reminders")

    assert ReminderSent.objects.count() == 1


def test_card_shows_deadlines_to_the_case_team(officer: User) -> None:
    IncidentNotificationFactory.create(aware_on=date(2021, 4, 1), notified_on=None)

    with time_machine.travel(date(2021, 4, 13), tick=False):
        card = cards.deadlines_card(officer)

    assert card is not None
    assert card.count == 1
    assert card.items[0].tag == "Overdue"


def test_card_hidden_from_people_without_deadlines(practitioner: User) -> None:
    IncidentNotificationFactory.create(notified_on=None)

    assert cards.deadlines_card(practitioner) is None


def test_card_shows_an_agency_lead_their_requests(agency_lead: User, agency: Agency) -> None:
    AgencyRequestFactory.create(agency=agency)

    card = cards.deadlines_card(agency_lead)

    assert card is not None
    assert card.count == 1
