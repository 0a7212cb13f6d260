"""The demo's website: its 2020-21 statistics give the year's published figures, counted here
independently of the selectors with plain SQL."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse

from safeguarding.core.years import ReportingYear
from safeguarding.partnership import demo as partnership_demo
from safeguarding.website import demo, reporting, selectors
from safeguarding.website.models import FrontDoor, SiteDay

pytestmark = pytest.mark.django_db
YEAR = ReportingYear(2020)


def _sql_sum(table: str, column: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT SUM({column}) FROM {table} WHERE day BETWEEN %s AND %s",  # noqa: S608
            [YEAR.start, YEAR.end],
        )
        return int(cursor.fetchone()[0])


@pytest.fixture
def seeded() -> None:
    partnership_demo.seed()
    demo.seed()


def test_the_demo_year_reproduces_the_published_website_figures(seeded) -> None:
    figures = reporting.website_figures(YEAR).site
    assert figures.page_views == _sql_sum("website_siteday", "views") == 275_602
    assert figures.users == _sql_sum("website_siteday", "users") == 71_987
    assert _sql_sum("website_pageviewday", "views") == 275_602
    assert figures.search_share == 52
    assert {label: share for label, _, share in figures.device_shares} == {
        "Desktop": 66,
        "Mobile": 30,
        "Tablet": 4,
    }


def test_after_the_home_page_come_training_reporting_a_concern_and_briefings(seeded) -> None:
    top = [path for path, _ in selectors.top_pages(year=YEAR, limit=4)]
    assert top == [
        reverse("website:home"),
        reverse("training:course_list"),
        reverse("website:concern_start"),
        reverse("training:briefing_list"),
    ]
    covid = reverse("website:page_detail", args=["covid-19-safeguarding"])
    assert dict(selectors.top_pages(year=YEAR, limit=50))[covid] > 18_000


def test_the_demo_is_idempotent_and_routes_both_areas(seeded, client) -> None:
    demo.seed()
    assert SiteDay.objects.filter(day__gte=YEAR.start, day__lte=YEAR.end).count() == 365
    assert FrontDoor.objects.count() == 3
    response = client.get(reverse("website:resource_list"))
    assert response.status_code == 200
    assert "Neglect toolkit" in response.content.decode()
    tool = reverse("website:tool_detail", args=["sexual-behaviours-traffic-light"])
    answers = {"similar_age": "Yes", "mutual": "Yes", "secret": "Yes", "force": "No"}
    assert "Red: report a concern today" in client.post(tool, answers).content.decode()
    answers["secret"] = "No"
    assert "Green: healthy" in client.post(tool, answers).content.decode()
