"""Real browser: a business unit officer adds an agency and sees it listed, then views the
governance tree. Every page is scanned with axe."""

from __future__ import annotations

from typing import Any

import pytest

from safeguarding.accounts.roles import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_add_an_agency_and_see_it_listed(seed_demo: Any, browser_page, make_user) -> None:
    seed_demo()
    officer = make_user(Role.BUSINESS_UNIT)
    browser_page.sign_in(officer)
    page = browser_page
    page.goto("/partnership/")
    page.page.get_by_role("link", name="Agencies").first.click()
    page.page.wait_for_url("**/partnership/agencies/")
    page.check()
    page.press("Add an agency", url="**/agencies/add/")

    # Submitting nothing shows the error summary, linked to the field.
    page.press("Add agency")
    assert page.page.locator(".govuk-error-summary").is_visible()

    page.page.get_by_label("Name").fill("Synthetic Youth Charity")
    page.page.get_by_label("Sector").select_option(label="Voluntary and community")
    page.page.get_by_label("Area").select_option(label="Peterborough")
    page.press("Add agency", url="**/partnership/agencies/")
    assert page.page.get_by_text("Synthetic Youth Charity has been added.").is_visible()
    assert page.page.get_by_role("link", name="Synthetic Youth Charity").is_visible()


def test_view_the_governance_tree(seed_demo: Any, browser_page, make_user) -> None:
    seed_demo()
    scrutineer = make_user(Role.SCRUTINEER)
    browser_page.sign_in(scrutineer)
    page = browser_page
    page.goto("/partnership/governance/")
    svg = page.page.locator("figure svg")
    assert svg.is_visible()
    # One box per group in use: the demo's boards and subgroups, and the governance and
    # exploitation demos' groups (counted here from the records, not a fixed number).
    from safeguarding.partnership.models import Group

    assert svg.locator("rect").count() == Group.objects.filter(archived_at__isnull=True).count()
    listed = page.page.locator("#governance-text + ul a")
    assert listed.first.inner_text() == "Executive Safeguarding Partnership Board"
    assert page.page.get_by_role("link", name="Quality & Effectiveness Group").is_visible()


def test_page_through_the_people_list(browser_page, make_user) -> None:
    """GOV.UK pagination: the count, page numbers and Next / Previous, keeping the search."""
    from safeguarding.accounts.tests.factories import UserFactory

    for number in range(57):
        UserFactory.create(full_name=f"Synthetic Paging Person {number:02d}")
    officer = make_user(Role.PARTNERSHIP_ADMIN)
    browser_page.sign_in(officer)
    page = browser_page
    page.goto("/partnership/people/")
    page.page.get_by_label("Search by name or e-mail address").fill("Synthetic Paging")
    page.press("Search")
    assert page.page.get_by_text("57 people").is_visible()
    rows = page.page.locator("tbody tr")
    assert rows.count() == 50

    page.follow("Next page", url="**page=2")
    assert rows.count() == 7
    assert "Synthetic+Paging" in page.page.url
    assert page.page.locator('[aria-current="page"]').inner_text() == "2"

    page.follow("Previous page", url="**page=1")
    assert rows.count() == 50
