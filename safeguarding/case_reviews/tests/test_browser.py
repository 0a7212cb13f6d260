"""Real browser: a notification through rapid review, decision, CSPR and publication; an agency
lead updates the review's action; the finding's theme appears in the library and its trend.
Every page is scanned with axe."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from safeguarding.accounts.roles import Role
from safeguarding.actions.models import Action
from safeguarding.learning import services as learning_services
from safeguarding.learning.models import Theme
from safeguarding.partnership.tests.factories import AgencyFactory, AreaFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _theme(name: str) -> Theme:
    return Theme.objects.filter(name=name).first() or learning_services.theme_create(
        actor=None, name=name
    )


def _stage(page: Any, stage: str, on: str, **extra: str) -> None:
    page.follow("Record the next stage", url="**/stage/")
    page.page.get_by_label(stage, exact=True).check()
    page.fill_date("Date", date.fromisoformat(on), exact=True)
    for label, value in extra.items():
        page.page.get_by_label(label).fill(value)
    if stage in {"Signed off by the Board", "Published", "Not published"}:
        page.page.get_by_label("I understand that signing off").check()  # cannot be undone
    page.press("Save stage", url="**/reviews/*/")


def test_notification_to_published_review_to_learning(browser_page: Any, make_user: Any) -> None:
    _theme("Dog attacks")
    area = AreaFactory.create(name="Testshire")
    agency = AgencyFactory.create(name="Testshire Police")
    officer = make_user(Role.BUSINESS_UNIT)
    lead = make_user((Role.AGENCY_LEAD, agency))
    today = timezone.localdate()
    aware, notified = today - timedelta(days=30), today - timedelta(days=28)
    decided = today - timedelta(days=10)
    page = browser_page

    # A notification with a child, whose identity panel is viewed (and listed as viewed).
    page.sign_in(officer)
    page.goto("/case-reviews/")
    page.follow("Record a notification", url="**/notifications/add/")
    page.press("Record notification")
    assert page.page.locator(".govuk-error-summary").is_visible()
    page.page.get_by_label("Area where the incident happened").select_option(label=area.name)
    page.page.get_by_label("Death", exact=True).check()
    page.fill_date("Date the local authority became aware", aware)
    page.fill_date("Date notified to the national Panel", notified)
    page.page.get_by_label("Testshire Police").check()
    page.press("Record notification", url="**/notifications/*/")
    page.follow("Add a child", url="**/children/add/")
    page.page.get_by_label("Pseudonym").fill("Robin")
    page.page.get_by_label("Full name").fill("Synthetic Person")
    page.press("Add child", url="**/notifications/*/")
    page.follow("View identity panel for Robin", url="**/identity/")
    assert page.page.get_by_text("Synthetic Person").is_visible()
    page.follow("Back to", url="**/notifications/*/")
    assert page.page.get_by_role("cell", name="identity panel", exact=True).is_visible()
    assert page.page.get_by_role("cell", name=officer.email).first.is_visible()

    # Rapid review: decision met, sent to the Panel, which agrees.
    page.follow("Open the rapid review", url="**/rapid-reviews/*/")
    page.follow("Record the meeting, decision or Panel response", url="**/rapid-reviews/*/change/")
    page.fill_date("Meeting date", decided)
    page.page.get_by_label("Criteria for a local review met", exact=True).check()
    page.page.get_by_label("Reasons for the decision").fill("Learning about working together.")
    page.fill_date("Date of the decision", decided)
    page.fill_date("Date sent to the Panel", decided)
    page.page.get_by_label("Agrees", exact=True).check()
    page.fill_date("Date of the Panel's response", today)
    page.press("Save rapid review", url="**/rapid-reviews/*/")

    # The CSPR: commissioned, through its stages, published; a finding and an action.
    page.follow("Commission a CSPR", url="**/commission/")
    page.page.get_by_label("Pseudonym for the review").fill("Sparrow")
    page.fill_date("Date commissioned", decided)
    page.press("Commission review", url="**/reviews/*/")
    _stage(page, "In progress", decided.isoformat())
    _stage(page, "Report received", today.isoformat())
    _stage(page, "Signed off by the Board", today.isoformat())
    _stage(
        page,
        "Published",
        today.isoformat(),
        **{"Link to the published report": "https://www.example.org/sparrow"},
    )
    assert page.page.get_by_text("Published", exact=True).first.is_visible()
    page.follow("Add a finding", url="**/findings/add/")
    page.page.get_by_label("Title").fill("Never leave a baby alone with a dog")
    page.page.get_by_label("What practitioners should know").fill("Even for a moment.")
    page.page.get_by_label("Dog attacks").check()
    page.fill_date("Date the learning was agreed", today)
    page.press("Add finding", url="**/reviews/*/")
    page.follow("Add an action", url="**/actions/add/")
    page.page.get_by_label("Action", exact=True).fill("Write a dog safety resource pack.")
    page.page.get_by_label("Owner agency").select_option(label="Testshire Police")
    page.fill_date("Due date", today + timedelta(days=60))
    page.press("Add action", url="**/reviews/*/")

    # The agency lead updates their agency's action.
    action = Action.objects.get()
    page.sign_in(lead)
    page.goto(f"/actions/{action.pk}/")
    page.press("Add a progress update", url="**/progress/")
    page.page.get_by_label("What has happened").fill("Draft pack shared for comment.")
    page.page.get_by_label("On track", exact=True).check()
    page.press("Save update", url="**/actions/*/")
    action.refresh_from_db()
    assert action.status == Action.Status.ON_TRACK

    # The finding is in the library and its theme in the trend.
    page.goto("/learning/?q=Sparrow")
    assert page.page.get_by_role("link", name="Never leave a baby alone with a dog").is_visible()
    page.goto("/learning/trends/")
    assert page.page.get_by_role("rowheader", name="Dog attacks").is_visible()


def test_agency_lead_submits_a_chronology_and_scrutineer_reads_a_summary(
    browser_page: Any, make_user: Any
) -> None:
    from safeguarding.case_reviews import services
    from safeguarding.case_reviews.tests.factories import PracticeReviewFactory

    agency = AgencyFactory.create(name="Testshire Health")
    officer = make_user(Role.BUSINESS_UNIT)
    lead = make_user((Role.AGENCY_LEAD, agency))
    today = timezone.localdate()
    notification = services.incident_notification_create(
        actor=officer,
        area=AreaFactory.create(),
        incident_type="serious_harm",
        aware_on=today - timedelta(days=3),
    )
    services.child_add(actor=officer, notification=notification, pseudonym="Robin")
    services.agency_request_create(
        actor=officer,
        rapid_review=notification.rapid_review,
        agency=agency,
        contact=lead,
        context="Contacts with the family since January.",
        due_on=today + timedelta(days=5),
    )
    review = PracticeReviewFactory.create(title="Kestrel", summary="A de-identified summary.")
    page = browser_page

    # The named contact opens the request: the child's pseudonym and the panel's context.
    page.sign_in(lead)
    page.goto("/case-reviews/")
    page.follow(f"Chronology request for {notification.reference}", url="**/requests/*/")
    assert page.page.get_by_text("Robin", exact=True).is_visible()
    assert page.page.get_by_text("Contacts with the family since January.").is_visible()
    page.press("Submit")
    assert page.page.locator(".govuk-error-summary").is_visible()
    page.page.get_by_label("Your agency's chronology or information").fill("Seen twice in May.")
    page.page.get_by_label("Attach files").set_input_files(
        {
            "name": "chronology.pdf",
            "mimeType": "application/pdf",
            "buffer": b"%PDF-1.4\n% synthetic chronology\n%%EOF\n",
        }
    )
    page.press("Submit", url="**/case-reviews/")
    from safeguarding.case_reviews.models import AgencyRequest

    submitted = AgencyRequest.objects.get()
    assert (submitted.response, submitted.submitted_by) == ("Seen twice in May.", lead)
    assert [d.original_name for d in submitted.documents.all()] == ["chronology.pdf"]
    page.goto(f"/case-reviews/requests/{submitted.pk}/")
    page.check()
    assert page.page.get_by_role("link", name="Download chronology.pdf").is_visible()
    page.goto("/case-reviews/requests/?state=answered")
    page.check()

    page.sign_in(make_user(Role.SCRUTINEER))
    for path in (
        "/case-reviews/reviews/",
        "/case-reviews/notifications/",
        "/case-reviews/deadlines/",
    ):
        page.goto(path)
        page.check()
    page.goto(f"/case-reviews/notifications/{notification.pk}/")
    assert not page.page.get_by_text("Robin").is_visible()
    page.goto(f"/case-reviews/reviews/{review.pk}/")
    assert page.page.get_by_text("A de-identified summary.").is_visible()
    assert not page.page.get_by_role("link", name="Change details").is_visible()
