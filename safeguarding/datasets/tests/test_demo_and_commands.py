"""The demo's figures against an independent count of the generator's events; the commands;
the annual report section."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.template.loader import render_to_string

from safeguarding.core.years import ReportingYear
from safeguarding.datasets import demo, figures, generator, reporting, selectors
from safeguarding.datasets.models import ImportBatch, StoredFigure
from safeguarding.datasets.tests.builders import annex_a, child
from safeguarding.partnership.models import Area

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(demo_seeded: None, db: None) -> None:
    """The whole demo (seeded once for the session: see the root conftest)."""


def test_demo_figures_match_a_count_of_the_generated_events(seeded: None) -> None:
    for area in Area.objects.filter(la_number__in=("873", "874")):
        for year in demo.DEMO_YEARS:
            expected = generator.expected_figures(demo.demo_events(area.la_number, year))
            computed = figures.area_figures(area, year)
            assert {k: computed[k].value for k in expected} == expected, (area.name, year.label)


def test_stored_figures_are_the_figures_computed_from_the_records(seeded: None) -> None:
    # The stored figures took up the counts each import's check kept (ADR 0016): set those
    # aside (this test's transaction is rolled back), so `area_figures` counts the records.
    kept = list(ImportBatch.objects.filter(check_figures__has_key="figures"))
    assert kept  # the demo's imports kept their checks' counts
    for batch in kept:
        del batch.check_figures["figures"]
        batch.save(update_fields=["check_figures"])
    for area in Area.objects.filter(la_number__in=("873", "874")):
        for year in demo.DEMO_YEARS:
            stored = selectors.area_stored_figures(area=area, year=year)
            computed = figures.area_figures(area, year)
            assert stored == computed, (area.name, year.label)
            quarters = {
                key: [
                    StoredFigure.objects.get(
                        area=area, year_start=year.start_year, quarter=number, key=key
                    ).value
                    for number in (1, 2, 3, 4)
                ]
                for key in figures.area_quarter_figures(area, year)
            }
            assert quarters == figures.area_quarter_figures(area, year)


def test_demo_seed_is_idempotent(seeded: None) -> None:
    before = ImportBatch.objects.count()

    demo.seed()

    assert ImportBatch.objects.count() == before == 12


def test_annual_report_section_shows_seven_figures_with_rates_and_change(seeded: None) -> None:
    section = reporting.report_section(ReportingYear(2020))
    data = section.figures
    cambs = next(v for v in data.rows[0].values if v.area == "Cambridgeshire")
    expected = generator.expected_figures(demo.demo_events("873", ReportingYear(2020)))
    before = generator.expected_figures(demo.demo_events("873", ReportingYear(2019)))

    html = render_to_string(section.template, {"figures": data})

    assert [r.key for r in data.rows] == [
        "contacts", "referrals", "assessments_completed", "early_help_started", "s47_started",
        "cp_plans_at_31_march", "children_in_care_at_31_march",
    ]  # fmt: skip
    assert cambs.count == expected["contacts"]
    assert cambs.change == expected["contacts"] - before["contacts"]
    assert str(cambs.rate) == str(figures.rate_per_10k(expected["contacts"], 141_500))
    assert "Rate per 10,000" in html


def test_show_figures_prints_exact_json(seeded: None) -> None:
    out = StringIO()

    call_command(
        "show_figures", "--area", "Peterborough", "--year", "2020-21", "--json", stdout=out
    )

    printed = json.loads(out.getvalue())
    expected = generator.expected_figures(demo.demo_events("874", ReportingYear(2020)))
    assert {k: printed[k] for k in expected} == expected
    assert set(printed) == {f.key for f in figures.FIGURES}


def test_import_return_command_needs_confirmation_for_a_reimport(
    area: Area, tmp_path: Path
) -> None:
    path = annex_a(tmp_path / "a.xlsx", {1: [child("A")[:5] + ["01/05/2020", ""]]})
    out = StringIO()
    call_command(
        "import_return", str(path), "--area", area.name, "--period", "2020-21", stdout=out
    )
    assert "1 rows stored" in out.getvalue()

    with pytest.raises(CommandError, match="was not put into use"):
        call_command(
            "import_return", str(path), "--area", "873", "--period", "2020-21", stdout=out
        )
    call_command(
        "import_return", str(path), "--area", "873", "--period", "2020-21", "--confirm", stdout=out
    )

    assert ImportBatch.objects.filter(status=ImportBatch.Status.CURRENT).count() == 1
    assert ImportBatch.objects.filter(status=ImportBatch.Status.SUPERSEDED).count() == 1
    assert path.exists()  # the command copies before reading; the analyst's file stays


def test_import_return_command_reports_file_errors(area: Area, tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("nothing here\n")

    with pytest.raises(CommandError, match="is not a known return"):
        call_command("import_return", str(path), "--area", area.name, "--period", "2020-21")
