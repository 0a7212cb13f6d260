"""Real browser: a business unit officer schedules the board's next meeting, uploads and sends
its papers, records attendance, a decision and an action at the board's last meeting, and sees
the action on the next meeting's agenda. Every page is scanned with axe."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from safeguarding.accounts.models import User
from safeguarding.governance.models import Meeting
from safeguarding.partnership.demo import demo_email

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BOARD = "Safeguarding Children Partnership Board"


def test_officer_runs_a_meeting_cycle(
    seed_demo: Any, browser_page: Any, live_server: Any, tmp_path: Path
) -> None:
    seed_demo("learning", "actions", "governance")
    browser_page.sign_in(User.objects.get(email=demo_email("officer")))
    page = browser_page

    page.goto("/")
    assert page.page.get_by_role("heading", name="Meeting papers late").is_visible()
    page.goto("/governance/")
    page.page.get_by_role("link", name="Meetings", exact=True).click()
    page.page.wait_for_url("**/governance/meetings/")
    page.check()
    page.page.get_by_role("link", name=BOARD).first.click()
    page.page.wait_for_url("**/governance/groups/*/")
    page.check()

    # Schedule the next meeting.
    page.page.get_by_role("button", name="Schedule a meeting").click()
    page.page.wait_for_url("**/schedule/")
    page.check()
    day = timezone.localdate() + timedelta(days=60)
    page.fill_date("Date", day, exact=True)
    page.page.get_by_label("Start time").fill("10:00")
    page.page.get_by_label("End time").fill("12:00")
    page.page.get_by_label("Online meeting link").fill("https://meetings.example/board")
    page.page.get_by_role("button", name="Schedule meeting").click()
    page.page.wait_for_url("**/governance/meetings/*/")
    page.check()
    next_meeting_url = page.page.url

    # Upload a paper and send the papers.
    page.page.get_by_role("button", name="Upload a paper").click()
    page.page.wait_for_url("**/papers/add/")
    page.check()
    paper = tmp_path / "chairs-report.pdf"
    paper.write_bytes(b"%PDF-1.4\n% synthetic paper\n")
    page.page.get_by_label("Title").fill("Chair's report")
    page.page.get_by_label("Paper", exact=True).set_input_files(str(paper))
    page.page.get_by_role("button", name="Upload paper").click()
    page.page.wait_for_url("**/governance/meetings/*/")
    page.check()
    page.page.get_by_role("button", name="Send the papers to members").click()
    page.page.wait_for_url("**/papers/publish/")  # "Are you sure": sending cannot be undone
    page.check()
    assert page.page.get_by_text("You cannot undo this").is_visible()
    page.page.get_by_role("button", name="Send the papers to members").click()
    page.page.wait_for_url("**/governance/meetings/*/")
    page.check()
    assert page.page.get_by_text("The papers have been sent").is_visible()

    # The board's last meeting: attendance, a decision and an action.
    last = (
        Meeting.objects.filter(group__name=BOARD, starts_at__lt=timezone.now())
        .order_by("-starts_at")
        .first()
    )
    assert last is not None
    page.goto(f"/governance/meetings/{last.pk}/")
    page.page.get_by_role("button", name="Record attendance").click()
    page.page.wait_for_url("**/attendance/")
    page.check()
    page.page.get_by_label("Apologies").first.check()
    page.page.get_by_role("button", name="Save attendance").click()
    page.page.wait_for_url("**/governance/meetings/*/")
    page.check()

    page.page.get_by_role("button", name="Record a decision").click()
    page.page.wait_for_url("**/decisions/add/")
    page.check()
    page.page.get_by_label("Decision").fill("Adopt the single neglect assessment tool.")
    page.page.get_by_role("button", name="Save decision").click()
    page.page.wait_for_url("**/governance/meetings/*/")
    page.check()
    assert page.page.get_by_text("Adopt the single neglect assessment tool.").is_visible()

    page.page.get_by_role("button", name="Record an action").click()
    page.page.wait_for_url("**/actions/add/")
    page.check()
    page.page.get_by_label("Action").fill("Brief every team on the new neglect tool.")
    page.page.get_by_label("Owner agency").select_option(label="Children Social Care")
    page.fill_date("Due date", timezone.localdate() + timedelta(days=30))
    page.page.get_by_role("button", name="Save action").click()
    page.page.wait_for_url("**/governance/meetings/*/")
    page.check()

    # It is on the next meeting's agenda, to follow up.
    page.goto(next_meeting_url)
    assert page.page.get_by_text("Brief every team on the new neglect tool.").first.is_visible()

    # The year's figures (the report's governance part), a priority and the public page.
    page.goto("/governance/figures/?year=2020-21")
    assert page.page.get_by_role("table", name="Attendance by agency").is_visible()
    page.goto("/governance/priorities/")
    page.page.get_by_role("link", name="Priority 1:").click()
    page.page.wait_for_url("**/governance/priorities/*/")
    page.check()
    assert page.page.get_by_role("heading", name="Evidence").is_visible()
    page.goto("/governance/published-arrangements/")
    assert page.page.get_by_role("link", name="Download the arrangements (PDF)").is_visible()
    page.goto("/governance/arrangements/")
    assert page.page.get_by_text("Lead safeguarding partner").first.is_visible()
    page.goto("/governance/funding/")
    page.goto(next_meeting_url.replace(live_server.url, "") + "move/")
    page.goto("/governance/meetings/")
