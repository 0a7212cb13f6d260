"""Real browser journeys on the public website, every page scanned with axe:

* a parent on a phone finds who to call about a child in a district, reads a page for
  families (with "Exit this page") and opens a resource;
* the business unit publishes a new version of a resource and sees it in search, and a
  confirmed subscriber to its topic is sent a notice;
* a parent on a phone answers the sexual behaviours tool and sees its guidance, then opens a
  published case review (key message, learning, briefing and final report).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from safeguarding.accounts.roles import Role
from safeguarding.case_reviews.models import PracticeReview
from safeguarding.case_reviews.tests.factories import PracticeReviewFactory
from safeguarding.learning.tests.factories import LearningPointFactory
from safeguarding.partnership.tests.factories import AreaFactory
from safeguarding.website import services
from safeguarding.website.models import Audience, Subscription
from safeguarding.website.tests.factories import (
    DistrictFactory,
    FrontDoorFactory,
    PageFactory,
    ResourceFactory,
    TopicFactory,
)
from safeguarding.website.tests.test_tools import _tool as behaviours_tool

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 375, "height": 667}
PDF = b"%PDF-1.4\n%%EOF\n"


def test_a_parent_on_a_phone_finds_who_to_call_reads_a_page_and_a_resource(
    browser_page: Any, officer: Any
) -> None:
    area = AreaFactory.create(name="Northshire")
    district = DistrictFactory.create(area=area, name="North Vale")
    DistrictFactory.create(area=area, name="South Vale")
    FrontDoorFactory.create(area=area, name="Northshire front door")
    FrontDoorFactory.create(
        area=area, district=district, name="North Vale family hub", phone="01632 960 555"
    )
    topic = TopicFactory.create(name="Safer sleep", slug="safer-sleep")
    PageFactory.create(
        slug="safer-sleep-for-babies", title="Safer sleep for babies", kind="topic",
        audience=Audience.PARENTS, topic=topic, body="Put your baby **on their back**.",
    )  # fmt: skip
    resource = ResourceFactory.create(
        slug="safer-sleep-leaflet", title="Safer sleep leaflet", topic=topic
    )
    services.resource_version_add(
        actor=officer, resource=resource, file=SimpleUploadedFile("leaflet.pdf", PDF),
        published_on=date(2026, 1, 1), review_on=date(2027, 1, 1),
    )  # fmt: skip
    page = browser_page
    p = page.page
    p.set_viewport_size(PHONE)

    page.goto("/site/")
    page.follow("Report a concern about a child")
    page.press("Continue")  # nothing chosen: the error summary says what to do
    assert p.locator(".govuk-error-summary").is_visible()
    p.get_by_label("Northshire").check()
    page.press("Continue")
    p.get_by_label("North Vale").check()
    page.press("Continue")
    assert p.get_by_text("North Vale family hub").is_visible()
    assert p.get_by_text("01632 960 555").is_visible()
    assert p.get_by_role("button", name="Emergency Exit this page").is_visible()

    page.goto("/site/pages/safer-sleep-for-babies/")
    assert p.get_by_role("heading", name="Safer sleep for babies", level=1).is_visible()
    assert p.get_by_role("button", name="Emergency Exit this page").is_visible()
    page.follow("Safer sleep leaflet")
    with p.expect_download() as download:
        p.get_by_role("link", name="Download Safer sleep leaflet (version 1, PDF)").click()
    assert download.value.suggested_filename == "safer-sleep-leaflet-version-1.pdf"


def test_the_business_unit_publishes_a_version_that_search_and_subscribers_see(
    browser_page: Any, make_user: Any, run_tasks: Any
) -> None:
    officer = make_user(Role.BUSINESS_UNIT)
    topic = TopicFactory.create(name="Neglect", slug="neglect")
    resource = ResourceFactory.create(slug="neglect-toolkit", title="Neglect toolkit", topic=topic)
    services.resource_version_add(
        actor=officer, resource=resource, file=SimpleUploadedFile("v1.pdf", PDF),
        published_on=date(2026, 1, 1), review_on=date(2027, 1, 1),
    )  # fmt: skip
    services.subscription_request(email="reader@example.org", topics=[topic])
    services.subscription_confirm(token=Subscription.objects.get().token)
    run_tasks()
    mail.outbox.clear()

    page = browser_page
    p = page.page
    page.sign_in(officer)
    page.goto("/site/manage/")
    page.follow("Add a version of Neglect toolkit")
    p.get_by_label("Upload a file").set_input_files(
        files=[{"name": "toolkit-v2.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    p.get_by_label("What changed").fill("New section on school-age children")
    page.fill_date("Publication date", date(2026, 12, 1))
    page.fill_date("Review date", date(2027, 12, 1))
    page.press("Add version")
    assert p.get_by_text("Version 2 of “Neglect toolkit” has been published.").is_visible()

    page.goto("/site/search/?q=neglect")
    page.follow("Neglect toolkit")
    assert p.get_by_text("Download Neglect toolkit (version 2, PDF)").is_visible()
    assert p.get_by_role("row", name="Version 1 Superseded").is_visible()

    run_tasks()
    assert [m.to for m in mail.outbox] == [["reader@example.org"]]
    assert "New section on school-age children" in mail.outbox[0].body


def test_a_parent_on_a_phone_uses_the_behaviours_tool_and_reads_a_published_review(
    browser_page: Any, officer: Any
) -> None:
    behaviours_tool(officer)
    review = PracticeReviewFactory.create(
        title="Kestrel", status=PracticeReview.Status.PUBLISHED,
        signed_off_on=date(2021, 1, 10), published_on=date(2021, 2, 8),
        key_message="Ask every family about the dogs in the home.",
    )  # fmt: skip
    review.final_report.save("a1b2c3.pdf", ContentFile(PDF))
    review.final_report_for_publication = True
    review.save()
    LearningPointFactory.create(source=review, title="Ask about dogs at every visit")
    ResourceFactory.create(title="Kestrel 7-minute briefing", practice_review=review)
    page = browser_page
    p = page.page
    p.set_viewport_size(PHONE)

    page.goto("/site/")
    page.follow("Behaviours tool")
    assert p.get_by_role("button", name="Emergency Exit this page").is_visible()
    p.get_by_role("group", name="Was it play between children of a similar age?").get_by_label(
        "Not sure"
    ).check()
    p.get_by_role("group", name="Was the child asked to keep it secret?").get_by_label(
        "Yes"
    ).check()
    page.press("See the guidance")
    assert p.get_by_role("heading", name="Red").is_visible()
    assert p.get_by_text("Report a concern now").is_visible()
    assert p.get_by_text("We have not kept your answers.").is_visible()

    page.goto("/site/")
    page.follow("Published case reviews")
    page.follow("Kestrel")
    assert p.get_by_role("heading", name="Kestrel", level=1).is_visible()
    assert p.get_by_text("Ask every family about the dogs in the home.").is_visible()
    assert p.get_by_role("link", name="Ask about dogs at every visit").is_visible()
    assert p.get_by_role("link", name="Kestrel 7-minute briefing").is_visible()
    with p.expect_download() as download:
        p.get_by_role("link", name="Download the final report of the Kestrel review").click()
    assert download.value.suggested_filename == "kestrel-final-report.pdf"
