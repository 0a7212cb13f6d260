"""Server-side SVG bar charts. Every chart is drawn from the same figures as the data table
printed beside it; the SVG has role="img" and a <title>, and no script or inline style."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

BAR_HEIGHT = 24
GAP = 10
LABEL_WIDTH = 190
BAR_AREA = 300
WIDTH = LABEL_WIDTH + BAR_AREA + 60


def bar_chart_svg(*, title: str, rows: Sequence[tuple[str, int]], chart_id: str) -> SafeString:
    """A horizontal bar chart: one bar per (label, count). `chart_id` is unique on the page."""
    largest = max((count for _label, count in rows), default=0) or 1
    height = len(rows) * (BAR_HEIGHT + GAP) + GAP
    bars = []
    for index, (label, count) in enumerate(rows):
        y = GAP + index * (BAR_HEIGHT + GAP)
        length = round(BAR_AREA * count / largest)
        bars.append(
            (
                y + BAR_HEIGHT * 0.7,
                label[:32],
                LABEL_WIDTH,
                y,
                length,
                BAR_HEIGHT,
                LABEL_WIDTH + length + 6,
                y + BAR_HEIGHT * 0.7,
                count,
            )
        )
    body = format_html_join(
        "",
        '<text x="0" y="{}" class="app-chart__label">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="#1d70b8"></rect>'
        '<text x="{}" y="{}" class="app-chart__value">{}</text>',
        bars,
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {} {}" '
        'class="app-chart" font-family="Arial, sans-serif" font-size="14" '
        'aria-labelledby="{}"><title id="{}">{}</title>{}</svg>',
        WIDTH,
        height,
        chart_id,
        chart_id,
        title,
        body,
    )
