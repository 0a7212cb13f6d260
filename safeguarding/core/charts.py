"""Every chart in the service: static SVG drawn on the server, returned together with the table
of the same figures. Render both with `{% include "components/chart.html" with chart=... %}`.

A chart function never returns a picture alone: `Chart.svg` (role="img", named by its <title>
and described by its <desc>; no script, no inline style, every label escaped) and `Chart.table`
(caption, column headers, one row per label) come from the same figures. When there is nothing to
draw (no figures, or all of them zero) `Chart.svg` is empty and the table still shows the figures.
Why hand-written SVG and not a charting library: docs/adr/0012-one-chart-module.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import Truncator

BLUE = "#1d70b8"
TEXT = "#0b0c0c"
RULE = "#b1b4b6"
SERIES_COLOURS = ("#1d70b8", "#d4351c", "#00703c", "#4c2c92")
FONT = "Arial, sans-serif"

# Horizontal bar chart: one row per figure, the bar's length in proportion to the largest.
BAR_WIDTH = 640
BAR_LABEL_WIDTH = 200
BAR_ROW_HEIGHT = 34
BAR_HEIGHT = 22
BAR_VALUE_SPACE = 90
BAR_LABEL_CHARS = 28

# Line chart: one line per series across the labels (years); missing points are left out.
LINE_WIDTH, LINE_HEIGHT, LINE_PAD = 560, 240, 48

# Grouped bar chart: one row per series (a theme), one upright bar per group (a year).
GROUPED_WIDTH = 760
GROUPED_LABEL_WIDTH = 240
GROUPED_HEADER = 30
GROUPED_ROW_HEIGHT = 44
GROUPED_BAR_MAX = 30
GROUPED_MAX_ROWS = 12
GROUPED_LABEL_CHARS = 34

CaptionStyle = Literal["s", "m", "hidden"]
Value = int | str | None


@dataclass(frozen=True)
class Figure:
    """One bar of a bar chart: a label, a count and (optionally) its share in per cent."""

    label: str
    value: int
    percent: int | None = None


@dataclass(frozen=True)
class Series:
    """One line (or one row of grouped bars): a name and one value per label. Only whole
    numbers are drawn; a suppressed ("c") or missing (None) value is only in the table. A row
    header with `href` links there from the table."""

    name: str
    values: Sequence[Value]
    href: str = ""


@dataclass(frozen=True)
class Row:
    header: str
    cells: tuple[str, ...]
    href: str = ""


@dataclass(frozen=True)
class Table:
    """A GOV.UK table: `columns[0]` heads the row headers, every other column is numeric."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    caption_style: CaptionStyle = "s"
    empty: str = "There are no figures."

    @property
    def caption_class(self) -> str:
        if self.caption_style == "hidden":
            return "govuk-visually-hidden"
        return f"govuk-table__caption--{self.caption_style}"


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    description: str
    svg: SafeString  # empty when there is nothing to draw
    table: Table


def _join(parts: Sequence[SafeString]) -> SafeString:
    return format_html_join("", "{}", ((part,) for part in parts))


def _svg(
    *, key: str, title: str, description: str, width: int, height: int, body: SafeString
) -> SafeString:
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{}-title" '
        'aria-describedby="{}-desc" viewBox="0 0 {} {}" width="100%" '
        'preserveAspectRatio="xMinYMin meet" focusable="false" font-family="{}">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        key,
        key,
        width,
        height,
        FONT,
        key,
        title,
        key,
        description,
        body,
    )


def _number(value: int) -> str:
    """Whole numbers with thousands separators (2,298), as everywhere on the platform."""
    return f"{value:,}"


def _cell(value: Value, missing: str) -> str:
    if value is None:
        return missing
    return _number(value) if isinstance(value, int) else str(value)


def _percent(percent: int | None) -> str:
    return "–" if percent is None else f"{percent}%"


def _short(text: str, chars: int) -> str:
    return Truncator(text).chars(chars)


# --- bar chart -------------------------------------------------------------------------


