"""Real browser journeys, every page scanned with axe:

* an officer builds a survey questionnaire and sets up a survey; people answer it anonymously
  on a phone-sized screen (with "Exit this page"); the officer sees the results;
* an agency lead completes and submits a Section 11 return and an officer moderates it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from safeguarding.accounts.roles import Role
from safeguarding.assurance.models import Response, Section11Return
from safeguarding.assurance.tests.factories import cycle
from safeguarding.partnership.tests.factories import AgencyFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 900}


def test_build_a_survey_answer_it_on_a_phone_and_see_results(
    browser_page: Any, make_user: Any, settings: Any
) -> None:
    # One phone sends six answers here; the per-client limit (RATE_LIMIT_SURVEY, tested in
    # test_survey_stuffing) would refuse the sixth within the minute.
    settings.RATE_LIMIT_SURVEY = 10
    officer = make_user(Role.BUSINESS_UNIT)
    browser_page.sign_in(officer)
    page = browser_page
    web = page.page

    page.goto("/assurance/forms/create/")
    web.get_by_label("Name").fill("Online safety survey for young people")
    web.get_by_label("What the form is for").select_option(label="Survey questionnaire")
    page.press("Create form")
    page.press("Add a section")
    web.get_by_label("Section title").fill("About staying safe")
    page.press("Add section")
    page.press("Add a question")
    page.press("Add question")  # nothing filled in: the error summary shows
    assert web.locator(".govuk-error-summary").is_visible()
    web.get_by_label("Question", exact=True).fill("Do you know who to tell if something is wrong?")
    web.get_by_label("Short name").fill("who_to_tell")
    web.get_by_label("Type of answer").select_option(label="Choose one option")
    web.get_by_label("Options").fill("Yes\nNo\nNot sure")
    page.press("Add question")
    assert web.get_by_text("The question has been added.").is_visible()

    today = timezone.localdate()
    page.goto("/assurance/surveys/create/")
    web.get_by_label("Title").fill("Staying safe: tell us what you think")
    web.get_by_label("Who it is for").select_option(label="Children and young people")
    web.get_by_label("Questionnaire").select_option(label="Online safety survey for young people")
    page.fill_date("Opens on", today)
    page.fill_date("Closes on", today + dt.timedelta(days=30))
    page.press("Set up survey")
    public_url = web.locator("#public-link").get_attribute("href")
    assert public_url

    # Anonymous, on a phone: no session cookie at all.
    web.context.clear_cookies()
    web.set_viewport_size(PHONE)
    for answer in ["Yes", "Yes", "No", "Yes", "Not sure"]:
        web.goto(public_url)
        page.check()
        assert web.get_by_role("button", name="Emergency Exit this page").is_visible()
        web.get_by_label(answer, exact=True).check()
        page.press("Send my answers", url="**/thank-you/")
        assert web.get_by_role("heading", name="Thank you").is_visible()
    assert {c["name"] for c in web.context.cookies()} <= {"csrftoken"}
    assert Response.objects.count() == 5

    # On a phone: no Shift-key sentence; "Exit this page" stays in view while scrolling
    # (sticky: GOV.UK Frontend's component, started by initAll); Back after sending shows
    # no answers (the pages are no-store).
    web.goto(public_url)
    page.check()
    assert "Shift" not in web.locator("main").inner_text()
    assert web.locator(".govuk-exit-this-page[data-govuk-exit-this-page-init]").count() == 1
    web.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    box = web.get_by_role("button", name="Emergency Exit this page").bounding_box()
    assert box is not None
    assert 0 <= box["y"] < PHONE["height"]
    web.get_by_label("Not sure", exact=True).check()
    web.get_by_role("button", name="Send my answers").click()
    web.wait_for_url("**/thank-you/")
    web.go_back()
    web.wait_for_load_state("load")
    assert not web.get_by_label("Not sure", exact=True).is_checked()
    assert Response.objects.count() == 6

    web.set_viewport_size(DESKTOP)
    page.sign_in(officer)
    page.goto("/assurance/surveys/")
    page.follow("Staying safe: tell us what you think")
    assert web.locator("#respondents").inner_text().split("\n")[0] == "6"
    assert web.locator("svg[role=img]").count() == 1
    table = web.get_by_role(
        "table", name="Do you know who to tell if something is wrong?: answers"
    )
    assert table.locator("tbody tr").nth(0).inner_text().split() == ["Yes", "3", "50%"]


def test_agency_lead_submits_a_section11_return_and_an_officer_moderates_it(
    browser_page: Any, make_user: Any
) -> None:
    agency = AgencyFactory.create(name="Synthetic Community Health")
    lead = make_user((Role.AGENCY_LEAD, agency))
    officer = make_user(Role.BUSINESS_UNIT)
    today = timezone.localdate()
    c = cycle(
        agencies=[agency],
        label="2026-27" if today.month >= 4 else "2025-26",
        opens_on=today - dt.timedelta(days=7),
        deadline=today + dt.timedelta(days=30),
    )
    page = browser_page
    web = page.page

    page.sign_in(lead)
    page.goto("/assurance/")
    page.follow(f"{c.name}: Synthetic Community Health")
    page.press("Complete the self-assessment")
    web.get_by_label("Standard leadership: self-score").select_option(label="3: fully met")
    web.get_by_label("Standard leadership: evidence").fill(
        "Board minutes and a safeguarding policy."
    )
    web.get_by_label("Standard tools: self-score").select_option(label="2: mostly met")
    page.press("Save self-assessment")
    assert web.get_by_text("Your self-assessment has been saved.").is_visible()
    web.get_by_role("button", name="Submit the return").click()  # a link to "Are you sure"
    web.wait_for_load_state("load")
    page.check()
    assert web.get_by_role("heading", name="Are you sure you want to submit the return?")
    web.get_by_label("I confirm the self-assessment is complete").check()
    page.press("Submit the return")
    assert web.locator("#return-status").inner_text() == "Submitted"
    assert web.get_by_role("button", name="Submit the return").count() == 0

    page.sign_in(officer)
    page.goto(f"/assurance/section-11/{c.pk}/")
    page.follow("Synthetic Community Health")
    page.press("Moderate")
    web.get_by_label("Standard leadership: moderated score").select_option(label="2: mostly met")
    web.get_by_label("Standard leadership: comment").fill("Evidence covered one service only.")
    page.press("Save moderated scores")
    assert web.locator("#return-status").inner_text() == "Moderated"
    ret = Section11Return.objects.get()
    assert ret.status == Section11Return.Status.MODERATED
    scores = {s.standard.key: (s.self_score, s.moderated_score) for s in ret.scores.all()}
    assert scores == {"leadership": (3, 2), "tools": (2, 2)}


def test_scrutineer_reads_the_demo_results_pages(
    browser_page: Any, make_user: Any, live_server: Any
) -> None:
    from safeguarding.assurance import demo as assurance_demo
    from safeguarding.partnership import demo as partnership_demo

    partnership_demo.seed()
    assurance_demo.seed()
    scrutineer = make_user(Role.SCRUTINEER)
    browser_page.sign_in(scrutineer)
    page = browser_page
    web = page.page

    page.goto("/assurance/")
    for link, heading in [
        ("Section 11 self-assessment", "Section 11 self-assessment"),
        ("Section 11 self-assessment 2020-21", "Section 11 self-assessment 2020-21"),
    ]:
        page.follow(link, exact=True, first=True)
        assert web.get_by_role("heading", level=1).inner_text() == heading
    assert web.locator("svg[role=img]").count() == 10
    improved = web.locator("tr", has=web.get_by_text("Improved", exact=True))
    assert improved.count() == 4
    main = web.locator("tr", has=web.get_by_text("Main area for improvement", exact=True))
    assert "Use of safeguarding assessment tools" in main.inner_text()

    page.goto("/assurance/surveys/")
    page.follow("Child sexual abuse: a survey for professionals")
    assert web.locator("#respondents").inner_text().split("\n")[0] == "362"
    table = web.get_by_role(
        "table", name="Do you feel confident in reporting child sexual abuse?: answers"
    )
    assert table.locator("tbody tr").nth(0).inner_text().split() == ["Yes", "351", "97%"]

    for url in (
        "/assurance/audits/",
        "/assurance/commentary/",
        "/assurance/scrutiny/",
        "/assurance/professional-differences/",
        "/assurance/forms/",
    ):
        page.goto(url)
    web.goto(live_server.url + "/assurance/audits/")
    page.follow("Lived experience of the child: multi-agency audit 2020")
    page.follow("See the audit report (results per question)")
    assert web.locator("svg[role=img]").count() == 4
