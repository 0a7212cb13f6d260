"""Query counts do not grow with data (#17): every case reviews list and detail page, and the
"My work" card, run the same number of queries with 3 records as with 30."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date, timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from safeguarding.accounts.models import User
from safeguarding.actions.tests.factories import ActionFactory, ActionPlanFactory
from safeguarding.activity_log.services import event_record_view
from safeguarding.case_reviews.cards import deadlines_card
from safeguarding.case_reviews.models import (
    AgencyRequest,
    AgencyRequestDocument,
    Dissemination,
    IncidentNotification,
    Milestone,
    PracticeReview,
    Recommendation,
    TargetRevision,
)
from safeguarding.case_reviews.tests.factories import (
    AgencyRequestFactory,
    IncidentNotificationFactory,
    NotifiedChildFactory,
    PracticeReviewFactory,
)
from safeguarding.learning.models import LearningPoint
from safeguarding.learning.tests.factories import LearningPointFactory, ThemeFactory
from safeguarding.partnership.models import Agency
from safeguarding.partnership.tests.factories import AgencyFactory

pytestmark = [pytest.mark.django_db, pytest.mark.frozen_at(date(2021, 4, 20))]

SMALL, LARGE = 3, 30


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def _same_at_both_sizes(
    client: Client,
    django_assert_num_queries: Callable[..., AbstractContextManager[object]],
    url: Callable[[], str],
    grow: Callable[[int], None],
) -> None:
    """Build SMALL records, count the page's queries, grow to LARGE, and expect the same."""
    grow(SMALL)
    client.get(url())  # warm caches that are per-process (content types, settings)
    expected = _queries(client, url())
    grow(LARGE - SMALL)
    with django_assert_num_queries(expected):
        assert client.get(url()).status_code == 200


# --- lists ----------------------------------------------------------------------------


def _everything(count: int, agency: Agency | None = None) -> None:
    for _ in range(count):
        notification = IncidentNotificationFactory.create(notified_on=None)
        NotifiedChildFactory.create(notification=notification)
        PracticeReviewFactory.create()
        AgencyRequestFactory.create(
            rapid_review=notification.rapid_review,
            agency=agency or AgencyFactory.create(),
            contact=None,
        )


@pytest.mark.parametrize(
    "url_name",
    [
        "case_review_home",
        "deadline_list",
        "incident_notification_list",
        "agency_request_list",
        "practice_review_list",
    ],
)
def test_list_queries_do_not_grow(
    client: Client, officer: User, django_assert_num_queries, url_name: str
) -> None:
    client.force_login(officer)
    _same_at_both_sizes(
        client, django_assert_num_queries, lambda: reverse(f"case_reviews:{url_name}"), _everything
    )


@pytest.mark.parametrize("url_name", ["case_review_home", "deadline_list", "agency_request_list"])
def test_agency_lead_list_queries_do_not_grow(
    client: Client, agency_lead: User, agency: Agency, django_assert_num_queries, url_name: str
) -> None:
    client.force_login(agency_lead)
    _same_at_both_sizes(
        client,
        django_assert_num_queries,
        lambda: reverse(f"case_reviews:{url_name}"),
        lambda count: _everything(count, agency),
    )


@pytest.mark.parametrize("who", ["officer", "agency_lead"])
def test_my_work_card_queries_do_not_grow(
    request: pytest.FixtureRequest, agency: Agency, django_assert_num_queries, who: str
) -> None:
    user: User = request.getfixturevalue(who)
    _everything(SMALL, agency)
    with CaptureQueriesContext(connection) as captured:
        deadlines_card(User.objects.get(pk=user.pk))
    _everything(LARGE - SMALL, agency)

    with django_assert_num_queries(len(captured)):
        card = deadlines_card(User.objects.get(pk=user.pk))
    assert card is not None
    assert card.count == LARGE * (3 if who == "officer" else 1)  # officer: all three kinds


# --- detail pages ---------------------------------------------------------------------


def test_notification_detail_queries_do_not_grow(
    client: Client, officer: User, django_assert_num_queries
) -> None:
    notification = IncidentNotificationFactory.create()
    NotifiedChildFactory.create(notification=notification)
    client.force_login(officer)

    def grow(count: int) -> None:
        for _ in range(count):
            notification.agencies.add(AgencyFactory.create())
            event_record_view(actor=officer, target=notification, what="identity panel")

    _same_at_both_sizes(
        client,
        django_assert_num_queries,
        lambda: reverse("case_reviews:incident_notification_detail", args=[notification.pk]),
        grow,
    )