def bar_chart(
    *,
    key: str,
    title: str,
    figures: Sequence[Figure],
    columns: tuple[str, str],
    percent_column: str = "",
    caption: str = "",
    caption_style: CaptionStyle = "s",
    description: str = "",
) -> Chart:
    """Horizontal bars, one per figure, with the figure (and its per cent) after each bar.
    `key` is unique on the page (it names the SVG's title and description). The table has the
    label column, the value column and, with `percent_column`, the per cent column."""
    with_percent = bool(percent_column)
    table = Table(
        caption=caption or title,
        columns=(*columns, percent_column) if with_percent else columns,
        rows=tuple(
            Row(
                f.label,
                (_number(f.value), _percent(f.percent)) if with_percent else (_number(f.value),),
            )
            for f in figures
        ),
        caption_style=caption_style,
    )

    def shown(f: Figure) -> str:
        if with_percent and f.percent is not None:
            return f"{_number(f.value)} ({f.percent}%)"
        return _number(f.value)

    listed = "; ".join(f"{f.label}: {shown(f)}" for f in figures)
    described = description or f"{listed}. The table gives the same figures."
    peak = max((f.value for f in figures), default=0)
    if peak <= 0:
        return Chart(key, title, described, SafeString(""), table)
    usable = BAR_WIDTH - BAR_LABEL_WIDTH - BAR_VALUE_SPACE
    bars = []
    for index, f in enumerate(figures):
        top = index * BAR_ROW_HEIGHT + (BAR_ROW_HEIGHT - BAR_HEIGHT) / 2
        length = round(usable * max(f.value, 0) / peak, 1)
        text_y = top + BAR_HEIGHT / 2 + 5
        bars.append(
            (
                text_y,
                TEXT,
                _short(f.label, BAR_LABEL_CHARS),
                BAR_LABEL_WIDTH,
                top,
                length,
                BAR_HEIGHT,
                BLUE,
                BAR_LABEL_WIDTH + length + 6,
                text_y,
                TEXT,
                shown(f),
            )
        )
    body = format_html_join(
        "",
        '<text x="0" y="{}" font-size="14" fill="{}">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"></rect>'
        '<text x="{}" y="{}" font-size="14" fill="{}">{}</text>',
        bars,
    )
    svg = _svg(
        key=key,
        title=title,
        description=described,
        width=BAR_WIDTH,
        height=BAR_ROW_HEIGHT * len(figures),
        body=body,
    )
    return Chart(key, title, described, svg, table)


# --- line chart ------------------------------------------------------------------------


def line_chart(
    *,
    key: str,
    title: str,
    labels: Sequence[str],
    series: Sequence[Series],
    label_column: str,
    caption: str = "",
    missing: str = ":",
    description: str = "",
) -> Chart:
    """One line per series across `labels` (left to right), with a legend. The table has one
    row per label and one column per series; a missing value is shown as `missing`."""
    table = Table(
        caption=caption or title,
        columns=(label_column, *(s.name for s in series)),
        rows=tuple(
            Row(label, tuple(_cell(s.values[i], missing) for s in series))
            for i, label in enumerate(labels)
        ),
    )
    described = description or (
        f"{len(series)} line{'s' if len(series) != 1 else ''}"
        + (f" from {labels[0]} to {labels[-1]}" if labels else "")
        + ". The table gives the same figures."
    )
    numbers = [v for s in series for v in s.values if isinstance(v, int)]
    if not labels or not numbers:
        return Chart(key, title, described, SafeString(""), table)
    top = max([*numbers, 1])
    span_x = max(1, len(labels) - 1)

    def x(i: int) -> float:
        return round(LINE_PAD + i * (LINE_WIDTH - 2 * LINE_PAD) / span_x, 1)

    def y(v: int) -> float:
        return round(LINE_HEIGHT - LINE_PAD - v * (LINE_HEIGHT - 2 * LINE_PAD) / top, 1)

    base = LINE_HEIGHT - LINE_PAD
    parts = [
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"></line>'
            '<text x="{}" y="{}" text-anchor="end" font-size="12">{}</text>'
            '<text x="{}" y="{}" text-anchor="end" font-size="12">0</text>',
            LINE_PAD,
            base,
            LINE_WIDTH - LINE_PAD,
            base,
            TEXT,
            LINE_PAD - 6,
            LINE_PAD,
            top,
            LINE_PAD - 6,
            base,
        ),
        format_html_join(
            "",
            '<text x="{}" y="{}" text-anchor="middle" font-size="12">{}</text>',
            ((x(i), base + 18, label) for i, label in enumerate(labels)),
        ),
    ]
    for n, line in enumerate(series):
        colour = SERIES_COLOURS[n % len(SERIES_COLOURS)]
        points = [(x(i), y(v)) for i, v in enumerate(line.values) if isinstance(v, int)]
        if len(points) > 1:
            parts.append(
                format_html(
                    '<polyline points="{}" fill="none" stroke="{}" stroke-width="3"></polyline>',
                    " ".join(f"{px},{py}" for px, py in points),
                    colour,
                )
            )
        parts.append(
            format_html_join(
                "",
                '<circle cx="{}" cy="{}" r="4" fill="{}"></circle>',
                ((px, py, colour) for px, py in points),
            )
        )
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="12" fill="{}">{}</text>',
                LINE_PAD + 150 * n,
                LINE_HEIGHT - 6,
                colour,
                line.name,
            )
        )
    svg = _svg(
        key=key,
        title=title,
        description=described,
        width=LINE_WIDTH,
        height=LINE_HEIGHT,
        body=_join(parts),
    )
    return Chart(key, title, described, svg, table)


