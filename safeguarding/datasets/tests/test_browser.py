"""Real browser: a data analyst uploads an Annex A workbook, watches the import's progress, checks
it (a warning shown), puts it in use, reads the figures, exports them and withdraws the import.
Every page is scanned with axe."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from safeguarding.accounts.roles import Role
from safeguarding.datasets.tests.builders import annex_a, child
from safeguarding.partnership.tests.factories import AgencyFactory, AreaFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_upload_watch_progress_read_figures_and_export(
    browser_page: Any,
    make_user: Any,
    run_tasks: Any,
    tmp_path: Path,
) -> None:
    area = AreaFactory.create(name="Northshire", la_number="873")
    analyst = make_user((Role.DATA_ANALYST, AgencyFactory.create(area=area)))
    rows = [child(f"C{n}") + [date(2020, 5, 1 + n % 20), "q) 6: Police"] for n in range(12)]
    workbook = annex_a(tmp_path / "annex-a.xlsx", {1: rows})
    browser_page.sign_in(analyst)
    page = browser_page

    page.goto("/data/imports/add/")
    page.press("Import")
    assert page.page.locator(".govuk-error-summary").is_visible()

    page.page.get_by_label("Area").select_option(label="Northshire")
    page.page.get_by_label("Period the return covers").fill("2020-21")
    page.page.get_by_label("Return file").set_input_files(str(workbook))
    page.page.get_by_role("button", name="Import").click()
    page.page.wait_for_url("**/data/imports/*/")
    page.check()
    assert page.page.locator("progress").is_visible()

    run_tasks()
    page.page.get_by_text("waiting for your check").first.wait_for()  # the page reloads itself
    page.check()
    assert not page.page.locator("progress").count()
    assert page.page.locator("#import-warnings").is_visible()
    assert "List 2 (early help)" in page.page.locator("#import-warnings").inner_text()

    page.page.get_by_role("button", name="Put the import in use").click()
    page.page.wait_for_url("**/confirm/")
    page.check()
    page.page.get_by_role("button", name="Put the import in use").click()  # box not ticked
    page.page.wait_for_load_state("load")
    page.check()
    assert page.page.locator(".govuk-error-summary").is_visible()
    page.page.get_by_label("I have looked at the figures").check()
    page.page.get_by_role("button", name="Put the import in use").click()
    page.page.get_by_text("The import is now in use").wait_for()
    page.check()

    page.page.get_by_role("link", name="See Northshire's figures").click()
    page.page.wait_for_url("**/data/areas/*/")
    page.check()
    contacts = page.page.locator("tr", has=page.page.get_by_role("rowheader", name="Contacts"))
    assert contacts.first.locator("td").first.inner_text() == "12"

    page.goto("/data/?year=2020-21")
    with page.page.expect_download() as download:
        page.page.get_by_role("link", name="Download the figures (CSV)").click()
    saved = Path(download.value.path()).read_text(encoding="utf-8")
    assert "2020-21,Northshire,Contacts,12," in saved

    page.goto("/data/imports/")
    page.page.get_by_role("link", name=re.compile(r"^Import \d+$")).first.click()
    page.page.get_by_role("button", name="Withdraw the import").click()
    page.page.wait_for_url("**/withdraw/")
    page.check()
    page.page.get_by_label("Why is the import withdrawn?").fill("Uploaded for the wrong year.")
    page.page.get_by_role("button", name="Withdraw the import").click()
    page.page.get_by_text("The import is withdrawn").wait_for()
    page.check()
    assert "withdrawn" in page.page.locator("h1").inner_text()


def test_definitions_imports_and_populations_pages_pass_axe(
    browser_page: Any, make_user: Any
) -> None:
    area = AreaFactory.create(name="Northshire", la_number="873")
    analyst = make_user((Role.DATA_ANALYST, AgencyFactory.create(area=area)))
    browser_page.sign_in(analyst)
    page = browser_page

    page.goto("/data/definitions/")
    assert page.page.get_by_role("rowheader", name="Children in care at 31 March").is_visible()
    page.goto("/data/imports/")
    page.goto("/data/populations/")
    page.page.get_by_label("Area").select_option(label="Northshire")
    page.page.get_by_label("Reporting year").fill("2020-21")
    page.page.get_by_label("Children aged 0 to 17").fill("120000")
    page.page.get_by_label("Source").fill("Synthetic estimate")
    page.page.get_by_role("button", name="Save population").click()
    page.page.wait_for_url("**/data/populations/")
    page.check()
    page.page.get_by_role("link", name="Change Northshire 2020").click()
    page.page.wait_for_url("**/change/")
    page.check()
