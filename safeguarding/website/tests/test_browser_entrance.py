"""The public entrance (issue #15): an anonymous visitor starts at "/" and finds, by following
links only, the training catalogue, the certificate checker, an open survey and the public
site's guidance. axe is clean on every page (the browser_page fixture fails a page that is
not scanned)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from safeguarding.assurance.tests.factories import SurveyFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _back_home(page: Any) -> None:
    page.page.go_back()
    page.page.wait_for_load_state("load")
    assert page.page.get_by_role("heading", name="Have your say").is_visible()


def test_an_anonymous_visitor_finds_everything_public_from_the_front_door(
    browser_page: Any,
) -> None:
    today = timezone.localdate()
    SurveyFactory.create(
        title="Growing up in Northshire",
        opens_on=today - timedelta(days=1),
        closes_on=today + timedelta(days=30),
    )
    SurveyFactory.create(  # closed: not offered
        title="Last year's survey",
        opens_on=today - timedelta(days=400),
        closes_on=today - timedelta(days=300),
    )
    page = browser_page

    page.goto("/")
    assert page.page.url.endswith("/site/")
    assert page.page.get_by_role("link", name="Last year's survey").count() == 0

    page.follow("Multi-agency training", first=True)
    assert "/training/" in page.page.url
    _back_home(page)

    page.follow("Check a training certificate", first=True)
    assert page.page.get_by_role("button").first.is_visible()
    _back_home(page)

    page.follow("Growing up in Northshire", first=True)
    assert page.page.get_by_role("heading", name="Growing up in Northshire").first.is_visible()
    _back_home(page)

    page.follow("Toolkits, briefings and guidance", first=True)
    assert "/site/resources/" in page.page.url
