"""Query counts do not grow with data (#17): the yearly report page runs the same number of
queries with 3 reviews, deaths and sessions in the year as with 30, so a section that reads
record by record (an N+1) fails the build."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.actions.models import Action
from safeguarding.actions.tests.factories import ActionFactory, ActionPlanFactory
from safeguarding.case_reviews.models import PracticeReview
from safeguarding.case_reviews.tests.factories import PracticeReviewFactory
from safeguarding.child_deaths.tests.factories import notification_make
from safeguarding.core.testing import assert_same_query_count
from safeguarding.learning.tests.factories import LearningPointFactory
from safeguarding.partnership.tests.factories import AreaFactory
from safeguarding.training.models import TrainingBooking
from safeguarding.training.tests.factories import TrainingBookingFactory, TrainingSessionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.frozen_at(date(2021, 6, 1))]

YEAR = "2020-21"


def _grow(made: list[int]):
    """build(n): bring the year's records up to n of each kind (reviews signed off and
    published with learning and a plan of actions, child deaths, past training sessions with
    attended bookings)."""
    area = AreaFactory.create()

    def build(total: int) -> None:
        for n in range(made[0], total):
            review = PracticeReviewFactory.create(
                area=area,
                decided_on=date(2019, 11, 1),
                commissioned_on=date(2019, 12, 1),
                status=PracticeReview.Status.PUBLISHED,
                signed_off_on=date(2020, 9, 1),
                published_on=date(2020, 10, 1) + timedelta(days=n),
                key_message=f"Key message {n}",
            )
            LearningPointFactory.create(source=review, summary=f"Learning from review {n}")
            plan = ActionPlanFactory.create(source=review)
            ActionFactory.create(plan=plan, number=1, due_date=date(2021, 1, 1))
            ActionFactory.create(
                plan=plan,
                number=2,
                status=Action.Status.COMPLETE,
                completed_on=date(2020, 12, 1),
            )
            notification_make(date_of_death=date(2020, 5, 1) + timedelta(days=n))
            session = TrainingSessionFactory.create(
                starts_at=datetime(2020, 10, 1, 10, tzinfo=UTC) + timedelta(days=n)
            )
            TrainingBookingFactory.create(
                session=session, attendance=TrainingBooking.Attendance.ATTENDED
            )
        made[0] = total

    return build


def test_report_page_queries_do_not_grow_with_records(client: Client, officer: User) -> None:
    client.force_login(officer)
    url = reverse("annual_reports:report_detail", args=[YEAR])
    pages: list[bytes] = []

    def visit() -> None:
        response = client.get(url)
        assert response.status_code == 200
        pages.append(response.content)

    assert_same_query_count(_grow([0]), visit)
    # The page did show the records grown (so the counts compared are of a page that read them).
    assert b"Key message 29" in pages[-1]
    assert b"Learning from review 29" in pages[-1]
