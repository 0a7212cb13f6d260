"""Server-side geometry for the theme trend chart (drawn as SVG by the template, so every label
is escaped and no script is needed). The page always puts the same figures in a data table."""

from __future__ import annotations

from dataclasses import dataclass

from safeguarding.learning.selectors import ThemeTrend

WIDTH = 760
LABEL_WIDTH = 240
HEADER = 30
ROW_HEIGHT = 44
BAR_MAX = 30
MAX_ROWS = 12


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    count: int
    text_x: float
    text_y: float


@dataclass(frozen=True)
class ChartRow:
    name: str
    text_y: float
    line_y: float
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class TrendChart:
    width: int
    height: int
    label_width: int
    year_font_size: int
    year_labels: tuple[tuple[float, str], ...]
    rows: tuple[ChartRow, ...]
    description: str


def trend_chart(trend: ThemeTrend) -> TrendChart | None:
    """One row per theme with learning in these years (most used first, at most MAX_ROWS),
    one bar per year, bar height in proportion to the largest count. None when there is
    nothing to draw."""
    used = [row for row in trend.rows if row.total][:MAX_ROWS]
    if not used or not trend.years:
        return None
    peak = max(max(row.counts) for row in used)
    column = (WIDTH - LABEL_WIDTH) / len(trend.years)
    bar_width = min(column * 0.6, 40)
    year_labels = tuple(
        (LABEL_WIDTH + column * i + column / 2, year.label) for i, year in enumerate(trend.years)
    )
    rows = []
    for index, row in enumerate(used):
        base = HEADER + ROW_HEIGHT * (index + 1) - 6
        bars = []
        for i, count in enumerate(row.counts):
            height = BAR_MAX * count / peak if peak else 0
            centre = LABEL_WIDTH + column * i + column / 2
            bars.append(
                Bar(
                    x=round(centre - bar_width / 2, 1),
                    y=round(base - height, 1),
                    width=round(bar_width, 1),
                    height=round(height, 1),
                    count=count,
                    text_x=round(centre, 1),
                    text_y=round(base - height - 3, 1),
                )
            )
        rows.append(ChartRow(name=row.theme.name, text_y=base - 8, line_y=base, bars=tuple(bars)))
    first, last = trend.years[0].label, trend.years[-1].label
    return TrendChart(
        width=WIDTH,
        height=HEADER + ROW_HEIGHT * len(rows) + 8,
        label_width=LABEL_WIDTH,
        year_font_size=14 if column >= 70 else 12 if column >= 52 else 10,
        year_labels=year_labels,
        rows=tuple(rows),
        description=(
            f"How many learning points carry each theme in each reporting year from {first} "
            f"to {last}. The table below gives the same figures."
        ),
    )