# --- grouped bar chart -----------------------------------------------------------------


def grouped_bar_chart(
    *,
    key: str,
    title: str,
    groups: Sequence[str],
    series: Sequence[Series],
    label_column: str,
    caption: str = "",
    caption_style: CaptionStyle = "m",
    total_column: str = "",
    description: str = "",
    empty: str = "There are no figures.",
) -> Chart:
    """One row per series (in the order given; at most GROUPED_MAX_ROWS drawn), one upright bar
    per group with its count above it, heights in proportion to the largest count. The table has
    every series as a row, one column per group and, with `total_column`, a total."""

    def whole(v: Value) -> int:
        return v if isinstance(v, int) else 0

    table = Table(
        caption=caption or title,
        columns=(label_column, *groups, *([total_column] if total_column else [])),
        rows=tuple(
            Row(
                s.name,
                tuple(_cell(v, ":") for v in s.values)
                + ((str(sum(whole(v) for v in s.values)),) if total_column else ()),
                href=s.href,
            )
            for s in series
        ),
        caption_style=caption_style,
        empty=empty,
    )
    described = description or (
        (f"From {groups[0]} to {groups[-1]}. " if groups else "")
        + "The table gives the same figures."
    )
    drawn = [s for s in series if any(whole(v) for v in s.values)][:GROUPED_MAX_ROWS]
    if not drawn or not groups:
        return Chart(key, title, described, SafeString(""), table)
    peak = max(whole(v) for s in drawn for v in s.values)
    column = (GROUPED_WIDTH - GROUPED_LABEL_WIDTH) / len(groups)
    bar_width = min(column * 0.6, 40)
    font_size = 14 if column >= 70 else 12 if column >= 52 else 10

    def centre(i: int) -> float:
        return GROUPED_LABEL_WIDTH + column * i + column / 2

    parts = [
        format_html_join(
            "",
            '<text x="{}" y="18" text-anchor="middle" font-size="{}" fill="{}">{}</text>',
            ((round(centre(i), 1), font_size, TEXT, group) for i, group in enumerate(groups)),
        )
    ]
    for index, row in enumerate(drawn):
        base = GROUPED_HEADER + GROUPED_ROW_HEIGHT * (index + 1) - 6
        parts.append(
            format_html(
                '<text x="0" y="{}" font-size="14" fill="{}">{}</text>'
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="1"></line>',
                base - 8,
                TEXT,
                _short(row.name, GROUPED_LABEL_CHARS),
                GROUPED_LABEL_WIDTH,
                GROUPED_WIDTH,
                base,
                base,
                RULE,
            )
        )
        bars = []
        for i, value in enumerate(row.values):
            count = whole(value)
            if not count:
                continue
            height = round(GROUPED_BAR_MAX * count / peak, 1)
            bars.append(
                (
                    round(centre(i) - bar_width / 2, 1),
                    round(base - height, 1),
                    round(bar_width, 1),
                    height,
                    BLUE,
                    round(centre(i), 1),
                    round(base - height - 3, 1),
                    TEXT,
                    count,
                )
            )
        parts.append(
            format_html_join(
                "",
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"></rect>'
                '<text x="{}" y="{}" text-anchor="middle" font-size="12" fill="{}">{}</text>',
                bars,
            )
        )
    svg = _svg(
        key=key,
        title=title,
        description=described,
        width=GROUPED_WIDTH,
        height=GROUPED_HEADER + GROUPED_ROW_HEIGHT * len(drawn) + 8,
        body=_join(parts),
    )
    return Chart(key, title, described, svg, table)
