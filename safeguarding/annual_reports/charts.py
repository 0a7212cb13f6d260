"""Charts on the published report (public page and PDF): core.charts bar charts, each with its
table, for the figures the seed report charts: reviews of child deaths by category, where the
children lived and how long reviews took, training by format and by agency, the safeguarding
data figures by area, and quality assurance's survey respondents and professional differences.
Modules whose computed section is published as the catalogue's table (catalogue.
CONTROLLED_MODULES) also keep their own tables without counts (section_tables_html): the
scrutineer's judgements, survey findings and the national comparators. All of it is rendered
when a version is published and frozen into it, never read from live records afterwards.

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
    key: str,
    title: str,
    pairs: Sequence[tuple[str, Any]],
    column: str,
    *,
    control: bool,
    percents: Sequence[int | None] = (),
) -> charts.Chart:
    """A bar chart of (label, count) pairs; with `control`, counts of children are suppressed.
    `percents` (one per pair) adds a per cent column, hidden with its count."""
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
    share = list(percents) or [None] * len(shown)
    chart = charts.bar_chart(
        key=key,
        title=title,
        figures=[
            charts.Figure(label, value if isinstance(value, int) else 0, share[i])
            for i, (label, value) in enumerate(shown)
        ],
        columns=("", column),
        percent_column="Per cent" if percents else "",
    )
    if drawable:
        return chart

    def cells(value: Any, percent: int | None) -> tuple[str, ...]:
        number = f"{value:,}" if isinstance(value, int) else str(value)
        if not percents:
            return (number,)
        hidden_share = not isinstance(value, int) or percent is None
        return (number, SUPPRESSED if hidden_share else f"{percent}%")

    rows = tuple(
        charts.Row(label, cells(value, share[i])) for i, (label, value) in enumerate(shown)
    )
    return replace(chart, svg=SafeString(""), table=replace(chart.table, rows=rows))


def _child_death_charts(figures: Any) -> list[charts.Chart]:
    found: list[charts.Chart] = []
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
    for attribute, key, title, column in (
        ("by_area", "cd-area", "Deaths notified by where the child lived", "Deaths"),
        ("timeliness", "cd-time", "Reviews completed by time from death to review", "Reviews"),
    ):
        counts = list(getattr(figures, attribute, []))
        if counts:
            found.append(
                _chart(
                    key,
                    title,
                    [(c.label, c.count) for c in counts],
                    column,
                    control=True,
                    percents=[c.percent for c in counts],
                )
            )
    return found


def _assurance_charts(figures: Any) -> list[charts.Chart]:
    found: list[charts.Chart] = []
    groups = list(getattr(figures, "respondents_by_group", []))
    if groups:
        found.append(
            _chart(
                "qa-respondents",
                "Survey respondents by who answered",
                groups,
                "Respondents",
                control=True,
            )
        )
    stages = list(getattr(getattr(figures, "differences", None), "by_stage", []))
    if stages:
        found.append(
            _chart(
                "qa-differences",
                "Professional differences by the stage reached",
                stages,
                "Number",
                control=True,
            )
        )
    return found


def _training_charts(figures: Any) -> list[charts.Chart]:
    found: list[charts.Chart] = []
    for attribute, key, title in (
        ("sessions_by_format", "training-format", "Training sessions by format"),
        ("attended_by_agency", "training-agency", "People attending training by agency"),
    ):
        tallies = [(t.label, t.count) for t in getattr(figures, attribute, [])]
        if tallies:
            found.append(_chart(key, title, tallies, "Number", control=False))
    return found


def _dataset_charts(figures: Any) -> list[charts.Chart]:
    found: list[charts.Chart] = []
    for row in getattr(figures, "rows", []):
        pairs = [(cell.area, cell.count) for cell in row.values]
        if pairs:
            found.append(
                _chart(f"data-{row.key}", f"{row.label} by area", pairs, "Number", control=False)
            )
    return found


CHARTS = {
    "child_deaths": _child_death_charts,
    "assurance": _assurance_charts,
    "training": _training_charts,
    "datasets": _dataset_charts,
}


def section_charts(section: ReportSection) -> list[charts.Chart]:
    draw = CHARTS.get(section.key)
    return draw(section.figures) if draw is not None else []


def section_charts_html(section: ReportSection) -> str:
    return "".join(
        render_to_string("components/chart.html", {"chart": chart})
        for chart in section_charts(section)
    )


def section_tables_html(section: ReportSection) -> str:
    """A controlled module's own tables that hold no counts of children, shown after its
    charts on the published report: survey findings (a share hidden when fewer than six
    answered), the scrutineer's judgements, and the national comparators for child deaths."""
    figures = section.figures
    tables: list[charts.Table] = []
    if section.key == "assurance":
        findings = [
            charts.Row(
                f"{survey.audience}: {finding.label}",
                (f"{finding.percent}%" if finding.answered > 5 else SUPPRESSED,),
            )
            for survey in getattr(figures, "surveys", [])
            for finding in survey.key_findings
        ]
        if findings:
            tables.append(
                charts.Table("Survey findings", ("Finding", "Per cent"), tuple(findings))
            )
        judgements = [charts.Row(t, (j,)) for t, j in getattr(figures, "scrutiny", [])]
        if judgements:
            tables.append(
                charts.Table(
                    "The scrutineer's judgements by theme",
                    ("Theme", "Judgement"),
                    tuple(judgements),
                )
            )
    elif section.key == "child_deaths":
        comparators = [
            charts.Row(f"{c.label} ({c.source})", (f"{c.percent}%",))
            for c in getattr(figures, "comparators", [])
        ]
        if comparators:
            tables.append(
                charts.Table("National comparators", ("Measure", "Per cent"), tuple(comparators))
            )
    return "".join(
        render_to_string("annual_reports/_published_table.html", {"table": table})
        for table in tables
    )
