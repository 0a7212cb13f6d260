"""The one chart module: every chart comes with the table of its figures, names itself for
assistive technology, escapes every label and draws nothing (keeping the table) when there is
nothing to draw. Geometry checks moved here from the apps that drew their own charts."""

from __future__ import annotations

import re

from django.template.loader import render_to_string

from safeguarding.core import charts
from safeguarding.core.charts import Figure, Row, Series


def _attr(svg: str, element: str, name: str) -> list[float]:
    return [
        float(match.group(1))
        for tag in re.findall(rf"<{element} [^>]*>", svg)
        if (match := re.search(rf' {name}="([-0-9.]+)"', tag))
    ]


def _accessible(chart: charts.Chart) -> None:
    svg = str(chart.svg)
    assert svg.startswith("<svg ")
    assert 'role="img"' in svg
    assert f'aria-labelledby="{chart.key}-title"' in svg
    assert f'<title id="{chart.key}-title">' in svg
    assert f'aria-describedby="{chart.key}-desc"' in svg
    assert f'<desc id="{chart.key}-desc">' in svg
    assert "<script" not in svg
    assert "style=" not in svg


# --- bar chart -------------------------------------------------------------------------


def test_bar_lengths_follow_the_figures_and_the_table_carries_them() -> None:
    chart = charts.bar_chart(
        key="t",
        title="Title",
        figures=[Figure("A", 9, 23), Figure("B", 25, 63), Figure("C", 6, 15)],
        columns=("Label", "Count"),
        percent_column="Per cent",
    )

    _accessible(chart)
    widths = _attr(chart.svg, "rect", "width")
    assert widths[1] == charts.BAR_WIDTH - charts.BAR_LABEL_WIDTH - charts.BAR_VALUE_SPACE
    assert widths[0] == round(widths[1] * 9 / 25, 1)
    assert "A: 9 (23%); B: 25 (63%); C: 6 (15%)" in chart.description
    assert ">25 (63%)</text>" in chart.svg
    assert chart.table.caption == "Title"
    assert chart.table.columns == ("Label", "Count", "Per cent")
    assert chart.table.rows == (
        Row("A", ("9", "23%")),
        Row("B", ("25", "63%")),
        Row("C", ("6", "15%")),
    )


def test_bar_chart_without_a_per_cent_column_and_its_own_caption() -> None:
    chart = charts.bar_chart(
        key="grades",
        title="Agreed grades: number of cases",
        figures=[Figure("Good", 2), Figure("Inadequate", 1)],
        columns=("Grade", "Cases"),
        caption="Agreed grades at moderation",
        caption_style="hidden",
    )

    assert chart.table.columns == ("Grade", "Cases")
    assert chart.table.rows == (Row("Good", ("2",)), Row("Inadequate", ("1",)))
    assert chart.table.caption == "Agreed grades at moderation"
    assert chart.table.caption_class == "govuk-visually-hidden"
    assert ">2</text>" in chart.svg


def test_bar_chart_with_nothing_to_draw_keeps_its_table() -> None:
    zero = charts.bar_chart(
        key="t", title="Title", figures=[Figure("A", 0, None)], columns=("Label", "Count")
    )
    empty = charts.bar_chart(key="t", title="Title", figures=[], columns=("Label", "Count"))

    assert zero.svg == ""
    assert empty.svg == ""
    assert zero.table.rows == (Row("A", ("0",)),)
    assert empty.table.rows == ()


def test_long_labels_are_shortened_in_the_picture_only() -> None:
    label = "A very long label that does not fit beside the bar at all"
    chart = charts.bar_chart(
        key="t", title="Title", figures=[Figure(label, 1)], columns=("Label", "Count")
    )

    assert label not in re.sub(r"<(title|desc)[^>]*>.*?</\1>", "", chart.svg)
    assert chart.table.rows[0].header == label


# --- line chart ------------------------------------------------------------------------


def test_line_chart_leaves_out_missing_points_and_tables_them_by_label() -> None:
    chart = charts.line_chart(
        key="trend-rate",
        title="Rate by year",
        labels=["2019-20", "2020-21", "2021-22"],
        series=[Series("North", [4, None, 8]), Series("South", ["c", 6, 7])],
        label_column="Year",
    )

    _accessible(chart)
    assert len(_attr(chart.svg, "circle", "cx")) == 4  # the missing and the suppressed: none
    assert chart.svg.count("<polyline") == 2
    assert chart.table.columns == ("Year", "North", "South")
    assert chart.table.rows == (
        Row("2019-20", ("4", "c")),
        Row("2020-21", (":", "6")),
        Row("2021-22", ("8", "7")),
    )


