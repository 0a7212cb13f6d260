"""Server-side geometry for horizontal bar charts on the figures page (drawn as SVG by the
template: no script, every label escaped). The page always shows the same figures in a table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from safeguarding.child_deaths.reporting import Count

WIDTH = 640
LABEL_WIDTH = 200
ROW_HEIGHT = 34
BAR_HEIGHT = 22
VALUE_SPACE = 90


@dataclass(frozen=True)
class BarRow:
    label: str
    count: int
    percent: int | None
    y: float
    width: float
    text_y: float
    value_x: float


@dataclass(frozen=True)
class BarChart:
    key: str
    title: str
    description: str
    width: int
    height: int
    label_width: int
    rows: tuple[BarRow, ...]


def bar_chart(key: str, title: str, counts: Sequence[Count]) -> BarChart | None:
    """One bar per count, length in proportion to the largest. None when all are zero."""
    peak = max((c.count for c in counts), default=0)
    if peak == 0:
        return None
    usable = WIDTH - LABEL_WIDTH - VALUE_SPACE
    rows = []
    for i, c in enumerate(counts):
        top = i * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2
        width = round(usable * c.count / peak, 1)
        rows.append(
            BarRow(
                label=c.label,
                count=c.count,
                percent=c.percent,
                y=top,
                width=width,
                text_y=top + BAR_HEIGHT / 2 + 5,
                value_x=LABEL_WIDTH + width + 6,
            )
        )
    described = "; ".join(
        f"{c.label}: {c.count}" + (f" ({c.percent}%)" if c.percent is not None else "")
        for c in counts
    )
    return BarChart(
        key=key,
        title=title,
        description=f"{described}. The table gives the same figures.",
        width=WIDTH,
        height=ROW_HEIGHT * len(counts),
        label_width=LABEL_WIDTH,
        rows=tuple(rows),
    )