def test_rapid_review_detail_queries_do_not_grow(
    client: Client, officer: User, django_assert_num_queries
) -> None:
    notification = IncidentNotificationFactory.create()
    rapid = notification.rapid_review
    themes = [ThemeFactory.create(), ThemeFactory.create()]
    client.force_login(officer)

    def grow(count: int) -> None:
        for _ in range(count):
            AgencyRequestFactory.create(
                rapid_review=rapid, contact=None, submitted_on=date(2020, 6, 10)
            )
            LearningPointFactory.create(
                source=rapid, source_kind=LearningPoint.SourceKind.RAPID_REVIEW, themes=themes
            )
            PracticeReviewFactory.create(rapid_review=rapid)

    _same_at_both_sizes(
        client,
        django_assert_num_queries,
        lambda: reverse("case_reviews:rapid_review_detail", args=[rapid.pk]),
        grow,
    )


def test_practice_review_detail_queries_do_not_grow(
    client: Client, officer: User, django_assert_num_queries
) -> None:
    review = PracticeReviewFactory.create()
    plan = ActionPlanFactory.create(source=review)
    themes = [ThemeFactory.create(), ThemeFactory.create()]
    client.force_login(officer)
    numbers = iter(range(1, 100))

    def grow(count: int) -> None:
        for _ in range(count):
            number = next(numbers)
            Milestone.objects.create(review=review, title=f"Step {number}")
            Recommendation.objects.create(review=review, number=number, text="Synthetic")
            Dissemination.objects.create(
                review=review, kind="briefing", title="Briefing", held_on=date(2021, 1, 1)
            )
            TargetRevision.objects.create(
                review=review,
                old_target_on=date(2021, 1, 1),
                new_target_on=date(2021, 1, 1) + timedelta(days=number),
                reason="Synthetic",
                revised_by=officer,
            )
            review.agencies.add(AgencyFactory.create())
            LearningPointFactory.create(source=review, themes=themes)
            ActionFactory.create(plan=plan, number=number)

    _same_at_both_sizes(
        client,
        django_assert_num_queries,
        lambda: reverse("case_reviews:practice_review_detail", args=[review.pk]),
        grow,
    )


@pytest.mark.parametrize("who", ["officer", "agency_lead"])
def test_agency_request_page_queries_do_not_grow(
    client: Client,
    request: pytest.FixtureRequest,
    agency: Agency,
    django_assert_num_queries,
    who: str,
) -> None:
    user: User = request.getfixturevalue(who)
    agency_request: AgencyRequest = AgencyRequestFactory.create(agency=agency, response="Text")
    notification: IncidentNotification = agency_request.rapid_review.notification
    NotifiedChildFactory.create(notification=notification)
    client.force_login(user)

    def grow(count: int) -> None:
        for _ in range(count):
            document = AgencyRequestDocument(
                request=agency_request,
                file_kind="pdf",
                original_name="chronology.pdf",
                size=10,
                uploaded_by=user,
                uploaded_at=timezone.now(),
            )
            document.file.save("x.pdf", ContentFile(b"%PDF-1.4"), save=False)
            document.save()

    _same_at_both_sizes(
        client,
        django_assert_num_queries,
        lambda: reverse("case_reviews:agency_request_submit", args=[agency_request.pk]),
        grow,
    )


def test_review_list_export_queries_do_not_grow(
    client: Client, officer: User, django_assert_num_queries
) -> None:
    client.force_login(officer)

    def grow(count: int) -> None:
        for _ in range(count):
            PracticeReviewFactory.create(status=PracticeReview.Status.IN_PROGRESS)

    grow(SMALL)
    url = reverse("case_reviews:practice_review_export") + "?format=csv"
    with CaptureQueriesContext(connection) as captured:
        b"".join(client.get(url).streaming_content)  # type: ignore[attr-defined]
    grow(LARGE - SMALL)
    with django_assert_num_queries(len(captured)):
        b"".join(client.get(url).streaming_content)  # type: ignore[attr-defined]