def test_line_chart_without_numbers_draws_nothing() -> None:
    chart = charts.line_chart(
        key="t",
        title="Title",
        labels=["2020-21"],
        series=[Series("North", [None])],
        label_column="Year",
    )

    assert chart.svg == ""
    assert chart.table.rows == (Row("2020-21", (":",)),)


# --- grouped bar chart -----------------------------------------------------------------


def test_grouped_bars_are_in_proportion_and_empty_groups_have_none() -> None:
    chart = charts.grouped_bar_chart(
        key="trend",
        title="Themes of learning by reporting year",
        groups=["2019-20", "2020-21", "2021-22"],
        series=[
            Series("Farm animals", [2, 0, 1], href="/learning/?theme=farm"),
            Series("Unused", [0, 0, 0]),
        ],
        label_column="Theme",
        total_column="Total",
    )

    _accessible(chart)
    heights = _attr(chart.svg, "rect", "height")
    assert heights == [charts.GROUPED_BAR_MAX, charts.GROUPED_BAR_MAX / 2]
    assert "Unused" not in chart.svg  # a row with nothing is in the table only
    assert chart.table.columns == ("Theme", "2019-20", "2020-21", "2021-22", "Total")
    assert chart.table.rows[0] == Row(
        "Farm animals", ("2", "0", "1", "3"), href="/learning/?theme=farm"
    )


def test_grouped_chart_draws_at_most_the_first_rows_and_tables_them_all() -> None:
    series = [Series(f"Theme {n}", [n + 1]) for n in range(charts.GROUPED_MAX_ROWS + 3)]
    chart = charts.grouped_bar_chart(
        key="t", title="Title", groups=["2020-21"], series=series, label_column="Theme"
    )

    assert chart.svg.count("<rect") == charts.GROUPED_MAX_ROWS
    assert len(chart.table.rows) == charts.GROUPED_MAX_ROWS + 3


def test_grouped_chart_without_counts_draws_nothing() -> None:
    chart = charts.grouped_bar_chart(
        key="t",
        title="Title",
        groups=["2020-21"],
        series=[],
        label_column="Theme",
        empty="No learning was recorded in these years.",
    )

    assert chart.svg == ""
    assert chart.table.rows == ()


# --- escaping and the partial ----------------------------------------------------------


def test_every_label_is_escaped_in_the_picture_and_in_the_table() -> None:
    hostile = '<script>alert("x")</script> & co'
    made = [
        charts.bar_chart(
            key="a", title=hostile, figures=[Figure(hostile, 3)], columns=(hostile, "Count")
        ),
        charts.line_chart(
            key="b",
            title=hostile,
            labels=[hostile, "2021"],
            series=[Series(hostile, [1, 2])],
            label_column="Year",
        ),
        charts.grouped_bar_chart(
            key="c",
            title=hostile,
            groups=[hostile],
            series=[Series(hostile, [1])],
            label_column="X",
        ),
    ]
    for chart in made:
        html = render_to_string("components/chart.html", {"chart": chart})
        assert "<script" not in html
        assert "&lt;script&gt;" in chart.svg
        assert "&amp; co" in html


def test_the_partial_renders_the_picture_then_the_table_of_the_same_figures() -> None:
    chart = charts.bar_chart(
        key="ages",
        title="Deaths by age",
        figures=[Figure("Under 1", 3, 75), Figure("1 to 4", 1, 25)],
        columns=("Age at death", "Deaths"),
        percent_column="Per cent",
    )

    html = render_to_string("components/chart.html", {"chart": chart})

    assert html.index("<svg") < html.index("<table")
    assert '<caption class="govuk-table__caption govuk-table__caption--s">Deaths by age' in html
    assert '<th scope="col" class="govuk-table__header">Age at death</th>' in html
    assert '<th scope="row" class="govuk-table__header">Under 1</th>' in html
    assert 'govuk-table__cell--numeric">3</td>' in html
    assert 'govuk-table__cell--numeric">75%</td>' in html


def test_the_partial_without_a_picture_shows_the_table_and_its_empty_message() -> None:
    chart = charts.grouped_bar_chart(
        key="t",
        title="Title",
        groups=["2020-21"],
        series=[],
        label_column="Theme",
        total_column="Total",
        empty="No learning was recorded in these years.",
    )

    html = render_to_string("components/chart.html", {"chart": chart})

    assert "<svg" not in html
    assert 'colspan="3">No learning was recorded in these years.</td>' in html


def test_a_linked_row_header_links_from_the_table() -> None:
    chart = charts.grouped_bar_chart(
        key="t",
        title="Title",
        groups=["2020-21"],
        series=[Series("Dogs", [1], href="/learning/?theme=dogs&x=1")],
        label_column="Theme",
    )

    html = render_to_string("components/chart.html", {"chart": chart})

    assert '<a class="govuk-link" href="/learning/?theme=dogs&amp;x=1">Dogs</a>' in html
