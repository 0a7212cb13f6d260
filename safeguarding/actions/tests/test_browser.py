"""Real browser: an agency lead finds their action from "My work" and records progress with
evidence; an officer records a plan review. Every page is scanned with axe."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from safeguarding.accounts.models import User
from safeguarding.partnership.demo import demo_email

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_agency_lead_records_progress_with_evidence(
    seed_demo: Any, browser_page: Any, tmp_path: Path
) -> None:
    seed_demo("learning", "actions")
    browser_page.sign_in(User.objects.get(email=demo_email("agency.lead")))
    page = browser_page

    page.goto("/")
    assert page.page.get_by_role("heading", name="Your actions").is_visible()
    # the actions demo's own action (other apps' demo plans may have an overdue Action 1)
    page.follow("Action 1: Brief all response officers", url="**/actions/*/")
    page.press("Add a progress update", url="**/progress/")

    page.page.get_by_role("button", name="Save update").click()  # nothing entered
    page.page.wait_for_load_state("load")
    page.check()
    assert page.page.locator(".govuk-error-summary").is_visible()

    evidence = tmp_path / "briefing-register.pdf"
    evidence.write_bytes(b"%PDF-1.4 synthetic")
    page.page.get_by_label("What has happened").fill("Three of four shifts briefed.")
    page.page.get_by_label("At risk").check()
    page.page.get_by_label("Evidence").set_input_files(str(evidence))
    page.press("Save update", url="**/actions/*/")
    assert page.page.get_by_role("link", name="briefing-register.pdf").is_visible()
    assert page.page.locator(".govuk-tag--orange", has_text="At risk").first.is_visible()

    page.goto("/actions/")
    page.goto("/actions/plans/")


def test_officer_records_a_plan_review(seed_demo: Any, browser_page: Any) -> None:
    seed_demo("learning", "actions")
    browser_page.sign_in(User.objects.get(email=demo_email("officer")))
    page = browser_page

    page.goto("/actions/plans/")
    page.follow("Multi-agency neglect audit", url="**/actions/plans/*/")
    assert page.page.locator(".govuk-tag--red", has_text="Overdue").first.is_visible()
    page.page.get_by_label("Notes from the review").fill("Reviewed at the QEG meeting.")
    page.press("Record review", url="**/actions/plans/*/")
    assert page.page.get_by_text("The review has been recorded.").is_visible()
