"""Charts on the published report (public page and PDF): core.charts bar charts, each with its
table, for the figures the seed report charts: reviews of child deaths by category, training
by format and by agency, and the safeguarding data figures by area.

Counts of children are disclosure-controlled (datasets.disclosure: 1 to 5 as `c`, secondary
suppression over the total): when any bar would be hidden, the chart is left out and only the
table is shown, so no hidden value can be read off a bar's length.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import replace
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from safeguarding.core import charts
from safeguarding.core.reporting import ReportSection
from safeguarding.datasets.disclosure import SUPPRESSED, Table, suppress


def _chart(
    key: str, title: str, pairs: Sequence[tuple[str, Any]], column: str, *, control: bool
) -> charts.Chart:
    """A bar chart of (label, count) pairs; with `control`, counts of children are suppressed."""
    values: dict[Hashable, int | None] = {
        label: count for label, count in pairs if isinstance(count, int)
    }
    hidden: set[Hashable] = set()
    if control and values:
        total = "__total__"
        hidden = suppress(
            Table(
                values={**values, total: sum(v or 0 for v in values.values())},
                sums=[(total, list(values))],
            )
        )
    shown = [
        (label, SUPPRESSED if label in hidden or not isinstance(count, int) else count)
        for label, count in pairs
    ]
    drawable = all(isinstance(value, int) for _, value in shown)
    chart = charts.bar_chart(
        key=key,
        title=title,
        figures=[
            charts.Figure(label, value if isinstance(value, int) else 0) for label, value in shown
        ],
        columns=("", column),
    )
    if drawable:
        return chart
    rows = tuple(
        charts.Row(label, (f"{value:,}" if isinstance(value, int) else str(value),))
        for label, value in shown
    )
    return replace(chart, svg=SafeString(""), table=replace(chart.table, rows=rows))


def section_charts(section: ReportSection) -> list[charts.Chart]:
    figures = section.figures
    found: list[charts.Chart] = []
    if section.key == "child_deaths":
        categories = [(c.label, c.count) for c in getattr(figures, "categories", [])]
        if categories:
            found.append(
                _chart(
                    "cd-categories",
                    "Reviews completed by category of death",
                    categories,
                    "Reviews",
                    control=True,
                )
            )
    elif section.key == "training":
        for attribute, key, title in (
            ("sessions_by_format", "training-format", "Training sessions by format"),
            ("attended_by_agency", "training-agency", "People attending training by agency"),
        ):
            tallies = [(t.label, t.count) for t in getattr(figures, attribute, [])]
            if tallies:
                found.append(_chart(key, title, tallies, "Number", control=False))
    elif section.key == "datasets":
        for row in getattr(figures, "rows", []):
            pairs = [(cell.area, cell.count) for cell in row.values]
            if pairs:
                found.append(
                    _chart(
                        f"data-{row.key}", f"{row.label} by area", pairs, "Number", control=False
                    )
                )
    return found


def section_charts_html(section: ReportSection) -> str:
    return "".join(
        render_to_string("components/chart.html", {"chart": chart})
        for chart in section_charts(section)
    )
