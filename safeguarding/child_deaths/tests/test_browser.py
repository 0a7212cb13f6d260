"""Real browser: a CDOP manager notifies a death, sends a reporting form, the agency's lead
returns it on the secure page, the manager adds a panel meeting, and the panel member records
the completed review. Every page is scanned with axe."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from safeguarding.accounts.roles import Role
from safeguarding.child_deaths.models import ChildDeathNotification, InformationRequest
from safeguarding.child_deaths.tests.factories import nhs_number_make
from safeguarding.partnership.tests.factories import AgencyFactory, AreaFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _reference_data(transactional_db: None) -> None:
    """The categories of death and the national themes come from data migrations, which an
    earlier transactional test's flush empties: put them back the way the migrations do."""
    from importlib import import_module

    from django.apps import apps

    from safeguarding.child_deaths.models import DeathCategory
    from safeguarding.learning.models import Theme

    if not DeathCategory.objects.exists():
        import_module("safeguarding.child_deaths.migrations.0002_seed_death_categories").seed(
            apps, None
        )
    if not Theme.objects.exists():
        import_module("safeguarding.learning.migrations.0002_seed_national_themes").seed_themes(
            apps, None
        )


def test_from_notification_to_completed_review(browser_page: Any, make_user: Any) -> None:
    AreaFactory.create(name="Synthshire")
    agency = AgencyFactory.create(name="Synthetic Health Trust")
    manager = make_user(Role.CDOP_MANAGER, full_name="Cal Testmanager")
    panel = make_user(Role.CDOP_PANEL, full_name="Dee Testpanel")
    lead = make_user((Role.AGENCY_LEAD, agency), full_name="Fay Testlead")
    page = browser_page
    web = page.page

    # The manager notifies a death; an empty submission first shows the error summary.
    page.sign_in(manager)
    page.goto("/child-deaths/")
    page.follow("Cases", exact=True, url="**/child-deaths/cases/")
    page.press("Notify a death", url="**/cases/notify/")
    page.press("Save notification")
    assert web.locator(".govuk-error-summary").is_visible()

    web.get_by_label("Child's full name").fill("Rowan Testchild")
    page.fill_date("Date of birth", date(2019, 5, 4))
    web.get_by_label("NHS number").fill(nhs_number_make())
    web.get_by_label("Male", exact=True).check()
    web.get_by_label("Area of residence").select_option(label="Synthshire")
    page.fill_date("Date of death", date(2020, 6, 1))
    web.get_by_label("Place of death").select_option(label="Hospital")
    web.get_by_label("Unexpected", exact=True).check()
    page.fill_date("Date notified", date(2020, 6, 2))
    web.get_by_label("Notified by (name and role)").fill("Designated doctor (test)")
    page.press("Save notification", url="**/child-deaths/cases/*/")
    case = ChildDeathNotification.objects.get()
    assert web.get_by_role("heading", name=case.reference).is_visible()
    assert case.age_band == "1-4"

    # The manager sends the reporting form to the agency's named contact.
    page.press("Request information from an agency", url="**/requests/add/")
    web.get_by_label("Agency").select_option(label="Synthetic Health Trust")
    web.get_by_label("Named contact").fill("Demo Contact")
    web.get_by_label("Contact's e-mail address").fill("contact@agency.example")
    page.press("Send request", url=f"**/cases/{case.pk}/")
    assert web.get_by_text(
        "The reporting form has been sent to Synthetic Health Trust."
    ).is_visible()

    # The agency's lead returns the information on the secure page.
    page.sign_in(lead)
    page.goto("/child-deaths/requests/")
    page.follow(case.reference, url="**/child-deaths/requests/*/")
    web.get_by_label("Information your agency holds").fill("Two contacts with the family.")
    page.press("Return information", url="**/child-deaths/requests/")
    assert InformationRequest.objects.get().status == InformationRequest.Status.RETURNED

    # The manager puts the case on a panel meeting with the panel member.
    page.sign_in(manager)
    page.goto("/child-deaths/meetings/")
    page.press("Add a meeting", url="**/meetings/add/")
    web.get_by_label("CDOP panel meeting").check()
    web.get_by_label("Title").fill("Panel, test")
    page.fill_date("Meeting date", date(2021, 1, 20))
    web.get_by_label("Dee Testpanel").check()
    web.get_by_label(case.reference).check()
    page.press("Add meeting", url="**/meetings/*/")

    # The panel member records the completed review.
    page.sign_in(panel)
    page.goto(f"/child-deaths/cases/{case.pk}/")
    page.press("Record the panel review", url="**/review/")
    web.get_by_label("Category of death").select_option(
        label="10. Sudden unexpected, unexplained death"
    )
    web.get_by_label("Yes: modifiable factors identified").check()
    web.get_by_role("button", name="Save review").click()  # factors not named yet
    web.wait_for_load_state("load")
    page.check()
    assert web.locator(".govuk-error-summary").is_visible()
    web.get_by_label("The modifiable factors").fill("Unsafe sleeping arrangement")
    web.get_by_label("Family and social environment, and parenting: grading").select_option("2")
    page.fill_date("Date the review was completed", date(2021, 1, 20))
    page.press("Save review", url=f"**/cases/{case.pk}/")
    assert web.get_by_text("Review completed").first.is_visible()
    case.refresh_from_db()
    assert case.status == ChildDeathNotification.Status.REVIEWED
    assert case.review.completed_on == date(2021, 1, 20)


def test_demo_figures_and_case_pages(seed_demo: Any, browser_page: Any, make_user: Any) -> None:
    seed_demo("child_deaths")
    page = browser_page
    web = page.page
    page.sign_in(make_user(Role.SCRUTINEER))
    page.goto("/child-deaths/?year=2020-21")
    assert web.get_by_text("the deaths of 34 children were notified").is_visible()
    assert web.get_by_role(
        "table", name="Deaths notified in 2020-21 by area of residence"
    ).is_visible()
    assert web.get_by_role("link", name="Cases", exact=True).count() == 0

    page.sign_in(make_user(Role.CDOP_MANAGER))
    page.goto("/child-deaths/cases/")
    assert web.get_by_text("Awaiting inquest").first.is_visible()
    page.goto("/child-deaths/meetings/")
    page.follow("CDOP panel meeting, March 2021 (demo)", url="**/meetings/*/")
    page.goto("/child-deaths/requests/")
    page.goto("/")
    assert web.get_by_text("Open child death reviews").is_visible()

    # Every form page of a reviewed demo case passes axe too.
    from safeguarding.child_deaths.models import PanelReview

    reviewed = PanelReview.objects.filter(completed_on__isnull=False).first()
    assert reviewed is not None
    pk = reviewed.notification_id
    for path in (
        "",
        "change/",
        "archive/",
        "delay/",
        "requests/add/",
        "review/",
        "review/learning/",
        "review/actions/add/",
    ):
        page.goto(f"/child-deaths/cases/{pk}/{path}")
        assert web.locator("h1").is_visible()
    page.goto("/child-deaths/comparators/add/")
    page.goto("/child-deaths/meetings/add/")
