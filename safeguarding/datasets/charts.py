"""Server-side SVG line charts (no scripts). Every chart is shown beside a table of the same
figures; suppressed or missing points are left out of the line."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

COLOURS = ("#1d70b8", "#d4351c", "#00703c", "#4c2c92")
WIDTH, HEIGHT, PAD = 560, 240, 48


def line_chart(
    *, title: str, labels: Sequence[str], series: Sequence[tuple[str, Sequence[object]]]
) -> SafeString:
    numbers = [v for _n, values in series for v in values if isinstance(v, int)]
    top = max(numbers + [1])
    span_x = max(1, len(labels) - 1)

    def x(i: int) -> float:
        return PAD + i * (WIDTH - 2 * PAD) / span_x

    def y(v: int) -> float:
        return HEIGHT - PAD - v * (HEIGHT - 2 * PAD) / top

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="chart-{abs(hash(title))}" class="datasets-chart" width="100%">',
        f'<title id="chart-{abs(hash(title))}">{escape(title)}</title>',
        f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" '
        'stroke="#0b0c0c"/>',
        f'<text x="{PAD - 6}" y="{PAD}" text-anchor="end" font-size="12">{top}</text>',
        f'<text x="{PAD - 6}" y="{HEIGHT - PAD}" text-anchor="end" font-size="12">0</text>',
    ]
    for i, label in enumerate(labels):
        parts.append(
            f'<text x="{x(i):.1f}" y="{HEIGHT - PAD + 18}" text-anchor="middle" '
            f'font-size="12">{escape(label)}</text>'
        )
    for n, (name, values) in enumerate(series):
        colour = COLOURS[n % len(COLOURS)]
        points = [(x(i), y(v)) for i, v in enumerate(values) if isinstance(v, int)]
        if len(points) > 1:
            path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="3"/>'
            )
        for px, py in points:
            parts.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4" fill="{colour}"/>')
        parts.append(
            f'<text x="{PAD + 150 * n}" y="{HEIGHT - 6}" font-size="12" fill="{colour}">'
            f"{escape(name)}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every label above is escaped
