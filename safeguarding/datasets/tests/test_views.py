"""Pages: the four cases for each view, exact or suppressed figures, an upload through the task."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.activity_log.models import ActivityEvent
from safeguarding.core.testing import ViewMatrix
from safeguarding.datasets import rules, services
from safeguarding.datasets.models import ImportBatch, Population
from safeguarding.datasets.tests.builders import annex_a, child
from safeguarding.partnership.models import Area
from safeguarding.partnership.tests.factories import AgencyFactory, AreaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def analyst(make_user: Callable[..., User], area: Area) -> User:
    agency = AgencyFactory(area=area)
    return make_user((Role.DATA_ANALYST, agency))


@pytest.fixture
def batch(area: Area, tmp_path: Path) -> ImportBatch:
    rows = [child(f"C{n}") + [date(2020, 5, 1), ""] for n in range(3)]
    start, end = rules.parse_period("2020-21")
    batch = services.import_submit(
        run_now=True,
        actor=None,
        area=area,
        period_start=start,
        period_end=end,
        files=[annex_a(tmp_path / "a.xlsx", {1: rows})],
    )
    return services.import_batch_confirm(actor=None, batch=batch, warnings_checked=True)


def test_dashboard_matrix(client: Client, owner: User, outsider: User) -> None:
    matrix = ViewMatrix(client, reverse("datasets:dashboard"))
    matrix.allowed(owner)
    matrix.outsider(outsider)
    matrix.wrong_method(owner, "post")
    matrix.anonymous_redirected()


def test_small_counts_are_suppressed_for_a_board_member_but_exact_for_an_analyst(
    client: Client, make_user: Callable[..., User], analyst: User, batch: ImportBatch
) -> None:
    board = make_user(Role.BOARD_MEMBER)
    url = reverse("datasets:area_detail", args=[batch.area_id]) + "?year=2020-21"

    client.force_login(board)
    suppressed = client.get(url).content.decode()
    client.force_login(analyst)
    exact = client.get(url).content.decode()

    contacts_row = '<th scope="row" class="govuk-table__header">Contacts</th>'
    assert (
        contacts_row + '\n    <td class="govuk-table__cell govuk-table__cell--numeric">c</td>'
        in suppressed
    )
    assert (
        contacts_row + '\n    <td class="govuk-table__cell govuk-table__cell--numeric">3</td>'
        in exact
    )
    # By quarter: 3 contacts, all in April to June; the other quarters hold true zeros.
    quarter_row = '<th scope="row" class="govuk-table__header">Contacts</th><td'
    cell = '<td class="govuk-table__cell govuk-table__cell--numeric">{}</td>'
    assert "By quarter, 2020-21 (exact figures)" in exact
    assert quarter_row[:-3] + "".join(cell.format(n) for n in (3, 0, 0, 0)) in exact
    assert "By quarter, 2020-21</caption>" in suppressed
    assert quarter_row[:-3] + "".join(cell.format(n) for n in ("c", 0, 0, 0)) in suppressed


def test_an_analyst_sees_exact_figures_for_every_area_and_a_lead_sees_them_suppressed(
    client: Client, make_user: Callable[..., User], batch: ImportBatch
) -> None:
    # docs/roles.md: data analysts see exact figures for every area; importing is limited to
    # their agency's area. Everyone else with a role sees small numbers suppressed.
    lead = make_user((Role.AGENCY_LEAD, AgencyFactory(area=batch.area)))
    url = reverse("datasets:area_detail", args=[batch.area_id]) + "?year=2020-21"
    contacts = (
        '<th scope="row" class="govuk-table__header">Contacts</th>'
        '\n    <td class="govuk-table__cell govuk-table__cell--numeric">{}</td>'
    )
    client.force_login(lead)
    suppressed = client.get(url).content.decode()

    # An analyst for another area's agency (that area has no figures yet, so the year is
    # incomplete: people who see exact figures see it all the same).
    other_area = AreaFactory.create(name="Southmoor", la_number="874")
    analyst_elsewhere = make_user((Role.DATA_ANALYST, AgencyFactory(area=other_area)))
    client.force_login(analyst_elsewhere)
    exact = client.get(url).content.decode()

    assert contacts.format(3) in exact
    assert "By quarter, 2020-21 (exact figures)" in exact
    assert contacts.format("c") in suppressed
    assert contacts.format(3) not in suppressed
    assert "(exact figures)" not in suppressed


def test_definitions_and_area_pages_matrix(
    client: Client, owner: User, outsider: User, area: Area
) -> None:
    for url in (
        reverse("datasets:definitions"),
        reverse("datasets:area_detail", args=[area.pk]),
    ):
        matrix = ViewMatrix(client, url)
        matrix.allowed(owner)
        matrix.outsider(outsider)
        matrix.wrong_method(owner, "post")


def test_an_area_no_longer_in_use_has_no_figures_page(
    client: Client, owner: User, area: Area
) -> None:
    area.disabled_on = date(2021, 4, 1)
    area.save()
    client.force_login(owner)

    response = client.get(reverse("datasets:area_detail", args=[area.pk]) + "?year=2020-21")

    assert response.status_code == 404


def test_export_is_scoped_suppressed_and_logged(
    client: Client, member_readonly: User, outsider: User, batch: ImportBatch
) -> None:
    url = reverse("datasets:figures_export") + "?year=2020-21&format=csv"
    matrix = ViewMatrix(client, url)

    response = matrix.allowed(member_readonly)
    matrix.outsider(outsider)

    body = b"".join(response.streaming_content).decode()
    assert "2020-21,Northshire,Contacts,c," in body
    assert ActivityEvent.objects.filter(kind=ActivityEvent.Kind.EXPORT).count() == 1
    client.force_login(member_readonly)
    xlsx = client.get(reverse("datasets:figures_export") + "?year=2020-21&format=xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_import_create_matrix(
    client: Client, analyst: User, outsider: User, member_readonly: User
) -> None:
    matrix = ViewMatrix(client, reverse("datasets:import_create"))
    matrix.form_checks(analyst, outsider=outsider, read_only=member_readonly)


def test_empty_upload_shows_errors(client: Client, analyst: User) -> None:
    client.force_login(analyst)

    response = client.post(reverse("datasets:import_create"), {})

    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()


def test_upload_runs_as_a_task_and_shows_the_result(
    client: Client,
    analyst: User,
    area: Area,
    tmp_path: Path,
    run_tasks: Callable[[], int],
    django_capture_on_commit_callbacks: Any,
) -> None:
    path = annex_a(tmp_path / "a.xlsx", {1: [child("C1") + [date(2020, 5, 1), ""]]})
    client.force_login(analyst)
    upload = SimpleUploadedFile("return.xlsx", path.read_bytes())

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("datasets:import_create"),
            {"area": area.pk, "period": "2020-21", "return_files": upload},
        )
    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert batch.status == ImportBatch.Status.QUEUED
    assert "import-progress" in client.get(response["Location"]).content.decode()

    run_tasks()

    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.AWAITING_CONFIRMATION  # checked before use
    page = client.get(response["Location"]).content.decode()
    assert f"Import {batch.pk}: waiting for your check" in page
    assert "import-progress" not in page
    assert client.get(reverse("datasets:import_status", args=[batch.pk])).json()["finished"]


def test_import_detail_and_decisions_matrix(
    client: Client,
    analyst: User,
    outsider: User,
    member_readonly: User,
    batch: ImportBatch,
    tmp_path: Path,
) -> None:
    matrix = ViewMatrix(client, reverse("datasets:import_detail", args=[batch.pk]))
    matrix.allowed(analyst)
    matrix.outsider(outsider)
    matrix.outsider(member_readonly)  # read-only roles never see imports
    matrix.wrong_method(analyst, "post")
    status = ViewMatrix(client, reverse("datasets:import_status", args=[batch.pk]))
    assert status.allowed(analyst).json()["status"] == "current"
    status.outsider(outsider)
    status.wrong_method(analyst, "post")
    start, end = rules.parse_period("2020-21")
    again = services.import_submit(
        run_now=True,
        actor=None,
        area=batch.area,
        period_start=start,
        period_end=end,
        files=[annex_a(tmp_path / "b.xlsx", {1: [child("Z") + [date(2020, 6, 1), ""]]})],
    )
    confirm = ViewMatrix(client, reverse("datasets:import_confirm", args=[again.pk]))
    confirm.outsider(outsider, method="post")
    confirm.wrong_method(analyst, "delete")
    confirm.allowed(analyst)  # the confirmation step: the check, then a button

    confirm.allowed(analyst, method="post", data={"warnings_checked": "on"}, status=302)

    again.refresh_from_db()
    batch.refresh_from_db()
    assert again.status == ImportBatch.Status.CURRENT
    assert batch.status == ImportBatch.Status.SUPERSEDED


def test_population_page(
    client: Client, analyst: User, outsider: User, member_readonly: User, area: Area
) -> None:
    matrix = ViewMatrix(client, reverse("datasets:population_list"))
    matrix.outsider(outsider)
    matrix.read_only_write(member_readonly)
    matrix.wrong_method(analyst, "delete")

    matrix.allowed(
        analyst,
        method="post",
        data={"area": area.pk, "year": "2020-21", "children": 120000, "source": "Synthetic"},
        status=302,
    )

    population = Population.objects.get()
    assert (population.year_start, population.children) == (2020, 120000)


def test_my_work_card_lists_imports_waiting_or_failed(
    analyst: User, outsider: User, area: Area, tmp_path: Path
) -> None:
    from safeguarding.datasets.cards import imports_card

    bad = tmp_path / "bad.txt"
    bad.write_text("not a return")
    start, end = rules.parse_period("2020-21")
    failed = services.import_submit(
        run_now=True, actor=None, area=area, period_start=start, period_end=end, files=[bad]
    )

    card = imports_card(analyst)

    assert card is not None
    assert [i.text for i in card.items] == [f"Import {failed.pk}: return for Northshire"]
    assert card.items[0].tag == "Failed"
    assert imports_card(outsider) is None


def test_home_page_shows_the_imports_card_to_an_analyst(client: Client, analyst: User) -> None:
    client.force_login(analyst)

    response = client.get(reverse("core:home"))

    assert "Data imports" in response.content.decode()
