"""Deadlines in working days with England and Wales bank holidays."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import override_settings

from safeguarding.case_reviews.models import IncidentNotification, RapidReview
from safeguarding.case_reviews.tests.factories import IncidentNotificationFactory
from safeguarding.core.dates import add_months

pytestmark = pytest.mark.django_db


def test_notification_due_skips_good_friday_and_easter_monday() -> None:
    # Aware on Thursday 1 April 2021: Good Friday (2 April) and Easter Monday (5 April) are
    # bank holidays, so the five working days are 6, 7, 8, 9 and 12 April.
    notification = IncidentNotification(aware_on=date(2021, 4, 1))

    assert notification.notification_due_on == date(2021, 4, 12)


def test_notification_due_is_five_working_days_in_an_ordinary_week() -> None:
    assert IncidentNotification(aware_on=date(2021, 3, 1)).notification_due_on == date(2021, 3, 8)


def test_notification_late_only_after_the_due_day() -> None:
    on_time = IncidentNotification(aware_on=date(2021, 4, 1), notified_on=date(2021, 4, 12))
    late = IncidentNotification(aware_on=date(2021, 4, 1), notified_on=date(2021, 4, 13))

    assert not on_time.notified_late
    assert late.notified_late


def test_rapid_review_due_fifteen_working_days_after_the_notification_was_sent() -> None:
    # Sent Thursday 1 April 2021; 15 working days skipping Good Friday and Easter Monday.
    notification = IncidentNotificationFactory.create(aware_on=date(2021, 3, 30), notified_on=None)
    notification.notified_on = date(2021, 4, 1)
    rapid = RapidReview.objects.get(notification=notification)
    rapid.notification = notification

    assert rapid.due_on == date(2021, 4, 26)


def test_rapid_review_has_no_due_date_until_the_notification_is_sent() -> None:
    notification = IncidentNotificationFactory.create(notified_on=None)

    assert RapidReview.objects.get(notification=notification).due_on is None


@override_settings(CASE_REVIEW_NOTIFICATION_WORKING_DAYS=3)
def test_notification_working_days_are_configurable() -> None:
    assert IncidentNotification(aware_on=date(2021, 4, 1)).notification_due_on == date(2021, 4, 8)


def test_review_target_six_months_uses_the_last_day_of_a_short_month() -> None:
    assert add_months(date(2020, 8, 31), 6) == date(2021, 2, 28)
    assert add_months(date(2020, 5, 7), 6) == date(2020, 11, 7)


def test_advance_copy_must_reach_the_panel_seven_working_days_before_publication() -> None:
    from safeguarding.case_reviews.models import PracticeReview

    # Published Tuesday 13 April 2021. Counting back 7 working days skips Easter Monday and
    # Good Friday: 12, 9, 8, 7, 6, 1 April and 31 March. So 31 March is in time, 1 April late.
    in_time = PracticeReview(
        advance_copy_sent_on=date(2021, 3, 31), published_on=date(2021, 4, 13)
    )
    late = PracticeReview(advance_copy_sent_on=date(2021, 4, 1), published_on=date(2021, 4, 13))
    missing = PracticeReview(published_on=date(2021, 4, 13))

    assert not in_time.advance_copy_short
    assert late.advance_copy_short
    assert missing.advance_copy_short
    assert not PracticeReview().advance_copy_short
