"""Figures are computed once and stored; pages read them in a fixed number of queries; lists are
paginated; exports stream and stay safe in a spreadsheet; numbers and dates read well."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from safeguarding.accounts.models import User
from safeguarding.accounts.roles import Role
from safeguarding.core.years import ReportingYear
from safeguarding.datasets import figures, reporting, services
from safeguarding.datasets.models import (
    ImportBatch,
    Population,
    RecordKind,
    ReturnKind,
    ReturnRecord,
    StoredFigure,
)
from safeguarding.partnership.models import Area
from safeguarding.partnership.tests.factories import AgencyFactory, AreaFactory

pytestmark = pytest.mark.django_db


def _contacts(area: Area, year: int, count: int) -> ImportBatch:
    """An import in use with `count` contacts in May of the year, its figures stored."""
    batch = ImportBatch.objects.create(
        area=area,
        kind=ReturnKind.ANNEX_A,
        status=ImportBatch.Status.CURRENT,
        period_start=date(year, 4, 1),
        period_end=date(year + 1, 3, 31),
    )
    ReturnRecord.objects.bulk_create(
        ReturnRecord(
            batch=batch,
            kind=RecordKind.CONTACT,
            child_hash=f"{batch.pk}-{n}",
            start=date(year, 5, 1),
        )
        for n in range(count)
    )
    services.stored_figures_refresh(area=area)
    return batch


def _stored(area: Area, key: str, year: int = 2020) -> StoredFigure:
    return StoredFigure.objects.get(area=area, year_start=year, quarter=0, key=key)


def _body(response: object) -> bytes:
    return b"".join(response.streaming_content)  # type: ignore[attr-defined]


def test_figures_are_stored_with_the_versions_they_were_computed_from(area: Area) -> None:
    batch = _contacts(area, 2020, 12)

    stored = _stored(area, "contacts")
    assert (stored.value, stored.imports, stored.rules_version) == (
        12,
        [batch.pk],
        figures.RULES_VERSION,
    )
    assert stored.population_version is None
    assert stored.source == "Ofsted Annex A"
    quarters = StoredFigure.objects.filter(area=area, key="contacts", quarter__gt=0)
    assert [q.value for q in quarters.order_by("quarter")] == [12, 0, 0, 0]

    population = services.population_create(
        actor=None, area=area, year=ReportingYear(2020), children=50_000, source="Synthetic"
    )
    assert _stored(area, "contacts").population_version == population.version
    services.population_update(
        actor=None,
        population=population,
        children=51_000,
        source="Synthetic",
        expected_version=None,
    )
    population.refresh_from_db()
    assert _stored(area, "contacts").population_version == population.version == 2


def test_pages_exports_commands_and_the_report_read_the_stored_figures(
    client: Client, make_user: Callable[..., User], area: Area
) -> None:
    _contacts(area, 2020, 12)
    StoredFigure.objects.filter(area=area, year_start=2020, quarter=0, key="contacts").update(
        value=77
    )  # as if stored by an earlier computation: nothing recomputes on reading
    analyst = make_user((Role.DATA_ANALYST, AgencyFactory(area=area)))
    client.force_login(analyst)

    page = client.get(reverse("datasets:area_detail", args=[area.pk]) + "?year=2020-21")
    export = client.get(reverse("datasets:figures_export") + "?year=2020-21&format=csv")
    out = StringIO()
    call_command("show_figures", "--area", area.name, "--year", "2020-21", "--json", stdout=out)
    report = reporting.data_figures(ReportingYear(2020))

    cell = '<td class="govuk-table__cell govuk-table__cell--numeric">77</td>'
    assert cell in page.content.decode()
    assert "2020-21,Northshire,Contacts,77," in _body(export).decode()
    assert json.loads(out.getvalue())["contacts"] == 77
    assert report.rows[0].values[0].count == 77


def test_figures_recompute_command_rebuilds_the_stored_figures(area: Area) -> None:
    _contacts(area, 2020, 12)
    StoredFigure.objects.all().delete()
    out = StringIO()

    call_command("figures_recompute", stdout=out)

    assert _stored(area, "contacts").value == 12
    assert "figures stored" in out.getvalue()


def test_figures_of_older_rules_are_recomputed_after_migrating(area: Area) -> None:
    _contacts(area, 2020, 12)
    StoredFigure.objects.update(rules_version=figures.RULES_VERSION - 1, value=1)

    call_command("migrate", verbosity=0)

    assert _stored(area, "contacts").value == 12
    assert set(StoredFigure.objects.values_list("rules_version", flat=True)) == {
        figures.RULES_VERSION
    }


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_figures_pages_take_as_many_queries_for_three_years_of_two_areas_as_for_one(
    client: Client, make_user: Callable[..., User], area: Area
) -> None:
    board = make_user(Role.BOARD_MEMBER)
    analyst = make_user((Role.DATA_ANALYST, AgencyFactory(area=area)))
    _contacts(area, 2020, 12)
    urls = [
        reverse("datasets:dashboard"),
        reverse("datasets:area_detail", args=[area.pk]) + "?year=2020-21",
        reverse("datasets:figures_export") + "?year=2020-21",
    ]
    small = {}
    for user in (board, analyst):
        client.force_login(user)
        small[user.pk] = [_queries(client, url) for url in urls]

    city = AreaFactory.create(name="Peterborough", la_number="874")
    for year in (2018, 2019, 2020):
        if year != 2020:
            _contacts(area, year, 8)
        _contacts(city, year, 9)
    for user in (board, analyst):
        client.force_login(user)
        assert [_queries(client, url) for url in urls] == small[user.pk]


def test_lists_are_paginated_and_take_as_many_queries_for_30_rows_as_for_3(
    client: Client, make_user: Callable[..., User], area: Area
) -> None:
    analyst = make_user((Role.DATA_ANALYST, AgencyFactory(area=area)))
    client.force_login(analyst)

    def add(count: int) -> None:
        for _n in range(count):
            ImportBatch.objects.create(
                area=area,
                kind=ReturnKind.CIN,
                status=ImportBatch.Status.CANCELLED,
                period_start=date(2020, 4, 1),
                period_end=date(2021, 3, 31),
                uploaded_by=analyst,
            )
        start = Population.objects.count()
        for n in range(count):
            Population.objects.create(
                area=area, year_start=1990 + start + n, children=120_000, source="Synthetic"
            )

    urls = [reverse("datasets:import_list"), reverse("datasets:population_list")]
    add(3)
    small = [_queries(client, url) for url in urls]
    add(27)
    assert [_queries(client, url) for url in urls] == small

    add(30)  # 60 of each: two pages
    imports = client.get(reverse("datasets:import_list")).content.decode()
    populations = client.get(reverse("datasets:population_list")).content.decode()
    assert imports.count("Import ") < 60
    assert 'aria-label="Pagination"' in imports
    assert 'aria-label="Pagination"' in populations
    assert "120,000" in populations
    assert "1 April 2020 to 31 March 2021" in imports


@pytest.mark.parametrize("name", ["=SUM(A1)", "+cmd", "-cmd", "@cmd"])
def test_exports_stream_and_neutralise_formulas(
    client: Client, make_user: Callable[..., User], name: str
) -> None:
    area = AreaFactory.create(name=name, la_number="873")
    _contacts(area, 2020, 12)
    client.force_login(make_user((Role.DATA_ANALYST, AgencyFactory(area=area))))
    url = reverse("datasets:figures_export") + "?year=2020-21"

    csv_response = client.get(url + "&format=csv")
    xlsx_response = client.get(url + "&format=xlsx")

    assert csv_response.streaming
    assert xlsx_response.streaming
    lines = _body(csv_response).decode().splitlines()
    assert f"2020-21,'{name},Contacts,12," in "\n".join(lines)
    assert not any(line.split(",")[1].startswith(name[0]) for line in lines[1:])
    sheet = load_workbook(io.BytesIO(_body(xlsx_response))).active
    assert sheet is not None
    areas = {row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert f"'{name}" in areas
    assert name not in areas


def test_figures_have_thousands_separators(
    client: Client, make_user: Callable[..., User], area: Area
) -> None:
    _contacts(area, 2020, 1234)
    client.force_login(make_user(Role.BOARD_MEMBER))

    page = client.get(reverse("datasets:area_detail", args=[area.pk]) + "?year=2020-21")

    assert '<td class="govuk-table__cell govuk-table__cell--numeric">1,234</td>' in (
        page.content.decode()
    )
