"""Lists (#15, #17): the "My work" card's number is the length of the list it opens; every list
is paginated, filtered and counted; the reviews export streams and neutralises formulas."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.case_reviews.cards import deadlines_card
from safeguarding.case_reviews.models import PracticeReview, RapidReview
from safeguarding.case_reviews.tests.factories import (
    AgencyRequestFactory,
    IncidentNotificationFactory,
    PracticeReviewFactory,
)
from safeguarding.case_reviews.views.common import PAGE_SIZE
from safeguarding.core.testing import DANGEROUS_STARTS, EXPORT_FORMATS, export_get, streamed_cells
from safeguarding.partnership.models import Agency

pytestmark = [pytest.mark.django_db, pytest.mark.frozen_at(date(2021, 4, 20))]


def _rows(html: str) -> int:
    body = html.split('<tbody class="govuk-table__body">', 1)[1].split("</tbody>", 1)[0]
    return body.count('<tr class="govuk-table__row"><td class="govuk-table__cell"><a ')


def _all_rows(client: Client, url: str) -> int:
    """Rows over every page of a paginated list."""
    total, page = 0, 1
    while True:
        html = client.get(url, {"page": page}).content.decode()
        total += _rows(html)
        if 'rel="next"' not in html:
            return total
        page += 1


def test_card_number_is_the_length_of_the_list_it_opens(client: Client, officer: User) -> None:
    for _ in range(6):
        IncidentNotificationFactory.create(notified_on=None)
    for _ in range(5):
        PracticeReviewFactory.create()

    card = deadlines_card(officer)
    assert card is not None
    client.force_login(officer)
    page = client.get(card.link_url).content.decode()

    assert card.count == 11
    assert len(card.items) < card.count  # the card shows the soonest few...
    assert card.link_text == "All 11 case review deadlines"
    assert "11 deadlines" in page  # ...and opens the list of all it counts
    assert _all_rows(client, card.link_url) == card.count


def test_agency_lead_card_opens_their_requests(
    client: Client, agency_lead: User, agency: Agency
) -> None:
    for _ in range(9):
        AgencyRequestFactory.create(agency=agency)
    AgencyRequestFactory.create()  # another agency's

    card = deadlines_card(agency_lead)
    assert card is not None
    client.force_login(agency_lead)

    assert card.count == 9
    assert _all_rows(client, card.link_url) == 9


def test_home_links_count_their_lists(client: Client, officer: User) -> None:
    for _ in range(7):
        IncidentNotificationFactory.create()
    for _ in range(3):
        PracticeReviewFactory.create()
    client.force_login(officer)

    home = client.get(reverse("case_reviews:case_review_home")).content.decode()

    assert "All 7 serious incident notifications" in home
    assert "All 3 reviews" in home
    notifications = reverse("case_reviews:incident_notification_list")
    assert _all_rows(client, notifications) == 7
    assert _all_rows(client, reverse("case_reviews:practice_review_list")) == 3


@pytest.mark.parametrize(
    "url_name", ["deadline_list", "incident_notification_list", "practice_review_list"]
)
def test_lists_are_paginated_with_a_count(client: Client, officer: User, url_name: str) -> None:
    factory = (
        PracticeReviewFactory
        if url_name != "incident_notification_list"
        else IncidentNotificationFactory
    )
    for _ in range(PAGE_SIZE + 2):
        factory.create()  # a review is one deadline; a notification one row
    url = reverse(f"case_reviews:{url_name}")
    client.force_login(officer)

    first = client.get(url).content.decode()
    second = client.get(url, {"page": 2}).content.decode()

    assert 'class="govuk-pagination"' in first
    assert _rows(first) == PAGE_SIZE
    assert _rows(second) == 2
    assert f"{PAGE_SIZE + 2} " in first


def test_request_list_paginated_and_filtered(client: Client, officer: User) -> None:
    for _ in range(PAGE_SIZE + 1):
        AgencyRequestFactory.create()
    for _ in range(3):
        AgencyRequestFactory.create(submitted_on=date(2020, 6, 10))
    url = reverse("case_reviews:agency_request_list")
    client.force_login(officer)

    everything = client.get(url).content.decode()
    answered = client.get(url, {"state": "answered"}).content.decode()
    open_second = client.get(url, {"state": "open", "page": "2"}).content.decode()

    assert f"{PAGE_SIZE + 4} requests" in everything
    assert "3 requests" in answered
    assert _rows(answered) == 3
    assert _rows(open_second) == 1
    assert "state=open&amp;page=1" in open_second  # the filter stays in the page links


def test_filters_narrow_lists(client: Client, officer: User) -> None:
    IncidentNotificationFactory.create()
    met = IncidentNotificationFactory.create()
    RapidReview.objects.filter(notification=met).update(decision=RapidReview.Decision.MET)
    PracticeReviewFactory.create(kind=PracticeReview.Kind.SAR)
    PracticeReviewFactory.create(status=PracticeReview.Status.COMMISSIONED)
    IncidentNotificationFactory.create(notified_on=None)
    client.force_login(officer)

    notifications = client.get(
        reverse("case_reviews:incident_notification_list"), {"decision": "met"}
    ).content.decode()
    sars = client.get(reverse("case_reviews:practice_review_list"), {"kind": "sar"})
    commissioned = client.get(
        reverse("case_reviews:practice_review_list"), {"status": "commissioned"}
    )
    deadlines = client.get(reverse("case_reviews:deadline_list"), {"kind": "notification"})

    assert "1 notification<" in notifications
    assert met.reference in notifications
    assert _rows(sars.content.decode()) == 1
    assert _rows(commissioned.content.decode()) == 1
    assert "1 deadline<" in deadlines.content.decode()


def test_a_big_count_has_thousands_separators(client: Client, officer: User) -> None:
    from unittest import mock

    client.force_login(officer)
    with mock.patch("django.core.paginator.Paginator.count", 1234):
        page = client.get(reverse("case_reviews:practice_review_list")).content.decode()

    assert "1,234 reviews" in page


# --- export ----------------------------------------------------------------------------

DANGEROUS = ["=HYPERLINK(1)", "+SUM(1)", "-2+3", "@cmd"]


@pytest.mark.parametrize("file_format", EXPORT_FORMATS)
def test_review_export_streams_with_formulas_neutralised(
    client: Client, officer: User, file_format: str
) -> None:
    for title in DANGEROUS:
        PracticeReviewFactory.create(title=title)

    response = export_get(
        client, officer, reverse("case_reviews:practice_review_export"), file_format
    )

    assert response["Cache-Control"] == "private, no-store"
    titles = [row[0] for row in streamed_cells(response)[1:]]
    assert sorted(titles) == sorted("'" + title for title in DANGEROUS)
    assert not [title for title in titles if title.startswith(DANGEROUS_STARTS)]
    assert ActivityEvent.objects.filter(verb="exported", data__what="practice reviews").exists()


def test_review_export_is_for_people_who_see_the_list(
    client: Client, outsider: User, member_readonly: User
) -> None:
    PracticeReviewFactory.create()
    url = reverse("case_reviews:practice_review_export")

    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(member_readonly)
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("name", "agency_lead_sees"),
    [
        ("deadline_list", True),
        ("agency_request_list", True),
        ("incident_notification_list", False),
        ("practice_review_list", False),
        ("practice_review_export", False),
    ],
)
def test_list_pages_matrix(
    client: Client,
    officer: User,
    member_readonly: User,
    agency_lead: User,
    practitioner: User,
    outsider: User,
    name: str,
    agency_lead_sees: bool,
) -> None:
    from safeguarding.core.testing import ViewMatrix

    matrix = ViewMatrix(client, reverse(f"case_reviews:{name}"))

    matrix.allowed(officer)
    matrix.allowed(member_readonly)
    matrix.outsider(outsider)
    matrix.outsider(practitioner)
    matrix.wrong_method(officer, "post")
    if agency_lead_sees:
        matrix.allowed(agency_lead)
    else:
        matrix.outsider(agency_lead)


def test_agency_lead_request_list_is_their_agency_only(
    client: Client, agency_lead: User, agency: Agency
) -> None:
    mine = AgencyRequestFactory.create(agency=agency)
    AgencyRequestFactory.create()
    client.force_login(agency_lead)

    page = client.get(reverse("case_reviews:agency_request_list")).content.decode()

    assert "1 request<" in page
    assert reverse("case_reviews:agency_request_submit", args=[mine.pk]) in page
