"""Page wording and state (#15): links say what they open, dates and numbers in the house
style, irreversible steps are confirmed, and no page offers a step the record's state does not
allow."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.case_reviews.models import Dissemination, PracticeReview
from safeguarding.case_reviews.tests.factories import (
    AgencyRequestFactory,
    IncidentNotificationFactory,
    PracticeReviewFactory,
)
from safeguarding.core.testing import date_data

pytestmark = [pytest.mark.django_db, pytest.mark.frozen_at(date(2021, 4, 20))]

BARE_NAMES = {"chronology", "information", "archive", "change details", "record", "open"}


def _link_names(html: str) -> list[str]:
    """Each link's accessible name: its text, visually hidden parts included."""
    names = []
    for inner in re.findall(r"<a [^>]*>(.*?)</a>", html, flags=re.S):
        names.append(" ".join(re.sub(r"<[^>]+>", "", inner).split()).lower())
    return names


def test_links_say_what_they_open(client: Client, officer: User) -> None:
    notification = IncidentNotificationFactory.create()
    AgencyRequestFactory.create(rapid_review=notification.rapid_review)
    review = PracticeReviewFactory.create()
    client.force_login(officer)
    pages = [
        reverse("case_reviews:incident_notification_detail", args=[notification.pk]),
        reverse("case_reviews:rapid_review_detail", args=[notification.rapid_review.pk]),
        reverse("case_reviews:practice_review_detail", args=[review.pk]),
        reverse("case_reviews:case_review_home"),
    ]

    names = [name for url in pages for name in _link_names(client.get(url).content.decode())]

    assert not BARE_NAMES & set(names)
    reference = notification.reference.lower()
    assert f"chronology request for {reference}" in " ".join(names)
    assert f"archive notification {reference}" in names
    assert f"change details of {review.title.lower()}" in names


def test_dates_and_numbers_in_the_house_style(client: Client, officer: User) -> None:
    review = PracticeReviewFactory.create(target_on=date(2026, 12, 24))
    Dissemination.objects.create(
        review=review, kind="event", title="Learning event", held_on=date(2021, 3, 1), reach=12345
    )
    client.force_login(officer)

    page = client.get(reverse("case_reviews:practice_review_detail", args=[review.pk]))

    content = page.content.decode()
    assert "24 December 2026" in content
    assert "12,345" in content


def test_signing_off_asks_for_confirmation(client: Client, officer: User) -> None:
    review = PracticeReviewFactory.create(status=PracticeReview.Status.REPORT_RECEIVED)
    url = reverse("case_reviews:practice_review_stage", args=[review.pk])
    client.force_login(officer)
    data = {"status": "signed_off", **date_data("on", "2021-04-19"), "version": review.version}

    page = client.get(url).content.decode()
    unconfirmed = client.post(url, data)
    review.refresh_from_db()
    assert review.status == PracticeReview.Status.REPORT_RECEIVED
    confirmed = client.post(url, {**data, "confirm": "on"})

    assert "cannot be undone" in page
    assert unconfirmed.status_code == 200
    assert "govuk-error-summary" in unconfirmed.content.decode()
    assert confirmed.status_code == 302
    review.refresh_from_db()
    assert review.status == PracticeReview.Status.SIGNED_OFF


def test_a_reversible_stage_needs_no_confirmation(client: Client, officer: User) -> None:
    review = PracticeReviewFactory.create(status=PracticeReview.Status.COMMISSIONED)
    client.force_login(officer)

    response = client.post(
        reverse("case_reviews:practice_review_stage", args=[review.pk]),
        {"status": "in_progress", **date_data("on", "2021-04-19"), "version": review.version},
    )

    assert response.status_code == 302


def test_archiving_asks_for_confirmation(client: Client, officer: User) -> None:
    notification = IncidentNotificationFactory.create()
    url = reverse("case_reviews:incident_notification_archive", args=[notification.pk])
    client.force_login(officer)

    page = client.get(url).content.decode()
    unconfirmed = client.post(url, {"reason": "Twice.", "version": notification.version})

    assert "Archiving cannot be undone." in page
    assert unconfirmed.status_code == 200
    notification.refresh_from_db()
    assert not notification.is_archived


@pytest.mark.parametrize(
    "status", [PracticeReview.Status.PUBLISHED, PracticeReview.Status.NOT_PUBLISHED]
)
def test_a_finished_review_offers_no_next_stage(
    client: Client, officer: User, status: str
) -> None:
    review = PracticeReviewFactory.create(
        status=status, signed_off_on=date(2021, 1, 5), published_on=date(2021, 2, 1)
    )
    client.force_login(officer)
    stage_url = reverse("case_reviews:practice_review_stage", args=[review.pk])
    target_url = reverse("case_reviews:practice_review_target_revise", args=[review.pk])

    detail = client.get(reverse("case_reviews:practice_review_detail", args=[review.pk]))

    content = detail.content.decode()
    assert stage_url not in content
    assert target_url not in content
    assert client.get(stage_url).status_code == 403
    assert client.get(target_url).status_code == 403


def test_a_signed_off_review_target_cannot_be_revised(officer: User) -> None:
    from django.core.exceptions import ValidationError

    from safeguarding.case_reviews import services

    review = PracticeReviewFactory.create(
        status=PracticeReview.Status.SIGNED_OFF, signed_off_on=date(2021, 1, 5)
    )

    with pytest.raises(ValidationError):
        services.practice_review_target_revise(
            actor=officer, review=review, new_target_on=date(2021, 12, 1), reason="Late."
        )


def test_an_archived_notification_offers_no_change(client: Client, officer: User) -> None:
    from safeguarding.case_reviews import services

    notification = IncidentNotificationFactory.create()
    services.incident_notification_archive(actor=officer, notification=notification, reason="X")
    client.force_login(officer)

    page = client.get(
        reverse("case_reviews:incident_notification_detail", args=[notification.pk])
    ).content.decode()

    assert reverse("case_reviews:incident_notification_update", args=[notification.pk]) not in page
    assert (
        reverse("case_reviews:incident_notification_archive", args=[notification.pk]) not in page
    )
