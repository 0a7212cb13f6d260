"""Real browser: an administrator adds, renames and retires a theme; a practitioner searches
the learning and opens a learning point's page. Every page is scanned with axe."""

from __future__ import annotations

from datetime import date

import pytest

from safeguarding.accounts.roles import Role
from safeguarding.learning import services
from safeguarding.learning.models import LearningPoint
from safeguarding.partnership.tests.factories import AgencyFactory, GroupFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_administrator_adds_renames_and_retires_a_theme(browser_page, make_user) -> None:
    browser_page.sign_in(make_user(Role.PARTNERSHIP_ADMIN))
    page = browser_page
    page.goto("/learning/themes/")
    page.press("Add a theme", url="**/themes/add/")

    page.press("Add theme")
    assert page.page.locator(".govuk-error-summary").is_visible()

    page.page.get_by_label("Name").fill("Farm animals")
    page.press("Add theme", url="**/learning/themes/")
    page.follow("Farm animals", url="**/learning/themes/*/")

    page.press("Rename", url="**/rename/")
    page.page.get_by_label("New name").fill("Livestock")
    page.press("Rename theme", url="**/learning/themes/*/")
    assert page.page.get_by_role("cell", name="Farm animals").is_visible()  # name history

    page.press("Retire")
    assert page.page.get_by_role("button", name="Reinstate").is_visible()


def test_practitioner_searches_learning_and_opens_a_point(browser_page, make_user) -> None:
    theme = services.theme_create(actor=None, name="Farm animals")
    services.learning_point_record(
        actor=None,
        source=GroupFactory.create(),
        source_kind=LearningPoint.SourceKind.CSPR,
        title="Keep young children away from livestock",
        summary="Ask families about animals on the farm.",
        recorded_on=date(2021, 3, 31),
        themes=[theme],
        is_published=True,
    )
    browser_page.sign_in(make_user((Role.PRACTITIONER, AgencyFactory.create())))
    page = browser_page
    page.goto("/learning/")
    page.page.get_by_label("Search learning").fill("livestock")
    page.page.get_by_label("Theme").select_option(label="Farm animals (1)")
    page.press("Search", url="**/learning/?**")
    page.follow("Keep young children away from livestock", url="**/learning/points/*/")
    assert page.page.get_by_text("2020-21").is_visible()
