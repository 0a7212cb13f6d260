"""Real browser: an officer starts a yearly report and writes a section with a figure (with a
preview), the three lead partners sign it off, the officer publishes it, and a visitor who is
not signed in reads the public page and downloads the PDF. Every page is scanned with axe."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pypdf import PdfReader

from safeguarding.accounts.models import User
from safeguarding.annual_reports.models import ReportEdition

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_yearly_report_from_draft_to_public_page_and_pdf(
    browser_page: Any,
    live_server: Any,
    officer: User,
    signers: dict[str, User],
) -> None:
    page = browser_page
    page.sign_in(officer)

    page.goto("/annual-reports/")
    page.follow("Start a yearly report", url="**/editions/add/")
    page.page.get_by_label("Reporting year").fill("2021-22")
    page.press("Start the report", url="**/editions/*/")
    edition = ReportEdition.objects.get(year_label="2021-22")

    page.follow("Change Foreword", url="**/sections/*/edit/")
    page.page.get_by_label("Narrative").fill(
        "We were told of {{ child_deaths.notified }} deaths and trained "
        "{{ training.attended }} people."
    )
    page.press("Preview")
    assert page.page.get_by_text("We were told of 0 deaths and trained 0 people.").is_visible()
    page.press("Save the section", url="**/editions/*/")
    page.press("Send for sign-off", url="**/editions/*/")

    for user in signers.values():
        page.sign_in(user)
        page.goto(f"/annual-reports/editions/{edition.pk}/")
        page.follow("Sign off the report", url="**/sign-off/")
        page.press("Sign off the report", url="**/editions/*/")

    page.sign_in(officer)
    page.goto(f"/annual-reports/editions/{edition.pk}/")
    page.follow("Publish", url="**/publish/")
    page.press("Publish", url="**/editions/*/")
    assert page.page.get_by_text("Version 1 has been published.").is_visible()

    page.page.context.clear_cookies()
    page.goto("/reports/2021-22/")
    assert page.page.get_by_role("heading", name="Annual report 2021-22", level=1).is_visible()
    assert page.page.get_by_text("We were told of 0 deaths and trained 0 people.").is_visible()
    link = page.page.get_by_role("link", name="Download this report as a PDF")
    response = page.page.request.get(live_server.url + link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(response.body()))
    assert "/StructTreeRoot" in pdf.root_object
    assert "We were told of 0 deaths" in "".join(p.extract_text() for p in pdf.pages)
