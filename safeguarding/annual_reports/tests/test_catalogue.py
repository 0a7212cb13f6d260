from __future__ import annotations

from decimal import Decimal

import pytest

from safeguarding.annual_reports import catalogue
from safeguarding.annual_reports.catalogue import COUNT, PERCENT, FigureValue, format_value
from safeguarding.annual_reports.publishing import controlled_values
from safeguarding.core.years import ReportingYear

pytestmark = pytest.mark.django_db

YEAR = ReportingYear(2020)


def test_every_catalogue_entry_has_a_value_path_and_a_definition() -> None:
    values = catalogue.figure_values(YEAR)
    for figure in catalogue.FIGURES:
        assert figure.key in values, figure.key
        assert figure.label
        assert figure.definition
        assert figure.unit
        assert figure.module in catalogue.MODULE_LABELS


def test_governance_and_website_figures_are_catalogued() -> None:
    from safeguarding.annual_reports.catalogue import POUNDS, _read
    from safeguarding.core.reporting import AttendanceRate
    from safeguarding.governance.reporting import GroupCount

    keys = {f.key for f in catalogue.FIGURES}
    assert {
        "governance.meetings",
        "governance.attendance_percent",
        "governance.decisions",
        "governance.escalations",
        "governance.funding_agreed",
        "website.page_views",
        "website.users",
        "website.search_share",
    } <= keys
    assert all(f.exact for f in catalogue.FIGURES if f.module in {"governance", "website"})

    class Figures:
        meetings = [GroupCount("Board", 4), GroupCount("Subgroup", 6)]
        attendance_by_group = [AttendanceRate("Board", 10, 9), AttendanceRate("Sub", 10, 8)]
        top_pages = [("/", 120), ("/training/", 80)]

    assert _read(Figures(), "sum:meetings.meetings") == 10
    assert _read(Figures(), "rate:attendance_by_group") == 85
    assert _read(Figures(), "first:top_pages") == 120
    assert format_value(Decimal("125000.00"), POUNDS) == "£125,000"


def test_catalogue_keys_are_unique_and_dotted() -> None:
    keys = [f.key for f in catalogue.FIGURES]
    assert len(keys) == len(set(keys))
    assert all(key.count(".") == 1 for key in keys)


def test_percentages_name_the_counts_they_are_based_on() -> None:
    keys = {f.key for f in catalogue.FIGURES}
    for figure in catalogue.FIGURES:
        assert set(figure.based_on) <= keys
        if figure.unit == PERCENT and not figure.exact:
            assert figure.based_on, figure.key


def test_every_sum_names_catalogue_counts() -> None:
    keys = {f.key for f in catalogue.FIGURES}
    for total, parts in catalogue.SUMS:
        assert {total, *parts} <= keys


def test_format_value_uses_thousands_separators() -> None:
    assert format_value(1234567) == "1,234,567"
    assert format_value(Decimal("1234.56")) == "1,234.6"
    assert format_value(23, PERCENT) == "23%"
    assert format_value(None) == ":"
    assert format_value("c") == "c"


def test_records_link_is_blank_when_the_url_is_unknown() -> None:
    figure = catalogue.CatalogueFigure("a.b", "A", COUNT, "d", "x", "nowhere:nothing")
    assert figure.records_url == ""
    assert catalogue.FIGURES[0].records_url.startswith("/")


def _value(key: str, value: int, **kwargs: object) -> FigureValue:
    figure = next(f for f in catalogue.FIGURES if f.key == key)
    from dataclasses import replace

    from django.utils import timezone

    return FigureValue(replace(figure, **kwargs), value, timezone.now())  # type: ignore[arg-type]


def test_disclosure_hides_one_to_five_as_c() -> None:
    values = {"child_deaths.under_one": _value("child_deaths.under_one", 3)}
    assert controlled_values(values) == {"child_deaths.under_one": "c"}


def test_disclosure_keeps_true_zeros_and_larger_counts() -> None:
    values = {
        "child_deaths.under_one": _value("child_deaths.under_one", 0),
        "child_deaths.notified": _value("child_deaths.notified", 40),
    }
    assert controlled_values(values) == {"child_deaths.under_one": 0, "child_deaths.notified": 40}


def test_disclosure_secondary_suppression_protects_a_total() -> None:
    # 40 = 37 + 3: showing 40 and 37 would give the 3 away, so one more is hidden.
    values = {
        key: _value(key, n)
        for key, n in (
            ("child_deaths.notified", 40),
            ("child_deaths.expected", 37),
            ("child_deaths.unexpected", 3),
        )
    }
    shown = controlled_values(values)
    assert shown["child_deaths.unexpected"] == "c"
    assert list(shown.values()).count("c") == 2


def test_disclosure_hides_a_percentage_of_a_hidden_count() -> None:
    values = {
        "child_deaths.under_one": _value("child_deaths.under_one", 2),
        "child_deaths.notified": _value("child_deaths.notified", 40),
        "child_deaths.under_one_percent": _value("child_deaths.under_one_percent", 5),
    }
    assert controlled_values(values)["child_deaths.under_one_percent"] == "c"


def test_figure_marked_exact_is_published_as_computed() -> None:
    values = {"case_reviews.criteria_met": _value("case_reviews.criteria_met", 1)}
    assert controlled_values(values) == {"case_reviews.criteria_met": 1}


def test_known_module_section_titles_match_what_the_modules_return() -> None:
    computed = {k: s.title for k, s in catalogue.module_sections(YEAR).items()}
    assert dict(catalogue.module_section_titles(YEAR)) == computed


def test_chart_of_counts_of_children_hides_small_counts_and_its_bars() -> None:
    from safeguarding.annual_reports.charts import _chart

    chart = _chart("k", "Deaths", [("A", 12), ("B", 3), ("C", 9)], "Reviews", control=True)
    cells = [row.cells[0] for row in chart.table.rows]
    assert cells[1] == "c"
    assert cells.count("c") == 2  # secondary suppression: B cannot be worked out from the total
    assert chart.svg == ""
    drawn = _chart("k", "Sessions", [("A", 12), ("B", 3)], "Number", control=False)
    assert "<svg" in drawn.svg
    assert [row.cells[0] for row in drawn.table.rows] == ["12", "3"]
