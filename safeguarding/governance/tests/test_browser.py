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
    page.follow("Meetings", exact=True, url="**/governance/meetings/")
    page.page.get_by_role("link", name=BOARD).first.click()
    page.page.wait_for_url("**/governance/groups/*/")
    page.check()

    # Schedule the next meeting.
    page.press("Schedule a meeting", url="**/schedule/")
    day = timezone.localdate() + timedelta(days=60)
    page.fill_date("Date", day, exact=True)
    page.page.get_by_label("Start time").fill("10:00")
    page.page.get_by_label("End time").fill("12:00")
    page.page.get_by_label("Online meeting link").fill("https://meetings.example/board")
    page.press("Schedule meeting", url="**/governance/meetings/*/")
    next_meeting_url = page.page.url

    # Upload a paper and send the papers.
    page.press("Upload a paper", url="**/papers/add/")
    paper = tmp_path / "chairs-report.pdf"
    paper.write_bytes(b"%PDF-1.4\n% synthetic paper\n")
    page.page.get_by_label("Title").fill("Chair's report")
    page.page.get_by_label("Paper", exact=True).set_input_files(str(paper))
    page.press("Upload paper", url="**/governance/meetings/*/")
    page.page.get_by_role("button", name="Send the papers to members").click()
    page.page.wait_for_url("**/papers/publish/")  # "Are you sure": sending cannot be undone
    page.check()
    assert page.page.get_by_text("You cannot undo this").is_visible()
    page.press("Send the papers to members", url="**/governance/meetings/*/")
    assert page.page.get_by_text("The papers have been sent").is_visible()

    # The board's last meeting: attendance, a decision and an action.
    last = (
        Meeting.objects.filter(group__name=BOARD, starts_at__lt=timezone.now())
        .order_by("-starts_at")
        .first()
    )
    assert last is not None
    page.goto(f"/governance/meetings/{last.pk}/")
    page.press("Record attendance", url="**/attendance/")
    page.page.get_by_label("Apologies").first.check()
    page.press("Save attendance", url="**/governance/meetings/*/")

    page.press("Record a decision", url="**/decisions/add/")
    page.page.get_by_label("Decision").fill("Adopt the single neglect assessment tool.")
    page.press("Save decision", url="**/governance/meetings/*/")
    assert page.page.get_by_text("Adopt the single neglect assessment tool.").is_visible()

    page.press("Record an action", url="**/actions/add/")
    page.page.get_by_label("Action").fill("Brief every team on the new neglect tool.")
    page.page.get_by_label("Owner agency").select_option(label="Children Social Care")
    page.fill_date("Due date", timezone.localdate() + timedelta(days=30))
    page.press("Save action", url="**/governance/meetings/*/")

    # It is on the next meeting's agenda, to follow up.
    page.goto(next_meeting_url)
    assert page.page.get_by_text("Brief every team on the new neglect tool.").first.is_visible()

    # The year's figures (the report's governance part), a priority and the public page.
    page.goto("/governance/figures/?year=2020-21")
    assert page.page.get_by_role("table", name="Attendance by agency").is_visible()
    page.goto("/governance/priorities/")
    page.follow("Priority 1:", url="**/governance/priorities/*/")
    assert page.page.get_by_role("heading", name="Evidence").is_visible()
    page.goto("/governance/published-arrangements/")
    assert page.page.get_by_role("link", name="Download the arrangements (PDF)").is_visible()
    page.goto("/governance/arrangements/")
    assert page.page.get_by_text("Lead safeguarding partner").first.is_visible()
    page.goto("/governance/funding/")
    page.goto(next_meeting_url.replace(live_server.url, "") + "move/")
    page.goto("/governance/meetings/")
